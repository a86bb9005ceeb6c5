import { mapCustomers, readCustomers } from '../internal/input/customerSummary.ts';
import { clvOne, readClvOptions, type TimeUnit } from '../internal/models/clvKernel.ts';
import { readGammaGammaParams, type GammaGammaParams } from '../internal/models/gammaGammaKernel.ts';
import { resolveTransactionModel, type TransactionModel } from '../internal/models/transactionModel.ts';
import type {
  ModelCustomer,
  ModelCustomerColumns,
  NonPositiveSpendPrediction,
  SpendCustomer,
  SpendCustomerColumns,
} from './types.ts';

export type { TimeUnit } from '../internal/models/clvKernel.ts';

/** A customer for model-based CLV: the RFM summary plus the mean repeat-purchase value. */
export interface ClvCustomer extends ModelCustomer, SpendCustomer {}

/** The same as parallel columns. */
export interface ClvCustomerColumns extends ModelCustomerColumns, SpendCustomerColumns {}

/** Options for {@link modelClv}. Units are explicit on purpose: confusing them is the most common CLV bug. */
export interface ModelClvOptions {
  /** Number of horizon units to sum over (a positive integer, at most 100,000). */
  readonly horizon: number;
  /** Unit of `horizon` and of `discountRate` (default `'month'`). */
  readonly horizonUnit?: TimeUnit;
  /** Time unit of recency and T when the transaction model was fitted. Required. */
  readonly modelUnit: TimeUnit;
  /** Discount rate per horizon unit (≥ 0; 0.01 = 1 % a month). Required. */
  readonly discountRate: number;
  /** Profit margin applied to spend, a fraction in [0, 1] (default 1: revenue). */
  readonly margin?: number;
  /** Days in a month for unit conversion (default 365.25/12; 30.415 reproduces `lifetimes`' 4.345 weeks a month). */
  readonly daysPerMonth?: number;
  /**
   * A repeat buyer whose monetaryValue is 0 or negative: `'nan'` (default) gives that customer `NaN`, the
   * others their values; `'throw'` throws a `RangeError` naming the row and customer id.
   */
  readonly nonPositiveSpend?: NonPositiveSpendPrediction;
}

/**
 * Model-based customer lifetime value: expected discounted margin over a horizon, from a fitted
 * transaction model (who buys again, how often) and the Gamma-Gamma spend model (how much).
 *
 * For each horizon period i the expected number of purchases in that period, from the transaction
 * model conditioned on the customer's history, is multiplied by the customer's expected spend per
 * purchase and discounted to today (payments at period end).
 *
 * ```text
 * u  = one horizonUnit in modelUnit        (e.g. month/week = (365.25/12)/7 ≈ 4.348)
 * m̃  = Gamma-Gamma expected spend of the customer
 * CLV = Σ_{i=1..H} (E[X(i·u) | cust] − E[X((i−1)·u) | cust]) · m̃ · margin / (1 + d)^i
 * ```
 *
 * `modelUnit` and `discountRate` have no defaults: a weekly model read as monthly is wrong by ×4.3,
 * a daily one by ×30. Months are `daysPerMonth` days, quarters 3 months, years 12 months. Money is in
 * the currency of monetaryValue. A repeat buyer whose monetaryValue is 0 or negative has no Gamma-Gamma
 * expected spend (the model has positive spend only): by default their CLV is `NaN` and the batch goes on
 * (on the full CDNOW log, one of 11,516 repeat buyers); `nonPositiveSpend: 'throw'` makes it an error. Reference: Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value
 * Curves for Customer Base Analysis"; the discrete-period sum follows the Python `lifetimes` package.
 *
 * @param transaction - A fitted transaction model `{ model: 'bgNbd', params }` (a `fitBgNbd` result works as is).
 * @param spend - Gamma-Gamma parameters `{ p, q, v }`.
 * @param customer - One `{ frequency, recency, T, monetaryValue }` (returns a number), an array or columns (returns `number[]`).
 * @param options - `horizon`, `modelUnit`, `discountRate` (required), `horizonUnit`, `margin`, `daysPerMonth`,
 *   `nonPositiveSpend` (`'nan'` or `'throw'`).
 * @returns Expected discounted value (≥ 0) per customer; `Infinity` when the spend model's mean does not exist
 *   (p·x + q ≤ 1); `NaN` for a repeat buyer with a monetaryValue ≤ 0 (default policy).
 * @throws {TypeError} When an argument has the wrong type or a required option is missing.
 * @throws {RangeError} When a parameter, unit or option is out of its domain (horizon above 100,000 included),
 *   or with `nonPositiveSpend: 'throw'` for a repeat buyer's monetaryValue ≤ 0 (naming the row and customer id).
 * @example
 * ```ts
 * import { modelClv } from 'loyalty-metrics';
 *
 * const transaction = { model: 'bgNbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * const spend = { p: 6.25, q: 3.74, v: 15.44 };
 * const customer = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };
 * modelClv(transaction, spend, customer, { horizon: 12, modelUnit: 'week', discountRate: 0.01 }); // => 36.31
 * // one $0 repeat buyer does not stop the batch: NaN for them
 * const batch = [{ customer: 'ann', ...customer }, { customer: 'bob', frequency: 1, recency: 4, T: 38, monetaryValue: 0 }];
 * modelClv(transaction, spend, batch, { horizon: 12, modelUnit: 'week', discountRate: 0.01 }); // => [36.31, NaN]
 * modelClv(transaction, spend, batch, { horizon: 12, modelUnit: 'week', discountRate: 0.01, nonPositiveSpend: 'throw' }); // => throws RangeError: modelClv: row 1 (customer "bob"): monetaryValue (0) must be greater than 0 for a customer with repeat purchases
 * ```
 * @category Models
 */
export function modelClv(
  transaction: TransactionModel,
  spend: GammaGammaParams,
  customer: ClvCustomer,
  options: ModelClvOptions,
): number;
export function modelClv(
  transaction: TransactionModel,
  spend: GammaGammaParams,
  customers: readonly ClvCustomer[] | ClvCustomerColumns,
  options: ModelClvOptions,
): number[];
export function modelClv(
  transaction: TransactionModel,
  spend: GammaGammaParams,
  customer: ClvCustomer | readonly ClvCustomer[] | ClvCustomerColumns,
  options: ModelClvOptions,
): number | number[] {
  const fn = 'modelClv';
  const model = resolveTransactionModel(fn, transaction);
  const spendParams = readGammaGammaParams(fn, spend, 'spend');
  const settings = readClvOptions(fn, options);
  const spendRule = settings.nonPositiveSpend === 'throw' ? 'positive' : 'any';
  const data = readCustomers(fn, 'customer', customer, { monetary: true, spend: spendRule });
  const m = data.monetaryValue as Float64Array;
  return mapCustomers(data, (i) =>
    clvOne(
      model.kernel,
      model.params,
      spendParams,
      data.frequency[i] as number,
      data.recency[i] as number,
      data.T[i] as number,
      m[i] as number,
      settings,
    ),
  );
}
