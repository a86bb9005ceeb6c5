import { describe, expect, it } from 'vitest';
import { mbgNbdConditionalExpectedPurchases } from '../../../src/index.ts';
import { expectClose, expectThrows } from '../../helpers/expectClose.ts';

// BTYDplus CDNOW estimates; "mpmath" values are 30-digit evaluations of the closed forms of Batislam,
// Denizel & Filiztekin (2007) (the formulas of lifetimes' ModifiedBetaGeoFitter) with mpmath.hyp2f1.
const params = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };

describe('mbgNbdConditionalExpectedPurchases', () => {
  it('matches mpmath and stays close to the BG/NBD Excel value 1.226 (lifetimes tolerance 0.05)', () => {
    const c = { frequency: 2, recency: 30.43, T: 38.86 };
    expectClose(mbgNbdConditionalExpectedPurchases(params, 39, c), 1.26296062326736567652267724431, { rel: 1e-11 });
    expectClose(mbgNbdConditionalExpectedPurchases(params, 39, c), 1.226, { abs: 0.05 });
  });

  it('handles heavy buyers without overflow (mpmath: 29.11976687930792 for x = 200, tₓ = 38, T = 39, t = 10)', () => {
    expectClose(
      mbgNbdConditionalExpectedPurchases(params, 10, { frequency: 200, recency: 38, T: 39 }),
      29.11976687930792,
      { rel: 1e-10 },
    );
    const heavy = mbgNbdConditionalExpectedPurchases(params, 10, { frequency: 10_000, recency: 39, T: 39 });
    expect(Number.isFinite(heavy)).toBe(true);
  });

  it('is continuous through a = 1 and 0 at t = 0', () => {
    const c = { frequency: 2, recency: 30.43, T: 38.86 };
    expectClose(
      mbgNbdConditionalExpectedPurchases({ ...params, a: 1 }, 39, c),
      mbgNbdConditionalExpectedPurchases({ ...params, a: 1 + 1e-4 }, 39, c),
      { rel: 1e-4 },
    );
    expect(mbgNbdConditionalExpectedPurchases(params, 0, c)).toBe(0);
  });

  it('throws for a negative horizon', () => {
    expectThrows(
      () => mbgNbdConditionalExpectedPurchases(params, -1, { frequency: 1, recency: 1, T: 2 }),
      RangeError,
      'mbgNbdConditionalExpectedPurchases',
      't (-1) must be a non-negative finite number',
    );
  });

  describe('edge cases', () => {
    it('stays finite for huge horizons and returns an empty array for no customers', () => {
      expect(
        Number.isFinite(mbgNbdConditionalExpectedPurchases(params, 1e9, { frequency: 3, recency: 20, T: 30 })),
      ).toBe(true);
      expect(mbgNbdConditionalExpectedPurchases(params, 10, [])).toEqual([]);
    });
  });
});
