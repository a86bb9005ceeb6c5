import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgBbExpectedPurchases, bgBbPurchaseProbability } from '../../../src/index.ts';
import { bgBbParams as params } from '../arbitraries.ts';

describe('bgBbPurchaseProbability properties', () => {
  it('P(X(n) = x) sums to 1 and its mean equals E[X(n)]', () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 0, max: 30 }), (p, n) => {
        const xs = Array.from({ length: n + 1 }, (_, x) => x);
        const probs = bgBbPurchaseProbability(p, n, xs);
        const total = probs.reduce((s, v) => s + v, 0);
        const mean = probs.reduce((s, v, x) => s + x * v, 0);
        expect(Math.abs(total - 1)).toBeLessThanOrEqual(1e-9);
        expect(Math.abs(mean - bgBbExpectedPurchases(p, n))).toBeLessThanOrEqual(1e-8 * Math.max(1, mean));
      }),
      { numRuns: 150 },
    );
  });
});
