import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mbgNbdConditionalExpectedPurchases, mbgNbdExpectedPurchases } from '../../../src/index.ts';

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const params = fc.record({ r: positive(0.05, 20), alpha: positive(0.05, 200), a: positive(0.05, 20), b: positive(0.05, 20) });
const customer = fc
  .record({ frequency: fc.integer({ min: 0, max: 5000 }), T: positive(0, 200), share: positive(0, 1) })
  .map(({ frequency, T, share }) => ({ frequency, recency: frequency === 0 ? 0 : T * share, T }));

describe('mbgNbdConditionalExpectedPurchases properties', () => {
  it('expected purchases are finite and non-decreasing in t', () => {
    fc.assert(
      fc.property(params, customer, positive(0, 100), positive(0, 100), (p, c, t, dt) => {
        const a = mbgNbdConditionalExpectedPurchases(p, t, c);
        expect(Number.isFinite(a)).toBe(true);
        expect(mbgNbdConditionalExpectedPurchases(p, t + dt, c)).toBeGreaterThanOrEqual(a * (1 - 1e-9) - 1e-12);
        expect(mbgNbdExpectedPurchases(p, t + dt)).toBeGreaterThanOrEqual(mbgNbdExpectedPurchases(p, t) * (1 - 1e-9) - 1e-12);
      }),
      { numRuns: 150 },
    );
  });
});
