import {
  bgNbdPurchaseProbabilityOne,
  readBgNbdParams,
  readHorizon,
  readPurchaseCounts,
  type BgNbdParams,
} from '../../internal/models/bgNbdKernel.ts';

/**
 * Probability P(X(t) = n) that a randomly chosen new customer makes exactly n repeat purchases in a
 * period of length t, under the BG/NBD model.
 *
 * ```text
 * p = t/(α + t)
 * P(X(t) = n) = B(a, b + n)/B(a, b) · Γ(r + n)/(Γ(r) n!) · (α/(α + t))^r · pⁿ
 *             + 1{n>0} · B(a + 1, b + n − 1)/B(a, b) · [1 − Σ_{j<n} Γ(r + j)/(Γ(r) j!) (α/(α + t))^r pʲ]
 * ```
 *
 * The bracket (a negative binomial upper tail) is computed as the regularised incomplete beta
 * I_p(n, r), so it neither cancels for small probabilities nor loops over n. t is in the model's
 * time unit. Reference: Fader, Hardie & Lee (2005), eq. (8).
 *
 * @param params - Fitted `{ r, alpha, a, b }`.
 * @param t - Period length (≥ 0).
 * @param n - Number of purchases (a non-negative integer), or an array of them (returns `number[]`).
 * @returns Probabilities in [0, 1]; over n = 0, 1, 2, … they sum to 1.
 * @throws {TypeError} When an argument has the wrong type.
 * @throws {RangeError} When a parameter is not positive, t is negative, or n is not a non-negative integer.
 * @example
 * ```ts
 * import { bgNbdPurchaseProbability } from 'loyalty-metrics';
 *
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * bgNbdPurchaseProbability(params, 39, 0); // => 0.5737864
 * bgNbdPurchaseProbability(params, 30, [11, 12]); // => [0.0019995214, 0.0015170236]
 * ```
 * @category Models
 */
export function bgNbdPurchaseProbability(params: BgNbdParams, t: number, n: number): number;
export function bgNbdPurchaseProbability(params: BgNbdParams, t: number, n: ArrayLike<number>): number[];
export function bgNbdPurchaseProbability(
  params: BgNbdParams,
  t: number,
  n: number | ArrayLike<number>,
): number | number[] {
  const fn = 'bgNbdPurchaseProbability';
  const p = readBgNbdParams(fn, params);
  const horizon = readHorizon(fn, 't', t);
  const { single, values } = readPurchaseCounts(fn, n);
  const out = Array.from(values, (k) => Math.min(1, Math.max(0, bgNbdPurchaseProbabilityOne(p, horizon, k))));
  return single ? (out[0] as number) : out;
}
