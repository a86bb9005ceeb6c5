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
