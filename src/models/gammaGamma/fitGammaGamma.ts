import { readCustomers, readWeights } from '../../internal/input/customerSummary.ts';
import {
  fitModel,
  parseFitOptions,
  type ModelFitDiagnostics,
  type ModelFitOptions,
} from '../../internal/maximumLikelihood.ts';
import type { SpendCustomers } from '../types.ts';
import {
  GAMMA_GAMMA_PARAM_NAMES,
  gammaGammaLogLikelihood,
  type GammaGammaParams,
} from '../../internal/models/gammaGammaKernel.ts';

export type { GammaGammaParams } from '../../internal/models/gammaGammaKernel.ts';

/** Options for {@link fitGammaGamma}. */
export interface FitGammaGammaOptions extends ModelFitOptions<GammaGammaParams> {}

/** A fitted Gamma-Gamma spend model. */
export interface FitGammaGammaResult extends ModelFitDiagnostics<GammaGammaParams> {
  readonly params: GammaGammaParams;
  /** Number of customers with repeat purchases that entered the likelihood (frequency > 0, positive weight). */
  readonly customers: number;
  /**
   * Warnings about the fit: those every fit reports (a parameter at a search limit, a Hessian that is
   * not positive definite, an optimiser that stopped early; each makes `converged` false) and
   * `'q ≤ 1: the population mean spend p·v/(q − 1) is infinite'` when the fitted q does not exceed 1.
   * Empty when there is nothing to report.
   */
  readonly warnings: string[];
}

/**
 * Fits the Gamma-Gamma model of average transaction value by maximum likelihood.
 *
 * Each customer's transaction values are Gamma(p, ν); ν varies across customers as Gamma(q, v). Only
 * customers with repeat purchases (frequency x > 0) carry spend information: rows with x = 0 are
 * ignored (their monetaryValue is not used). The model assumes spend is independent of the purchase
 * process; check that the correlation of frequency and monetary value is small.
 *
 * ```text
 * ℓᵢ = ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln v + (px − 1) ln m̄ + px ln x − (px + q) ln(x m̄ + v)
 * population mean spend = p·v/(q − 1)          (infinite when q ≤ 1)
 * ```
 *
 * monetaryValue (m̄) is the mean value of the customer's repeat purchases, in currency units.
 * Reference: Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base
 * Analysis", Journal of Marketing Research 42(4); Fader & Hardie (2013), "The Gamma-Gamma Model of
 * Monetary Value".
 *
 * @param customers - `{ frequency, monetaryValue }` rows or columns (extra fields such as recency are ignored).
 * @param options - `weights`, `penalty`, `penaltyConvention` (`'lifetimes'` for the `penalizer_coef` of
 *   the Python lifetimes package), `initialParams`, `maxIterations`, `gradientTolerance`.
 * @returns `{ params: { p, q, v }, logLikelihood, converged, iterations, standardErrors, logCovariance,
 *   customers, warnings }`. Never throws for non-convergence. With no repeat buyers `converged` is false.
 * @throws {TypeError} When customers or an option has the wrong type.
 * @throws {RangeError} When a frequency is not a non-negative integer, a monetary value is negative (or
 *   0 for a repeat buyer), a weight is negative, or an option is out of range.
 * @example
 * ```ts
 * import { fitGammaGamma } from 'loyalty-metrics';
 *
 * const customers = { frequency: [1, 1, 2, 2, 3, 4, 6, 8, 0], monetaryValue: [12, 45, 20, 33, 27, 18, 25, 22, 0] };
 * const weights = [10, 8, 5, 6, 4, 3, 2, 2, 50];
 * // The 50 customers without repeat purchases are ignored; a light penalty suits a small sample.
 * const fit = fitGammaGamma(customers, { weights, penalty: 0.001 });
 * fit.customers; // => 8
 * fit.converged; // => true
 * fit.warnings; // => []
 * ```
 * @category Models
 */
export function fitGammaGamma(customers: SpendCustomers, options?: FitGammaGammaOptions): FitGammaGammaResult {
  const fn = 'fitGammaGamma';
  const opts = parseFitOptions<GammaGammaParams>(fn, options, GAMMA_GAMMA_PARAM_NAMES);
  const data = readCustomers(fn, 'customers', customers, { rfm: false, monetary: true, allowSingle: false });
  const allWeights = readWeights(fn, opts.weights, data.length);
  const keep: number[] = [];
  for (let i = 0; i < data.length; i++)
    if ((data.frequency[i] as number) > 0 && (allWeights[i] as number) > 0) keep.push(i);
  const frequency = Float64Array.from(keep, (i) => data.frequency[i] as number);
  const monetary = Float64Array.from(keep, (i) => (data.monetaryValue as Float64Array)[i] as number);
  const weights = Float64Array.from(keep, (i) => allWeights[i] as number);
  let W = 0;
  let sm = 0;
  for (let i = 0; i < keep.length; i++) {
    W += weights[i] as number;
    sm += (weights[i] as number) * (monetary[i] as number);
  }
  // Start: p = 1, q = 2 and v such that the population mean p·v/(q − 1) equals the mean spend.
  const ip = opts.initialParams;
  const start = [ip.p ?? 1, ip.q ?? 2, ip.v ?? (W > 0 ? Math.max(sm / W, 1e-6) : 1)];
  // Every kept row has a positive weight, so W > 0 exactly when some customer entered the likelihood.
  const fit = fitModel(GAMMA_GAMMA_PARAM_NAMES, gammaGammaLogLikelihood(frequency, monetary, weights), start, W, opts);
  const warnings = [...fit.warnings];
  if (fit.params.q <= 1) warnings.push(`q (${fit.params.q}) ≤ 1: the population mean spend p·v/(q − 1) is infinite`);
  return { ...fit, customers: keep.length, warnings };
}
