import { LOG_VALUES } from '../internal/input/values.ts';
import { runCohortKernel } from '../internal/cohortKernel.ts';
import { readCohortExtras } from '../internal/input/cohortExtras.ts';
import { COHORT_EVENT_KEYS, readEventLog } from '../internal/input/eventLog.ts';
import { COHORT_SETTING_KEYS, readCohortSettings, readPurchasePeriod } from '../internal/input/settings.ts';
import { readOptions } from '../internal/validate.ts';
import type { Accessor, PeriodGroupingOptions, EventLogOptions, EventValueOptions, Period } from '../types.ts';
import type { CohortEventLogColumns, CohortIndex, CohortWindows } from './types.ts';

/** Options of {@link buildCohorts} (and the event-reading part of {@link retentionMatrix}). */
export interface BuildCohortsOptions<Row = unknown>
  extends EventLogOptions<Row>,
    EventValueOptions<Row>,
    PeriodGroupingOptions {
  /**
   * Cohort date of a row's customer (sign-up date, first purchase of a product…) instead of the first event:
   * property name or function (row input only). A customer's cohort date is the earliest of their rows'.
   */
  readonly cohort?: Accessor<Row>;
  /**
   * `'calendar'` (default): column k is the k-th calendar period after the cohort's period.
   * `'rolling'`: column k is [start + k·w, start + (k + 1)·w) from each customer's own start, w = 24 h, 7, 30,
   * 91 or 365 days for day … year.
   */
  readonly windows?: CohortWindows;
  /** Which events may start a customer's cohort (the first such event does). Default: every event. */
  readonly startEvent?: (row: Row, index: number) => boolean;
  /** Which events count as activity (and purchases). Default: every event. */
  readonly returnEvent?: (row: Row, index: number) => boolean;
  /**
   * Orders of one customer in the same purchase period are one purchase in `cellEvents` (what
   * `cohortPurchaseFrequency`, `cohortAverageOrderValue` and `cohortRepeatPurchaseRate` count), as
   * `rfmSummary` and the models count them. Default `'day'`; any period, or `'event'` to count every row. See
   * "Orders and purchases" in the getting-started guide.
   */
  readonly purchasePeriod?: Period | 'event';
}

/**
 * Builds a reusable cohort index from an event log in one pass: each customer's cohort, and per customer the
 * periods in which they were active, with event counts and value sums.
 *
 * A customer's cohort is the calendar period (in `timeZone`) of their first event — or first `startEvent`
 * event, or their `cohort` date. Column k of a customer is the k-th period after the cohort period
 * (`windows: 'calendar'`), or the k-th rolling window after their own start (`'rolling'`). Events may be
 * unsorted and duplicated; events after `observationEnd` are ignored, and events before a customer's start
 * are not activity. The metric functions ({@link cohortRetention}, {@link cohortChurn},
 * {@link cohortRevenue}, {@link cohortRepeatPurchaseRate}, {@link cohortPurchaseFrequency},
 * {@link cohortAverageOrderValue}, {@link cohortNetPromoterScore}) take the index without re-reading events.
 *
 * ```text
 * cohort(c)   = period(first start event of c)          (or period(cohort date of c))
 * column(e)   = period(e) − cohort(c)                   (calendar)
 *             = ⌊(t(e) − start(c)) / w⌋                 (rolling)
 * observable  : column's first period starts ≤ observationEnd
 * complete    : column's last period ends ≤ observationEnd   (a date-only observationEnd covers its whole day)
 * cellEvents  = #{ distinct purchase periods of c's events in the cell }   (purchasePeriod 'day' by default)
 * ```
 *
 * Orders of one customer on the same day are one purchase (`purchasePeriod`, see "Orders and purchases" in the
 * getting-started guide); `cellValue` sums every row. With no `observationEnd`, the end is the latest event,
 * and its whole day when that event is at local midnight (a log of dates).
 * Memory is proportional to customers × periods (plus 4 bytes per event while building).
 *
 * @param events - Rows (array or iterable) read with the accessors, or columns {@link CohortEventLogColumns}.
 * @param options - Accessors, period, windows, time zone, week start, (fiscal) year start, observation end, event
 *   filters, `purchasePeriod` (default `'day'`).
 * @returns A plain-data {@link CohortIndex}; with no events, no cohorts and `observationEnd` `null`.
 * @throws {TypeError} For a missing or invalid accessor, an invalid timestamp (naming the row and value), a
 *   customer id that is not a string or finite number, a non-boolean filter result, columnar input with
 *   accessors, or `startEvent` together with `cohort`.
 * @throws {RangeError} For an unknown period, windows or time zone, `weekStartsOn` outside 0–6, `yearStartsOn`
 *   outside 1–12, a non-finite
 *   value, columns of unequal length, or a span too long for the period (over 4 million periods).
 * @example
 * ```ts
 * import { buildCohorts, cohortRetention } from 'loyalty-metrics';
 *
 * const index = buildCohorts(
 *   [
 *     { user: 'a', at: '2024-01-03', total: 20 },
 *     { user: 'a', at: '2024-02-10', total: 35 },
 *     { user: 'b', at: '2024-01-20', total: 15 },
 *   ],
 *   { customer: 'user', time: 'at', value: 'total', period: 'month' },
 * );
 * index.cohorts; // => [{ label: '2024-01-01', size: 2, columns: 2, completeColumns: 1 }]
 * cohortRetention(index).cohorts[0].rates; // => [1, 0.5]
 * ```
 * @category Cohorts
 */
export function buildCohorts<Row = unknown>(
  events: Iterable<Row> | CohortEventLogColumns,
  options?: BuildCohortsOptions<Row>,
): CohortIndex {
  const fn = 'buildCohorts';
  const opts = readOptions(fn, options, [...COHORT_EVENT_KEYS, ...COHORT_SETTING_KEYS, 'purchasePeriod']);
  const settings = readCohortSettings(fn, opts);
  const purchases = readPurchasePeriod(fn, opts.purchasePeriod, settings);
  const data = readEventLog(fn, events, opts, {
    name: 'events',
    timeZone: settings.timeZone,
    value: LOG_VALUES,
    extras: readCohortExtras,
  });
  const k = runCohortKernel(fn, data, settings, true, purchases);
  const customers: (string | number)[] = [];
  const customerCohort: number[] = [];
  const customerStart: number[] = [];
  const cellStart: number[] = [0];
  const cellColumn: number[] = [];
  const cellEvents: number[] = [];
  const cellValue: number[] | null = k.cellValue === null ? null : [];
  for (let c = 0; c < k.ids.length; c++) {
    const row = k.customerRow[c] as number;
    if (row < 0) continue;
    customers.push(k.ids[c] as string | number);
    customerCohort.push(row);
    customerStart.push(k.customerStart[c] as number);
    for (let i = k.cellStart[c] as number; i < (k.cellStart[c + 1] as number); i++) {
      cellColumn.push(k.cellColumn[i] as number);
      cellEvents.push((k.cellEvents as Float64Array)[i] as number);
      if (cellValue !== null) cellValue.push((k.cellValue as Float64Array)[i] as number);
    }
    cellStart.push(cellColumn.length);
  }
  return {
    period: settings.period,
    windows: settings.windows,
    timeZone: settings.timeZone,
    weekStartsOn: settings.weekStartsOn,
    yearStartsOn: settings.yearStartsOn,
    observationEnd: Number.isNaN(k.observationEnd) ? null : k.observationEnd,
    purchasePeriod: purchases === null ? 'event' : purchases.period,
    cohorts: k.rows.map(({ label, start, size, columns, completeColumns }) => ({
      label,
      start,
      size,
      columns,
      completeColumns,
    })),
    customers,
    customerCohort,
    customerStart,
    cellStart,
    cellColumn,
    cellEvents,
    cellValue,
  };
}
