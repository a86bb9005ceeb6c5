/**
 * IANA time-zone offsets: one cached `Intl.DateTimeFormat` per zone, offsets cached per UTC day (with the exact
 * transition instant on the rare days where the offset changes), so bucketing millions of events costs a few
 * formatter calls per day of data, not one per event. Zones whose offset changes twice within one UTC day are not
 * supported (no such zone exists in the tz database since 1970).
 * @internal
 * @module
 */
import { outOfRange, wrongType } from '../validate.ts';
import { daysFromCivil, MAX_EPOCH_MS, MS_PER_DAY, MS_PER_HOUR } from './civil.ts';

/** Cached offset data of one zone. */
export interface ZoneData {
  readonly utc: boolean;
  readonly format: Intl.DateTimeFormat;
  /** UTC day → offset (ms) at the day's first instant. */
  readonly dayOffset: Map<number, number>;
  /** UTC day → instant of the offset change within the day, or NaN when the offset is constant all day. */
  readonly dayTransition: Map<number, number>;
}

const zones = new Map<string, ZoneData>();
const NOT_A_ZONE = 'is not a valid IANA time zone';
export const MAX_CACHED_DAYS = 200_000;

/**
 * The cached offset data of an IANA zone (one `Intl.DateTimeFormat` per zone, kept across calls), created on first
 * use. `utc` is true for the zones without offsets (`UTC`, `Etc/UTC`, `Etc/GMT`, `GMT`), whose instants are their
 * own wall-clock times.
 * @throws {RangeError} When `Intl.DateTimeFormat` does not know the zone.
 * @example
 * ```ts
 * import { zoneData } from './zones.ts';
 *
 * zoneData('f', 'Europe/London') === zoneData('f', 'Europe/London'); // => true
 * zoneData('f', 'Etc/UTC').utc; // => true
 * zoneData('f', 'Europe/London').utc; // => false
 * zoneData('f', 'Europe/London').format.resolvedOptions().timeZone; // => 'Europe/London'
 * zoneData('f', 'Mars/Olympus'); // => throws RangeError: f: timeZone ("Mars/Olympus") is not a valid IANA time zone
 * ```
 */
export function zoneData(fn: string, timeZone: string): ZoneData {
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
    return outOfRange(fn, 'timeZone', timeZone, NOT_A_ZONE);
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
 * Validates a time-zone option: a string naming an IANA zone (or `UTC`). Returns it unchanged. `name` is the
 * argument path (`options.timeZone` prints as `timeZone`; the error's `argument` field keeps the path).
 * @throws {TypeError} When `value` is not a string.
 * @throws {RangeError} When `Intl.DateTimeFormat` does not know the zone.
 * @example
 * ```ts
 * import { requireTimeZone } from './zones.ts';
 *
 * requireTimeZone('buildCohorts', 'timeZone', 'Europe/Bucharest'); // => 'Europe/Bucharest'
 * requireTimeZone('buildCohorts', 'timeZone', 'UTC'); // => 'UTC'
 * requireTimeZone('buildCohorts', 'timeZone', 'Mars/Olympus'); // => throws RangeError: buildCohorts: timeZone ("Mars/Olympus") is not a valid IANA time zone
 * requireTimeZone('buildCohorts', 'timeZone', 2); // => throws TypeError: buildCohorts: timeZone must be an IANA time zone name, got 2
 * ```
 */
export function requireTimeZone(fn: string, name: string, value: unknown): string {
  if (typeof value !== 'string') wrongType(fn, name, value, 'an IANA time zone name');
  try {
    zoneData(fn, value);
  } catch {
    outOfRange(fn, name, value, NOT_A_ZONE);
  }
  return value;
}

/** Offset (wall clock − UTC, in ms) computed directly with the formatter. */
function rawOffset(zone: ZoneData, ms: number): number {
  const clamped = Math.max(-MAX_EPOCH_MS, Math.min(MAX_EPOCH_MS, ms));
  const seconds = clamped - (((clamped % 1000) + 1000) % 1000);
  const parts: Record<string, string> = {};
  for (const part of zone.format.formatToParts(seconds)) parts[part.type] = part.value;
  const field = (type: string): number => Number(parts[type]);
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - field('year') : field('year');
  const wall =
    daysFromCivil(year, field('month'), field('day')) * MS_PER_DAY +
    field('hour') * MS_PER_HOUR +
    field('minute') * 60_000 +
    field('second') * 1000;
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

/**
 * Offset of `zone` at the instant `ms` (wall clock − UTC, in ms) via the per-day cache: one formatter call per
 * UTC day, plus a search for the exact second of the change on the days when the offset changes.
 * @example
 * ```ts
 * import { cachedOffset, zoneData } from './zones.ts';
 *
 * const london = zoneData('f', 'Europe/London');
 * // GMT in winter, BST (UTC+1) from 2024-03-31 01:00 UTC
 * cachedOffset(london, Date.UTC(2024, 0, 15)); // => 0
 * cachedOffset(london, Date.UTC(2024, 2, 31, 0, 59, 59)); // => 0
 * cachedOffset(london, Date.UTC(2024, 2, 31, 1)) / 3_600_000; // => 1
 * // New York, EST (UTC−5) in winter
 * cachedOffset(zoneData('f', 'America/New_York'), Date.UTC(2024, 0, 15)) / 3_600_000; // => -5
 * cachedOffset(zoneData('f', 'UTC'), Date.UTC(2024, 6, 1)); // => 0
 * ```
 */
export function cachedOffset(zone: ZoneData, ms: number): number {
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
 * import { zoneOffsetMs } from './zones.ts';
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
 * The instant at which the wall clock of `zone` shows `localMs` (wall-clock time written as if it were UTC
 * epoch ms). Gaps move forward by the gap length; overlaps resolve to the earlier instant. The zone is already
 * resolved: the form with a zone name is {@link wallClockToEpochMs}.
 * @example
 * ```ts
 * import { localToInstant, zoneData } from './zones.ts';
 *
 * const london = zoneData('f', 'Europe/London');
 * const instant = (local: number): string => new Date(localToInstant(london, local)).toISOString();
 * // the UK fiscal year 2024/25 starts at midnight BST on 2024-04-01, 23:00 UTC the day before
 * instant(Date.UTC(2024, 3, 1)); // => '2024-03-31T23:00:00.000Z'
 * // 2024-03-31: 01:00 GMT jumps to 02:00 BST, so 01:30 does not exist and moves on by the hour
 * instant(Date.UTC(2024, 2, 31, 1, 30)); // => '2024-03-31T01:30:00.000Z'
 * // 2024-10-27: 01:30 happens twice (00:30 UTC in BST, 01:30 UTC in GMT): the earlier
 * instant(Date.UTC(2024, 9, 27, 1, 30)); // => '2024-10-27T00:30:00.000Z'
 * localToInstant(zoneData('f', 'UTC'), 0); // => 0
 * ```
 */
export function localToInstant(zone: ZoneData, localMs: number): number {
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
 * import { wallClockToEpochMs } from './zones.ts';
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
