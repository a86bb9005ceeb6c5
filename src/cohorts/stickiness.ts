import { cohortActivity, usesDirectSlots } from '../internal/cohorts/activityBits.ts';
import { countActivePerWindow } from '../internal/cohorts/activeCounts.ts';
import { denseCustomers } from '../internal/input/denseIds.ts';
import { readEventLog } from '../internal/input/eventLog.ts';
import { readCohortSettings } from '../internal/input/settings.ts';
import { requirePeriod } from '../internal/time/periodKinds.ts';
import { createPeriodIndexer } from '../internal/time/indexer.ts';
import { describeValue, rangeFail, readOptions, withDefault } from '../internal/validate.ts';
import type { EventLogColumns, EventLogOptions, Period, PeriodGroupingOptions } from '../types.ts';

/** Options of {@link stickiness}. */
export interface StickinessOptions<Row = unknown> extends EventLogOptions<Row>, PeriodGroupingOptions {
  /**
   * The short period whose activity is counted within each `period` window (default `'day'`): days in a month
   * (DAU/MAU), days in a week, months in a year. It must nest in `period` (weeks do not nest in months).
   */
  readonly activeIn?: Period;
}

/** One window of {@link stickiness}. */
export interface StickinessWindow {
  /** ISO date of the window's first local day. */
  readonly label: string;
  readonly start: number;
  readonly end: number;
  /** Whether the window had ended by the observation end. */
  readonly complete: boolean;
  /** Short periods of the window that had started by the observation end (all of them when complete). */
  readonly periods: number;
  /** Customers active in the window (MAU for months). */
  readonly activeCustomers: number;
  /** distribution[j]: customers active in exactly j + 1 of the window's short periods (length `periods`). */
  readonly distribution: number[];
  /** Mean number of active short periods per active customer; NaN without active customers. */
  readonly meanActivePeriods: number;
  /**
   * Mean over the window's short periods of (active in the short period) / (active in the window): DAU/MAU
   * for days in months; = meanActivePeriods / periods. NaN without active customers.
   */
  readonly ratio: number;
}

/** Result of {@link stickiness}. */
export interface StickinessResult {
  readonly period: Period;
  readonly activeIn: Period;
  readonly timeZone: string;
  readonly weekStartsOn: number;
  readonly yearStartsOn: number;
  readonly observationEnd: number | null;
  readonly windows: StickinessWindow[];
}

/**
 * Stickiness: how many days of the month (weeks of the quarter, months of the year) an active customer uses the
 * product — the distribution of active short periods within each window, and the active-in-day over
 * active-in-month ratio (DAU/MAU).
 *
 * ```text
 * window W (a `period`), short periods d ∈ W (`activeIn`) started by the observation end, |W| of them
 * MAU(W) = #{ customers with an event in W };   n_c(W) = #{ d ∈ W : c active in d }
 * distribution[j] = #{ c : n_c(W) = j + 1 }
 * meanActivePeriods = Σ_c n_c(W) / MAU(W)
 * ratio = (1/|W|) Σ_d DAU(d) / MAU(W) = meanActivePeriods / |W|
 * ```
 *
 * A ratio of 0.5 with days in months means the average active customer was active on half the days. The last
 * window is incomplete unless it ends at the observation end: its `periods` counts the short periods started
 * by then, so its ratio is over the days observed. Calendar periods in `timeZone`; an event exactly at
 * `observationEnd` counts, later ones are ignored. Rows and columns give the same result.
 *
 * @param events - Rows (array or iterable) read with the `customer` and `time` accessors, or columns.
 * @param options - `customer`, `time` (rows), `period` (the window, default `'month'`), `activeIn` (`'day'`),
 *   `timeZone` (`'UTC'`), `weekStartsOn` (1), `yearStartsOn` (1), `observationEnd`.
 * @returns One entry per window from the first event's to the observation end's.
 * @throws {TypeError} For an invalid accessor, timestamp (naming the row), customer id or `observationEnd`.
 * @throws {RangeError} For an unknown period or time zone, `activeIn` that does not nest in `period` (or is not
 *   shorter), `weekStartsOn` outside 0–6, `yearStartsOn` outside 1–12, or a span too long.
 * @example
 * ```ts
 * import { stickiness } from 'loyalty-metrics';
 *
 * const events = [
 *   { user: 'a', at: '2024-02-01' }, { user: 'a', at: '2024-02-02' }, { user: 'a', at: '2024-02-02T18:00:00Z' },
 *   { user: 'a', at: '2024-02-20' }, { user: 'b', at: '2024-02-10' },
 * ];
 * const [feb] = stickiness(events, { customer: 'user', time: 'at', observationEnd: '2024-03-01' }).windows;
 * // a was active on 3 days of February's 29, b on 1
 * feb; // => { label: '2024-02-01', complete: true, periods: 29, activeCustomers: 2, meanActivePeriods: 2 }
 * feb.distribution.slice(0, 4); // => [1, 0, 1, 0]
 * feb.ratio; // => 0.069
 * ```
 * @category Cohorts
 */
export function stickiness<Row = unknown>(
  events: Iterable<Row> | EventLogColumns,
  options?: StickinessOptions<Row>,
): StickinessResult {
  const fn = 'stickiness';
  const opts = readOptions(fn, options, [
    'customer',
    'time',
    'period',
    'activeIn',
    'timeZone',
    'weekStartsOn',
    'yearStartsOn',
    'observationEnd',
  ]);
  const period = requirePeriod(fn, 'options.period', withDefault(opts.period, 'month'));
  const settings = readCohortSettings(fn, {
    period: withDefault(opts.activeIn, 'day'),
    timeZone: opts.timeZone,
    weekStartsOn: opts.weekStartsOn,
    yearStartsOn: opts.yearStartsOn,
    observationEnd: opts.observationEnd,
  });
  const { indexer } = settings;
  const outer = createPeriodIndexer(fn, {
    period,
    timeZone: settings.timeZone,
    weekStartsOn: settings.weekStartsOn,
    yearStartsOn: settings.yearStartsOn,
  });
  const activeIn = settings.period;
  const log = readEventLog(
    fn,
    events,
    { customer: opts.customer, time: opts.time },
    {
      name: 'events',
      timeZone: settings.timeZone,
      value: false,
    },
  );
  const dense = usesDirectSlots(log, settings, false) ? null : denseCustomers(fn, log, log.smallIdMax);
  const act = cohortActivity(fn, log, settings, null, dense);
  const end = act.observationEnd;
  const result = (windows: StickinessWindow[]): StickinessResult => ({
    period,
    activeIn,
    timeZone: settings.timeZone,
    weekStartsOn: settings.weekStartsOn,
    yearStartsOn: settings.yearStartsOn,
    observationEnd: Number.isNaN(end) ? null : end,
    windows,
  });
  if (act.words === 0) return result([]);
  const endInner = indexer.index(end);
  const span = endInner - act.base + 1;
  const firstWindow = outer.index(indexer.start(act.base));
  const lastWindow = outer.index(end);
  // window of every short period; each short period must lie in one window
  const windowOf = new Int32Array(span);
  for (let b = 0; b < span; b++) {
    const p = b + act.base;
    const w = outer.index(indexer.start(p));
    if (activeIn === period || outer.index(indexer.end(p) - 1) !== w)
      rangeFail(
        fn,
        `activeIn (${describeValue(activeIn)}) must be a period that nests in period (${describeValue(period)}): ${indexer.label(p)} straddles two windows`,
        { argument: 'options.activeIn', value: activeIn },
      );
    windowOf[b] = w - firstWindow;
  }
  const count = lastWindow - firstWindow + 1;
  const rowAt = new Int32Array(count + 1);
  const periods = new Int32Array(count);
  for (let w = 0; w < count; w++) {
    const k = w + firstWindow;
    const from = indexer.index(outer.start(k));
    const to = Math.min(indexer.index(outer.end(k) - 1), endInner);
    periods[w] = to - from + 1;
    rowAt[w + 1] = (rowAt[w] as number) + (periods[w] as number);
  }
  const hist = new Int32Array(rowAt[count] as number);
  countActivePerWindow(act.bits, act.words, act.slots, span, windowOf, rowAt, hist);
  const windows: StickinessWindow[] = [];
  for (let w = 0; w < count; w++) {
    const k = w + firstWindow;
    const distribution = Array.from(hist.subarray(rowAt[w] as number, rowAt[w + 1] as number));
    let active = 0;
    let total = 0;
    distribution.forEach((n, j) => {
      active += n;
      total += n * (j + 1);
    });
    const mean = active === 0 ? Number.NaN : total / active;
    const windowEnd = outer.end(k);
    windows.push({
      label: outer.label(k),
      start: outer.start(k),
      end: windowEnd,
      complete: windowEnd <= end,
      periods: periods[w] as number,
      activeCustomers: active,
      distribution,
      meanActivePeriods: mean,
      ratio: mean / (periods[w] as number),
    });
  }
  return result(windows);
}
