import { describe, expect, it } from 'vitest';
import { bgBbPurchaseProbability, fitBgBb } from '../../../src/index.ts';
import { expectClose, expectThrows } from '../../helpers/expectClose.ts';
import { donations } from './donations.ts';

// Printed FHS 2010 estimates; values "by SciPy" below are independent float64 evaluations of the
// paper's closed forms (eqs. 7, 9, 11, 13) with scipy.special.betaln/gammaln.
const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
const fitted = fitBgBb(donations, { weights: donations.weights }).params;

describe('bgBbPurchaseProbability', () => {
  it("reproduces Hardie's in-sample histogram: 3,454.9 donors with no repeat gift and 1,253.1 with six", () => {
    // Hardie's BG/BB spreadsheet, "In-Sample Fit" cells C18 and C24 (as quoted by lifetimes' tests).
    const [zero, six] = bgBbPurchaseProbability(fitted, 6, [0, 6]);
    expectClose(11104 * (zero ?? Number.NaN), 3454.9, { abs: 0.05 });
    expectClose(11104 * (six ?? Number.NaN), 1253.1, { abs: 0.05 });
  });

  it('sums to 1 over x = 0…n and is 0 beyond n', () => {
    const all = bgBbPurchaseProbability(params, 6, [0, 1, 2, 3, 4, 5, 6]);
    expectClose(
      all.reduce((s, v) => s + v, 0),
      1,
      { rel: 1e-12 },
    );
    expectClose(all[3] ?? Number.NaN, 0.10026311502480371, { rel: 1e-12 });
    expect(bgBbPurchaseProbability(params, 6, 7)).toBe(0);
    expect(bgBbPurchaseProbability(params, 0, 0)).toBe(1);
  });

  it('matches mpmath (40 digits) at long horizons and extreme parameters to 1e-12', () => {
    // mpmath.mp.dps = 40, eq. (7) summed term by term with mpmath.beta and mpmath.binomial. The former
    // log-gamma sum was off by up to 9e-10 relative here (differences of log-gammas of size 1e4).
    const cases: Array<[typeof params, number, number, number]> = [
      [params, 20_000, 3, 0.059312964189021743],
      [params, 20_000, 0, 0.28727595315570594],
      [
        {
          alpha: 0.0031577550067683514,
          beta: 0.00014562094942519385,
          gamma: 0.4315926241964048,
          delta: 1023.7488150214836,
        },
        2648,
        2532,
        6.8471267830422509e-5,
      ],
      [
        { alpha: 10.548943928616108, beta: 0.00011004911303771298, gamma: 7.246919145615868, delta: 60.33697165258211 },
        2476,
        2167,
        2.0244478503669385e-14,
      ],
      [
        {
          alpha: 6.789418444423392,
          beta: 0.00022148875713622963,
          gamma: 0.00033952210811228495,
          delta: 4.362618138130569,
        },
        2060,
        1111,
        3.104027037262652e-7,
      ],
    ];
    for (const [p, n, x, expected] of cases) expectClose(bgBbPurchaseProbability(p, n, x), expected, { rel: 1e-12 });
  });

  it('at the documented maximum of 10⁶ opportunities, 50 values of x are probabilities (200 took 40 s, now ~1 s)', () => {
    // Each value costs n − x multiplications, no log-gamma; the test's own timeout is the loose bound.
    const xs = Array.from({ length: 50 }, (_, i) => i);
    const v = bgBbPurchaseProbability(params, 1_000_000, xs);
    for (const p of v) {
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect(v.reduce((s, p) => s + p, 0)).toBeLessThanOrEqual(1 + 1e-12);
    // P(X(n) = 0) converges as n grows: the mpmath value at 20,000 agrees to 1e-7
    expectClose(v[0] ?? Number.NaN, 0.28727595315570594, { rel: 1e-7 });
    expect(bgBbPurchaseProbability(params, 1_000_000, 1_000_000)).toBeGreaterThan(0);
  }, 20_000);

  it('throws for invalid x', () => {
    expectThrows(
      () => bgBbPurchaseProbability(params, 6, -1),
      RangeError,
      'bgBbPurchaseProbability',
      'x (-1) must be a non-negative integer',
    );
    expectThrows(
      () => bgBbPurchaseProbability(params, 6, [1, 0.5]),
      RangeError,
      'bgBbPurchaseProbability',
      'x[1] (0.5) must be a non-negative integer',
    );
  });

  describe('edge cases', () => {
    it('handles many opportunities and an empty list of x', () => {
      expect(bgBbPurchaseProbability(params, 6, [])).toEqual([]);
      const probs = bgBbPurchaseProbability(
        params,
        2000,
        Array.from({ length: 2001 }, (_, x) => x),
      );
      expectClose(
        probs.reduce((s, v) => s + v, 0),
        1,
        { rel: 1e-9 },
      );
    });
  });
});
