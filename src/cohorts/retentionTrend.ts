import { readCountTable } from '../internal/cohorts/matrixInput.ts';
import { zForConfidence } from '../internal/normal.ts';
import { proportionTrend } from '../internal/proportionTrend.ts';
import { createPeriodIndexer } from '../internal/time/indexer.ts';
import { PERIOD_KINDS } from '../internal/time/periodKinds.ts';
import {
  describeValue,
  rangeFail,
  readOptions,
  requireConfidenceLevel,
  typeFail,
  withDefault,
} from '../internal/validate.ts';
import { wilsonBounds } from '../internal/wilson.ts';
import type { Period } from '../types.ts';
import type { CohortCountRow } from './types.ts';

/** Options of {@link retentionTrend}. */
export interface RetentionTrendOptions {
  /** Confidence level of the cell intervals, the slope interval and the band, in (0, 1). Default 0.95. */
  readonly confidenceLevel?: number;
}

/** One cohort of a {@link retentionTrend}. */
export interface RetentionTrendPoint {
  readonly label: string;
  /** Periods since the first cohort of the matrix (its position when the matrix has no period and starts). */
  readonly x: number;
  readonly size: number;
  /** Customers counted in the column. */
  readonly count: number;
  /** count / size. */
  readonly rate: number;
  /** Wilson interval of the rate. */
  readonly lower: number;
  readonly upper: number;
  /** Whether the column had ended; only complete cells enter the fit. */
  readonly complete: boolean;
  /**
   * The trend line at x (NaN when there is no trend; a straight line, so it may leave [0, 1] far from the
   * data), and its pointwise band, both bounds clipped to [0, 1].
   */
  readonly fitted: number;
  readonly fittedLower: number;
  readonly fittedUpper: number;
}

/** Result of {@link retentionTrend}. */
export interface RetentionTrendResult {
  readonly column: number;
  readonly confidenceLevel: number;
  /** Cohorts whose column is observable, in time order. */
  readonly points: RetentionTrendPoint[];
  /** Complete cells in the fit. */
  readonly cohorts: number;
  /** Σ counts / Σ size over the complete cells. */
  readonly pooledRate: number;
  /** Change of the rate per period of cohort start (a fraction per period); NaN with fewer than two x. */
  readonly slope: number;
  readonly standardError: number;
  readonly slopeInterval: readonly [number, number];
  /** Cochran–Armitage statistic slope / standardError. */
  readonly z: number;
  /** Two-sided p-value of "no linear trend". */
  readonly pValue: number;
}

/**
 * Is period-k retention drifting across cohorts? The day/week/month-k retention of every cohort with its Wilson
 * interval, a straight line through them weighted by cohort size, its band, and the Cochran–Armitage test of
 * "no linear trend".
 *
 * ```text
 * cohort i: xᵢ = counts[k], nᵢ = size, tᵢ = periods from the first cohort's start to cohort i's (complete cells only)
 * p̄ = Σ xᵢ / Σ nᵢ,  t̄ = Σ nᵢ tᵢ / Σ nᵢ,  Sₜₜ = Σ nᵢ (tᵢ − t̄)²
 * slope = Σ xᵢ (tᵢ − t̄) / Sₜₜ        SE = √(p̄(1 − p̄) / Sₜₜ)        z = slope / SE   (Armitage 1955)
 * fitted(t) = p̄ + slope (t − t̄)   band = fitted ± z_{1−α/2} √(p̄(1 − p̄)(1/Σ nᵢ + (t − t̄)² / Sₜₜ))
 * ```
 *
 * The slope is the weighted least-squares slope of the rates on the start period, weighted by cohort size; the
 * standard errors are binomial under "no trend" (the Cochran–Armitage test), so a band narrower than the
 * scatter of the cohorts says that the cohorts differ by more than sampling noise. Cells still in progress are
 * listed (with the line at their x) but left out of the fit. Gaps between cohorts count: t is measured in
 * periods of the matrix (`period`, `timeZone`, `weekStartsOn`, `yearStartsOn` as the matrix gives them), or is
 * the cohort's position when the matrix carries no period or `start`.
 *
 * @param matrix - A `retentionMatrix` / `cohortRetention` result (or `{ cohorts: [{ label, size, counts, complete, start? }], period? }`).
 * @param column - The column k (a non-negative integer).
 * @param options - `confidenceLevel` (default 0.95).
 * @returns The points, the line and the test; with fewer than two distinct start periods among the complete
 *   cells, the slope, its interval, z, p-value and the fitted values are NaN.
 * @throws {TypeError} When the matrix has the wrong kind or `column` is not a number.
 * @throws {RangeError} When `column` is not a non-negative integer, a count is not an integer in [0, size], or
 *   `confidenceLevel` is not in (0, 1).
 * @example
 * ```ts
 * import { retentionTrend } from 'loyalty-metrics';
 *
 * const matrix = {
 *   cohorts: [
 *     { label: 'Jan', size: 400, counts: [400, 120], complete: [true, true] },
 *     { label: 'Feb', size: 400, counts: [400, 100], complete: [true, true] },
 *     { label: 'Mar', size: 400, counts: [400, 80], complete: [true, true] },
 *     { label: 'Apr', size: 400, counts: [400, 20], complete: [true, false] },
 *   ],
 * };
 * const trend = retentionTrend(matrix, 1);
 * // 30 %, 25 %, 20 %: five points fewer per cohort; April's month is still running and is left out
 * [trend.cohorts, trend.slope, trend.pooledRate]; // => [3, -0.05, 0.25]
 * [trend.z, trend.pValue]; // => [-3.266, 0.0011]
 * trend.points[3]; // => { label: 'Apr', x: 3, rate: 0.05, complete: false, fitted: 0.15 }
 * ```
 * @category Cohorts
 */
export function retentionTrend(
  matrix: {
    readonly cohorts: readonly Pick<CohortCountRow, 'label' | 'size' | 'counts' | 'complete'>[];
    readonly period?: Period;
  },
  column: number,
  options?: RetentionTrendOptions,
): RetentionTrendResult {
  const fn = 'retentionTrend';
  const table = readCountTable(fn, 'matrix', matrix);
  if (typeof column !== 'number')
    typeFail(fn, `column must be a number, got ${describeValue(column)}`, { argument: 'column', value: column });
  if (!Number.isInteger(column) || column < 0)
    rangeFail(fn, `column (${describeValue(column)}) must be a non-negative integer`, {
      argument: 'column',
      value: column,
    });
  const level = requireConfidenceLevel(
    fn,
    withDefault(readOptions(fn, options, ['confidenceLevel']).confidenceLevel, 0.95),
    'options.confidenceLevel',
  );
  const zc = zForConfidence(level);
  // x: periods since the first cohort's period, when the matrix says which periods; else positions
  const known = table.period !== null && Object.hasOwn(PERIOD_KINDS, table.period);
  const indexer =
    known && table.cohorts.every((c) => Number.isFinite(c.start))
      ? createPeriodIndexer(fn, {
          period: table.period as Period,
          timeZone: table.timeZone,
          weekStartsOn: table.weekStartsOn,
          yearStartsOn: table.yearStartsOn,
        })
      : null;
  const first = table.cohorts[0];
  const origin = indexer === null || first === undefined ? 0 : indexer.index(first.start);
  const xs: number[] = [];
  const xOf = table.cohorts.map((c, i) => (indexer === null ? i : indexer.index(c.start) - origin));
  const successes: number[] = [];
  const trials: number[] = [];
  table.cohorts.forEach((c, i) => {
    if (column < c.counts.length && c.complete[column] === true && c.size > 0) {
      xs.push(xOf[i] as number);
      successes.push(c.counts[column] as number);
      trials.push(c.size);
    }
  });
  const t = proportionTrend(xs, successes, trials);
  const q = t.pooledRate * (1 - t.pooledRate);
  const points: RetentionTrendPoint[] = [];
  table.cohorts.forEach((c, i) => {
    if (column >= c.counts.length) return;
    const x = xOf[i] as number;
    const count = c.counts[column] as number;
    const [lower, upper] = wilsonBounds(count, c.size, zc);
    const d = x - t.meanScore;
    const fitted = t.pooledRate + t.slope * d;
    const half = zc * Math.sqrt(q * (1 / t.n + (d * d) / t.sxx));
    points.push({
      label: c.label,
      x,
      size: c.size,
      count,
      rate: count / c.size,
      lower,
      upper,
      complete: c.complete[column] as boolean,
      fitted,
      fittedLower: clamp01(fitted - half),
      fittedUpper: clamp01(fitted + half),
    });
  });
  const margin = zc * t.standardError;
  return {
    column,
    confidenceLevel: level,
    points,
    cohorts: xs.length,
    pooledRate: t.pooledRate,
    slope: t.slope,
    standardError: t.standardError,
    slopeInterval: [t.slope - margin, t.slope + margin],
    z: t.z,
    pValue: t.pValue,
  };
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}
