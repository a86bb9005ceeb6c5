import { describe, expect, it } from 'vitest';
import { retentionRate } from '../../src/rates/retentionRate.ts';
import { thrownKind } from '../helpers/expectClose.ts';

describe('retentionRate', () => {
  it('reproduces the worked example of the data README', () => {
    // ../shared/data/README.md, "Simple metrics": E = 1,100, N = 200, S = 1,000 → (1,100 − 200)/1,000 = 0.90.
    expect(retentionRate({ start: 1000, end: 1100, acquired: 200 })).toBe(0.9);
  });

  it('returns 1 when every starting customer stays and 0 when none does', () => {
    expect(retentionRate({ start: 50, end: 80, acquired: 30 })).toBe(1);
    expect(retentionRate({ start: 50, end: 30, acquired: 30 })).toBe(0);
  });

  it('does not count growth as retention', () => {
    // 40 of 100 stayed; 500 new customers do not change that.
    expect(retentionRate({ start: 100, end: 540, acquired: 500 })).toBe(0.4);
  });

  it('accepts frozen input', () => {
    const input = Object.freeze({ start: 200, end: 190, acquired: 20 });
    expect(retentionRate(input)).toBe(0.85);
    expect(input).toEqual({ start: 200, end: 190, acquired: 20 });
  });

  describe('edge cases', () => {
    it('returns NaN when there is no starting population', () => {
      expect(retentionRate({ start: 0, end: 0, acquired: 0 })).toBeNaN();
      expect(retentionRate({ start: 0, end: 7, acquired: 7 })).toBeNaN();
    });

    it('handles one customer', () => {
      expect(retentionRate({ start: 1, end: 1, acquired: 0 })).toBe(1);
      expect(retentionRate({ start: 1, end: 1, acquired: 1 })).toBe(0);
    });

    it('handles counts up to Number.MAX_SAFE_INTEGER', () => {
      const s = Number.MAX_SAFE_INTEGER;
      expect(retentionRate({ start: s, end: s, acquired: 0 })).toBe(1);
      expect(retentionRate({ start: s, end: s, acquired: s })).toBe(0);
    });

    it('accepts -0 as a zero count', () => {
      expect(retentionRate({ start: 10, end: 5, acquired: -0 })).toBe(0.5);
    });
  });

  describe('error policy', () => {
    it('throws a RangeError when end − acquired exceeds start (the issue text)', () => {
      expect(thrownKind(() => retentionRate({ start: 1000, end: 1400, acquired: 200 }))).toStrictEqual(
        new RangeError('retentionRate: end − acquired (1200) must not exceed start (1000)'),
      );
    });

    it('throws a RangeError when more customers were acquired than are present at the end', () => {
      expect(thrownKind(() => retentionRate({ start: 10, end: 5, acquired: 8 }))).toStrictEqual(
        new RangeError('retentionRate: end − acquired (-3) must not be negative (acquired 8 exceeds end 5)'),
      );
    });

    it('throws a RangeError for negative, fractional and non-finite counts', () => {
      expect(thrownKind(() => retentionRate({ start: -1, end: 0, acquired: 0 }))).toStrictEqual(
        new RangeError('retentionRate: start (-1) must be a non-negative integer'),
      );
      expect(thrownKind(() => retentionRate({ start: 10, end: 2.5, acquired: 0 }))).toStrictEqual(
        new RangeError('retentionRate: end (2.5) must be a non-negative integer'),
      );
      expect(thrownKind(() => retentionRate({ start: 10, end: 5, acquired: Number.NaN }))).toStrictEqual(
        new RangeError('retentionRate: acquired (NaN) must be a finite number'),
      );
      expect(thrownKind(() => retentionRate({ start: Infinity, end: 5, acquired: 0 }))).toStrictEqual(
        new RangeError('retentionRate: start (Infinity) must be a finite number'),
      );
    });

    it('throws a TypeError for a string count (no coercion) and a missing field', () => {
      expect(
        thrownKind(() => retentionRate({ start: '1000' as unknown as number, end: 1100, acquired: 200 })),
      ).toStrictEqual(new TypeError('retentionRate: start must be a number, got "1000"'));
      expect(thrownKind(() => retentionRate({ start: 1000, end: 1100 } as never))).toStrictEqual(
        new TypeError('retentionRate: acquired must be a number, got undefined'),
      );
    });

    it('throws a TypeError when the input is not an object', () => {
      expect(thrownKind(() => retentionRate(null as never))).toStrictEqual(
        new TypeError('retentionRate: input must be an object, got null'),
      );
      expect(thrownKind(() => retentionRate([1000, 1100, 200] as never))).toStrictEqual(
        new TypeError('retentionRate: input must be an object, got an array of length 3'),
      );
    });
  });
});
