import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoNbdConditionalExpectedPurchases, paretoNbdExpectedPurchases } from '../../../src/index.ts';
import { paretoNbdParams as params, positive } from '../arbitraries.ts';

describe('paretoNbdExpectedPurchases properties', () => {
  it('is finite, non-negative, 0 at t = 0 and non-decreasing in t', () => {
    fc.assert(
      fc.property(params, positive(0, 1000), positive(0, 1000), (p, t, dt) => {
        const a = paretoNbdExpectedPurchases(p, t);
        expect(Number.isFinite(a)).toBe(true);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(paretoNbdExpectedPurchases(p, t + dt)).toBeGreaterThanOrEqual(a * (1 - 1e-12));
        expect(paretoNbdExpectedPurchases(p, 0)).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('never exceeds the purchases of a customer who never drops out, (r/α)·t', () => {
    fc.assert(
      fc.property(params, positive(0, 1000), (p, t) => {
        expect(paretoNbdExpectedPurchases(p, t)).toBeLessThanOrEqual((p.r / p.alpha) * t * (1 + 1e-9) + 1e-300);
      }),
      { numRuns: 150 },
    );
  });

  it('equals the conditional expectation of a customer without history, and vectorises', () => {
    fc.assert(
      fc.property(params, fc.array(positive(0, 100), { maxLength: 5 }), (p, ts) => {
        const all = paretoNbdExpectedPurchases(p, ts);
        ts.forEach((t, i) => {
          expect(all[i]).toBe(paretoNbdExpectedPurchases(p, t));
          expect(all[i]).toBe(paretoNbdConditionalExpectedPurchases(p, t, { frequency: 0, recency: 0, T: 0 }));
        });
      }),
      { numRuns: 100 },
    );
  });
});
