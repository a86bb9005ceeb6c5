import { describe, expect, it } from 'vitest';
import { convertChurnRate } from '../../src/rates/convertChurnRate.ts';
import { expectClose, thrownKind } from '../helpers/expectClose.ts';

describe('convertChurnRate', () => {
  it('turns 5 % monthly churn into 1 − 0.95^12 annual churn', () => {
    // By hand: 0.95^2 = 0.9025, ^4 = 0.81450625, ^8 = 0.6634204312890625, ^12 = ^8·^4 = 0.540360087662636...
    expectClose(convertChurnRate(0.05, { fromPeriods: 1, toPeriods: 12 }), 1 - 0.6634204312890625 * 0.81450625, {
      rel: 1e-14,
    });
    expectClose(convertChurnRate(0.05, { fromPeriods: 1, toPeriods: 12 }), 0.45963991233736, { rel: 1e-13 });
  });

  it('turns annual churn back into monthly churn', () => {
    // 1 − 0.75^(1/12): ln 0.75 = −0.2876821, /12 = −0.0239735, e^{−0.0239735} = 0.9763116 → 0.0236884.
    expectClose(convertChurnRate(0.25, { fromPeriods: 12, toPeriods: 1 }), 1 - Math.exp(Math.log(0.75) / 12), {
      rel: 1e-13,
    });
    expectClose(convertChurnRate(0.25, { fromPeriods: 12, toPeriods: 1 }), 0.0236884, { abs: 5e-8 });
  });

  it('converts between fractional period lengths', () => {
    // Half-yearly from annual 50 %: 1 − √0.5.
    expectClose(convertChurnRate(0.5, { fromPeriods: 1, toPeriods: 0.5 }), 1 - Math.SQRT1_2, { rel: 1e-14 });
    // Quarterly 10 % to annual, in months: (1 − 0.1)^4 = 0.6561.
    expectClose(convertChurnRate(0.1, { fromPeriods: 3, toPeriods: 12 }), 0.3439, { rel: 1e-14 });
  });

  it('returns the rate unchanged for equal period lengths', () => {
    expectClose(convertChurnRate(0.37, { fromPeriods: 7, toPeriods: 7 }), 0.37, { rel: 1e-15 });
  });

  it('keeps full precision for tiny churn rates', () => {
    // 1 − (1 − c)^12 = 12c − 66c² + …; the naive formula would lose about 4 digits here.
    const c = 1e-12;
    expectClose(convertChurnRate(c, { fromPeriods: 1, toPeriods: 12 }), 12 * c - 66 * c * c, { rel: 1e-14 });
  });

  it('accepts frozen options', () => {
    expectClose(convertChurnRate(0.2, Object.freeze({ fromPeriods: 1, toPeriods: 2 })), 0.36, { rel: 1e-14 });
  });

  describe('edge cases', () => {
    it('keeps churn 0 at 0 and churn 1 at 1 in both directions', () => {
      for (const [fromPeriods, toPeriods] of [
        [1, 12],
        [12, 1],
        [1, 1e-9],
        [1e-300, 1e300],
        [1e300, 1e-300],
      ] as const) {
        expect(convertChurnRate(0, { fromPeriods, toPeriods })).toBe(0);
        expect(convertChurnRate(1, { fromPeriods, toPeriods })).toBe(1);
      }
    });

    it('saturates when the period ratio overflows or underflows', () => {
      expect(convertChurnRate(0.5, { fromPeriods: 1e-300, toPeriods: 1e300 })).toBe(1);
      expect(convertChurnRate(0.5, { fromPeriods: 1e300, toPeriods: 1e-300 })).toBe(0);
    });
  });

  describe('error policy', () => {
    it('throws a RangeError for churn outside [0, 1] or not finite', () => {
      expect(thrownKind(() => convertChurnRate(1.2, { fromPeriods: 1, toPeriods: 12 }))).toStrictEqual(
        new RangeError('convertChurnRate: churn (1.2) must be between 0 and 1'),
      );
      expect(thrownKind(() => convertChurnRate(-0.1, { fromPeriods: 1, toPeriods: 12 }))).toStrictEqual(
        new RangeError('convertChurnRate: churn (-0.1) must be between 0 and 1'),
      );
      expect(thrownKind(() => convertChurnRate(Number.NaN, { fromPeriods: 1, toPeriods: 12 }))).toStrictEqual(
        new RangeError('convertChurnRate: churn (NaN) must be a finite number'),
      );
    });

    it('throws a RangeError for period lengths that are not positive and finite', () => {
      expect(thrownKind(() => convertChurnRate(0.1, { fromPeriods: 0, toPeriods: 12 }))).toStrictEqual(
        new RangeError('convertChurnRate: fromPeriods (0) must be greater than 0'),
      );
      expect(thrownKind(() => convertChurnRate(0.1, { fromPeriods: 1, toPeriods: -12 }))).toStrictEqual(
        new RangeError('convertChurnRate: toPeriods (-12) must be greater than 0'),
      );
      expect(thrownKind(() => convertChurnRate(0.1, { fromPeriods: 1, toPeriods: Infinity }))).toStrictEqual(
        new RangeError('convertChurnRate: toPeriods (Infinity) must be a finite number'),
      );
    });

    it('throws a TypeError for wrong kinds and missing options', () => {
      expect(
        thrownKind(() => convertChurnRate('0.05' as unknown as number, { fromPeriods: 1, toPeriods: 12 })),
      ).toStrictEqual(new TypeError('convertChurnRate: churn must be a number, got "0.05"'));
      expect(thrownKind(() => (convertChurnRate as (c: number) => number)(0.05))).toStrictEqual(
        new TypeError('convertChurnRate: options must be an object, got undefined'),
      );
      expect(thrownKind(() => convertChurnRate(0.05, { toPeriods: 12 } as never))).toStrictEqual(
        new TypeError('convertChurnRate: fromPeriods must be a number, got undefined'),
      );
    });
  });
});
