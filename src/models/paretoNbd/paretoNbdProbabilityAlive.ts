import { readCustomers } from '../../internal/input/customerSummary.ts';
import { MODEL_COLUMNS, readOut, resultFor } from '../../internal/input/output.ts';
import { readOptions } from '../../internal/validate.ts';
import type { ModelCustomer, ModelCustomers, PredictionInto, PredictionOutputOptions } from '../types.ts';
import { pairMemo } from '../../internal/models/pairMemo.ts';
import {
  paretoNbdProbabilityAliveOne,
  paretoNbdLogA,
  readParetoNbdParams,
  type ParetoNbdParams,
} from '../../internal/models/paretoNbdKernel.ts';

/**
 * Probability that a customer is still alive (has not dropped out) at the end of observation, under
 * the Pareto/NBD model.
 *
 * In Pareto/NBD a customer can drop out at any time, so even one with no repeat purchases has
 * P(alive) < 1 once time has passed since their first purchase (unlike BG/NBD). The odds are formed in
 * log space with the hypergeometric terms on their stable branch, so the result is exactly 0, never
 * NaN, for heavy buyers who have been silent for long.
 *
 * ```text
 * P(alive | x, tₓ, T) = 1 / (1 + s/(r + s + x) · (α + T)^(r+x) (β + T)^s · (A(tₓ) − A(T)))
 * A(t) as in fitParetoNbd (a ₂F₁ on the branch chosen by the larger of α and β)
 * ```
 *
 * Reference: Schmittlein, Morrison & Colombo (1987), eq. (11); Fader & Hardie (2005), "A Note on
 * Deriving the Pareto/NBD Model and Related Expressions", eq. (18).
 *
 * @param params - Fitted `{ r, alpha, s, beta }`.
 * @param customer - One `{ frequency, recency, T }` (returns a number), an array of them or columns (returns `number[]`, or `options.out` filled), in the model's time unit.
 * @param options - `out`: a caller-owned `Float64Array` with one element per customer to write the results into, returned in place of a new `number[]` (see {@link PredictionOutputOptions}).
 * @returns A probability in [0, 1] per customer; 1 when recency = T (a purchase right now).
 * @throws {TypeError} When params or customer fields are not numbers.
 * @throws {RangeError} When a parameter is not positive, a frequency is not a non-negative integer, or recency is negative or exceeds T.
 * @example
 * ```ts
 * import { paretoNbdProbabilityAlive } from 'loyalty-metrics';
 *
 * const params = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
 * paretoNbdProbabilityAlive(params, { frequency: 26, recency: 30.86, T: 31 }); // => 0.9979
 * paretoNbdProbabilityAlive(params, { frequency: 1000, recency: 10, T: 100 }); // => 0
 * ```
 * @category Models
 */
export function paretoNbdProbabilityAlive(
  params: ParetoNbdParams,
  customer: ModelCustomer,
  options?: PredictionOutputOptions,
): number;
export function paretoNbdProbabilityAlive(
  params: ParetoNbdParams,
  customers: ModelCustomers,
  options: PredictionInto,
): Float64Array;
export function paretoNbdProbabilityAlive(
  params: ParetoNbdParams,
  customers: ModelCustomers,
  options?: PredictionOutputOptions,
): number[];
export function paretoNbdProbabilityAlive(
  params: ParetoNbdParams,
  customer: ModelCustomer | ModelCustomers,
  options?: PredictionOutputOptions,
): number | number[] | Float64Array {
  const fn = 'paretoNbdProbabilityAlive';
  const p = readParetoNbdParams(fn, params);
  const out = readOut(fn, readOptions(fn, options, ['out']).out, customer, MODEL_COLUMNS);
  const data = readCustomers(fn, 'customer', customer);
  const { frequency: x, recency: tx, T } = data;
  const result = resultFor(fn, out, x.length, data.single);
  if (data.single) return paretoNbdProbabilityAliveOne(p, x[0] as number, tx[0] as number, T[0] as number);
  return overCustomers(p, x, tx, T, result);
}

/**
 * The kernel over every customer in one loop of its own (monomorphic: no per-customer closure), with
 * ln A(x, t) computed once per distinct (x, t) (see pairMemo: bit-identical values).
 */
function overCustomers<R extends number[] | Float64Array>(
  p: ParetoNbdParams,
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
    out[i] = paretoNbdProbabilityAliveOne(p, x[i] as number, tx[i] as number, T[i] as number, logA);
  return out;
}
