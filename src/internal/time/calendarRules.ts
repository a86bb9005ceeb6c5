/**
 * The calendar parameters that period kinds read (first day of the week, first month of the year), and their
 * validators.
 * @internal
 * @module
 */
import { outOfRange, wrongType } from '../validate.ts';

/** Calendar parameters of the period kinds, validated. */
export interface CalendarRules {
  /** First day of a week: 0 = Sunday … 6 = Saturday (as `Date#getDay` and date-fns). */
  readonly weekStartsOn: number;
  /** First month of a (fiscal) year and of its quarters: 1 = January … 12 = December. */
  readonly yearStartsOn: number;
}

/**
 * Validates `weekStartsOn`: an integer 0–6, 0 = Sunday, 1 = Monday. Returns it unchanged.
 * @throws {TypeError} When `value` is not a number.
 * @throws {RangeError} When it is not an integer from 0 to 6.
 * @example
 * ```ts
 * import { requireWeekStartsOn } from './calendarRules.ts';
 *
 * requireWeekStartsOn('buildCohorts', 'weekStartsOn', 0); // => 0
 * requireWeekStartsOn('buildCohorts', 'weekStartsOn', 7); // => throws RangeError: buildCohorts: weekStartsOn (7) must be an integer from 0 (Sunday) to 6 (Saturday)
 * requireWeekStartsOn('buildCohorts', 'weekStartsOn', 1.5); // => throws RangeError: buildCohorts: weekStartsOn (1.5) must be an integer from 0 (Sunday) to 6 (Saturday)
 * requireWeekStartsOn('buildCohorts', 'options.weekStartsOn', '1'); // => throws TypeError: buildCohorts: weekStartsOn must be a number, got "1"
 * ```
 */
export function requireWeekStartsOn(fn: string, name: string, value: unknown): number {
  return calendarInteger(fn, name, value, 0, 6, '0 (Sunday) to 6 (Saturday)');
}

/** An integer option in [lo, hi]: the one check of the calendar rules (`range` words the bounds). */
function calendarInteger(fn: string, name: string, value: unknown, lo: number, hi: number, range: string): number {
  if (typeof value !== 'number') wrongType(fn, name, value, 'a number');
  if (!Number.isInteger(value) || value < lo || value > hi)
    outOfRange(fn, name, value, `must be an integer from ${range}`);
  return value;
}

/**
 * Validates `yearStartsOn`: the first month of a (fiscal) year and of its quarters, an integer 1–12 with
 * 1 = January (calendar years). Returns it unchanged.
 * @throws {TypeError} When `value` is not a number.
 * @throws {RangeError} When it is not an integer from 1 to 12 (NaN included).
 * @example
 * ```ts
 * import { requireYearStartsOn } from './calendarRules.ts';
 *
 * // UK fiscal years start in April, US federal ones in October
 * requireYearStartsOn('calendarPeriod', 'yearStartsOn', 4); // => 4
 * requireYearStartsOn('calendarPeriod', 'yearStartsOn', 10); // => 10
 * requireYearStartsOn('calendarPeriod', 'yearStartsOn', 0); // => throws RangeError: calendarPeriod: yearStartsOn (0) must be an integer from 1 (January) to 12 (December)
 * requireYearStartsOn('calendarPeriod', 'yearStartsOn', 13); // => throws RangeError: calendarPeriod: yearStartsOn (13) must be an integer from 1 (January) to 12 (December)
 * requireYearStartsOn('calendarPeriod', 'yearStartsOn', 2.5); // => throws RangeError: calendarPeriod: yearStartsOn (2.5) must be an integer from 1 (January) to 12 (December)
 * requireYearStartsOn('calendarPeriod', 'options.yearStartsOn', '4'); // => throws TypeError: calendarPeriod: yearStartsOn must be a number, got "4"
 * ```
 */
export function requireYearStartsOn(fn: string, name: string, value: unknown): number {
  return calendarInteger(fn, name, value, 1, 12, '1 (January) to 12 (December)');
}
