import { readFitInput } from '../../internal/fitInput.ts';
import {
  fitModel,
  timeScaledPenalty,
  warmStartOn,
  parseFitOptions,
  type ModelFitDiagnostics,
  type ModelFitOptions,
} from '../../internal/maximumLikelihood.ts';
import type { ModelCustomers } from '../types.ts';
import {
  BG_NBD_PARAM_NAMES,
  bgNbdLogLikelihood,
  bgNbdStart,
  type BgNbdParams,
} from '../../internal/models/bgNbdKernel.ts';

export type { BgNbdParams } from '../../internal/models/bgNbdKernel.ts';

/** Options for {@link fitBgNbd}. */
export interface FitBgNbdOptions extends ModelFitOptions<BgNbdParams> {}

/** A fitted BG/NBD model; it is itself a transaction model (`{ model: 'bgNbd', params }`) for `modelClv` and `atRiskCustomers`. */
export interface FitBgNbdResult extends ModelFitDiagnostics<BgNbdParams> {
  readonly model: 'bgNbd';
  readonly params: BgNbdParams;
}

/**
 * Fits the BG/NBD model of repeat purchasing by maximum likelihood.
 *
 * Non-contractual setting: while alive, a customer buys as a Poisson process with rate λ; after each
 * purchase they drop out with probability p. Across customers λ ~ Gamma(r, α) and p ~ Beta(a, b). The
 * likelihood of a customer's (x, tₓ, T) is evaluated in log space (no overflow for frequencies in the
 * tens of thousands) and maximised by BFGS over ln r, ln α, ln a, ln b with an analytic gradient.
 *
 * ```text
 * ℓᵢ = ln Γ(r + x) − ln Γ(r) + r ln α + ln B(a, b + x) − ln B(a, b)
 *      + ln[ (α + T)^−(r+x) + 1{x>0}·a/(b + x − 1)·(α + tₓ)^−(r+x) ]
 * maximise Σ wᵢ ℓᵢ  (minus W·λ·Σθ² with a penalty λ)
 * ```
 *
 * Time unit: whatever `recency` and `T` are in (α is a rate per that unit); use the same unit for
 * every prediction. Identical (x, tₓ, T) rows are merged into weighted ones by the fit itself when a
 * sample shows that it pays (summaries in whole days or weeks), so passing raw rows costs little more
 * than passing `compressCustomers` output with its weights; either gives the same fit. Customers with frequency 0 contribute through T only. On small samples the data may
 * not reveal heterogeneity in dropout: a and b then run off to huge values (with the ratio a/(a + b)
 * stable) and `converged` may be false; a small `penalty` (e.g. 0.001) keeps them finite.
 * Reference: Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way", Marketing Science 24(2).
 *
 * @param customers - `{ frequency, recency, T }` rows or columns (frequency a non-negative integer, 0 ≤ recency ≤ T).
 * @param options - `weights`, `penalty`, `penaltyConvention` (`'lifetimes'` for the `penalizer_coef` of
 *   the Python lifetimes package), `initialParams`, `maxIterations`, `gradientTolerance`.
 * @returns `{ model: 'bgNbd', params: { r, alpha, a, b }, logLikelihood, converged, iterations,
 *   standardErrors, logCovariance }`. Never throws for non-convergence (`converged: false`). With no
 *   customers (or all weights 0) the parameters stay at the start and `converged` is false.
 * @throws {TypeError} When customers or an option has the wrong type.
 * @throws {RangeError} When a frequency is negative or fractional, recency is negative or exceeds T,
 *   a weight is negative, or an option is out of range.
 * @example
 * ```ts
 * import { fitBgNbd } from 'loyalty-metrics';
 *
 * // 101 customers observed for 40 weeks, identical histories given as weighted rows
 * const customers = {
 *   frequency: [0, 1, 1, 2, 2, 3, 4, 6, 8, 10],
 *   recency: [0, 5, 30, 10, 36, 20, 8, 38, 12, 39],
 *   T: [40, 40, 40, 40, 40, 40, 40, 40, 40, 40],
 * };
 * const weights = [60, 10, 8, 5, 6, 4, 3, 2, 2, 1];
 * // On a sample this small a light L2 penalty keeps the dropout shapes a and b finite.
 * const fit = fitBgNbd(customers, { weights, penalty: 0.001 });
 * fit.converged; // => true
 * fit.params.r; // => 0.19
 * ```
 * @category Models
 */
export function fitBgNbd(customers: ModelCustomers, options?: FitBgNbdOptions): FitBgNbdResult {
  const fn = 'fitBgNbd';
  const opts = parseFitOptions<BgNbdParams>(fn, options, BG_NBD_PARAM_NAMES);
  // identical (x, tₓ, T) rows merged into weighted ones when that pays: the same Σ w·ℓ, fewer terms
  const input = readFitInput(fn, customers, opts.weights);
  const { rows } = input;
  const ll = bgNbdLogLikelihood(rows.frequency, rows.recency, rows.T, rows.weights);
  return {
    model: 'bgNbd',
    ...fitModel(
      BG_NBD_PARAM_NAMES,
      ll,
      bgNbdStart(input, opts.initialParams),
      input.totalWeight,
      opts,
      timeScaledPenalty(input.T, 4, [1]),
      // more rows than compression merges: the fit starts from the maximum on a sample of them
      warmStartOn(rows, bgNbdLogLikelihood),
    ),
  };
}
