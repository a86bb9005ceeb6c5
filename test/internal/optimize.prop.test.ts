import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimizeBfgs, type ObjectiveFunction } from '../../src/internal/optimize.ts';

describe('minimizeBfgs properties', () => {
  it('finds the minimiser of random convex quadratics and never raises the objective', () => {
    const vec = fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 });
    const diag = fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(vec, diag, vec, (centre, d, start) => {
        const f: ObjectiveFunction = (x, g) => {
          let s = 0;
          for (let i = 0; i < 3; i++) {
            const e = (x[i] as number) - (centre[i] as number);
            s += 0.5 * (d[i] as number) * e * e;
            if (g) g[i] = (d[i] as number) * e;
          }
          return s;
        };
        const r = minimizeBfgs(f, start);
        expect(r.value).toBeLessThanOrEqual(f(Float64Array.from(start)));
        expect(r.converged).toBe(true);
        r.x.forEach((v, i) => {
          expect(Math.abs(v - (centre[i] as number))).toBeLessThan(1e-4 * Math.max(1, 1 / (d[i] as number)));
        });
      }),
      { numRuns: 150 },
    );
  });
});
