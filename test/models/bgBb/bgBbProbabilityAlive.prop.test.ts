import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgBbProbabilityAlive } from '../../../src/index.ts';
import { bgBbCustomer as customer, bgBbParams as params } from '../arbitraries.ts';

describe('bgBbProbabilityAlive properties', () => {
  it('P(alive) is in [0, 1] and non-increasing in futurePeriods', () => {
    fc.assert(
      fc.property(params, customer, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (p, c, m, dm) => {
        const a = bgBbProbabilityAlive(p, c, { futurePeriods: m });
        const b = bgBbProbabilityAlive(p, c, { futurePeriods: m + dm });
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(1);
        expect(b).toBeLessThanOrEqual(a * (1 + 1e-12));
      }),
      { numRuns: 150 },
    );
  });

  it('throws for inconsistent summaries', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 5 }), (n, extra) => {
        expect(() =>
          bgBbProbabilityAlive(
            { alpha: 1, beta: 1, gamma: 1, delta: 1 },
            { frequency: 1, recency: n + extra, opportunities: n },
          ),
        ).toThrow(RangeError);
      }),
      { numRuns: 30 },
    );
  });
});
