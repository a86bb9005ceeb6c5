import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { repeatPurchaseRate } from '../../src/rates/repeatPurchaseRate.ts';

const counts = fc
  .tuple(fc.integer({ min: 1, max: 1e12 }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([customers, share]) => ({ customers, repeatCustomers: Math.floor(share * customers) }));

describe('repeatPurchaseRate properties', () => {
  test.prop([counts], { numRuns: 200 })('stays within [0, 1]', (input) => {
    const r = repeatPurchaseRate(input);
    expect(r).toBeGreaterThanOrEqual(0);
    expect(r).toBeLessThanOrEqual(1);
  });

  test.prop([counts], { numRuns: 200 })(
    'is the complement of the one-time buyer share',
    ({ customers, repeatCustomers }) => {
      const oneTime = (customers - repeatCustomers) / customers;
      expect(Math.abs(repeatPurchaseRate({ customers, repeatCustomers }) + oneTime - 1)).toBeLessThanOrEqual(
        2 * Number.EPSILON,
      );
    },
  );

  test.prop([counts, fc.integer({ min: 1, max: 1000 })], { numRuns: 200 })(
    'is scale invariant',
    ({ customers, repeatCustomers }, k) => {
      expect(repeatPurchaseRate({ customers: k * customers, repeatCustomers: k * repeatCustomers })).toBe(
        repeatPurchaseRate({ customers, repeatCustomers }),
      );
    },
  );

  test.prop([counts], { numRuns: 200 })(
    'grows with the number of repeat customers',
    ({ customers, repeatCustomers }) => {
      fc.pre(repeatCustomers < customers);
      expect(repeatPurchaseRate({ customers, repeatCustomers: repeatCustomers + 1 })).toBeGreaterThan(
        repeatPurchaseRate({ customers, repeatCustomers }),
      );
    },
  );

  test.prop([fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 1e6 })], { numRuns: 200 })(
    'throws a RangeError when repeat customers exceed customers',
    (customers, excess) => {
      expect(() => repeatPurchaseRate({ customers, repeatCustomers: customers + excess })).toThrow(RangeError);
    },
  );
});
