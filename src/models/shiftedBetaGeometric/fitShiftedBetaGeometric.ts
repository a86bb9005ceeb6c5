import {
  fitModel,
  parseFitOptions,
  type ModelFitDiagnostics,
  type ModelFitOptions,
} from '../../internal/maximumLikelihood.ts';
import { describeValue, rangeFail, requireArrayLike, typeFail } from '../../internal/validate.ts';
import { SBG_PARAM_NAMES, sbgLogLikelihood, type ShiftedBetaGeometricParams } from '../../internal/models/sbgKernel.ts';

export type { ShiftedBetaGeometricParams } from '../../internal/models/sbgKernel.ts';

/** Options for {@link fitShiftedBetaGeometric} (no weights: the counts are the data). */
export interface FitShiftedBetaGeometricOptions extends Omit<ModelFitOptions<ShiftedBetaGeometricParams>, 'weights'> {}

/** A fitted sBG model. */
export interface FitShiftedBetaGeometricResult extends ModelFitDiagnostics<ShiftedBetaGeometricParams> {
  readonly params: ShiftedBetaGeometricParams;
  /** Number of observed periods (alive.length − 1). */
  readonly periods: number;
}

/**
 * Fits the shifted-beta-geometric (sBG) model of contract renewal to survivor counts.
 *
 * Contractual setting (subscriptions): each period an active customer churns with probability θ,
 * constant for the customer and Beta(α, β)-distributed across customers, so the cohort's retention
 * rate rises over time as the churn-prone leave. `alive[t]` is the number of customers still active
 * at the start of period t (alive[0] = the cohort size). The likelihood includes the customers still
 * alive at the end (right-censored): omitting them is the classic mistake.
 *
 * ```text
 * P(T = t) = B(α + 1, β + t − 1)/B(α, β),   S(t) = B(α, β + t)/B(α, β)
 * ℓ = Σ_{t=1..n} (alive[t−1] − alive[t])·ln P(T = t) + alive[n]·ln S(n)
 * ```
 *
 * Reference: Fader & Hardie (2007), "How to Project Customer Retention", Journal of Interactive
 * Marketing 21(1).
 *
 * @param alive - Survivor counts per period start (non-negative integers, non-increasing, alive[0] > 0, at least two entries).
 * @param options - `penalty`, `penaltyConvention`, `initialParams`, `maxIterations`, `gradientTolerance`.
 * @returns `{ params: { alpha, beta }, logLikelihood, converged, iterations, standardErrors, logCovariance, periods }`.
 *   Never throws for non-convergence. When nobody churns the maximum is at β → ∞: the fit stops at a very
 *   large β (churn α/(α + β) ≈ 0) where the likelihood is flat.
 * @throws {TypeError} When alive is not an array of numbers.
 * @throws {RangeError} When a count is negative or fractional, counts increase, alive[0] is 0, or there are fewer than two counts.
 * @example
 * ```ts
 * import { fitShiftedBetaGeometric } from 'loyalty-metrics';
 *
 * // Fader & Hardie (2007), "Regular" customers, years 0–7
 * const fit = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]);
 * fit.params; // => { alpha: 0.704, beta: 1.182 }
 * fit.logLikelihood; // => -1680.27
 * ```
 * @category Models
 */
export function fitShiftedBetaGeometric(
  alive: ArrayLike<number>,
  options?: FitShiftedBetaGeometricOptions,
): FitShiftedBetaGeometricResult {
  const fn = 'fitShiftedBetaGeometric';
  if (
    options !== undefined &&
    typeof options === 'object' &&
    options !== null &&
    'weights' in options &&
    (options as { weights?: unknown }).weights !== undefined
  ) {
    typeFail(fn, 'weights is not an option of this fit: the survivor counts are the data');
  }
  const opts = parseFitOptions<ShiftedBetaGeometricParams>(fn, options, SBG_PARAM_NAMES);
  const counts = requireArrayLike(fn, 'alive', alive);
  if (counts.length < 2)
    rangeFail(fn, `alive must hold at least two counts (the cohort size and one later period), got ${counts.length}`);
  const values = new Float64Array(counts.length);
  for (let t = 0; t < counts.length; t++) {
    const v = counts[t];
    if (typeof v !== 'number') typeFail(fn, `alive[${t}] must be a number, got ${describeValue(v)}`);
    if (!Number.isInteger(v) || v < 0)
      rangeFail(fn, `alive[${t}] (${describeValue(v)}) must be a non-negative integer`);
    if (t > 0 && v > (values[t - 1] as number))
      rangeFail(fn, `alive[${t}] (${v}) must not exceed alive[${t - 1}] (${values[t - 1]})`);
    values[t] = v;
  }
  if (values[0] === 0) rangeFail(fn, 'alive[0] (0) must be greater than 0');
  const ip = opts.initialParams;
  const start = [ip.alpha ?? 1, ip.beta ?? 1];
  // values[0] > 0, so the total weight is positive and `converged` is the optimiser's verdict.
  const fit = fitModel(SBG_PARAM_NAMES, sbgLogLikelihood(values), start, values[0] as number, opts);
  return { ...fit, periods: values.length - 1 };
}
