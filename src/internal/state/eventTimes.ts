/**
 * The per-period range of event instants of a cohort state: for each calendar period with events, the earliest
 * and the latest event in it. A state keeps periods, not instants; this small table (one entry per period,
 * not per customer) is what lets `finishCohortState` apply an `observationEnd` that falls inside a period
 * exactly as `retentionMatrix` does (an event counts when it is at or before the end): when every event of the
 * end's period is at or before the end the period counts whole, when every one is after it the period counts
 * as empty, and otherwise the state cannot tell which customers were active by then, and says so.
 * @internal
 * @module
 */
import type { PeriodIndexer } from '../time/indexer.ts';
import { describeValue, rangeFail, requireObject, typeFail } from '../validate.ts';

/** Per period with events, ascending: earliest and latest instant. */
export interface EventTimes {
  readonly periods: number[];
  readonly earliest: number[];
  readonly latest: number[];
}

/**
 * The event-time table of a log (times in epoch ms; the indexer maps them to periods).
 * @example
 * ```ts
 * import { createPeriodIndexer } from '../time/indexer.ts';
 * import { eventTimesOf } from './eventTimes.ts';
 *
 * const day = createPeriodIndexer('cohortState', { period: 'day', timeZone: 'UTC', weekStartsOn: 1 });
 * const H = 3_600_000;
 * eventTimesOf([30 * H, 2 * H, 5 * H], 2 * H, 30 * H, day); // => { periods: [0, 1], earliest: [7200000, 108000000], latest: [18000000, 108000000] }
 * ```
 */
export function eventTimesOf(
  times: ArrayLike<number>,
  minMs: number,
  maxMs: number,
  indexer: PeriodIndexer,
): EventTimes {
  const n = times.length;
  if (n === 0) return { periods: [], earliest: [], latest: [] };
  indexer.prepare(minMs, maxMs);
  const base = indexer.index(minMs);
  const span = indexer.index(maxMs) - base + 1;
  const lo = new Float64Array(span).fill(Number.POSITIVE_INFINITY);
  const hi = new Float64Array(span).fill(Number.NEGATIVE_INFINITY);
  rangesByPeriod(times, indexer, base, lo, hi);
  const out: EventTimes = { periods: [], earliest: [], latest: [] };
  for (let p = 0; p < span; p++) {
    if ((lo[p] as number) === Number.POSITIVE_INFINITY) continue;
    out.periods.push(p + base);
    out.earliest.push(lo[p] as number);
    out.latest.push(hi[p] as number);
  }
  return out;
}

function rangesByPeriod(
  times: ArrayLike<number>,
  indexer: PeriodIndexer,
  base: number,
  lo: Float64Array,
  hi: Float64Array,
): void {
  for (let e = 0; e < times.length; e++) {
    const t = times[e] as number;
    const p = indexer.index(t) - base;
    if (t < (lo[p] as number)) lo[p] = t;
    if (t > (hi[p] as number)) hi[p] = t;
  }
}

/**
 * Union of two tables (per period: the earlier earliest, the later latest).
 * @example
 * ```ts
 * import { mergeEventTimes } from './eventTimes.ts';
 *
 * mergeEventTimes({ periods: [1, 3], earliest: [10, 30], latest: [12, 31] }, { periods: [3, 4], earliest: [29, 40], latest: [30, 40] }); // => { periods: [1, 3, 4], earliest: [10, 29, 40], latest: [12, 31, 40] }
 * ```
 */
export function mergeEventTimes(a: EventTimes, b: EventTimes): EventTimes {
  const out: EventTimes = { periods: [], earliest: [], latest: [] };
  let i = 0;
  let j = 0;
  while (i < a.periods.length || j < b.periods.length) {
    const p = i < a.periods.length ? (a.periods[i] as number) : Number.POSITIVE_INFINITY;
    const q = j < b.periods.length ? (b.periods[j] as number) : Number.POSITIVE_INFINITY;
    if (p < q) {
      out.periods.push(p);
      out.earliest.push(a.earliest[i] as number);
      out.latest.push(a.latest[i++] as number);
    } else if (q < p) {
      out.periods.push(q);
      out.earliest.push(b.earliest[j] as number);
      out.latest.push(b.latest[j++] as number);
    } else {
      out.periods.push(p);
      out.earliest.push(Math.min(a.earliest[i] as number, b.earliest[j] as number));
      out.latest.push(Math.max(a.latest[i++] as number, b.latest[j++] as number));
    }
  }
  return out;
}

/**
 * Reads and validates the table of a state.
 * @throws {TypeError} When it is not an object of three arrays of numbers.
 * @throws {RangeError} When the arrays differ in length, periods are not increasing integers, or a range is
 *   not finite and ordered.
 */
export function readEventTimes(fn: string, name: string, value: unknown): EventTimes {
  const arg = `${name}.eventTimes`;
  const o = requireObject(fn, arg, value);
  const { periods, earliest, latest } = o;
  if (!Array.isArray(periods) || !Array.isArray(earliest) || !Array.isArray(latest))
    typeFail(fn, `${arg} must hold the arrays periods, earliest and latest, got ${describeValue(periods)}`, {
      argument: arg,
      value,
    });
  const n = periods.length;
  const bad = (): never =>
    rangeFail(fn, `${arg} is not the field of a state made by this library`, { argument: arg, value });
  if (earliest.length !== n || latest.length !== n) bad();
  const out: EventTimes = { periods: [], earliest: [], latest: [] };
  for (let i = 0; i < n; i++) {
    const p: unknown = periods[i];
    const lo: unknown = earliest[i];
    const hi: unknown = latest[i];
    if (typeof p !== 'number' || !Number.isInteger(p) || (i > 0 && p <= (periods[i - 1] as number))) bad();
    if (typeof lo !== 'number' || typeof hi !== 'number' || !Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi)
      bad();
    out.periods.push(p as number);
    out.earliest.push(lo as number);
    out.latest.push(hi as number);
  }
  return out;
}

/**
 * The last period a finished state counts for an observation end `end` in period `endPeriod`: `endPeriod` when
 * every event of that period is at or before `end` (or it has none), `endPeriod − 1` when every one is after.
 * @throws {RangeError} When the end's period has events on both sides of `end`.
 * @example
 * ```ts
 * import { lastCountedPeriod } from './eventTimes.ts';
 *
 * const times = { periods: [5], earliest: [100], latest: [200] };
 * [lastCountedPeriod('finishCohortState', times, 5, 200), lastCountedPeriod('finishCohortState', times, 5, 50), lastCountedPeriod('finishCohortState', times, 6, 300)]; // => [5, 4, 6]
 * lastCountedPeriod('finishCohortState', times, 5, 150); // => throws RangeError
 * ```
 */
export function lastCountedPeriod(fn: string, times: EventTimes, endPeriod: number, end: number): number {
  const i = times.periods.indexOf(endPeriod);
  if (i < 0 || (times.latest[i] as number) <= end) return endPeriod;
  if ((times.earliest[i] as number) > end) return endPeriod - 1;
  return rangeFail(
    fn,
    `observationEnd (${new Date(end).toISOString()}) falls between events of its period (${new Date(times.earliest[i] as number).toISOString()} … ${new Date(times.latest[i] as number).toISOString()}): a state keeps periods, not instants; finish at or after the period's last event, or before its first`,
    { argument: 'options.observationEnd', value: end },
  );
}
