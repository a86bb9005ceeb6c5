import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mbgNbdProbabilityAlive } from '../../../src/index.ts';
import { mbgNbdParams as params, modelCustomer, positive } from '../arbitraries.ts';

const customer = modelCustomer(5000);

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
