import { describe, expect, it } from 'vitest';
import { compressCustomers, fitParetoNbd, paretoNbdProbabilityAlive } from '../../../src/index.ts';
import { deepFreeze, expectClose, expectThrows } from '../../helpers/expectClose.ts';
import { cdnowSummary } from '../cdnow.ts';

describe('fitParetoNbd', () => {
  it('reaches the published maximum on the CDNOW sample deterministically, from the default start', () => {
    // Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way", section 4 (Pareto/NBD
    // benchmark): r = 0.553, α = 10.578, s = 0.606, β = 11.669, log-likelihood −9595.0. β is weakly
    // identified (standard error ≈ 6.2): an independent SciPy refit (BFGS, gtol 1e-9, same likelihood)
    // gives β = 11.66792 and LL −9594.97393, so β is checked to 2e-3.
    const fit = fitParetoNbd(cdnowSummary());
    expect(fit.model).toBe('paretoNbd');
    expect(fit.converged).toBe(true);
    expectClose(fit.params.r, 0.553, { abs: 5e-4 });
    expectClose(fit.params.alpha, 10.578, { abs: 5e-4 });
    expectClose(fit.params.s, 0.606, { abs: 5e-4 });
    expectClose(fit.params.beta, 11.669, { abs: 2e-3 });
    expectClose(fit.logLikelihood, -9595.0, { abs: 0.05 });
    expectClose(fit.logLikelihood, -9594.973929826863, { rel: 1e-9 });
    // Same result on a second call: no randomness anywhere.
    expect(fitParetoNbd(cdnowSummary()).params).toEqual(fit.params);
  });

  it('reports standard errors and the log-parameter covariance', () => {
    const fit = fitParetoNbd(cdnowSummary());
    for (const key of ['r', 'alpha', 's', 'beta'] as const) {
      expect(fit.standardErrors[key]).toBeGreaterThan(0);
      expect(Number.isFinite(fit.standardErrors[key])).toBe(true);
    }
    // The r and α estimates are tight, β is not (relative SE > 0.3).
    expect(fit.standardErrors.r / fit.params.r).toBeLessThan(0.15);
    expect(fit.standardErrors.beta / fit.params.beta).toBeGreaterThan(0.3);
    expect(fit.logCovariance).toHaveLength(4);
    expectClose(fit.logCovariance?.[1]?.[0] ?? Number.NaN, fit.logCovariance?.[0]?.[1] ?? Number.NaN, { rel: 1e-12 });
  });

  it('gives the same fit from compressed, weighted rows', () => {
    const data = cdnowSummary();
    const compressed = compressCustomers(data);
    expect(compressed.weights.length).toBeLessThan(data.frequency.length);
    const a = fitParetoNbd(data);
    const b = fitParetoNbd(compressed, { weights: compressed.weights });
    expectClose(b.logLikelihood, a.logLikelihood, { rel: 1e-10 });
    expectClose(b.params.r, a.params.r, { rel: 1e-6 });
    expectClose(b.params.beta, a.params.beta, { rel: 1e-4 });
  });

  it('accepts rows, frozen input, and initial parameters', () => {
    const rows = deepFreeze([
      { frequency: 0, recency: 0, T: 30 },
      { frequency: 4, recency: 10, T: 30 },
      { frequency: 1, recency: 5, T: 28 },
    ]);
    const fit = fitParetoNbd(rows, deepFreeze({ initialParams: { r: 0.5, alpha: 5 }, maxIterations: 50 }));
    expect(fit.iterations).toBeLessThanOrEqual(50);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
  });

  it('shrinks parameters with an L2 penalty', () => {
    const data = cdnowSummary();
    const plain = fitParetoNbd(data);
    const penalised = fitParetoNbd(data, { penalty: 0.1 });
    expect(penalised.params.alpha + penalised.params.beta).toBeLessThan(plain.params.alpha + plain.params.beta);
    expect(penalised.logLikelihood).toBeLessThanOrEqual(plain.logLikelihood);
  });

  describe('edge cases', () => {
    it('does not overflow or throw for heavy buyers (frequency > 300, the known lifetimes failure)', () => {
      const data = cdnowSummary();
      const heavy = {
        frequency: [...data.frequency, 400, 500, 500, 5000],
        recency: [...data.recency, 5, 1, 4, 30],
        T: [...data.T, 6, 37, 37, 39],
      };
      const fit = fitParetoNbd(heavy);
      expect(fit.converged).toBe(true);
      expect(Number.isFinite(fit.logLikelihood)).toBe(true);
      const alive = paretoNbdProbabilityAlive(fit.params, { frequency: 500, recency: 1, T: 37 });
      expect(alive).toBeGreaterThanOrEqual(0);
      expect(alive).toBeLessThan(1e-100);
    });

    it('returns converged false with no customers or all weights zero, never throwing', () => {
      expect(fitParetoNbd({ frequency: [], recency: [], T: [] }).converged).toBe(false);
      expect(fitParetoNbd({ frequency: [1], recency: [1], T: [2] }, { weights: [0] }).converged).toBe(false);
    });

    it('handles one customer, zero-frequency customers only, and recency = T', () => {
      expect(() => fitParetoNbd([{ frequency: 3, recency: 10, T: 10 }])).not.toThrow();
      const zeros = fitParetoNbd({ frequency: [0, 0, 0], recency: [0, 0, 0], T: [10, 20, 30] });
      expect(Number.isFinite(zeros.logLikelihood)).toBe(true);
    });
  });

  describe('error policy', () => {
    it('throws a TypeError for wrong kinds', () => {
      expectThrows(
        () => fitParetoNbd(5 as never),
        TypeError,
        'fitParetoNbd',
        'customers must be an array of customers or an object of columns, got 5',
      );
      expectThrows(
        () => fitParetoNbd([{ frequency: '1', recency: 1, T: 2 }] as never),
        TypeError,
        'fitParetoNbd',
        'row 0: frequency must be a number, got "1"',
      );
      expectThrows(
        () => fitParetoNbd([], { weights: 'x' } as never),
        TypeError,
        'fitParetoNbd',
        'weights must be an array',
      );
    });

    it('throws a RangeError for out-of-domain customers and options', () => {
      expectThrows(
        () => fitParetoNbd([{ frequency: 1.5, recency: 1, T: 2 }]),
        RangeError,
        'fitParetoNbd',
        'row 0: frequency (1.5) must be a non-negative integer',
      );
      expectThrows(
        () => fitParetoNbd([{ frequency: 1, recency: 3, T: 2 }]),
        RangeError,
        'fitParetoNbd',
        'row 0: recency (3) must not exceed T (2)',
      );
      expectThrows(
        () => fitParetoNbd([{ frequency: 1, recency: 1, T: 2 }], { weights: [-1] }),
        RangeError,
        'fitParetoNbd',
        'weights[0] (-1) must be a non-negative finite number',
      );
      expectThrows(
        () => fitParetoNbd([], { penalty: -1 }),
        RangeError,
        'fitParetoNbd',
        'penalty (-1) must not be negative',
      );
      expectThrows(
        () => fitParetoNbd([], { initialParams: { beta: 0 } }),
        RangeError,
        'fitParetoNbd',
        'initialParams.beta (0) must be greater than 0',
      );
    });
  });
});
