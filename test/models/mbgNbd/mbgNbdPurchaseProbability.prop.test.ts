import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mbgNbdPurchaseProbability } from '../../../src/index.ts';
import { mbgNbdParams as params, positive } from '../arbitraries.ts';

describe('mbgNbdPurchaseProbability properties', () => {
  it('P(X(t) = n) sums to about 1', () => {
    fc.assert(
      fc.property(params, positive(0.01, 5), (p, t) => {
        const total = mbgNbdPurchaseProbability(
          p,
          t,
          Array.from({ length: 2000 }, (_, n) => n),
        ).reduce((s, v) => s + v, 0);
        expect(total).toBeLessThanOrEqual(1 + 1e-9);
        // The tail beyond 2,000 purchases is negligible for t·r/α small enough; only check the bound then.
        if ((p.r / p.alpha) * t < 5) expect(total).toBeGreaterThan(1 - 1e-6);
      }),
      { numRuns: 50 },
    );
  });
});
