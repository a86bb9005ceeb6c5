import { completeAverage, runRetentionKernel, withFinal } from '../internal/cohortKernel.ts';
import { readCohortExtras } from '../internal/input/cohortExtras.ts';
import { COHORT_EVENT_KEYS, readEventLog } from '../internal/input/eventLog.ts';
import {
  COHORT_SETTING_KEYS,
  RETENTION_MODE_KEYS,
  readCohortSettings,
  readRetentionMode,
} from '../internal/input/settings.ts';
import { averageBounds, cellBounds } from '../internal/cohorts/cellIntervals.ts';
import { zForConfidence } from '../internal/normal.ts';
import { readOptions, requireConfidenceLevel } from '../internal/validate.ts';
import type { BuildCohortsOptions } from './buildCohorts.ts';
import type { CohortEventLogColumns, CohortMeta, RetentionBracket, RetentionCohort } from './types.ts';

/** Retention modes: what `counts[k]` counts. */
export interface RetentionModeOptions {
  /**
   * `'on'` (default): customers active in column k. `'onOrAfter'`: active in column k or any later observable
   * column ("unbounded" retention); its cells are lower bounds (`final` false) until the cohort has been
   * observed to the matrix's last column.
   */
  readonly mode?: 'on' | 'onOrAfter';
  /**
   * Custom brackets `[from, to]` of columns, inclusive, sorted by `from` (e.g. `[[1, 7], [8, 30]]` with days):
   * the columns of the result are the brackets; a customer counts when active in any column of the bracket.
   */
  readonly brackets?: readonly RetentionBracket[];
}

/** Options of {@link retentionMatrix}: the event options of {@link buildCohorts} plus the mode. */
export interface RetentionMatrixOptions<Row = unknown> extends BuildCohortsOptions<Row>, RetentionModeOptions {
  /**
   * Confidence level of Wilson intervals for every cell and for the average row, strictly between 0 and 1
   * (e.g. 0.95). Omitted: no intervals (the result has no `lower` / `upper` fields).
   */
  readonly confidenceLevel?: number;
}

/** A cohort row of {@link retentionMatrix}: a {@link RetentionCohort}, with cell intervals when asked for. */
export interface RetentionMatrixCohort extends RetentionCohort {
  /** With `confidenceLevel`: Wilson lower bound of `rates[k]` (counts[k] of size). */
  readonly lower?: number[];
  /** With `confidenceLevel`: Wilson upper bound of `rates[k]`. */
  readonly upper?: number[];
}

/** A retention matrix: one row per cohort, one column per period (or bracket) since the cohort start. */
export interface RetentionMatrixResult extends CohortMeta {
  readonly mode: 'on' | 'onOrAfter' | 'brackets';
  /** The brackets when `mode` is `'brackets'`, else `null`. */
  readonly brackets: readonly RetentionBracket[] | null;
  /** Cohorts in time order (cohorts without customers are not listed). */
  readonly cohorts: RetentionMatrixCohort[];
  /** Per column: Σ counts / Σ size over cohorts whose cell is final; `null` where none is. */
  readonly average: (number | null)[];
  /** With `confidenceLevel`: the level used. */
  readonly confidenceLevel?: number;
  /**
   * With `confidenceLevel`: Wilson lower bound of `average[k]`, from Σ counts of Σ size over the complete
   * cohorts (their customers pooled, so each cohort weighs by its size); `null` where `average[k]` is.
   */
  readonly averageLower?: (number | null)[];
  /** With `confidenceLevel`: Wilson upper bound of `average[k]`; `null` where `average[k]` is. */
  readonly averageUpper?: (number | null)[];
}

/**
 * Cohort retention matrix from an event log: for each acquisition cohort, the share of its customers active
 * in each later period.
 *
 * Rows are cohorts (customers grouped by the calendar period of their first event, or of their first
 * `startEvent`, or of their `cohort` date), columns are periods since the cohort's period (calendar windows)
 * or since each customer's own start (rolling windows of 24 h, 7, 30, 91 or 365 days). Each cohort's arrays
 * stop at its last column observable by `observationEnd`; `complete[k]` says whether column k had fully ended,
 * `final[k]` whether its count can no longer change (see below).
 * Boundary rules: an event exactly at `observationEnd` counts; a period starting exactly at `observationEnd`
 * is observable; a period is complete when it ends at or before `observationEnd`. A date-only `observationEnd`
 * (`'2024-02-29'`) covers that whole day in `timeZone` (its events count, and a period ending at the next
 * midnight is complete); a date-time is an instant. Without it, the end is the latest event, its whole day when
 * that event's time is written as a date. With rolling windows, column k
 * is observable once the earliest member's window k has started and complete once the latest member's has
 * ended. With brackets, a bracket is observable once its first column is and complete once its last is.
 * This is the one-call form of `cohortRetention(buildCohorts(events, options), options)` on the same kernel,
 * without per-cell totals.
 *
 * ```text
 * on:         counts[k] = #{ c ∈ cohort : c active in column k }
 * onOrAfter:  counts[k] = #{ c ∈ cohort : c active in some column j ≥ k }
 * brackets:   counts[b] = #{ c ∈ cohort : c active in some column j ∈ [from_b, to_b] }
 * rates[k]   = counts[k] / size
 * average[k] = Σ counts[k] / Σ size   over cohorts with final[k]
 * final[k]   = complete[k]                                      (on, brackets)
 *            = complete[k] ∧ the cohort's row spans the matrix and its last column is complete   (onOrAfter)
 * ```
 *
 * On or after, a complete cell keeps growing as later periods are observed: it is a lower bound (`final`
 * false) until its cohort has been observed to the matrix's last column, and stays out of the average (see
 * "On or after: final cells and lower bounds" in the retention guide).
 *
 * With `confidenceLevel`, every cell gets a Wilson score interval (`lower[k]`, `upper[k]`) of counts[k] out of
 * size, and the average row one of Σ counts out of Σ size over its final cells (`averageLower`,
 * `averageUpper`): the customers of those cohorts taken as one binomial sample, which is what weighting each
 * cohort's rate by its size means. It describes sampling noise only, not drift between cohorts; use
 * `retentionTrend` for that and `compareRetention` to test two cohorts.
 *
 * ```text
 * lower[k], upper[k] = Wilson(counts[k], size, z)          z from confidenceLevel (1.96 at 95 %)
 * averageLower[k], averageUpper[k] = Wilson(Σ counts[k], Σ size, z)   over cohorts with final[k]
 * ```
 *
 * Frequency thresholds (`minEvents`), recurring memberships and the "previous period" reference are options
 * of `cohortRetention(buildCohorts(events))`, which keeps per-cell event counts.
 *
 * Rates are fractions in [0, 1]; period 0 is 1 for first-event cohorts. Events may be unsorted and duplicated;
 * the same instant written with different offsets is the same event. For speed pass columns
 * (`{ customer, time }` with typed arrays, epoch ms) — same result as rows.
 *
 * @param events - Rows (array or iterable) read with the accessors, or columns {@link CohortEventLogColumns}.
 * @param options - `customer`, `time` (rows), `period` (default `'day'`), `mode` (`'on'`), `brackets`,
 *   `windows` (`'calendar'`), `timeZone` (`'UTC'`), `weekStartsOn` (1), `yearStartsOn` (1), `observationEnd`, `cohort`,
 *   `startEvent`, `returnEvent`, `confidenceLevel` (none).
 * @returns The matrix; `average[k]` is `null` where no cohort's column k is final.
 * @throws {TypeError} For an invalid accessor, timestamp (naming the row index and value), customer id, filter
 *   result, or columnar input combined with accessors.
 * @throws {RangeError} For an unknown period, mode, windows or time zone, `weekStartsOn` outside 0–6, `yearStartsOn`
 *   outside 1–12,
 *   invalid brackets, columns of unequal length, or a span too long for the period.
 * @example
 * ```ts
 * import { retentionMatrix } from 'loyalty-metrics';
 *
 * const events = [
 *   { user: 'a', at: '2024-01-01' }, { user: 'a', at: '2024-01-02' },
 *   { user: 'b', at: '2024-01-01' }, { user: 'b', at: '2024-01-03' },
 *   { user: 'c', at: '2024-01-02' }, { user: 'c', at: '2024-01-03' },
 * ];
 * const m = retentionMatrix(events, { customer: 'user', time: 'at', period: 'day' });
 * // a log of dates: its latest day, 2024-01-03, is observed whole
 * m.cohorts[0]; // => { label: '2024-01-01', size: 2, counts: [2, 1, 1], rates: [1, 0.5, 0.5], complete: [true, true, true] }
 * m.average; // => [1, 0.666667, 0.5]
 * // at the instant 2024-01-03T00:00Z the last day has only started
 * retentionMatrix(events, { customer: 'user', time: 'at', observationEnd: '2024-01-03T00:00Z' }).cohorts[0].complete; // => [true, true, false]
 * const after = retentionMatrix(events, { customer: 'user', time: 'at', mode: 'onOrAfter' });
 * after.cohorts[0]; // => { counts: [2, 2, 1], final: [true, true, true] }
 * // 2024-01-02's row stops a column short of the matrix: lower bounds, out of the average
 * after.cohorts[1]; // => { counts: [1, 1], complete: [true, true], final: [false, false] }
 * // 95 % Wilson intervals: 1 of 2 is (0.0945, 0.9055); the average of column 1 pools 2 of 3 customers
 * const ci = retentionMatrix(events, { customer: 'user', time: 'at', confidenceLevel: 0.95 });
 * [ci.cohorts[0].lower, ci.cohorts[0].upper]; // => [[0.3424, 0.0945, 0.0945], [1, 0.9055, 0.9055]]
 * [ci.averageLower, ci.averageUpper]; // => [[0.4385, 0.2077, 0.0945], [1, 0.9385, 0.9055]]
 * ```
 * @category Cohorts
 */
export function retentionMatrix<Row = unknown>(
  events: Iterable<Row> | CohortEventLogColumns,
  options?: RetentionMatrixOptions<Row>,
): RetentionMatrixResult {
  const fn = 'retentionMatrix';
  const opts = readOptions(fn, options, [
    ...COHORT_EVENT_KEYS,
    ...COHORT_SETTING_KEYS,
    ...RETENTION_MODE_KEYS,
    'confidenceLevel',
  ]);
  const settings = readCohortSettings(fn, opts);
  const { mode, brackets } = readRetentionMode(fn, opts);
  const confidenceLevel =
    opts.confidenceLevel === undefined
      ? undefined
      : requireConfidenceLevel(fn, opts.confidenceLevel, 'options.confidenceLevel');
  const data = readEventLog(fn, events, opts, {
    name: 'events',
    timeZone: settings.timeZone,
    value: false,
    extras: readCohortExtras,
  });
  const run = runRetentionKernel(fn, data, settings, mode, brackets);
  const { observationEnd } = run;
  const cohorts = withFinal(run.cohorts, mode === 'onOrAfter');
  const average = completeAverage(cohorts);
  const meta = {
    period: settings.period,
    windows: settings.windows,
    timeZone: settings.timeZone,
    weekStartsOn: settings.weekStartsOn,
    yearStartsOn: settings.yearStartsOn,
    observationEnd: Number.isNaN(observationEnd) ? null : observationEnd,
    mode,
    brackets,
  };
  if (confidenceLevel === undefined) return { ...meta, cohorts, average };
  const z = zForConfidence(confidenceLevel);
  const bounds = averageBounds(cohorts, z);
  return {
    ...meta,
    cohorts: cohorts.map((c) => ({ ...c, ...cellBounds(c, z) })),
    average,
    confidenceLevel,
    averageLower: bounds.lower,
    averageUpper: bounds.upper,
  };
}
