import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logHyp2f1 } from '../../src/internal/hypergeometric.ts';
import { digamma, logBeta, logGamma, regularizedIncompleteBeta } from '../../src/internal/special.ts';
import { expectClose } from '../helpers/expectClose.ts';

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

describe('special-function identities', () => {
  it('ln Γ(x + 1) = ln Γ(x) + ln x and ψ(x + 1) = ψ(x) + 1/x (DLMF 5.5.1, 5.5.2)', () => {
    fc.assert(
      fc.property(positive(1e-3, 1e6), (x) => {
        expectClose(logGamma(x + 1), logGamma(x) + Math.log(x), { rel: 1e-13, abs: 1e-13 });
        expectClose(digamma(x + 1), digamma(x) + 1 / x, { rel: 1e-12, abs: 1e-12 });
      }),
      { numRuns: 200 },
    );
  });

  it('B(a, b) = B(a + 1, b) + B(a, b + 1) (DLMF 5.12.iii) and I_x(a, b) ∈ [0, 1] with I_x(a, b) + I_{1−x}(b, a) = 1', () => {
    fc.assert(
      fc.property(positive(0.05, 200), positive(0.05, 200), positive(1e-6, 1 - 1e-6), (a, b, x) => {
        const lhs = logBeta(a, b);
        const rhs = Math.log(Math.exp(logBeta(a + 1, b) - lhs) + Math.exp(logBeta(a, b + 1) - lhs)) + lhs;
        expectClose(lhs, rhs, { rel: 1e-11, abs: 1e-11 });
        const i = regularizedIncompleteBeta(x, a, b);
        expect(i).toBeGreaterThanOrEqual(0);
        expect(i).toBeLessThanOrEqual(1);
        expectClose(i + regularizedIncompleteBeta(1 - x, b, a), 1, { abs: 1e-10 });
      }),
      { numRuns: 200 },
    );
  });

  it('₂F₁ agrees with its Euler transform (1 − z)^(c−a−b)·₂F₁(c − a, c − b; c; z) (DLMF 15.8.1)', () => {
    fc.assert(
      fc.property(positive(0.05, 30), positive(0.05, 30), positive(0.1, 40), positive(-5, 0.85), (a, b, c, z) => {
        // For z < 0 with c below both a and b every available series alternates and the value is a tiny
        // remainder of huge terms (documented limitation of logHyp2f1; no model evaluates it there).
        if (z < 0 && c < Math.min(a, b)) return;
        const f = logHyp2f1(a, b, c, z);
        const g = logHyp2f1(c - a, c - b, c, z);
        if (f.sign === 0 || g.sign === 0) return;
        expect(g.sign).toBe(f.sign);
        expectClose(f.log, g.log + (c - a - b) * Math.log1p(-z), { rel: 1e-9, abs: 1e-9 });
      }),
      { numRuns: 200 },
    );
  });
});
