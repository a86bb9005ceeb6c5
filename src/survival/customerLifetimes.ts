import { DAYS_PER_UNIT, DURATION_UNITS, type DurationUnit } from '../internal/time/periodKinds.ts';
import { requireTimeZone } from '../internal/time/zones.ts';
import { CustomerSlots } from '../internal/input/denseIds.ts';
import { readEventLog } from '../internal/input/eventLog.ts';
import { observedUntil, readInstant } from '../internal/input/settings.ts';
import {
  outOfRange,
  readOptions,
  requireObject,
  requireOneOf,
  requirePositive,
  typeFail,
  withDefault,
} from '../internal/validate.ts';
import type { EventLogColumns, EventLogOptions } from '../types.ts';

/** Options for {@link customerLifetimes}: the event-log options (the time zone is that of ISO strings without an offset) plus the churn rule. */
export interface CustomerLifetimesOptions<Row = unknown> extends EventLogOptions<Row> {
  /**
   * Required. A customer has churned once this much time passes with no activity, in `unit`s (e.g. 35
   * days for a monthly subscription with a grace period, 90 days for a shop). Positive.
   */
  readonly churnAfter: number;
  /**
   * Unit of `churnAfter` and of the returned durations: `'day'` (default), `'week'` (7 days), `'month'`
   * (365.25/12 days), `'quarter'` or `'year'` (365.25 days) — the same fixed lengths as `rfmSummary`.
   */
  readonly unit?: DurationUnit;
}

/** Result of {@link customerLifetimes}: parallel arrays, ready for {@link kaplanMeier}. */
export interface CustomerLifetimesResult {
  /** Customer ids, in the order customers first appear in the log. */
  readonly customers: (string | number)[];
  /** Each customer's lifetime, from first activity to churn (or to `observationEnd` if still active), in `unit`s. */
  readonly durations: number[];
  /** 1 when the customer churned within the observation window, 0 when still active (right-censored). */
  readonly events: number[];
}

const MS_PER_DAY = 86_400_000;

/**
 * Turns an activity log (orders, logins, payments) into one lifetime per customer with its censoring,
 * so a retention curve is two calls away: `kaplanMeier(customerLifetimes(log, options))`.
 *
 * A customer's lifetime starts at their first activity. They churn the moment `churnAfter` has passed
 * without activity; the lifetime then ends at that moment (last activity + churnAfter), which is
 * observed when it falls on or before `observationEnd`. A customer whose inactivity window has not yet
 * run out at `observationEnd` is still active: right-censored at `observationEnd`. Measured this way,
 * "alive at age t" means "had activity within the last `churnAfter` at age t" — the usual definition of
 * an active customer — and every duration is either exact or honestly censored (a lifetime never ends
 * at a last activity that might still be followed by another). Consequently every observed lifetime
 * is at least `churnAfter` long and the retention curve stays at 1 before `churnAfter`.
 *
 * ```text
 * customer c with activity times a₁ ≤ a₂ ≤ … ≤ a_k ≤ E      (E = observationEnd, w = churnAfter)
 * a date-only observationEnd ('2024-03-31') covers its whole day: E is then the next local midnight
 * j        = first index with a_{j+1} − a_j > w (a gap of inactivity longer than w), else k
 * churn    = a_j + w;    event = 1 if churn ≤ E, else 0
 * duration = (min(churn, E) − a₁) / unit
 * ```
 *
 * A customer who returns after a churning gap is not revived: the first lifetime ends at the gap
 * (analyse win-backs separately). Activity exactly `churnAfter` after the previous one keeps the
 * customer active. Durations are elapsed time: a day is 24 hours even across daylight-saving changes.
 * Activity after `observationEnd` is ignored (it lies outside the window, so a full log can be
 * back-tested); customers with no activity up to `observationEnd` are left out. Duplicate and unsorted
 * activity is fine.
 *
 * @param transactions - Activity rows (an array or iterable, read through the `customer` and `time`
 *   accessors) or columns `{ customer, time }` of equal length.
 * @param options - `churnAfter` (required), `customer` and `time` accessors (rows only), `unit`
 *   (default `'day'`), `observationEnd` (default: the latest activity) and `timeZone` (default `'UTC'`).
 * @returns Parallel arrays `customers`, `durations` and `events`, one entry per customer in first-seen
 *   order; all empty for an empty log.
 * @throws {TypeError} When the log is neither rows nor columns, an accessor is missing or not a property
 *   name or function, a customer id is not a string or number, or a time or `observationEnd` is not a
 *   valid date (`customerLifetimes: row 17: time "x" is not a valid date`).
 * @throws {RangeError} When `churnAfter` is not a positive finite number, `unit` is unknown, columns
 *   differ in length, a numeric customer id is not finite, or `timeZone` is not an IANA zone.
 * @example
 * ```ts
 * import { customerLifetimes, kaplanMeier } from 'loyalty-metrics';
 *
 * const payments = [
 *   { user: 'ann', at: '2024-01-01' }, { user: 'ann', at: '2024-01-31' }, { user: 'ann', at: '2024-03-01' },
 *   { user: 'bob', at: '2024-01-10' },
 *   { user: 'cyd', at: '2024-02-01' }, { user: 'cyd', at: '2024-03-02' },
 * ];
 * const lifetimes = customerLifetimes(payments, {
 *   customer: 'user', time: 'at', churnAfter: 35, unit: 'day', observationEnd: '2024-03-31',
 * });
 * // observationEnd '2024-03-31' covers that whole day: ann is observed for 91 days (1 January to 1 April)
 * lifetimes; // => { customers: ['ann', 'bob', 'cyd'], durations: [91, 35, 60], events: [0, 1, 0] }
 * kaplanMeier(lifetimes).curve[0].survival; // => 0.6667
 * ```
 * @category Survival
 */
export function customerLifetimes<Row>(
  transactions: Iterable<Row> | EventLogColumns,
  options: CustomerLifetimesOptions<Row>,
): CustomerLifetimesResult {
  const fn = 'customerLifetimes';
  const opts = readOptions(fn, requireObject(fn, 'options', options), [
    'customer',
    'time',
    'churnAfter',
    'unit',
    'observationEnd',
    'timeZone',
  ]);
  if (opts.churnAfter === undefined)
    typeFail(fn, 'churnAfter is required (the inactivity after which a customer counts as churned), got undefined', {
      argument: 'options.churnAfter',
      value: undefined,
    });
  const churnAfter = requirePositive(fn, 'options.churnAfter', opts.churnAfter);
  const unit = requireOneOf(fn, 'options.unit', withDefault(opts.unit, 'day'), DURATION_UNITS);
  const timeZone = requireTimeZone(fn, 'options.timeZone', withDefault(opts.timeZone, 'UTC'));
  const unitMs = DAYS_PER_UNIT[unit] * MS_PER_DAY;
  const windowMs = churnAfter * unitMs;
  if (!Number.isFinite(windowMs)) outOfRange(fn, 'options.churnAfter', churnAfter, 'is too large');
  const columns = readEventLog(fn, transactions, opts, {
    name: 'transactions',
    timeZone,
    value: false,
  });
  const last = readInstant(fn, 'options.observationEnd', opts.observationEnd, timeZone, columns);
  // Rows up to the last instant observed count; durations are censored when the observation stops (the next
  // local midnight after a date's whole day).
  const end = observedUntil(fn, last, timeZone);
  const n = columns.length;

  // Slot per customer (first-seen order among activity up to the end), then the times grouped by slot.
  const slots = new CustomerSlots(n);
  const slotOfRow = new Int32Array(n);
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    if ((columns.times[i] as number) > last) {
      slotOfRow[i] = -1;
      continue;
    }
    const s = slots.slotOf(fn, columns.customers[i], i, columns.rowInput);
    slotOfRow[i] = s;
    counts[s] = (counts[s] ?? 0) + 1;
  }
  const m = counts.length;
  const offsets = new Int32Array(m + 1);
  for (let s = 0; s < m; s++) offsets[s + 1] = (offsets[s] as number) + (counts[s] as number);
  const grouped = new Float64Array(offsets[m] as number);
  const fill = offsets.slice(0, m);
  for (let i = 0; i < n; i++) {
    const s = slotOfRow[i] as number;
    if (s >= 0) {
      grouped[fill[s] as number] = columns.times[i] as number;
      fill[s] = (fill[s] as number) + 1;
    }
  }

  const durations: number[] = new Array(m);
  const events: number[] = new Array(m);
  for (let s = 0; s < m; s++) {
    const times = grouped.subarray(offsets[s] as number, offsets[s + 1] as number).sort();
    const first = times[0] as number;
    let last = first;
    for (let k = 1; k < times.length; k++) {
      const t = times[k] as number;
      if (t - last > windowMs) break;
      last = t;
    }
    const churn = last + windowMs;
    durations[s] = (Math.min(churn, end) - first) / unitMs;
    events[s] = churn <= end ? 1 : 0;
  }
  return { customers: slots.keys as (string | number)[], durations, events };
}
