import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgNbdConditionalExpectedPurchases, bgNbdExpectedPurchases } from '../../../src/index.ts';
import { bgNbdParams as params, positive } from '../arbitraries.ts';

const history = fc
  .record({ x: fc.integer({ min: 0, max: 2000 }), tx: positive(0, 100), extra: positive(0, 100) })
  .map(({ x, tx, extra }) => ({ frequency: x, recency: x === 0 ? 0 : tx, T: (x === 0 ? 0 : tx) + extra }));

describe('bgNbdConditionalExpectedPurchases properties', () => {
  it('expected purchases (unconditional and conditional) are finite and non-decreasing in t', () => {
    fc.assert(
      fc.property(params, history, positive(0, 200), positive(0, 200), (p, c, t1, dt) => {
        const u = bgNbdExpectedPurchases(p, [t1, t1 + dt]);
        const v = bgNbdConditionalExpectedPurchases(p, t1, [c, c]);
        const w = bgNbdConditionalExpectedPurchases(p, t1 + dt, c);
        for (const x of [...u, ...v, w]) expect(Number.isFinite(x)).toBe(true);
        expect(u[1] as number).toBeGreaterThanOrEqual((u[0] as number) * (1 - 1e-9) - 1e-12);
        expect(w).toBeGreaterThanOrEqual((v[0] as number) * (1 - 1e-9) - 1e-12);
        expect(v[0] as number).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });
});
