import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { convertChurnRate } from '../../src/rates/convertChurnRate.ts';
import { expectClose } from '../helpers/expectClose.ts';

const churn = fc.double({ min: 0, max: 1, noNaN: true });
const length = fc.double({ min: 1 / 64, max: 64, noNaN: true });

describe('convertChurnRate properties', () => {
  test.prop([churn, length, length], { numRuns: 200 })('stays within [0, 1]', (c, fromPeriods, toPeriods) => {
    const out = convertChurnRate(c, { fromPeriods, toPeriods });
    expect(out).toBeGreaterThanOrEqual(0);
    expect(out).toBeLessThanOrEqual(1);
  });

  test.prop([fc.double({ min: 0, max: 0.5, noNaN: true })], { numRuns: 200 })(
    'round-trips monthly → annual → monthly',
    (monthly) => {
      const annual = convertChurnRate(monthly, { fromPeriods: 1, toPeriods: 12 });
      expectClose(convertChurnRate(annual, { fromPeriods: 12, toPeriods: 1 }), monthly, { rel: 1e-9, abs: 1e-15 });
    },
  );

  test.prop([churn], { numRuns: 200 })('agrees with compounding survival period by period', (monthly) => {
    // Twelve months of survival (1 − c), multiplied out one month at a time.
    let survival = 1;
    for (let month = 0; month < 12; month++) survival *= 1 - monthly;
    expectClose(convertChurnRate(monthly, { fromPeriods: 1, toPeriods: 12 }), 1 - survival, { abs: 1e-14 });
  });

  const shortLength = fc.double({ min: 0.25, max: 4, noNaN: true });
  test.prop([fc.double({ min: 0, max: 0.2, noNaN: true }), shortLength, shortLength, shortLength], { numRuns: 200 })(
    'composes: a → b → c equals a → c',
    (c, a, b, d) => {
      const direct = convertChurnRate(c, { fromPeriods: a, toPeriods: d });
      const viaB = convertChurnRate(convertChurnRate(c, { fromPeriods: a, toPeriods: b }), {
        fromPeriods: b,
        toPeriods: d,
      });
      // Ratios stay within 1/16…16 so survival (1 − c)^k ≥ 0.8^16 keeps its relative precision;
      // converting back out of a survival near 0 is ill-conditioned for any implementation.
      expectClose(viaB, direct, { rel: 1e-9, abs: 1e-12 });
    },
  );

  test.prop([churn, length, length, fc.double({ min: 1e-3, max: 1e3, noNaN: true })], { numRuns: 200 })(
    'depends only on the ratio of the period lengths (unit invariance)',
    (c, fromPeriods, toPeriods, unit) => {
      expectClose(
        convertChurnRate(c, { fromPeriods: fromPeriods * unit, toPeriods: toPeriods * unit }),
        convertChurnRate(c, { fromPeriods, toPeriods }),
        {
          rel: 1e-12,
          abs: 1e-15,
        },
      );
    },
  );

  test.prop([churn, churn, length, length], { numRuns: 200 })(
    'is monotone in churn',
    (c1, c2, fromPeriods, toPeriods) => {
      const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
      expect(convertChurnRate(lo, { fromPeriods, toPeriods })).toBeLessThanOrEqual(
        convertChurnRate(hi, { fromPeriods, toPeriods }),
      );
    },
  );

  test.prop([churn, length, length, length], { numRuns: 200 })(
    'grows with the target period length and exceeds the input for longer periods',
    (c, fromPeriods, t1, t2) => {
      const [lo, hi] = t1 <= t2 ? [t1, t2] : [t2, t1];
      expect(convertChurnRate(c, { fromPeriods, toPeriods: lo })).toBeLessThanOrEqual(
        convertChurnRate(c, { fromPeriods, toPeriods: hi }),
      );
      if (hi >= fromPeriods)
        expect(convertChurnRate(c, { fromPeriods, toPeriods: hi })).toBeGreaterThanOrEqual(c * (1 - 1e-15));
    },
  );

  test.prop([fc.double({ noNaN: false }).filter((x) => !(x >= 0 && x <= 1))], { numRuns: 200 })(
    'throws a RangeError for churn outside [0, 1]',
    (bad) => {
      expect(() => convertChurnRate(bad, { fromPeriods: 1, toPeriods: 12 })).toThrow(RangeError);
    },
  );

  test.prop([fc.double().filter((x) => !(x > 0 && Number.isFinite(x)))], { numRuns: 200 })(
    'throws a RangeError for a non-positive or non-finite period length',
    (bad) => {
      expect(() => convertChurnRate(0.1, { fromPeriods: bad, toPeriods: 12 })).toThrow(RangeError);
      expect(() => convertChurnRate(0.1, { fromPeriods: 1, toPeriods: bad })).toThrow(RangeError);
    },
  );
});
