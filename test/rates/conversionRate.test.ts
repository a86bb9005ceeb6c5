import { describe, expect, it } from 'vitest';
import { conversionRate } from '../../src/rates/conversionRate.ts';
import { thrownKind } from '../helpers/expectClose.ts';

describe('conversionRate', () => {
  it('returns conversions over opportunities', () => {
    // By hand: 36/1,200 = 0.03; 5/8 = 0.625.
    expect(conversionRate({ conversions: 36, opportunities: 1200 })).toBe(0.03);
    expect(conversionRate({ conversions: 5, opportunities: 8 })).toBe(0.625);
  });

  it('accepts frozen input', () => {
    expect(conversionRate(Object.freeze({ conversions: 1, opportunities: 4 }))).toBe(0.25);
  });

  describe('edge cases', () => {
    it('returns NaN with no opportunities', () => {
      expect(conversionRate({ conversions: 0, opportunities: 0 })).toBeNaN();
    });

    it('returns 0 and 1 at the ends, also for one opportunity and huge counts', () => {
      expect(conversionRate({ conversions: 0, opportunities: 1 })).toBe(0);
      expect(conversionRate({ conversions: 1, opportunities: 1 })).toBe(1);
      expect(conversionRate({ conversions: 2 ** 50, opportunities: 2 ** 52 })).toBe(0.25);
    });
  });

  describe('error policy', () => {
    it('throws a RangeError when conversions exceed opportunities', () => {
      expect(thrownKind(() => conversionRate({ conversions: 12, opportunities: 10 }))).toStrictEqual(
        new RangeError('conversionRate: conversions (12) must not exceed opportunities (10)'),
      );
    });

    it('throws a RangeError for negative, fractional and non-finite counts', () => {
      expect(thrownKind(() => conversionRate({ conversions: -2, opportunities: 10 }))).toStrictEqual(
        new RangeError('conversionRate: conversions (-2) must be a non-negative integer'),
      );
      expect(thrownKind(() => conversionRate({ conversions: 2, opportunities: 10.1 }))).toStrictEqual(
        new RangeError('conversionRate: opportunities (10.1) must be a non-negative integer'),
      );
      expect(thrownKind(() => conversionRate({ conversions: Number.NaN, opportunities: 10 }))).toStrictEqual(
        new RangeError('conversionRate: conversions (NaN) must be a finite number'),
      );
    });

    it('throws a TypeError for wrong kinds', () => {
      expect(
        thrownKind(() => conversionRate({ conversions: true as unknown as number, opportunities: 10 })),
      ).toStrictEqual(new TypeError('conversionRate: conversions must be a number, got true'));
      expect(thrownKind(() => conversionRate('36/1200' as never))).toStrictEqual(
        new TypeError('conversionRate: input must be an object, got "36/1200"'),
      );
    });
  });
});
