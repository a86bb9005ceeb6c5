import { chiSquareUpperTail } from '../internal/chiSquare.ts';
import { readCustomers, readWeights } from '../internal/input/customerSummary.ts';
import { requireDiscreteCustomers, resolveDiagnosticModel } from '../internal/diagnostics.ts';
import { MODEL_LIKELIHOODS } from '../internal/models/modelLikelihoods.ts';
import type { Heterogeneity } from '../internal/models/populationModels.ts';
import type { DiagnosticTransactionModel } from './types.ts';
import { zForConfidence } from '../internal/normal.ts';
import {
  describeValue,
  rangeFail,
  readOptions,
  requireConfidenceLevel,
  requireObject,
  requirePositiveInteger,
  typeFail,
  withDefault,
} from '../internal/validate.ts';
import type { DiagnosticCustomer, DiagnosticCustomerColumns } from './types.ts';

export type { Heterogeneity, Moments } from '../internal/models/populationModels.ts';

/** A nested (restricted) model to test against: its maximised log-likelihood and number of free parameters. */
export interface RestrictedModel {
  readonly logLikelihood: number;
  readonly parameters: number;
}

/** Options for {@link modelSummary}. */
export interface ModelSummaryOptions {
  /** Level of the parameter intervals (default 0.95). */
  readonly confidenceLevel?: number;
  /** Non-negative weight per customer row (as in the fit); default 1 each. */
  readonly weights?: ArrayLike<number>;
  /** A nested model fitted to the same customers, for the likelihood-ratio test. */
  readonly restricted?: RestrictedModel;
}

/** One parameter of {@link modelSummary}. */
export interface ParameterEstimate {
  readonly name: string;
  readonly estimate: number;
  /** Delta-method standard error θ·√Var(ln θ); `NaN` without a covariance. */
  readonly standardError: number;
  /** Interval exp(ln θ ± z·√Var(ln θ)) (positive, asymmetric); `NaN` without a covariance. */
  readonly lower: number;
  readonly upper: number;
}

/** The likelihood-ratio test against a nested model. */
export interface LikelihoodRatioTest {
  /** 2·(ℓ − ℓ₀). */
  readonly statistic: number;
  /** Parameters of this model minus those of the restricted one. */
  readonly degreesOfFreedom: number;
  /** P(χ²_df > statistic). */
  readonly pValue: number;
}

/** Result of {@link modelSummary}. */
export interface ModelSummary {
  readonly model: DiagnosticTransactionModel['model'];
  readonly parameters: ParameterEstimate[];
  /** Log-likelihood of the customers at `params` (weighted). */
  readonly logLikelihood: number;
  /** Number of customers (Σ weights). */
  readonly customers: number;
  /** 2k − 2ℓ. */
  readonly aic: number;
  /** k·ln(n) − 2ℓ. */
  readonly bic: number;
  /** Mean and variance of the purchase rate and of the dropout rate or probability. */
  readonly heterogeneity: Heterogeneity;
  /** Present when `restricted` was given. */
  readonly likelihoodRatio?: LikelihoodRatioTest;
}

/**
 * The summary table of a fitted transaction model: estimates with standard errors and intervals,
 * log-likelihood, AIC, BIC, an optional likelihood-ratio test against a nested model, and the
 * population heterogeneity BTYD prints above its heterogeneity plots (mean and variance of the
 * purchase rate, and of the dropout rate or per-purchase dropout probability).
 *
 * ```text
 * ℓ   = Σᵢ wᵢ·ln L(xᵢ, tₓᵢ, Tᵢ | θ)        k = number of parameters,  n = Σ wᵢ
 * AIC = 2k − 2ℓ        BIC = k·ln n − 2ℓ
 * se(θⱼ) = θⱼ·√Vⱼⱼ     interval = θⱼ·exp(± z·√Vⱼⱼ)      (V = covariance of ln θ from the fit's Hessian)
 * LR  = 2(ℓ − ℓ₀) ~ χ²(k − k₀)                           (nested models, regular case)
 * λ ~ Gamma(r, α): mean r/α, variance r/α²
 * Pareto/NBD μ ~ Gamma(s, β): mean s/β, variance s/β²
 * BG/NBD, MBG/NBD p ~ Beta(a, b): mean a/(a + b), variance ab/((a + b)²(a + b + 1))
 * BG/BB: transaction probability p ~ Beta(α, β) and dropout probability θ ~ Beta(γ, δ) per opportunity
 *   (T = n opportunities)
 * ```
 *
 * Rates are per model time unit. A restriction on the boundary of the parameter space (e.g. no dropout)
 * makes the χ² p-value conservative. Reference: McCarthy & Wadsworth, "Buy 'Til You Die - A Walkthrough".
 *
 * @param transaction - A fit result `{ model, params, logCovariance }` (intervals need `logCovariance`).
 * @param customers - The customers it was fitted on, `{ frequency, recency, T }` rows or columns.
 * @param options - `confidenceLevel`, `weights`, `restricted`.
 * @returns The summary; `NaN` errors and intervals when the covariance is absent or `null`.
 * @throws {TypeError} When an argument has the wrong type.
 * @throws {RangeError} When a value is out of its domain (a restricted model with as many parameters or more, included).
 * @example
 * ```ts
 * import { modelSummary } from 'loyalty-metrics';
 *
 * const fit = { model: 'paretoNbd', params: { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.658 } } as const;
 * const customers = [
 *   { frequency: 2, recency: 30.43, T: 38.86 },
 *   { frequency: 0, recency: 0, T: 38.86 },
 * ];
 * const summary = modelSummary(fit, customers);
 * // BTYD walkthrough, figures 2–3: mean 0.0523, var 0.0049 (purchase); mean 0.052, var 0.0045 (dropout)
 * summary.heterogeneity.purchaseRate; // => { mean: 0.0523, variance: 0.0049 }
 * summary.heterogeneity.dropout; // => { kind: 'rate', mean: 0.052, variance: 0.0045 }
 * summary.aic - (8 - 2 * summary.logLikelihood); // => 0
 * ```
 * @category Diagnostics
 */
export function modelSummary(
  transaction: DiagnosticTransactionModel,
  customers: readonly DiagnosticCustomer[] | DiagnosticCustomerColumns,
  options: ModelSummaryOptions = {},
): ModelSummary {
  const fn = 'modelSummary';
  const model = resolveDiagnosticModel(fn, transaction);
  const o = readOptions(fn, options, ['confidenceLevel', 'weights', 'restricted']);
  const z = zForConfidence(requireConfidenceLevel(fn, withDefault(o.confidenceLevel, 0.95)));
  const data = readCustomers(fn, 'customers', customers, { allowSingle: false });
  requireDiscreteCustomers(fn, model, data);
  const w = readWeights(fn, o.weights, data.length);
  let n = 0;
  for (let i = 0; i < data.length; i++) n += w[i] as number;
  const ll = MODEL_LIKELIHOODS[model.name](data.frequency, data.recency, data.T, w)(model.logParams);
  const names = model.kernel.paramNames;
  const k = names.length;
  const cov = model.logCovariance;
  const parameters = names.map((name, j) => {
    const estimate = Math.exp(model.logParams[j] as number);
    const v = cov ? (cov[j * k + j] as number) : Number.NaN;
    const sd = v >= 0 ? Math.sqrt(v) : Number.NaN;
    return {
      name,
      estimate,
      standardError: estimate * sd,
      lower: estimate * Math.exp(-z * sd),
      upper: estimate * Math.exp(z * sd),
    };
  });
  const summary: ModelSummary = {
    model: model.name,
    parameters,
    logLikelihood: ll,
    customers: n,
    aic: 2 * k - 2 * ll,
    bic: k * Math.log(n) - 2 * ll,
    heterogeneity: model.population.heterogeneity(model.params),
  };
  if (o.restricted === undefined) return summary;
  const r = readOptions(
    fn,
    requireObject(fn, 'restricted', o.restricted),
    ['logLikelihood', 'parameters'],
    [],
    'restricted',
  );
  const ll0 = r.logLikelihood;
  if (typeof ll0 !== 'number') typeFail(fn, `restricted.logLikelihood must be a number, got ${describeValue(ll0)}`);
  if (!Number.isFinite(ll0)) rangeFail(fn, `restricted.logLikelihood (${describeValue(ll0)}) must be finite`);
  const k0 = requirePositiveInteger(fn, 'restricted.parameters', r.parameters);
  if (k0 >= k) rangeFail(fn, `restricted.parameters (${k0}) must be fewer than the model's ${k}`);
  const statistic = Math.max(0, 2 * (ll - ll0));
  return {
    ...summary,
    likelihoodRatio: { statistic, degreesOfFreedom: k - k0, pValue: chiSquareUpperTail(statistic, k - k0) },
  };
}
