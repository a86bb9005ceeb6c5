/**
 * The time kernel: timestamp parsing, IANA time-zone offsets (cached `Intl.DateTimeFormat`) and calendar
 * period bucketing with correct daylight-saving transitions. Shared by cohorts, RFM and survival.
 *
 * Conventions (SPEC §1 "Timestamps" and "Periods"):
 * - A timestamp is a `Date`, finite epoch milliseconds, or an ISO 8601 string: a date (`2024-03-05`, local
 *   midnight in `timeZone`), or a date-time with `T` (or a space), optional seconds and fraction, and an optional
 *   `Z` / `±HH:MM` / `±HHMM` / `±HH` offset. A date-time without an offset is read as wall-clock time in
 *   `timeZone`. Epoch milliseconds must lie in the `Date` range (±8.64e15).
 * - Wall-clock times that do not exist (spring-forward gaps) move forward by the gap; wall-clock times that occur
 *   twice (fall-back overlaps) resolve to the earlier instant (Temporal's `'compatible'` disambiguation).
 * - Periods are numbered by integers, consecutive periods differing by 1: days since 1970-01-01 (local calendar),
 *   weeks since the week containing 1970-01-01, months/quarters/years since January 1970. A period starts at the
 *   first instant of its first local day and ends where the next period starts; `index(ms)` is the period whose
 *   `[start, end)` contains `ms`.
 * - `weekStartsOn` is 0–6 with 0 = Sunday and 1 = Monday (as `Date#getDay` and date-fns); the default everywhere
 *   is 1 (ISO weeks).
 * - Offsets are computed with one `Intl.DateTimeFormat` per zone and cached per UTC day (with the exact transition
 *   instant on the rare days where the offset changes), so bucketing millions of events costs a few formatter
 *   calls per day of data, not one per event. Zones whose offset changes twice within one UTC day are not
 *   supported (no such zone exists in the tz database since 1970).
 * @internal
 * @module
 */
import { describeValue, rangeFail, typeFail } from './validate.ts';

/** Calendar period kinds. */
export type Period = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Every calendar period kind, shortest first. */
export const PERIODS: readonly Period[] = ['day', 'week', 'month', 'quarter', 'year'];

/** Time units for durations (recency, T, gaps): fixed lengths in days. */
export type DurationUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/**
 * Length of each duration unit in days: a week is exactly 7 days, a month 365.25/12 = 30.4375, a quarter
 * 365.25/4 = 91.3125, a year 365.25 (literals, both quotients exact in binary: bundlers drop an unused
 * object of literals but keep one with computed values).
 */
export const DAYS_PER_UNIT: Readonly<Record<DurationUnit, number>> = {
  day: 1,
  week: 7,
  month: 30.4375,
  quarter: 91.3125,
  year: 365.25,
};

/** The duration units, in increasing length. */
export const DURATION_UNITS: readonly DurationUnit[] = ['day', 'week', 'month', 'quarter', 'year'];

/** Milliseconds in one hour. */
export const MS_PER_HOUR = 3_600_000;

/** Milliseconds in one day of 24 hours. */
export const MS_PER_DAY = 86_400_000;

/** Largest absolute epoch millisecond value a `Date` can hold. */
export const MAX_EPOCH_MS = 8.64e15;

/**
 * Rolling-window length per period, in milliseconds: 24 h, 7 days, 30 days (month), 91 days (quarter),
 * 365 days (year). Rolling window n of a customer covers [first + n·w, first + (n + 1)·w).
 */
export const ROLLING_WINDOW_MS: Readonly<Record<Period, number>> = {
  // Literal values (not `7 * MS_PER_DAY`): bundlers can only drop an unused constant whose initialiser is pure.
  day: 86_400_000,
  week: 604_800_000,
  month: 2_592_000_000,
  quarter: 7_862_400_000,
  year: 31_536_000_000,
};

// ---------------------------------------------------------------------------------------------------------------
// Civil calendar arithmetic (proleptic Gregorian), after Howard Hinnant's "chrono-compatible low-level date
// algorithms". Day 0 is 1970-01-01.

/**
 * Days since 1970-01-01 of the civil date y-m-d (month 1–12), proleptic Gregorian; negative before 1970.
 * @example
 * ```ts
 * import { daysFromCivil } from './time.ts';
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
 * import { civilFromDays } from './time.ts';
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
 * import { daysInMonth } from './time.ts';
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
 * import { isoDateOfDay } from './time.ts';
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
  const y = year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Time-zone offsets.

/** Cached offset data of one zone. */
interface ZoneData {
  readonly utc: boolean;
  readonly format: Intl.DateTimeFormat;
  /** UTC day → offset (ms) at the day's first instant. */
  readonly dayOffset: Map<number, number>;
  /** UTC day → instant of the offset change within the day, or NaN when the offset is constant all day. */
  readonly dayTransition: Map<number, number>;
}

const zones = new Map<string, ZoneData>();
const MAX_CACHED_DAYS = 200_000;

function zoneData(fn: string, timeZone: string): ZoneData {
  const cached = zones.get(timeZone);
  if (cached !== undefined) return cached;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return rangeFail(fn, `timeZone (${describeValue(timeZone)}) is not a valid IANA time zone`);
  }
  const resolved = format.resolvedOptions().timeZone;
  const data: ZoneData = {
    utc: resolved === 'UTC' || resolved === 'Etc/UTC' || resolved === 'Etc/GMT' || resolved === 'GMT',
    format,
    dayOffset: new Map(),
    dayTransition: new Map(),
  };
  if (zones.size > 1000) zones.clear();
  zones.set(timeZone, data);
  return data;
}

/**
 * Validates a time-zone option: a string naming an IANA zone (or `UTC`). Returns it unchanged.
 * @throws {TypeError} When `value` is not a string.
 * @throws {RangeError} When `Intl.DateTimeFormat` does not know the zone.
 * @example
 * ```ts
 * import { requireTimeZone } from './time.ts';
 *
 * requireTimeZone('buildCohorts', 'timeZone', 'Europe/Bucharest'); // => 'Europe/Bucharest'
 * requireTimeZone('buildCohorts', 'timeZone', 'UTC'); // => 'UTC'
 * requireTimeZone('buildCohorts', 'timeZone', 'Mars/Olympus'); // => throws RangeError: buildCohorts: timeZone ("Mars/Olympus") is not a valid IANA time zone
 * requireTimeZone('buildCohorts', 'timeZone', 2); // => throws TypeError: buildCohorts: timeZone must be an IANA time zone name, got 2
 * ```
 */
export function requireTimeZone(fn: string, name: string, value: unknown): string {
  if (typeof value !== 'string') return typeFail(fn, `${name} must be an IANA time zone name, got ${describeValue(value)}`);
  try {
    zoneData(fn, value);
  } catch {
    rangeFail(fn, `${name} (${describeValue(value)}) is not a valid IANA time zone`);
  }
  return value;
}

/**
 * Validates `weekStartsOn`: an integer 0–6, 0 = Sunday, 1 = Monday. Returns it unchanged.
 * @throws {TypeError} When `value` is not a number.
 * @throws {RangeError} When it is not an integer from 0 to 6.
 * @example
 * ```ts
 * import { requireWeekStartsOn } from './time.ts';
 *
 * requireWeekStartsOn('buildCohorts', 'weekStartsOn', 0); // => 0
 * requireWeekStartsOn('buildCohorts', 'weekStartsOn', 7); // => throws RangeError: buildCohorts: weekStartsOn (7) must be an integer from 0 (Sunday) to 6 (Saturday)
 * requireWeekStartsOn('buildCohorts', 'weekStartsOn', 1.5); // => throws RangeError: buildCohorts: weekStartsOn (1.5) must be an integer from 0 (Sunday) to 6 (Saturday)
 * requireWeekStartsOn('buildCohorts', 'weekStartsOn', '1'); // => throws TypeError: buildCohorts: weekStartsOn must be a number, got "1"
 * ```
 */
export function requireWeekStartsOn(fn: string, name: string, value: unknown): number {
  if (typeof value !== 'number') return typeFail(fn, `${name} must be a number, got ${describeValue(value)}`);
  if (!Number.isInteger(value) || value < 0 || value > 6) {
    rangeFail(fn, `${name} (${describeValue(value)}) must be an integer from 0 (Sunday) to 6 (Saturday)`);
  }
  return value;
}

/**
 * Validates a period option: one of {@link PERIODS}. Returns it unchanged.
 * @throws {TypeError} When `value` is not a string.
 * @throws {RangeError} When it is not a known period.
 * @example
 * ```ts
 * import { requirePeriod } from './time.ts';
 *
 * requirePeriod('buildCohorts', 'period', 'month'); // => 'month'
 * requirePeriod('buildCohorts', 'period', 'fortnight'); // => throws RangeError: buildCohorts: period ("fortnight") must be one of 'day', 'week', 'month', 'quarter', 'year'
 * requirePeriod('buildCohorts', 'period', 30); // => throws TypeError: buildCohorts: period must be one of 'day', 'week', 'month', 'quarter', 'year', got 30
 * ```
 */
export function requirePeriod(fn: string, name: string, value: unknown): Period {
  if (typeof value !== 'string') return typeFail(fn, `${name} must be one of ${PERIODS.map((p) => `'${p}'`).join(', ')}, got ${describeValue(value)}`);
  if (!(PERIODS as readonly string[]).includes(value)) rangeFail(fn, `${name} (${describeValue(value)}) must be one of ${PERIODS.map((p) => `'${p}'`).join(', ')}`);
  return value as Period;
}

/** Offset (wall clock − UTC, in ms) computed directly with the formatter. */
function rawOffset(zone: ZoneData, ms: number): number {
  const clamped = Math.max(-MAX_EPOCH_MS, Math.min(MAX_EPOCH_MS, ms));
  const seconds = clamped - (((clamped % 1000) + 1000) % 1000);
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of zone.format.formatToParts(seconds)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        bc = part.value === 'BC' || part.value === 'B';
        break;
      default:
        break;
    }
  }
  if (bc) year = 1 - year;
  const wall = daysFromCivil(year, month, day) * MS_PER_DAY + hour * MS_PER_HOUR + minute * 60_000 + second * 1000;
  return wall - seconds;
}

function dayStartOffset(zone: ZoneData, day: number): number {
  let offset = zone.dayOffset.get(day);
  if (offset === undefined) {
    if (zone.dayOffset.size > MAX_CACHED_DAYS) {
      zone.dayOffset.clear();
      zone.dayTransition.clear();
    }
    offset = rawOffset(zone, day * MS_PER_DAY);
    zone.dayOffset.set(day, offset);
  }
  return offset;
}

/** Offset of `zone` at instant `ms` via the per-day cache. */
function cachedOffset(zone: ZoneData, ms: number): number {
  if (zone.utc) return 0;
  const day = Math.floor(ms / MS_PER_DAY);
  const before = dayStartOffset(zone, day);
  let transition = zone.dayTransition.get(day);
  if (transition === undefined) {
    const after = dayStartOffset(zone, day + 1);
    if (after === before) transition = Number.NaN;
    else {
      // Binary search for the first whole second with the new offset.
      let lo = day * MS_PER_DAY;
      let hi = lo + MS_PER_DAY;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (rawOffset(zone, mid) === before) lo = mid;
        else hi = mid;
      }
      transition = hi;
    }
    zone.dayTransition.set(day, transition);
  }
  if (Number.isNaN(transition) || ms < transition) return before;
  return dayStartOffset(zone, day + 1);
}

/**
 * Offset of `timeZone` at the instant `ms`: local wall-clock time minus UTC, in milliseconds
 * (Europe/Bucharest in summer: 10 800 000). Throws `RangeError` for an unknown zone.
 * @throws {RangeError} For an unknown zone.
 * @example
 * ```ts
 * import { zoneOffsetMs } from './time.ts';
 *
 * // Romania: EET (UTC+2) in winter, EEST (UTC+3) in summer
 * zoneOffsetMs('f', 'Europe/Bucharest', Date.UTC(2024, 0, 15)) / 3_600_000; // => 2
 * zoneOffsetMs('f', 'Europe/Bucharest', Date.UTC(2024, 6, 1)); // => 10800000
 * // EU clocks go forward on the last Sunday of March (2024-03-31) at 01:00 UTC
 * zoneOffsetMs('f', 'Europe/Bucharest', Date.UTC(2024, 2, 31, 0, 59, 59)) / 3_600_000; // => 2
 * zoneOffsetMs('f', 'Europe/Bucharest', Date.UTC(2024, 2, 31, 1)) / 3_600_000; // => 3
 * // New York in summer: EDT, UTC−4
 * zoneOffsetMs('f', 'America/New_York', Date.UTC(2024, 6, 1)) / 3_600_000; // => -4
 * zoneOffsetMs('f', 'UTC', Date.UTC(2024, 6, 1)); // => 0
 * zoneOffsetMs('f', 'Mars/Olympus', 0); // => throws RangeError: f: timeZone ("Mars/Olympus") is not a valid IANA time zone
 * ```
 */
export function zoneOffsetMs(fn: string, timeZone: string, ms: number): number {
  return cachedOffset(zoneData(fn, timeZone), ms);
}

/**
 * The instant at which the wall clock of `timeZone` shows `localMs` (wall-clock time written as if it were UTC
 * epoch ms). Gaps move forward by the gap length; overlaps resolve to the earlier instant.
 */
function localToInstant(zone: ZoneData, localMs: number): number {
  if (zone.utc) return localMs;
  const before = cachedOffset(zone, localMs - MS_PER_DAY);
  const after = cachedOffset(zone, localMs + MS_PER_DAY);
  const t1 = localMs - before;
  if (before === after && cachedOffset(zone, t1) === before) return t1;
  const t2 = localMs - after;
  const ok1 = cachedOffset(zone, t1) === before;
  const ok2 = cachedOffset(zone, t2) === after;
  if (ok1 && ok2) return Math.min(t1, t2);
  if (ok1) return t1;
  if (ok2) return t2;
  return t1;
}

/**
 * The instant (epoch ms) at which the wall clock of `timeZone` shows `localMs`, the wall-clock time written as
 * if it were UTC epoch ms (so `Date.UTC(2024, 6, 1, 12)` means "12:00 on 2024-07-01, local"). A time skipped by
 * a spring-forward gap moves forward by the gap; a time repeated by a fall-back overlap resolves to the earlier
 * instant (Temporal's `'compatible'` disambiguation).
 * @throws {RangeError} For an unknown zone.
 * @example
 * ```ts
 * import { wallClockToEpochMs } from './time.ts';
 *
 * const instant = (local: number): string => new Date(wallClockToEpochMs('f', 'Europe/Bucharest', local)).toISOString();
 * // summer, UTC+3: 12:00 local is 09:00 UTC
 * instant(Date.UTC(2024, 6, 1, 12)); // => '2024-07-01T09:00:00.000Z'
 * // 2024-03-31: 03:00 EET jumps to 04:00 EEST, so 03:30 does not exist; it moves on by the hour to 04:30 EEST
 * instant(Date.UTC(2024, 2, 31, 3, 30)); // => '2024-03-31T01:30:00.000Z'
 * // 2024-10-27: 04:00 EEST falls back to 03:00 EET, so 03:30 happens twice (00:30 and 01:30 UTC): the earlier
 * instant(Date.UTC(2024, 9, 27, 3, 30)); // => '2024-10-27T00:30:00.000Z'
 * // one hour later on the wall clock is two hours later in real time
 * instant(Date.UTC(2024, 9, 27, 4, 30)); // => '2024-10-27T02:30:00.000Z'
 * new Date(wallClockToEpochMs('f', 'UTC', 0)).toISOString(); // => '1970-01-01T00:00:00.000Z'
 * ```
 */
export function wallClockToEpochMs(fn: string, timeZone: string, localMs: number): number {
  return localToInstant(zoneData(fn, timeZone), localMs);
}

// ---------------------------------------------------------------------------------------------------------------
// Timestamp parsing.

const ISO_RE =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** Parses an ISO 8601 string to epoch ms, or returns NaN. */
function parseIso(zone: ZoneData, text: string): number {
  const m = ISO_RE.exec(text);
  if (m === null) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if ((m[1] ?? '') === '-000000' || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  const days = daysFromCivil(year, month, day);
  if (m[4] === undefined) return localToInstant(zone, days * MS_PER_DAY);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const local = days * MS_PER_DAY + hour * MS_PER_HOUR + minute * 60_000 + second * 1000 + millis;
  const offset = m[8];
  if (offset === undefined) return localToInstant(zone, local);
  if (offset === 'Z' || offset === 'z') return local;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const oh = Number(digits.slice(0, 2));
  const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (oh > 23 || om > 59) return Number.NaN;
  return local - sign * (oh * MS_PER_HOUR + om * 60_000);
}

/**
 * Converts a timestamp (`Date`, epoch ms, or ISO 8601 string; see the module notes) to epoch milliseconds.
 * `label` names the value in the error, e.g. `row 17: time` or `observationEnd`.
 * @throws {TypeError} `${fn}: ${label} "${value}" is not a valid date` for anything else, including invalid
 *   dates, non-finite numbers and instants outside the `Date` range.
 * @throws {RangeError} When `timeZone` is not a valid zone (only checked when a string needs it).
 * @example
 * ```ts
 * import { toEpochMs } from './time.ts';
 *
 * // 2024-03-05 is day 19787: 19787 × 86 400 000 ms
 * toEpochMs('f', '2024-03-05', 'time', 'UTC'); // => 1709596800000
 * toEpochMs('f', new Date(Date.UTC(2024, 2, 5)), 'time', 'UTC'); // => 1709596800000
 * toEpochMs('f', 0, 'time', 'UTC'); // => 0
 * const iso = (text: string, zone: string): string => new Date(toEpochMs('f', text, 'time', zone)).toISOString();
 * // a date is local midnight; a date-time without offset is local wall-clock time (Bucharest: UTC+2 / UTC+3)
 * iso('2024-03-05', 'Europe/Bucharest'); // => '2024-03-04T22:00:00.000Z'
 * iso('2024-07-01T12:00', 'Europe/Bucharest'); // => '2024-07-01T09:00:00.000Z'
 * iso('2024-07-01 12:00:30.5', 'Europe/Bucharest'); // => '2024-07-01T09:00:30.500Z'
 * // an explicit offset wins over the zone
 * iso('2024-07-01T12:00+02:00', 'Europe/Bucharest'); // => '2024-07-01T10:00:00.000Z'
 * iso('2024-07-01T12:00Z', 'Europe/Bucharest'); // => '2024-07-01T12:00:00.000Z'
 * toEpochMs('f', '2024-02-30', 'row 3: time', 'UTC'); // => throws TypeError: f: row 3: time "2024-02-30" is not a valid date
 * toEpochMs('f', '20', 'observationEnd', 'UTC'); // => throws TypeError: f: observationEnd "20" is not a valid date
 * toEpochMs('f', 9e15, 'observationEnd', 'UTC'); // => throws TypeError: f: observationEnd 9000000000000000 is not a valid date
 * ```
 */
export function toEpochMs(fn: string, value: unknown, label: string, timeZone: string): number {
  let ms = Number.NaN;
  if (typeof value === 'number') ms = value;
  else if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'string') ms = parseIso(zoneData(fn, timeZone), value);
  if (!(Math.abs(ms) <= MAX_EPOCH_MS)) typeFail(fn, `${label} ${describeValue(value)} is not a valid date`);
  return ms;
}

// ---------------------------------------------------------------------------------------------------------------
// Period indexing.

/** Options of {@link createPeriodIndexer}. */
export interface PeriodIndexerOptions {
  readonly period: Period;
  readonly timeZone: string;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekStartsOn: number;
}

/**
 * The lookup table built by {@link PeriodIndexer.prepare}, for loops that inline the lookup: for `min ≤ ms ≤ max`,
 * `i = buckets[⌊ms / bucketMs⌋ − bucketBase]`, then `while (ms ≥ starts[i + 1 − periodBase]) i++`.
 */
export interface PeriodTable {
  readonly bucketMs: number;
  readonly bucketBase: number;
  readonly buckets: Int32Array;
  readonly starts: Float64Array;
  readonly periodBase: number;
  /** True when no bucket straddles a period boundary: then `buckets` alone gives the period. */
  readonly aligned: boolean;
  readonly min: number;
  readonly max: number;
}

/** Maps instants to integer period numbers and back (see the module notes). */
export interface PeriodIndexer {
  readonly period: Period;
  readonly timeZone: string;
  readonly weekStartsOn: number;
  /** True when the zone is UTC (no offsets). */
  readonly utc: boolean;
  /** Period number containing the instant `ms`. */
  index(ms: number): number;
  /** First instant (epoch ms) of period `index`. */
  start(index: number): number;
  /** First instant of the next period (exclusive end of period `index`). */
  end(index: number): number;
  /** ISO date of the period's first local day, e.g. `2024-03-01`. */
  label(index: number): string;
  /** Day number (days since 1970-01-01, local calendar) of the period's first day. */
  firstDay(index: number): number;
  /**
   * Precomputes a lookup table so that `index` costs two array reads for instants in [minMs, maxMs]
   * (optional; results are identical without it).
   */
  prepare(minMs: number, maxMs: number): void;
  /** The table built by `prepare`, or `null` (none built, or arithmetic is used instead). */
  table(): PeriodTable | null;
}

const MAX_TABLE_BUCKETS = 1_048_576; // 2^20 (literals, not shifts: bundlers drop unused literals but keep `1 << n`)
const MAX_TABLE_PERIODS = 4_194_304; // 2^22

/** A validated time column (epoch ms) with its range, from {@link readTimeColumn}. */
export interface TimeColumn {
  /** The input itself when every entry is already epoch ms, else a converted copy. */
  readonly times: ArrayLike<number>;
  /** Smallest and largest time (±Infinity when empty). */
  readonly minMs: number;
  readonly maxMs: number;
}

/**
 * Validates a column of timestamps in one pass, converting (into a new array, never in place) only when
 * an entry is not already epoch milliseconds, and finds its range. Errors name `time[i]`.
 * @example
 * ```ts
 * import { readTimeColumn } from './time.ts';
 *
 * readTimeColumn('retentionMatrix', [5, 1, 3], 'UTC'); // => { times: [5, 1, 3], minMs: 1, maxMs: 5 }
 * readTimeColumn('retentionMatrix', [0, '1970-01-02'], 'UTC'); // => { times: [0, 86400000], minMs: 0, maxMs: 86400000 }
 * readTimeColumn('retentionMatrix', [0, 'soon'], 'UTC'); // => throws TypeError: retentionMatrix: time[1] "soon" is not a valid date
 * ```
 */
export function readTimeColumn(fn: string, rawTimes: ArrayLike<unknown>, timeZone: string): TimeColumn {
  const range = new Float64Array(2);
  const from = scanEpochMs(rawTimes, range);
  const minMs = range[0] as number;
  const maxMs = range[1] as number;
  return from === rawTimes.length ? { times: rawTimes as ArrayLike<number>, minMs, maxMs } : convertTimeColumn(fn, rawTimes, timeZone, from, minMs, maxMs);
}

/**
 * The common case of {@link readTimeColumn}: finds the range (into `range`) of the leading entries that are
 * epoch ms, and returns how many there are. A loop of its own that returns a number: with the object
 * literal or the conversion path after it in the same function, V8 deoptimised at the end of every call
 * and the loop ran 2–3 times slower.
 */
function scanEpochMs(rawTimes: ArrayLike<unknown>, range: Float64Array): number {
  const n = rawTimes.length;
  let minMs = Number.POSITIVE_INFINITY;
  let maxMs = Number.NEGATIVE_INFINITY;
  let i = 0;
  for (; i < n; i++) {
    const t = rawTimes[i];
    if (typeof t !== 'number' || !(Math.abs(t) <= MAX_EPOCH_MS)) break;
    if (t < minMs) minMs = t;
    if (t > maxMs) maxMs = t;
  }
  range[0] = minMs;
  range[1] = maxMs;
  return i;
}

/** {@link readTimeColumn} from entry `from` on (the first that is not epoch ms), into a converted copy. */
function convertTimeColumn(fn: string, rawTimes: ArrayLike<unknown>, timeZone: string, from: number, minMs: number, maxMs: number): TimeColumn {
  const n = rawTimes.length;
  const converted = new Float64Array(n);
  for (let i = 0; i < from; i++) converted[i] = rawTimes[i] as number;
  for (let i = from; i < n; i++) {
    const raw = rawTimes[i];
    const t = typeof raw === 'number' && Math.abs(raw) <= MAX_EPOCH_MS ? raw : toEpochMs(fn, raw, `time[${i}]`, timeZone);
    converted[i] = t;
    if (t < minMs) minMs = t;
    if (t > maxMs) maxMs = t;
  }
  return { times: converted, minMs, maxMs };
}

/**
 * Creates a period indexer for a period kind, IANA time zone and week start.
 * @throws {RangeError} For an unknown time zone, period, or `weekStartsOn` outside 0–6.
 * @throws {TypeError} When an option has the wrong kind.
 * @example
 * ```ts
 * import { createPeriodIndexer } from './time.ts';
 *
 * // 2024-03-05 is a Tuesday: its ISO week starts on Monday 2024-03-04, its Sunday week on 2024-03-03
 * const weeks = createPeriodIndexer('f', { period: 'week', timeZone: 'UTC', weekStartsOn: 1 });
 * weeks.label(weeks.index(Date.UTC(2024, 2, 5, 12))); // => '2024-03-04'
 * const sundayWeeks = createPeriodIndexer('f', { period: 'week', timeZone: 'UTC', weekStartsOn: 0 });
 * sundayWeeks.label(sundayWeeks.index(Date.UTC(2024, 2, 5, 12))); // => '2024-03-03'
 * // week 0 is the week of Thursday 1970-01-01, starting Monday 1969-12-29
 * weeks.label(0); // => '1969-12-29'
 * // months since January 1970: March 2024 is (2024 − 1970)·12 + 2
 * const months = createPeriodIndexer('f', { period: 'month', timeZone: 'Europe/Bucharest', weekStartsOn: 1 });
 * months.index(Date.UTC(2024, 2, 5)); // => 650
 * months.label(650); // => '2024-03-01'
 * // 2024-03-31T22:30Z is already 01:30 on April 1 in Bucharest (UTC+3); April starts at local midnight
 * months.index(Date.UTC(2024, 2, 31, 22, 30)); // => 651
 * new Date(months.start(651)).toISOString(); // => '2024-03-31T21:00:00.000Z'
 * // the spring-forward day has 23 hours, the fall-back day 25
 * const days = createPeriodIndexer('f', { period: 'day', timeZone: 'Europe/Bucharest', weekStartsOn: 1 });
 * const springDay = days.index(Date.UTC(2024, 2, 31, 12));
 * days.label(springDay); // => '2024-03-31'
 * (days.end(springDay) - days.start(springDay)) / 3_600_000; // => 23
 * const fallDay = days.index(Date.UTC(2024, 9, 27, 12));
 * (days.end(fallDay) - days.start(fallDay)) / 3_600_000; // => 25
 * createPeriodIndexer('f', { period: 'week', timeZone: 'UTC', weekStartsOn: 7 }); // => throws RangeError: f: weekStartsOn (7) must be an integer from 0 (Sunday) to 6 (Saturday)
 * ```
 */
export function createPeriodIndexer(fn: string, options: PeriodIndexerOptions): PeriodIndexer {
  const period = requirePeriod(fn, 'period', options.period);
  const timeZone = requireTimeZone(fn, 'timeZone', options.timeZone);
  const weekStartsOn = requireWeekStartsOn(fn, 'weekStartsOn', options.weekStartsOn);
  const zone = zoneData(fn, timeZone);
  const utc = zone.utc;

  /** Period number of a local day number. */
  const periodOfDay = (days: number): number => {
    switch (period) {
      case 'day':
        return days;
      case 'week':
        return Math.floor((days + 4 - weekStartsOn) / 7);
      default: {
        const { year, month } = civilFromDays(days);
        if (period === 'month') return (year - 1970) * 12 + (month - 1);
        if (period === 'quarter') return (year - 1970) * 4 + Math.floor((month - 1) / 3);
        return year - 1970;
      }
    }
  };

  const firstDay = (index: number): number => {
    switch (period) {
      case 'day':
        return index;
      case 'week':
        return 7 * index - 4 + weekStartsOn;
      case 'month': {
        const y = Math.floor(index / 12);
        return daysFromCivil(1970 + y, index - 12 * y + 1, 1);
      }
      case 'quarter': {
        const y = Math.floor(index / 4);
        return daysFromCivil(1970 + y, 3 * (index - 4 * y) + 1, 1);
      }
      default:
        return daysFromCivil(1970 + index, 1, 1);
    }
  };

  const startCache = new Map<number, number>();
  const start = (index: number): number => {
    if (utc) return firstDay(index) * MS_PER_DAY;
    let s = startCache.get(index);
    if (s === undefined) {
      if (startCache.size > MAX_CACHED_DAYS) startCache.clear();
      s = localToInstant(zone, firstDay(index) * MS_PER_DAY);
      startCache.set(index, s);
    }
    return s;
  };

  const slowIndex = (ms: number): number => {
    let i = periodOfDay(Math.floor((ms + cachedOffset(zone, ms)) / MS_PER_DAY));
    if (utc) return i;
    // Exact correction around midnight transitions: period i is the last one starting at or before ms.
    while (ms < start(i)) i--;
    while (ms >= start(i + 1)) i++;
    return i;
  };

  // Lookup table: bucket b (of `bucketMs`, from `bucketBase`) → period number at the bucket's first instant;
  // `starts[i - periodBase]` = start(i) for the covered periods (one extra at the end).
  let bucketMs = MS_PER_HOUR;
  let aligned = false;
  let bucketBase = 0;
  let table: Int32Array | null = null;
  let starts: Float64Array = new Float64Array(0);
  let periodBase = 0;
  let coveredMin = Number.POSITIVE_INFINITY;
  let coveredMax = Number.NEGATIVE_INFINITY;

  const prepare = (minMs: number, maxMs: number): void => {
    if (!(minMs <= maxMs) || !Number.isFinite(minMs) || !Number.isFinite(maxMs)) return;
    if (minMs >= coveredMin && maxMs <= coveredMax) return;
    if (utc && (period === 'day' || period === 'week')) return; // pure arithmetic is already fastest
    const pLo = slowIndex(minMs);
    const pHi = slowIndex(maxMs);
    if (pHi - pLo + 2 > MAX_TABLE_PERIODS) return;
    const newStarts = new Float64Array(pHi - pLo + 2);
    for (let i = pLo; i <= pHi + 1; i++) newStarts[i - pLo] = start(i);
    // Bucket size: the largest of a day (UTC), an hour, 30 or 15 minutes on which every boundary falls, so that a
    // bucket never straddles one (`aligned`); else an hour, doubled until the table is small enough.
    let size = utc ? MS_PER_DAY : MS_PER_HOUR;
    let isAligned = false;
    for (const candidate of utc ? [MS_PER_DAY] : [MS_PER_HOUR, MS_PER_HOUR / 2, MS_PER_HOUR / 4]) {
      if ((maxMs - minMs) / candidate + 2 > MAX_TABLE_BUCKETS) break;
      if (newStarts.every((t) => t % candidate === 0)) {
        size = candidate;
        isAligned = true;
        break;
      }
    }
    while ((maxMs - minMs) / size + 2 > MAX_TABLE_BUCKETS) {
      size *= 2;
      isAligned = false;
    }
    const base = Math.floor(minMs / size);
    const n = Math.floor(maxMs / size) - base + 1;
    const newTable = new Int32Array(n);
    let p = pLo;
    for (let b = 0; b < n; b++) {
      const t = (base + b) * size;
      while (p + 1 <= pHi && (newStarts[p + 1 - pLo] as number) <= t) p++;
      newTable[b] = p;
    }
    bucketMs = size;
    aligned = isAligned;
    bucketBase = base;
    table = newTable;
    starts = newStarts;
    periodBase = pLo;
    coveredMin = Math.max(minMs, newStarts[0] as number);
    coveredMax = maxMs;
  };

  const index = (ms: number): number => {
    if (utc && period === 'day') return Math.floor(ms / MS_PER_DAY);
    if (utc && period === 'week') return Math.floor((Math.floor(ms / MS_PER_DAY) + 4 - weekStartsOn) / 7);
    if (table !== null && ms >= coveredMin && ms <= coveredMax) {
      let i = table[Math.floor(ms / bucketMs) - bucketBase] as number;
      while (ms >= (starts[i + 1 - periodBase] as number)) i++;
      return i;
    }
    return slowIndex(ms);
  };

  return {
    period,
    timeZone,
    weekStartsOn,
    utc,
    index,
    start,
    end: (i: number): number => start(i + 1),
    label: (i: number): string => isoDateOfDay(firstDay(i)),
    firstDay,
    prepare,
    table: (): PeriodTable | null =>
      table === null ? null : { bucketMs, bucketBase, buckets: table, starts, periodBase, aligned, min: coveredMin, max: coveredMax },
  };
}
