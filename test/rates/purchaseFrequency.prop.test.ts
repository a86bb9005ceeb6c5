import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { averageOrderValue } from '../../src/rates/averageOrderValue.ts';
import { purchaseFrequency } from '../../src/rates/purchaseFrequency.ts';
import { expectClose } from '../helpers/expectClose.ts';

const orders = fc.integer({ min: 0, max: 1e12 });
const customers = fc.integer({ min: 1, max: 1e12 });

describe('purchaseFrequency properties', () => {
  test.prop([orders, customers], { numRuns: 200 })('is non-negative and at most the order count', (o, c) => {
    const f = purchaseFrequency({ orders: o, customers: c });
    expect(f).toBeGreaterThanOrEqual(0);
    expect(f).toBeLessThanOrEqual(o);
  });

  test.prop([orders, customers, fc.integer({ min: 1, max: 1000 })], { numRuns: 200 })(
    'is scale invariant',
    (o, c, k) => {
      expect(purchaseFrequency({ orders: k * o, customers: k * c })).toBe(
        purchaseFrequency({ orders: o, customers: c }),
      );
    },
  );

  test.prop([orders, customers], { numRuns: 200 })('rises with orders and falls with customers', (o, c) => {
    const base = purchaseFrequency({ orders: o, customers: c });
    expect(purchaseFrequency({ orders: o + 1, customers: c })).toBeGreaterThan(base);
    expect(purchaseFrequency({ orders: o, customers: c + 1 })).toBeLessThanOrEqual(base);
  });

  test.prop([fc.double({ min: 0, max: 1e9, noNaN: true }), fc.integer({ min: 1, max: 1e9 }), customers], {
    numRuns: 200,
  })('times averageOrderValue gives revenue per customer', (revenue, o, c) => {
    const perCustomer = averageOrderValue({ revenue, orders: o }) * purchaseFrequency({ orders: o, customers: c });
    expectClose(perCustomer, revenue / c, { rel: 4 * Number.EPSILON, abs: 1e-300 });
  });

  test.prop([fc.double().filter((x) => !(Number.isInteger(x) && x >= 0))], { numRuns: 200 })(
    'throws a RangeError for a count that is not a non-negative integer',
    (bad) => {
      expect(() => purchaseFrequency({ orders: bad, customers: 1 })).toThrow(RangeError);
      expect(() => purchaseFrequency({ orders: 1, customers: bad })).toThrow(RangeError);
    },
  );
});
