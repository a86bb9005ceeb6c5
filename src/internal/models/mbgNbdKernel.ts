import { logBeta, regularizedIncompleteBeta } from '../special.ts';
import { aliveExpectedPurchases } from './betaDropoutKernel.ts';
import { betaGeometricLogLikelihood } from './betaGeometricLikelihood.ts';
import { aliveFromOdds, logNbdProbability, type BgNbdParams } from './bgNbdKernel.ts';

/** MBG/NBD parameters (the same four as BG/NBD): λ ~ Gamma(r, α), dropout probability p ~ Beta(a, b). */
export type MbgNbdParams = BgNbdParams;

/**
 * The weighted log-likelihood over customers as a function of ln(r, α, a, b), with its analytic gradient:
 *
 * ```text
 * ℓ = ln Γ(r + x) − ln Γ(r) + r ln α + ln B(a, b + x + 1) − ln B(a, b)
 *     + ln[ (α + T)^−(r+x) + a/(b + x)·(α + tₓ)^−(r+x) ]
 * ```
 *
 * One loop with BG/NBD's (see `betaGeometricLogLikelihood`): tables per distinct x, T and tₓ, rows
 * without repeat purchases aggregated per distinct T.
 * @example
 * ```ts
 * import { mbgNbdLogLikelihood } from './mbgNbdKernel.ts';
 *
 * // r = α = a = b = 1, one customer with no purchase in (0, 1]: ln[B(1, 2)/B(1, 1)·(½ + 1)] = ln 0.75,
 * // which is mbgNbdPurchaseProbabilityOne(params, 1, 0)
 * const ll = mbgNbdLogLikelihood(Float64Array.of(0), Float64Array.of(0), Float64Array.of(1), Float64Array.of(1));
 * ll(Float64Array.of(0, 0, 0, 0)); // => -0.28768207245178
 * ```
 */
export function mbgNbdLogLikelihood(
  frequency: Float64Array,
  recency: Float64Array,
  T: Float64Array,
  weights: Float64Array,
): (logParams: Float64Array, gradient?: Float64Array) => number {
  return betaGeometricLogLikelihood(frequency, recency, T, weights, 1);
}

/**
 * P(alive | x, tₓ, T) = 1/(1 + a/(b + x)·((α + T)/(α + tₓ))^(r+x)) for every x (also x = 0), by
 * `aliveFromOdds` (direct where nothing can overflow, in log space elsewhere).
 * @example
 * ```ts
 * import { mbgNbdProbabilityAliveOne } from './mbgNbdKernel.ts';
 *
 * // odds a/(b + x)·((α + T)/(α + tₓ))^(r + x) = ½·2² = 2 for x = tₓ = 1, T = 3
 * mbgNbdProbabilityAliveOne({ r: 1, alpha: 1, a: 1, b: 1 }, 1, 1, 3); // => 0.3333333333333
 * // unlike BG/NBD, a customer without repeat purchases may have left (at time 0): odds 1·4¹ = 4
 * mbgNbdProbabilityAliveOne({ r: 1, alpha: 1, a: 1, b: 1 }, 0, 0, 3); // => 0.2
 * ```
 */
export function mbgNbdProbabilityAliveOne(p: MbgNbdParams, x: number, tx: number, T: number): number {
  return aliveFromOdds(p, p.b + x, x, tx, T);
}

/**
 * E[X(T, T + t) | x, tₓ, T]: P(alive) times the purchases of a customer alive at T, whose posterior is
 * λ ~ Gamma(r + x, α + T) and p ~ Beta(a, b + x + 1) (x + 1 dropout occasions survived, the first at
 * time 0):
 *
 * ```text
 * E = P(alive | x, tₓ, T) · K(r + x, α + T, a, b + x + 1; t)
 *   = P(alive) · (a + b + x)/(a − 1) · [1 − ((α + T)/(α + T + t))^(r+x)·₂F₁(r + x, b + x + 1; a + b + x; z)]
 * ```
 *
 * with z = t/(α + T + t) and K from `aliveExpectedPurchases` (accurate at every parameter, within
 * P(alive)·(1 − ((α + T)/(α + T + t))^(r+x)) ≤ E ≤ P(alive)·(r + x)·t/(α + T)). With x = 0 and
 * tₓ = T = 0 it is the unconditional E[X(t)] = b/(a − 1)·[1 − (α/(α + t))^r·₂F₁(r, b + 1; a + b; t/(α + t))].
 * @example
 * ```ts
 * import { mbgNbdConditionalExpectedOne } from './mbgNbdKernel.ts';
 *
 * // Unconditional E[X(1)] at r = α = b = 1, a = 2: 1 − ½·₂F₁(1, 2; 3; ½), and ₂F₁(1, 2; 3; z) = 2(−ln(1 − z) − z)/z²,
 * // so E = 1 − 4(ln 2 − ½) = 3 − 4 ln 2
 * mbgNbdConditionalExpectedOne({ r: 1, alpha: 1, a: 2, b: 1 }, 1, 0, 0, 0); // => 0.2274112777602
 * ```
 */
export function mbgNbdConditionalExpectedOne(
  p: MbgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
  alive: number = mbgNbdAlivePurchases(p, t, x, T),
): number {
  if (t === 0) return 0;
  return alive * aliveFromOdds(p, p.b + x, x, tx, T);
}

/**
 * K(r + x, α + T, a, b + x + 1; t): the expected purchases in (T, T + t] of an MBG/NBD customer (x, T)
 * alive at T, independent of tₓ (the `alive` argument of `mbgNbdConditionalExpectedOne`).
 * @example
 * ```ts
 * import { mbgNbdAlivePurchases } from './mbgNbdKernel.ts';
 *
 * // r = α = b = 1, a = 2, x = T = 0, t = 1: E[X(1)] = 3 − 4 ln 2 (see mbgNbdConditionalExpectedOne) is
 * // P(alive)·K with P(alive) = 1/(1 + a/b) = ⅓ there, so K = 3·(3 − 4 ln 2)
 * mbgNbdAlivePurchases({ r: 1, alpha: 1, a: 2, b: 1 }, 1, 0, 0); // => 0.68223383328066
 * ```
 */
export function mbgNbdAlivePurchases(p: MbgNbdParams, t: number, x: number, T: number): number {
  return aliveExpectedPurchases(p.r + x, p.alpha + T, p.a, p.b + (x + 1), t);
}

/**
 * P(X(t) = n) for a randomly chosen customer (Batislam et al. 2007, eq. 8), with the negative binomial
 * tail 1 − Σ_{j<n} NB(j) computed as the regularised incomplete beta I_p(n, r):
 *
 * ```text
 * p = t/(α + t)
 * P(X(t) = n) = B(a, b + n + 1)/B(a, b) · Γ(r + n)/(Γ(r) n!) · (1 − p)^r · pⁿ
 *             + B(a + 1, b + n)/B(a, b) · (n = 0 ? 1 : I_p(n, r))
 * ```
 * @example
 * ```ts
 * import { mbgNbdPurchaseProbabilityOne } from './mbgNbdKernel.ts';
 *
 * // r = α = a = b = 1, t = 1: P(0) = B(1, 2)/B(1, 1)·½ + B(2, 1)/B(1, 1) = ¼ + ½
 * const p = { r: 1, alpha: 1, a: 1, b: 1 };
 * mbgNbdPurchaseProbabilityOne(p, 1, 0); // => 0.75
 * // a distribution: the probabilities sum to 1
 * Array.from({ length: 200 }, (_, n) => mbgNbdPurchaseProbabilityOne(p, 1, n)).reduce((s, q) => s + q, 0); // => 1.0000000
 * ```
 */
export function mbgNbdPurchaseProbabilityOne(p: MbgNbdParams, t: number, n: number): number {
  const { r, alpha, a, b } = p;
  const lbab = logBeta(a, b);
  const dropped = Math.exp(logBeta(a + 1, b + n) - lbab);
  if (t === 0) return n === 0 ? 1 : 0;
  const nbLog = logNbdProbability(r, alpha, t, n);
  const first = Math.exp(logBeta(a, b + n + 1) - lbab + nbLog);
  return first + dropped * (n === 0 ? 1 : regularizedIncompleteBeta(t / (alpha + t), n, r));
}
