/**
 * Timestamp parsing (SPEC §1 "Timestamps"): a `Date`, finite epoch milliseconds, or an ISO 8601 string: a date
 * (`2024-03-05`, local midnight in `timeZone`), or a date-time with `T` (or a space), optional seconds and fraction,
 * and an optional `Z` / `±HH:MM` / `±HHMM` / `±HH` offset; or the same in ISO 8601 basic format, without the
 * separators (`20240305`, `20240305T1430`, `20240305T143000.250Z`, `20240305T1430+0200`: `T` only, offset `Z`,
 * `±HHMM` or `±HH`). The file readers' byte-level fast path (`io/timeBytes.ts`) reads the same grammar. A date-time without an offset is read as wall-clock time
 * in `timeZone`. Epoch milliseconds must lie in the `Date` range (±8.64e15). Wall-clock times that do not exist
 * (spring-forward gaps) move forward by the gap; wall-clock times that occur twice (fall-back overlaps) resolve to
 * the earlier instant (Temporal's `'compatible'` disambiguation).
 * @internal
 * @module
 */
import { describeValue, shown, typeFail } from '../validate.ts';
import { daysFromCivil, daysInMonth, MAX_EPOCH_MS, MS_PER_DAY, MS_PER_HOUR } from './civil.ts';
import { localToInstant, zoneData, type ZoneData } from './zones.ts';

const ISO_RE =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

const DATE_ONLY_RE = /^(?:[+-]\d{6}|\d{4})(?:-\d{2}-\d{2}|\d{4})$/;

/**
 * Whether a timestamp is written as a date only (`'2024-02-29'`, or basic `'20240229'`), which stands for a whole local day where the
 * library reads an observation end.
 * @example
 * ```ts
 * import { isDateOnly } from './parse.ts';
 *
 * [isDateOnly('2024-02-29'), isDateOnly('19970930'), isDateOnly('2024-02-29T00:00'), isDateOnly(0), isDateOnly('+012024-02-29')]; // => [true, true, false, false, true]
 * ```
 */
export function isDateOnly(value: unknown): boolean {
  return typeof value === 'string' && DATE_ONLY_RE.test(value);
}

/** Parses an ISO 8601 string to epoch ms, or returns NaN. */
function parseIso(zone: ZoneData, text: string): number {
  const m = ISO_RE.exec(text) ?? BASIC_RE.exec(text);
  if (m === null) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if ((m[1] ?? '') === '-000000' || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return Number.NaN;
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
 * The basic format (for `parseIso`, which also reads it): the fields of `ISO_RE` without the `-` and `:`
 * separators, `T` only, offset `Z`, `±HHMM` or `±HH`.
 */
const BASIC_RE =
  /^([+-]\d{6}|\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(?:(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?:\d{2})?)?)?$/;

/**
 * Converts a timestamp (`Date`, epoch ms, or ISO 8601 string; see the module notes) to epoch milliseconds.
 * `label` names the value in the error, e.g. `row 17: time` or `observationEnd`.
 * @throws {TypeError} `${fn}: ${label} "${value}" is not a valid date` for anything else, including invalid
 *   dates, non-finite numbers and instants outside the `Date` range.
 * @throws {RangeError} When `timeZone` is not a valid zone (only checked when a string needs it).
 * @example
 * ```ts
 * import { toEpochMs } from './parse.ts';
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
 * // the basic format is the same instant
 * toEpochMs('f', '19970101', 'time', 'UTC') === toEpochMs('f', '1997-01-01', 'time', 'UTC'); // => true
 * iso('19970101T120000Z', 'Europe/Bucharest'); // => '1997-01-01T12:00:00.000Z'
 * iso('19970101T1200+0200', 'UTC'); // => '1997-01-01T10:00:00.000Z'
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
  if (!(Math.abs(ms) <= MAX_EPOCH_MS)) {
    // An option (`options.observationEnd`) is printed by its name, with its path in the error fields.
    const at = label.startsWith('options.') ? { argument: label, value } : {};
    typeFail(fn, `${shown(label)} ${describeValue(value)} is not a valid date`, at);
  }
  return ms;
}
