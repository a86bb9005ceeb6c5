/**
 * Timestamps read straight from UTF-8 bytes (the fast path of the file readers): ISO 8601 in the extended form
 * the library accepts everywhere (`2024-03-05`, `2024-03-05T14:30`, `2024-03-05 14:30:00.250+02:00`, …; the
 * grammar and the checks of `time/parse.ts`, which stays the authority: the property tests compare the two bit
 * for bit), the basic form (`20240305`, `20240305T143000Z`, `20240305T1430+0200`), and epoch seconds or
 * milliseconds written as decimal digits. A date is local midnight and a date-time without an offset local
 * wall-clock time in the zone, exactly as `toEpochMs` reads them; the expanded years (`+002024-03-05`) go to
 * `toEpochMs` itself. Every function returns `NaN` for text it does not accept and never allocates.
 * @internal
 * @module
 */
import { daysFromCivil, MAX_EPOCH_MS, MS_PER_DAY, MS_PER_HOUR } from '../time/civil.ts';
import { localToInstant, type ZoneData } from '../time/zones.ts';

/** Days of each month in a common year (index 1–12). */
const MONTH_DAYS: readonly number[] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Value of the decimal digit byte `b`, or −1. */
function digit(b: number): number {
  const d = b - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Value of two digits at `i`, or −1. */
function two(bytes: Uint8Array, i: number): number {
  const a = digit(bytes[i] as number);
  const b = digit(bytes[i + 1] as number);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/** Value of four digits at `i`, or −1. */
function four(bytes: Uint8Array, i: number): number {
  const a = two(bytes, i);
  const b = two(bytes, i + 2);
  return a < 0 || b < 0 ? -1 : a * 100 + b;
}

/**
 * Whether y-m-d is a date of the proleptic Gregorian calendar (same rule as `daysInMonth`).
 * @example
 * ```ts
 * import { validDate } from './timeBytes.ts';
 *
 * [validDate(2024, 2, 29), validDate(2023, 2, 29), validDate(1900, 2, 29), validDate(2024, 13, 1)]; // => [true, false, false, false]
 * ```
 */
export function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (day <= (MONTH_DAYS[month] as number)) return true;
  return month === 2 && day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/**
 * Reads the time and offset part after a date (`bytes[i]` is the first hour digit) of either form: `extended`
 * has colons (`14:30[:00[.250]]`, offset `Z`, `±HH`, `±HHMM` or `±HH:MM`), the basic form has none (`1430[00[.250]]`,
 * offset `Z`, `±HH` or `±HHMM`). Returns epoch ms, or NaN.
 */
function readTime(bytes: Uint8Array, i: number, end: number, days: number, zone: ZoneData, extended: boolean): number {
  const sep = extended ? 1 : 0;
  if (i + 4 + sep > end) return Number.NaN;
  const hour = two(bytes, i);
  if (extended && bytes[i + 2] !== 58) return Number.NaN;
  const minute = two(bytes, i + 2 + sep);
  if (hour < 0 || minute < 0) return Number.NaN;
  i += 4 + sep;
  let second = 0;
  let millis = 0;
  if (i < end && (extended ? bytes[i] === 58 : digit(bytes[i] as number) >= 0)) {
    i += sep;
    if (i + 2 > end) return Number.NaN;
    second = two(bytes, i);
    if (second < 0) return Number.NaN;
    i += 2;
    const b = bytes[i];
    if (i < end && (b === 46 || b === 44)) {
      i++;
      const from = i;
      let scale = 100;
      while (i < end) {
        const d = digit(bytes[i] as number);
        if (d < 0) break;
        millis += d * scale;
        scale = scale === 1 ? 0 : scale / 10;
        i++;
      }
      const count = i - from;
      if (count < 1 || count > 9) return Number.NaN;
    }
  }
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const local = days * MS_PER_DAY + hour * MS_PER_HOUR + minute * 60_000 + second * 1000 + millis;
  if (i === end) return localToInstant(zone, local);
  const s = bytes[i];
  if (s === 90 || s === 122) return i + 1 === end ? local : Number.NaN;
  if (s !== 43 && s !== 45) return Number.NaN;
  i++;
  const oh = i + 2 <= end ? two(bytes, i) : -1;
  if (oh < 0) return Number.NaN;
  i += 2;
  let om = 0;
  if (i < end) {
    if (extended && bytes[i] === 58) i++;
    if (i + 2 !== end) return Number.NaN;
    om = two(bytes, i);
    if (om < 0) return Number.NaN;
  }
  if (oh > 23 || om > 59) return Number.NaN;
  return local - (s === 45 ? -1 : 1) * (oh * MS_PER_HOUR + om * 60_000);
}

/**
 * Epoch milliseconds of the ISO 8601 timestamp in `bytes[start, end)`, extended or basic form (see the module
 * notes), local times in `zone`; NaN for anything else, including an instant outside the `Date` range and an
 * expanded year (`+002024-…`, which the caller hands to `toEpochMs`).
 * @example
 * ```ts
 * import { parseIsoBytes } from './timeBytes.ts';
 * import { zoneData } from '../time/zones.ts';
 *
 * const utc = zoneData('f', 'UTC');
 * const at = (text: string): number => parseIsoBytes(new TextEncoder().encode(text), 0, text.length, utc);
 * // 1997-01-01 is day 9862 (27 years of 365 days plus 7 leap days since 1970)
 * [at('1997-01-01'), at('19970101')]; // => [852076800000, 852076800000]
 * at('1997-01-01T12:00:00Z') - at('1997-01-01'); // => 43200000
 * at('19970101T120000Z') === at('1997-01-01T12:00:00Z'); // => true
 * // 12:00 at UTC+02:00 is 10:00Z
 * at('1997-01-01T12:00+02:00') - at('1997-01-01'); // => 36000000
 * at('1997-02-29'); // => NaN
 * ```
 */
export function parseIsoBytes(bytes: Uint8Array, start: number, end: number, zone: ZoneData): number {
  if (end - start < 8) return Number.NaN;
  const year = four(bytes, start);
  if (year < 0) return Number.NaN;
  let i = start + 4;
  const extended = bytes[i] === 45;
  let month: number;
  let day: number;
  if (extended) {
    if (end - start < 10 || bytes[i + 3] !== 45) return Number.NaN;
    month = two(bytes, i + 1);
    day = two(bytes, i + 4);
    i += 6;
  } else {
    month = two(bytes, i);
    day = two(bytes, i + 2);
    i += 4;
  }
  if (month < 0 || day < 0 || !validDate(year, month, day)) return Number.NaN;
  const days = daysFromCivil(year, month, day);
  let ms: number;
  if (i === end) ms = localToInstant(zone, days * MS_PER_DAY);
  else {
    const t = bytes[i];
    if (!(t === 84 || (extended && t === 32))) return Number.NaN;
    ms = readTime(bytes, i + 1, end, days, zone, extended);
  }
  return Math.abs(ms) <= MAX_EPOCH_MS ? ms : Number.NaN;
}

/**
 * Epoch milliseconds of a cell of decimal digits (an optional `-`, digits, an optional fraction) read as epoch
 * seconds (`scale` 1000) or milliseconds (`scale` 1); NaN for anything else or outside the `Date` range.
 * @example
 * ```ts
 * import { parseEpochBytes } from './timeBytes.ts';
 *
 * const bytes = new TextEncoder().encode('852076800');
 * parseEpochBytes(bytes, 0, bytes.length, 1000); // => 852076800000
 * parseEpochBytes(bytes, 0, bytes.length, 1); // => 852076800
 * parseEpochBytes(new TextEncoder().encode('1e3'), 0, 3, 1); // => NaN
 * ```
 */
export function parseEpochBytes(bytes: Uint8Array, start: number, end: number, scale: number): number {
  let i = start;
  const negative = i < end && bytes[i] === 45;
  if (negative) i++;
  const from = i;
  let whole = 0;
  while (i < end) {
    const d = digit(bytes[i] as number);
    if (d < 0) break;
    whole = whole * 10 + d;
    i++;
  }
  if (i === from || i - from > 16) return Number.NaN;
  let value = whole;
  if (i < end) {
    if (bytes[i] !== 46 || i + 1 === end) return Number.NaN;
    let fraction = 0;
    let divisor = 1;
    for (i++; i < end; i++) {
      const d = digit(bytes[i] as number);
      if (d < 0 || divisor >= 1e15) return Number.NaN;
      fraction = fraction * 10 + d;
      divisor *= 10;
    }
    value = whole + fraction / divisor;
  }
  const ms = (negative ? -value : value) * scale;
  return Math.abs(ms) <= MAX_EPOCH_MS ? ms : Number.NaN;
}
