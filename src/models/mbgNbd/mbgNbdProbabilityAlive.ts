import { rawFloat64Customers, readCustomers } from '../../internal/input/customerSummary.ts';
import { aliveOverColumns, readBgNbdParams } from '../../internal/models/bgNbdKernel.ts';
import { MODEL_COLUMNS, readOut, resultFor } from '../../internal/input/output.ts';
import { readOptions } from '../../internal/validate.ts';
import type { ModelCustomer, ModelCustomers, PredictionInto, PredictionOutputOptions } from '../types.ts';
import { mbgNbdProbabilityAliveOne, type MbgNbdParams } from '../../internal/models/mbgNbdKernel.ts';

/**
 * Probability that a customer is still alive (has not dropped out) at the end of observation, under
 * the MBG/NBD model.
 *
 * Unlike BG/NBD, a customer with no repeat purchases can have dropped out (right after the first
 * purchase), so their P(alive) falls as time passes. The odds are formed directly where they cannot
 * overflow and in log space beyond: exactly 0, never NaN, for extreme inputs.
 *
 * ```text
 * P(alive | x, tₓ, T) = 1 / (1 + a/(b + x)·((α + T)/(α + tₓ))^(r+x))
 * ```
 *
 * Reference: Batislam, Denizel & Filiztekin (2007), eq. (9).
 *
 * @param params - Fitted `{ r, alpha, a, b }`.
 * @param customer - One `{ frequency, recency, T }` (returns a number), an array of them or columns (returns `number[]`, or `options.out` filled), in the model's time unit.
 * @param options - `out`: a caller-owned `Float64Array` with one element per customer to write the results into, returned in place of a new `number[]` (see {@link PredictionOutputOptions}).
 * @returns A probability in [0, 1] per customer; non-increasing in T for fixed x and tₓ.
 * @throws {TypeError} When params or customer fields are not numbers.
 * @throws {RangeError} When a parameter is not positive, a frequency is not a non-negative integer, or recency is negative or exceeds T.
 * @example
 * ```ts
 * import { mbgNbdProbabilityAlive } from 'loyalty-metrics';
 *
 * const params = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
 * mbgNbdProbabilityAlive(params, { frequency: 2, recency: 30.43, T: 38.86 }); // => 0.7062
 * mbgNbdProbabilityAlive(params, { frequency: 0, recency: 0, T: 38.86 }); // => 0.3897
 * ```
 * @category Models
 */
export function mbgNbdProbabilityAlive(
  params: MbgNbdParams,
  customer: ModelCustomer,
  options?: PredictionOutputOptions,
): number;
export function mbgNbdProbabilityAlive(
  params: MbgNbdParams,
  customers: ModelCustomers,
  options: PredictionInto,
): Float64Array;
export function mbgNbdProbabilityAlive(
  params: MbgNbdParams,
  customers: ModelCustomers,
  options?: PredictionOutputOptions,
): number[];
export function mbgNbdProbabilityAlive(
  params: MbgNbdParams,
  customer: ModelCustomer | ModelCustomers,
  options?: PredictionOutputOptions,
): number | number[] | Float64Array {
  const fn = 'mbgNbdProbabilityAlive';
  const p = readBgNbdParams(fn, params);
  const out = readOut(fn, readOptions(fn, options, ['out']).out, customer, MODEL_COLUMNS);
  // Float64Array columns: checked row by row inside the loop; a doubtful row goes to readCustomers, which throws
  const raw = rawFloat64Customers(customer, true, false);
  const fast = raw && aliveOverColumns(p, 0, raw.frequency, raw.recency, raw.T, resultFor(fn, out, raw.length));
  if (fast) return fast;
  const data = readCustomers(fn, 'customer', customer);
  const { frequency: x, recency: tx, T } = data;
  const result = resultFor(fn, out, x.length, data.single);
  if (data.single) return mbgNbdProbabilityAliveOne(p, x[0] as number, tx[0] as number, T[0] as number);
  return overCustomers(p, x, tx, T, result);
}

/** The kernel over every customer in one loop of its own (monomorphic: no per-customer closure). */
function overCustomers<R extends number[] | Float64Array>(
  p: MbgNbdParams,
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  out: R,
): R {
  for (let i = 0; i < x.length; i++)
    out[i] = mbgNbdProbabilityAliveOne(p, x[i] as number, tx[i] as number, T[i] as number);
  return out;
}
