/**
 * What the passes over a transaction log (`inOrderPass.ts`, `windowPass.ts`, `spansPass.ts`) share: the
 * sentinel and bias of their period numbers, the block in which periods are computed and its period lookup,
 * and the per-customer arrays of the summary they fill.
 * @internal
 * @module
 */
import type { PeriodIndexer } from '../time/indexer.ts';
import type { PeriodSummary } from './periodSummary.ts';

/** Sentinel period number: "no purchase period ≤ cutoff" (periods are days since 1970 at most, far below it). */
export const NONE = 0x7fffffff;

/**
 * Periods are stored biased by 2^30 = 1_073_741_824 inside the passes, so every stored period is positive
 * and a zero means "customer not seen yet" (|period| ≤ 1.1e8 days for any valid instant). A literal, not
 * `1 << 30`: bundlers can only drop an unused constant whose initialiser is a literal.
 */
export const BIAS = 1_073_741_824;

/** Transactions per block (periods are computed a block at a time). */
export const BLOCK = 2048;

/** Writes the period numbers of `times[from … to)` to `out[0 …]`. */
export type BlockPeriods = (times: ArrayLike<number>, from: number, to: number, out: Int32Array) => void;

/** Periods a lookup table may cover beyond the number of transactions it serves (see {@link blockPeriods}). */
const TABLE_SLACK = 65_536;

/**
 * The period numbers of a block of instants, with the lookup inlined: arithmetic for UTC days and
 * weeks, the indexer's precomputed table otherwise (one or two array reads per instant), and the
 * indexer itself when no table fits or a table would cost more than the transactions it serves.
 *
 * The work scales with what is asked, not with the extreme instant seen: periods after `lastPeriod` (the
 * last one the caller keeps; the passes skip later ones) all read as `lastPeriod + 1`, so a table never
 * covers them, and a table is built only when it has at most `4·events + 65,536` periods (each of its
 * periods costs a time-zone conversion, a transaction looked up without it about the same). A single
 * `9999-12-31` row thus costs one lookup, not a table of 2.9 million days.
 * @example
 * ```ts
 * import { blockPeriods } from './blocks.ts';
 * import { createPeriodIndexer } from '../time/indexer.ts';
 *
 * const D = 86_400_000;
 * const week = createPeriodIndexer('rfmSummary', { period: 'week', timeZone: 'UTC', weekStartsOn: 1 });
 * const periodsOf = blockPeriods(week, 0, 20 * D);
 * const out = new Int32Array(3);
 * // 1970-01-01 is a Thursday: days 0–3 are in week 0 (from Monday 1969-12-29), days 4–10 in week 1, …
 * periodsOf([0, 4 * D, 11 * D], 0, 3, out);
 * out; // => [0, 1, 2]
 * // in Berlin, with the periods asked for ending at day 19: 9999-12-31 reads as day 20, without a table to it
 * const day = createPeriodIndexer('rfmSummary', { period: 'day', timeZone: 'Europe/Berlin', weekStartsOn: 1 });
 * const far = Date.UTC(9999, 11, 31);
 * blockPeriods(day, 0, far, 19, 3)([0, 4 * D, far], 0, 3, out);
 * out; // => [0, 4, 20]
 * ```
 */
export function blockPeriods(
  indexer: PeriodIndexer,
  minMs: number,
  maxMs: number,
  lastPeriod: number = Number.POSITIVE_INFINITY,
  events: number = Number.POSITIVE_INFINITY,
): BlockPeriods {
  if (indexer.utc && indexer.period === 'day') {
    return (times, from, to, out) => {
      for (let i = from; i < to; i++) out[i - from] = Math.floor((times[i] as number) / 86_400_000);
    };
  }
  if (indexer.utc && indexer.period === 'week') {
    // Same arithmetic as the indexer: day 0 (1970-01-01) is a Thursday.
    const shift = 4 - indexer.weekStartsOn;
    return (times, from, to, out) => {
      for (let i = from; i < to; i++)
        out[i - from] = Math.floor((Math.floor((times[i] as number) / 86_400_000) + shift) / 7);
    };
  }
  // Instants after `lastPeriod` need no lookup: they read as lastPeriod + 1.
  const stop = Number.isFinite(lastPeriod) ? indexer.end(lastPeriod) : Number.POSITIVE_INFINITY;
  if (maxMs >= stop) {
    const beyond = lastPeriod + 1;
    const hiMs = Math.min(maxMs, stop - 1);
    if (minMs > hiMs) {
      return (_times, from, to, out) => {
        out.fill(beyond, 0, to - from);
      };
    }
    const inner = blockPeriods(indexer, minMs, hiMs, Number.POSITIVE_INFINITY, events);
    // For instants after `hiMs` the inner lookup reads past its table (undefined, stored as 0): overwritten here.
    return (times, from, to, out) => {
      inner(times, from, to, out);
      for (let i = from; i < to; i++) if ((times[i] as number) >= stop) out[i - from] = beyond;
    };
  }
  const budget = 4 * events + TABLE_SLACK;
  if (indexer.index(maxMs) - indexer.index(minMs) < budget) indexer.prepare(minMs, maxMs);
  const table = indexer.table();
  if (table !== null && table.min <= minMs && table.max >= maxMs) {
    const { bucketMs, bucketBase, buckets, starts, periodBase } = table;
    if (table.aligned) {
      return (times, from, to, out) => {
        for (let i = from; i < to; i++)
          out[i - from] = buckets[Math.floor((times[i] as number) / bucketMs) - bucketBase] as number;
      };
    }
    return (times, from, to, out) => {
      for (let i = from; i < to; i++) {
        const t = times[i] as number;
        let p = buckets[Math.floor(t / bucketMs) - bucketBase] as number;
        while (t >= (starts[p + 1 - periodBase] as number)) p++;
        out[i - from] = p;
      }
    };
  }
  const index = indexer.index;
  return (times, from, to, out) => {
    for (let i = from; i < to; i++) out[i - from] = index(times[i] as number);
  };
}

/**
 * The per-customer arrays of a summary, for a pass to fill (the value sums only with values).
 * @example
 * ```ts
 * import { summaryArrays } from './blocks.ts';
 *
 * summaryArrays(2, true); // => { first: [0, 0], last: [0, 0], periods: [0, 0], holdoutPeriods: [0, 0], repeatValue: [0, 0], holdoutValue: [0, 0] }
 * summaryArrays(1, false).repeatValue; // => null
 * ```
 */
export function summaryArrays(
  count: number,
  hasValues: boolean,
): Pick<PeriodSummary, 'first' | 'last' | 'periods' | 'holdoutPeriods' | 'repeatValue' | 'holdoutValue'> {
  return {
    first: new Int32Array(count),
    last: new Int32Array(count),
    periods: new Int32Array(count),
    holdoutPeriods: new Int32Array(count),
    repeatValue: hasValues ? new Float64Array(count) : null,
    holdoutValue: hasValues ? new Float64Array(count) : null,
  };
}

/**
 * A copy of `a` in a new array of `cap` entries (`cap ≥ a.length`), the rest 0.
 * @example
 * ```ts
 * import { growInt } from './blocks.ts';
 *
 * growInt(Int32Array.from([4, 5]), 4); // => [4, 5, 0, 0]
 * ```
 */
export function growInt(a: Int32Array, cap: number): Int32Array {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}
