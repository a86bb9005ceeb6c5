import { createPeriodIndexer, requirePeriod, toEpochMs, type Period } from '../internal/time.ts';
import { optionsObject, withDefault } from '../internal/validate.ts';

export type { Period } from '../internal/time.ts';

/** Options of {@link calendarPeriod}. */
export interface CalendarPeriodOptions {
  /** Period kind. Default `'day'`. */
  readonly period?: Period;
  /** IANA time zone of the calendar. Default `'UTC'`. */
  readonly timeZone?: string;
  /** First day of the week, 0 = Sunday … 6 = Saturday. Default 1 (Monday, ISO). */
  readonly weekStartsOn?: number;
}

/** The calendar period containing an instant. */
export interface CalendarPeriod {
  /** ISO date of the period's first local day, e.g. `2024-03-01`. */
  readonly label: string;
  /** First instant of the period (epoch ms). */
  readonly start: number;
  /** First instant of the next period (epoch ms, exclusive end). */
  readonly end: number;
}

/**
 * The calendar period (day, week, month, quarter or year) that contains a timestamp, in any IANA time zone —
 * the same bucketing the cohort functions use.
 *
 * A period starts at the first instant of its first local day and ends where the next one starts, so days
 * around daylight-saving changes last 23 or 25 hours. Weeks start on `weekStartsOn`.
 *
 * ```text
 * start ≤ time < end,   label = local date of start
 * ```
 *
 * @param time - `Date`, epoch ms or ISO 8601 string (date-times without offset are read in `timeZone`).
 * @param options - `period` (default `'day'`), `timeZone` (`'UTC'`), `weekStartsOn` (1).
 * @returns `{ label, start, end }`.
 * @throws {TypeError} When the time is not a valid date or an option has the wrong kind.
 * @throws {RangeError} For an unknown period or time zone, or `weekStartsOn` outside 0–6.
 * @example
 * ```ts
 * import { calendarPeriod } from 'loyalty-metrics';
 *
 * const day = calendarPeriod('2024-03-31T12:00:00Z', { timeZone: 'Europe/Bucharest' });
 * day; // => { label: '2024-03-31', start: Date.UTC(2024, 2, 30, 22), end: Date.UTC(2024, 2, 31, 21) }
 * (day.end - day.start) / 3_600_000; // => 23
 * calendarPeriod('2024-03-06', { period: 'week', weekStartsOn: 0 }).label; // => '2024-03-03'
 * ```
 * @category Time
 */
export function calendarPeriod(time: Date | number | string, options?: CalendarPeriodOptions): CalendarPeriod {
  const fn = 'calendarPeriod';
  const opts = optionsObject(fn, options);
  const indexer = createPeriodIndexer(fn, {
    period: requirePeriod(fn, 'period', withDefault(opts['period'], 'day')),
    timeZone: withDefault(opts['timeZone'], 'UTC') as string,
    weekStartsOn: withDefault(opts['weekStartsOn'], 1) as number,
  });
  const i = indexer.index(toEpochMs(fn, time, 'time', indexer.timeZone));
  return { label: indexer.label(i), start: indexer.start(i), end: indexer.end(i) };
}
