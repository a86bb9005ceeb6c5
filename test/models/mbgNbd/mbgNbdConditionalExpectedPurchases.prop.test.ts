import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mbgNbdConditionalExpectedPurchases, mbgNbdExpectedPurchases } from '../../../src/index.ts';
import { mbgNbdParams as params, modelCustomer, positive } from '../arbitraries.ts';

const customer = modelCustomer(5000);

describe('mbgNbdConditionalExpectedPurchases properties', () => {
  it('expected purchases are finite and non-decreasing in t', () => {
    fc.assert(
      fc.property(params, customer, positive(0, 100), positive(0, 100), (p, c, t, dt) => {
        const a = mbgNbdConditionalExpectedPurchases(p, t, c);
        expect(Number.isFinite(a)).toBe(true);
        expect(mbgNbdConditionalExpectedPurchases(p, t + dt, c)).toBeGreaterThanOrEqual(a * (1 - 1e-9) - 1e-12);
        expect(mbgNbdExpectedPurchases(p, t + dt)).toBeGreaterThanOrEqual(
          mbgNbdExpectedPurchases(p, t) * (1 - 1e-9) - 1e-12,
        );
      }),
      { numRuns: 150 },
    );
  });
});
