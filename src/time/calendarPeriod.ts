import { requireWeekStartsOn, requireYearStartsOn } from '../internal/time/calendarRules.ts';
import { createPeriodIndexer } from '../internal/time/indexer.ts';
import { toEpochMs } from '../internal/time/parse.ts';
import { requirePeriod, type Period } from '../internal/time/periodKinds.ts';
import { requireTimeZone } from '../internal/time/zones.ts';
import { readOptions, withDefault } from '../internal/validate.ts';

/** Options of {@link calendarPeriod}. */
export interface CalendarPeriodOptions {
  /** Period kind. Default `'day'`. */
  readonly period?: Period;
  /** IANA time zone of the calendar. Default `'UTC'`. */
  readonly timeZone?: string;
  /** First day of the week, 0 = Sunday … 6 = Saturday. Default 1 (Monday, ISO). */
  readonly weekStartsOn?: number;
  /**
   * First month of quarters and years, 1 = January … 12 = December: fiscal years (4 = April for the UK, 10 =
   * October for the US federal government). Default 1 (calendar years).
   */
  readonly yearStartsOn?: number;
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
 * around daylight-saving changes last 23 or 25 hours. Weeks start on `weekStartsOn`; quarters and years on the
 * first day of month `yearStartsOn`, so fiscal years and their quarters are labelled by the day they start (the
 * UK fiscal year from 2024-04-01 to 2025-03-31 is `'2024-04-01'`).
 *
 * ```text
 * start ≤ time < end,   label = local date of start
 * ```
 *
 * @param time - `Date`, epoch ms or ISO 8601 string (date-times without offset are read in `timeZone`).
 * @param options - `period` (default `'day'`), `timeZone` (`'UTC'`), `weekStartsOn` (1), `yearStartsOn` (1).
 * @returns `{ label, start, end }`.
 * @throws {TypeError} When the time is not a valid date, an option has the wrong kind, or an option is unknown.
 * @throws {RangeError} For an unknown period or time zone, `weekStartsOn` outside 0–6 or `yearStartsOn` outside
 *   1–12.
 * @example
 * ```ts
 * import { calendarPeriod } from 'loyalty-metrics';
 *
 * const day = calendarPeriod('2024-03-31T12:00:00Z', { timeZone: 'Europe/Bucharest' });
 * day; // => { label: '2024-03-31', start: Date.UTC(2024, 2, 30, 22), end: Date.UTC(2024, 2, 31, 21) }
 * (day.end - day.start) / 3_600_000; // => 23
 * calendarPeriod('2024-03-06', { period: 'week', weekStartsOn: 0 }).label; // => '2024-03-03'
 * // fiscal years: the UK's starts in April, the US federal government's in October
 * calendarPeriod('2025-02-14', { period: 'year', yearStartsOn: 4 }).label; // => '2024-04-01'
 * calendarPeriod('2025-02-14', { period: 'quarter', yearStartsOn: 10 }).label; // => '2025-01-01'
 * calendarPeriod('2025-02-14', { period: 'year', yearStartsOn: 10 }).label; // => '2024-10-01'
 * calendarPeriod('2025-02-14', { perod: 'year' } as never); // => throws TypeError: calendarPeriod: unknown option "perod" (did you mean "period"?); accepted options: period, timeZone, weekStartsOn, yearStartsOn
 * ```
 * @category Time
 */
export function calendarPeriod(time: Date | number | string, options?: CalendarPeriodOptions): CalendarPeriod {
  const fn = 'calendarPeriod';
  const opts = readOptions(fn, options, ['period', 'timeZone', 'weekStartsOn', 'yearStartsOn']);
  const indexer = createPeriodIndexer(fn, {
    period: requirePeriod(fn, 'options.period', withDefault(opts.period, 'day')),
    timeZone: requireTimeZone(fn, 'options.timeZone', withDefault(opts.timeZone, 'UTC')),
    weekStartsOn: requireWeekStartsOn(fn, 'options.weekStartsOn', withDefault(opts.weekStartsOn, 1)),
    yearStartsOn: requireYearStartsOn(fn, 'options.yearStartsOn', withDefault(opts.yearStartsOn, 1)),
  });
  const i = indexer.index(toEpochMs(fn, time, 'time', indexer.timeZone));
  return { label: indexer.label(i), start: indexer.start(i), end: indexer.end(i) };
}
