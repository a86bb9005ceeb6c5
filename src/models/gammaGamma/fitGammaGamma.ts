import { fitRows } from '../../internal/compressPatterns.ts';
import { readCustomers, readWeights, rowLabel } from '../../internal/input/customerSummary.ts';
import { readOptions, requireOneOf } from '../../internal/validate.ts';
import {
  FIT_OPTION_KEYS,
  fitModel,
  parseFitOptions,
  warmStartOn,
  type ModelFitDiagnostics,
  type ModelFitOptions,
} from '../../internal/maximumLikelihood.ts';
import type { NonPositiveSpendFit, SpendCustomers } from '../types.ts';
import {
  GAMMA_GAMMA_PARAM_NAMES,
  gammaGammaLogLikelihood,
  type GammaGammaParams,
} from '../../internal/models/gammaGammaKernel.ts';

export type { GammaGammaParams } from '../../internal/models/gammaGammaKernel.ts';

/** Options for {@link fitGammaGamma}. */
export interface FitGammaGammaOptions extends ModelFitOptions<GammaGammaParams> {
  /**
   * Repeat buyers whose monetaryValue is 0 or negative: `'exclude'` (default) leaves them out and reports how
   * many in `excluded` and `warnings`; `'throw'` throws a `RangeError` naming the first one (row and customer id).
   */
  readonly nonPositiveSpend?: NonPositiveSpendFit;
}

/** A fitted Gamma-Gamma spend model. */
export interface FitGammaGammaResult extends ModelFitDiagnostics<GammaGammaParams> {
  readonly params: GammaGammaParams;
  /** Number of customers with repeat purchases that entered the likelihood (frequency > 0, positive weight). */
  readonly customers: number;
  /**
   * Number of repeat buyers (frequency > 0, positive weight) left out because their monetaryValue is 0 or
   * negative (`nonPositiveSpend: 'exclude'`); 0 otherwise.
   */
  readonly excluded: number;
  /**
   * Warnings about the fit: those every fit reports (a parameter at a search limit, a Hessian that is
   * not positive definite, an optimiser that stopped early; each makes `converged` false),
   * `'q ≤ 1: the population mean spend p·v/(q − 1) is infinite'` when the fitted q does not exceed 1, and
   * customers left out for a non-positive monetaryValue (how many, and the first one's row and id). Empty when
   * there is nothing to report.
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
 * The model has positive spend only, so a repeat buyer whose mean repeat spend is 0 or negative ($0 orders,
 * or returns netted against purchases in `rfmSummary`) cannot enter the likelihood. By default such
 * customers are excluded and counted (`excluded`, and a warning naming the first): on the full CDNOW log one
 * of 11,516 repeat buyers has $0 of repeat spend, and that one must not stop the fit of the rest.
 * Pass `nonPositiveSpend: 'throw'` to treat them as an error in the data instead.
 *
 * ```text
 * ℓᵢ = ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln v + (px − 1) ln m̄ + px ln x − (px + q) ln(x m̄ + v)
 * population mean spend = p·v/(q − 1)          (infinite when q ≤ 1)
 * ```
 *
 * monetaryValue (m̄) is the mean value of the customer's repeat purchases, in currency units.
 * Identical (x, m̄) rows are merged into weighted ones by the fit itself when a sample shows that it
 * pays (the same fit, each pattern evaluated once).
 * Reference: Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base
 * Analysis", Journal of Marketing Research 42(4); Fader & Hardie (2013), "The Gamma-Gamma Model of
 * Monetary Value".
 *
 * @param customers - `{ frequency, monetaryValue }` rows or columns (extra fields such as recency are ignored).
 * @param options - `weights`, `penalty`, `penaltyConvention` (`'lifetimes'` for the `penalizer_coef` of
 *   the Python lifetimes package), `initialParams`, `maxIterations`, `gradientTolerance`, `nonPositiveSpend`.
 * @returns `{ params: { p, q, v }, logLikelihood, converged, iterations, standardErrors, logCovariance,
 *   customers, excluded, warnings }`. Never throws for non-convergence. With no repeat buyers `converged` is false.
 * @throws {TypeError} When customers or an option has the wrong type.
 * @throws {RangeError} When a frequency is not a non-negative integer, a weight is negative, an option is out
 *   of range, or (with `nonPositiveSpend: 'throw'`) a monetary value is negative or 0 for a repeat buyer; the
 *   error names the row and, for `rfmSummary` rows, the customer id.
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
 * // A repeat buyer with $0 of repeat spend is left out and counted; 'throw' names the customer instead
 * const rows = [{ customer: 'ann', frequency: 2, monetaryValue: 30 }, { customer: 'bob', frequency: 1, monetaryValue: 0 }, { customer: 'cy', frequency: 3, monetaryValue: 12 }];
 * fitGammaGamma(rows).excluded; // => 1
 * fitGammaGamma(rows, { nonPositiveSpend: 'throw' }); // => throws RangeError: fitGammaGamma: row 1 (customer "bob"): monetaryValue (0) must be greater than 0 for a customer with repeat purchases
 * ```
 * @category Models
 */
export function fitGammaGamma(customers: SpendCustomers, options?: FitGammaGammaOptions): FitGammaGammaResult {
  const fn = 'fitGammaGamma';
  const opts = parseFitOptions<GammaGammaParams>(fn, options, GAMMA_GAMMA_PARAM_NAMES, ['nonPositiveSpend']);
  const own = readOptions(fn, options, ['nonPositiveSpend'], FIT_OPTION_KEYS);
  const policy =
    own.nonPositiveSpend === undefined
      ? 'exclude'
      : requireOneOf<NonPositiveSpendFit>(fn, 'options.nonPositiveSpend', own.nonPositiveSpend, ['exclude', 'throw']);
  const data = readCustomers(fn, 'customers', customers, {
    rfm: false,
    monetary: true,
    allowSingle: false,
    spend: policy === 'throw' ? 'positive' : 'any',
  });
  const allWeights = readWeights(fn, opts.weights, data.length);
  const allMonetary = data.monetaryValue as Float64Array;
  // the repeat buyers with positive weight and spend, straight into typed arrays (counted first)
  let kept = 0;
  let excluded = 0;
  let firstExcluded = -1;
  for (let i = 0; i < data.length; i++) {
    if (!((data.frequency[i] as number) > 0 && (allWeights[i] as number) > 0)) continue;
    if ((allMonetary[i] as number) > 0) kept++;
    else {
      excluded++;
      if (firstExcluded < 0) firstExcluded = i;
    }
  }
  const frequency = new Float64Array(kept);
  const monetary = new Float64Array(kept);
  const weights = new Float64Array(kept);
  for (let i = 0, j = 0; i < data.length; i++) {
    if (!((data.frequency[i] as number) > 0 && (allWeights[i] as number) > 0 && (allMonetary[i] as number) > 0))
      continue;
    frequency[j] = data.frequency[i] as number;
    monetary[j] = allMonetary[i] as number;
    weights[j++] = allWeights[i] as number;
  }
  let W = 0;
  let sm = 0;
  for (let i = 0; i < kept; i++) {
    W += weights[i] as number;
    sm += (weights[i] as number) * (monetary[i] as number);
  }
  // Start: p = 1, q = 2 and v such that the population mean p·v/(q − 1) equals the mean spend.
  const ip = opts.initialParams;
  const start = [ip.p ?? 1, ip.q ?? 2, ip.v ?? (W > 0 ? Math.max(sm / W, 1e-6) : 1)];
  // Every kept row has a positive weight, so W > 0 exactly when some customer entered the likelihood.
  // identical (x, m̄) rows merged into weighted ones when that pays: the same Σ w·ℓ, fewer terms
  const rows = fitRows(frequency, monetary, new Float64Array(kept), weights);
  const ll = gammaGammaLogLikelihood(rows.frequency, rows.recency, rows.weights);
  // more rows than compression merges: the fit starts from the maximum on a sample of them
  const warm = warmStartOn(rows, (x, m, _, w) => gammaGammaLogLikelihood(x, m, w));
  const fit = fitModel(GAMMA_GAMMA_PARAM_NAMES, ll, start, W, opts, undefined, warm);
  const warnings = [...fit.warnings];
  if (fit.params.q <= 1) warnings.push(`q (${fit.params.q}) ≤ 1: the population mean spend p·v/(q − 1) is infinite`);
  if (excluded > 0) {
    const first = rowLabel(firstExcluded, data.customerId(firstExcluded));
    warnings.push(
      `${excluded} customer${excluded === 1 ? '' : 's'} with repeat purchases and a monetaryValue ≤ 0 left out of the fit (first: ${first}); the model has positive spend only`,
    );
  }
  return { ...fit, customers: kept, excluded, warnings };
}
