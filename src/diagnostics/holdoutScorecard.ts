import { readCustomers } from '../internal/input/customerSummary.ts';
import {
  readHoldout,
  requireDiscreteCustomers,
  resolveDiagnosticModel,
  type DiagnosticModel,
} from '../internal/diagnostics.ts';
import type { DiagnosticTransactionModel } from './types.ts';
import { scorePredictions, type ReliabilityBin } from '../internal/scorecard.ts';
import { describeValue, rangeFail, readOptions, requireArrayLike, typeFail } from '../internal/validate.ts';
import type { HoldoutCustomer, HoldoutCustomerColumns } from './types.ts';

export type { ReliabilityBin } from '../internal/scorecard.ts';

/** Options for {@link holdoutScorecard}. */
export interface HoldoutScorecardOptions {
  /** A label per fit (default: the model names, numbered when repeated). */
  readonly names?: readonly string[];
}

/** The scores of one predictor. */
export interface HoldoutScorecardRow {
  /** The fit's label, or `'calibrationRate'` / `'rfmCellMean'` for the baselines. */
  readonly name: string;
  readonly kind: 'model' | 'baseline';
  /** Mean absolute error of holdout purchases per customer. */
  readonly mae: number;
  /** Root mean squared error of holdout purchases per customer. */
  readonly rmse: number;
  /** Mean absolute percentage error of the purchase totals of the 10 prediction deciles (deciles without purchases skipped). */
  readonly decileMape: number;
  /** Normalised Gini of the ranking by prediction (1 = the best possible order, 0 = random). */
  readonly gini: number;
  /** Brier score of P(active in the holdout), 0 … 1, lower is better. */
  readonly brier: number;
  /** Calibration of P(active): 10 equal-width bins of the predicted probability. */
  readonly reliability: ReliabilityBin[];
}

/**
 * One call that says whether fitted purchase models beat simple rules on a calibration/holdout split:
 * per fit and per naive baseline, the errors of predicted holdout purchases per customer, the decile
 * MAPE and normalised Gini of the ranking, and the Brier score and reliability bins of the predicted
 * probability of buying at all in the holdout.
 *
 * ```text
 * model:            pᵢ = E[X(Tᵢ, Tᵢ + t*ᵢ) | xᵢ, tₓᵢ, Tᵢ],   qᵢ = 1 − P(X(Tᵢ, Tᵢ + t*ᵢ) = 0 | xᵢ, tₓᵢ, Tᵢ)
 * calibrationRate:  pᵢ = xᵢ/Tᵢ · t*ᵢ (0 when Tᵢ = 0),         qᵢ = 1 − e^(−pᵢ)   (Poisson)
 * rfmCellMean:      pᵢ = mean holdout purchases of i's cell,     qᵢ = share of the cell active in the holdout
 *                   cells: frequency 0, 1, …, 6, 7+ × recency quintile (among customers with x > 0)
 * MAE = mean|pᵢ − aᵢ|   RMSE = √mean(pᵢ − aᵢ)²   Brier = mean(qᵢ − 1{aᵢ > 0})²
 * decileMape = mean over the 10 prediction deciles of |Σp − Σa|/Σa
 * gini = G(order by p)/G(order by a),  G(order) = (1/n)Σₖ(cumulative share of a) − (n + 1)/(2n)
 * ```
 *
 * P(no purchase) given the history: BG/NBD and MBG/NBD 1 − P(alive) + P(alive)·((α + T)/(α + T + t))^(r+x)
 * (a living customer cannot drop out before their next purchase); Pareto/NBD 1 − P(alive) + P(alive)·P₀,
 * P₀ the Pareto/NBD P(X(t) = 0) at the posterior parameters (r + x, α + T, s, β + T); BG/BB 1 − P(alive) +
 * P(alive)·P(die or abstain at each of the next ⌊t⌋ opportunities) under the Beta posteriors. The cell mean uses
 * the holdout itself, so it is the best any rule based on those cells could do: a model that beats it
 * ranks customers better than their RFM cell. Ties in a ranking keep input order. References: lifetimes
 * issues #449, #418, #299 (model vs naive rule); Fader, Hardie & Lee (2005).
 *
 * @param split - `calibrationHoldoutSplit` rows or columns (`frequency`, `recency`, `T`, `holdoutFrequency`, `holdoutDuration`), in the models' time unit.
 * @param fits - One fitted transaction model or an array of them.
 * @param options - `names`.
 * @returns One row per fit, then the two baselines; metrics are `NaN` where undefined (no customers, no holdout purchases).
 * @throws {TypeError} When an argument has the wrong type.
 * @throws {RangeError} When a field or parameter is out of its domain, or `names` has the wrong length.
 * @example
 * ```ts
 * import { holdoutScorecard } from 'loyalty-metrics';
 *
 * const fit = { model: 'bgNbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * const split = [
 *   { frequency: 2, recency: 30.43, T: 38.86, holdoutFrequency: 1, holdoutDuration: 39 },
 *   { frequency: 0, recency: 0, T: 38.86, holdoutFrequency: 0, holdoutDuration: 39 },
 * ];
 * const [model, rate] = holdoutScorecard(split, fit);
 * model; // => { name: 'bgNbd', kind: 'model', gini: 1 }
 * // FHL (2005): 1.226 expected for the first customer (error 0.226); 0.195 for the second (who made none)
 * model.mae; // => 0.2106
 * rate; // => { name: 'calibrationRate', kind: 'baseline', gini: 1 }
 * ```
 * @category Diagnostics
 */
export function holdoutScorecard(
  split: readonly HoldoutCustomer[] | HoldoutCustomerColumns,
  fits: DiagnosticTransactionModel | readonly DiagnosticTransactionModel[],
  options: HoldoutScorecardOptions = {},
): HoldoutScorecardRow[] {
  const fn = 'holdoutScorecard';
  const list: readonly unknown[] = Array.isArray(fits) ? fits : [fits];
  if (list.length === 0) rangeFail(fn, 'fits must hold at least one fitted model', { argument: 'fits', value: fits });
  // Array.from visits holes of a sparse array (map would skip them and leave no model there)
  const models = Array.from(list, (f, j) => resolveDiagnosticModel(fn, f, Array.isArray(fits) ? `fits[${j}]` : 'fits'));
  const o = readOptions(fn, options, ['names']);
  const names = readNames(fn, o.names, models);
  const data = readCustomers(fn, 'split', split, { allowSingle: false });
  for (const m of models) requireDiscreteCustomers(fn, m, data);
  const { holdoutFrequency: actual, holdoutDuration: duration } = readHoldout(fn, 'split', split, data.length);
  const n = data.length;
  const rows: HoldoutScorecardRow[] = models.map((m, j) => {
    const p = new Float64Array(n);
    const q = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = data.frequency[i] as number;
      const tx = data.recency[i] as number;
      const T = data.T[i] as number;
      const t = duration[i] as number;
      p[i] = m.kernel.conditionalExpectedPurchases(m.params, t, x, tx, T);
      q[i] = Math.min(1, Math.max(0, 1 - m.population.probabilityNoPurchase(m.params, t, x, tx, T)));
    }
    return { name: names[j] as string, kind: 'model', ...scorePredictions(actual, p, q) };
  });
  const rate = new Float64Array(n);
  const rateActive = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const T = data.T[i] as number;
    rate[i] = T > 0 ? ((data.frequency[i] as number) / T) * (duration[i] as number) : 0;
    rateActive[i] = -Math.expm1(-(rate[i] as number));
  }
  rows.push({ name: 'calibrationRate', kind: 'baseline', ...scorePredictions(actual, rate, rateActive) });
  const { mean, active } = cellMeans(data.frequency, data.recency, actual);
  rows.push({ name: 'rfmCellMean', kind: 'baseline', ...scorePredictions(actual, mean, active) });
  return rows;
}

function readNames(fn: string, names: unknown, models: readonly DiagnosticModel[]): string[] {
  if (names === undefined) {
    const seen = new Map<string, number>();
    const counts = new Map<string, number>();
    for (const m of models) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
    return models.map((m) => {
      if ((counts.get(m.name) as number) === 1) return m.name;
      const k = (seen.get(m.name) ?? 0) + 1;
      seen.set(m.name, k);
      return `${m.name} ${k}`;
    });
  }
  const arr = requireArrayLike(fn, 'names', names);
  if (arr.length !== models.length)
    rangeFail(fn, `names has length ${arr.length}, expected ${models.length} (one per fit)`, {
      argument: 'options.names',
      value: names,
    });
  return Array.from(arr, (v, j) => {
    if (typeof v !== 'string') typeFail(fn, `names[${j}] must be a string, got ${describeValue(v)}`);
    return v;
  });
}

/** In-sample cell means: frequency 0 … 7+ × recency quintile of the customers with x > 0. */
function cellMeans(
  frequency: Float64Array,
  recency: Float64Array,
  actual: Float64Array,
): { mean: Float64Array; active: Float64Array } {
  const n = frequency.length;
  const repeaters: number[] = [];
  for (let i = 0; i < n; i++) if ((frequency[i] as number) > 0) repeaters.push(i);
  repeaters.sort((i, j) => (recency[i] as number) - (recency[j] as number) || i - j);
  const quintile = new Int32Array(n);
  // equal recencies share the quintile of their first occurrence, so ties never split
  for (let k = 0; k < repeaters.length; k++) {
    const i = repeaters[k] as number;
    const prev = k > 0 ? (repeaters[k - 1] as number) : -1;
    quintile[i] =
      prev >= 0 && recency[prev] === recency[i]
        ? (quintile[prev] as number)
        : Math.min(4, Math.floor((5 * k) / repeaters.length));
  }
  const cells = 8 * 5;
  const size = new Float64Array(cells);
  const sum = new Float64Array(cells);
  const hits = new Float64Array(cells);
  const cellOf = (i: number): number => Math.min(7, frequency[i] as number) * 5 + (quintile[i] as number);
  for (let i = 0; i < n; i++) {
    const c = cellOf(i);
    size[c] = (size[c] as number) + 1;
    sum[c] = (sum[c] as number) + (actual[i] as number);
    hits[c] = (hits[c] as number) + ((actual[i] as number) > 0 ? 1 : 0);
  }
  const mean = new Float64Array(n);
  const active = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = cellOf(i);
    mean[i] = (sum[c] as number) / (size[c] as number);
    active[i] = (hits[c] as number) / (size[c] as number);
  }
  return { mean, active };
}
