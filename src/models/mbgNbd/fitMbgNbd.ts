import { readFitInput } from '../../internal/fitInput.ts';
import {
  fitModel,
  timeScaledPenalty,
  warmStartOn,
  parseFitOptions,
  type ModelFitDiagnostics,
  type ModelFitOptions,
} from '../../internal/maximumLikelihood.ts';
import { BG_NBD_PARAM_NAMES, bgNbdStart } from '../../internal/models/bgNbdKernel.ts';
import type { ModelCustomers } from '../types.ts';
import { mbgNbdLogLikelihood, type MbgNbdParams } from '../../internal/models/mbgNbdKernel.ts';

export type { MbgNbdParams } from '../../internal/models/mbgNbdKernel.ts';

/** Options for {@link fitMbgNbd}. */
export interface FitMbgNbdOptions extends ModelFitOptions<MbgNbdParams> {}

/** A fitted MBG/NBD model; it is itself a transaction model (`{ model: 'mbgNbd', params }`) for `modelClv` and `atRiskCustomers`. */
export interface FitMbgNbdResult extends ModelFitDiagnostics<MbgNbdParams> {
  readonly model: 'mbgNbd';
  readonly params: MbgNbdParams;
}

/**
 * Fits the MBG/NBD (modified BG/NBD) model of repeat purchasing by maximum likelihood.
 *
 * Like BG/NBD — Poisson purchasing with rate λ ~ Gamma(r, α), dropout with probability p ~ Beta(a, b)
 * after a purchase — except that the customer may also drop out right after the first purchase. So a
 * one-time buyer who has been silent for long is no longer assumed alive (BG/NBD's P(alive) = 1 for
 * x = 0 is the quirk this fixes). Same parameters, same input, same predictions as BG/NBD.
 *
 * ```text
 * ℓᵢ = ln Γ(r + x) − ln Γ(r) + r ln α + ln B(a, b + x + 1) − ln B(a, b)
 *      + ln[ (α + T)^−(r+x) + a/(b + x)·(α + tₓ)^−(r+x) ]
 * maximise Σ wᵢ ℓᵢ over ln r, ln α, ln a, ln b (BFGS, analytic gradient)
 * ```
 *
 * Time unit: whatever `recency` and `T` are in. Identical (x, tₓ, T) rows are merged into weighted
 * ones by the fit itself when a sample shows that it pays (the same fit, evaluated once per pattern).
 * Reference: Batislam, Denizel & Filiztekin (2007),
 * "Empirical validation and comparison of models for customer base analysis", International Journal of
 * Research in Marketing 24(3). On the CDNOW sample it gives r = 0.525, α = 6.183, a = 0.891,
 * b = 1.614, the estimates of the R package BTYDplus.
 *
 * @param customers - `{ frequency, recency, T }` rows or columns (frequency a non-negative integer, 0 ≤ recency ≤ T).
 * @param options - `weights`, `penalty`, `penaltyConvention` (`'lifetimes'` for the `penalizer_coef` of
 *   the Python lifetimes package), `initialParams`, `maxIterations`, `gradientTolerance`.
 * @returns `{ model: 'mbgNbd', params: { r, alpha, a, b }, logLikelihood, converged, iterations,
 *   standardErrors, logCovariance }`. Never throws for non-convergence (`converged: false`). With no
 *   customers (or all weights 0) the parameters stay at the start and `converged` is false.
 * @throws {TypeError} When customers or an option has the wrong type.
 * @throws {RangeError} When a frequency is negative or fractional, recency is negative or exceeds T,
 *   a weight is negative, or an option is out of range.
 * @example
 * ```ts
 * import { fitMbgNbd } from 'loyalty-metrics';
 *
 * const fit = fitMbgNbd({
 *   frequency: [0, 0, 0, 1, 1, 2, 3, 4, 6, 8, 0, 2],
 *   recency: [0, 0, 0, 5, 30, 10, 36, 20, 38, 39, 0, 4],
 *   T: [40, 38, 35, 39, 40, 40, 38, 39, 40, 40, 30, 36],
 * });
 * fit.converged; // => true
 * fit.model; // => 'mbgNbd'
 * fit.params.a; // => 0.69
 * ```
 * @category Models
 */
export function fitMbgNbd(customers: ModelCustomers, options?: FitMbgNbdOptions): FitMbgNbdResult {
  const fn = 'fitMbgNbd';
  const opts = parseFitOptions<MbgNbdParams>(fn, options, BG_NBD_PARAM_NAMES);
  // identical (x, tₓ, T) rows merged into weighted ones when that pays: the same Σ w·ℓ, fewer terms
  const input = readFitInput(fn, customers, opts.weights);
  const { rows } = input;
  const ll = mbgNbdLogLikelihood(rows.frequency, rows.recency, rows.T, rows.weights);
  return {
    model: 'mbgNbd',
    ...fitModel(
      BG_NBD_PARAM_NAMES,
      ll,
      bgNbdStart(input, opts.initialParams),
      input.totalWeight,
      opts,
      timeScaledPenalty(input.T, 4, [1]),
      // more rows than compression merges: the fit starts from the maximum on a sample of them
      warmStartOn(rows, mbgNbdLogLikelihood),
    ),
  };
}
