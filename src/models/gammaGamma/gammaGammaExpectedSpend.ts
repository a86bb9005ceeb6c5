import { rawFloat64Customers, readCustomers, spendRowOk } from '../../internal/input/customerSummary.ts';
import { readOut, resultFor, SPEND_COLUMNS } from '../../internal/input/output.ts';
import { readOptions } from '../../internal/validate.ts';
import type {
  NonPositiveSpendPrediction,
  PredictionInto,
  PredictionOutputOptions,
  SpendCustomer,
  SpendCustomers,
} from '../types.ts';
import { readSpendPolicy } from '../../internal/models/gammaGammaKernel.ts';
import {
  gammaGammaExpectedSpendOne,
  readGammaGammaParams,
  type GammaGammaParams,
} from '../../internal/models/gammaGammaKernel.ts';

/** Options for {@link gammaGammaExpectedSpend}. */
export interface GammaGammaExpectedSpendOptions extends PredictionOutputOptions {
  /**
   * A repeat buyer whose monetaryValue is 0 or negative: `'nan'` (default) gives that customer `NaN` (the model's
   * mean is undefined there), `'throw'` throws a `RangeError` naming the row and customer id.
   */
  readonly nonPositiveSpend?: NonPositiveSpendPrediction;
}

/**
 * Conditional expected average transaction value of a customer under the Gamma-Gamma model: a
 * credibility-weighted mix of the population mean and the customer's own mean spend.
 *
 * ```text
 * w = p·x / (p·x + q − 1)
 * E[M | x, m̄] = (1 − w)·v·p/(q − 1) + w·m̄  =  p·(v + x·m̄)/(p·x + q − 1)
 * ```
 *
 * Customers with frequency 0 get the population mean p·v/(q − 1) (their monetaryValue is ignored). A repeat
 * buyer whose monetaryValue is 0 or negative ($0 orders, returns) is outside the model, which has positive spend
 * only: by default that customer gets `NaN` and the others their values, so one such row does not stop a batch
 * (count them with `Number.isNaN`); `nonPositiveSpend: 'throw'` makes it an error instead.
 * Currency units as monetaryValue. Reference: Fader, Hardie & Lee (2005), "RFM and CLV", eq. (5).
 *
 * @param params - Fitted `{ p, q, v }`.
 * @param customer - One `{ frequency, monetaryValue }` (returns a number), an array or columns (returns `number[]`, or `options.out` filled).
 * @param options - `nonPositiveSpend`: `'nan'` (default) or `'throw'`; `out`: a caller-owned `Float64Array` with one element per customer to write the results into, returned in place of a new `number[]` (see {@link PredictionOutputOptions}).
 * @returns Expected spend per transaction; `Infinity` when p·x + q ≤ 1 (the mean does not exist, e.g. q ≤ 1 for x = 0);
 *   `NaN` for a repeat buyer with a monetaryValue ≤ 0 (default policy).
 * @throws {TypeError} When an argument has the wrong type.
 * @throws {RangeError} When a parameter is not positive, a frequency is not a non-negative integer, or (with
 *   `nonPositiveSpend: 'throw'`) a monetary value is negative or 0 with x > 0; the error names the row and customer id.
 * @example
 * ```ts
 * import { gammaGammaExpectedSpend } from 'loyalty-metrics';
 *
 * const params = { p: 6.25, q: 3.74, v: 15.44 };
 * gammaGammaExpectedSpend(params, { frequency: 2, monetaryValue: 22.35 }); // => 24.66
 * gammaGammaExpectedSpend(params, { frequency: 0, monetaryValue: 0 }); // => 35.22
 * // a $0 repeat buyer: NaN for them, values for the rest; or an error naming them
 * const rows = [{ customer: 'ann', frequency: 2, monetaryValue: 22.35 }, { customer: 'bob', frequency: 1, monetaryValue: 0 }];
 * gammaGammaExpectedSpend(params, rows); // => [24.66, NaN]
 * // into a caller-owned buffer, one element per customer
 * const out = new Float64Array(2);
 * gammaGammaExpectedSpend(params, { frequency: Float64Array.of(2, 0), monetaryValue: Float64Array.of(22.35, 0) }, { out });
 * Array.from(out); // => [24.66, 35.22]
 * gammaGammaExpectedSpend(params, rows, { nonPositiveSpend: 'throw' }); // => throws RangeError: gammaGammaExpectedSpend: row 1 (customer "bob"): monetaryValue (0) must be greater than 0 for a customer with repeat purchases
 * ```
 * @category Models
 */
export function gammaGammaExpectedSpend(
  params: GammaGammaParams,
  customer: SpendCustomer,
  options?: GammaGammaExpectedSpendOptions,
): number;
export function gammaGammaExpectedSpend(
  params: GammaGammaParams,
  customers: SpendCustomers,
  options: GammaGammaExpectedSpendOptions & PredictionInto,
): Float64Array;
export function gammaGammaExpectedSpend(
  params: GammaGammaParams,
  customers: SpendCustomers,
  options?: GammaGammaExpectedSpendOptions,
): number[];
export function gammaGammaExpectedSpend(
  params: GammaGammaParams,
  customer: SpendCustomer | SpendCustomers,
  options?: GammaGammaExpectedSpendOptions,
): number | number[] | Float64Array {
  const fn = 'gammaGammaExpectedSpend';
  const p = readGammaGammaParams(fn, params);
  const o = readOptions(fn, options, ['nonPositiveSpend', 'out']);
  const policy = readSpendPolicy(fn, o.nonPositiveSpend);
  const out = readOut(fn, o.out, customer, SPEND_COLUMNS);
  const spend = policy === 'throw' ? 'positive' : 'any';
  // Float64Array columns: checked row by row inside the loop; a doubtful row goes to readCustomers, which throws
  const raw = rawFloat64Customers(customer, false, true);
  const fast =
    raw && overColumns(p, raw.frequency, raw.monetaryValue, spend === 'positive', resultFor(fn, out, raw.length));
  if (fast) return fast;
  const data = readCustomers(fn, 'customer', customer, { rfm: false, monetary: true, spend });
  const x = data.frequency;
  const m = data.monetaryValue as Float64Array;
  const result = resultFor(fn, out, x.length, data.single);
  if (data.single) return spendOne(p, x[0] as number, m[0] as number);
  return overCustomers(p, x, m, result);
}

/** One customer's expected spend; NaN for a repeat buyer whose monetaryValue is not positive (policy 'nan'). */
function spendOne(p: GammaGammaParams, x: number, m: number): number {
  return x > 0 && !(m > 0) ? Number.NaN : gammaGammaExpectedSpendOne(p, x, m);
}

/**
 * {@link overCustomers} with the row checks of `readCustomers` fused into the loop and the kernel inlined:
 * `undefined` at the first row that fails them (the caller then reads the input the slow way).
 */
function overColumns<R extends number[] | Float64Array>(
  p: GammaGammaParams,
  x: Float64Array,
  m: Float64Array,
  positive: boolean,
  out: R,
): R | undefined {
  const { p: shape, q, v } = p;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const mi = m[i] as number;
    if (!spendRowOk(xi, mi, positive)) return undefined;
    // gammaGammaExpectedSpendOne, with NaN for a repeat buyer whose spend is not positive (policy 'nan'); the
    // ordinary row is tested first, in one condition (about 25% faster at 235,700 rows than NaN tested first)
    const denominator = shape * xi + q - 1;
    out[i] =
      denominator > 0 && (mi > 0 || xi === 0)
        ? (shape * (v + xi * mi)) / denominator
        : xi > 0 && !(mi > 0)
          ? Number.NaN
          : Infinity;
  }
  return out;
}

/** The kernel over every customer in one loop of its own (monomorphic: no per-customer closure). */
function overCustomers<R extends number[] | Float64Array>(
  p: GammaGammaParams,
  x: Float64Array,
  m: Float64Array,
  out: R,
): R {
  for (let i = 0; i < x.length; i++) out[i] = spendOne(p, x[i] as number, m[i] as number);
  return out;
}
