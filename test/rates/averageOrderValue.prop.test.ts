import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { averageOrderValue } from '../../src/rates/averageOrderValue.ts';
import { expectClose } from '../helpers/expectClose.ts';

const revenue = fc.double({ min: 0, max: 1e12, noNaN: true });
const orders = fc.integer({ min: 1, max: 1e9 });

describe('averageOrderValue properties', () => {
  test.prop([revenue, orders], { numRuns: 200 })('lies between 0 and the revenue', (v, o) => {
    const aov = averageOrderValue({ revenue: v, orders: o });
    expect(aov).toBeGreaterThanOrEqual(0);
    expect(aov).toBeLessThanOrEqual(v);
  });

  test.prop([revenue, orders, fc.double({ min: 1e-6, max: 1e6, noNaN: true })], { numRuns: 200 })(
    'scales with the currency',
    (v, o, rate) => {
      expectClose(
        averageOrderValue({ revenue: v * rate, orders: o }),
        averageOrderValue({ revenue: v, orders: o }) * rate,
        { rel: 4 * Number.EPSILON, abs: 1e-300 },
      );
    },
  );

  test.prop([revenue, orders, fc.integer({ min: 1, max: 1000 })], { numRuns: 200 })(
    'is unchanged when k copies of the same orders are pooled',
    (v, o, k) => {
      // A subnormal quotient (revenue near 1e-300) has an absolute rounding error of up to Number.MIN_VALUE / 2,
      // which no relative tolerance covers (a run with revenue 6.3e-301 and 855 701 801 orders found it).
      expectClose(averageOrderValue({ revenue: k * v, orders: k * o }), averageOrderValue({ revenue: v, orders: o }), {
        rel: 4 * Number.EPSILON,
        abs: 2 * Number.MIN_VALUE,
      });
    },
  );

  test.prop([revenue, revenue, orders], { numRuns: 200 })('rises with revenue', (a, b, o) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    expect(averageOrderValue({ revenue: lo, orders: o })).toBeLessThanOrEqual(
      averageOrderValue({ revenue: hi, orders: o }),
    );
  });

  test.prop([fc.double().filter((x) => !(x >= 0 && Number.isFinite(x)))], { numRuns: 200 })(
    'throws a RangeError for negative or non-finite revenue',
    (bad) => {
      expect(() => averageOrderValue({ revenue: bad, orders: 1 })).toThrow(RangeError);
    },
  );
});
