/**
 * Calendar period bucketing with correct daylight-saving transitions: maps instants to integer period numbers and
 * back, for any kind of {@link PERIOD_KINDS} in any IANA time zone. A period starts at the first instant of its
 * first local day and ends where the next period starts; `index(ms)` is the period whose `[start, end)` contains
 * `ms`. Optionally precomputes a lookup table so that bucketing costs two array reads per event.
 * @internal
 * @module
 */
import { isoDateOfDay, MS_PER_DAY, MS_PER_HOUR } from './civil.ts';
import { requireWeekStartsOn, requireYearStartsOn, type CalendarRules } from './calendarRules.ts';
import { PERIOD_KINDS, requirePeriod, type Period } from './periodKinds.ts';
import { cachedOffset, localToInstant, MAX_CACHED_DAYS, requireTimeZone, zoneData } from './zones.ts';

/** Options of {@link createPeriodIndexer}. */
export interface PeriodIndexerOptions {
  readonly period: Period;
  readonly timeZone: string;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekStartsOn: number;
  /** First month of quarters and years, 1 = January (default) … 12 = December. */
  readonly yearStartsOn?: number;
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
  /** First month of quarters and years, 1 = January … 12 = December. */
  readonly yearStartsOn: number;
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

/**
 * Creates a period indexer for a period kind, IANA time zone, week start and (fiscal) year start. The kind's
 * calendar functions come from {@link PERIOD_KINDS}; `yearStartsOn` (default 1, January) moves the first month of
 * quarters and years, and a fiscal year is numbered (and labelled) by the day it starts.
 * @throws {RangeError} For an unknown time zone, period, `weekStartsOn` outside 0–6 or `yearStartsOn` outside 1–12.
 * @throws {TypeError} When an option has the wrong kind.
 * @example
 * ```ts
 * import { createPeriodIndexer } from './indexer.ts';
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
 * // UK fiscal years start in April: 2024-03-05 lies in the one that started on 2023-04-01
 * const fiscal = createPeriodIndexer('f', { period: 'year', timeZone: 'Europe/London', weekStartsOn: 1, yearStartsOn: 4 });
 * fiscal.label(fiscal.index(Date.UTC(2024, 2, 5))); // => '2023-04-01'
 * // and ends at local midnight of 2024-04-01, 23:00 UTC (British Summer Time)
 * new Date(fiscal.end(fiscal.index(Date.UTC(2024, 2, 5)))).toISOString(); // => '2024-03-31T23:00:00.000Z'
 * createPeriodIndexer('f', { period: 'week', timeZone: 'UTC', weekStartsOn: 7 }); // => throws RangeError: f: weekStartsOn (7) must be an integer from 0 (Sunday) to 6 (Saturday)
 * createPeriodIndexer('f', { period: 'quarter', timeZone: 'UTC', weekStartsOn: 1, yearStartsOn: 13 }); // => throws RangeError: f: yearStartsOn (13) must be an integer from 1 (January) to 12 (December)
 * ```
 */
export function createPeriodIndexer(fn: string, options: PeriodIndexerOptions): PeriodIndexer {
  const period = requirePeriod(fn, 'period', options.period);
  const timeZone = requireTimeZone(fn, 'timeZone', options.timeZone);
  const weekStartsOn = requireWeekStartsOn(fn, 'weekStartsOn', options.weekStartsOn);
  const yearStartsOn = requireYearStartsOn(fn, 'yearStartsOn', options.yearStartsOn ?? 1);
  const zone = zoneData(fn, timeZone);
  const utc = zone.utc;
  const kind = PERIOD_KINDS[period];
  const rules: CalendarRules = { weekStartsOn, yearStartsOn };
  /** In UTC, an arithmetic kind's period is a formula of the instant: no lookup table is faster. */
  const direct = utc && kind.arithmetic;

  /** Period number of a local day number. */
  const periodOfDay = (days: number): number => kind.periodOfDay(days, rules);
  const firstDay = (index: number): number => kind.firstDay(index, rules);

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
    if (direct) return; // pure arithmetic is already fastest
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
    if (direct) return periodOfDay(Math.floor(ms / MS_PER_DAY));
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
    yearStartsOn,
    utc,
    index,
    start,
    end: (i: number): number => start(i + 1),
    label: (i: number): string => isoDateOfDay(firstDay(i)),
    firstDay,
    prepare,
    table: (): PeriodTable | null =>
      table === null
        ? null
        : { bucketMs, bucketBase, buckets: table, starts, periodBase, aligned, min: coveredMin, max: coveredMax },
  };
}
