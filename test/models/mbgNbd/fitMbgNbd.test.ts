import { describe, expect, it } from 'vitest';
import { compressCustomers, fitMbgNbd, mbgNbdProbabilityAlive } from '../../../src/index.ts';
import { deepFreeze, expectClose, expectThrows } from '../../helpers/expectClose.ts';
import { cdnowSummary } from '../cdnow.ts';

describe('fitMbgNbd', () => {
  it('reproduces the BTYDplus estimates on the CDNOW sample', () => {
    // R package BTYDplus (mbgnbd.EstimateParameters on the CDNOW summary): r = 0.525, α = 6.183,
    // a = 0.891, b = 1.614, as quoted by the lifetimes test suite (ModifiedBetaGeoFitter, decimal = 3).
    const fit = fitMbgNbd(cdnowSummary());
    expect(fit.model).toBe('mbgNbd');
    expect(fit.converged).toBe(true);
    expectClose(fit.params.r, 0.525, { abs: 5e-4 });
    expectClose(fit.params.alpha, 6.183, { abs: 5e-4 });
    expectClose(fit.params.a, 0.891, { abs: 5e-4 });
    expectClose(fit.params.b, 1.614, { abs: 5e-4 });
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(fit.standardErrors[key]).toBeGreaterThan(0);
  });

  it('gives the same fit from compressed rows', () => {
    const data = cdnowSummary();
    const c = compressCustomers(data);
    const a = fitMbgNbd(data);
    const b = fitMbgNbd(c, { weights: c.weights });
    expectClose(b.logLikelihood, a.logLikelihood, { rel: 1e-10 });
    expectClose(b.params.b, a.params.b, { rel: 1e-6 });
  });

  it('accepts rows, frozen input and initial parameters', () => {
    const rows = deepFreeze([
      { frequency: 0, recency: 0, T: 30 },
      { frequency: 4, recency: 10, T: 30 },
      { frequency: 1, recency: 5, T: 28 },
    ]);
    const fit = fitMbgNbd(rows, deepFreeze({ initialParams: { r: 0.5 }, maxIterations: 20 }));
    expect(fit.iterations).toBeLessThanOrEqual(20);
  });

  describe('edge cases', () => {
    it('handles heavy buyers (frequency up to 10,000) without overflow', () => {
      const data = cdnowSummary();
      const fit = fitMbgNbd({
        frequency: [...data.frequency, 10_000, 500],
        recency: [...data.recency, 38, 1],
        T: [...data.T, 39, 37],
      });
      expect(fit.converged).toBe(true);
      expect(Number.isFinite(fit.logLikelihood)).toBe(true);
      expect(mbgNbdProbabilityAlive(fit.params, { frequency: 500, recency: 1, T: 37 })).toBe(0);
    });

    it('returns converged false without customers, never throwing', () => {
      expect(fitMbgNbd({ frequency: [], recency: [], T: [] }).converged).toBe(false);
      expect(fitMbgNbd({ frequency: [2], recency: [1], T: [3] }, { weights: [0] }).converged).toBe(false);
    });
  });

  describe('error policy', () => {
    it('throws for invalid customers and options', () => {
      expectThrows(
        () => fitMbgNbd(null as never),
        TypeError,
        'fitMbgNbd',
        'customers must be an array of customers or an object of columns, got null',
      );
      expectThrows(
        () => fitMbgNbd([{ frequency: 1, recency: -1, T: 2 }]),
        RangeError,
        'fitMbgNbd',
        'row 0: recency (-1) must not be negative',
      );
      expectThrows(
        () => fitMbgNbd([], { maxIterations: 0 }),
        RangeError,
        'fitMbgNbd',
        'maxIterations (0) must be a positive integer',
      );
    });
  });
});
