import { FLOW_KEYS, readFlowTable } from '../internal/cohorts/flowInput.ts';
import { readOptions } from '../internal/validate.ts';
import type { EventLogColumns, EventLogOptions, Period, PeriodGroupingOptions, Timestamp } from '../types.ts';

/** Options of {@link customerLifecycle}. */
export interface CustomerLifecycleOptions<Row = unknown> extends EventLogOptions<Row>, PeriodGroupingOptions {
  /** First period to report; earlier events still decide who is new. Default: the first event's period. */
  readonly from?: Timestamp;
}

/** One period of {@link customerLifecycle}. */
export interface CustomerLifecyclePeriod {
  /** ISO date of the period's first local day. */
  readonly label: string;
  /** First instant of the period (epoch ms). */
  readonly start: number;
  /** First instant of the next period (epoch ms, exclusive end). */
  readonly end: number;
  /** Whether the period had ended by the observation end (else the counts are so far). */
  readonly complete: boolean;
  /** Customers with an event in the period: new + returning + resurrecting. */
  readonly active: number;
  /** First event ever (in the whole log) in this period. */
  readonly new: number;
  /** Active in this period and in the previous one. */
  readonly returning: number;
  /** Active in this period, not in the previous one, and seen before it. */
  readonly resurrecting: number;
  /** Active in the previous period and not in this one (a positive count; charts often draw it below zero). */
  readonly dormant: number;
}

/** Result of {@link customerLifecycle}. */
export interface CustomerLifecycleResult {
  readonly period: Period;
  readonly timeZone: string;
  readonly weekStartsOn: number;
  readonly yearStartsOn: number;
  /** Observation end used (epoch ms); `null` for an empty log without an explicit end. */
  readonly observationEnd: number | null;
  readonly periods: CustomerLifecyclePeriod[];
}

/**
 * Lifecycle of the active base per period: how many of this period's active customers are new, returning or
 * resurrecting, and how many of last period's went dormant — the "lifecycle" chart of product analytics, from
 * any event log, in any time zone.
 *
 * Rules, for calendar period p (in `timeZone`):
 *
 * ```text
 * new(p)          = #{ first event in the whole log falls in p }
 * returning(p)    = #{ active in p and in p − 1 }
 * resurrecting(p) = #{ active in p, not in p − 1, with an event before p − 1 }
 * dormant(p)      = #{ active in p − 1, not in p }
 * active(p) = new(p) + returning(p) + resurrecting(p);   active(p − 1) = returning(p) + dormant(p)
 * ```
 *
 * "New" looks at the whole log, not at the reported window: with `from`, a customer whose first event inside
 * the window had events before it is returning or resurrecting, never new. Before the log starts nothing is
 * known, so the first periods of a log overstate `new`: report from a later `from`. This is
 * {@link periodRetention} with an activity window of one period (returning = retained, resurrecting =
 * reactivated, dormant = lost). An event exactly at `observationEnd` counts, later ones are ignored; the last
 * period is incomplete unless it ends at the observation end. Rows and columns give the same result.
 *
 * @param events - Rows (array or iterable) read with the `customer` and `time` accessors, or columns.
 * @param options - `customer`, `time` (rows), `period` (`'day'`), `from`, `timeZone` (`'UTC'`), `weekStartsOn` (1),
 *   `yearStartsOn` (1), `observationEnd`.
 * @returns One row per period from `from` (or the first event's) to the observation end's.
 * @throws {TypeError} For an invalid accessor, timestamp (naming the row), customer id, `from` or `observationEnd`.
 * @throws {RangeError} For an unknown period or time zone, `weekStartsOn` outside 0–6, `yearStartsOn` outside
 *   1–12, columns of unequal length, or a span too long for the period.
 * @example
 * ```ts
 * import { customerLifecycle } from 'loyalty-metrics';
 *
 * const events = [
 *   { user: 'a', at: '2024-01-03' }, { user: 'b', at: '2024-01-20' },
 *   { user: 'a', at: '2024-02-11' }, { user: 'c', at: '2024-02-12' },
 *   { user: 'b', at: '2024-03-05' }, { user: 'c', at: '2024-03-06' }, { user: 'd', at: '2024-03-30' },
 * ];
 * const months = customerLifecycle(events, { customer: 'user', time: 'at', period: 'month' }).periods;
 * months[1]; // => { label: '2024-02-01', active: 2, new: 1, returning: 1, resurrecting: 0, dormant: 1 }
 * // March: d is new, c returns, b comes back after a month away, a went dormant
 * months[2]; // => { label: '2024-03-01', complete: false, active: 3, new: 1, returning: 1, resurrecting: 1, dormant: 1 }
 * // reported from March, b and c are still not new: they were seen before
 * customerLifecycle(events, { customer: 'user', time: 'at', period: 'month', from: '2024-03-01' }).periods[0].new; // => 1
 * ```
 * @category Cohorts
 */
export function customerLifecycle<Row = unknown>(
  events: Iterable<Row> | EventLogColumns,
  options?: CustomerLifecycleOptions<Row>,
): CustomerLifecycleResult {
  const fn = 'customerLifecycle';
  const opts = readOptions(fn, options, FLOW_KEYS);
  const { settings, observationEnd, periods, flows } = readFlowTable(fn, events, opts, 1);
  return {
    period: settings.period,
    timeZone: settings.timeZone,
    weekStartsOn: settings.weekStartsOn,
    yearStartsOn: settings.yearStartsOn,
    observationEnd,
    periods: periods.map((p) => ({
      label: p.label,
      start: p.start,
      end: p.end,
      complete: p.complete,
      active: flows.active[p.at] as number,
      new: flows.newCustomers[p.at] as number,
      returning: flows.retained[p.at] as number,
      resurrecting: flows.reactivated[p.at] as number,
      dormant: flows.lost[p.at] as number,
    })),
  };
}
