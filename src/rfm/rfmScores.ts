import { rowsOf } from '../internal/rows.ts';
import {
  describeValue,
  outOfRange,
  rangeFail,
  readOptions,
  requireNumber,
  requireObject,
  requirePositiveInteger,
  rowArgument,
  typeFail,
  withDefault,
} from '../internal/validate.ts';

/** One customer of an RFM summary, as returned by {@link rfmSummary}. */
export interface RfmScoresInput {
  /** Customer identifier, copied to the result when present. */
  readonly customer?: unknown;
  /** Repeat purchase periods (x). */
  readonly frequency: number;
  /** Time from the first to the last purchase period (t_x). */
  readonly recency: number;
  /** Time from the first purchase period to the end of observation (T), ≥ recency. */
  readonly T: number;
  /** Mean value of the repeat periods (0 for customers without repeat purchases). */
  readonly monetaryValue: number;
}

/** Options for {@link rfmScores}. */
export interface RfmScoresOptions {
  /** Number of quantile bins, an integer from 1 to 1000 (default 5): scores run from 1 to `bins`. */
  readonly bins?: number;
  /**
   * Absolute recency cut-offs instead of recency quantiles: `bins − 1` increasing times since the last purchase
   * (T − recency, in the summary's unit), for instance `[4, 13, 26, 52]` weeks with 5 bins. A customer whose last
   * purchase is at most `recencyCutoffs[0]` ago scores `bins`, at most `recencyCutoffs[1]` ago `bins − 1`, …, and
   * one absent for longer than the last cut-off scores 1. Frequency and monetary value stay quantile scores.
   */
  readonly recencyCutoffs?: readonly number[];
}

/** The R, F and M scores of one customer, in 1…bins (higher is better). */
export interface RfmScore {
  /** The input row's `customer`, when it has one. */
  readonly customer?: unknown;
  /** Recency score: customers whose last purchase is most recent (smallest T − recency) score highest. */
  readonly recencyScore: number;
  /** Frequency score: more repeat purchase periods score higher. */
  readonly frequencyScore: number;
  /** Monetary score: a higher mean repeat-period value scores higher. */
  readonly monetaryScore: number;
}

/** Largest accepted number of bins; beyond it a "quantile" is no longer a useful score. */
const MAX_BINS = 1000;

/**
 * RFM scores: each customer's recency, frequency and monetary value ranked into quantile bins.
 *
 * Customers are sorted by each measure and the sorted list is cut into `bins` groups of (as near
 * as possible) equal size; a customer's score is the number of its group, 1 for the lowest values
 * and `bins` for the highest. Recency is reversed: it is scored on the time since the last purchase,
 * T − recency (the summary's `recency` counts from the first purchase, so it is not comparable
 * between customers of different age), and the most recent buyers score highest.
 *
 * ```text
 * n       = number of customers
 * k       = 0-based position of the first customer with this value in ascending order
 *           (for recency: ascending order of −(T − recency))
 * score   = ⌊k · bins / n⌋ + 1                                      (1 … bins)
 * ```
 *
 * Ties are broken deterministically and without regard to input order: customers with equal values
 * always share a score, the score of the lowest position their value occupies (pandas'
 * `rank(method='min')` cut into equal-width rank bins). So the lowest value always scores 1, scores
 * never decrease as the value grows, the result does not depend on the order of the rows, and bins
 * are balanced up to ties: with distinct values every bin holds ⌊n/bins⌋ or ⌈n/bins⌉ customers,
 * while a large tie group (many customers with frequency 0) fills its bin and may leave the next
 * ones empty. Customers without repeat purchases have monetaryValue 0 and so the lowest monetary
 * score.
 *
 * **Quantile recency is relative, and misleads on old data.** The best fifth of a log in which
 * nobody has bought for a year still scores 5. On the full CDNOW log (23,570 customers, observed to the last
 * order, weekly units) every recency score 3–4 customer without a repeat purchase last bought 66–69 weeks
 * before the end, and {@link rfmSegment}'s default table calls all 3,375 of them "Promising". When the names must
 * mean what they say, score recency against absolute cut-offs (`recencyCutoffs`: the same scale, `bins`
 * for the most recent) chosen for the business, e.g. `[4, 13, 26, 52]` weeks; then a score 3 means a purchase
 * within 26 weeks, whatever the rest of the log looks like:
 *
 * ```text
 * with recencyCutoffs c₁ < c₂ < … < c_{bins−1}:
 * recencyScore = bins − #{ j : T − recency > c_j }                  (bins … 1)
 * ```
 *
 * @param summary - Rows with `frequency`, `recency`, `T` (same time unit) and `monetaryValue`, such
 *   as the output of {@link rfmSummary}; `customer` is copied when present.
 * @param options - `bins` (default 5); `recencyCutoffs` (absolute recency scores, `bins − 1` increasing
 *   non-negative times since the last purchase).
 * @returns One score row per input row, in input order; an empty array for an empty summary.
 * @throws {TypeError} When `summary` is not an array or iterable of objects, a field is not a
 *   number, or `options` is not an object.
 * @throws {RangeError} When a field is not finite, `frequency`, `recency` or `T` is negative,
 *   `recency` exceeds `T`, `bins` is not an integer from 1 to 1000, or `recencyCutoffs` does not hold
 *   `bins − 1` finite, non-negative, strictly increasing numbers (a `TypeError` when it is not an array).
 * @example
 * ```ts
 * import { rfmScores } from 'loyalty-metrics';
 *
 * const scores = rfmScores(
 *   [
 *     { customer: 'a', frequency: 5, recency: 30, T: 31, monetaryValue: 40 },
 *     { customer: 'b', frequency: 0, recency: 0, T: 20, monetaryValue: 0 },
 *     { customer: 'c', frequency: 2, recency: 5, T: 24, monetaryValue: 15 },
 *   ],
 *   { bins: 3 },
 * );
 * scores[0]; // => { customer: 'a', recencyScore: 3, frequencyScore: 3, monetaryScore: 3 }
 * scores[1]; // => { customer: 'b', recencyScore: 1, frequencyScore: 1, monetaryScore: 1 }
 * scores[2]; // => { customer: 'c', recencyScore: 2, frequencyScore: 2, monetaryScore: 2 }
 * // absolute recency: last purchase at most 2 (score 3) or 10 (score 2) periods ago, else 1
 * const cut = rfmScores(
 *   [
 *     { frequency: 5, recency: 30, T: 31, monetaryValue: 40 },
 *     { frequency: 2, recency: 5, T: 24, monetaryValue: 15 },
 *   ],
 *   { bins: 3, recencyCutoffs: [2, 10] },
 * );
 * cut.map((s) => s.recencyScore); // => [3, 1]
 * ```
 * @category RFM
 */
export function rfmScores(summary: Iterable<RfmScoresInput>, options?: RfmScoresOptions): RfmScore[] {
  const fn = 'rfmScores';
  const rows = rowsOf(fn, 'summary', summary);
  const opts = readOptions(fn, options, ['bins', 'recencyCutoffs']);
  const bins = requirePositiveInteger(fn, 'options.bins', withDefault(opts.bins, 5));
  if (bins > MAX_BINS) outOfRange(fn, 'options.bins', bins, `must not exceed ${MAX_BINS}`);
  const cutoffs = opts.recencyCutoffs === undefined ? undefined : readCutoffs(fn, opts.recencyCutoffs, bins);
  const n = rows.length;
  const sinceLast = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = requireObject(fn, rowArgument('summary', i), rows[i]);
    const x = requireNumber(fn, rowArgument('summary', i, 'frequency'), row.frequency);
    const tx = requireNumber(fn, rowArgument('summary', i, 'recency'), row.recency);
    const T = requireNumber(fn, rowArgument('summary', i, 'T'), row.T);
    const m = requireNumber(fn, rowArgument('summary', i, 'monetaryValue'), row.monetaryValue);
    if (x < 0) outOfRange(fn, rowArgument('summary', i, 'frequency'), x, 'must not be negative');
    if (tx < 0) outOfRange(fn, rowArgument('summary', i, 'recency'), tx, 'must not be negative');
    if (tx > T) outOfRange(fn, rowArgument('summary', i, 'recency'), tx, `must not exceed T (${describeValue(T)})`);
    // Negated so that ascending order puts the longest-absent customers first (score 1).
    sinceLast[i] = -(T - tx);
    frequency[i] = x;
    monetary[i] = m;
  }
  const r = cutoffs === undefined ? quantileScores(sinceLast, bins) : cutoffScores(sinceLast, cutoffs, bins);
  const f = quantileScores(frequency, bins);
  const mo = quantileScores(monetary, bins);
  const out: RfmScore[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i] as Readonly<Record<string, unknown>>;
    const scores = { recencyScore: r[i] as number, frequencyScore: f[i] as number, monetaryScore: mo[i] as number };
    out[i] = 'customer' in row ? { customer: row.customer, ...scores } : scores;
  }
  return out;
}

/** Reads `recencyCutoffs`: `bins − 1` finite, non-negative, strictly increasing numbers (copied). */
function readCutoffs(fn: string, value: unknown, bins: number): Float64Array {
  if (!Array.isArray(value))
    typeFail(fn, `recencyCutoffs must be an array of numbers, got ${describeValue(value)}`, {
      argument: 'options.recencyCutoffs',
      value,
    });
  const list = value as readonly unknown[];
  if (list.length !== bins - 1)
    rangeFail(
      fn,
      `recencyCutoffs must hold bins − 1 = ${bins - 1} cut-offs (one between each two scores), got ${list.length}`,
      { argument: 'options.recencyCutoffs', value },
    );
  const out = new Float64Array(list.length);
  for (let j = 0; j < list.length; j++) {
    const c = requireNumber(fn, `options.recencyCutoffs[${j}]`, list[j]);
    if (c < 0) outOfRange(fn, `options.recencyCutoffs[${j}]`, c, 'must not be negative');
    if (j > 0 && !(c > (out[j - 1] as number)))
      outOfRange(fn, `options.recencyCutoffs[${j}]`, c, `must be greater than the cut-off before it (${out[j - 1]})`);
    out[j] = c;
  }
  return out;
}

/** Scores each (negated) time since the last purchase against absolute cut-offs: `bins` within the first. */
function cutoffScores(negatedSinceLast: Float64Array, cutoffs: Float64Array, bins: number): Uint16Array {
  const n = negatedSinceLast.length;
  const scores = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const since = -(negatedSinceLast[i] as number);
    let above = 0;
    while (above < cutoffs.length && since > (cutoffs[above] as number)) above++;
    scores[i] = bins - above;
  }
  return scores;
}

/** Scores each value by the equal-count rank bin of the first position its value takes in ascending order. */
function quantileScores(values: Float64Array, bins: number): Uint16Array {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (values[a] as number) - (values[b] as number));
  const scores = new Uint16Array(n);
  let groupStart = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    if (k > 0 && values[i] !== values[order[k - 1] as number]) groupStart = k;
    scores[i] = Math.floor((groupStart * bins) / n) + 1;
  }
  return scores;
}
