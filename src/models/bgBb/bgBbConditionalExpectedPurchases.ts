import {
  bgBbConditionalExpectedOne,
  bgBbOverPatterns,
  readBgBbCustomers,
  readBgBbParams,
  readFuturePeriods,
  type BgBbCustomer,
  type BgBbCustomers,
  type BgBbParams,
} from '../../internal/models/bgBbKernel.ts';
import { BGBB_COLUMNS, readOut, resultFor } from '../../internal/input/output.ts';
import type { PredictionInto, PredictionOutputOptions } from '../types.ts';

/** Options for {@link bgBbConditionalExpectedPurchases}. */
export interface BgBbConditionalExpectedPurchasesOptions extends PredictionOutputOptions {
  /** n*: the number of future opportunities to forecast, a non-negative integer. Required. */
  readonly futurePeriods: number;
}

/**
 * Expected number of transactions in the next n* opportunities for a customer with history
 * (x, tₓ, n), under the BG/BB model.
 *
 * ```text
 * E[X(n, n + n*) | x, tₓ, n] = 1/L · B(α + x + 1, β + n − x)/B(α, β) · δ/(γ − 1) · Γ(γ + δ)/Γ(1 + δ)
 *                              · [Γ(1 + δ + n)/Γ(γ + δ + n) − Γ(1 + δ + n + n*)/Γ(γ + δ + n + n*)]
 * ```
 *
 * The 0/0 at γ = 1 is resolved numerically. Reference: Fader, Hardie & Shang (2010), eq. (13).
 *
 * @param params - Fitted `{ alpha, beta, gamma, delta }`.
 * @param customer - One `{ frequency, recency, opportunities }` (returns a number), an array or columns (returns `number[]`, or `options.out` filled).
 * @param options - `futurePeriods` n* (required); `out`: a caller-owned `Float64Array` with one element per customer to write the results into, returned in place of a new `number[]` (see {@link PredictionOutputOptions}).
 * @returns Expected transactions (≥ 0, at most n*), non-decreasing in n*; 0 for n* = 0.
 * @throws {TypeError} When an argument has the wrong type or `futurePeriods` is missing.
 * @throws {RangeError} When a parameter is not positive, a summary is inconsistent, or `futurePeriods` is
 *   not an integer from 0 to 1,000,000.
 * @example
 * ```ts
 * import { bgBbConditionalExpectedPurchases } from 'loyalty-metrics';
 *
 * const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * bgBbConditionalExpectedPurchases(params, { frequency: 6, recency: 6, opportunities: 6 }, { futurePeriods: 5 }); // => 3.752
 * ```
 * @category Models
 */
export function bgBbConditionalExpectedPurchases(
  params: BgBbParams,
  customer: BgBbCustomer,
  options: BgBbConditionalExpectedPurchasesOptions,
): number;
export function bgBbConditionalExpectedPurchases(
  params: BgBbParams,
  customers: BgBbCustomers,
  options: BgBbConditionalExpectedPurchasesOptions & PredictionInto,
): Float64Array;
export function bgBbConditionalExpectedPurchases(
  params: BgBbParams,
  customers: BgBbCustomers,
  options: BgBbConditionalExpectedPurchasesOptions,
): number[];
export function bgBbConditionalExpectedPurchases(
  params: BgBbParams,
  customer: BgBbCustomer | BgBbCustomers,
  options: BgBbConditionalExpectedPurchasesOptions,
): number | number[] | Float64Array {
  const fn = 'bgBbConditionalExpectedPurchases';
  const p = readBgBbParams(fn, params);
  const out = readOut(fn, (options as PredictionOutputOptions | undefined)?.out, customer, BGBB_COLUMNS);
  const data = readBgBbCustomers(fn, 'customer', customer, true);
  const future = readFuturePeriods(fn, options, undefined);
  const kernel = (x: number, tx: number, n: number) => Math.max(0, bgBbConditionalExpectedOne(p, x, tx, n, future));
  const result = resultFor(fn, out, data.length, data.single);
  if (data.single)
    return kernel(data.frequency[0] as number, data.recency[0] as number, data.opportunities[0] as number);
  return bgBbOverPatterns(data, kernel, result);
}
