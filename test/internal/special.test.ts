import { describe, expect, it } from 'vitest';
import {
  digamma,
  gammaSign,
  log1mExp,
  log1pExp,
  logBeta,
  logDiffExp,
  logGamma,
  logGammaDifference,
  logSumExp,
  logSumExp2,
  regularizedIncompleteBeta,
  trigamma,
} from '../../src/internal/special.ts';
import { expectClose } from '../helpers/expectClose.ts';

const EULER_GAMMA = 0.57721566490153286061; // DLMF 5.2.3

/** ln((n − 1)!) computed exactly with BigInt, then rounded once: an independent oracle for ln Γ(n). */
function logFactorial(n: number): number {
  let f = 1n;
  for (let k = 2n; k <= BigInt(n); k++) f *= k;
  const digits = f.toString();
  const lead = Number(`0.${digits.slice(0, 17)}`);
  return Math.log(lead) + digits.length * Math.LN10;
}

describe('logGamma', () => {
  it('matches ln((n − 1)!) at the integers (exact BigInt factorials)', () => {
    for (const n of [3, 4, 5, 8, 10, 11, 20, 50, 100, 171, 500])
      expectClose(logGamma(n), logFactorial(n - 1), { rel: 1e-14 });
  });

  it('matches the half-integer closed forms Γ(½) = √π, Γ(3/2) = √π/2, Γ(−½) = −2√π (DLMF 5.4.6, 5.5.1)', () => {
    expectClose(logGamma(0.5), 0.5 * Math.log(Math.PI), { rel: 1e-15 });
    expectClose(logGamma(1.5), Math.log(Math.sqrt(Math.PI) / 2), { rel: 1e-14 });
    expectClose(logGamma(-0.5), Math.log(2 * Math.sqrt(Math.PI)), { rel: 1e-14 });
    expect(gammaSign(-0.5)).toBe(-1);
    expect(gammaSign(-1.5)).toBe(1);
  });

  it('matches Γ(1/3) and Γ(1/4) (DLMF 5.4.iii, values to 20 digits)', () => {
    expectClose(logGamma(1 / 3), Math.log(2.6789385347077476337), { rel: 1e-14 });
    expectClose(logGamma(1 / 4), Math.log(3.6256099082219083119), { rel: 1e-14 });
  });

  it('matches Abramowitz & Stegun Table 6.1 (Γ(x) for 1 ≤ x ≤ 2, 10 printed digits)', () => {
    // A&S Table 6.1: Γ(1.1) = 0.9513507699, Γ(1.5) = 0.8862269255, Γ(1.9) = 0.9617658319.
    expectClose(Math.exp(logGamma(1.1)), 0.9513507699, { rel: 1e-9 });
    expectClose(Math.exp(logGamma(1.5)), 0.8862269255, { rel: 1e-9 });
    expectClose(Math.exp(logGamma(1.9)), 0.9617658319, { rel: 1e-9 });
  });

  it('satisfies ln Γ(x + 1) = ln Γ(x) + ln x across the Lanczos/Stirling switch (DLMF 5.5.1)', () => {
    for (const x of [0.01, 0.3, 2.7, 9.5, 9.99, 10.2, 37.3, 1234.5, 1e7]) {
      expectClose(logGamma(x + 1), logGamma(x) + Math.log(x), { rel: 1e-14, abs: 1e-14 });
    }
  });

  it('keeps full relative accuracy next to its zeros at 1 and 2 (DLMF 5.7.3 truncated after ε³, error < ε⁴)', () => {
    const eps = 1e-4;
    const zeta3 = 1.2020569031595942854; // DLMF 25.6.3 (Apéry's constant)
    const series = -EULER_GAMMA * eps + ((Math.PI * Math.PI) / 12) * eps * eps - (zeta3 / 3) * eps ** 3;
    expectClose(logGamma(1 + eps), series, { rel: 1e-12 });
    // ln Γ(2 + ε) = ln(1 + ε) + ln Γ(1 + ε)
    expectClose(logGamma(2 + eps), Math.log1p(eps) + series, { rel: 1e-11 });
  });

  it('is exact at 1 and 2, NaN at the poles, and behaves at the extremes', () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-3)).toBeNaN();
    expect(logGamma(Number.NaN)).toBeNaN();
    expect(logGamma(Infinity)).toBe(Infinity);
    expectClose(logGamma(1e-300), 690.7755278982137, { rel: 1e-15 }); // −ln(1e-300)
    expect(Number.isFinite(logGamma(1e300))).toBe(true);
  });
});

describe('logGammaDifference', () => {
  it('matches ln((x + n − 1)!/(x − 1)!) = Σ ln(x + k) for integer steps (exact products, DLMF 5.2.5)', () => {
    for (const [x, n] of [
      [12.5, 3],
      [1000, 7],
      [1e6, 2],
    ] as const) {
      let s = 0;
      for (let k = 0; k < n; k++) s += Math.log(x + k);
      expectClose(logGammaDifference(x, n), s, { rel: 1e-14 });
    }
  });

  it('stays accurate for a tiny step on a huge argument, where ln Γ(x + h) − ln Γ(x) cancels (≈ h·ψ(x))', () => {
    // ln Γ(x + h) − ln Γ(x) = h·ψ(x) + h²ψ′(x)/2 + O(h³)
    const x = 1e6;
    const h = 1e-3;
    expectClose(logGammaDifference(x, h), h * digamma(x) + (h * h * trigamma(x)) / 2, { rel: 1e-12 });
    expect(logGammaDifference(5, 0)).toBe(0);
  });
});

describe('logBeta', () => {
  it('matches B(a, b) = (a − 1)!(b − 1)!/(a + b − 1)! and B(½, ½) = π', () => {
    expectClose(logBeta(3, 4), Math.log((2 * 6) / 720), { rel: 1e-14 });
    expectClose(logBeta(0.5, 0.5), Math.log(Math.PI), { rel: 1e-14 });
    expectClose(logBeta(1, 7.5), -Math.log(7.5), { rel: 1e-14 });
  });

  it('returns NaN outside a, b > 0', () => {
    expect(logBeta(0, 1)).toBeNaN();
    expect(logBeta(1, -2)).toBeNaN();
  });
});

describe('digamma', () => {
  it('matches ψ(1) = −γ, ψ(½) = −γ − 2 ln 2, ψ(¼) = −γ − π/2 − 3 ln 2, ψ(⅓) = −γ − π/(2√3) − (3/2)ln 3 (DLMF 5.4.12–5.4.15, 5.4.19)', () => {
    expectClose(digamma(1), -EULER_GAMMA, { rel: 1e-15 });
    expectClose(digamma(0.5), -EULER_GAMMA - 2 * Math.LN2, { rel: 1e-15 });
    expectClose(digamma(0.25), -EULER_GAMMA - Math.PI / 2 - 3 * Math.LN2, { rel: 1e-15 });
    expectClose(digamma(1 / 3), -EULER_GAMMA - Math.PI / (2 * Math.sqrt(3)) - 1.5 * Math.log(3), { rel: 1e-14 });
  });

  it('matches ψ(n) = H(n − 1) − γ (DLMF 5.4.14)', () => {
    let h = 0;
    for (let n = 1; n <= 60; n++) {
      expectClose(digamma(n), h - EULER_GAMMA, { rel: 1e-14 });
      h += 1 / n;
    }
  });

  it('satisfies the reflection formula ψ(1 − x) − ψ(x) = π cot(πx) (DLMF 5.5.4)', () => {
    for (const x of [-2.3, -0.7, 0.2, 0.45])
      expectClose(digamma(1 - x) - digamma(x), Math.PI / Math.tan(Math.PI * x), { rel: 1e-13 });
  });

  it('agrees with a central difference of logGamma and is NaN at the poles', () => {
    for (const x of [0.3, 2.5, 17, 1e4]) {
      const h = 1e-5 * x;
      expectClose(digamma(x), (logGamma(x + h) - logGamma(x - h)) / (2 * h), { rel: 1e-7, abs: 1e-7 });
    }
    expect(digamma(0)).toBeNaN();
    expect(digamma(-2)).toBeNaN();
  });
});

describe('trigamma', () => {
  it("matches ψ'(1) = π²/6, ψ'(½) = π²/2 and ψ'(n + 1) = π²/6 − Σ 1/k² (DLMF 5.15.2, 5.15.3)", () => {
    expectClose(trigamma(1), (Math.PI * Math.PI) / 6, { rel: 1e-15 });
    expectClose(trigamma(0.5), (Math.PI * Math.PI) / 2, { rel: 1e-15 });
    let s = (Math.PI * Math.PI) / 6;
    for (let k = 1; k <= 30; k++) s -= 1 / (k * k);
    expectClose(trigamma(31), s, { rel: 1e-12 });
    expect(trigamma(0)).toBeNaN();
  });
});

describe('log-space arithmetic', () => {
  it('adds exponentials without overflow', () => {
    expectClose(logSumExp2(1000, 1000), 1000 + Math.LN2, { rel: 1e-15 });
    expectClose(logSumExp2(-1000, -1001), -1000 + Math.log1p(Math.exp(-1)), { rel: 1e-15 });
    expect(logSumExp2(-Infinity, 3)).toBe(3);
    expectClose(logSumExp([1000, 1000, 1000]), 1000 + Math.log(3), { rel: 1e-15 });
    expect(logSumExp([])).toBe(-Infinity);
    expect(logSumExp([1, Number.NaN])).toBeNaN();
  });

  it('computes ln(1 + eˣ), ln(1 − eˣ) and ln(eᵃ − eᵇ) accurately at the extremes', () => {
    expectClose(log1pExp(800), 800, { rel: 1e-15 });
    expectClose(log1pExp(-800), 0, { abs: 1e-300 });
    expectClose(log1pExp(0), Math.LN2, { rel: 1e-15 });
    expectClose(log1mExp(-1e-20), Math.log(1e-20), { rel: 1e-14 });
    expectClose(log1mExp(-50), -Math.exp(-50), { rel: 1e-14 });
    expect(log1mExp(1)).toBeNaN();
    expectClose(logDiffExp(1000, 999), 1000 + Math.log1p(-Math.exp(-1)), { rel: 1e-15 });
    expect(logDiffExp(2, 2)).toBe(-Infinity);
    expect(logDiffExp(1, 2)).toBeNaN();
  });
});

describe('regularizedIncompleteBeta', () => {
  it('matches I_x(1, b) = 1 − (1 − x)^b and I_x(a, 1) = xᵃ (DLMF 8.17.1)', () => {
    expectClose(regularizedIncompleteBeta(0.3, 1, 4.5), 1 - 0.7 ** 4.5, { rel: 1e-14 });
    expectClose(regularizedIncompleteBeta(0.3, 2.5, 1), 0.3 ** 2.5, { rel: 1e-14 });
    expectClose(regularizedIncompleteBeta(0.999, 2.5, 1), 0.999 ** 2.5, { rel: 1e-14 });
  });

  it('matches binomial tail sums: I_p(k, n − k + 1) = P(Bin(n, p) ≥ k) (DLMF 8.17.5)', () => {
    const n = 20;
    const p = 0.35;
    for (const k of [1, 5, 7, 15, 20]) {
      let tail = 0;
      let c = 1; // C(n, j) built incrementally
      for (let j = 0; j <= n; j++) {
        if (j > 0) c = (c * (n - j + 1)) / j;
        if (j >= k) tail += c * p ** j * (1 - p) ** (n - j);
      }
      expectClose(regularizedIncompleteBeta(p, k, n - k + 1), tail, { rel: 1e-12 });
      expectClose(regularizedIncompleteBeta(p, k, n - k + 1, true), 1 - tail, { rel: 1e-11, abs: 1e-15 });
    }
  });

  it('satisfies I_x(a, b) = 1 − I_{1−x}(b, a), is 0/1 at the ends and NaN outside the domain', () => {
    expectClose(regularizedIncompleteBeta(0.4, 3.3, 7.1), 1 - regularizedIncompleteBeta(0.6, 7.1, 3.3), { rel: 1e-13 });
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(regularizedIncompleteBeta(1.1, 2, 3)).toBeNaN();
    expect(regularizedIncompleteBeta(0.5, 0, 3)).toBeNaN();
  });
});
