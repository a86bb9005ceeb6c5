import { toEpochMs } from '../internal/time/parse.ts';
import { requireTimeZone } from '../internal/time/zones.ts';
import { readOptions, withDefault } from '../internal/validate.ts';

/** Options of {@link parseTimestamp}. */
export interface ParseTimestampOptions {
  /** IANA time zone for date-only strings and date-times without an offset. Default `'UTC'`. */
  readonly timeZone?: string;
}

/**
 * Reads a timestamp the way every function of the library does and returns epoch milliseconds.
 *
 * Accepts a `Date`, finite epoch milliseconds, or an ISO 8601 string: a date (`2024-03-05`, local midnight in
 * `timeZone`), or a date-time with `T` or a space, optional seconds and fraction, and an optional `Z`,
 * `±HH:MM`, `±HHMM` or `±HH` offset; the ISO 8601 basic format, without the separators, reads the same
 * (`19970101`, `19970101T120000Z`, `19970101T1200+0200`; `T` only, offset `Z`, `±HHMM` or `±HH`). A date-time without an offset is wall-clock time in `timeZone`; a wall-clock
 * time skipped by a daylight-saving change moves forward by the gap, and one that occurs twice resolves to the
 * earlier instant (as Temporal's `'compatible'` disambiguation).
 *
 * ```text
 * "2024-03-10T02:30" in America/New_York → 2024-03-10T07:30:00Z (03:30 EDT; 02:30 does not exist)
 * ```
 *
 * @param value - The timestamp.
 * @param options - `timeZone` (default `'UTC'`).
 * @returns Epoch milliseconds.
 * @throws {TypeError} When the value is not a valid date (wrong kind, invalid calendar date, out of range), or
 *   for an unknown option.
 * @throws {RangeError} When the time zone is unknown.
 * @example
 * ```ts
 * import { parseTimestamp } from 'loyalty-metrics';
 *
 * parseTimestamp('2024-03-05', { timeZone: 'Europe/Bucharest' }); // => Date.UTC(2024, 2, 4, 22)
 * parseTimestamp('2024-03-05T12:00:00+02:00'); // => Date.UTC(2024, 2, 5, 10)
 * parseTimestamp('20240305T120000+0200'); // => Date.UTC(2024, 2, 5, 10)
 * parseTimestamp('2023-02-29'); // => throws TypeError
 * parseTimestamp('2024-03-05', { timezone: 'UTC' } as never); // => throws TypeError: parseTimestamp: unknown option "timezone" (did you mean "timeZone"?); accepted options: timeZone
 * ```
 * @category Time
 */
export function parseTimestamp(value: Date | number | string, options?: ParseTimestampOptions): number {
  const fn = 'parseTimestamp';
  const opts = readOptions(fn, options, ['timeZone']);
  const timeZone = requireTimeZone(fn, 'options.timeZone', withDefault(opts.timeZone, 'UTC'));
  return toEpochMs(fn, value, 'value', timeZone);
}
