import { describe, expect, it } from 'vitest';
import { compareRates } from '../../src/index.ts';
import { deepFreeze, expectClose, expectThrows } from '../helpers/expectClose.ts';

describe('compareRates', () => {
  it('matches a hand-computed two-proportion z-test', () => {
    // 420/1000 vs 380/1000. Pooled p = 0.4, pooled SE = √(0.4·0.6·(2/1000)) = 0.0219089;
    // z = 0.04/0.0219089 = 1.825742; p = 2·(1 − Φ(1.825742)) = 0.0678892 (R: prop.test(c(420, 380),
    // c(1000, 1000), correct = FALSE) reports X-squared = 3.3333 = z², p-value = 0.06789).
    // Unpooled SE = √(0.42·0.58/1000 + 0.38·0.62/1000) = 0.0218906; 95 % CI 0.04 ± 1.959964·SE.
    const r = compareRates({ successes: 420, trials: 1000 }, { successes: 380, trials: 1000 });
    expectClose(r.rateA, 0.42);
    expectClose(r.rateB, 0.38);
    expectClose(r.difference, 0.04, { rel: 1e-12 });
    expectClose(r.pooledRate, 0.4, { rel: 1e-12 });
    expectClose(r.pooledStandardError, 0.021908902300206645, { rel: 1e-12 });
    expectClose(r.z, 1.8257418583505538, { rel: 1e-12 });
    expectClose(r.z * r.z, 3.3333, { rel: 1e-4 });
    expectClose(r.pValue, 0.06788915486182893, { rel: 1e-9 });
    expectClose(r.standardError, 0.021890637268019403, { rel: 1e-12 });
    expectClose(r.marginOfError, 1.959963984540054 * 0.021890637268019403, { rel: 1e-9 });
    // The normal quantile is accurate to about 1e-9 relative (Acklam), hence the absolute tolerance.
    expectClose(r.confidenceInterval[0], -0.0029048606439483, { abs: 1e-9 });
    expectClose(r.confidenceInterval[1], 0.0829048606439483, { abs: 1e-9 });
    expect(r.confidenceLevel).toBe(0.95);
  });

  it('widens the interval with the confidence level', () => {
    const a = { successes: 30, trials: 200 };
    const b = { successes: 45, trials: 210 };
    const r90 = compareRates(a, b, { confidenceLevel: 0.9 });
    const r99 = compareRates(a, b, { confidenceLevel: 0.99 });
    expect(r99.marginOfError).toBeGreaterThan(r90.marginOfError);
    expect(r99.pValue).toBe(r90.pValue);
    // z_0.995 = 2.5758293.
    expectClose(r99.marginOfError, 2.5758293035489 * r99.standardError, { rel: 1e-8 });
  });

  it('gives a tiny p-value for a large clear difference without underflowing to a negative number', () => {
    const r = compareRates({ successes: 9000, trials: 10000 }, { successes: 1000, trials: 10000 });
    expect(r.pValue).toBeGreaterThanOrEqual(0);
    expect(r.pValue).toBeLessThan(1e-300);
  });

  it('does not mutate frozen input', () => {
    const a = deepFreeze({ successes: 1, trials: 2 });
    const b = deepFreeze({ successes: 1, trials: 3 });
    expect(() => compareRates(a, b, deepFreeze({ confidenceLevel: 0.9 }))).not.toThrow();
  });

  describe('edge cases', () => {
    it('returns NaN everywhere a sample with zero trials enters', () => {
      const r = compareRates({ successes: 0, trials: 0 }, { successes: 5, trials: 10 });
      expect(r.rateA).toBeNaN();
      expect(r.difference).toBeNaN();
      expect(r.standardError).toBeNaN();
      expect(r.pooledStandardError).toBeNaN();
      expect(r.z).toBeNaN();
      expect(r.pValue).toBeNaN();
      expect(r.confidenceInterval[0]).toBeNaN();
      expectClose(r.rateB, 0.5);
    });

    it('returns z 0 and p-value 1 when both samples are all failures or all successes (as compareNetPromoterScores)', () => {
      for (const x of [0, 1]) {
        const r = compareRates({ successes: 50 * x, trials: 50 }, { successes: 70 * x, trials: 70 });
        expect(r.difference).toBe(0);
        expect(r.pooledStandardError).toBe(0);
        expect(r.z).toBe(0);
        expect(r.pValue).toBe(1);
        expect(r.confidenceInterval).toEqual([0, 0]);
      }
    });

    it('handles one trial each and extreme opposite rates', () => {
      const r = compareRates({ successes: 1, trials: 1 }, { successes: 0, trials: 1 });
      expect(r.difference).toBe(1);
      // Pooled p = 0.5, SE = √(0.25·2) = 0.7071; z = 1.41421.
      expectClose(r.z, Math.SQRT2, { rel: 1e-12 });
      expect(r.standardError).toBe(0);
      expect(r.confidenceInterval).toEqual([1, 1]);
    });

    it('handles huge counts', () => {
      const r = compareRates({ successes: 4e14, trials: 1e15 }, { successes: 4e14, trials: 1e15 });
      expect(r.difference).toBe(0);
      expect(r.z).toBe(0);
      expect(r.pValue).toBe(1);
    });
  });

  describe('error policy', () => {
    it('throws a TypeError for a missing sample or non-number counts', () => {
      expectThrows(
        () => compareRates(undefined as never, { successes: 1, trials: 2 }),
        TypeError,
        'compareRates',
        'a must be an object, got undefined',
      );
      expectThrows(
        () => compareRates({ successes: '1', trials: 2 } as never, { successes: 1, trials: 2 }),
        TypeError,
        'compareRates',
        'a.successes must be a number, got "1"',
      );
      expectThrows(
        () => compareRates({ successes: 1, trials: 2 }, { successes: 1 } as never),
        TypeError,
        'compareRates',
        'b.trials must be a number, got undefined',
      );
    });

    it('throws a RangeError for negative, fractional or inconsistent counts', () => {
      expectThrows(
        () => compareRates({ successes: -1, trials: 2 }, { successes: 1, trials: 2 }),
        RangeError,
        'compareRates',
        'a.successes (-1) must be a non-negative integer',
      );
      expectThrows(
        () => compareRates({ successes: 1, trials: 2.5 }, { successes: 1, trials: 2 }),
        RangeError,
        'compareRates',
        'a.trials (2.5) must be a non-negative integer',
      );
      expectThrows(
        () => compareRates({ successes: 1, trials: 2 }, { successes: 3, trials: 2 }),
        RangeError,
        'compareRates',
        'b.successes (3) must not exceed b.trials (2)',
      );
      expectThrows(
        () => compareRates({ successes: 1, trials: 2 }, { successes: 1, trials: Infinity }),
        RangeError,
        'compareRates',
        'b.trials (Infinity) must be a finite number',
      );
    });

    it('throws a RangeError for a confidence level outside (0, 1)', () => {
      expectThrows(
        () => compareRates({ successes: 1, trials: 2 }, { successes: 1, trials: 2 }, { confidenceLevel: 95 }),
        RangeError,
        'compareRates',
        'confidenceLevel (95) must be strictly between 0 and 1',
      );
    });
  });
});
