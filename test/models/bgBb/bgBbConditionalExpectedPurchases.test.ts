import { describe, expect, it } from 'vitest';
import { bgBbConditionalExpectedPurchases, fitBgBb } from '../../../src/index.ts';
import { expectClose, expectThrows } from '../../helpers/expectClose.ts';
import { donations } from './donations.ts';

// Printed FHS 2010 estimates; values "by SciPy" below are independent float64 evaluations of the
// paper's closed forms (eqs. 7, 9, 11, 13) with scipy.special.betaln/gammaln.
const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
const fitted = fitBgBb(donations, { weights: donations.weights }).params;

describe('bgBbConditionalExpectedPurchases', () => {
  it("reproduces the total of Hardie's 'Conditional Expectations (II)' sheet: 12,884.2 donations in 2002–2006", () => {
    // Hardie's BG/BB spreadsheet (brucehardie.com/notes/010), column F total, as quoted by lifetimes' tests.
    const perCustomer = bgBbConditionalExpectedPurchases(fitted, donations, { futurePeriods: 5 });
    const total = perCustomer.reduce((s, v, i) => s + v * (donations.weights[i] as number), 0);
    expectClose(total, 12884.2, { abs: 0.05 });
  });

  it('matches independent evaluations', () => {
    expectClose(
      bgBbConditionalExpectedPurchases(params, { frequency: 6, recency: 6, opportunities: 6 }, { futurePeriods: 5 }),
      3.752115607599859,
      { rel: 1e-11 },
    );
    expectClose(
      bgBbConditionalExpectedPurchases(params, { frequency: 0, recency: 0, opportunities: 6 }, { futurePeriods: 5 }),
      0.07280287747504373,
      { rel: 1e-11 },
    );
    expectClose(
      bgBbConditionalExpectedPurchases(params, { frequency: 2, recency: 4, opportunities: 6 }, { futurePeriods: 1 }),
      0.2374658321666543,
      { rel: 1e-11 },
    );
  });

  it('is continuous through γ = 1, 0 for no future periods, and at most n*', () => {
    const c = { frequency: 2, recency: 4, opportunities: 6 };
    const at = bgBbConditionalExpectedPurchases({ ...params, gamma: 1 }, c, { futurePeriods: 5 });
    const near = bgBbConditionalExpectedPurchases({ ...params, gamma: 1 + 1e-4 }, c, { futurePeriods: 5 });
    expectClose(at, near, { rel: 1e-4 });
    expect(bgBbConditionalExpectedPurchases(params, c, { futurePeriods: 0 })).toBe(0);
    expect(
      bgBbConditionalExpectedPurchases(params, { frequency: 6, recency: 6, opportunities: 6 }, { futurePeriods: 3 }),
    ).toBeLessThanOrEqual(3);
  });

  it('requires futurePeriods', () => {
    expectThrows(
      () =>
        bgBbConditionalExpectedPurchases(params, { frequency: 0, recency: 0, opportunities: 6 }, undefined as never),
      TypeError,
      'bgBbConditionalExpectedPurchases',
      'futurePeriods is required',
    );
  });

  describe('edge cases', () => {
    it('returns an empty array for no customers and stays finite for a very long horizon', () => {
      expect(bgBbConditionalExpectedPurchases(params, [], { futurePeriods: 5 })).toEqual([]);
      const v = bgBbConditionalExpectedPurchases(
        params,
        { frequency: 6, recency: 6, opportunities: 6 },
        { futurePeriods: 1_000_000 },
      );
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThan(
        bgBbConditionalExpectedPurchases(params, { frequency: 6, recency: 6, opportunities: 6 }, { futurePeriods: 5 }),
      );
    });
  });
});
