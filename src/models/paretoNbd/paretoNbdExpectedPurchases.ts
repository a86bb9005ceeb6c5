import { readNumberOrArray } from '../../internal/input/customerSummary.ts';
import { readHorizon } from '../../internal/models/bgNbdKernel.ts';
import {
  paretoNbdConditionalExpectedOne,
  readParetoNbdParams,
  type ParetoNbdParams,
} from '../../internal/models/paretoNbdKernel.ts';

/**
 * Expected number of repeat purchases E[X(t)] in a period of length t for a randomly chosen new
 * customer, under the Pareto/NBD model.
 *
 * ```text
 * E[X(t)] = r·β / (α·(s − 1)) · [1 − (β/(β + t))^(s−1)]          (limit r/α·β·ln(1 + t/β) at s = 1)
 * ```
 *
 * t is in the model's time unit. Multiply by the number of customers acquired at time 0 to forecast a
 * cohort's repeat purchases. Reference: Schmittlein, Morrison & Colombo (1987), eq. (17).
 *
 * @param params - Fitted `{ r, alpha, s, beta }`.
 * @param t - Period length (≥ 0), or an array of lengths (returns `number[]`).
 * @returns Expected purchases, non-decreasing in t; 0 at t = 0.
 * @throws {TypeError} When params or t have the wrong type.
 * @throws {RangeError} When a parameter is not positive or t is negative or not finite.
 * @example
 * ```ts
 * import { paretoNbdExpectedPurchases } from 'loyalty-metrics';
 *
 * const params = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
 * paretoNbdExpectedPurchases(params, [1, 9, 39]); // => [0.0510, 0.3912, 1.2130]
 * ```
 * @category Models
 */
export function paretoNbdExpectedPurchases(params: ParetoNbdParams, t: number): number;
export function paretoNbdExpectedPurchases(params: ParetoNbdParams, t: ArrayLike<number>): number[];
export function paretoNbdExpectedPurchases(params: ParetoNbdParams, t: number | ArrayLike<number>): number | number[] {
  const fn = 'paretoNbdExpectedPurchases';
  const p = readParetoNbdParams(fn, params);
  const { single, values } = readNumberOrArray(fn, 't', t, (name, v) => readHorizon(fn, name, v));
  const out = Array.from(values, (h) => paretoNbdConditionalExpectedOne(p, h, 0, 0, 0));
  return single ? (out[0] as number) : out;
}
