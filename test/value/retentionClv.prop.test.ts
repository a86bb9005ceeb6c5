import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { retentionClv } from '../../src/value/retentionClv.ts';
import { expectClose } from '../helpers/expectClose.ts';

// 0 or at least 1e-3 (rates: 0, 1 or at least 1e-6): subnormal inputs would only test the coarser rounding of denormal numbers.
const margin = fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e6, noNaN: true }));
const rate = fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 1e-6, max: 1, noNaN: true }));
const discount = fc.double({ min: 0.001, max: 1, noNaN: true });
const periods = fc.integer({ min: 0, max: 300 });
const curve = fc.array(rate, { maxLength: 60 });

/** Brute force, term by term with Math.pow: Σ_{t=1..n} m·r^t/(1 + i)^t. */
function bruteForce(m: number, r: number, i: number, n: number): number {
  let total = 0;
  for (let t = 1; t <= n; t++) total += (m * r ** t) / (1 + i) ** t;
  return total;
}

describe('retentionClv properties', () => {
  test.prop([margin, rate, discount, periods], { numRuns: 200 })(
    'agrees with the term-by-term sum for a constant rate',
    (m, r, i, n) => {
      expectClose(retentionClv({ margin: m, retention: r, discountRate: i, periods: n }), bruteForce(m, r, i, n), {
        rel: 1e-11,
        abs: 1e-300,
      });
    },
  );

  test.prop([margin, rate, discount, periods], { numRuns: 200 })(
    'agrees between a flat curve and the constant rate',
    (m, r, i, n) => {
      const flat = new Array<number>(n).fill(r);
      expectClose(
        retentionClv({ margin: m, retention: flat, discountRate: i }),
        retentionClv({ margin: m, retention: r, discountRate: i, periods: n }),
        {
          rel: 1e-11,
          abs: 1e-300,
        },
      );
    },
  );

  test.prop([margin, rate, discount, periods, periods], { numRuns: 200 })(
    'grows with the horizon and converges to the infinite-horizon value from below',
    (m, r, i, n1, n2) => {
      const [short, long] = n1 <= n2 ? [n1, n2] : [n2, n1];
      const infinite = retentionClv({ margin: m, retention: r, discountRate: i });
      const a = retentionClv({ margin: m, retention: r, discountRate: i, periods: short });
      const b = retentionClv({ margin: m, retention: r, discountRate: i, periods: long });
      expect(a).toBeLessThanOrEqual(b * (1 + 1e-14));
      expect(b).toBeLessThanOrEqual(infinite * (1 + 1e-14));
      // The gap is exactly the infinite value times q^n, q = r/(1 + i).
      expectClose(infinite - b, infinite * (r / (1 + i)) ** long, { abs: 1e-12 * infinite });
    },
  );

  test.prop([margin, fc.double({ min: 0, max: 0.99, noNaN: true }), discount], { numRuns: 200 })(
    'reaches the infinite-horizon value once q^n is negligible',
    (m, r, i) => {
      const q = r / (1 + i);
      const n = q === 0 ? 1 : Math.min(1e6, Math.ceil(Math.log(1e-17) / Math.log(q)));
      expectClose(
        retentionClv({ margin: m, retention: r, discountRate: i, periods: n }),
        retentionClv({ margin: m, retention: r, discountRate: i }),
        { rel: 1e-13 },
      );
    },
  );

  test.prop([margin, rate, discount, periods, periods], { numRuns: 200 })(
    'splits a horizon: V(n + k) = V(n) + q^n·V(k)',
    (m, r, i, n, k) => {
      const q = r / (1 + i);
      const whole = retentionClv({ margin: m, retention: r, discountRate: i, periods: n + k });
      const parts =
        retentionClv({ margin: m, retention: r, discountRate: i, periods: n }) +
        q ** n * retentionClv({ margin: m, retention: r, discountRate: i, periods: k });
      expectClose(whole, parts, { rel: 1e-11, abs: 1e-300 });
    },
  );

  test.prop([margin, rate, rate, discount], { numRuns: 200 })('rises with retention', (m, r1, r2, i) => {
    const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
    expect(retentionClv({ margin: m, retention: lo, discountRate: i })).toBeLessThanOrEqual(
      retentionClv({ margin: m, retention: hi, discountRate: i }),
    );
  });

  test.prop([margin, rate, discount, discount, periods], { numRuns: 200 })(
    'falls as the discount rate rises',
    (m, r, i1, i2, n) => {
      const [lo, hi] = i1 <= i2 ? [i1, i2] : [i2, i1];
      expect(retentionClv({ margin: m, retention: r, discountRate: hi, periods: n })).toBeLessThanOrEqual(
        retentionClv({ margin: m, retention: r, discountRate: lo, periods: n }) * (1 + 1e-14),
      );
    },
  );

  test.prop([margin, rate, discount, fc.option(periods, { nil: undefined })], { numRuns: 200 })(
    'is linear in the margin',
    (m, r, i, n) => {
      const base = n === undefined ? { retention: r, discountRate: i } : { retention: r, discountRate: i, periods: n };
      expect(retentionClv({ ...base, margin: 2 * m })).toBe(2 * retentionClv({ ...base, margin: m }));
    },
  );

  test.prop([margin, rate, discount, fc.double({ min: 0, max: 1e6, noNaN: true })], { numRuns: 200 })(
    'subtracts the acquisition cost one for one',
    (m, r, i, cost) => {
      const gross = retentionClv({ margin: m, retention: r, discountRate: i });
      expect(retentionClv({ margin: m, retention: r, discountRate: i, acquisitionCost: cost })).toBe(gross - cost);
    },
  );

  test.prop([margin, curve, rate, discount], { numRuns: 200 })(
    'never falls when the curve gets one more period',
    (m, rates, extra, i) => {
      expect(retentionClv({ margin: m, retention: [...rates, extra], discountRate: i })).toBeGreaterThanOrEqual(
        retentionClv({ margin: m, retention: rates, discountRate: i }),
      );
    },
  );

  test.prop([margin, curve, discount], { numRuns: 200 })(
    'agrees with the survival-product formula for a curve',
    (m, rates, i) => {
      let expected = 0;
      for (let t = 1; t <= rates.length; t++) {
        let survival = 1;
        for (let k = 0; k < t; k++) survival *= rates[k] as number;
        expected += (m * survival) / (1 + i) ** t;
      }
      expectClose(retentionClv({ margin: m, retention: rates, discountRate: i }), expected, {
        rel: 1e-12,
        abs: 1e-300,
      });
    },
  );

  test.prop([curve, fc.integer({ min: 1, max: 10 })], { numRuns: 100 })(
    'rejects a horizon longer than the curve',
    (rates, extra) => {
      expect(() =>
        retentionClv({ margin: 1, retention: rates, discountRate: 0.1, periods: rates.length + extra }),
      ).toThrow(RangeError);
    },
  );

  test.prop([fc.double().filter((x) => !(x >= 0 && x <= 1))], { numRuns: 200 })(
    'throws a RangeError for a retention rate outside [0, 1]',
    (bad) => {
      expect(() => retentionClv({ margin: 1, retention: bad, discountRate: 0.1 })).toThrow(RangeError);
      expect(() => retentionClv({ margin: 1, retention: [0.5, bad], discountRate: 0.1 })).toThrow(RangeError);
    },
  );

  test.prop([fc.double().filter((x) => !(Number.isInteger(x) && x >= 0))], { numRuns: 200 })(
    'throws a RangeError for a horizon that is not a non-negative integer',
    (bad) => {
      expect(() => retentionClv({ margin: 1, retention: 0.8, discountRate: 0.1, periods: bad })).toThrow(RangeError);
    },
  );
});
