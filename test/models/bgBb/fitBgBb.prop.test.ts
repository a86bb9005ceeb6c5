import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitBgBb } from '../../../src/index.ts';
import { simulateBgBb } from './donations.ts';

describe('fitBgBb properties', () => {
  it('recovers simulated parameters within three standard errors (fixed seeds)', () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 2, 3, 4), (seed) => {
        const truth = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
        const data = simulateBgBb(truth, 5000, 6, seed);
        const fit = fitBgBb(data);
        expect(fit.converged).toBe(true);
        for (const key of ['alpha', 'beta', 'gamma', 'delta'] as const) {
          expect(Math.abs(fit.params[key] - truth[key])).toBeLessThanOrEqual(3 * fit.standardErrors[key]);
        }
      }),
      { numRuns: 3 },
    );
  });
});
