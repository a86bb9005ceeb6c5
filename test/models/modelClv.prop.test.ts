import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelClv } from '../../src/index.ts';
import { expectClose } from '../helpers/expectClose.ts';
import { positive } from './arbitraries.ts';

const transaction = fc
  .record({ r: positive(0.05, 5), alpha: positive(0.5, 50), a: positive(0.1, 5), b: positive(0.1, 10) })
  .map((params) => ({ model: 'bgNbd' as const, params }));
const customer = fc
  .record({ x: fc.integer({ min: 0, max: 50 }), tx: positive(0, 50), extra: positive(0, 50), m: positive(1, 500) })
  .map(({ x, tx, extra, m }) => ({
    frequency: x,
    recency: x === 0 ? 0 : tx,
    T: (x === 0 ? 0 : tx) + extra,
    monetaryValue: m,
  }));
const spend = { p: 6.25, q: 3.74, v: 15.44 };

describe('modelClv properties', () => {
  it('is non-negative, non-decreasing in the horizon, non-increasing in the discount rate and linear in margin', () => {
    fc.assert(
      fc.property(transaction, customer, fc.integer({ min: 1, max: 24 }), positive(0, 0.2), (t, c, h, d) => {
        const base = { modelUnit: 'week', discountRate: d } as const;
        const v = modelClv(t, spend, c, { ...base, horizon: h });
        const longer = modelClv(t, spend, c, { ...base, horizon: h + 6 });
        const dearer = modelClv(t, spend, c, { ...base, horizon: h, discountRate: d + 0.05 });
        const half = modelClv(t, spend, c, { ...base, horizon: h, margin: 0.5 });
        expect(v).toBeGreaterThanOrEqual(0);
        expect(longer).toBeGreaterThanOrEqual(v * (1 - 1e-12));
        expect(dearer).toBeLessThanOrEqual(v * (1 + 1e-12));
        expectClose(half, v / 2, { rel: 1e-12, abs: 1e-300 });
      }),
      { numRuns: 100 },
    );
  });
});
