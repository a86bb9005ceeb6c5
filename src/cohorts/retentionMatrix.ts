import { completeAverage, retentionCohorts, runCohortKernel, runRetentionKernel } from '../internal/cohortKernel.ts';
import { previousAverage, previousReference, recurringCells, thinCells } from '../internal/cohorts/cellVariants.ts';
import { readCohortExtras } from '../internal/input/cohortExtras.ts';
import { COHORT_EVENT_KEYS, type EventLog, readEventLog } from '../internal/input/eventLog.ts';
import {
  COHORT_SETTING_KEYS,
  type CohortSettings,
  RETENTION_MODE_KEYS,
  readCohortSettings,
  readRetentionMode,
} from '../internal/input/settings.ts';
import type { Period } from '../types.ts';
import { averageBounds, cellBounds } from '../internal/cohorts/cellIntervals.ts';
import { zForConfidence } from '../internal/normal.ts';
import {
  describeValue,
  rangeFail,
  readOptions,
  requireConfidenceLevel,
  requireOneOf,
  requirePositiveInteger,
  withDefault,
} from '../internal/validate.ts';
import type { BuildCohortsOptions } from './buildCohorts.ts';
import type { CohortEventLogColumns, CohortWindows, RetentionBracket, RetentionCohort } from './types.ts';

/** Retention modes: what `counts[k]` counts. */
export interface RetentionModeOptions {
  /**
   * `'on'` (default): customers active in column k. `'onOrAfter'`: active in column k or any later observable
   * column ("unbounded" retention).
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
  /**
   * Frequency threshold: a customer counts as active in a column only with at least this many activity events
   * in it (a positive integer; default 1). Cohorts keep every member; column 0 may then be below 100 %.
   */
  readonly minEvents?: number;
  /**
   * `'first'` (default): a customer belongs to the cohort of their first event (or `startEvent`, or cohort date).
   * `'recurring'`: every period a customer is active in starts a membership of that period's cohort (calendar
   * windows only, without `cohort` dates or `startEvent`): "of the customers active in March, how many are
   * active k months later?".
   */
  readonly membership?: 'first' | 'recurring';
  /**
   * `'cohort'` (default): rates[k] = counts[k] / size. `'previous'`: rates[k] = counts[k] / counts[k − 1] (and
   * the average Σ counts[k] / Σ counts[k − 1] over complete cohorts), the share kept from one column to the next.
   */
  readonly reference?: 'cohort' | 'previous';
}

/** A cohort row of {@link retentionMatrix}: a {@link RetentionCohort}, with cell intervals when asked for. */
export interface RetentionMatrixCohort extends RetentionCohort {
  /** With `confidenceLevel`: Wilson lower bound of `rates[k]` (counts[k] of size). */
  readonly lower?: number[];
  /** With `confidenceLevel`: Wilson upper bound of `rates[k]`. */
  readonly upper?: number[];
}

/** A retention matrix: one row per cohort, one column per period (or bracket) since the cohort start. */
export interface RetentionMatrixResult {
  readonly period: Period;
  readonly windows: CohortWindows;
  readonly timeZone: string;
  readonly weekStartsOn: number;
  /** First month of quarters and years (1 = January … 12 = December; fiscal years otherwise). */
  readonly yearStartsOn: number;
  /** Observation end used (epoch ms); `null` for an empty log without an explicit end. */
  readonly observationEnd: number | null;
  readonly mode: 'on' | 'onOrAfter' | 'brackets';
  /** The brackets when `mode` is `'brackets'`, else `null`. */
  readonly brackets: readonly RetentionBracket[] | null;
  /** Cohorts in time order (cohorts without customers are not listed). */
  readonly cohorts: RetentionMatrixCohort[];
  /** Per column: Σ counts / Σ size over cohorts whose column is complete; `null` where none is. */
  readonly average: (number | null)[];
  /** How cohorts were formed; present when an option of the variants was not the default. */
  readonly membership?: 'first' | 'recurring';
  /** What the rates are relative to; present when an option of the variants was not the default. */
  readonly reference?: 'cohort' | 'previous';
  /** The frequency threshold used; present when an option of the variants was not the default. */
  readonly minEvents?: number;
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
 * stop at its last column observable by `observationEnd`; `complete[k]` says whether column k had fully ended.
 * Boundary rules: an event exactly at `observationEnd` counts; a period starting exactly at `observationEnd`
 * is observable; a period is complete when it ends at or before `observationEnd`. With rolling windows, column k
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
 * average[k] = Σ counts[k] / Σ size   over cohorts with complete[k]
 * ```
 *
 * With `confidenceLevel`, every cell gets a Wilson score interval (`lower[k]`, `upper[k]`) of counts[k] out of
 * size, and the average row one of Σ counts out of Σ size over its complete cohorts (`averageLower`,
 * `averageUpper`): the customers of those cohorts taken as one binomial sample, which is what weighting each
 * cohort's rate by its size means. It describes sampling noise only, not drift between cohorts; use
 * `retentionTrend` for that and `compareRetention` to test two cohorts.
 *
 * ```text
 * lower[k], upper[k] = Wilson(counts[k], size, z)          z from confidenceLevel (1.96 at 95 %)
 * averageLower[k], averageUpper[k] = Wilson(Σ counts[k], Σ size, z)   over cohorts with complete[k]
 * ```
 *
 * Three variants. `minEvents: n` counts a customer in a column only with at least n activity events in it
 * (frequency-threshold retention: "ordered at least twice in month k"). `membership: 'recurring'` lets every
 * active period start a membership, so row p holds everyone active in period p and column k the share of them
 * active in period p + k (calendar windows; a customer is in as many rows as periods they were active in).
 * `reference: 'previous'` divides each column by the one before (counts[k] / counts[k − 1]): with `onOrAfter`
 * the counts are nested, so it is the share of the customers still there at k − 1 who are still there at k,
 * and its intervals are Wilson intervals of counts[k] out of counts[k − 1] (other modes have no intervals with
 * this reference, since their counts are not nested); rates are NaN where counts[k − 1] is 0.
 *
 * ```text
 * minEvents n:  column k of customer c is active ⇔ #{ activity events of c in k } ≥ n
 * recurring:    members(p) = #{ c active in p },  counts_p[k] = #{ c active in p and in p + k }   (mode on)
 * previous:     rates[k] = counts[k] / counts[k − 1],  average[k] = Σ counts[k] / Σ counts[k − 1]
 * ```
 *
 * Rates are fractions in [0, 1]; period 0 is 1 for first-event cohorts. Events may be unsorted and duplicated;
 * the same instant written with different offsets is the same event. For speed pass columns
 * (`{ customer, time }` with typed arrays, epoch ms) — same result as rows.
 *
 * @param events - Rows (array or iterable) read with the accessors, or columns {@link CohortEventLogColumns}.
 * @param options - `customer`, `time` (rows), `period` (default `'day'`), `mode` (`'on'`), `brackets`,
 *   `windows` (`'calendar'`), `timeZone` (`'UTC'`), `weekStartsOn` (1), `yearStartsOn` (1), `observationEnd`, `cohort`,
 *   `startEvent`, `returnEvent`, `confidenceLevel` (none), `minEvents` (1), `membership` (`'first'`),
 *   `reference` (`'cohort'`).
 * @returns The matrix; `average[k]` is `null` where no cohort's column k is complete.
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
 * m.cohorts[0]; // => { label: '2024-01-01', size: 2, counts: [2, 1, 1], rates: [1, 0.5, 0.5], complete: [true, true, false] }
 * m.average; // => [1, 0.5, null]
 * retentionMatrix(events, { customer: 'user', time: 'at', mode: 'onOrAfter' }).cohorts[0].counts; // => [2, 2, 1]
 * // 95 % Wilson intervals: 1 of 2 is (0.0945, 0.9055); the average of column 1 pools 2 of 3 customers
 * const ci = retentionMatrix(events, { customer: 'user', time: 'at', confidenceLevel: 0.95 });
 * [ci.cohorts[0].lower, ci.cohorts[0].upper]; // => [[0.3424, 0.0945, 0.0945], [1, 0.9055, 0.9055]]
 * [ci.averageLower, ci.averageUpper]; // => [[0.4385, 0.0945, null], [1, 0.9055, null]]
 * // recurring: every active day starts a membership: day 1's row holds a and b, day 2's a and c
 * retentionMatrix(events, { customer: 'user', time: 'at', membership: 'recurring' }).cohorts.map((c) => [c.label, c.counts]); // => [['2024-01-01', [2, 1, 1]], ['2024-01-02', [2, 1]], ['2024-01-03', [2]]]
 * // at least two events a day: nobody
 * retentionMatrix(events, { customer: 'user', time: 'at', minEvents: 2 }).cohorts[0].counts; // => [0, 0, 0]
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
    'minEvents',
    'membership',
    'reference',
  ]);
  const settings = readCohortSettings(fn, opts);
  const { mode, brackets } = readRetentionMode(fn, opts);
  const confidenceLevel =
    opts.confidenceLevel === undefined
      ? undefined
      : requireConfidenceLevel(fn, opts.confidenceLevel, 'options.confidenceLevel');
  const minEvents = requirePositiveInteger(fn, 'options.minEvents', withDefault(opts.minEvents, 1));
  const membership = requireOneOf(fn, 'options.membership', withDefault(opts.membership, 'first'), [
    'first',
    'recurring',
  ] as const);
  const reference = requireOneOf(fn, 'options.reference', withDefault(opts.reference, 'cohort'), [
    'cohort',
    'previous',
  ] as const);
  if (membership === 'recurring') {
    for (const key of ['cohort', 'startEvent'] as const)
      if (opts[key] !== undefined)
        rangeFail(fn, `membership 'recurring' starts a membership at every active period; it cannot use ${key}`, {
          argument: `options.${key}`,
        });
    if (settings.windows === 'rolling')
      rangeFail(fn, "membership 'recurring' needs calendar windows (rolling windows start at each customer's start)", {
        argument: 'options.membership',
        value: membership,
      });
  }
  if (reference === 'previous' && confidenceLevel !== undefined && mode !== 'onOrAfter')
    rangeFail(
      fn,
      `intervals with reference 'previous' need mode 'onOrAfter' (only its counts are nested), got mode ${describeValue(mode)}`,
      { argument: 'options.confidenceLevel', value: confidenceLevel },
    );
  const data = readEventLog(fn, events, opts, {
    name: 'events',
    timeZone: settings.timeZone,
    value: false,
    extras: readCohortExtras,
  });
  const variant = minEvents > 1 || membership === 'recurring';
  let { observationEnd, cohorts } = variant
    ? variantCohorts(fn, data, settings, mode, brackets, minEvents, membership)
    : runRetentionKernel(fn, data, settings, mode, brackets);
  const previous = reference === 'previous';
  if (previous) cohorts = previousReference(cohorts);
  const average = previous ? previousAverage(cohorts) : completeAverage(cohorts);
  const meta = {
    period: settings.period,
    windows: settings.windows,
    timeZone: settings.timeZone,
    weekStartsOn: settings.weekStartsOn,
    yearStartsOn: settings.yearStartsOn,
    observationEnd: Number.isNaN(observationEnd) ? null : observationEnd,
    mode,
    brackets,
    ...(variant || previous ? { membership, reference, minEvents } : {}),
  };
  if (confidenceLevel === undefined) return { ...meta, cohorts, average };
  const z = zForConfidence(confidenceLevel);
  const bounds = averageBounds(cohorts, z, previous);
  return {
    ...meta,
    cohorts: cohorts.map((c) => ({ ...c, ...cellBounds(c, z, previous) })),
    average,
    confidenceLevel,
    averageLower: bounds.lower,
    averageUpper: bounds.upper,
  };
}

/** Frequency-threshold and recurring tables: from the kernel's cell lists, counted like a cohort index. */
function variantCohorts(
  fn: string,
  data: EventLog,
  settings: CohortSettings,
  mode: 'on' | 'onOrAfter' | 'brackets',
  brackets: readonly RetentionBracket[] | null,
  minEvents: number,
  membership: 'first' | 'recurring',
): { observationEnd: number; cohorts: RetentionCohort[] } {
  const k = runCohortKernel(fn, data, settings, minEvents > 1);
  const thin = thinCells(k, minEvents);
  if (membership === 'first' || k.rows.length === 0)
    return { observationEnd: k.observationEnd, cohorts: retentionCohorts(thin, mode, brackets) };
  const endPeriod = settings.indexer.index(k.observationEnd);
  const cells = recurringCells(fn, { ...thin, rows: k.rows }, settings.indexer, endPeriod);
  return { observationEnd: k.observationEnd, cohorts: retentionCohorts(cells, mode, brackets) };
}
