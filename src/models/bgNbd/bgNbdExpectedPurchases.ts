import { readNumberOrArray } from '../../internal/input/customerSummary.ts';
import {
  bgNbdConditionalExpectedOne,
  readBgNbdParams,
  readHorizon,
  type BgNbdParams,
} from '../../internal/models/bgNbdKernel.ts';

/**
 * Expected number of repeat purchases E[X(t)] in a period of length t for a randomly chosen new
 * customer, under the BG/NBD model.
 *
 * ```text
 * E[X(t)] = (a + b − 1)/(a − 1) · [1 − (α/(α + t))^r · ₂F₁(r, b; a + b − 1; t/(α + t))]
 * ```
 *
 * t is in the model's time unit. Multiply by the number of customers acquired at time 0 to forecast
 * a cohort's repeat purchases. Reference: Fader, Hardie & Lee (2005), eq. (7).
 *
 * @param params - Fitted `{ r, alpha, a, b }`.
 * @param t - Period length (≥ 0), or an array of lengths (returns `number[]`).
 * @returns Expected purchases, non-decreasing in t; 0 at t = 0.
 * @throws {TypeError} When params or t have the wrong type.
 * @throws {RangeError} When a parameter is not positive or t is negative or not finite.
 * @example
 * ```ts
 * import { bgNbdExpectedPurchases } from 'loyalty-metrics';
 *
 * const params = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 };
 * bgNbdExpectedPurchases(params, 32); // => 1.0437
 * bgNbdExpectedPurchases(params, [1, 3]); // => [0.0532, 0.1506]
 * ```
 * @category Models
 */
export function bgNbdExpectedPurchases(params: BgNbdParams, t: number): number;
export function bgNbdExpectedPurchases(params: BgNbdParams, t: ArrayLike<number>): number[];
export function bgNbdExpectedPurchases(params: BgNbdParams, t: number | ArrayLike<number>): number | number[] {
  const fn = 'bgNbdExpectedPurchases';
  const p = readBgNbdParams(fn, params);
  const { single, values } = readNumberOrArray(fn, 't', t, (name, v) => readHorizon(fn, name, v));
  const out = Array.from(values, (h) => bgNbdConditionalExpectedOne(p, h, 0, 0, 0));
  return single ? (out[0] as number) : out;
}
