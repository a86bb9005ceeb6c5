import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoNbdConditionalExpectedPurchases, paretoNbdExpectedPurchases } from '../../../src/index.ts';
import { modelCustomer, paretoNbdParams as params, positive } from '../arbitraries.ts';

const customer = modelCustomer(2000);

describe('paretoNbdConditionalExpectedPurchases properties', () => {
  it('expected purchases are finite, non-negative and non-decreasing in t', () => {
    fc.assert(
      fc.property(params, customer, positive(0, 100), positive(0, 100), (p, c, t1, dt) => {
        const a = paretoNbdConditionalExpectedPurchases(p, t1, c);
        const b = paretoNbdConditionalExpectedPurchases(p, t1 + dt, c);
        expect(Number.isFinite(a)).toBe(true);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeGreaterThanOrEqual(a * (1 - 1e-12));
        expect(paretoNbdExpectedPurchases(p, t1 + dt)).toBeGreaterThanOrEqual(
          paretoNbdExpectedPurchases(p, t1) * (1 - 1e-12),
        );
      }),
      { numRuns: 150 },
    );
  });
});
