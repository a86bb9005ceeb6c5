import { rawFloat64Customers, readCustomers } from '../../internal/input/customerSummary.ts';
import { MODEL_COLUMNS, readOut, resultFor } from '../../internal/input/output.ts';
import { readOptions } from '../../internal/validate.ts';
import type { ModelCustomer, ModelCustomers, PredictionInto, PredictionOutputOptions } from '../types.ts';
import {
  aliveOverColumns,
  bgNbdProbabilityAliveOne,
  readBgNbdParams,
  type BgNbdParams,
} from '../../internal/models/bgNbdKernel.ts';

/**
 * Probability that a customer is still alive (has not dropped out) at the end of observation, under
 * the BG/NBD model.
 *
 * A customer with no repeat purchases cannot have dropped out (BG/NBD customers drop out only right
 * after a purchase), so P(alive) = 1 for x = 0. Heavy buyers who have been silent for long get
 * P(alive) → 0; the odds are formed directly where they cannot overflow and in log space beyond, so
 * the result is exactly 0, never NaN, for extreme inputs such as x = 1000, tₓ = 10, T = 100. Over
 * columns, one tight loop per call (no per-customer allocation).
 *
 * ```text
 * P(alive | x, tₓ, T) = 1 / (1 + 1{x>0}·a/(b + x − 1)·((α + T)/(α + tₓ))^(r+x))
 * ```
 *
 * Reference: Fader, Hardie & Lee (2005), eq. (11); Fader, Hardie & Lee (2008), note "Computing
 * P(alive) using the BG/NBD model".
 *
 * @param params - Fitted `{ r, alpha, a, b }`.
 * @param customer - One `{ frequency, recency, T }` (returns a number), an array of them or columns (returns `number[]`, or `options.out` filled), in the model's time unit.
 * @param options - `out`: a caller-owned `Float64Array` with one element per customer to write the results into, returned in place of a new `number[]` (see {@link PredictionOutputOptions}).
 * @returns A probability in [0, 1] per customer; non-increasing in T for fixed x and tₓ.
 * @throws {TypeError} When params or customer fields are not numbers.
 * @throws {RangeError} When a parameter is not positive, a frequency is not a non-negative integer, or recency is negative or exceeds T.
 * @example
 * ```ts
 * import { bgNbdProbabilityAlive } from 'loyalty-metrics';
 *
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * bgNbdProbabilityAlive(params, { frequency: 2, recency: 30.43, T: 38.86 }); // => 0.7266
 * bgNbdProbabilityAlive(params, { frequency: 1000, recency: 10, T: 100 }); // => 0
 * // many customers as columns, into a buffer of your own that later calls reuse (`out`)
 * const customers = { frequency: Float64Array.of(2, 0), recency: Float64Array.of(30.43, 0), T: Float64Array.of(38.86, 38.86) };
 * const out = new Float64Array(2);
 * bgNbdProbabilityAlive(params, customers, { out }) === out; // => true
 * Array.from(out); // => [0.7266, 1]
 * ```
 * @category Models
 */
export function bgNbdProbabilityAlive(
  params: BgNbdParams,
  customer: ModelCustomer,
  options?: PredictionOutputOptions,
): number;
export function bgNbdProbabilityAlive(
  params: BgNbdParams,
  customers: ModelCustomers,
  options: PredictionInto,
): Float64Array;
export function bgNbdProbabilityAlive(
  params: BgNbdParams,
  customers: ModelCustomers,
  options?: PredictionOutputOptions,
): number[];
export function bgNbdProbabilityAlive(
  params: BgNbdParams,
  customer: ModelCustomer | ModelCustomers,
  options?: PredictionOutputOptions,
): number | number[] | Float64Array {
  const fn = 'bgNbdProbabilityAlive';
  const p = readBgNbdParams(fn, params);
  const out = readOut(fn, readOptions(fn, options, ['out']).out, customer, MODEL_COLUMNS);
  // Float64Array columns: checked row by row inside the loop; a doubtful row goes to readCustomers, which throws
  const raw = rawFloat64Customers(customer, true, false);
  const fast = raw && aliveOverColumns(p, -1, raw.frequency, raw.recency, raw.T, resultFor(fn, out, raw.length));
  if (fast) return fast;
  const data = readCustomers(fn, 'customer', customer);
  const { frequency: x, recency: tx, T } = data;
  const result = resultFor(fn, out, x.length, data.single);
  if (data.single) return bgNbdProbabilityAliveOne(p, x[0] as number, tx[0] as number, T[0] as number);
  return overCustomers(p, x, tx, T, result);
}

/** The kernel over every customer in one loop of its own (monomorphic: no per-customer closure). */
function overCustomers<R extends number[] | Float64Array>(
  p: BgNbdParams,
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  out: R,
): R {
  for (let i = 0; i < x.length; i++)
    out[i] = bgNbdProbabilityAliveOne(p, x[i] as number, tx[i] as number, T[i] as number);
  return out;
}
