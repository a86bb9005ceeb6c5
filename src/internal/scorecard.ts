/**
 * Accuracy metrics of per-customer predictions of holdout purchases (the kernel of
 * `holdoutScorecard`): errors, decile MAPE, normalised Gini, Brier score and reliability bins.
 * @internal
 * @module
 */

/** One reliability bin: predicted probabilities in [from, to). */
export interface ReliabilityBin {
  readonly from: number;
  readonly to: number;
  readonly customers: number;
  /** Mean predicted P(active); `NaN` for an empty bin. */
  readonly predicted: number;
  /** Share of the bin's customers active in the holdout; `NaN` for an empty bin. */
  readonly observed: number;
}

/** The scores of one predictor. */
export interface Scores {
  readonly mae: number;
  readonly rmse: number;
  readonly decileMape: number;
  readonly gini: number;
  readonly brier: number;
  readonly reliability: ReliabilityBin[];
}

/** Number of reliability bins. */
const RELIABILITY_BINS = 10;

/** Customer order by prediction, largest first, ties by input order. */
function order(values: ArrayLike<number>): Int32Array {
  const idx = Int32Array.from({ length: values.length }, (_, i) => i);
  idx.sort((i, j) => (values[j] as number) - (values[i] as number) || i - j);
  return idx;
}

/** Σ of the cumulative shares of `actual` taken in `idx` order, minus the diagonal (the Gini of that order). */
function giniOf(actual: ArrayLike<number>, idx: Int32Array, total: number): number {
  const n = idx.length;
  let running = 0;
  let area = 0;
  for (let k = 0; k < n; k++) {
    running += actual[idx[k] as number] as number;
    area += running / total;
  }
  return area / n - (n + 1) / (2 * n);
}

/**
 * Scores predictions of holdout purchase counts (`predicted`) and of P(active) (`active`) against the actual counts.
 * ```text
 * MAE = mean |pᵢ − aᵢ|,  RMSE = √mean (pᵢ − aᵢ)²
 * deciles: customers sorted by pᵢ (largest first) cut into 10 groups of ⌊n/10⌋ or ⌈n/10⌉;
 *   decileMape = mean over groups with A > 0 of |P − A|/A  (P, A = group sums)
 * gini(order) = (1/n)·Σₖ (cumulative share of A after k customers) − (n + 1)/(2n);  normalised = gini(by p)/gini(by a)
 * Brier = mean (qᵢ − 1{aᵢ > 0})²,   reliability: qᵢ in 10 equal-width bins of [0, 1]
 * ```
 * `NaN` where undefined (no customers; no purchases for MAPE and Gini).
 * @example
 * ```ts
 * import { scorePredictions } from './scorecard.ts';
 *
 * // a perfect predictor: no error, Gini 1
 * const s = scorePredictions([0, 1, 3, 0, 2], [0, 1, 3, 0, 2], [0, 1, 1, 0, 1]);
 * [s.mae, s.rmse, s.gini, s.brier]; // => [0, 0, 1, 0]
 * scorePredictions([0, 2], [1, 1], [0.5, 0.5]); // => { mae: 1, rmse: 1, brier: 0.25 }
 * ```
 */
export function scorePredictions(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  active: ArrayLike<number>,
): Scores {
  const n = actual.length;
  let abs = 0;
  let sq = 0;
  let brier = 0;
  let total = 0;
  const bw = new Float64Array(RELIABILITY_BINS);
  const bp = new Float64Array(RELIABILITY_BINS);
  const bo = new Float64Array(RELIABILITY_BINS);
  for (let i = 0; i < n; i++) {
    const a = actual[i] as number;
    const d = (predicted[i] as number) - a;
    abs += Math.abs(d);
    sq += d * d;
    total += a;
    const q = active[i] as number;
    const hit = a > 0 ? 1 : 0;
    brier += (q - hit) * (q - hit);
    const b = Math.min(RELIABILITY_BINS - 1, Math.floor(q * RELIABILITY_BINS));
    bw[b] = (bw[b] as number) + 1;
    bp[b] = (bp[b] as number) + q;
    bo[b] = (bo[b] as number) + hit;
  }
  const byPrediction = order(predicted);
  let mapeSum = 0;
  let mapeCount = 0;
  for (let g = 0; g < 10 && n > 0; g++) {
    const from = Math.floor((g * n) / 10);
    const to = Math.floor(((g + 1) * n) / 10);
    let P = 0;
    let A = 0;
    for (let k = from; k < to; k++) {
      const i = byPrediction[k] as number;
      P += predicted[i] as number;
      A += actual[i] as number;
    }
    if (A > 0) {
      mapeSum += Math.abs(P - A) / A;
      mapeCount++;
    }
  }
  const gini =
    n > 0 && total > 0 ? giniOf(actual, byPrediction, total) / giniOf(actual, order(actual), total) : Number.NaN;
  return {
    mae: n > 0 ? abs / n : Number.NaN,
    rmse: n > 0 ? Math.sqrt(sq / n) : Number.NaN,
    decileMape: mapeCount > 0 ? mapeSum / mapeCount : Number.NaN,
    gini,
    brier: n > 0 ? brier / n : Number.NaN,
    reliability: Array.from({ length: RELIABILITY_BINS }, (_, b) => {
      const c = bw[b] as number;
      return {
        from: b / RELIABILITY_BINS,
        to: (b + 1) / RELIABILITY_BINS,
        customers: c,
        predicted: c > 0 ? (bp[b] as number) / c : Number.NaN,
        observed: c > 0 ? (bo[b] as number) / c : Number.NaN,
      };
    }),
  };
}
