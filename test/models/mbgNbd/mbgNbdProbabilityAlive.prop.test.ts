import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mbgNbdProbabilityAlive } from '../../../src/index.ts';

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const params = fc.record({ r: positive(0.05, 20), alpha: positive(0.05, 200), a: positive(0.05, 20), b: positive(0.05, 20) });
const customer = fc
  .record({ frequency: fc.integer({ min: 0, max: 5000 }), T: positive(0, 200), share: positive(0, 1) })
  .map(({ frequency, T, share }) => ({ frequency, recency: frequency === 0 ? 0 : T * share, T }));

describe('mbgNbdProbabilityAlive properties', () => {
  it('P(alive) is in [0, 1] and non-increasing in T', () => {
    fc.assert(
      fc.property(params, customer, positive(0, 100), (p, c, extra) => {
        const now = mbgNbdProbabilityAlive(p, c);
        expect(now).toBeGreaterThanOrEqual(0);
        expect(now).toBeLessThanOrEqual(1);
        expect(mbgNbdProbabilityAlive(p, { ...c, T: c.T + extra })).toBeLessThanOrEqual(now * (1 + 1e-12) + 1e-300);
      }),
      { numRuns: 150 },
    );
  });
});
