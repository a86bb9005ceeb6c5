/**
 * The sum over the unobserved opportunities in the BG/BB likelihood, at a cost bounded independently of the
 * number of opportunities (issue 16: two customers at the documented maximum of 10⁶ opportunities took 40 s
 * to fit, the sum having one term per opportunity).
 *
 * ```text
 * S = Σ_{i=0}^{m−1} B(A, B + i)·B(G, D + i)          A = α + x, B = β + tₓ − x, G = γ + 1, D = δ + tₓ, m = n − tₓ
 * ```
 *
 * The terms decrease, each from the last by the factor ρᵢ = (B + i)/(A + B + i)·(D + i)/(G + D + i). They are
 * summed directly (a few operations each, digammas by ψ(z + 1) = ψ(z) + 1/z) until either the remaining
 * terms cannot reach 1e-17 of the sum ((m − i)·tᵢ below it: the terms fall at least geometrically while
 * their log-slope ε = A/(B + i) + G/(D + i) is above 10⁻³, so this takes at most ~53,000 steps) or ε falls
 * below 10⁻³. The rest, a smooth function of i that varies on a scale of 1/ε ≥ 1,000 opportunities, is the
 * Euler–Maclaurin sum
 *
 * ```text
 * Σ_{j=a}^{b} f(j) = ∫_a^b f(u) du + (f(a) + f(b))/2 + (f′(b) − f′(a))/12 + R,   |R| ≲ ε⁴/720 · Σ
 * ```
 *
 * with the integral by 15-point Kronrod panels of width ≤ 1 on a log scale (and ≤ 4/(A + G − 1) where the
 * integrand falls steeply), cut off once what is left is below 1e-17 of the total. The same rule gives the
 * weighted sums the gradient needs (Σ f(j)·w(j) for w = ψ(A + B + j), ψ(B + j) − ψ(A + B + j), ψ(G + D + j),
 * ψ(D + j) − ψ(G + D + j)). About 15 × 8 special-function calls per panel and at most ~15 panels.
 * @internal
 * @module
 */
import { digamma, logBeta, logGammaDifference, trigamma } from '../special.ts';
import { kronrodRule } from '../quadrature.ts';

/** Log-slope of the terms below which the rest of the sum is taken by Euler–Maclaurin. */
const TAIL_SLOPE = 1e-3;
/** Fewer remaining terms than this are summed directly. */
const TAIL_MIN_TERMS = 64;
/** Relative size of what may be left out of the sum. */
const NEGLIGIBLE = 1e-17;

/** The sum and, when asked, the weighted means of the gradient's four weights over its terms. */
export interface BgBbSeries {
  /** ln S. */
  logSum: number;
  /** Σ tᵢ·ψ(A + B + i) / S. */
  psiAB: number;
  /** Σ tᵢ·(ψ(B + i) − ψ(A + B + i)) / S. */
  psiB: number;
  /** Σ tᵢ·ψ(G + D + i) / S. */
  psiGD: number;
  /** Σ tᵢ·(ψ(D + i) − ψ(G + D + i)) / S. */
  psiD: number;
}

/**
 * ln S and the weighted means of the gradient weights (see the module notes); `m ≥ 1`.
 * @example
 * ```ts
 * import { bgBbSeries } from './bgBbSeries.ts';
 * import { logBeta, logSumExp } from '../special.ts';
 *
 * // A = 1.2, B = 0.8, G = 1.5, D = 2.5, m = 10: against the sum term by term
 * const direct = logSumExp(Array.from({ length: 10 }, (_, i) => logBeta(1.2, 0.8 + i) + logBeta(1.5, 2.5 + i)));
 * bgBbSeries(1.2, 0.8, 1.5, 2.5, 10, false).logSum - direct; // => 0
 * // 200,000 opportunities at the cost of ~1,100 terms and ~10 quadrature panels, against the sum term by term
 * const big = logSumExp(Array.from({ length: 2e5 }, (_, i) => logBeta(0.1, 0.3 + i) + logBeta(1.01, 0.2 + i)));
 * Math.abs(bgBbSeries(0.1, 0.3, 1.01, 0.2, 2e5, false).logSum - big) < 1e-13; // => true
 * ```
 */
export function bgBbSeries(A: number, B: number, G: number, D: number, m: number, gradient: boolean): BgBbSeries {
  const log0 = logBeta(A, B) + logBeta(G, D);
  // Direct part: r = tᵢ/t₀ and the running weights.
  let r = 1;
  let sum = 0;
  let psiAB = gradient ? digamma(A + B) : 0;
  let dB = gradient ? digamma(B) - psiAB : 0;
  let psiGD = gradient ? digamma(G + D) : 0;
  let dD = gradient ? digamma(D) - psiGD : 0;
  let sAB = 0;
  let sB = 0;
  let sGD = 0;
  let sD = 0;
  let i = 0;
  for (; i < m; i++) {
    sum += r;
    if (gradient) {
      sAB += r * psiAB;
      sB += r * dB;
      sGD += r * psiGD;
      sD += r * dD;
    }
    const b = B + i;
    const d = D + i;
    const next = r * (b / (A + b)) * (d / (G + d));
    if ((m - 1 - i) * next <= NEGLIGIBLE * sum) {
      i = m;
      break;
    }
    if (gradient) {
      psiAB += 1 / (A + b);
      dB += A / (b * (A + b));
      psiGD += 1 / (G + d);
      dD += G / (d * (G + d));
    }
    r = next;
    if (m - 1 - i > TAIL_MIN_TERMS && A / (b + 1) + G / (d + 1) < TAIL_SLOPE) {
      i++;
      break;
    }
  }
  if (i < m) {
    // Euler–Maclaurin for j = i … m − 1, with f(u) = r·exp(g(u) − g(i)), g(u) = ln[Γ(B+u)Γ(D+u)/(Γ(A+B+u)Γ(G+D+u))].
    const a = i;
    const last = m - 1;
    const g = (u: number): number => -logGammaDifference(B + u, A) - logGammaDifference(D + u, G);
    const ga = g(a);
    const f = (u: number): number => r * Math.exp(g(u) - ga);
    const slope = (u: number): number => digamma(B + u) - digamma(A + B + u) + digamma(D + u) - digamma(G + D + u);
    // Weights and their u-derivatives: ψ(A + B + u), ψ(B + u) − ψ(A + B + u), ψ(G + D + u), ψ(D + u) − ψ(G + D + u).
    const weights = (u: number, out: Float64Array): void => {
      const pab = digamma(A + B + u);
      const pgd = digamma(G + D + u);
      out[0] = pab;
      out[1] = digamma(B + u) - pab;
      out[2] = pgd;
      out[3] = digamma(D + u) - pgd;
      const tab = trigamma(A + B + u);
      const tgd = trigamma(G + D + u);
      out[4] = tab;
      out[5] = trigamma(B + u) - tab;
      out[6] = tgd;
      out[7] = trigamma(D + u) - tgd;
    };
    const w = new Float64Array(8);
    // Endpoint terms: (h(a) + h(b))/2 + (h′(b) − h′(a))/12 for h = f and h = f·wₖ.
    const fa = f(a);
    const fb = f(last);
    const sa = slope(a);
    const sb = slope(last);
    let tail = (fa + fb) / 2 + (fb * sb - fa * sa) / 12;
    let tAB = 0;
    let tB = 0;
    let tGD = 0;
    let tD = 0;
    if (gradient) {
      const ends = [
        [a, fa, sa, -1],
        [last, fb, sb, 1],
      ] as const;
      for (const [u, fu, su, sign] of ends) {
        weights(u, w);
        const add = (k: number): number =>
          (fu * (w[k] as number)) / 2 + (sign * fu * (su * (w[k] as number) + (w[k + 4] as number))) / 12;
        tAB += add(0);
        tB += add(1);
        tGD += add(2);
        tD += add(3);
      }
    }
    // ∫ f(u) du over v = ln(u + k), k = min(B, D): panels of width ≤ 1 and ≤ 4/(A + G − 1).
    const k = Math.min(B, D);
    const v0 = Math.log(a + k);
    const v1 = Math.log(last + k);
    const width = Math.min(1, 4 / Math.max(1e-300, A + G - 1));
    const panels = Math.ceil((v1 - v0) / width);
    const h = (v1 - v0) / panels;
    let integral = 0;
    for (let p = 0; p < panels; p++) {
      const lo = v0 + p * h;
      const hi = p === panels - 1 ? v1 : lo + h;
      let part = 0;
      kronrodRule(lo, hi, (v, weight) => {
        const u = Math.exp(v) - k;
        const fu = f(u) * (u + k) * weight;
        part += fu;
        if (gradient) {
          weights(u, w);
          tAB += fu * (w[0] as number);
          tB += fu * (w[1] as number);
          tGD += fu * (w[2] as number);
          tD += fu * (w[3] as number);
        }
      });
      integral += part;
      // The integrand's log-slope in v, 1 − (u + k)·ε(u), only falls with u: once negative, what is left is
      // at most the integrand at `hi` over |slope|.
      const u = Math.exp(hi) - k;
      const s = 1 - (u + k) * (A / (B + u) + G / (D + u));
      if (s < 0 && (f(u) * (u + k)) / -s <= NEGLIGIBLE * (sum + integral + tail)) break;
    }
    tail += integral;
    sum += tail;
    if (gradient) {
      sAB += tAB;
      sB += tB;
      sGD += tGD;
      sD += tD;
    }
  }
  return {
    logSum: log0 + Math.log(sum),
    psiAB: sAB / sum,
    psiB: sB / sum,
    psiGD: sGD / sum,
    psiD: sD / sum,
  };
}
