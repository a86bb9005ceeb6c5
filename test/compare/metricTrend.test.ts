import { describe, expect, it } from 'vitest';
import { metricTrend } from '../../src/index.ts';
import { deepFreeze, expectClose, expectThrows } from '../helpers/expectClose.ts';

describe('metricTrend', () => {
  it('returns per-period absolute and relative changes', () => {
    const trend = metricTrend([100, 110, 99, 99]);
    expect(trend.periods.map((p) => p.index)).toEqual([0, 1, 2, 3]);
    expect(trend.periods.map((p) => p.value)).toEqual([100, 110, 99, 99]);
    expect(trend.periods[0]?.change).toBeNaN();
    expect(trend.periods[0]?.relativeChange).toBeNaN();
    // Hand computation: +10 (10 %), −11 (−10 %), 0 (0 %).
    expect(trend.periods.slice(1).map((p) => p.change)).toEqual([10, -11, 0]);
    expectClose(trend.periods[1]?.relativeChange ?? Number.NaN, 0.1);
    expectClose(trend.periods[2]?.relativeChange ?? Number.NaN, -0.1);
    expect(trend.periods[3]?.relativeChange).toBe(0);
    expect(trend.latestChange).toBe(0);
    expect(trend.latestRelativeChange).toBe(0);
  });

  it('flags a latest change below the range of the previous k changes', () => {
    // Changes: +0.01, −0.02, +0.01, −0.07; previous 3 span [−0.02, 0.01].
    const trend = metricTrend([0.81, 0.82, 0.8, 0.81, 0.74], { lookback: 3 });
    expectClose(trend.latestChange, -0.07, { rel: 1e-9 });
    expectClose(trend.range[0], -0.02, { rel: 1e-9 });
    expectClose(trend.range[1], 0.01, { rel: 1e-9 });
    expect(trend.lookback).toBe(3);
    expect(trend.outsideRange).toBe(true);
    expect(trend.flag).toBe('drop');
  });

  it('flags a rise and uses only the last k changes', () => {
    // Changes: +50, +1, +2, +3, +10. With lookback 3 the range is [1, 3] → rise; with all, [1, 50] → none.
    const values = [0, 50, 51, 53, 56, 66];
    expect(metricTrend(values, { lookback: 3 }).flag).toBe('rise');
    expect(metricTrend(values, { lookback: 3 }).range).toEqual([1, 3]);
    const all = metricTrend(values);
    expect(all.flag).toBe('none');
    expect(all.outsideRange).toBe(false);
    expect(all.lookback).toBe(4);
    expect(all.range).toEqual([1, 50]);
  });

  it('does not flag a latest change equal to an end of the range', () => {
    expect(metricTrend([1, 2, 4, 6]).flag).toBe('none');
    expect(metricTrend([1, 2, 4, 5]).flag).toBe('none');
  });

  it('accepts typed arrays and frozen input', () => {
    expect(metricTrend(new Float64Array([1, 2, 3, 10])).flag).toBe('rise');
    const values = deepFreeze([3, 2, 1, 0]);
    expect(metricTrend(values, deepFreeze({ lookback: 1 })).flag).toBe('none');
  });

  describe('edge cases', () => {
    it('handles no values and one value', () => {
      const empty = metricTrend([]);
      expect(empty.periods).toEqual([]);
      expect(empty.latestChange).toBeNaN();
      expect(empty.range[0]).toBeNaN();
      expect(empty.lookback).toBe(0);
      expect(empty.flag).toBe('none');
      const one = metricTrend([5]);
      expect(one.periods).toHaveLength(1);
      expect(one.latestChange).toBeNaN();
      expect(one.outsideRange).toBe(false);
    });

    it('does not flag with only two values (no earlier change)', () => {
      const two = metricTrend([1, 100]);
      expect(two.latestChange).toBe(99);
      expect(two.lookback).toBe(0);
      expect(two.flag).toBe('none');
    });

    it('returns NaN relative change after a zero value', () => {
      const trend = metricTrend([0, 5, 0]);
      expect(trend.periods[1]?.relativeChange).toBeNaN();
      expect(trend.periods[2]?.relativeChange).toBe(-1);
    });

    it('divides by the magnitude of a negative previous value', () => {
      // NPS −20 → −10: change +10, relative +0.5.
      expect(metricTrend([-20, -10]).latestRelativeChange).toBe(0.5);
    });

    it('handles constant series and huge values', () => {
      expect(metricTrend([7, 7, 7, 7]).flag).toBe('none');
      expect(metricTrend([1e300, -1e300, 1e300]).latestChange).toBe(2e300);
    });

    it('caps a lookback larger than the history', () => {
      expect(metricTrend([1, 2, 3], { lookback: 1e9 }).lookback).toBe(1);
    });
  });

  describe('error policy', () => {
    it('throws a TypeError for a non-array or non-number value', () => {
      expectThrows(() => metricTrend('1,2' as never), TypeError, 'metricTrend', 'values must be an array, got "1,2"');
      expectThrows(
        () => metricTrend([1, null] as never),
        TypeError,
        'metricTrend',
        'values[1] must be a number, got null',
      );
    });

    it('throws a RangeError for NaN values and an invalid lookback', () => {
      expectThrows(
        () => metricTrend([1, Number.NaN]),
        RangeError,
        'metricTrend',
        'values[1] (NaN) must be a finite number',
      );
      expectThrows(
        () => metricTrend([1, 2], { lookback: 0 }),
        RangeError,
        'metricTrend',
        'lookback (0) must be a positive integer',
      );
      expectThrows(
        () => metricTrend([1, 2], { lookback: 1.5 }),
        RangeError,
        'metricTrend',
        'lookback (1.5) must be a positive integer',
      );
    });
  });
});
