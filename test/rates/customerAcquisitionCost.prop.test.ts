import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { customerAcquisitionCost } from '../../src/rates/customerAcquisitionCost.ts';
import { ltvToCac } from '../../src/rates/ltvToCac.ts';
import { expectClose } from '../helpers/expectClose.ts';

const spend = fc.double({ min: 0, max: 1e12, noNaN: true });
const newCustomers = fc.integer({ min: 1, max: 1e9 });

describe('customerAcquisitionCost properties', () => {
  test.prop([spend, newCustomers], { numRuns: 200 })('lies between 0 and the total spend', (a, n) => {
    const cac = customerAcquisitionCost({ spend: a, newCustomers: n });
    expect(cac).toBeGreaterThanOrEqual(0);
    expect(cac).toBeLessThanOrEqual(a);
  });

  test.prop([spend, newCustomers, fc.double({ min: 1e-6, max: 1e6, noNaN: true })], { numRuns: 200 })(
    'scales with the currency',
    (a, n, rate) => {
      expectClose(
        customerAcquisitionCost({ spend: a * rate, newCustomers: n }),
        customerAcquisitionCost({ spend: a, newCustomers: n }) * rate,
        {
          rel: 4 * Number.EPSILON,
          abs: 1e-300,
        },
      );
    },
  );

  test.prop([spend, newCustomers, newCustomers], { numRuns: 200 })(
    'falls as more customers are won for the same spend',
    (a, n1, n2) => {
      const [lo, hi] = n1 <= n2 ? [n1, n2] : [n2, n1];
      expect(customerAcquisitionCost({ spend: a, newCustomers: hi })).toBeLessThanOrEqual(
        customerAcquisitionCost({ spend: a, newCustomers: lo }),
      );
    },
  );

  test.prop(
    [fc.double({ min: 1, max: 1e9, noNaN: true }), newCustomers, fc.double({ min: 0, max: 1e9, noNaN: true })],
    { numRuns: 200 },
  )('feeds ltvToCac: LTV / (spend / N) = LTV·N / spend', (a, n, ltv) => {
    // Subnormal results (LTV near 1e-308) carry absolute rounding errors of up to Number.MIN_VALUE / 2 each.
    expectClose(ltvToCac({ ltv, cac: customerAcquisitionCost({ spend: a, newCustomers: n }) }), (ltv * n) / a, {
      rel: 4 * Number.EPSILON,
      abs: 2 * Number.MIN_VALUE,
    });
  });

  test.prop([fc.double().filter((x) => !(x >= 0 && Number.isFinite(x)))], { numRuns: 200 })(
    'throws a RangeError for negative or non-finite spend',
    (bad) => {
      expect(() => customerAcquisitionCost({ spend: bad, newCustomers: 1 })).toThrow(RangeError);
    },
  );
});
