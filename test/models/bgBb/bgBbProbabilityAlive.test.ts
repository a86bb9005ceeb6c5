import { describe, expect, it } from 'vitest';
import { bgBbProbabilityAlive, fitBgBb } from '../../../src/index.ts';
import { expectClose, expectThrows } from '../../helpers/expectClose.ts';
import { donations } from './donations.ts';

// Printed FHS 2010 estimates; values "by SciPy" below are independent float64 evaluations of the
// paper's closed forms (eqs. 7, 9, 11, 13) with scipy.special.betaln/gammaln.
const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
const fitted = fitBgBb(donations, { weights: donations.weights }).params;

describe('bgBbProbabilityAlive', () => {
  it('reproduces FHS 2010 Table 6 (P(alive in 2002)) to its two decimals', () => {
    // Table 6: 1995-only donor 0.11; x = 2 with last gift in 1999 (tₓ = 4) 0.59; every year 0.93.
    const [none, two, six] = bgBbProbabilityAlive(
      fitted,
      { frequency: [0, 2, 6], recency: [0, 4, 6], opportunities: [6, 6, 6] },
      { futurePeriods: 1 },
    );
    expectClose(none ?? Number.NaN, 0.11, { abs: 0.005 });
    expectClose(two ?? Number.NaN, 0.59, { abs: 0.005 });
    expectClose(six ?? Number.NaN, 0.93, { abs: 0.005 });
  });

  it('matches independent evaluations and defaults to m = 0 (alive now)', () => {
    expectClose(
      bgBbProbabilityAlive(params, { frequency: 2, recency: 4, opportunities: 6 }, { futurePeriods: 1 }),
      0.5895141164336981,
      { rel: 1e-12 },
    );
    expectClose(bgBbProbabilityAlive(params, { frequency: 0, recency: 0, opportunities: 6 }), 0.11609661329298461, {
      rel: 1e-12,
    });
    expectClose(bgBbProbabilityAlive(params, { frequency: 3, recency: 5, opportunities: 6 }), 0.8240885155367921, {
      rel: 1e-12,
    });
  });

  it('is non-increasing in the future periods, and 1 now after a transaction at the last opportunity', () => {
    const c = { frequency: 6, recency: 6, opportunities: 6 };
    const values = [0, 1, 5, 50].map((m) => bgBbProbabilityAlive(params, c, { futurePeriods: m }));
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1] as number);
    // A transaction at the last opportunity proves the customer was alive then: P(alive now) = 1.
    expectClose(values[0] ?? Number.NaN, 1, { rel: 1e-12 });
  });

  it('throws for invalid options', () => {
    expectThrows(
      () => bgBbProbabilityAlive(params, { frequency: 0, recency: 0, opportunities: 6 }, { futurePeriods: -1 }),
      RangeError,
      'bgBbProbabilityAlive',
      'futurePeriods (-1) must be an integer from 0 to 1000000',
    );
    expectThrows(
      () =>
        bgBbProbabilityAlive(params, { frequency: 0, recency: 0, opportunities: 6 }, { futurePeriods: '1' } as never),
      TypeError,
      'bgBbProbabilityAlive',
      'futurePeriods must be a number, got "1"',
    );
    expectThrows(
      () => bgBbProbabilityAlive({ ...params, gamma: 0 }, { frequency: 0, recency: 0, opportunities: 6 }),
      RangeError,
      'bgBbProbabilityAlive',
      'params.gamma (0) must be greater than 0',
    );
  });

  describe('edge cases', () => {
    it('returns an empty array for no customers and handles one opportunity', () => {
      expect(bgBbProbabilityAlive(params, [])).toEqual([]);
      // n = 1, x = 0: P(alive now) = B(α, β + 1)/B(α, β)·B(γ, δ + 1)/B(γ, δ) / L with L = that + B(α, β)/B(α, β)·B(γ + 1, δ)/B(γ, δ),
      // i.e. (β/(α + β))·(δ/(γ + δ)) / ((β/(α + β))·(δ/(γ + δ)) + γ/(γ + δ)).
      const q = (params.beta / (params.alpha + params.beta)) * (params.delta / (params.gamma + params.delta));
      expectClose(
        bgBbProbabilityAlive(params, { frequency: 0, recency: 0, opportunities: 1 }),
        q / (q + params.gamma / (params.gamma + params.delta)),
        { rel: 1e-12 },
      );
    });

    it('stays in [0, 1] for many opportunities and extreme parameters', () => {
      const v = bgBbProbabilityAlive(
        { alpha: 1e-3, beta: 1e3, gamma: 1e3, delta: 1e-3 },
        { frequency: 1, recency: 1, opportunities: 100_000 },
      );
      expect(v >= 0 && v <= 1).toBe(true);
      expect(
        bgBbProbabilityAlive(params, { frequency: 0, recency: 0, opportunities: 6 }, { futurePeriods: 1_000_000 }),
      ).toBeLessThan(1e-3);
    });
  });
});
