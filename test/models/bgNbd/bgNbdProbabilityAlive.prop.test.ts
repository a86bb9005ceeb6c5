import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgNbdProbabilityAlive } from '../../../src/index.ts';
import { bgNbdParams as params, positive } from '../arbitraries.ts';

const history = fc
  .record({ x: fc.integer({ min: 0, max: 2000 }), tx: positive(0, 100), extra: positive(0, 100) })
  .map(({ x, tx, extra }) => ({ frequency: x, recency: x === 0 ? 0 : tx, T: (x === 0 ? 0 : tx) + extra }));

describe('bgNbdProbabilityAlive properties', () => {
  it('P(alive) is in [0, 1], never NaN, and non-increasing in T for fixed x and tₓ', () => {
    fc.assert(
      fc.property(params, history, positive(0, 500), (p, c, more) => {
        const a = bgNbdProbabilityAlive(p, c);
        const b = bgNbdProbabilityAlive(p, { ...c, T: c.T + more });
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(1);
        expect(b).toBeLessThanOrEqual(a + 1e-15);
      }),
      { numRuns: 200 },
    );
  });

  it('invalid domain throws RangeError: negative or fractional frequency, recency > T, non-positive params', () => {
    fc.assert(
      fc.property(
        params,
        fc.oneof(fc.double({ max: -1e-9, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true })),
        (p, bad) => {
          expect(() => bgNbdProbabilityAlive(p, { frequency: bad, recency: 1, T: 2 })).toThrow(RangeError);
          expect(() => bgNbdProbabilityAlive({ ...p, r: -Math.abs(bad) }, { frequency: 1, recency: 1, T: 2 })).toThrow(
            RangeError,
          );
          expect(() => bgNbdProbabilityAlive(p, { frequency: 1, recency: 3, T: 2 })).toThrow(RangeError);
        },
      ),
      { numRuns: 100 },
    );
  });
});
