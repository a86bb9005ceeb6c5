/**
 * P(X(t) = n) under the Pareto/NBD model for a randomly chosen customer (Fader & Hardie 2006,
 * "Deriving an Expression for P(X(t) = x) Under the Pareto/NBD Model"). Not public API.
 *
 * Given λ and μ, the customer is alive throughout (0, t] with probability e^(−μt) and then buys
 * Poisson(λt); otherwise they die at τ < t with density μe^(−μτ) and buy Poisson(λτ). Mixing λ over
 * Gamma(r, α) and μ over Gamma(s, β):
 *
 * ```text
 * NB(n; τ) = Γ(r + n)/(Γ(r) n!) · (α/(α + τ))^r · (τ/(α + τ))ⁿ
 * P(X(t) = n) = (β/(β + t))^s · NB(n; t) + ∫₀ᵗ s·β^s/(β + τ)^(s+1) · NB(n; τ) dτ
 * ```
 *
 * The closed form of the integral (the note's eq. 13) is a difference of ₂F₁ terms that cancels
 * catastrophically when t is short or n large (the answer is tiny while each term is of order 1), so
 * the integral is evaluated by adaptive Gauss–Kronrod quadrature on a smooth, positive integrand:
 * no cancellation, relative accuracy about 1e-13 (the tests check it against 30-digit mpmath values
 * of the closed form, and that the probabilities over n add up to 1).
 * @internal
 * @module
 */
import { integrate } from '../quadrature.ts';
import { logGamma } from '../special.ts';
import type { ParetoNbdParams } from './paretoNbdKernel.ts';

/** Relative accuracy of the quadrature. */
const PMF_TOLERANCE = 1e-13;

/**
 * P(X(t) = n | r, α, s, β) for t ≥ 0 and an integer n ≥ 0.
 * @example
 * ```ts
 * import { paretoNbdPurchaseProbabilityOne } from './paretoNbdPmfKernel.ts';
 *
 * // r = α = s = β = 1, t = 1, n = 0: E[e^(−μ)]·E[e^(−λ)] + ∫₀¹ (1 + τ)^−3 dτ = ¼ + (1 − ¼)/2 = 0.625,
 * // the same as the likelihood of (x = 0, T = 1)
 * paretoNbdPurchaseProbabilityOne({ r: 1, alpha: 1, s: 1, beta: 1 }, 1, 0); // => 0.625
 * paretoNbdPurchaseProbabilityOne({ r: 1, alpha: 1, s: 1, beta: 1 }, 0, 0); // => 1
 * ```
 */
export function paretoNbdPurchaseProbabilityOne(p: ParetoNbdParams, t: number, n: number): number {
  if (t === 0) return n === 0 ? 1 : 0;
  const { r, alpha, s, beta } = p;
  const lc = logGamma(r + n) - logGamma(r) - logGamma(n + 1);
  const lnAlpha = Math.log(alpha);
  const lnBeta = Math.log(beta);
  const logNb = (tau: number): number => {
    const lat = Math.log(alpha + tau);
    return lc + r * (lnAlpha - lat) + (n === 0 ? 0 : n * (Math.log(tau) - lat));
  };
  const alive = Math.exp(s * (lnBeta - Math.log(beta + t)) + logNb(t));
  const lsb = Math.log(s) + s * lnBeta;
  const integrand = (tau: number): number => Math.exp(lsb - (s + 1) * Math.log(beta + tau) + logNb(tau));
  // Break [0, t] at geometric multiples of the smaller scale, so a narrow feature near 0 is seen.
  let dead = 0;
  let from = 0;
  let to = Math.min(alpha, beta, t) / 4;
  while (from < t) {
    if (to >= t / 2) to = t;
    dead += integrate(integrand, from, to, { relativeTolerance: PMF_TOLERANCE });
    from = to;
    to *= 4;
  }
  return alive + dead;
}
