import { readCustomers } from '../../internal/input/customerSummary.ts';
import { MODEL_COLUMNS, readOut, resultFor } from '../../internal/input/output.ts';
import { readOptions } from '../../internal/validate.ts';
import { readBgNbdParams, readHorizon } from '../../internal/models/bgNbdKernel.ts';
import type { ModelCustomer, ModelCustomers, PredictionInto, PredictionOutputOptions } from '../types.ts';
import { pairMemo } from '../../internal/models/pairMemo.ts';
import {
  mbgNbdAlivePurchases,
  mbgNbdConditionalExpectedOne,
  type MbgNbdParams,
} from '../../internal/models/mbgNbdKernel.ts';

/**
 * Expected number of purchases in the next t time units for a customer with history (x, tₓ, T),
 * under the MBG/NBD model.
 *
 * The Gauss hypergeometric function is evaluated after Euler's transformation and in log space, so
 * heavy buyers neither overflow nor lose precision.
 *
 * ```text
 * E[X(T, T + t) | x, tₓ, T] = (a + b + x)/(a − 1)
 *     · [1 − ((α + T)/(α + T + t))^(r+x) · ₂F₁(r + x, b + x + 1; a + b + x; t/(α + T + t))]
 *     / (1 + a/(b + x)·((α + T)/(α + tₓ))^(r+x))
 * ```
 *
 * t is in the model's time unit. Reference: Batislam, Denizel & Filiztekin (2007), eq. (10).
 *
 * @param params - Fitted `{ r, alpha, a, b }`.
 * @param t - Length of the future period (≥ 0), in model time units.
 * @param customer - One `{ frequency, recency, T }` (returns a number), an array or columns (returns `number[]`, or `options.out` filled).
 * @param options - `out`: a caller-owned `Float64Array` with one element per customer to write the results into, returned in place of a new `number[]` (see {@link PredictionOutputOptions}).
 * @returns Expected purchases (≥ 0), non-decreasing in t; 0 for t = 0.
 * @throws {TypeError} When an argument has the wrong type.
 * @throws {RangeError} When a parameter is not positive, t is negative or not finite, or a customer is invalid.
 * @example
 * ```ts
 * import { mbgNbdConditionalExpectedPurchases } from 'loyalty-metrics';
 *
 * const params = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
 * mbgNbdConditionalExpectedPurchases(params, 39, { frequency: 2, recency: 30.43, T: 38.86 }); // => 1.263
 * ```
 * @category Models
 */
export function mbgNbdConditionalExpectedPurchases(
  params: MbgNbdParams,
  t: number,
  customer: ModelCustomer,
  options?: PredictionOutputOptions,
): number;
export function mbgNbdConditionalExpectedPurchases(
  params: MbgNbdParams,
  t: number,
  customers: ModelCustomers,
  options: PredictionInto,
): Float64Array;
export function mbgNbdConditionalExpectedPurchases(
  params: MbgNbdParams,
  t: number,
  customers: ModelCustomers,
  options?: PredictionOutputOptions,
): number[];
export function mbgNbdConditionalExpectedPurchases(
  params: MbgNbdParams,
  t: number,
  customer: ModelCustomer | ModelCustomers,
  options?: PredictionOutputOptions,
): number | number[] | Float64Array {
  const fn = 'mbgNbdConditionalExpectedPurchases';
  const p = readBgNbdParams(fn, params);
  const horizon = readHorizon(fn, 't', t);
  const out = readOut(fn, readOptions(fn, options, ['out']).out, customer, MODEL_COLUMNS);
  const data = readCustomers(fn, 'customer', customer);
  const { frequency: x, recency: tx, T } = data;
  const result = resultFor(fn, out, x.length, data.single);
  if (data.single)
    return Math.max(0, mbgNbdConditionalExpectedOne(p, horizon, x[0] as number, tx[0] as number, T[0] as number));
  return overCustomers(p, horizon, x, tx, T, result);
}

/**
 * The kernel over every customer in one loop of its own (monomorphic: no per-customer closure), with the
 * costly alive-customer factor computed once per distinct (x, T) (see pairMemo: bit-identical values).
 */
function overCustomers<R extends number[] | Float64Array>(
  p: MbgNbdParams,
  horizon: number,
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  out: R,
): R {
  const alive = pairMemo((xi, Ti) => mbgNbdAlivePurchases(p, horizon, xi, Ti));
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const Ti = T[i] as number;
    out[i] = Math.max(0, mbgNbdConditionalExpectedOne(p, horizon, xi, tx[i] as number, Ti, alive(xi, Ti)));
  }
  return out;
}
