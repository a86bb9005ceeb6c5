import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoNbdProbabilityAlive } from '../../../src/index.ts';
import { modelCustomer, paretoNbdParams as params, positive } from '../arbitraries.ts';

const customer = modelCustomer(2000);

describe('paretoNbdProbabilityAlive properties', () => {
  it('P(alive) lies in [0, 1] and does not increase with T for fixed x and tₓ', () => {
    fc.assert(
      fc.property(params, customer, positive(0, 100), (p, c, extra) => {
        const now = paretoNbdProbabilityAlive(p, c);
        const later = paretoNbdProbabilityAlive(p, { ...c, T: c.T + extra });
        expect(now).toBeGreaterThanOrEqual(0);
        expect(now).toBeLessThanOrEqual(1);
        expect(later).toBeLessThanOrEqual(now * (1 + 1e-9) + 1e-300);
      }),
      { numRuns: 150 },
    );
  });

  it('throws for non-positive parameters', () => {
    fc.assert(
      fc.property(
        params,
        fc.constantFrom('r', 'alpha', 's', 'beta'),
        fc.double({ max: 0, noNaN: true }),
        (p, key, bad) => {
          expect(() => paretoNbdProbabilityAlive({ ...p, [key]: bad }, { frequency: 1, recency: 1, T: 2 })).toThrow(
            RangeError,
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});
