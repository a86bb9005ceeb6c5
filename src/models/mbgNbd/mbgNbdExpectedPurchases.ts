import { readNumberOrArray } from '../../internal/input/customerSummary.ts';
import { readBgNbdParams, readHorizon } from '../../internal/models/bgNbdKernel.ts';
import { mbgNbdConditionalExpectedOne, type MbgNbdParams } from '../../internal/models/mbgNbdKernel.ts';

/**
 * Expected number of repeat purchases E[X(t)] in a period of length t for a randomly chosen new
 * customer, under the MBG/NBD model.
 *
 * ```text
 * E[X(t)] = b/(a − 1) · [1 − (α/(α + t))^r · ₂F₁(r, b + 1; a + b; t/(α + t))]
 * ```
 *
 * t is in the model's time unit. Reference: Batislam, Denizel & Filiztekin (2007), eq. (7).
 *
 * @param params - Fitted `{ r, alpha, a, b }`.
 * @param t - Period length (≥ 0), or an array of lengths (returns `number[]`).
 * @returns Expected purchases, non-decreasing in t; 0 at t = 0.
 * @throws {TypeError} When params or t have the wrong type.
 * @throws {RangeError} When a parameter is not positive or t is negative or not finite.
 * @example
 * ```ts
 * import { mbgNbdExpectedPurchases } from 'loyalty-metrics';
 *
 * const params = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
 * mbgNbdExpectedPurchases(params, [1, 78]); // => [0.0531, 1.8048]
 * ```
 * @category Models
 */
export function mbgNbdExpectedPurchases(params: MbgNbdParams, t: number): number;
export function mbgNbdExpectedPurchases(params: MbgNbdParams, t: ArrayLike<number>): number[];
export function mbgNbdExpectedPurchases(params: MbgNbdParams, t: number | ArrayLike<number>): number | number[] {
  const fn = 'mbgNbdExpectedPurchases';
  const p = readBgNbdParams(fn, params);
  const { single, values } = readNumberOrArray(fn, 't', t, (name, v) => readHorizon(fn, name, v));
  const out = Array.from(values, (h) => Math.max(0, mbgNbdConditionalExpectedOne(p, h, 0, 0, 0)));
  return single ? (out[0] as number) : out;
}
