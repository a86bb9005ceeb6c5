import { describe, expect, it } from 'vitest';
import { compressCustomers, fitBgNbd } from '../../../src/index.ts';
import { bgNbdLogLikelihood } from '../../../src/internal/models/bgNbdKernel.ts';
import { deepFreeze, expectClose, expectThrows } from '../../helpers/expectClose.ts';
import { cdnowSummary } from '../cdnow.ts';

const cdnow = cdnowSummary();

describe('fitBgNbd', () => {
  const fit = fitBgNbd(cdnow);

  it('reproduces the published CDNOW parameters and log-likelihood (Fader, Hardie & Lee 2005; data README)', () => {
    expect(fit.converged).toBe(true);
    expect(fit.model).toBe('bgNbd');
    // r = 0.243, α = 4.414, a = 0.793, b = 2.426, printed to 3 decimals: ±0.0005
    expectClose(fit.params.r, 0.243, { abs: 5e-4 });
    expectClose(fit.params.alpha, 4.414, { abs: 5e-4 });
    expectClose(fit.params.a, 0.793, { abs: 5e-4 });
    expectClose(fit.params.b, 2.426, { abs: 5e-4 });
    // log-likelihood −9582.4, printed to 1 decimal
    expectClose(fit.logLikelihood, -9582.4, { abs: 0.05 });
  });

  it('matches the refit to six digits and its standard errors (data README, "a refit to more digits")', () => {
    expectClose(fit.params.r, 0.242593, { abs: 5e-7 });
    expectClose(fit.params.alpha, 4.413532, { abs: 5e-6 });
    expectClose(fit.params.a, 0.792886, { abs: 5e-6 });
    expectClose(fit.params.b, 2.425752, { abs: 5e-6 });
    // standard errors 0.012557, 0.378221, 0.185719, 0.705345 (6 decimals; finite-difference Hessian, ±2e-6)
    expectClose(fit.standardErrors.r, 0.012557, { abs: 2e-6 });
    expectClose(fit.standardErrors.alpha, 0.378221, { abs: 2e-6 });
    expectClose(fit.standardErrors.a, 0.185719, { abs: 2e-6 });
    expectClose(fit.standardErrors.b, 0.705345, { abs: 2e-6 });
    expect(fit.logCovariance).toHaveLength(4);
  });

  it('gives the same fit on compressed weighted rows as on the raw customers', () => {
    const c = compressCustomers(cdnow);
    expect(c.frequency.length).toBeLessThan(cdnow.frequency.length);
    const compressed = fitBgNbd(c, { weights: c.weights });
    expectClose(compressed.logLikelihood, fit.logLikelihood, { rel: 1e-12 });
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expectClose(compressed.params[k], fit.params[k], { rel: 1e-6 });
  });

  it('accepts arrays of objects and typed-array columns alike', () => {
    const rows = cdnow.frequency.map((x, i) => ({
      frequency: x,
      recency: cdnow.recency[i] as number,
      T: cdnow.T[i] as number,
    }));
    const typed = {
      frequency: Float64Array.from(cdnow.frequency),
      recency: Float64Array.from(cdnow.recency),
      T: Float64Array.from(cdnow.T),
    };
    expectClose(fitBgNbd(deepFreeze(rows)).logLikelihood, fit.logLikelihood, { rel: 1e-12 });
    expectClose(fitBgNbd(typed).logLikelihood, fit.logLikelihood, { rel: 1e-12 });
  });

  it('treats weights as multiplicities: doubling every weight doubles the log-likelihood and keeps the parameters', () => {
    const doubled = fitBgNbd(cdnow, { weights: cdnow.frequency.map(() => 2) });
    expectClose(doubled.logLikelihood, 2 * fit.logLikelihood, { rel: 1e-10 });
    expectClose(doubled.params.r, fit.params.r, { rel: 1e-6 });
  });

  it('never lowers the likelihood of its starting point', () => {
    const start = { r: 1, alpha: 1, a: 1, b: 1 };
    const ll = bgNbdLogLikelihood(
      Float64Array.from(cdnow.frequency),
      Float64Array.from(cdnow.recency),
      Float64Array.from(cdnow.T),
      new Float64Array(cdnow.T.length).fill(1),
    );
    const atStart = ll(Float64Array.from([start.r, start.alpha, start.a, start.b], Math.log));
    const f = fitBgNbd(cdnow, { initialParams: start });
    expect(f.logLikelihood).toBeGreaterThanOrEqual(atStart);
  });

  it('shrinks the parameters with an L2 penalty and reports the unpenalised log-likelihood', () => {
    const penalised = fitBgNbd(cdnow, { penalty: 0.1 });
    expect(penalised.params.alpha).toBeLessThan(fit.params.alpha);
    expect(penalised.logLikelihood).toBeLessThan(fit.logLikelihood);
  });

  it('reports converged: false instead of throwing when the iteration cap is hit', () => {
    const f = fitBgNbd(cdnow, { maxIterations: 2 });
    expect(f.converged).toBe(false);
    expect(f.iterations).toBeLessThanOrEqual(2);
    expect(Number.isFinite(f.logLikelihood)).toBe(true);
  });

  describe('edge cases', () => {
    it('returns converged: false for no customers', () => {
      const f = fitBgNbd([]);
      expect(f.converged).toBe(false);
    });

    it('fits without overflow when a few customers have frequency 10,000', () => {
      const heavy = {
        frequency: [...cdnow.frequency, 10_000, 5_000],
        recency: [...cdnow.recency, 38, 20],
        T: [...cdnow.T, 38.5, 38.86],
      };
      const f = fitBgNbd(heavy);
      expect(Number.isFinite(f.logLikelihood)).toBe(true);
      expect(Object.values(f.params).every(Number.isFinite)).toBe(true);
    });

    it('handles T = recency and zero-frequency customers', () => {
      const f = fitBgNbd(
        { frequency: [0, 0, 3, 1, 2, 0, 5], recency: [0, 0, 10, 10, 4, 0, 12], T: [10, 12, 10, 10, 12, 0, 12] },
        { penalty: 0.01 },
      );
      expect(Number.isFinite(f.logLikelihood)).toBe(true);
    });

    it('does not mutate frozen input', () => {
      const data = deepFreeze({ frequency: [1, 2], recency: [1, 2], T: [3, 3] });
      fitBgNbd(data, { weights: deepFreeze([1, 2]) });
    });
  });

  describe('errors', () => {
    it('throws RangeError for invalid customers, naming the row', () => {
      expectThrows(
        () => fitBgNbd([{ frequency: 1.5, recency: 1, T: 2 }]),
        RangeError,
        'fitBgNbd',
        'row 0: frequency (1.5) must be a non-negative integer',
      );
      expectThrows(
        () =>
          fitBgNbd([
            { frequency: 1, recency: 1, T: 2 },
            { frequency: 1, recency: 3, T: 2 },
          ]),
        RangeError,
        'fitBgNbd',
        'row 1: recency (3) must not exceed T (2)',
      );
      expectThrows(
        () => fitBgNbd({ frequency: [1], recency: [1, 2], T: [2] }),
        RangeError,
        'fitBgNbd',
        'customers.recency has length 2',
      );
    });

    it('throws TypeError for wrong kinds', () => {
      expectThrows(
        () => fitBgNbd([{ frequency: '1', recency: 1, T: 2 }] as never),
        TypeError,
        'fitBgNbd',
        'row 0: frequency must be a number, got "1"',
      );
      expectThrows(
        () => fitBgNbd({ frequency: 1, recency: 1, T: 2 } as never),
        TypeError,
        'fitBgNbd',
        'got a single customer',
      );
      expectThrows(() => fitBgNbd(null as never), TypeError, 'fitBgNbd');
    });

    it('validates options', () => {
      expectThrows(() => fitBgNbd(cdnow, { weights: [1] }), RangeError, 'fitBgNbd', 'weights has length 1');
      expectThrows(() => fitBgNbd(cdnow, { penalty: -1 }), RangeError, 'fitBgNbd', 'penalty (-1) must not be negative');
      expectThrows(
        () => fitBgNbd(cdnow, { initialParams: { r: 0 } }),
        RangeError,
        'fitBgNbd',
        'initialParams.r (0) must be greater than 0',
      );
    });
  });
});
