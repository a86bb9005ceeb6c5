/**
 * Civil calendar arithmetic (proleptic Gregorian) on day numbers, days since 1970-01-01, after Howard Hinnant's
 * "chrono-compatible low-level date algorithms", and the millisecond constants of the time kernel.
 * @internal
 * @module
 */

/** Milliseconds in one hour. */
export const MS_PER_HOUR = 3_600_000;

/** Milliseconds in one day of 24 hours. */
export const MS_PER_DAY = 86_400_000;

/** Largest absolute epoch millisecond value a `Date` can hold. */
export const MAX_EPOCH_MS = 8.64e15;

/**
 * Days since 1970-01-01 of the civil date y-m-d (month 1–12), proleptic Gregorian; negative before 1970.
 * @example
 * ```ts
 * import { daysFromCivil } from './civil.ts';
 *
 * daysFromCivil(1970, 1, 1); // => 0
 * daysFromCivil(1969, 12, 31); // => -1
 * // 30 years of 365 days plus 7 leap days (1972 … 1996)
 * daysFromCivil(2000, 1, 1); // => 10957
 * // 2024-01-01 = 10957 + 24·365 + 6 leap days (2000 … 2020) = 19723; then 31 (Jan) + 29 (Feb) + 4
 * daysFromCivil(2024, 3, 5); // => 19787
 * ```
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Civil year, month (1–12) and day of the day number `days` (days since 1970-01-01); the inverse of
 * {@link daysFromCivil}.
 * @example
 * ```ts
 * import { civilFromDays } from './civil.ts';
 *
 * civilFromDays(0); // => { year: 1970, month: 1, day: 1 }
 * civilFromDays(-1); // => { year: 1969, month: 12, day: 31 }
 * // 2000-01-01 is day 10957; 31 + 28 days later is the leap day
 * civilFromDays(11016); // => { year: 2000, month: 2, day: 29 }
 * civilFromDays(19787); // => { year: 2024, month: 3, day: 5 }
 * ```
 */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Number of days in a month of the proleptic Gregorian calendar.
 * @example
 * ```ts
 * import { daysInMonth } from './civil.ts';
 *
 * daysInMonth(2024, 2); // => 29
 * daysInMonth(2023, 2); // => 28
 * // century years are leap years only when divisible by 400
 * daysInMonth(1900, 2); // => 28
 * daysInMonth(2000, 2); // => 29
 * daysInMonth(2024, 12); // => 31
 * daysInMonth(2024, 4); // => 30
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

/**
 * ISO 8601 date (`2024-03-05`) of a day number; years outside 0–9999 use the expanded `±YYYYYY` form.
 * @example
 * ```ts
 * import { isoDateOfDay } from './civil.ts';
 *
 * isoDateOfDay(0); // => '1970-01-01'
 * isoDateOfDay(19787); // => '2024-03-05'
 * // 400 Gregorian years are exactly 146097 days: 2000-01-01 (day 10957) ± whole cycles
 * isoDateOfDay(10957 - 5 * 146097); // => '0000-01-01'
 * isoDateOfDay(10957 - 5 * 146097 - 365); // => '-000001-01-01'
 * isoDateOfDay(10957 + 20 * 146097); // => '+010000-01-01'
 * ```
 */
export function isoDateOfDay(days: number): string {
  const { year, month, day } = civilFromDays(days);
  const y =
    year >= 0 && year <= 9999
      ? String(year).padStart(4, '0')
      : `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Months since January 1970 of the day number `days` (January 1970 = 0, December 1969 = −1).
 * @example
 * ```ts
 * import { monthOfDay } from './civil.ts';
 *
 * monthOfDay(0); // => 0
 * monthOfDay(-1); // => -1
 * // 2024-03-05 (day 19787): (2024 − 1970)·12 + 2
 * monthOfDay(19787); // => 650
 * ```
 */
export function monthOfDay(days: number): number {
  const { year, month } = civilFromDays(days);
  return (year - 1970) * 12 + (month - 1);
}

/**
 * Day number of the first day of month `months` (months since January 1970); the inverse of {@link monthOfDay}
 * on first days.
 * @example
 * ```ts
 * import { firstDayOfMonth } from './civil.ts';
 *
 * firstDayOfMonth(0); // => 0
 * firstDayOfMonth(-1); // => -31
 * // March 2024 starts on day 19723 + 31 + 29
 * firstDayOfMonth(650); // => 19783
 * ```
 */
export function firstDayOfMonth(months: number): number {
  const years = Math.floor(months / 12);
  return daysFromCivil(1970 + years, months - 12 * years + 1, 1);
}
