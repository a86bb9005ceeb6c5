import { readCustomers } from '../internal/input/customerSummary.ts';
import { typeFail } from '../internal/validate.ts';
import type { ModelCustomer } from './types.ts';
import {
  readIntervalArgument,
  resampledInterval,
  type PredictionInterval,
  type PredictionIntervalOptions,
} from '../internal/models/intervalKernel.ts';
import { resolveTransactionModel, type TransactionModel } from '../internal/models/transactionModel.ts';

export type { PredictionInterval, PredictionIntervalOptions } from '../internal/models/intervalKernel.ts';

/**
 * P(alive) of one customer with an uncertainty interval from the fitted model's parameter uncertainty.
 *
 * Parameters are resampled from the asymptotic normal distribution of the fitted log-parameters,
 * N(ln θ̂, Σ) with Σ = `transaction.logCovariance` (the fit result carries it), P(alive) is recomputed
 * for each draw, and the percentile interval is reported. The generator is seeded (default seed 1) or
 * injected through `rng`, so results are reproducible. Works for every transaction model.
 *
 * ```text
 * θ⁽ᵏ⁾ = exp(ln θ̂ + L·zₖ),  LLᵀ = Σ,  zₖ ~ N(0, I),  k = 1..draws
 * interval = [quantile((1 − level)/2), quantile((1 + level)/2)] of P(alive | θ⁽ᵏ⁾)
 * ```
 *
 * Reference: Krinsky & Robb (1986), Review of Economics and Statistics 68(4).
 *
 * @param transaction - A fitted transaction model with `logCovariance` (e.g. the `fitBgNbd` result).
 * @param customer - One `{ frequency, recency, T }` in the model's time unit.
 * @param options - `draws` (default 1,000), `confidenceLevel` (0.95), `seed` (1) or `rng`.
 * @returns `{ estimate, lower, upper, confidenceLevel, draws }`; lower and upper are NaN when the
 *   covariance is `null` (the fit's Hessian was not positive definite).
 * @throws {TypeError} When an argument has the wrong type or `logCovariance` is missing.
 * @throws {RangeError} When an argument is out of its domain, or `rng` returns a value outside [0, 1).
 * @example
 * ```ts
 * import { probabilityAliveInterval } from 'loyalty-metrics';
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
 * const pa = probabilityAliveInterval(transaction, { frequency: 2, recency: 30.43, T: 38.86 }, { seed: 7 });
 * pa.estimate; // => 0.7266
 * pa.lower < pa.estimate && pa.estimate < pa.upper; // => true
 * ```
 * @category Models
 */
export function probabilityAliveInterval(
  transaction: TransactionModel,
  customer: ModelCustomer,
  options?: PredictionIntervalOptions,
): PredictionInterval {
  const fn = 'probabilityAliveInterval';
  const model = resolveTransactionModel(fn, transaction);
  const data = readCustomers(fn, 'customer', customer);
  if (!data.single) typeFail(fn, 'customer must be one customer object { frequency, recency, T }');
  const settings = readIntervalArgument(fn, options);
  const [x, tx, T] = [data.frequency[0] as number, data.recency[0] as number, data.T[0] as number];
  return resampledInterval(fn, model, settings, (kernel, params) => kernel.probabilityAlive(params, x, tx, T));
}
