import { readCustomers } from '../internal/input/customerSummary.ts';
import { typeFail } from '../internal/validate.ts';
import { readHorizon } from '../internal/models/bgNbdKernel.ts';
import {
  readIntervalArgument,
  resampledInterval,
  type PredictionInterval,
  type PredictionIntervalOptions,
} from '../internal/models/intervalKernel.ts';
import { resolveTransactionModel, type TransactionModel } from '../internal/models/transactionModel.ts';
import type { ModelCustomer } from './types.ts';

/**
 * Conditional expected purchases in the next t time units for one customer, with an uncertainty
 * interval from the fitted model's parameter uncertainty (parametric resampling, as in
 * `probabilityAliveInterval`). Works for every transaction model.
 *
 * ```text
 * estimate = E[X(T, T + t) | x, tₓ, T; θ̂]
 * interval = percentiles of E[X(T, T + t) | x, tₓ, T; θ⁽ᵏ⁾],  ln θ⁽ᵏ⁾ ~ N(ln θ̂, Σ)
 * ```
 *
 * t is in the model's time unit. Reference: Krinsky & Robb (1986).
 *
 * @param transaction - A fitted transaction model with `logCovariance` (e.g. the `fitBgNbd` result).
 * @param t - Future period length (≥ 0) in model time units.
 * @param customer - One `{ frequency, recency, T }`.
 * @param options - `draws` (default 1,000), `confidenceLevel` (0.95), `seed` (1) or `rng`.
 * @returns `{ estimate, lower, upper, confidenceLevel, draws }`; lower and upper are NaN when the covariance is `null`.
 * @throws {TypeError} When an argument has the wrong type or `logCovariance` is missing.
 * @throws {RangeError} When an argument is out of its domain, or `rng` returns a value outside [0, 1).
 * @example
 * ```ts
 * import { conditionalExpectedPurchasesInterval } from 'loyalty-metrics';
 *
 * const transaction = {
 *   model: 'bgNbd',
 *   params: { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 },
 *   // fitBgNbd(cdnow).logCovariance, rounded
 *   logCovariance: [
 *     [0.00268, 0.00346, -0.00046, 0.00011],
 *     [0.00346, 0.00734, -0.00082, 0.00098],
 *     [-0.00046, -0.00082, 0.0549, 0.0641],
 *     [0.00011, 0.00098, 0.0641, 0.0845],
 *   ],
 * } as const;
 * const e = conditionalExpectedPurchasesInterval(transaction, 39, { frequency: 2, recency: 30.43, T: 38.86 });
 * e.estimate; // => 1.226
 * e.lower < e.estimate && e.estimate < e.upper; // => true
 * ```
 * @category Models
 */
export function conditionalExpectedPurchasesInterval(
  transaction: TransactionModel,
  t: number,
  customer: ModelCustomer,
  options?: PredictionIntervalOptions,
): PredictionInterval {
  const fn = 'conditionalExpectedPurchasesInterval';
  const model = resolveTransactionModel(fn, transaction);
  const horizon = readHorizon(fn, 't', t);
  const data = readCustomers(fn, 'customer', customer);
  if (!data.single) typeFail(fn, 'customer must be one customer object { frequency, recency, T }');
  const settings = readIntervalArgument(fn, options);
  const [x, tx, T] = [data.frequency[0] as number, data.recency[0] as number, data.T[0] as number];
  return resampledInterval(fn, model, settings, (kernel, params) =>
    kernel.conditionalExpectedPurchases(params, horizon, x, tx, T),
  );
}
