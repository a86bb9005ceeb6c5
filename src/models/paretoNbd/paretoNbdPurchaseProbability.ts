import { readHorizon, readPurchaseCounts } from '../../internal/models/bgNbdKernel.ts';
import { readParetoNbdParams, type ParetoNbdParams } from '../../internal/models/paretoNbdKernel.ts';
import { paretoNbdPurchaseProbabilityOne } from '../../internal/models/paretoNbdPmfKernel.ts';

/**
 * Probability that a randomly chosen new customer makes exactly n repeat purchases in a period of
 * length t, under the Pareto/NBD model: the model's predicted distribution of purchase counts (the
 * "period transactions" histogram of a fit is Σ over customers of this at each customer's T).
 *
 * ```text
 * NB(n; τ)    = Γ(r + n)/(Γ(r) n!) · (α/(α + τ))^r · (τ/(α + τ))ⁿ          (NBD while alive)
 * P(X(t) = n) = (β/(β + t))^s · NB(n; t)                                  (alive all of (0, t])
 *             + ∫₀ᵗ s·β^s/(β + τ)^(s+1) · NB(n; τ) dτ                      (dropped out at τ)
 * ```
 *
 * The integral equals the ₂F₁ expression of Fader & Hardie (2006), "Deriving an Expression for
 * P(X(t) = x) Under the Pareto/NBD Model", eq. (13); it is evaluated by adaptive Gauss–Kronrod
 * quadrature because that closed form cancels catastrophically for short t or large n. Relative
 * accuracy about 1e-13; over n = 0, 1, 2, … the probabilities add up to 1.
 *
 * @param params - Fitted `{ r, alpha, s, beta }`.
 * @param t - Period length (≥ 0), in model time units.
 * @param n - Number of purchases (a non-negative integer), or an array of them (returns `number[]`).
 * @returns A probability in [0, 1]; at t = 0 it is 1 for n = 0 and 0 otherwise.
 * @throws {TypeError} When an argument has the wrong type.
 * @throws {RangeError} When a parameter is not positive, t is negative or not finite, or n is not a non-negative integer.
 * @example
 * ```ts
 * import { paretoNbdPurchaseProbability } from 'loyalty-metrics';
 *
 * // BTYD walkthrough parameters for CDNOW (weeks)
 * const params = { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.658 };
 * paretoNbdPurchaseProbability(params, 39, 0); // => 0.5937
 * paretoNbdPurchaseProbability(params, 39, [1, 2]); // => [0.1655, 0.0825]
 * ```
 * @category Models
 */
export function paretoNbdPurchaseProbability(params: ParetoNbdParams, t: number, n: number): number;
export function paretoNbdPurchaseProbability(params: ParetoNbdParams, t: number, n: ArrayLike<number>): number[];
export function paretoNbdPurchaseProbability(
  params: ParetoNbdParams,
  t: number,
  n: number | ArrayLike<number>,
): number | number[] {
  const fn = 'paretoNbdPurchaseProbability';
  const p = readParetoNbdParams(fn, params);
  const horizon = readHorizon(fn, 't', t);
  const { single, values } = readPurchaseCounts(fn, n);
  const out = Array.from(values, (k) => Math.min(1, Math.max(0, paretoNbdPurchaseProbabilityOne(p, horizon, k))));
  return single ? (out[0] as number) : out;
}
