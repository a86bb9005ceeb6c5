import { describe, expect, it } from 'vitest';
import { fitBgBb } from '../../../src/index.ts';
import { logBeta, logSumExp } from '../../../src/internal/special.ts';
import { deepFreeze, expectClose, expectThrows } from '../../helpers/expectClose.ts';
import { donations, expandedDonations } from './donations.ts';

describe('fitBgBb', () => {
  it('reproduces the published donations estimates (Fader, Hardie & Shang 2010)', () => {
    // FHS 2010: α = 1.204, β = 0.750, γ = 0.657, δ = 2.783 (three decimals). The log-likelihood
    // −33,225.58127 is from an independent SciPy 1.17 refit (BFGS on the same likelihood).
    const fit = fitBgBb(donations, { weights: donations.weights });
    expect(fit.model).toBe('bgBb');
    expect(fit.converged).toBe(true);
    expectClose(fit.params.alpha, 1.204, { abs: 5e-4 });
    expectClose(fit.params.beta, 0.75, { abs: 5e-4 });
    expectClose(fit.params.gamma, 0.657, { abs: 5e-4 });
    expectClose(fit.params.delta, 2.783, { abs: 5e-4 });
    expectClose(fit.logLikelihood, -33225.58127434707, { rel: 1e-10 });
  });

  it('gives the same fit from expanded rows as from weighted rows', () => {
    const expanded = expandedDonations();
    const a = fitBgBb(expanded);
    const b = fitBgBb(donations, { weights: donations.weights });
    expectClose(a.logLikelihood, b.logLikelihood, { rel: 1e-10 });
    expectClose(a.params.delta, b.params.delta, { rel: 1e-9 });
  });

  it('reports finite standard errors and accepts rows and frozen input', () => {
    const rows = deepFreeze(
      donations.frequency.map((frequency, i) => ({
        frequency,
        recency: donations.recency[i] as number,
        opportunities: 6,
      })),
    );
    const fit = fitBgBb(rows, deepFreeze({ weights: donations.weights }));
    for (const key of ['alpha', 'beta', 'gamma', 'delta'] as const) expect(fit.standardErrors[key]).toBeGreaterThan(0);
    expect(fit.logCovariance).toHaveLength(4);
  });

  describe('edge cases', () => {
    it('handles no customers, all-zero weights, and one customer without throwing', () => {
      expect(fitBgBb({ frequency: [], recency: [], opportunities: [] }).converged).toBe(false);
      expect(fitBgBb([{ frequency: 1, recency: 1, opportunities: 3 }], { weights: [0] }).converged).toBe(false);
      expect(() => fitBgBb([{ frequency: 2, recency: 3, opportunities: 3 }])).not.toThrow();
    });

    it('handles customers with many opportunities', () => {
      const fit = fitBgBb({ frequency: [0, 100, 40], recency: [0, 500, 900], opportunities: [1000, 1000, 1000] });
      expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    });

    it('fits two customers at the documented maximum of a million opportunities (issue 16)', () => {
      // This took 40 s when the likelihood summed one term per opportunity; it now costs what ~10⁴ terms do.
      // The reported ℓ is checked against the sum term by term (FHS 2010, eq. 5) at the returned parameters.
      const rows = deepFreeze([
        { frequency: 0, recency: 0, opportunities: 1e6 },
        { frequency: 3, recency: 10, opportunities: 1e6 },
      ]);
      // Two customers do not identify four parameters: a light penalty keeps them finite (without it they drift
      // to ~1e7, and that fit is as fast).
      expect(Number.isFinite(fitBgBb(rows).logLikelihood)).toBe(true);
      const fit = fitBgBb(rows, { penalty: 0.1 });
      expect(fit.converged).toBe(true);
      const { alpha, beta, gamma, delta } = fit.params;
      const termByTerm = (x: number, tx: number, n: number): number => {
        const base = -logBeta(alpha, beta) - logBeta(gamma, delta);
        const logs = [logBeta(alpha + x, beta + n - x) + logBeta(gamma, delta + n) + base];
        for (let i = 0; i < n - tx; i++)
          logs.push(logBeta(alpha + x, beta + tx - x + i) + logBeta(gamma + 1, delta + tx + i) + base);
        return logSumExp(logs);
      };
      const expected = termByTerm(0, 0, 1e6) + termByTerm(3, 10, 1e6);
      expect(Number.isFinite(fit.logLikelihood)).toBe(true);
      expectClose(fit.logLikelihood, expected, { rel: 1e-11 });
      expect(fit.logLikelihood).toBeLessThan(0);
    });
  });

  describe('error policy', () => {
    it('throws a TypeError for wrong kinds', () => {
      expectThrows(
        () => fitBgBb('x' as never),
        TypeError,
        'fitBgBb',
        'customers must be an array of customers or an object of columns, got "x"',
      );
      expectThrows(
        () => fitBgBb({ frequency: 1, recency: 1, opportunities: 2 } as never),
        TypeError,
        'fitBgBb',
        'got a single customer',
      );
      expectThrows(
        () => fitBgBb([{ frequency: 1, recency: 1 }] as never),
        TypeError,
        'fitBgBb',
        'row 0: opportunities must be a number, got undefined',
      );
    });

    it('throws a RangeError for inconsistent summaries', () => {
      expectThrows(
        () => fitBgBb([{ frequency: 3, recency: 2, opportunities: 6 }]),
        RangeError,
        'fitBgBb',
        'row 0: frequency (3) must not exceed recency (2)',
      );
      expectThrows(
        () => fitBgBb([{ frequency: 1, recency: 7, opportunities: 6 }]),
        RangeError,
        'fitBgBb',
        'row 0: recency (7) must not exceed opportunities (6)',
      );
      expectThrows(
        () => fitBgBb([{ frequency: 0, recency: 2, opportunities: 6 }]),
        RangeError,
        'fitBgBb',
        'row 0: recency (2) must be 0 when frequency is 0',
      );
      expectThrows(
        () => fitBgBb([{ frequency: 1, recency: 1.5, opportunities: 6 }]),
        RangeError,
        'fitBgBb',
        'row 0: recency (1.5) must be a non-negative integer',
      );
      expectThrows(
        () => fitBgBb([{ frequency: 0, recency: 0, opportunities: 0 }]),
        RangeError,
        'fitBgBb',
        'row 0: opportunities (0) must be an integer from 1 to 1000000',
      );
      expectThrows(
        () => fitBgBb([{ frequency: 0, recency: 0, opportunities: 1e7 }]),
        RangeError,
        'fitBgBb',
        'row 0: opportunities (10000000) must be an integer from 1 to 1000000',
      );
      expectThrows(
        () => fitBgBb({ frequency: [0], recency: [0, 1], opportunities: [1] }),
        RangeError,
        'fitBgBb',
        'customers.recency has length 2, expected 1',
      );
    });
  });
});
