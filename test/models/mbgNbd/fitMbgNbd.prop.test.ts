import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressCustomers, fitMbgNbd } from '../../../src/index.ts';
import { mbgNbdLogLikelihood } from '../../../src/internal/models/mbgNbdKernel.ts';
import { expectGradientMatchesDifferences } from '../gradient.ts';
import { simulateMbgNbd } from '../simulate.ts';
import { mbgNbdParams as params, modelCustomer } from '../arbitraries.ts';

const customer = modelCustomer(5000);

describe('fitMbgNbd properties', () => {
  it('the analytic gradient agrees with central differences', () => {
    fc.assert(
      fc.property(params, customer, (p, c) => {
        const ll = mbgNbdLogLikelihood(
          Float64Array.of(c.frequency),
          Float64Array.of(c.recency),
          Float64Array.of(c.T),
          Float64Array.of(1),
        );
        const x = Float64Array.of(Math.log(p.r), Math.log(p.alpha), Math.log(p.a), Math.log(p.b));
        expectGradientMatchesDifferences(ll, x);
      }),
      { numRuns: 100 },
    );
  });

  it('recovers simulated parameters within three standard errors (fixed seeds)', () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 2, 3), (seed) => {
        const truth = { r: 0.5, alpha: 6, a: 0.9, b: 1.6 };
        const data = compressCustomers(simulateMbgNbd(truth, 20_000, (i) => 30 + (i % 10), seed));
        const fit = fitMbgNbd(data, { weights: data.weights });
        expect(fit.converged).toBe(true);
        for (const key of ['r', 'alpha', 'a', 'b'] as const)
          expect(Math.abs(fit.params[key] - truth[key])).toBeLessThanOrEqual(3 * fit.standardErrors[key]);
      }),
      { numRuns: 3 },
    );
  });
});
