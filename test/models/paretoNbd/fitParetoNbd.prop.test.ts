import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressCustomers, fitParetoNbd } from '../../../src/index.ts';
import { logHyp2f1 } from '../../../src/internal/hypergeometric.ts';
import { logGamma } from '../../../src/internal/special.ts';
import { paretoNbdLogLikelihood } from '../../../src/internal/models/paretoNbdKernel.ts';
import { expectGradientMatchesDifferences } from '../gradient.ts';
import { simulateParetoNbd } from '../simulate.ts';
import { modelCustomer, paretoNbdParams as params } from '../arbitraries.ts';

const customer = modelCustomer(2000);

/** Reference ℓ from the published (untransformed) ₂F₁ form with the library's general logHyp2f1. */
function referenceLogLikelihood(
  p: { r: number; alpha: number; s: number; beta: number },
  x: number,
  tx: number,
  T: number,
): number {
  const { r, alpha, s, beta } = p;
  const k = r + s + x;
  const logA = (t: number) =>
    alpha >= beta
      ? logHyp2f1(k, s + 1, k + 1, (alpha - beta) / (alpha + t)).log - k * Math.log(alpha + t)
      : logHyp2f1(k, r + x, k + 1, (beta - alpha) / (beta + t)).log - k * Math.log(beta + t);
  const p1 = Math.exp(-(r + x) * Math.log(alpha + T) - s * Math.log(beta + T) - logA(tx));
  const d = (s / k) * -Math.expm1(logA(T) - logA(tx));
  return logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta) + logA(tx) + Math.log(p1 + d);
}

describe('fitParetoNbd properties', () => {
  it('the fit likelihood (series with gradient) agrees with the general ₂F₁ evaluation and its gradient with differences', () => {
    fc.assert(
      fc.property(params, customer, (p, c) => {
        const ll = paretoNbdLogLikelihood(
          Float64Array.of(c.frequency),
          Float64Array.of(c.recency),
          Float64Array.of(c.T),
          Float64Array.of(1),
        );
        const x = Float64Array.of(Math.log(p.r), Math.log(p.alpha), Math.log(p.s), Math.log(p.beta));
        const value = expectGradientMatchesDifferences(ll, x);
        // Where the general ₂F₁ is reliable (z ≤ 0.9, moderate frequency) the two paths agree.
        const z = Math.abs(p.alpha - p.beta) / (Math.max(p.alpha, p.beta) + c.recency);
        if (z <= 0.9 && c.frequency <= 200) {
          const reference = referenceLogLikelihood(p, c.frequency, c.recency, c.T);
          expect(Math.abs(value - reference)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(reference)));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('recovers simulated parameters within three standard errors (fixed seeds), never lowering the likelihood of the start', () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 2, 3), (seed) => {
        const truth = { r: 0.8, alpha: 8, s: 0.7, beta: 10 };
        const data = simulateParetoNbd(truth, 2000, (i) => 30 + (i % 10), seed);
        const compressed = compressCustomers(data);
        const fit = fitParetoNbd(compressed, { weights: compressed.weights });
        expect(fit.converged).toBe(true);
        for (const key of ['r', 'alpha'] as const) {
          expect(Math.abs(fit.params[key] - truth[key])).toBeLessThanOrEqual(3 * fit.standardErrors[key]);
        }
        const start = Math.log(
          data.T.reduce((s, t) => s + t, 0) /
            Math.max(
              1,
              data.frequency.reduce((s, x) => s + x, 0),
            ),
        );
        const ll = paretoNbdLogLikelihood(
          Float64Array.from(data.frequency),
          Float64Array.from(data.recency),
          Float64Array.from(data.T),
          new Float64Array(data.T.length).fill(1),
        );
        expect(fit.logLikelihood).toBeGreaterThanOrEqual(
          ll(Float64Array.of(Math.log(0.5), start + Math.log(0.5), 0, start)) - 1e-6,
        );
      }),
      { numRuns: 3 },
    );
  });
});
