/**
 * The in-order pass over a transaction log, for a log in which each customer's transactions come in time order
 * (the usual cases: a log appended as purchases happen, or one grouped by customer and sorted by date). A period
 * is then new exactly when it differs from the customer's last one, so each customer needs only a 32-byte record
 * (64 with a holdout window) and each transaction touches one cache line (in a log in time order, whose customers
 * take turns, after the log is partitioned by customer as in `partition.ts`, unless the records are few enough
 * to stay in the cache: partitioning would then only stream the log through freshly allocated buffers, whose
 * first touch costs more than the cache misses it saves). It gives up, for the general passes
 * (`windowPass.ts`, `spansPass.ts`), at the first transaction that goes back in time for its customer (for a
 * shuffled log, within the first few thousand).
 * @internal
 * @module
 */
import { CustomerSlots, validateBlock, type TransactionColumns } from '../transactions.ts';
import { addTwoSum } from '../sum.ts';
import { BIAS, BLOCK, NONE, summaryArrays, type BlockPeriods } from './blocks.ts';
import { bucketShift, CHUNK, countBuckets, touchBucket, touchRecords } from './partition.ts';
import type { CustomerSink, PeriodSummary } from './periodSummary.ts';

// Record of one customer in the in-order pass, in 32-bit units (Float64 fields at even offsets): first and
// last period ≤ cutoff (biased; first 0 = customer not seen, NONE = only holdout periods), distinct periods
// ≤ cutoff and in (cutoff, end], the repeat-period sum and its compensation; with a holdout window also its
// last period, value sum and that sum's compensation. 32 bytes, or 64 with a holdout window: each transaction
// touches one cache line. (Values in the first period are not summed: the summary leaves them out.)
const S_FIRST = 0;
const S_LAST = 1;
const S_PERIODS = 2;
const S_HOLDOUT = 3;
const S_REPEAT = 2; // Float64 index (bytes 16–23)
const S_REPEAT_COMP = 3; // Float64 index (bytes 24–31): the compensation, right after the sum
const S_LAST_HOLDOUT = 8;
const S_HOLDOUT_VALUE = 5; // Float64 index (bytes 40–47)
const S_HOLDOUT_COMP = 6; // Float64 index (bytes 48–55): the compensation, right after the sum

/** Written by the prefetch loop of {@link summarizeSorted} so that its loads are not optimised away; never read. */
let _prefetched = 0;

/**
 * Transactions that the in-order pass applies in input order before it chooses how to go on: enough to
 * see whether a customer's transactions follow one another (a log grouped by customer) or are spread
 * among others' (a log in time order), 2^16 = 65_536.
 */
const LEAD = 65_536;

/**
 * Records (in 32-bit words) that the in-order pass applies in input order, without partitioning the log by
 * customer: 2^20 words = 4 MB (128k customers of 32 bytes), which stay in the cache (the L2 and L3 caches of
 * a current core hold several MB) so that the prefetch loop hides their misses.
 */
const CACHED_RECORDS = 1_048_576;

/** The number of transactions among the first `n` whose customer differs from the previous transaction's. */
function customerChanges(customers: ArrayLike<unknown>, n: number): number {
  let changes = 0;
  for (let i = 1; i < n; i++) if (customers[i] !== customers[i - 1]) changes++;
  return changes;
}

/**
 * Applies one transaction (biased period p ≤ end, value v) to the in-order record at `o`. Returns 1 (bit 0)
 * when the customer went back in time (the log is not in order), plus 2 (bit 1) when this is the customer's
 * first transaction up to `end`.
 *
 * No branch depends on the record (a mispredicted branch waiting on a cache miss stalls the pass): flags
 * such as "new period" are computed with integer arithmetic and multiply the value added (x · 0 adds
 * nothing, exactly), so the misses of successive transactions overlap.
 */
function applyInOrder(
  i32: Int32Array,
  f64: Float64Array,
  o: number,
  p: number,
  v: number,
  cutoffB: number,
  holdout: boolean,
): number {
  if (p > cutoffB) {
    // Holdout window (in order, every later transaction of this customer is in it too).
    const lastHoldout = i32[o + S_LAST_HOLDOUT] as number;
    i32[o + S_HOLDOUT] = (i32[o + S_HOLDOUT] as number) + (((p - lastHoldout) | (lastHoldout - p)) >>> 31);
    i32[o + S_LAST_HOLDOUT] = p;
    addTwoSum(f64, (o >> 1) + S_HOLDOUT_VALUE, v);
    let fresh = 0;
    if (i32[o + S_FIRST] === 0) {
      i32[o + S_FIRST] = NONE;
      fresh = 2;
    }
    return ((p - lastHoldout) >>> 31) | fresh;
  }
  const last = i32[o + S_LAST] as number; // 0 = not seen (biased periods are positive)
  const fresh = (last - 1) >>> 31;
  // Out of order: an earlier period than the last one, or a calibration period after a holdout one.
  let disorder = (p - last) >>> 31;
  if (holdout) disorder |= -(i32[o + S_LAST_HOLDOUT] as number) >>> 31;
  const first = (i32[o + S_FIRST] as number) + p * fresh;
  i32[o + S_FIRST] = first;
  i32[o + S_LAST] = p;
  // (a − b) | (b − a) is negative exactly when a ≠ b (both in [0, 2^31)).
  i32[o + S_PERIODS] = (i32[o + S_PERIODS] as number) + (((p - last) | (last - p)) >>> 31);
  // The value counts towards the repeat sum unless it is in the first period (v is 0 without values).
  addTwoSum(f64, (o >> 1) + S_REPEAT, v * (((p - first) | (first - p)) >>> 31));
  return disorder | (fresh << 1);
}

/**
 * The pass for a log in which each customer's transactions come in time order (a log appended as purchases
 * happen, or grouped by customer and sorted by date). A customer's periods then never decrease, so its first
 * transaction is in its first period and a period is new exactly when it differs from its last one: no
 * bitset, and a record of 32 bytes instead of one that grows with the window. Returns null (after at most
 * the block or chunk in progress) at the first transaction whose period is before its customer's last one,
 * or a calibration period after a holdout one; the caller then runs a general pass.
 *
 * Transactions are applied in input order, a block at a time after loading the block's records (a software
 * prefetch). When direct ids of the first {@link LEAD} transactions mostly differ from one transaction to the
 * next (a log in time order, whose customers take turns), the rest goes through
 * {@link summarizeSortedPartitioned} instead, unless the records take at most `cachedRecords` 32-bit words
 * (default {@link CACHED_RECORDS}: they then stay in the cache as they are). Values are summed in input order for each customer, as in the
 * other passes, so the results are the same to the last bit.
 *
 * With a `sink`, each customer with a purchase period ≤ cutoff goes to it instead, in first-seen order (its
 * first and last period, number of periods ≤ cutoff and repeat-value sum, 0 without values), and the summary
 * returned is empty (count 0): the caller builds its own rows without the summary arrays.
 * @example
 * ```ts
 * import { readTransactions } from '../transactions.ts';
 * import { createPeriodIndexer } from '../time/indexer.ts';
 * import { blockPeriods } from './blocks.ts';
 * import { summarizeSorted } from './inOrderPass.ts';
 *
 * const D = 86_400_000;
 * const day = createPeriodIndexer('rfmSummary', { period: 'day', timeZone: 'UTC', weekStartsOn: 1 });
 * // customer 9, in time order: day 3 (10 and 2), day 5 (4), day 8 (holdout: 1, 1e100, 1, −1e100)
 * const columns = { customer: [9, 9, 9, 9, 9, 9, 9], time: [3 * D, 3 * D, 5 * D, 8 * D, 8 * D, 8 * D, 8 * D], value: [10, 2, 4, 1, 1e100, 1, -1e100] };
 * const t = readTransactions('rfmSummary', columns, {}, 'UTC', true);
 * const s = summarizeSorted('rfmSummary', t, blockPeriods(day, t.minMs, t.maxMs), 6, 9);
 * [s?.first[0], s?.last[0], s?.periods[0], s?.holdoutPeriods[0]]; // => [3, 5, 2, 1]
 * // compensated sums: the holdout values add up to 2 (a plain running sum gives 0)
 * [s?.repeatValue?.[0], s?.holdoutValue?.[0]]; // => [4, 2]
 * // a transaction back in time for its customer: the caller runs a general pass
 * const back = readTransactions('rfmSummary', { customer: [9, 9], time: [5 * D, 3 * D] }, {}, 'UTC', false);
 * summarizeSorted('rfmSummary', back, blockPeriods(day, back.minMs, back.maxMs), 6, 9); // => null
 * // with a sink: each customer handed over (first, last, periods, repeat sum), an empty summary returned
 * const seen: number[][] = [];
 * const sunk = summarizeSorted('rfmSummary', t, blockPeriods(day, t.minMs, t.maxMs), 9, 9, undefined, (c, ...r) => seen.push([c as number, ...r]));
 * [sunk?.count, seen]; // => [0, [[9, 3, 8, 3, 6]]]
 * ```
 */
export function summarizeSorted(
  fn: string,
  columns: TransactionColumns,
  periodsOf: BlockPeriods,
  cutoff: number,
  end: number,
  cachedRecords: number = CACHED_RECORDS,
  sink?: CustomerSink,
): PeriodSummary | null {
  const { length: n, customers, times, values, rowInput, idRange } = columns;
  const direct = idRange >= 0;
  const slots = direct ? null : new CustomerSlots(n);
  const hasValues = values !== null;
  const cutoffB = cutoff + BIAS;
  const endB = end + BIAS;
  const holdout = cutoff < end;
  const stride = holdout ? 16 : 8;
  let cap = direct ? idRange : Math.max(16, Math.min(n, 1024));
  let i32 = new Int32Array(cap * stride);
  let f64 = new Float64Array(i32.buffer);
  // Direct ids in first-seen order; written on every calibration transaction, kept when new (one spare entry).
  const order = direct ? new Int32Array(cap + 1) : null;
  let count = 0;
  let disorder = 0; // becomes 1 when a customer's period goes back in time
  const lead = direct ? Math.min(n, LEAD) : n;
  let limit = lead; // becomes n when the log turns out to be grouped by customer
  const blockPeriod = new Int32Array(Math.min(n, BLOCK));
  for (let b0 = 0; b0 < limit; b0 += BLOCK) {
    if (disorder !== 0) return null;
    const b1 = Math.min(limit, b0 + BLOCK);
    periodsOf(times, b0, b1, blockPeriod);
    // Validation in its own short loop keeps the update loop lean (errors still come in input order).
    if (hasValues || slots !== null) validateBlock(fn, b0, b1, values, slots !== null ? customers : null, rowInput);
    // Load each record of the block first, in a loop so short that many cache misses are in flight at once
    // (a software prefetch); the update loop below then finds its records in the cache (a block's records
    // take at most 128 KB). It saves 15–30% at 10M transactions (the more customers, the more).
    if (slots === null) {
      let loaded = 0;
      for (let i = b0; i < b1; i++) loaded |= i32[(customers[i] as number) * stride] as number;
      _prefetched = loaded;
    }
    for (let i = b0; i < b1; i++) {
      const p = (blockPeriod[i - b0] as number) + BIAS;
      if (p > endB) continue;
      const c = customers[i];
      let k: number;
      if (slots === null) k = c as number;
      else {
        k = slots.slotOf(fn, c, i, rowInput);
        if (k === cap) {
          cap *= 2;
          const grown = new Int32Array(cap * stride);
          grown.set(i32);
          i32 = grown;
          f64 = new Float64Array(grown.buffer);
        }
      }
      const flags = applyInOrder(i32, f64, k * stride, p, hasValues ? (values[i] as number) : 0, cutoffB, holdout);
      disorder |= flags & 1;
      if (order !== null) {
        order[count] = k;
        count += flags >>> 1;
      }
    }
    // Grouped by customer (successive transactions mostly share their record): go on in input order.
    // Or records small enough to stay in the cache as they are (partitioning would only stream the log twice
    // more, through freshly allocated chunk buffers).
    if (b1 === lead && lead < n && (cap * stride <= cachedRecords || customerChanges(customers, lead) * 2 < lead))
      limit = n;
  }
  if (disorder !== 0) return null;
  if (limit < n) {
    count = summarizeSortedPartitioned(
      fn,
      columns,
      periodsOf,
      limit,
      i32,
      stride,
      cutoffB,
      endB,
      holdout,
      order as Int32Array,
      count,
    );
    if (count < 0) return null;
  }
  if (slots !== null) count = slots.keys.length;
  if (sink !== undefined) {
    // Straight from the records to the caller, in first-seen order: no summary arrays (32 bytes per customer
    // of fresh memory less, which at a million customers also spares a full garbage collection).
    for (let j0 = 0; j0 < count; j0 += BLOCK) {
      const j1 = Math.min(count, j0 + BLOCK);
      if (order !== null) touchRecords(i32, order, j0, j1, stride, 0);
      for (let j = j0; j < j1; j++) {
        const k = order === null ? j : (order[j] as number);
        const o = k * stride;
        const f = i32[o + S_FIRST] as number;
        if (f === NONE) continue;
        sink(
          slots !== null ? slots.keys[j] : k,
          f - BIAS,
          (i32[o + S_LAST] as number) - BIAS,
          i32[o + S_PERIODS] as number,
          (f64[(o >> 1) + S_REPEAT] as number) + (f64[(o >> 1) + S_REPEAT_COMP] as number),
        );
      }
    }
    return { count: 0, keys: [], ...summaryArrays(0, hasValues), store: null };
  }
  const arrays = summaryArrays(count, hasValues);
  const { first, last, periods, holdoutPeriods, repeatValue: repeat, holdoutValue: holdoutSums } = arrays;
  for (let j0 = 0; j0 < count; j0 += BLOCK) {
    const j1 = Math.min(count, j0 + BLOCK);
    if (order !== null) touchRecords(i32, order, j0, j1, stride, 0);
    for (let j = j0; j < j1; j++) {
      const o = (order === null ? j : (order[j] as number)) * stride;
      const f = i32[o + S_FIRST] as number;
      first[j] = f === NONE ? NONE : f - BIAS;
      last[j] = f === NONE ? NONE : (i32[o + S_LAST] as number) - BIAS;
      periods[j] = i32[o + S_PERIODS] as number;
      holdoutPeriods[j] = holdout ? (i32[o + S_HOLDOUT] as number) : 0;
      if (repeat !== null && holdoutSums !== null) {
        repeat[j] = (f64[(o >> 1) + S_REPEAT] as number) + (f64[(o >> 1) + S_REPEAT_COMP] as number);
        holdoutSums[j] = holdout
          ? (f64[(o >> 1) + S_HOLDOUT_VALUE] as number) + (f64[(o >> 1) + S_HOLDOUT_COMP] as number)
          : 0;
      }
    }
  }
  return {
    count,
    keys: slots !== null ? slots.keys : (order as Int32Array).subarray(0, count),
    ...arrays,
    store: null,
  };
}

/**
 * The in-order pass from transaction `from` on, for direct ids that take turns (a log in time order): in
 * chunks partitioned by customer-id range, as in the window pass, so that each bucket's records are in the
 * cache while its transactions are applied, a customer's transactions still in input order. First-seen order
 * goes on in `order` (a bit per id tells which are in it already). Returns the number of customers in
 * `order`, or −1 when a customer goes back in time.
 */
function summarizeSortedPartitioned(
  fn: string,
  columns: TransactionColumns,
  periodsOf: BlockPeriods,
  from: number,
  i32: Int32Array,
  stride: number,
  cutoffB: number,
  endB: number,
  holdout: boolean,
  order: Int32Array,
  count: number,
): number {
  const { length: n, customers, times, values, rowInput } = columns;
  const hasValues = values !== null;
  const f64 = new Float64Array(i32.buffer);
  const seen = new Int32Array((order.length >>> 5) + 1);
  for (let j = 0; j < count; j++) {
    const k = order[j] as number;
    seen[k >>> 5] = (seen[k >>> 5] as number) | (1 << (k & 31));
  }
  const shift = bucketShift(stride);
  const buckets = (i32.length / stride) >>> shift;
  const next = new Int32Array(buckets + 2);
  const chunk = Math.min(n - from, CHUNK / 2);
  const sortedSlot = new Int32Array(chunk);
  const sortedPeriod = new Int32Array(chunk); // biased
  const sortedValue = new Float64Array(hasValues ? chunk : 0);
  const blockPeriod = new Int32Array(Math.min(chunk, BLOCK));
  let disorder = 0;
  for (let c0 = from; c0 < n; c0 += chunk) {
    const c1 = Math.min(n, c0 + chunk);
    countBuckets(customers, c0, c1, shift, next);
    for (let b0 = c0; b0 < c1; b0 += BLOCK) {
      const b1 = Math.min(c1, b0 + BLOCK);
      periodsOf(times, b0, b1, blockPeriod);
      if (hasValues) validateBlock(fn, b0, b1, values, null, rowInput);
      for (let i = b0; i < b1; i++) {
        const p = (blockPeriod[i - b0] as number) + BIAS;
        const k = customers[i] as number;
        const bit = 1 << (k & 31);
        if (((seen[k >>> 5] as number) & bit) === 0 && p <= endB) {
          seen[k >>> 5] = (seen[k >>> 5] as number) | bit;
          order[count++] = k;
        }
        const at = next[k >>> shift] as number;
        next[k >>> shift] = at + 1;
        sortedSlot[at] = k;
        sortedPeriod[at] = p;
        if (hasValues) sortedValue[at] = values[i] as number;
      }
    }
    let x = 0;
    for (let b = 0; b <= buckets; b++) {
      const bucketEnd = next[b] as number;
      if (bucketEnd === x) continue;
      touchBucket(i32, b, shift, stride, bucketEnd - x);
      for (; x < bucketEnd; x++) {
        const p = sortedPeriod[x] as number;
        if (p > endB) continue;
        disorder |= applyInOrder(
          i32,
          f64,
          (sortedSlot[x] as number) * stride,
          p,
          hasValues ? (sortedValue[x] as number) : 0,
          cutoffB,
          holdout,
        );
      }
    }
    if ((disorder & 1) !== 0) return -1;
  }
  return count;
}
