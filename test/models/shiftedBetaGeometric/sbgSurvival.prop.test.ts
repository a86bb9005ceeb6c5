import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitShiftedBetaGeometric, sbgChurnProbability, sbgRetentionRate, sbgSurvival } from '../../../src/index.ts';
import { expectClose } from '../../helpers/expectClose.ts';
import { positive } from '../arbitraries.ts';

const params = fc.record({ alpha: positive(0.01, 50), beta: positive(0.01, 50) });

describe('sBG properties', () => {
  it('survival is in [0, 1] and non-increasing; retention is in [0, 1] and non-decreasing; churn = S(t − 1) − S(t)', () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 1, max: 500 }), (p, t) => {
        const [s0, s1] = sbgSurvival(p, [t - 1, t]) as [number, number];
        expect(s1).toBeGreaterThanOrEqual(0);
        expect(s1).toBeLessThanOrEqual(s0 * (1 + 1e-12));
        const [r0, r1] = sbgRetentionRate(p, [t, t + 1]) as [number, number];
        expect(r0).toBeGreaterThanOrEqual(0);
        expect(r1).toBeGreaterThanOrEqual(r0);
        expectClose(sbgChurnProbability(p, t), s0 - s1, { rel: 1e-8, abs: 1e-13 });
      }),
      { numRuns: 200 },
    );
  });

  it('fits never lower the likelihood of their start and never throw on valid counts', () => {
    const counts = fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 10 }).map((drops) => {
      const alive = [1000];
      for (const d of drops) alive.push(Math.max(0, (alive[alive.length - 1] as number) - d));
      return alive;
    });
    fc.assert(
      fc.property(counts, (alive) => {
        const atStart = fitShiftedBetaGeometric(alive, { maxIterations: 1, initialParams: { alpha: 1, beta: 1 } });
        const fit = fitShiftedBetaGeometric(alive, { initialParams: { alpha: 1, beta: 1 } });
        expect(fit.logLikelihood).toBeGreaterThanOrEqual(atStart.logLikelihood - 1e-9);
      }),
      { numRuns: 50 },
    );
  });
});
