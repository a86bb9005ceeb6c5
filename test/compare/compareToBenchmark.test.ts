import { describe, expect, it } from 'vitest';
import { compareToBenchmark } from '../../src/index.ts';
import { deepFreeze, expectClose, expectThrows } from '../helpers/expectClose.ts';

describe('compareToBenchmark', () => {
  it('returns the difference, relative difference, ratio and verdict for a higher-is-better metric', () => {
    // Hand computation: 0.9 − 0.8 = 0.1; 0.1 / 0.8 = 0.125; 0.9 / 0.8 = 1.125.
    const result = compareToBenchmark(0.9, 0.8, { higherIsBetter: true });
    expectClose(result.difference, 0.1, { rel: 1e-12 });
    expectClose(result.relativeDifference, 0.125, { rel: 1e-12 });
    expectClose(result.ratio, 1.125, { rel: 1e-12 });
    expect(result.verdict).toBe('better');
    expect(result.value).toBe(0.9);
    expect(result.benchmark).toBe(0.8);
  });

  it('reverses the verdict for a lower-is-better metric such as churn', () => {
    expect(compareToBenchmark(0.05, 0.04, { higherIsBetter: false }).verdict).toBe('worse');
    expect(compareToBenchmark(0.03, 0.04, { higherIsBetter: false }).verdict).toBe('better');
    expect(compareToBenchmark(0.05, 0.04, { higherIsBetter: true }).verdict).toBe('better');
  });

  it('divides the relative difference by the magnitude of a negative benchmark', () => {
    // NPS 32 against a benchmark of −10: (32 − (−10)) / 10 = 4.2; ratio 32 / −10 = −3.2.
    const result = compareToBenchmark(32, -10, { higherIsBetter: true });
    expectClose(result.relativeDifference, 4.2, { rel: 1e-12 });
    expectClose(result.ratio, -3.2, { rel: 1e-12 });
    expect(result.verdict).toBe('better');
  });

  it('calls differences within the tolerance equal', () => {
    expect(compareToBenchmark(0.801, 0.8, { higherIsBetter: true, tolerance: 0.005 }).verdict).toBe('equal');
    expect(compareToBenchmark(0.81, 0.8, { higherIsBetter: true, tolerance: 0.005 }).verdict).toBe('better');
  });

  it('accepts frozen options', () => {
    expect(compareToBenchmark(1, 2, deepFreeze({ higherIsBetter: true })).verdict).toBe('worse');
  });

  describe('edge cases', () => {
    it('returns equal for an exact tie with the default tolerance of 0', () => {
      const result = compareToBenchmark(0.8, 0.8, { higherIsBetter: false });
      expect(result.verdict).toBe('equal');
      expect(result.difference).toBe(0);
      expect(result.ratio).toBe(1);
    });

    it('returns NaN relative difference and ratio for a benchmark of 0', () => {
      const result = compareToBenchmark(5, 0, { higherIsBetter: true });
      expect(result.relativeDifference).toBeNaN();
      expect(result.ratio).toBeNaN();
      expect(result.difference).toBe(5);
      expect(result.verdict).toBe('better');
    });

    it('handles zeros and huge values', () => {
      expect(compareToBenchmark(0, 0, { higherIsBetter: true }).verdict).toBe('equal');
      const huge = compareToBenchmark(1e300, 1e299, { higherIsBetter: true });
      expectClose(huge.ratio, 10, { rel: 1e-12 });
      expectClose(huge.relativeDifference, 9, { rel: 1e-12 });
    });

    it('treats -0 and 0 as equal', () => {
      expect(compareToBenchmark(-0, 0, { higherIsBetter: true }).verdict).toBe('equal');
    });
  });

  describe('error policy', () => {
    it('throws a TypeError for a value that is not a number', () => {
      expectThrows(
        () => compareToBenchmark('0.9' as never, 0.8, { higherIsBetter: true }),
        TypeError,
        'compareToBenchmark',
        'value must be a number, got "0.9"',
      );
      expectThrows(
        () => compareToBenchmark(0.9, null as never, { higherIsBetter: true }),
        TypeError,
        'compareToBenchmark',
        'benchmark must be a number, got null',
      );
    });

    it('throws a RangeError for NaN and infinities', () => {
      expectThrows(
        () => compareToBenchmark(Number.NaN, 0.8, { higherIsBetter: true }),
        RangeError,
        'compareToBenchmark',
        'value (NaN) must be a finite number',
      );
      expectThrows(
        () => compareToBenchmark(0.9, -Infinity, { higherIsBetter: true }),
        RangeError,
        'compareToBenchmark',
        'benchmark (-Infinity) must be a finite number',
      );
    });

    it('requires the direction of the metric', () => {
      expectThrows(
        () => compareToBenchmark(0.9, 0.8, undefined as never),
        TypeError,
        'compareToBenchmark',
        'options must be an object with higherIsBetter, got undefined',
      );
      expectThrows(
        () => compareToBenchmark(0.9, 0.8, {} as never),
        TypeError,
        'compareToBenchmark',
        'higherIsBetter must be a boolean, got undefined',
      );
      expectThrows(
        () => compareToBenchmark(0.9, 0.8, { higherIsBetter: 1 } as never),
        TypeError,
        'compareToBenchmark',
        'higherIsBetter must be a boolean, got 1',
      );
    });

    it('throws a RangeError for a negative tolerance', () => {
      expectThrows(
        () => compareToBenchmark(0.9, 0.8, { higherIsBetter: true, tolerance: -0.1 }),
        RangeError,
        'compareToBenchmark',
        'tolerance (-0.1) must not be negative',
      );
    });
  });
});
