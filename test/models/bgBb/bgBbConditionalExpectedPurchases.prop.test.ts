import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgBbConditionalExpectedPurchases, bgBbExpectedPurchases } from '../../../src/index.ts';
import { bgBbCustomer as customer, bgBbParams as params } from '../arbitraries.ts';

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
