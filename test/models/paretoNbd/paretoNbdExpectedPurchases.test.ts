import { describe, expect, it } from 'vitest';
import { fitParetoNbd, paretoNbdConditionalExpectedPurchases, paretoNbdExpectedPurchases } from '../../../src/index.ts';
import { expectClose, expectThrows } from '../../helpers/expectClose.ts';
import { cdnowSummary } from '../cdnow.ts';

// Published CDNOW estimates (Fader, Hardie & Lee 2005).
const params = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

describe('paretoNbdExpectedPurchases', () => {
  it('evaluates the closed form rβ/(α(s − 1))·[1 − (β/(β + t))^(s−1)]', () => {
    // Independent evaluation of Schmittlein et al. (1987) eq. (17) in Python (float64):
    // t = 1, 2, 9, 39 → 0.050979843245991, 0.099575400572800, 0.391158584727608, 1.213002844281016.
    expectClose(paretoNbdExpectedPurchases(params, 1), 0.050979843245991, { rel: 1e-12 });
    const values = paretoNbdExpectedPurchases(params, [2, 9, 39]);
    expectClose(values[0] ?? Number.NaN, 0.0995754005728, { rel: 1e-11 });
    expectClose(values[1] ?? Number.NaN, 0.391158584727608, { rel: 1e-12 });
    expectClose(values[2] ?? Number.NaN, 1.213002844281016, { rel: 1e-12 });
  });

  it('matches the R BTYD reference curve on CDNOW within 0.01 (as the lifetimes test suite checks)', () => {
    // BTYD manual, pnbd.Expectation on the CDNOW fit, t = 0..9 (quoted in lifetimes' test_estimation.py):
    const btyd = [
      0, 0.05077821, 0.09916088, 0.14542507, 0.1897993, 0.23247466, 0.27361274, 0.31335159, 0.35181024, 0.38909211,
    ];
    const fit = fitParetoNbd(cdnowSummary());
    const ours = paretoNbdExpectedPurchases(fit.params, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    ours.forEach((v, i) => {
      expectClose(v, btyd[i] as number, { abs: 0.01 });
    });
  });

  it('equals the conditional expectation of a customer with no history', () => {
    for (const t of [0.5, 10, 100]) {
      expectClose(
        paretoNbdExpectedPurchases(params, t),
        paretoNbdConditionalExpectedPurchases(params, t, { frequency: 0, recency: 0, T: 0 }),
        { rel: 1e-14 },
      );
    }
  });

  describe('edge cases', () => {
    it('returns 0 at t = 0 and an empty array for no horizons', () => {
      expect(paretoNbdExpectedPurchases(params, 0)).toBe(0);
      expect(paretoNbdExpectedPurchases(params, [])).toEqual([]);
    });

    it('uses the limit at s = 1: (r/α)·β·ln(1 + t/β)', () => {
      // r = 0.5, α = 10, β = 12, t = 5: 0.05·12·ln(17/12) = 0.208984016560930.
      expectClose(paretoNbdExpectedPurchases({ r: 0.5, alpha: 10, s: 1, beta: 12 }, 5), 0.20898401656093, {
        rel: 1e-12,
      });
      const near = paretoNbdExpectedPurchases({ r: 0.5, alpha: 10, s: 1 + 1e-12, beta: 12 }, 5);
      expectClose(near, 0.20898401656093, { rel: 1e-9 });
    });

    it('stays finite for huge horizons and extreme parameters', () => {
      expect(Number.isFinite(paretoNbdExpectedPurchases(params, 1e12))).toBe(true);
      expect(Number.isFinite(paretoNbdExpectedPurchases({ r: 1e-8, alpha: 1e8, s: 50, beta: 1e-8 }, 1e6))).toBe(true);
    });
  });

  describe('error policy', () => {
    it('throws for invalid params and horizons', () => {
      expectThrows(
        () => paretoNbdExpectedPurchases(null as never, 1),
        TypeError,
        'paretoNbdExpectedPurchases',
        'params must be an object, got null',
      );
      expectThrows(
        () => paretoNbdExpectedPurchases({ ...params, s: 0 }, 1),
        RangeError,
        'paretoNbdExpectedPurchases',
        'params.s (0) must be greater than 0',
      );
      expectThrows(
        () => paretoNbdExpectedPurchases(params, -1),
        RangeError,
        'paretoNbdExpectedPurchases',
        't (-1) must be a non-negative finite number',
      );
      expectThrows(
        () => paretoNbdExpectedPurchases(params, '5' as never),
        TypeError,
        'paretoNbdExpectedPurchases',
        't must be a number or an array of numbers, got "5"',
      );
      expectThrows(
        () => paretoNbdExpectedPurchases(params, [1, Number.NaN]),
        RangeError,
        'paretoNbdExpectedPurchases',
        't[1] (NaN) must be a non-negative finite number',
      );
    });
  });
});
