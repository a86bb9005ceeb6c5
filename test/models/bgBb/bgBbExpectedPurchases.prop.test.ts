import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgBbExpectedPurchases } from '../../../src/index.ts';
import { bgBbParams as params } from '../arbitraries.ts';

describe('bgBbExpectedPurchases properties', () => {
  it('lies in [0, n] and is non-decreasing in n, with increments at most 1', () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 0, max: 500 }), (p, n) => {
        const a = bgBbExpectedPurchases(p, n);
        const b = bgBbExpectedPurchases(p, n + 1);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(n * (1 + 1e-9) + 1e-12);
        expect(b).toBeGreaterThanOrEqual(a * (1 - 1e-9));
        expect(b - a).toBeLessThanOrEqual(1 + 1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it('gives E[X(1)] = α/(α + β)·δ/(γ + δ): survive the first opportunity, then transact', () => {
    fc.assert(
      fc.property(params, (p) => {
        // One opportunity: survive it (δ/(γ + δ)) and transact (α/(α + β)).
        const expected = (p.alpha / (p.alpha + p.beta)) * (p.delta / (p.gamma + p.delta));
        expect(Math.abs(bgBbExpectedPurchases(p, 1) - expected)).toBeLessThanOrEqual(
          1e-8 * Math.max(1e-300, expected) + 1e-15,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('vectorises over opportunities, element by element', () => {
    fc.assert(
      fc.property(params, fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 5 }), (p, ns) => {
        const all = bgBbExpectedPurchases(p, ns);
        ns.forEach((n, i) => {
          expect(all[i]).toBe(bgBbExpectedPurchases(p, n));
        });
      }),
      { numRuns: 100 },
    );
  });
});
