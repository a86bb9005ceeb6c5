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

  describe('significance with a sample size or a standard error (issue 16 item 15)', () => {
    // Expected figures computed independently with scipy.stats.norm (python3):
    //   z = (p − p0)/sqrt(p0(1 − p0)/n), p = 2·norm.sf(|z|); Wilson: (p + k/2)/(1 + k) ± z/(1 + k)·sqrt(p(1 − p)/n + k/(4n)),
    //   k = z²/n, z = norm.ppf(0.975).
    it('is not significant for 30 % of 20 customers against 25 %, though "better"', () => {
      const r = compareToBenchmark(0.3, 0.25, { higherIsBetter: true, sampleSize: 20 });
      expect(r.verdict).toBe('better');
      expect(r.test).toBe('score');
      // z = 0.5163977794943221, p = 0.6055766163353464; Wilson 0.1454772448676043 … 0.5189728183535235
      expectClose(r.pValue as number, 0.6055766163353464, { rel: 1e-9 });
      expectClose(r.interval?.[0] as number, 0.1454772448676043, { rel: 1e-9 });
      expectClose(r.interval?.[1] as number, 0.5189728183535235, { rel: 1e-9 });
      expect(r.significant).toBe(false);
      expect(r.confidenceLevel).toBe(0.95);
    });

    it('is significant for 78 % of 500 against 82 %', () => {
      const r = compareToBenchmark(0.78, 0.82, { higherIsBetter: true, sampleSize: 500 });
      // z = −2.3281009858985895, p = 0.01990674197336399; Wilson 0.7416313019131544 … 0.8140990674283763
      expectClose(r.pValue as number, 0.01990674197336399, { rel: 1e-9 });
      expectClose(r.interval?.[0] as number, 0.7416313019131544, { rel: 1e-9 });
      expectClose(r.interval?.[1] as number, 0.8140990674283763, { rel: 1e-9 });
      expect([r.verdict, r.significant]).toEqual(['worse', true]);
      // and not at the 99 % level (p 0.0199 > 0.01); the benchmark is then inside the wider interval
      const strict = compareToBenchmark(0.78, 0.82, { higherIsBetter: true, sampleSize: 500, confidenceLevel: 0.99 });
      expect(strict.significant).toBe(false);
      expect((strict.interval?.[1] as number) > 0.82).toBe(true);
    });

    it('runs a Wald test with a standard error (an NPS and its SE)', () => {
      // NPS 32 (SE 4.1) vs 25: z = 1.707317073170732, p = 0.08776313442829227; 32 ± 1.959964·4.1 = 23.964 … 40.036
      const r = compareToBenchmark(32, 25, { higherIsBetter: true, standardError: 4.1 });
      expect(r.test).toBe('wald');
      expectClose(r.pValue as number, 0.08776313442829227, { rel: 1e-9 });
      expectClose(r.interval?.[0] as number, 23.96414766338578, { rel: 1e-9 });
      expectClose(r.interval?.[1] as number, 40.03585233661422, { rel: 1e-9 });
      expect(r.significant).toBe(false);
      expect(
        compareToBenchmark(32, 25, { higherIsBetter: true, standardError: 4.1, confidenceLevel: 0.9 }).significant,
      ).toBe(true);
    });

    it('says nothing about significance without a sample', () => {
      const r = compareToBenchmark(0.3, 0.25, { higherIsBetter: true });
      expect([r.test, r.interval, r.pValue, r.significant]).toEqual([null, null, null, null]);
    });

    it('handles benchmarks of 0 and 1 and a value equal to the benchmark', () => {
      expect(compareToBenchmark(0.1, 0, { higherIsBetter: true, sampleSize: 10 })).toMatchObject({
        pValue: 0,
        significant: true,
      });
      expect(compareToBenchmark(0, 0, { higherIsBetter: true, sampleSize: 10 })).toMatchObject({
        pValue: 1,
        significant: false,
        interval: [0, expect.any(Number)],
      });
      expect(compareToBenchmark(1, 1, { higherIsBetter: true, sampleSize: 10 }).significant).toBe(false);
      expect(compareToBenchmark(0.5, 0.5, { higherIsBetter: true, sampleSize: 1e6 }).pValue).toBe(1);
    });

    it('rejects bad sample options', () => {
      expectThrows(
        () => compareToBenchmark(0.3, 0.25, { higherIsBetter: true, sampleSize: 0 }),
        RangeError,
        'compareToBenchmark',
        'sampleSize (0) must be',
      );
      expectThrows(
        () => compareToBenchmark(30, 25, { higherIsBetter: true, sampleSize: 20 }),
        RangeError,
        'compareToBenchmark',
        'value (30) must be a proportion in [0, 1] with sampleSize',
      );
      expectThrows(
        () => compareToBenchmark(0.3, 0.25, { higherIsBetter: true, sampleSize: 20, standardError: 0.1 }),
        RangeError,
        'compareToBenchmark',
        'not both',
      );
      expectThrows(
        () => compareToBenchmark(0.3, 0.25, { higherIsBetter: true, sampleSize: 20, confidenceLevel: 2 }),
        RangeError,
        'compareToBenchmark',
        'confidenceLevel (2) must be strictly between 0 and 1',
      );
      expectThrows(
        () => compareToBenchmark(32, 25, { higherIsBetter: true, standardError: -1 }),
        RangeError,
        'compareToBenchmark',
        'standardError (-1) must be',
      );
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
