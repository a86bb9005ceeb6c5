import { readCustomers, readWeights } from '../internal/input/customerSummary.ts';
import { readCount, readHoldout, requireDiscreteCustomers, resolveDiagnosticModel } from '../internal/diagnostics.ts';
import type { DiagnosticTransactionModel } from './types.ts';
import { describeValue, rangeFail, readOptions, requireArrayLike, typeFail } from '../internal/validate.ts';
import type { HoldoutCustomer, HoldoutCustomerColumns } from './types.ts';

/** Options for {@link holdoutComparison}. */
export interface HoldoutComparisonOptions {
  /** Calibration frequencies from this one up are pooled into one bin "k+" (default 7, as BTYD's `censor`). */
  readonly maxFrequency?: number;
  /**
   * Recency bins: a positive integer (that many equal-width bins over [0, max T]; default 8) or ascending
   * edges `[e₀, e₁, …, e_m]`, bin j = [e_j, e_{j+1}) with the last one closed. Recencies outside are left out.
   */
  readonly recencyBins?: number | readonly number[];
  /** Non-negative weight per customer row; default 1 each. */
  readonly weights?: ArrayLike<number>;
}

/** One bin of {@link holdoutComparison}. */
export interface HoldoutComparisonRow {
  /** Customers (weighted) in the bin. */
  readonly customers: number;
  /** Mean holdout purchases actually made. `NaN` for an empty bin. */
  readonly actual: number;
  /** Mean conditional expected holdout purchases E[X(T, T + t*) | x, tₓ, T]. `NaN` for an empty bin. */
  readonly expected: number;
}

/** A calibration-frequency bin. */
export interface HoldoutFrequencyRow extends HoldoutComparisonRow {
  readonly frequency: number;
  /** True for the open last bin (`frequency`+). */
  readonly orMore: boolean;
}

/** A calibration-recency bin [from, to) (the last one closed). */
export interface HoldoutRecencyRow extends HoldoutComparisonRow {
  readonly from: number;
  readonly to: number;
}

/** Result of {@link holdoutComparison}. */
export interface HoldoutComparison {
  readonly byFrequency: HoldoutFrequencyRow[];
  readonly byRecency: HoldoutRecencyRow[];
}

/**
 * Holdout validation of a fitted transaction model: mean purchases in the holdout window, actual
 * against the model's conditional expectation, for customers grouped by calibration frequency
 * (0 … k+) and by calibration recency, with the size of every group. The central check of Fader,
 * Hardie & Lee (2005, Figure 4), BTYD's `*.PlotFreqVsConditionalExpectedFrequency` and
 * `*.PlotRecVsConditionalExpectedFrequency`, lifetimes' `plot_calibration_purchases_vs_holdout_purchases`.
 *
 * ```text
 * eᵢ = E[X(Tᵢ, Tᵢ + t*ᵢ) | xᵢ, tₓᵢ, Tᵢ]          t*ᵢ = holdoutDuration of row i
 * actual(bin)   = Σ_{i∈bin} wᵢ·x*ᵢ / Σ_{i∈bin} wᵢ  x*ᵢ = holdoutFrequency
 * expected(bin) = Σ_{i∈bin} wᵢ·eᵢ  / Σ_{i∈bin} wᵢ
 * ```
 *
 * BG/BB (discrete opportunities, `{ model: 'bgBb' }`, a `fitBgBb` result) works too: T is then the number n of
 * opportunities observed and recency the last one with a transaction (whole numbers; a horizon counts ⌊t⌋ whole
 * opportunities).
 * Times are in the model's unit (pass `calibrationHoldoutSplit` rows made with `unit` equal to the
 * model's). Recency bins average over customers (BTYD averages per distinct recency first, then over
 * them; that weights rare recencies up, so its recency figures differ; frequency bins agree).
 *
 * @param split - Rows or columns with `frequency`, `recency`, `T`, `holdoutFrequency`, `holdoutDuration` (a `calibrationHoldoutSplit` result).
 * @param transaction - A fitted transaction model `{ model, params }`.
 * @param options - `maxFrequency` (default 7), `recencyBins` (default 8), `weights`.
 * @returns `{ byFrequency, byRecency }`; empty bins have `customers: 0` and `NaN` means.
 * @throws {TypeError} When an argument has the wrong type.
 * @throws {RangeError} When a field, parameter or option is out of its domain.
 * @example
 * ```ts
 * import { holdoutComparison } from 'loyalty-metrics';
 *
 * const transaction = { model: 'bgNbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * const split = [
 *   { frequency: 2, recency: 30.43, T: 38.86, holdoutFrequency: 1, holdoutDuration: 39 },
 *   { frequency: 0, recency: 0, T: 38.86, holdoutFrequency: 0, holdoutDuration: 39 },
 * ];
 * const { byFrequency, byRecency } = holdoutComparison(split, transaction, { maxFrequency: 2, recencyBins: [0, 20, 39] });
 * byFrequency[2]; // => { frequency: 2, orMore: true, customers: 1, actual: 1, expected: 1.226 }
 * byRecency[0]; // => { from: 0, to: 20, customers: 1, actual: 0 }
 * ```
 * @category Diagnostics
 */
export function holdoutComparison(
  split: readonly HoldoutCustomer[] | HoldoutCustomerColumns,
  transaction: DiagnosticTransactionModel,
  options: HoldoutComparisonOptions = {},
): HoldoutComparison {
  const fn = 'holdoutComparison';
  const model = resolveDiagnosticModel(fn, transaction);
  const o = readOptions(fn, options, ['maxFrequency', 'recencyBins', 'weights']);
  const k = readCount(fn, 'maxFrequency', o.maxFrequency, 7, 1000);
  const data = readCustomers(fn, 'split', split, { allowSingle: false });
  requireDiscreteCustomers(fn, model, data);
  const { holdoutFrequency, holdoutDuration } = readHoldout(fn, 'split', split, data.length);
  const w = readWeights(fn, o.weights, data.length);
  let maxT = 0;
  for (let i = 0; i < data.length; i++) maxT = Math.max(maxT, data.T[i] as number);
  const edges = readEdges(fn, o.recencyBins, maxT);
  const m = edges.length - 1;
  const fw = new Float64Array(k + 1);
  const fa = new Float64Array(k + 1);
  const fe = new Float64Array(k + 1);
  const rw = new Float64Array(m);
  const ra = new Float64Array(m);
  const re = new Float64Array(m);
  for (let i = 0; i < data.length; i++) {
    const wi = w[i] as number;
    if (wi === 0) continue;
    const x = data.frequency[i] as number;
    const tx = data.recency[i] as number;
    const e = model.kernel.conditionalExpectedPurchases(
      model.params,
      holdoutDuration[i] as number,
      x,
      tx,
      data.T[i] as number,
    );
    const a = holdoutFrequency[i] as number;
    const f = Math.min(k, x);
    fw[f] = (fw[f] as number) + wi;
    fa[f] = (fa[f] as number) + wi * a;
    fe[f] = (fe[f] as number) + wi * e;
    const j = binOf(edges, tx);
    if (j >= 0) {
      rw[j] = (rw[j] as number) + wi;
      ra[j] = (ra[j] as number) + wi * a;
      re[j] = (re[j] as number) + wi * e;
    }
  }
  const mean = (s: number, n: number): number => (n === 0 ? Number.NaN : s / n);
  return {
    byFrequency: Array.from({ length: k + 1 }, (_, n) => ({
      frequency: n,
      orMore: n === k,
      customers: fw[n] as number,
      actual: mean(fa[n] as number, fw[n] as number),
      expected: mean(fe[n] as number, fw[n] as number),
    })),
    byRecency: Array.from({ length: m }, (_, j) => ({
      from: edges[j] as number,
      to: edges[j + 1] as number,
      customers: rw[j] as number,
      actual: mean(ra[j] as number, rw[j] as number),
      expected: mean(re[j] as number, rw[j] as number),
    })),
  };
}

/** Bin j with edges[j] ≤ v < edges[j + 1] (the last bin closed), or −1. */
function binOf(edges: readonly number[], v: number): number {
  const m = edges.length - 1;
  if (!(v >= (edges[0] as number)) || v > (edges[m] as number)) return -1;
  let lo = 0;
  let hi = m - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((edges[mid] as number) <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function readEdges(fn: string, bins: unknown, maxT: number): number[] {
  if (bins === undefined || typeof bins === 'number') {
    const n = readCount(fn, 'recencyBins', bins, 8, 10_000);
    const top = maxT > 0 ? maxT : 1;
    return Array.from({ length: n + 1 }, (_, j) => (j === n ? top : (top * j) / n));
  }
  if (!Array.isArray(bins))
    typeFail(fn, `recencyBins must be a number or an array of edges, got ${describeValue(bins)}`);
  const edges = requireArrayLike(fn, 'recencyBins', bins);
  if (edges.length < 2) rangeFail(fn, `recencyBins (${describeValue(bins)}) must have at least 2 edges`);
  const out: number[] = [];
  for (let j = 0; j < edges.length; j++) {
    const e = edges[j];
    if (typeof e !== 'number') typeFail(fn, `recencyBins[${j}] must be a number, got ${describeValue(e)}`);
    if (!Number.isFinite(e) || (j > 0 && !(e > (out[j - 1] as number))))
      rangeFail(fn, `recencyBins[${j}] (${describeValue(e)}) must be finite and above the previous edge`);
    out.push(e);
  }
  return out;
}
