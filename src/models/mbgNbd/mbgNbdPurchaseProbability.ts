import { readBgNbdParams, readHorizon, readPurchaseCounts } from '../../internal/models/bgNbdKernel.ts';
import { mbgNbdPurchaseProbabilityOne, type MbgNbdParams } from '../../internal/models/mbgNbdKernel.ts';

/**
 * Probability that a randomly chosen new customer makes exactly n repeat purchases in a period of
 * length t, under the MBG/NBD model.
 *
 * ```text
 * p = t/(α + t)
 * P(X(t) = n) = B(a, b + n + 1)/B(a, b) · Γ(r + n)/(Γ(r) n!) · (1 − p)^r · pⁿ
 *             + B(a + 1, b + n)/B(a, b) · [1 − Σ_{j<n} Γ(r + j)/(Γ(r) j!) · (1 − p)^r · pʲ]
 * ```
 *
 * The bracket is the negative binomial tail, computed as a regularised incomplete beta function
 * (no cancellation, no loop over n). Over n = 0, 1, 2, … the probabilities add up to 1.
 * Reference: Batislam, Denizel & Filiztekin (2007), eq. (8).
 *
 * @param params - Fitted `{ r, alpha, a, b }`.
 * @param t - Period length (≥ 0), in model time units.
 * @param n - Number of purchases (a non-negative integer), or an array of them (returns `number[]`).
 * @returns A probability in [0, 1].
 * @throws {TypeError} When an argument has the wrong type.
 * @throws {RangeError} When a parameter is not positive, t is negative or not finite, or n is not a non-negative integer.
 * @example
 * ```ts
 * import { mbgNbdPurchaseProbability } from 'loyalty-metrics';
 *
 * const params = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
 * mbgNbdPurchaseProbability(params, 39, 0); // => 0.5825
 * ```
 * @category Models
 */
export function mbgNbdPurchaseProbability(params: MbgNbdParams, t: number, n: number): number;
export function mbgNbdPurchaseProbability(params: MbgNbdParams, t: number, n: ArrayLike<number>): number[];
export function mbgNbdPurchaseProbability(
  params: MbgNbdParams,
  t: number,
  n: number | ArrayLike<number>,
): number | number[] {
  const fn = 'mbgNbdPurchaseProbability';
  const p = readBgNbdParams(fn, params);
  const horizon = readHorizon(fn, 't', t);
  const { single, values } = readPurchaseCounts(fn, n);
  const out = Array.from(values, (k) => Math.min(1, Math.max(0, mbgNbdPurchaseProbabilityOne(p, horizon, k))));
  return single ? (out[0] as number) : out;
}
