/**
 * The window pass over a transaction log (the single pass of the general case): distinct periods are bits, so
 * the input may come in any order, with no sorting and no per-event memory. Each customer has a fixed-size
 * record (value sums, counts, and a bitset over the whole window from the first period of the log to `end`).
 * Transactions are read in chunks of 2^21, and each chunk is partitioned by customer-id range (a stable
 * counting sort, `partition.ts`) before it is applied, so that the records being updated stay in the cache and
 * their pages in the TLB. Each bucket's records are read in address order before its transactions are applied,
 * and each chunk is read twice (bucket counts, then the partition itself) rather than copied, so that the pass
 * streams as few bytes as it can: at 10M transactions, every 8 bytes per transaction streamed or freshly
 * allocated costs tens of milliseconds. When the records would exceed about 32 bytes per event (a long, sparse
 * history), the pass gives way to `spansPass.ts`.
 * @internal
 * @module
 */
import { CustomerSlots, validateBlock, type TransactionColumns } from '../transactions.ts';
import { addTwoSum } from '../sum.ts';
import { BLOCK, growInt, NONE, summaryArrays, type BlockPeriods } from './blocks.ts';
import { bucketShift, CHUNK, countBuckets, touchBucket, touchRecords } from './partition.ts';
import type { CustomerSink, PeriodSummary } from './periodSummary.ts';

// Record of one customer in the window pass, in 32-bit units (Float64 fields at even offsets): value in the
// first period so far, repeat-period sum and holdout sum, each followed by its compensation (as addTwoSum keeps
// them); first period ≤ cutoff (period − start + 1; 0 = customer not seen, NONE = only holdout periods so far),
// last period ≤ cutoff (same scale), distinct periods ≤ cutoff and in (cutoff, end]; then one bit per period of
// the window. The head is 64 bytes.
const R_FIRST_VALUE = 0; // Float64 index 0
const R_FIRST_COMP = 1; // Float64 index 1: the compensation, right after the sum
const R_REPEAT = 2; // Float64 index 2
const R_REPEAT_COMP = 3; // Float64 index 3
const R_HOLDOUT_VALUE = 4; // Float64 index 4
const R_HOLDOUT_COMP = 5; // Float64 index 5
const R_FIRST = 12;
const R_LAST = 13;
const R_PERIODS = 14;
const R_HOLDOUT = 15;
const R_BITS = 16;

/** Longest window (in periods) of the single pass: 2^20 = 1_048_576 (about 2900 years of days). */
export const MAX_WINDOW = 1_048_576;

/**
 * The single pass: each customer's record (value sums, counts, and a bitset over the whole window
 * [start, end]) sits at a fixed place (no lookups), and each transaction costs one read-modify-write of its
 * customer's record. Chunks of transactions are partitioned by bucket of customers first (see the module
 * notes); within a customer, transactions are still applied in input order. The value logic is that of a
 * sorted log (a lower first period moves the old first value to the repeat sum), so results do not depend
 * on the order. Returns null when the records would exceed about 32 bytes per event (the input columns take 20).
 * With a `sink`, each customer with a purchase period ≤ cutoff goes to it instead, in first-seen order, and
 * the summary returned is empty (count 0), as in the in-order pass (`summarizeSorted`).
 * @example
 * ```ts
 * import { readTransactions } from '../transactions.ts';
 * import { createPeriodIndexer } from '../time/indexer.ts';
 * import { blockPeriods } from './blocks.ts';
 * import { summarizeWindow } from './windowPass.ts';
 *
 * const D = 86_400_000;
 * const day = createPeriodIndexer('rfmSummary', { period: 'day', timeZone: 'UTC', weekStartsOn: 1 });
 * // customer 'a', out of order: day 5 (1, 1e100, 1, −1e100), then day 3 (7) and day 8 (holdout, 4)
 * const columns = { customer: ['a', 'a', 'a', 'a', 'a', 'a'], time: [5 * D, 5 * D, 5 * D, 5 * D, 3 * D, 8 * D], value: [1, 1e100, 1, -1e100, 7, 4] };
 * const t = readTransactions('rfmSummary', columns, {}, 'UTC', true);
 * // the window: days 3 (the first period of the log) … 9; calibration up to day 6
 * const s = summarizeWindow('rfmSummary', t, blockPeriods(day, t.minMs, t.maxMs), 3, 6, 9);
 * [s?.first[0], s?.last[0], s?.periods[0], s?.holdoutPeriods[0]]; // => [3, 5, 2, 1]
 * // day 5 was the first period until day 3 came: its compensated sum, 2, moved to the repeat sum
 * [s?.repeatValue?.[0], s?.holdoutValue?.[0]]; // => [2, 4]
 * // with a sink: first, last, periods ≤ cutoff and repeat sum handed over, an empty summary returned
 * const seen: unknown[][] = [];
 * const sunk = summarizeWindow('rfmSummary', t, blockPeriods(day, t.minMs, t.maxMs), 3, 6, 9, (...r) => seen.push(r));
 * [sunk?.count, seen]; // => [0, [['a', 3, 5, 2, 2]]]
 * ```
 */
export function summarizeWindow(
  fn: string,
  columns: TransactionColumns,
  periodsOf: BlockPeriods,
  start: number,
  cutoff: number,
  end: number,
  sink?: CustomerSink,
): PeriodSummary | null {
  const { length: n, customers, times, values, rowInput, idRange } = columns;
  const direct = idRange >= 0;
  const slots = direct ? null : new CustomerSlots(n);
  const hasValues = values !== null;
  const words = ((end - start) >>> 5) + 1;
  const stride = (R_BITS + words + 3) & ~3; // a multiple of 16 bytes
  const budget = 8 * n + 262_144; // 32-bit units: 32 bytes per event + 1 MB
  let cap = direct ? idRange : Math.max(16, Math.min(n, 1024));
  if (cap * stride > budget) return null;
  let buffer = new ArrayBuffer(cap * stride * 4);
  let i32 = new Int32Array(buffer);
  let f64 = new Float64Array(buffer);
  // Direct ids in first-seen order: at most min(idRange, n) of them, so sized once (never grown).
  let order: Int32Array = new Int32Array(direct ? Math.max(16, Math.min(n, idRange)) : 0);
  let count = 0;
  const cut = cutoff - start + 1;
  const shift = bucketShift(stride);
  const chunk = Math.min(n, CHUNK);
  // Slots of the chunk's transactions (−1 after `end`) when ids go through the slot table; direct ids are
  // read again from the input instead.
  const chunkSlot = new Int32Array(direct ? 0 : chunk);
  const sortedSlot = new Int32Array(chunk);
  const sortedPeriod = new Int32Array(chunk); // position of the period in the window, or −1 after `end`
  const sortedValue = new Float64Array(hasValues ? chunk : 0);
  // Direct ids: one bit per id, set when first seen (ids enter `order` in input order; slots are numbered so).
  const seen = new Int32Array(direct ? (cap >>> 5) + 1 : 0);
  // Transactions per bucket of customers; enough buckets for the largest `cap`.
  const next = new Int32Array(((direct ? cap : (budget / stride) | 0) >>> shift) + 2);
  const blockPeriod = new Int32Array(Math.min(n, BLOCK));
  for (let c0 = 0; c0 < n; c0 += chunk) {
    const c1 = Math.min(n, c0 + chunk);
    // Count the chunk's transactions per bucket. Direct ids (already checked) need only their own column
    // for that; ids that go through the slot table are validated and given slots in input order (slots are
    // numbered in first-seen order, and only for transactions up to `end`).
    if (slots === null) countBuckets(customers, c0, c1, shift, next);
    else {
      next.fill(0);
      for (let b0 = c0; b0 < c1; b0 += BLOCK) {
        const b1 = Math.min(c1, b0 + BLOCK);
        periodsOf(times, b0, b1, blockPeriod);
        validateBlock(fn, b0, b1, values, customers, rowInput);
        for (let i = b0; i < b1; i++) {
          if ((blockPeriod[i - b0] as number) > end) {
            chunkSlot[i - c0] = -1;
            continue;
          }
          const k = slots.slotOf(fn, customers[i], i, rowInput);
          if (k === cap) {
            cap *= 2;
            if (cap * stride > budget) return null;
            const grown = new ArrayBuffer(cap * stride * 4);
            new Int32Array(grown).set(i32);
            buffer = grown;
            i32 = new Int32Array(buffer);
            f64 = new Float64Array(buffer);
          }
          chunkSlot[i - c0] = k;
          next[(k >>> shift) + 1] = (next[(k >>> shift) + 1] as number) + 1;
        }
      }
      for (let b = 1; b < next.length; b++) next[b] = (next[b] as number) + (next[b - 1] as number);
    }
    // Partition the chunk by bucket of customers (a stable counting sort), so that each customer's
    // transactions are applied in input order. Values of direct ids are validated here, in input order
    // (there is nothing else to validate for them).
    for (let b0 = c0; b0 < c1; b0 += BLOCK) {
      const b1 = Math.min(c1, b0 + BLOCK);
      periodsOf(times, b0, b1, blockPeriod);
      if (hasValues && slots === null) validateBlock(fn, b0, b1, values, null, rowInput);
      for (let i = b0; i < b1; i++) {
        const p = blockPeriod[i - b0] as number;
        let k: number;
        if (slots === null) {
          k = customers[i] as number;
          const bit = 1 << (k & 31);
          if (((seen[k >>> 5] as number) & bit) === 0 && p <= end) {
            seen[k >>> 5] = (seen[k >>> 5] as number) | bit;
            if (count === order.length) order = growInt(order, 2 * count);
            order[count++] = k;
          }
        } else {
          k = chunkSlot[i - c0] as number;
          if (k < 0) continue;
        }
        const at = next[k >>> shift] as number;
        next[k >>> shift] = at + 1;
        sortedSlot[at] = k;
        sortedPeriod[at] = p > end ? -1 : p - start;
        if (hasValues) sortedValue[at] = values[i] as number;
      }
    }
    // Apply bucket by bucket (next[b] is now the end of bucket b).
    let x = 0;
    for (let b = 0; b <= cap >>> shift; b++) {
      const bucketEnd = next[b] as number;
      if (bucketEnd === x) continue;
      // The loop below has branches that wait on the record: load the bucket's records first.
      touchBucket(i32, b, shift, stride, bucketEnd - x);
      for (; x < bucketEnd; x++) {
        const k = sortedSlot[x] as number;
        const o = k * stride;
        const r = sortedPeriod[x] as number; // 0-based position in the window
        if (r < 0) continue;
        const w = o + R_BITS + (r >>> 5);
        const old = i32[w] as number;
        i32[w] = old | (1 << (r & 31));
        const isNew = ((old >>> (r & 31)) & 1) ^ 1;
        const first = i32[o + R_FIRST] as number;
        const rb = r + 1;
        if (rb > cut) {
          i32[o + R_HOLDOUT] = (i32[o + R_HOLDOUT] as number) + isNew;
          if (first === 0) i32[o + R_FIRST] = NONE;
          if (hasValues) addTwoSum(f64, (o >> 1) + R_HOLDOUT_VALUE, sortedValue[x] as number);
          continue;
        }
        i32[o + R_PERIODS] = (i32[o + R_PERIODS] as number) + isNew;
        if (rb > (i32[o + R_LAST] as number)) i32[o + R_LAST] = rb;
        const q = o >> 1;
        const v = hasValues ? (sortedValue[x] as number) : 0;
        if (first === 0 || rb < first) {
          // A new first period: the old first period (if any; its value is then 0) becomes a repeat period,
          // its compensated sum added to the repeat sum (the sum, then its compensation to the compensation).
          i32[o + R_FIRST] = rb;
          if (hasValues) {
            addTwoSum(f64, q + R_REPEAT, f64[q + R_FIRST_VALUE] as number);
            f64[q + R_REPEAT_COMP] = (f64[q + R_REPEAT_COMP] as number) + (f64[q + R_FIRST_COMP] as number);
            f64[q + R_FIRST_VALUE] = v;
            f64[q + R_FIRST_COMP] = 0;
          }
        } else if (!hasValues) continue;
        else if (rb === first) addTwoSum(f64, q + R_FIRST_VALUE, v);
        else addTwoSum(f64, q + R_REPEAT, v);
      }
    }
  }
  if (slots !== null) count = slots.keys.length;
  if (sink !== undefined) {
    // Straight from the records to the caller, in first-seen order: no summary arrays and no period store.
    for (let j0 = 0; j0 < count; j0 += BLOCK) {
      const j1 = Math.min(count, j0 + BLOCK);
      if (slots === null) touchRecords(i32, order, j0, j1, stride, R_HOLDOUT);
      for (let j = j0; j < j1; j++) {
        const k = slots === null ? (order[j] as number) : j;
        const o = k * stride;
        const f = i32[o + R_FIRST] as number;
        if (f === NONE) continue;
        sink(
          slots !== null ? slots.keys[j] : k,
          f - 1 + start,
          (i32[o + R_LAST] as number) - 1 + start,
          i32[o + R_PERIODS] as number,
          (f64[(o >> 1) + R_REPEAT] as number) + (f64[(o >> 1) + R_REPEAT_COMP] as number),
        );
      }
    }
    return { count: 0, keys: [], ...summaryArrays(0, hasValues), store: null };
  }
  const arrays = summaryArrays(count, hasValues);
  const { first, last, periods, holdoutPeriods: holdout, repeatValue: repeat, holdoutValue: holdoutSums } = arrays;
  const base = new Int32Array(count);
  for (let j0 = 0; j0 < count; j0 += BLOCK) {
    const j1 = Math.min(count, j0 + BLOCK);
    // Direct ids in first-seen order are scattered over the records: load the block's record heads (both
    // lines they may span) first.
    if (slots === null) touchRecords(i32, order, j0, j1, stride, R_HOLDOUT);
    for (let j = j0; j < j1; j++) {
      const o = (slots === null ? (order[j] as number) : j) * stride;
      const f = i32[o + R_FIRST] as number;
      first[j] = f === NONE ? NONE : f - 1 + start;
      last[j] = (i32[o + R_LAST] as number) - 1 + start;
      periods[j] = i32[o + R_PERIODS] as number;
      holdout[j] = i32[o + R_HOLDOUT] as number;
      if (repeat !== null && holdoutSums !== null) {
        repeat[j] = (f64[(o >> 1) + R_REPEAT] as number) + (f64[(o >> 1) + R_REPEAT_COMP] as number);
        holdoutSums[j] = (f64[(o >> 1) + R_HOLDOUT_VALUE] as number) + (f64[(o >> 1) + R_HOLDOUT_COMP] as number);
      }
      base[j] = o + R_BITS;
    }
  }
  return {
    count,
    keys: slots !== null ? slots.keys : order.subarray(0, count),
    ...arrays,
    store: {
      lo: new Int32Array(count).fill(start),
      hi: new Int32Array(count).fill(end),
      base,
      length: new Int32Array(count),
      words: i32,
      lists: new Int32Array(0),
    },
  };
}
