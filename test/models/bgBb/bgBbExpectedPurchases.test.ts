import { describe, expect, it } from 'vitest';
import { bgBbExpectedPurchases, bgBbPurchaseProbability } from '../../../src/index.ts';
import { expectClose, expectThrows } from '../../helpers/expectClose.ts';

// Printed FHS 2010 estimates; values "by SciPy" below are independent float64 evaluations of the
// paper's closed forms (eqs. 7, 9, 11, 13) with scipy.special.betaln/gammaln.
const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };

describe('bgBbExpectedPurchases', () => {
  it('matches independent evaluations and equals the mean of P(X(n) = x)', () => {
    const [one, six] = bgBbExpectedPurchases(params, [1, 6]);
    expectClose(one ?? Number.NaN, 0.498490276356192, { rel: 1e-12 });
    expectClose(six ?? Number.NaN, 2.2196313934873078, { rel: 1e-12 });
    const mean = [0, 1, 2, 3, 4, 5, 6].reduce((s, x) => s + x * bgBbPurchaseProbability(params, 6, x), 0);
    expectClose(mean, six ?? Number.NaN, { rel: 1e-12 });
    expect(bgBbExpectedPurchases(params, 0)).toBe(0);
  });

  it('is continuous through γ = 1', () => {
    expectClose(
      bgBbExpectedPurchases({ ...params, gamma: 1 }, 6),
      bgBbExpectedPurchases({ ...params, gamma: 1 + 1e-5 }, 6),
      { rel: 1e-4 },
    );
  });

  it('throws for invalid opportunities', () => {
    expectThrows(
      () => bgBbExpectedPurchases(params, 2.5),
      RangeError,
      'bgBbExpectedPurchases',
      'opportunities (2.5) must be an integer from 0 to 1000000',
    );
    expectThrows(
      () => bgBbExpectedPurchases(params, Number.MAX_SAFE_INTEGER),
      RangeError,
      'bgBbExpectedPurchases',
      'must be an integer from 0 to 1000000',
    );
  });

  describe('edge cases', () => {
    it('returns an empty array for no horizons and stays finite at 1,000,000 opportunities', () => {
      expect(bgBbExpectedPurchases(params, [])).toEqual([]);
      const v = bgBbExpectedPurchases(params, 1_000_000);
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThan(bgBbExpectedPurchases(params, 6));
    });
  });
});
