import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoNbdConditionalExpectedPurchases, paretoNbdExpectedPurchases } from '../../../src/index.ts';

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const params = fc.record({ r: positive(0.05, 20), alpha: positive(0.05, 200), s: positive(0.05, 20), beta: positive(0.05, 200) });
const customer = fc
  .record({ frequency: fc.integer({ min: 0, max: 2000 }), T: positive(0, 200), share: positive(0, 1) })
  .map(({ frequency, T, share }) => ({ frequency, recency: frequency === 0 ? 0 : T * share, T }));

describe('paretoNbdConditionalExpectedPurchases properties', () => {
  it('expected purchases are finite, non-negative and non-decreasing in t', () => {
    fc.assert(
      fc.property(params, customer, positive(0, 100), positive(0, 100), (p, c, t1, dt) => {
        const a = paretoNbdConditionalExpectedPurchases(p, t1, c);
        const b = paretoNbdConditionalExpectedPurchases(p, t1 + dt, c);
        expect(Number.isFinite(a)).toBe(true);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeGreaterThanOrEqual(a * (1 - 1e-12));
        expect(paretoNbdExpectedPurchases(p, t1 + dt)).toBeGreaterThanOrEqual(paretoNbdExpectedPurchases(p, t1) * (1 - 1e-12));
      }),
      { numRuns: 150 },
    );
  });
});
