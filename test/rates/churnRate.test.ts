import { describe, expect, it } from 'vitest';
import { churnRate } from '../../src/rates/churnRate.ts';
import { retentionRate } from '../../src/rates/retentionRate.ts';
import { thrownKind } from '../helpers/expectClose.ts';

describe('churnRate', () => {
  it('is 1 − retention on the worked example of the data README', () => {
    // ../shared/data/README.md, "Simple metrics": S = 1,000, E = 1,100, N = 200 → CRR 0.90; the customers
    // lost are S − (E − N) = 100, so churn = 100/1,000 = 0.10 = 1 − 0.90.
    expect(churnRate({ start: 1000, lost: 100 })).toBe(0.1);
    expect(churnRate({ start: 1000, lost: 100 }) + retentionRate({ start: 1000, end: 1100, acquired: 200 })).toBe(1);
  });

  it('returns lost / start', () => {
    expect(churnRate({ start: 8, lost: 3 })).toBe(0.375);
    expect(churnRate({ start: 3, lost: 1 })).toBe(1 / 3);
  });

  it('accepts frozen input', () => {
    const input = Object.freeze({ start: 40, lost: 10 });
    expect(churnRate(input)).toBe(0.25);
  });

  describe('edge cases', () => {
    it('returns NaN when nobody was there to churn', () => {
      expect(churnRate({ start: 0, lost: 0 })).toBeNaN();
    });

    it('returns 0 with no losses and 1 when everyone left', () => {
      expect(churnRate({ start: 12, lost: 0 })).toBe(0);
      expect(churnRate({ start: 12, lost: 12 })).toBe(1);
    });

    it('handles one customer and huge counts', () => {
      expect(churnRate({ start: 1, lost: 1 })).toBe(1);
      expect(churnRate({ start: Number.MAX_SAFE_INTEGER, lost: Number.MAX_SAFE_INTEGER })).toBe(1);
      expect(churnRate({ start: 2 ** 52, lost: 2 ** 51 })).toBe(0.5);
    });
  });

  describe('error policy', () => {
    it('throws a RangeError when more customers were lost than started', () => {
      expect(thrownKind(() => churnRate({ start: 1000, lost: 1200 }))).toStrictEqual(
        new RangeError('churnRate: lost (1200) must not exceed start (1000)'),
      );
      expect(thrownKind(() => churnRate({ start: 0, lost: 1 }))).toStrictEqual(
        new RangeError('churnRate: lost (1) must not exceed start (0)'),
      );
    });

    it('throws a RangeError for negative, fractional and non-finite counts', () => {
      expect(thrownKind(() => churnRate({ start: -5, lost: 0 }))).toStrictEqual(
        new RangeError('churnRate: start (-5) must be a non-negative integer'),
      );
      expect(thrownKind(() => churnRate({ start: 10, lost: 0.5 }))).toStrictEqual(
        new RangeError('churnRate: lost (0.5) must be a non-negative integer'),
      );
      expect(thrownKind(() => churnRate({ start: 10, lost: Number.NaN }))).toStrictEqual(
        new RangeError('churnRate: lost (NaN) must be a finite number'),
      );
      expect(thrownKind(() => churnRate({ start: -Infinity, lost: 0 }))).toStrictEqual(
        new RangeError('churnRate: start (-Infinity) must be a finite number'),
      );
    });

    it('throws a TypeError for wrong kinds', () => {
      expect(thrownKind(() => churnRate({ start: 10, lost: '2' as unknown as number }))).toStrictEqual(
        new TypeError('churnRate: lost must be a number, got "2"'),
      );
      expect(thrownKind(() => churnRate({ start: 10, lost: null as unknown as number }))).toStrictEqual(
        new TypeError('churnRate: lost must be a number, got null'),
      );
      expect(thrownKind(() => churnRate(undefined as never))).toStrictEqual(
        new TypeError('churnRate: input must be an object, got undefined'),
      );
    });
  });
});
