import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mbgNbdExpectedPurchases, mbgNbdPurchaseProbability } from '../../../src/index.ts';
import { mbgNbdParams as params, positive } from '../arbitraries.ts';

describe('mbgNbdExpectedPurchases properties', () => {
  it('is finite, non-negative and non-decreasing in t, and below (r/α)·t', () => {
    fc.assert(
      fc.property(params, positive(0, 1000), positive(0, 1000), (p, t, dt) => {
        const a = mbgNbdExpectedPurchases(p, t);
        expect(Number.isFinite(a)).toBe(true);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual((p.r / p.alpha) * t * (1 + 1e-9) + 1e-12);
        expect(mbgNbdExpectedPurchases(p, t + dt)).toBeGreaterThanOrEqual(a * (1 - 1e-9) - 1e-12);
      }),
      { numRuns: 150 },
    );
  });

  it('is the mean of P(X(t) = n)', () => {
    fc.assert(
      fc.property(params, positive(0.01, 3), (p, t) => {
        fc.pre((p.r / p.alpha) * t < 2);
        const ns = Array.from({ length: 1500 }, (_, n) => n);
        const mean = mbgNbdPurchaseProbability(p, t, ns).reduce((s, v, n) => s + n * v, 0);
        expect(Math.abs(mean - mbgNbdExpectedPurchases(p, t))).toBeLessThanOrEqual(1e-6 * Math.max(1, mean));
      }),
      { numRuns: 50 },
    );
  });
});
