import { describe, expect, it } from 'vitest';
import { mbgNbdPurchaseProbability } from '../../../src/index.ts';
import { expectClose, expectThrows } from '../../helpers/expectClose.ts';

// BTYDplus CDNOW estimates; "mpmath" values are 30-digit evaluations of the closed forms of Batislam,
// Denizel & Filiztekin (2007) (the formulas of lifetimes' ModifiedBetaGeoFitter) with mpmath.hyp2f1.
const params = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };

describe('mbgNbdPurchaseProbability', () => {
  it('matches mpmath, including the mass of customers gone at time 0 in P(X(t) = 0)', () => {
    expectClose(mbgNbdPurchaseProbability(params, 39, 0), 0.582473189493288969958497712138, { rel: 1e-12 });
    expectClose(mbgNbdPurchaseProbability(params, 30, 11), 0.00187108308804311512274639424885, { rel: 1e-10 });
    expectClose(mbgNbdPurchaseProbability(params, 2, 10), 2.21041358022010130984494868382e-8, { rel: 1e-9 });
  });

  it('sums to 1 over n', () => {
    const all = mbgNbdPurchaseProbability(
      params,
      30,
      Array.from({ length: 400 }, (_, n) => n),
    );
    expectClose(
      all.reduce((s, v) => s + v, 0),
      1,
      { rel: 1e-12 },
    );
    expect(mbgNbdPurchaseProbability(params, 0, [0, 1])).toEqual([1, 0]);
  });

  it('throws for a fractional n', () => {
    expectThrows(
      () => mbgNbdPurchaseProbability(params, 1, 1.5),
      RangeError,
      'mbgNbdPurchaseProbability',
      'n (1.5) must be a non-negative integer',
    );
  });

  describe('edge cases', () => {
    it('handles huge n (a negligible probability, not NaN) and no n', () => {
      const v = mbgNbdPurchaseProbability(params, 39, 100_000);
      expect(v >= 0 && v < 1e-100).toBe(true);
      expect(mbgNbdPurchaseProbability(params, 39, [])).toEqual([]);
    });
  });
});
