import { readCohortEvents, runCohortKernel } from '../internal/cohortKernel.ts';
import { defaultObservationEnd, readCohortSettings } from '../internal/input/settings.ts';
import { eventTimesOf } from '../internal/state/eventTimes.ts';
import { encodeLists, listsFromKernel } from '../internal/state/periodLists.ts';
import { STATE_VERSION } from '../internal/state/stateFields.ts';
import { readOptions } from '../internal/validate.ts';
import type { EventLogColumns, EventLogOptions, PeriodGroupingOptions } from '../types.ts';
import type { CohortState } from './types.ts';

/** Options of {@link cohortState}: the accessors and the calendar (no `observationEnd`: it is applied at finish). */
export interface CohortStateOptions<Row = unknown>
  extends Omit<EventLogOptions<Row>, 'observationEnd'>,
    PeriodGroupingOptions {}

/**
 * The incremental state of cohort activity of an event log: per customer, the calendar periods it was active
 * in, as plain JSON-safe data that {@link mergeCohortStates} merges and {@link finishCohortState} turns into
 * the {@link retentionMatrix} of all the events merged.
 *
 * A daily job keeps yesterday's state (e.g. as JSON), builds the state of today's events, merges the two and
 * finishes the merge for today's table, without reading the history again. For any split of a log into parts
 * (by time, by customer, at random), merging the parts' states in any order and grouping gives the state of
 * the whole log, and finishing it gives exactly what `retentionMatrix` gives on the whole log with the same
 * options (calendar windows, every event starts and counts; `mode`, `brackets` and `observationEnd` are chosen at
 * finish).
 *
 * ```text
 * state   = { customer ↦ set of active periods }  (+ per period: earliest and latest event instant)
 * merge   = union of the sets per customer         (associative, commutative, idempotent)
 * finish  = cohort of c = min(set of c);  c active in column k ⇔ cohort + k ∈ set of c
 * ```
 *
 * Size: customers sorted (numbers, then strings) and, per customer, its periods as varints in base64, about
 * 1 + 1 byte per active period for frequent customers; plus one entry per period with events. Rolling windows,
 * cohort dates and the `startEvent` / `returnEvent` filters are not kept (a customer's rolling windows move when
 * a later part brings an earlier event): use `retentionMatrix` on the log for them.
 *
 * @param events - Rows (array or iterable) read with the accessors, or columns `{ customer, time }`.
 * @param options - `customer`, `time` (rows), `period` (default `'day'`), `timeZone` (`'UTC'`), `weekStartsOn`
 *   (1), `yearStartsOn` (1).
 * @returns The state; `latestEvent` is `null` for a log of no events.
 * @throws {TypeError} For an invalid accessor, timestamp or customer id (naming the row), or columnar input
 *   combined with accessors.
 * @throws {RangeError} For an unknown period or time zone, `weekStartsOn` outside 0–6, `yearStartsOn` outside
 *   1–12, columns of unequal length, or a span too long for the period.
 * @example
 * ```ts
 * import { cohortState, finishCohortState, mergeCohortStates, retentionMatrix } from 'loyalty-metrics';
 *
 * const monday = [{ user: 'a', at: '2024-01-01' }, { user: 'b', at: '2024-01-01' }];
 * const tuesday = [{ user: 'a', at: '2024-01-02' }, { user: 'c', at: '2024-01-02' }];
 * const options = { customer: 'user', time: 'at', period: 'day' } as const;
 * const state = mergeCohortStates([cohortState(monday, options), cohortState(tuesday, options)]);
 * state.customers; // => ['a', 'b', 'c']
 * // the state survives JSON, and finishing it gives the matrix of all the events
 * const matrix = finishCohortState(JSON.parse(JSON.stringify(state)));
 * // a log of dates: its latest day, 2024-01-02, is observed whole
 * matrix.cohorts[0]; // => { label: '2024-01-01', size: 2, counts: [2, 1], rates: [1, 0.5], complete: [true, true] }
 * matrix.average; // => [1, 0.5]
 * matrix.cohorts; // => retentionMatrix([...monday, ...tuesday], options).cohorts
 * ```
 * @category Cohorts
 */
export function cohortState<Row = unknown>(
  events: Iterable<Row> | EventLogColumns,
  options?: CohortStateOptions<Row>,
): CohortState {
  const fn = 'cohortState';
  const opts = readOptions(fn, options, ['customer', 'time', 'period', 'timeZone', 'weekStartsOn', 'yearStartsOn']);
  const settings = readCohortSettings(fn, {
    period: opts.period,
    timeZone: opts.timeZone,
    weekStartsOn: opts.weekStartsOn,
    yearStartsOn: opts.yearStartsOn,
  });
  const log = readCohortEvents(fn, events, { customer: opts.customer, time: opts.time }, settings.timeZone, false);
  const lists = listsFromKernel(runCohortKernel(fn, log, settings, false));
  const { customers, periodBase, periods } = encodeLists(lists);
  return {
    kind: 'cohortState',
    version: STATE_VERSION,
    options: {
      period: settings.period,
      timeZone: settings.timeZone,
      weekStartsOn: settings.weekStartsOn,
      yearStartsOn: settings.yearStartsOn,
    },
    // the default end of the log, as retentionMatrix reads it: a latest date covers its whole day
    latestEvent: log.length === 0 ? null : defaultObservationEnd(fn, log.maxMs, log.latestIsDate, settings.timeZone),
    eventTimes: eventTimesOf(log.times, log.minMs, log.maxMs, settings.indexer),
    customers,
    periodBase,
    periods,
  };
}
