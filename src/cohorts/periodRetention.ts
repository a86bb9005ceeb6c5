import { FLOW_KEYS, readFlowTable } from '../internal/cohorts/flowInput.ts';
import { readOptions, requirePositiveInteger, withDefault } from '../internal/validate.ts';
import type { EventLogColumns, EventLogOptions, Period, PeriodGroupingOptions, Timestamp } from '../types.ts';

/** Options of {@link periodRetention}. */
export interface PeriodRetentionOptions<Row = unknown> extends EventLogOptions<Row>, PeriodGroupingOptions {
  /**
   * Activity window, in periods (a positive integer; default 1): a customer "is a customer" at an instant when
   * they had an event in the `activityWindow` periods before it. With months and 3: active in the last quarter.
   */
  readonly activityWindow?: number;
  /** First period to report (its period is the first row); earlier events still count as history. Default: the first event's period. */
  readonly from?: Timestamp;
}

/** One period of {@link periodRetention}. */
export interface PeriodRetentionRow {
  /** ISO date of the period's first local day. */
  readonly label: string;
  /** First instant of the period (epoch ms). */
  readonly start: number;
  /** First instant of the next period (epoch ms, exclusive end). */
  readonly end: number;
  /** Whether the period had ended by the observation end (else the end-of-period figures are so far). */
  readonly complete: boolean;
  /** S: customers at the start (an event in the `activityWindow` periods before this one). */
  readonly customersAtStart: number;
  /** E: customers at the end (an event in the last `activityWindow` periods, this one included). */
  readonly customersAtEnd: number;
  /** N: customers whose first event (in the whole log, before `from` too) falls in this period. */
  readonly newCustomers: number;
  /** Customers at the start and at the end. */
  readonly retained: number;
  /** Customers at the end who were not at the start nor new: back after a gap longer than the window. */
  readonly reactivated: number;
  /** Customers at the start who are not at the end (S − retained). */
  readonly lost: number;
  /** CRR = (E − N) / S = (retained + reactivated) / S; `NaN` when S = 0. May exceed 1. */
  readonly retentionRate: number;
  /** retained / S, in [0, 1]; `NaN` when S = 0. */
  readonly retainedRate: number;
}

/** Result of {@link periodRetention}. */
export interface PeriodRetentionResult {
  readonly period: Period;
  readonly timeZone: string;
  readonly weekStartsOn: number;
  readonly yearStartsOn: number;
  /** Observation end used (epoch ms); `null` for an empty log without an explicit end. */
  readonly observationEnd: number | null;
  readonly activityWindow: number;
  /** One row per calendar period, from `from` (or the first event) to the observation end's, in order. */
  readonly periods: PeriodRetentionRow[];
}

/**
 * Customer retention rate per period from an event log: the S (customers at the start), E (at the end) and N
 * (new) of the textbook formula CRR = (E − N) / S, with the flows behind them — retained, reactivated, lost —
 * so the rate can be computed from real data rather than from three numbers typed in.
 *
 * A log has no contracts, so "being a customer" needs a rule: here a customer is one with an event in the
 * last `activityWindow` calendar periods (in `timeZone`). Then, for period p and window w:
 *
 * ```text
 * S  = #{ active in some period of p − w … p − 1 }        (customers at the start)
 * E  = #{ active in some period of p − w + 1 … p }        (customers at the end)
 * N  = #{ first event in p }                              (new)
 * retained    = #(S ∩ E)          lost = S − retained
 * reactivated = E − retained − N  (active in p, none in p − w … p − 1, some event before p − w)
 * retentionRate = (E − N) / S = (retained + reactivated) / S      retainedRate = retained / S
 * ```
 *
 * Why the two rates differ: in a contractual business a customer who left is gone, so E − N counts exactly the
 * customers kept and (E − N)/S = retained/S. In a non-contractual one (retail, CDNOW's CD store) customers
 * lapse past the window and come back: they are in E, not in N and not in S, so (E − N)/S counts them as
 * "retained" and can even exceed 1, while retained/S counts only those who never lapsed. The gap between the
 * two is reactivated/S. Report retained/S as retention, and reactivations as a flow of their own.
 *
 * Rules: an event exactly at `observationEnd` counts, later ones are ignored; the last period is incomplete
 * unless it ends at the observation end (its E, N and flows are so far). "New" is a customer's first event in
 * the whole log, so a customer seen before `from` is never new in the reported periods; events before the log
 * starts are unknown, so S is too small in the first `activityWindow` periods of the log — report from a later
 * `from`. Rows and columns (`{ customer, time }`, epoch ms) give the same result.
 *
 * @param events - Rows (array or iterable) read with the `customer` and `time` accessors, or columns.
 * @param options - `customer`, `time` (rows), `period` (`'day'`), `activityWindow` (1), `from`, `timeZone` (`'UTC'`),
 *   `weekStartsOn` (1), `yearStartsOn` (1), `observationEnd`.
 * @returns One row per period; rates are `NaN` where S = 0.
 * @throws {TypeError} For an invalid accessor, timestamp (naming the row), customer id, `from` or `observationEnd`.
 * @throws {RangeError} For an unknown period or time zone, `weekStartsOn` outside 0–6, `yearStartsOn` outside
 *   1–12, an `activityWindow` that is not a positive integer, columns of unequal length, or a span too long.
 * @example
 * ```ts
 * import { periodRetention } from 'loyalty-metrics';
 *
 * const events = [
 *   { user: 'a', at: '2024-01-10' }, { user: 'b', at: '2024-01-12' }, { user: 'c', at: '2024-01-20' },
 *   { user: 'a', at: '2024-02-03' }, { user: 'd', at: '2024-02-14' },
 *   { user: 'a', at: '2024-03-01' }, { user: 'b', at: '2024-03-09' }, { user: 'e', at: '2024-03-30' },
 * ];
 * const march = periodRetention(events, { customer: 'user', time: 'at', period: 'month', observationEnd: '2024-04-01' }).periods[2];
 * // at the start of March: a and d (active in February); at the end: a, b, e; e is new, b is back after a gap
 * march; // => { label: '2024-03-01', complete: true, customersAtStart: 2, customersAtEnd: 3, newCustomers: 1, retained: 1, reactivated: 1, lost: 1 }
 * [march.retentionRate, march.retainedRate]; // => [1, 0.5]
 * ```
 * @category Cohorts
 */
export function periodRetention<Row = unknown>(
  events: Iterable<Row> | EventLogColumns,
  options?: PeriodRetentionOptions<Row>,
): PeriodRetentionResult {
  const fn = 'periodRetention';
  const opts = readOptions(fn, options, [...FLOW_KEYS, 'activityWindow']);
  const activityWindow = requirePositiveInteger(fn, 'options.activityWindow', withDefault(opts.activityWindow, 1));
  const { settings, observationEnd, periods, flows } = readFlowTable(fn, events, opts, activityWindow);
  const rows: PeriodRetentionRow[] = periods.map((p) => {
    const s = flows.atStart[p.at] as number;
    const e = flows.atEnd[p.at] as number;
    const n = flows.newCustomers[p.at] as number;
    const retained = flows.retained[p.at] as number;
    return {
      label: p.label,
      start: p.start,
      end: p.end,
      complete: p.complete,
      customersAtStart: s,
      customersAtEnd: e,
      newCustomers: n,
      retained,
      reactivated: flows.reactivated[p.at] as number,
      lost: flows.lost[p.at] as number,
      retentionRate: s === 0 ? Number.NaN : (e - n) / s,
      retainedRate: s === 0 ? Number.NaN : retained / s,
    };
  });
  return {
    period: settings.period,
    timeZone: settings.timeZone,
    weekStartsOn: settings.weekStartsOn,
    yearStartsOn: settings.yearStartsOn,
    observationEnd,
    activityWindow,
    periods: rows,
  };
}
