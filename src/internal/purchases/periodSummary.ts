/**
 * The per-customer purchase-period summary of a transaction log behind the RFM functions (`rfmSummary`,
 * `calibrationHoldoutSplit`, `overdueCustomers`): each customer's first and last period, number of distinct
 * purchase periods and value sums, split at a cutoff, and the chooser that picks the pass computing it:
 * `inOrderPass.ts` for a log with each customer's transactions in time order, `windowPass.ts` (one bitset
 * record per customer over the whole window) otherwise, `spansPass.ts` (a bitset or list per customer over its
 * own span) for a long, sparse history. Every pass gives the same summary on a log in time order, to the last
 * bit of the value sums; the property tests compare each pass with a sibling as its oracle.
 *
 * When every customer id is a small non-negative integer the passes index their state by the id itself (no
 * lookup table at all); otherwise ids map to slots through a direct table or a `Map`. Memory is proportional to
 * customers × periods, plus a chunk buffer of 16 bytes per transaction (20 when ids go through the table;
 * 32 or 40 MB at most).
 * @internal
 * @module
 */
import type { TransactionColumns } from '../transactions.ts';
import type { PeriodIndexer } from '../time/indexer.ts';
import { blockPeriods, NONE } from './blocks.ts';
import { summarizeSorted } from './inOrderPass.ts';
import { summarizeSpans } from './spansPass.ts';
import { MAX_WINDOW, summarizeWindow } from './windowPass.ts';

/**
 * Per-customer purchase periods, split at `cutoff`: periods ≤ cutoff are the calibration (or whole)
 * window, periods in (cutoff, end] the holdout window. Arrays are indexed by customer in first-seen order.
 */
export interface PeriodSummary {
  readonly count: number;
  /** Customer identifier of each index. */
  readonly keys: ArrayLike<unknown>;
  /** First and last purchase period ≤ cutoff (`first` is 0x7fffffff when the customer has none). */
  readonly first: Int32Array;
  readonly last: Int32Array;
  /** Number of distinct purchase periods ≤ cutoff and in (cutoff, end]. */
  readonly periods: Int32Array;
  readonly holdoutPeriods: Int32Array;
  /** Compensated sums of the values of the repeat periods ≤ cutoff (all but the first period), and of the holdout values. */
  readonly repeatValue: Float64Array | null;
  readonly holdoutValue: Float64Array | null;
  /**
   * The distinct purchase periods (≤ end) of every customer, for {@link collectPeriods}; `null` unless
   * `summarizePeriods` was asked to keep them.
   */
  readonly store: PeriodStore | null;
}

/**
 * Where the distinct purchase periods of each customer (by index) are kept: a bit per period of
 * [lo, hi] starting at word `base[s] ≥ 0` of `words`, or, for a customer whose span is long for its
 * number of purchases, a sorted list `lists[−1 − base[s] …]` of `length[s]` periods.
 */
export interface PeriodStore {
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly base: Int32Array;
  readonly length: Int32Array;
  readonly words: Int32Array;
  readonly lists: Int32Array;
}

/**
 * Receives one customer of a summary: its identifier, first and last purchase period ≤ cutoff, number of
 * distinct purchase periods ≤ cutoff, and the compensated sum of its repeat-period values (0 without values).
 */
export type CustomerSink = (
  customer: unknown,
  first: number,
  last: number,
  periods: number,
  repeatValue: number,
) => void;

/**
 * True when the customer has a purchase period ≤ cutoff.
 * @example
 * ```ts
 * import { readTransactions } from '../transactions.ts';
 * import { createPeriodIndexer } from '../time/indexer.ts';
 * import { hasPurchase, summarizePeriods } from './periodSummary.ts';
 *
 * const day = createPeriodIndexer('rfmSummary', { period: 'day', timeZone: 'UTC', weekStartsOn: 1 });
 * // customer 1 buys on day 0 only, customer 2 only on day 5; cutoff day 2, end day 9
 * const t = readTransactions('rfmSummary', { customer: [1, 2], time: [0, 5 * 86_400_000] }, {}, 'UTC', false);
 * const summary = summarizePeriods('rfmSummary', t, day, 2, 9, false);
 * [hasPurchase(summary, 0), hasPurchase(summary, 1)]; // => [true, false]
 * ```
 */
export function hasPurchase(summary: PeriodSummary, index: number): boolean {
  return summary.first[index] !== NONE;
}

/**
 * One pass over the transactions: the first/last period, number of distinct purchase periods and value
 * sums of each customer, for periods up to `end` (later transactions are validated, then skipped).
 *
 * A log with each customer's transactions in time order takes one pass with a 32-byte record per customer
 * (`summarizeSorted`, `inOrderPass.ts`) unless `keepPeriods` asks for each customer's distinct periods (for
 * {@link collectPeriods}). Otherwise, when every customer's bitset can span the whole window [first period of
 * the log, end] within about 32 bytes per event, a single pass does it all (`summarizeWindow`,
 * `windowPass.ts`); otherwise (a long, sparse history) two passes size each customer's bitset to its own span
 * (`summarizeSpans`, `spansPass.ts`). On a log with each customer's transactions in time order every pass
 * gives the same summary, to the last bit of the value sums.
 *
 * With a `sink` (and without `keepPeriods`), the in-order and window passes hand each customer with a purchase
 * ≤ cutoff to it, in first-seen order, and return an empty summary (count 0); the spans pass ignores it and
 * returns the summary as usual, so a caller reads the summary after the call either way (as `rfmSummary` does).
 *
 * @example
 * ```ts
 * import { readTransactions } from '../transactions.ts';
 * import { createPeriodIndexer } from '../time/indexer.ts';
 * import { summarizePeriods } from './periodSummary.ts';
 *
 * const day = createPeriodIndexer('rfmSummary', { period: 'day', timeZone: 'UTC', weekStartsOn: 1 });
 * const D = 86_400_000;
 * // customer 9: days 3 (10 + 2, same day), 5 (4), 8 (holdout, 7); any order
 * const columns = { customer: [9, 9, 9, 9], time: [5 * D, 3 * D, 8 * D, 3 * D + 3_600_000], value: [4, 10, 7, 2] };
 * const s = summarizePeriods('rfmSummary', readTransactions('rfmSummary', columns, {}, 'UTC', true), day, 6, 9, false);
 * [s.first[0], s.last[0], s.periods[0], s.holdoutPeriods[0]]; // => [3, 5, 2, 1]
 * [s.repeatValue?.[0], s.holdoutValue?.[0]]; // => [4, 7]
 * ```
 */
export function summarizePeriods(
  fn: string,
  columns: TransactionColumns,
  indexer: PeriodIndexer,
  cutoff: number,
  end: number,
  keepPeriods: boolean,
  sink?: CustomerSink,
): PeriodSummary {
  if (columns.length === 0) return emptySummary();
  const periodsOf = blockPeriods(indexer, columns.minMs, columns.maxMs, end, columns.length);
  if (!keepPeriods) {
    const summary = summarizeSorted(fn, columns, periodsOf, cutoff, end, undefined, sink);
    if (summary !== null) return summary;
  }
  const start = indexer.index(columns.minMs);
  if (start <= end && end - start < MAX_WINDOW) {
    const summary = summarizeWindow(fn, columns, periodsOf, start, cutoff, end, keepPeriods ? undefined : sink);
    if (summary !== null) return summary;
  }
  return summarizeSpans(fn, columns, periodsOf, cutoff, end);
}

/** The summary of no transactions. */
function emptySummary(): PeriodSummary {
  const none = new Int32Array(0);
  return {
    count: 0,
    keys: [],
    first: none,
    last: none,
    periods: none,
    holdoutPeriods: none,
    repeatValue: null,
    holdoutValue: null,
    store: { lo: none, hi: none, base: none, length: none, words: none, lists: none },
  };
}

/** Sorted distinct purchase periods (≤ end) of selected customers: `periods[start[s] … start[s] + length[s])`. */
export interface CustomerPeriodLists {
  readonly start: Int32Array;
  readonly length: Int32Array;
  readonly periods: Int32Array;
}

/**
 * The distinct purchase periods (≤ end), ascending, of the customers with `selected[index] !== 0`.
 * @example
 * ```ts
 * import { readTransactions } from '../transactions.ts';
 * import { createPeriodIndexer } from '../time/indexer.ts';
 * import { collectPeriods, summarizePeriods } from './periodSummary.ts';
 *
 * const day = createPeriodIndexer('overdueCustomers', { period: 'day', timeZone: 'UTC', weekStartsOn: 1 });
 * const D = 86_400_000;
 * const t = readTransactions('overdueCustomers', { customer: ['a', 'b', 'a', 'a'], time: [9 * D, 1 * D, 2 * D, 9 * D] }, {}, 'UTC', false);
 * const lists = collectPeriods(summarizePeriods('overdueCustomers', t, day, 10, 10, true), Uint8Array.from([1, 0]));
 * Array.from(lists.periods.subarray(lists.start[0], lists.start[0]! + lists.length[0]!)); // => [2, 9]
 * lists.length[1]; // => 0
 * ```
 */
export function collectPeriods(summary: PeriodSummary, selected: Uint8Array): CustomerPeriodLists {
  const { count, store } = summary;
  if (store === null) throw new Error('collectPeriods: the summary was made without keepPeriods');
  const { lo, base, words, lists } = store;
  const start = new Int32Array(count);
  const length = new Int32Array(count);
  let total = 0;
  for (let s = 0; s < count; s++) {
    if (selected[s] === 0) continue;
    start[s] = total;
    length[s] = (summary.periods[s] as number) + (summary.holdoutPeriods[s] as number);
    total += length[s] as number;
  }
  const periods = new Int32Array(total);
  for (let s = 0; s < count; s++) {
    if (selected[s] === 0) continue;
    let at = start[s] as number;
    const b = base[s] as number;
    if (b < 0) {
      periods.set(lists.subarray(-1 - b, -1 - b + (length[s] as number)), at);
      continue;
    }
    const nw = (((store.hi[s] as number) - (lo[s] as number)) >>> 5) + 1;
    for (let w = 0; w < nw; w++) {
      let x = words[b + w] as number;
      while (x !== 0) {
        const lowest = x & -x;
        periods[at++] = (lo[s] as number) + 32 * w + 31 - Math.clz32(lowest);
        x ^= lowest;
      }
    }
  }
  return { start, length, periods };
}
