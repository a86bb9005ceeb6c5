import { readCustomers } from '../internal/input/customerSummary.ts';
import { readOptions, typeFail } from '../internal/validate.ts';
import { CLV_OPTION_KEYS, clvOne, readClvOptions } from '../internal/models/clvKernel.ts';
import {
  GAMMA_GAMMA_PARAM_NAMES,
  readGammaGammaParams,
  type GammaGammaParams,
} from '../internal/models/gammaGammaKernel.ts';
import {
  INTERVAL_OPTION_KEYS,
  logNormalSampler,
  readIntervalOptions,
  resampledInterval,
  type PredictionInterval,
  type PredictionIntervalOptions,
} from '../internal/models/intervalKernel.ts';
import type { ClvCustomer, ModelClvOptions } from './modelClv.ts';
import {
  readLogCovariance,
  resolveTransactionModel,
  type LogCovariance,
  type TransactionModel,
} from '../internal/models/transactionModel.ts';

/** Options for {@link modelClvInterval}: those of `modelClv` plus the resampling settings. */
export interface ModelClvIntervalOptions extends ModelClvOptions, PredictionIntervalOptions {
  /** Log-parameter covariance of the spend model (`fitGammaGamma(...).logCovariance`); when given, spend parameters are resampled too. */
  readonly spendLogCovariance?: LogCovariance;
}

/**
 * Model-based CLV of one customer with an uncertainty interval from parameter uncertainty.
 *
 * The transaction model's parameters (and the spend model's, when `spendLogCovariance` is given) are
 * resampled from their asymptotic log-normal distribution and the CLV sum of `modelClv` is recomputed
 * per draw; the interval is the percentile interval of the draws. Seeded (default seed 1) or with an
 * injected `rng`, so it is reproducible. Same units and options as `modelClv`.
 *
 * ```text
 * estimate = CLV(θ̂, φ̂);   interval = percentiles of CLV(θ⁽ᵏ⁾, φ⁽ᵏ⁾),  ln θ⁽ᵏ⁾ ~ N(ln θ̂, Σ_θ), ln φ⁽ᵏ⁾ ~ N(ln φ̂, Σ_φ)
 * ```
 *
 * Reference: Krinsky & Robb (1986); CLV as in `modelClv`.
 *
 * @param transaction - A fitted transaction model with `logCovariance` (the `fitBgNbd` result works as is).
 * @param spend - Gamma-Gamma parameters `{ p, q, v }`.
 * @param customer - One `{ frequency, recency, T, monetaryValue }`.
 * @param options - `horizon`, `modelUnit`, `discountRate` (required), `horizonUnit`, `margin`, `daysPerMonth`,
 *   `draws` (1,000), `confidenceLevel` (0.95), `seed` (1) or `rng`, `spendLogCovariance`, `nonPositiveSpend`.
 * @returns `{ estimate, lower, upper, confidenceLevel, draws }`; lower and upper are NaN when a covariance is `null`;
 *   all three NaN for a repeat buyer with a monetaryValue ≤ 0 (`nonPositiveSpend: 'nan'`, the default; `'throw'` throws).
 * @throws {TypeError} When an argument has the wrong type, a required option or `logCovariance` is missing.
 * @throws {RangeError} When an argument is out of its domain.
 * @example
 * ```ts
 * import { modelClvInterval } from 'loyalty-metrics';
 *
 * const transaction = {
 *   model: 'bgNbd',
 *   params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
 *   // fitBgNbd(cdnow).logCovariance, rounded
 *   logCovariance: [
 *     [0.00268, 0.00346, -0.00046, 0.00011],
 *     [0.00346, 0.00734, -0.00082, 0.00098],
 *     [-0.00046, -0.00082, 0.0549, 0.0641],
 *     [0.00011, 0.00098, 0.0641, 0.0845],
 *   ],
 * } as const;
 * const customer = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };
 * const clv = modelClvInterval(transaction, { p: 6.25, q: 3.74, v: 15.44 }, customer, { horizon: 12, modelUnit: 'week', discountRate: 0.01, draws: 200 });
 * clv.estimate; // => 36.31
 * clv.lower < clv.estimate && clv.estimate < clv.upper; // => true
 * ```
 * @category Models
 */
export function modelClvInterval(
  transaction: TransactionModel,
  spend: GammaGammaParams,
  customer: ClvCustomer,
  options: ModelClvIntervalOptions,
): PredictionInterval {
  const fn = 'modelClvInterval';
  const model = resolveTransactionModel(fn, transaction);
  const spendParams = readGammaGammaParams(fn, spend, 'spend');
  const o = readOptions(fn, options, [...INTERVAL_OPTION_KEYS, 'spendLogCovariance'], CLV_OPTION_KEYS);
  const settings = readClvOptions(fn, o, [...INTERVAL_OPTION_KEYS, 'spendLogCovariance']);
  const interval = readIntervalOptions(fn, o);
  const spendRule = settings.nonPositiveSpend === 'throw' ? 'positive' : 'any';
  const data = readCustomers(fn, 'customer', customer, { monetary: true, spend: spendRule });
  if (!data.single) typeFail(fn, 'customer must be one customer object { frequency, recency, T, monetaryValue }');
  const [x, tx, T, m] = [
    data.frequency[0] as number,
    data.recency[0] as number,
    data.T[0] as number,
    (data.monetaryValue as Float64Array)[0] as number,
  ];
  if (x > 0 && !(m > 0)) {
    // A repeat buyer with no positive spend: outside the spend model (nonPositiveSpend 'nan').
    return {
      estimate: Number.NaN,
      lower: Number.NaN,
      upper: Number.NaN,
      confidenceLevel: interval.confidenceLevel,
      draws: 0,
    };
  }
  let spendSampler: ((rng: () => number) => Float64Array) | null = null;
  const spendCovariance = readLogCovariance(fn, 'spendLogCovariance', o.spendLogCovariance, 3);
  if (spendCovariance !== undefined) {
    const logSpend = Float64Array.from(GAMMA_GAMMA_PARAM_NAMES, (k) => Math.log(spendParams[k]));
    spendSampler = logNormalSampler(logSpend, spendCovariance);
    if (!spendSampler) {
      const estimate = clvOne(model.kernel, model.params, spendParams, x, tx, T, m, settings);
      return { estimate, lower: Number.NaN, upper: Number.NaN, confidenceLevel: interval.confidenceLevel, draws: 0 };
    }
  }
  return resampledInterval(fn, model, interval, (kernel, params, rng) => {
    let s = spendParams;
    if (rng && spendSampler) {
      const d = spendSampler(rng);
      s = { p: d[0] as number, q: d[1] as number, v: d[2] as number };
    }
    return clvOne(kernel, params, s, x, tx, T, m, settings);
  });
}
