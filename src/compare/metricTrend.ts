import { readOptions, requireArrayLike, requireNumber, requirePositiveInteger } from '../internal/validate.ts';

/** Options for {@link metricTrend}. */
export interface MetricTrendOptions {
  /**
   * How many changes before the latest one form the reference range, a positive integer. Default: all of
   * them. When fewer exist, all that exist are used.
   */
  readonly lookback?: number;
}

/** One period of a {@link metricTrend} result. */
export interface MetricTrendPeriod {
  /** Position of the period in the input (0 = oldest). */
  readonly index: number;
  /** The metric in this period. */
  readonly value: number;
  /** value − previous value; `NaN` for the first period. */
  readonly change: number;
  /** (value − previous) / |previous|; `NaN` for the first period and when the previous value is 0. */
  readonly relativeChange: number;
}

/** Result of {@link metricTrend}. */
export interface MetricTrendResult {
  /** Every period with its change from the one before, oldest first. */
  readonly periods: readonly MetricTrendPeriod[];
  /** Change of the latest period; `NaN` with fewer than two values. */
  readonly latestChange: number;
  /** Relative change of the latest period; `NaN` with fewer than two values or a previous value of 0. */
  readonly latestRelativeChange: number;
  /** Number of earlier changes the range was taken from (0 when there are none). */
  readonly lookback: number;
  /** [smallest, largest] of those earlier changes; `[NaN, NaN]` when there are none. */
  readonly range: readonly [number, number];
  /** `true` when the latest change is strictly below or above `range`. */
  readonly outsideRange: boolean;
  /** `'rise'` when the latest change exceeds the range, `'drop'` when below it, `'none'` otherwise. */
  readonly flag: 'rise' | 'drop' | 'none';
}

/**
 * Period-over-period change of any metric, with a simple flag when the latest change is unusual.
 *
 * Give it one value per consecutive period (monthly retention, weekly NPS, daily revenue) in time
 * order. Each period gets its absolute and relative change; the latest change is then compared with the
 * range of the `lookback` changes before it, and flagged when it falls outside. This is a deliberately
 * simple, assumption-free monitoring rule — no seasonality, no distribution — meant to catch "this month
 * moved more than in any of the last six".
 *
 * ```text
 * changeᵢ         = vᵢ − vᵢ₋₁                  relativeChangeᵢ = changeᵢ / |vᵢ₋₁|
 * range           = [min, max] of change_{n−1−k} … change_{n−2}       (k = lookback)
 * outsideRange    = change_{n−1} < min  or  change_{n−1} > max
 * ```
 *
 * Changes are in the metric's units (points of a fraction for rates); relative changes are fractions.
 *
 * @param values - The metric per period, oldest first (an array or typed array of finite numbers).
 * @param options - `lookback` (default: all earlier changes).
 * @returns Per-period changes, the latest change, the reference range and the flag. With fewer than
 *   three values there is no earlier change: `range` is `[NaN, NaN]` and nothing is flagged.
 * @throws {TypeError} When `values` is not an array or a value is not a number.
 * @throws {RangeError} When a value is NaN or infinite, or `lookback` is not a positive integer.
 * @example
 * ```ts
 * import { metricTrend } from 'loyalty-metrics';
 *
 * const trend = metricTrend([0.81, 0.82, 0.80, 0.81, 0.74], { lookback: 3 });
 * trend.latestChange; // => -0.07
 * trend.range; // => [-0.02, 0.01]
 * trend.flag; // => 'drop'
 * ```
 * @category Compare
 */
export function metricTrend(values: ArrayLike<number>, options?: MetricTrendOptions): MetricTrendResult {
  const fn = 'metricTrend';
  const list = requireArrayLike(fn, 'values', values);
  const lookbackOption = readOptions(fn, options, ['lookback']).lookback;
  const maxLookback =
    lookbackOption === undefined ? Infinity : requirePositiveInteger(fn, 'options.lookback', lookbackOption);
  const n = list.length;
  const periods: MetricTrendPeriod[] = [];
  let previous = Number.NaN;
  for (let i = 0; i < n; i++) {
    const value = requireNumber(fn, `values[${i}]`, list[i]);
    const change = value - previous;
    periods.push({
      index: i,
      value,
      change,
      relativeChange: previous === 0 ? Number.NaN : change / Math.abs(previous),
    });
    previous = value;
  }
  const latest = periods[n - 1];
  const latestChange = latest === undefined ? Number.NaN : latest.change;
  const latestRelativeChange = latest === undefined ? Number.NaN : latest.relativeChange;
  // Earlier changes are those of periods 1 … n − 2; take the last `lookback` of them.
  const lookback = Math.max(0, Math.min(maxLookback, n - 2));
  let min = Infinity;
  let max = -Infinity;
  for (let i = n - 1 - lookback; i < n - 1; i++) {
    const change = (periods[i] as MetricTrendPeriod).change;
    if (change < min) min = change;
    if (change > max) max = change;
  }
  const flag = lookback === 0 ? 'none' : latestChange > max ? 'rise' : latestChange < min ? 'drop' : 'none';
  return {
    periods,
    latestChange,
    latestRelativeChange,
    lookback,
    range: lookback === 0 ? [Number.NaN, Number.NaN] : [min, max],
    outsideRange: flag !== 'none',
    flag,
  };
}
