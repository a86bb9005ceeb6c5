import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgBbConditionalExpectedPurchases, bgBbExpectedPurchases } from '../../../src/index.ts';

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const params = fc.record({ alpha: positive(0.05, 50), beta: positive(0.05, 50), gamma: positive(0.05, 50), delta: positive(0.05, 50) });
const customer = fc
  .integer({ min: 1, max: 60 })
  .chain((n) => fc.integer({ min: 0, max: n }).chain((tx) => fc.record({ frequency: tx === 0 ? fc.constant(0) : fc.integer({ min: 1, max: tx }), recency: fc.constant(tx), opportunities: fc.constant(n) })));

describe('bgBbConditionalExpectedPurchases properties', () => {
  it('expected purchases are within [0, n*] and non-decreasing in n*', () => {
    fc.assert(
      fc.property(params, customer, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (p, c, k, dk) => {
        const a = bgBbConditionalExpectedPurchases(p, c, { futurePeriods: k });
        const b = bgBbConditionalExpectedPurchases(p, c, { futurePeriods: k + dk });
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(k * (1 + 1e-9) + 1e-12);
        expect(b).toBeGreaterThanOrEqual(a * (1 - 1e-9));
        const e = bgBbExpectedPurchases(p, k);
        expect(bgBbExpectedPurchases(p, k + dk)).toBeGreaterThanOrEqual(e * (1 - 1e-9));
      }),
      { numRuns: 150 },
    );
  });
});
