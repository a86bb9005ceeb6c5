import { mapCustomers, readCustomers } from '../../internal/input/customerSummary.ts';
import type { SpendCustomer, SpendCustomers } from '../types.ts';
import {
  gammaGammaExpectedSpendOne,
  readGammaGammaParams,
  type GammaGammaParams,
} from '../../internal/models/gammaGammaKernel.ts';

/**
 * Conditional expected average transaction value of a customer under the Gamma-Gamma model: a
 * credibility-weighted mix of the population mean and the customer's own mean spend.
 *
 * ```text
 * w = p·x / (p·x + q − 1)
 * E[M | x, m̄] = (1 − w)·v·p/(q − 1) + w·m̄  =  p·(v + x·m̄)/(p·x + q − 1)
 * ```
 *
 * Customers with frequency 0 get the population mean p·v/(q − 1) (their monetaryValue is ignored).
 * Currency units as monetaryValue. Reference: Fader, Hardie & Lee (2005), "RFM and CLV", eq. (5).
 *
 * @param params - Fitted `{ p, q, v }`.
 * @param customer - One `{ frequency, monetaryValue }` (returns a number), an array or columns (returns `number[]`).
 * @returns Expected spend per transaction; `Infinity` when p·x + q ≤ 1 (the mean does not exist, e.g. q ≤ 1 for x = 0).
 * @throws {TypeError} When an argument has the wrong type.
 * @throws {RangeError} When a parameter is not positive, a frequency is not a non-negative integer, or a monetary value is negative (or 0 with x > 0).
 * @example
 * ```ts
 * import { gammaGammaExpectedSpend } from 'loyalty-metrics';
 *
 * const params = { p: 6.25, q: 3.74, v: 15.44 };
 * gammaGammaExpectedSpend(params, { frequency: 2, monetaryValue: 22.35 }); // => 24.66
 * gammaGammaExpectedSpend(params, { frequency: 0, monetaryValue: 0 }); // => 35.22
 * ```
 * @category Models
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, customer: SpendCustomer): number;
export function gammaGammaExpectedSpend(params: GammaGammaParams, customers: SpendCustomers): number[];
export function gammaGammaExpectedSpend(
  params: GammaGammaParams,
  customer: SpendCustomer | SpendCustomers,
): number | number[] {
  const fn = 'gammaGammaExpectedSpend';
  const p = readGammaGammaParams(fn, params);
  const data = readCustomers(fn, 'customer', customer, { rfm: false, monetary: true });
  const m = data.monetaryValue as Float64Array;
  return mapCustomers(data, (i) => gammaGammaExpectedSpendOne(p, data.frequency[i] as number, m[i] as number));
}
