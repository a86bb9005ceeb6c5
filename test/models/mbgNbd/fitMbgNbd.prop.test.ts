import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressCustomers, fitMbgNbd } from '../../../src/index.ts';
import { mbgNbdLogLikelihood } from '../../../src/models/mbgNbd/mbgNbdKernel.ts';
import { simulateMbgNbd } from './simulate.ts';

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const params = fc.record({ r: positive(0.05, 20), alpha: positive(0.05, 200), a: positive(0.05, 20), b: positive(0.05, 20) });
const customer = fc
  .record({ frequency: fc.integer({ min: 0, max: 5000 }), T: positive(0, 200), share: positive(0, 1) })
  .map(({ frequency, T, share }) => ({ frequency, recency: frequency === 0 ? 0 : T * share, T }));

describe('fitMbgNbd properties', () => {
  it('the analytic gradient agrees with central differences', () => {
    fc.assert(
      fc.property(params, customer, (p, c) => {
        const ll = mbgNbdLogLikelihood(Float64Array.of(c.frequency), Float64Array.of(c.recency), Float64Array.of(c.T), Float64Array.of(1));
        const x = Float64Array.of(Math.log(p.r), Math.log(p.alpha), Math.log(p.a), Math.log(p.b));
        const g = new Float64Array(4);
        const value = ll(x, g);
        for (let k = 0; k < 4; k++) {
          const h = 1e-5;
          const up = Float64Array.from(x);
          const down = Float64Array.from(x);
          up[k] = (up[k] as number) + h;
          down[k] = (down[k] as number) - h;
          const numeric = (ll(up) - ll(down)) / (2 * h);
          expect(Math.abs((g[k] as number) - numeric)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(value), Math.abs(numeric)));
        }
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
        for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(fit.params[key] - truth[key])).toBeLessThanOrEqual(3 * fit.standardErrors[key]);
      }),
      { numRuns: 3 },
    );
  });
});
