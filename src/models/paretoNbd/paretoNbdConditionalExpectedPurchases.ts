import { readCustomers } from '../../internal/input/customerSummary.ts';
import { MODEL_COLUMNS, readOut, resultFor } from '../../internal/input/output.ts';
import { readOptions } from '../../internal/validate.ts';
import { readHorizon } from '../../internal/models/bgNbdKernel.ts';
import type { ModelCustomer, ModelCustomers, PredictionInto, PredictionOutputOptions } from '../types.ts';
import { pairMemo } from '../../internal/models/pairMemo.ts';
import {
  paretoNbdConditionalExpectedOne,
  paretoNbdLogA,
  readParetoNbdParams,
  type ParetoNbdParams,
} from '../../internal/models/paretoNbdKernel.ts';

/**
 * Expected number of purchases in the next t time units for a customer with history (x, tₓ, T),
 * under the Pareto/NBD model.
 *
 * The posterior purchase rate (r + x)/(α + T) times the expected remaining alive time within the next
 * t units, times P(alive). The factor [1 − (…)^(s−1)]/(s − 1) is evaluated without cancellation, with
 * its limit at s = 1.
 *
 * ```text
 * E[X(T, T + t) | x, tₓ, T] = (r + x)(β + T) / ((α + T)(s − 1)) · [1 − ((β + T)/(β + T + t))^(s−1)]
 *                             · P(alive | x, tₓ, T)
 * ```
 *
 * t is in the model's time unit (the unit of recency and T when the model was fitted).
 * Reference: Schmittlein, Morrison & Colombo (1987), eq. (22); Fader & Hardie (2005), "A Note on
 * Deriving the Pareto/NBD Model and Related Expressions", eq. (19).
 *
 * @param params - Fitted `{ r, alpha, s, beta }`.
 * @param t - Length of the future period (≥ 0), in model time units.
 * @param customer - One `{ frequency, recency, T }` (returns a number), an array or columns (returns `number[]`, or `options.out` filled).
 * @param options - `out`: a caller-owned `Float64Array` with one element per customer to write the results into, returned in place of a new `number[]` (see {@link PredictionOutputOptions}).
 * @returns Expected purchases (≥ 0), non-decreasing in t; 0 for t = 0.
 * @throws {TypeError} When an argument has the wrong type.
 * @throws {RangeError} When a parameter is not positive, t is negative or not finite, or a customer is invalid.
 * @example
 * ```ts
 * import { paretoNbdConditionalExpectedPurchases } from 'loyalty-metrics';
 *
 * const params = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
 * paretoNbdConditionalExpectedPurchases(params, 52, { frequency: 26, recency: 30.86, T: 31 }); // => 25.46
 * ```
 * @category Models
 */
export function paretoNbdConditionalExpectedPurchases(
  params: ParetoNbdParams,
  t: number,
  customer: ModelCustomer,
  options?: PredictionOutputOptions,
): number;
export function paretoNbdConditionalExpectedPurchases(
  params: ParetoNbdParams,
  t: number,
  customers: ModelCustomers,
  options: PredictionInto,
): Float64Array;
export function paretoNbdConditionalExpectedPurchases(
  params: ParetoNbdParams,
  t: number,
  customers: ModelCustomers,
  options?: PredictionOutputOptions,
): number[];
export function paretoNbdConditionalExpectedPurchases(
  params: ParetoNbdParams,
  t: number,
  customer: ModelCustomer | ModelCustomers,
  options?: PredictionOutputOptions,
): number | number[] | Float64Array {
  const fn = 'paretoNbdConditionalExpectedPurchases';
  const p = readParetoNbdParams(fn, params);
  const horizon = readHorizon(fn, 't', t);
  const out = readOut(fn, readOptions(fn, options, ['out']).out, customer, MODEL_COLUMNS);
  const data = readCustomers(fn, 'customer', customer);
  const { frequency: x, recency: tx, T } = data;
  const result = resultFor(fn, out, x.length, data.single);
  if (data.single) return paretoNbdConditionalExpectedOne(p, horizon, x[0] as number, tx[0] as number, T[0] as number);
  return overCustomers(p, horizon, x, tx, T, result);
}

/**
 * The kernel over every customer in one loop of its own (monomorphic: no per-customer closure), with
 * ln A(x, t) computed once per distinct (x, t) (see pairMemo: bit-identical values).
 */
function overCustomers<R extends number[] | Float64Array>(
  p: ParetoNbdParams,
  horizon: number,
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  out: R,
): R {
  const memo = pairMemo((xi, t) => paretoNbdLogA(p, xi, t));
  // ln A(0, 0), the tₓ side of every customer without repeat purchases, kept aside: where every T is new
  // the memo switches off, and this one value is still computed once
  const logA00 = paretoNbdLogA(p, 0, 0);
  const logA = (xi: number, t: number) => (xi === 0 && t === 0 ? logA00 : memo(xi, t));
  for (let i = 0; i < x.length; i++)
    out[i] = paretoNbdConditionalExpectedOne(p, horizon, x[i] as number, tx[i] as number, T[i] as number, logA);
  return out;
}
