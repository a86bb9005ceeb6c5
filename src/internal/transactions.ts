/**
 * Transaction-log kernel shared by the RFM functions (`rfmSummary`, `calibrationHoldoutSplit`,
 * `overdueCustomers`): reads row or columnar transactions, gives each customer a dense slot in
 * first-seen order and finds each customer's distinct purchase periods, value sums, first and last period.
 *
 * A log in which each customer's transactions come in time order (the usual cases: a log appended as
 * purchases happen, or one grouped by customer and sorted by date) takes the fastest pass: a period is new
 * exactly when it differs from the customer's last one, so each customer needs only a 32-byte record and
 * each transaction touches one cache line (in a log in time order, whose customers take turns, after the
 * log is partitioned by customer as below). Unless the caller needs the periods themselves
 * (`overdueCustomers` does), that pass does it all; it gives up, for the passes below, at the first
 * transaction that goes back in time for its customer (for a shuffled log, within the first few thousand).
 *
 * Otherwise distinct periods are bits: a period is new when its bit was not set yet, so the input may come
 * in any order, with no sorting and no per-event memory. Usually one pass does it all: each
 * customer has a fixed-size record (value sums, counts, and a bitset over the whole window from the first
 * period of the log to `end`). Transactions are read in chunks of 2^21, and each chunk is partitioned by
 * customer-id range (a stable counting sort) before it is applied, so that the records being updated stay
 * in the cache and their pages in the TLB; with customers in random order the pass is otherwise bound by
 * memory latency, not arithmetic. Each bucket's records are read in address order before its transactions
 * are applied, and each chunk is read twice (bucket counts, then the partition itself) rather than copied,
 * so that the pass streams as few bytes as it can: at 10M transactions, every 8 bytes per transaction
 * streamed or freshly allocated costs tens of milliseconds. When those records would exceed about 32 bytes
 * per event (a long, sparse history), two passes size each customer's bitset to its own span instead (or
 * keep a sorted list of its periods when even that span is long for its number of purchases).
 *
 * When every customer id is a small non-negative integer the state is indexed by the id itself (no lookup
 * table at all); otherwise ids map to slots through a direct table or a `Map` (the rule: `input/denseIds.ts`).
 * Transactions enter through the one event-log reader (`input/eventLog.ts`). Memory is proportional to
 * customers × periods, plus a chunk buffer of 16 bytes per transaction (20 when ids go through the table;
 * 32 or 40 MB at most); row input is materialised once as typed columns.
 * @internal
 * @module
 */
import type { PeriodIndexer } from './time.ts';
import { popcount } from './bits.ts';
import { isCustomerId, failCustomerId } from './input/customerId.ts';
import { CustomerSlots } from './input/denseIds.ts';
import { readEventLog, type EventLog, type TransactionOptions } from './input/eventLog.ts';
import { requireLogValue } from './input/fields.ts';
import { addTwoSum } from './sum.ts';

/** Sentinel period number: "no purchase period ≤ cutoff" (periods are days since 1970 at most, far below it). */
const NONE = 0x7fffffff;

/**
 * Periods are stored biased by 2^30 = 1_073_741_824 inside the passes, so every stored period is positive
 * and a zero means "customer not seen yet" (|period| ≤ 1.1e8 days for any valid instant). A literal, not
 * `1 << 30`: bundlers can only drop an unused constant whose initialiser is a literal.
 */
const BIAS = 1_073_741_824;

/** Transactions per block (periods are computed a block at a time). */
const BLOCK = 2048;

/**
 * Transactions per chunk of the single pass, partitioned by customer before they are applied: 2^21 = 2_097_152.
 * Larger chunks give each customer more transactions per visit of its record (each visit a cache miss),
 * at 16 bytes of chunk buffer per transaction (20 when ids go through the slot table).
 */
const CHUNK = 2_097_152;

// Per-customer state of the two-pass kernel (summarizeSpans), indexed by id (direct) or slot. `meta`
// (Int32Array): lowest and highest period ≤ end (biased; HI 0 = not seen), then the number of transactions
// (pass 1), replaced by the bitset's word offset (≥ 0) or −1 − the list's write position (< 0). `sums`
// (Float64Array): value sums.
const META = 3;
const LO = 0;
const HI = 1;
const BASE = 2;
const SUMS = 4;
const FIRST_VALUE = 0; // values in the first period
const REPEAT = 1; // values in the later periods ≤ cutoff (Neumaier sum)
const REPEAT_COMP = 2; // its compensation (right after the sum, as addTwoSum expects)
const HOLDOUT_VALUE = 3; // values in (cutoff, end]

/**
 * Transactions as the RFM passes read them: the validated columns of the one event-log reader (`idRange`:
 * 1 + the largest id when the passes may index their state by id, else −1; see `input/denseIds.ts`).
 */
export type TransactionColumns = EventLog;

/**
 * The RFM functions' transaction log, read by `readEventLog` with the name `transactions`, no cohort dates and
 * no filters (`readValue`: whether `value` is read); the passes check a value column themselves.
 * @example
 * ```ts
 * import { readTransactions } from './transactions.ts';
 *
 * const rows = [{ id: 'a', at: '2024-01-02', v: 5 }, { id: 7, at: 0, v: 1 }];
 * const t = readTransactions('rfmSummary', rows, { customer: 'id', time: 'at', value: 'v' }, 'UTC', true);
 * [t.length, t.minMs, t.maxMs, t.rowInput]; // => [2, 0, 1704153600000, true]
 * readTransactions('rfmSummary', [{ id: 'a', at: '2024-13-01' }], { customer: 'id', time: 'at' }, 'UTC', false); // => throws TypeError: rfmSummary: row 0: time "2024-13-01" is not a valid date
 * ```
 */
export function readTransactions(
  fn: string,
  transactions: unknown,
  opts: TransactionOptions,
  timeZone: string,
  readValue: boolean,
): TransactionColumns {
  return readEventLog(fn, transactions, opts, {
    name: 'transactions',
    timeZone,
    value: readValue,
    deferValueCheck: true,
  });
}

/** The event-log value rule (`input/fields.ts`), for the passes' checks of transaction `i`. */
function requireValue(fn: string, value: unknown, i: number, rowInput: boolean): number {
  return requireLogValue(fn, 'transactions', value, i, rowInput, undefined);
}

/** The customer-id rule (`input/customerId.ts`), for the passes' checks of transaction `i`. */
function validateCustomer(fn: string, customer: unknown, i: number, rowInput: boolean): void {
  if (!isCustomerId(customer)) failCustomerId(fn, customer, i, rowInput, 'transactions');
}

// ---------------------------------------------------------------------------------------------------------------

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
  /** Sum of the values of the repeat periods ≤ cutoff (all but the first period), and of the holdout values. */
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
 * True when the customer has a purchase period ≤ cutoff.
 * @example
 * ```ts
 * import { hasPurchase, readTransactions, summarizePeriods } from './transactions.ts';
 * import { createPeriodIndexer } from './time.ts';
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

/** Writes the period numbers of `times[from … to)` to `out[0 …]`. */
type BlockPeriods = (times: ArrayLike<number>, from: number, to: number, out: Int32Array) => void;

/**
 * The period numbers of a block of instants, with the lookup inlined: arithmetic for UTC days and
 * weeks, the indexer's precomputed table otherwise (one or two array reads per instant), and the
 * indexer itself only when no table fits (periods too many for a table).
 */
function blockPeriods(indexer: PeriodIndexer, minMs: number, maxMs: number): BlockPeriods {
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
  indexer.prepare(minMs, maxMs);
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
 * One pass over the transactions: the first/last period, number of distinct purchase periods and value
 * sums of each customer, for periods up to `end` (later transactions are validated, then skipped).
 *
 * A log with each customer's transactions in time order takes one pass with a 32-byte record per customer
 * ({@link summarizeSorted}) unless `keepPeriods` asks for each customer's distinct periods (for
 * {@link collectPeriods}). Otherwise, when
 * every customer's bitset can span the whole window [first period of the log, end] within about 32 bytes
 * per event, a single pass does it all ({@link summarizeWindow}); otherwise (a long, sparse history) two
 * passes size each customer's bitset to its own span ({@link summarizeSpans}). On a log with each
 * customer's transactions in time order every pass gives the same summary, to the last bit of the value sums.
 *
 * @example
 * ```ts
 * import { readTransactions, summarizePeriods } from './transactions.ts';
 * import { createPeriodIndexer } from './time.ts';
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
): PeriodSummary {
  if (columns.length === 0) return emptySummary();
  const periodsOf = blockPeriods(indexer, columns.minMs, columns.maxMs);
  if (!keepPeriods) {
    const summary = summarizeSorted(fn, columns, periodsOf, cutoff, end);
    if (summary !== null) return summary;
  }
  const start = indexer.index(columns.minMs);
  if (start <= end && end - start < MAX_WINDOW) {
    const summary = summarizeWindow(fn, columns, periodsOf, start, cutoff, end);
    if (summary !== null) return summary;
  }
  return summarizeSpans(fn, columns, periodsOf, cutoff, end);
}

// Record of one customer in the in-order pass, in 32-bit units (Float64 fields at even offsets): first and
// last period ≤ cutoff (biased; first 0 = customer not seen, NONE = only holdout periods), distinct periods
// ≤ cutoff and in (cutoff, end], the repeat-period sum and its compensation; with a holdout window also its
// last period and value sum. 32 bytes, or 64 with a holdout window: each transaction touches one cache line.
const S_FIRST = 0;
const S_LAST = 1;
const S_PERIODS = 2;
const S_HOLDOUT = 3;
const S_REPEAT = 2; // Float64 index (bytes 16–23)
const S_REPEAT_COMP = 3; // Float64 index (bytes 24–31): the compensation, right after the sum
const S_LAST_HOLDOUT = 8;
const S_HOLDOUT_VALUE = 5; // Float64 index (bytes 40–47)

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

/** Validates the values (when given) and customers (when given) of transactions [from, to), in input order. */
function validateBlock(
  fn: string,
  from: number,
  to: number,
  values: ArrayLike<unknown> | null,
  customers: ArrayLike<unknown> | null,
  rowInput: boolean,
): void {
  for (let i = from; i < to; i++) {
    if (values !== null) {
      const raw = values[i];
      if (typeof raw !== 'number' || raw - raw !== 0) requireValue(fn, raw, i, rowInput);
    }
    if (customers !== null) validateCustomer(fn, customers[i], i, rowInput);
  }
}

/** Written by the loops that load records ahead of use so that their loads are not optimised away; never read. */
let _prefetched = 0;

/**
 * Streams the records of bucket b (customers b·2^shift … (b + 1)·2^shift − 1) into the cache before its
 * `count` transactions are applied: one read per 64-byte line, in address order, at the speed of the
 * hardware prefetcher instead of a cache miss at a time while they are updated. Skipped when the bucket
 * has so few transactions that this would read more than they touch.
 */
function touchBucket(i32: Int32Array, b: number, shift: number, stride: number, count: number): void {
  const from = (b << shift) * stride;
  const to = Math.min(i32.length, ((b + 1) << shift) * stride);
  if (count * 128 < to - from) return;
  let loaded = 0;
  for (let w = from; w < to; w += 16) loaded |= i32[w] as number;
  _prefetched = loaded;
}

/** Loads the records of `keys[from, to)` (their words at offsets 0 and `second`) in a loop so short that their cache misses overlap. */
function touchRecords(
  i32: Int32Array,
  keys: Int32Array,
  from: number,
  to: number,
  stride: number,
  second: number,
): void {
  let loaded = 0;
  for (let j = from; j < to; j++) {
    const o = (keys[j] as number) * stride;
    loaded |= (i32[o] as number) | (i32[o + second] as number);
  }
  _prefetched = loaded;
}

/**
 * log2 of the customers per bucket of a partitioned pass for records of `stride` 32-bit words: about 512 KB
 * of records, which stay in the cache (and their pages in the TLB) while the bucket's transactions are applied.
 */
function bucketShift(stride: number): number {
  let shift = 0;
  while (stride << (shift + 1) <= 131_072) shift++;
  return shift;
}

/** Counts the transactions [from, to) of each bucket of direct ids (id >>> shift) and turns `next` into bucket starts. */
function countBuckets(customers: ArrayLike<unknown>, from: number, to: number, shift: number, next: Int32Array): void {
  next.fill(0);
  for (let i = from; i < to; i++) {
    const b = ((customers[i] as number) >>> shift) + 1;
    next[b] = (next[b] as number) + 1;
  }
  for (let b = 1; b < next.length; b++) next[b] = (next[b] as number) + (next[b - 1] as number);
}

/**
 * Transactions that the in-order pass applies in input order before it chooses how to go on: enough to
 * see whether a customer's transactions follow one another (a log grouped by customer) or are spread
 * among others' (a log in time order), 2^16 = 65_536.
 */
const LEAD = 65_536;

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
    f64[(o >> 1) + S_HOLDOUT_VALUE] = (f64[(o >> 1) + S_HOLDOUT_VALUE] as number) + v;
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
 * {@link summarizeSortedPartitioned} instead. Values are summed in input order for each customer, as in the
 * other passes, so the results are the same to the last bit.
 */
function summarizeSorted(
  fn: string,
  columns: TransactionColumns,
  periodsOf: BlockPeriods,
  cutoff: number,
  end: number,
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
    if (b1 === lead && lead < n && customerChanges(customers, lead) * 2 < lead) limit = n;
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
        holdoutSums[j] = holdout ? (f64[(o >> 1) + S_HOLDOUT_VALUE] as number) : 0;
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
  const chunk = Math.min(n - from, CHUNK);
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

// Record of one customer in the single pass, in 32-bit units (Float64 fields at even offsets): value in the
// first period, repeat-period sum and its compensation, holdout sum; first period ≤ cutoff (period − start + 1;
// 0 = customer not seen, NONE = only holdout periods so far), last period ≤ cutoff (same scale), distinct
// periods ≤ cutoff and in (cutoff, end]; then one bit per period of the window.
const R_FIRST_VALUE = 0; // Float64 index 0
const R_REPEAT = 1; // Float64 index 1
const R_REPEAT_COMP = 2; // Float64 index 2: the compensation, right after the sum
const R_HOLDOUT_VALUE = 3; // Float64 index 3
const R_FIRST = 8;
const R_LAST = 9;
const R_PERIODS = 10;
const R_HOLDOUT = 11;
const R_BITS = 12;

/** Longest window (in periods) of the single pass: 2^20 = 1_048_576 (about 2900 years of days). */
const MAX_WINDOW = 1_048_576;

/**
 * The single pass: each customer's record (value sums, counts, and a bitset over the whole window
 * [start, end]) sits at a fixed place (no lookups), and each transaction costs one read-modify-write of its
 * customer's record. Chunks of transactions are partitioned by bucket of customers first (see the module
 * notes); within a customer, transactions are still applied in input order. The value logic is that of a
 * sorted log (a lower first period moves the old first value to the repeat sum), so results do not depend
 * on the order. Returns null when the records would exceed about 32 bytes per event (the input columns take 20).
 */
function summarizeWindow(
  fn: string,
  columns: TransactionColumns,
  periodsOf: BlockPeriods,
  start: number,
  cutoff: number,
  end: number,
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
  let order: Int32Array = new Int32Array(direct ? Math.max(16, Math.min(n, 1024)) : 0);
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
          if (hasValues)
            f64[(o >> 1) + R_HOLDOUT_VALUE] = (f64[(o >> 1) + R_HOLDOUT_VALUE] as number) + (sortedValue[x] as number);
          continue;
        }
        i32[o + R_PERIODS] = (i32[o + R_PERIODS] as number) + isNew;
        if (rb > (i32[o + R_LAST] as number)) i32[o + R_LAST] = rb;
        const q = o >> 1;
        const v = hasValues ? (sortedValue[x] as number) : 0;
        if (first === 0 || rb < first) {
          // A new first period: the old first period (if any; its value is then 0) becomes a repeat period.
          i32[o + R_FIRST] = rb;
          if (hasValues) {
            addTwoSum(f64, q + R_REPEAT, f64[q + R_FIRST_VALUE] as number);
            f64[q + R_FIRST_VALUE] = v;
          }
        } else if (!hasValues) continue;
        else if (rb === first) f64[q + R_FIRST_VALUE] = (f64[q + R_FIRST_VALUE] as number) + v;
        else addTwoSum(f64, q + R_REPEAT, v);
      }
    }
  }
  if (slots !== null) count = slots.keys.length;
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
        holdoutSums[j] = f64[(o >> 1) + R_HOLDOUT_VALUE] as number;
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

/** The per-customer arrays of a summary, for a pass to fill. */
function summaryArrays(
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
 * Two passes for a long window: pass 1 finds each customer's lowest and highest period ≤ end, then each
 * customer gets a bitset over its own span (or a list of its periods when the span is long for its number
 * of purchases), which pass 2 fills.
 */
function summarizeSpans(
  fn: string,
  columns: TransactionColumns,
  periodsOf: BlockPeriods,
  cutoff: number,
  end: number,
): PeriodSummary {
  const { length: n, customers, times, values, rowInput, idRange } = columns;
  const direct = idRange >= 0;
  const slots = direct ? null : new CustomerSlots(n);
  const cutoffB = cutoff + BIAS;
  const endB = end + BIAS;
  const hasValues = values !== null;
  const blockPeriod = new Int32Array(Math.min(n, BLOCK));

  // Pass 1: validation, first-seen order, and per state index k (the id itself when ids are direct,
  // else the slot) the lowest and highest period ≤ end and the number of transactions up to end.
  let cap = direct ? idRange : Math.max(16, Math.min(n, 1024));
  let meta: Int32Array = new Int32Array(cap * META);
  let order: Int32Array = new Int32Array(Math.max(16, Math.min(n, 1024)));
  let count = 0;
  for (let b0 = 0; b0 < n; b0 += BLOCK) {
    const b1 = Math.min(n, b0 + BLOCK);
    periodsOf(times, b0, b1, blockPeriod);
    if (hasValues || slots !== null) validateBlock(fn, b0, b1, values, slots !== null ? customers : null, rowInput);
    for (let i = b0; i < b1; i++) {
      const p = (blockPeriod[i - b0] as number) + BIAS;
      const c = customers[i];
      let k: number;
      if (p > endB) continue;
      else if (slots === null) k = c as number;
      else {
        k = slots.slotOf(fn, c, i, rowInput);
        if (k === cap) {
          cap *= 2;
          meta = growInt(meta, cap * META);
        }
      }
      const o = k * META;
      const hi = meta[o + HI] as number;
      if (hi === 0) {
        // First transaction of this customer (a zero HI means "not seen": biased periods are positive).
        meta[o + LO] = p;
        meta[o + HI] = p;
        meta[o + BASE] = 1;
        if (count === order.length) order = growInt(order, 2 * count);
        order[count++] = k;
      } else {
        if (p < (meta[o + LO] as number)) meta[o + LO] = p;
        else if (p > hi) meta[o + HI] = p;
        meta[o + BASE] = (meta[o + BASE] as number) + 1;
      }
    }
  }

  // Storage: a bitset over [lo, hi] for each customer, unless it would take more than 2 words per
  // transaction (+ 8), as for a few purchases years apart with daily periods: then a list of the
  // transactions' periods, sorted after pass 2. Memory ≤ min(customers × periods / 32, 2 × events + 8 × customers) words.
  let words = 0;
  let listed = 0;
  for (let j = 0; j < count; j++) {
    const o = (order[j] as number) * META;
    const events = meta[o + BASE] as number;
    const span = ((meta[o + HI] as number) - (meta[o + LO] as number)) >>> 5;
    if (span < 2 * events + 8) {
      meta[o + BASE] = words;
      words += span + 1;
    } else {
      // −1 − the next write position; decremented as pass 2 fills the list.
      meta[o + BASE] = -1 - listed;
      listed += events;
    }
  }
  const bits = new Int32Array(words);
  const lists = new Int32Array(listed);
  const sums = new Float64Array(hasValues ? cap * SUMS : 0);

  // Pass 2: set the bit of each purchase period and add the value to the first period, the repeat periods
  // (Neumaier sum, in transaction order) or the holdout window. Each block runs three short loops
  // (addresses, bits, sums) whose memory accesses are independent, so the processor overlaps their misses.
  const blockSlot = new Int32Array(blockPeriod.length);
  const blockWord = new Int32Array(blockPeriod.length);
  const blockBit = new Int32Array(blockPeriod.length);
  for (let b0 = 0; b0 < n; b0 += BLOCK) {
    const b1 = Math.min(n, b0 + BLOCK);
    const m = b1 - b0;
    periodsOf(times, b0, b1, blockPeriod);
    for (let j = 0; j < m; j++) {
      const p = (blockPeriod[j] as number) + BIAS;
      if (p > endB) {
        blockSlot[j] = -1;
        blockWord[j] = -1;
        continue;
      }
      const k = slots === null ? (customers[b0 + j] as number) : slots.find(customers[b0 + j]);
      const o = k * META;
      const lo = meta[o + LO] as number;
      const base = meta[o + BASE] as number;
      blockSlot[j] = k;
      // Kind of value: 0 first period, 1 repeat period, 2 holdout.
      blockPeriod[j] = p > cutoffB ? 2 : p === lo ? 0 : 1;
      if (base >= 0) {
        const r = p - lo;
        blockWord[j] = base + (r >>> 5);
        blockBit[j] = 1 << (r & 31);
      } else {
        lists[-1 - base] = p - BIAS;
        meta[o + BASE] = base - 1;
        blockWord[j] = -1;
      }
    }
    for (let j = 0; j < m; j++) {
      const w = blockWord[j] as number;
      if (w >= 0) bits[w] = (bits[w] as number) | (blockBit[j] as number);
    }
    if (!hasValues) continue;
    for (let j = 0; j < m; j++) {
      const k = blockSlot[j] as number;
      if (k < 0) continue;
      const v = values[b0 + j] as number;
      const q = k * SUMS;
      const kind = blockPeriod[j] as number;
      if (kind === 0) sums[q + FIRST_VALUE] = (sums[q + FIRST_VALUE] as number) + v;
      else if (kind === 1) addTwoSum(sums, q + REPEAT, v);
      else sums[q + HOLDOUT_VALUE] = (sums[q + HOLDOUT_VALUE] as number) + v;
    }
  }

  // Per customer in first-seen order: count the periods on each side of the cutoff.
  const arrays = summaryArrays(count, hasValues);
  const { first, last, periods, holdoutPeriods: holdout, repeatValue: repeat, holdoutValue: holdoutSums } = arrays;
  const store: PeriodStore = {
    lo: new Int32Array(count),
    hi: new Int32Array(count),
    base: new Int32Array(count),
    length: new Int32Array(count),
    words: bits,
    lists,
  };
  let listEnd = 0;
  for (let j = 0; j < count; j++) {
    const k = order[j] as number;
    const o = k * META;
    const lo = (meta[o + LO] as number) - BIAS;
    const hi = (meta[o + HI] as number) - BIAS;
    const base = meta[o + BASE] as number;
    store.lo[j] = lo;
    store.hi[j] = hi;
    let inCal = 0;
    let total = 0;
    let lastCal = lo;
    if (base >= 0) {
      const nw = ((hi - lo) >>> 5) + 1;
      store.base[j] = base;
      for (let w = base; w < base + nw; w++) total += popcount(bits[w] as number);
      if (hi <= cutoff) {
        inCal = total;
        lastCal = hi;
      } else if (lo <= cutoff) {
        // Bits 0 … r are the periods ≤ cutoff.
        const r = cutoff - lo;
        const wr = base + (r >>> 5);
        const mask = (r & 31) === 31 ? -1 : (1 << ((r & 31) + 1)) - 1;
        for (let w = base; w < wr; w++) inCal += popcount(bits[w] as number);
        inCal += popcount((bits[wr] as number) & mask);
        // Highest set bit ≤ r (bit 0, the period lo ≤ cutoff, is set).
        let w = wr;
        let x = (bits[wr] as number) & mask;
        while (x === 0) x = bits[--w] as number;
        lastCal = lo + 32 * (w - base) + 31 - Math.clz32(x);
      }
    } else {
      // The list ends where pass 2 stopped writing; it starts right after the previous list.
      const a = listEnd;
      const b = -1 - base;
      listEnd = b;
      sortRange(lists, a, b);
      let d = a + 1;
      for (let x = a + 1; x < b; x++) if (lists[x] !== lists[d - 1]) lists[d++] = lists[x] as number;
      store.base[j] = -1 - a;
      store.length[j] = d - a;
      total = d - a;
      for (let x = a; x < d && (lists[x] as number) <= cutoff; x++) {
        inCal++;
        lastCal = lists[x] as number;
      }
    }
    first[j] = lo <= cutoff ? lo : NONE;
    last[j] = lastCal;
    periods[j] = inCal;
    holdout[j] = total - inCal;
    if (repeat !== null && holdoutSums !== null) {
      const q = k * SUMS;
      repeat[j] = (sums[q + REPEAT] as number) + (sums[q + REPEAT_COMP] as number);
      holdoutSums[j] = sums[q + HOLDOUT_VALUE] as number;
    }
  }
  return {
    count,
    keys: slots !== null ? slots.keys : order.subarray(0, count),
    ...arrays,
    store,
  };
}

/** Sorts `a[from … to)` ascending: insertion sort for the short runs most customers have. */
function sortRange(a: Int32Array, from: number, to: number): void {
  if (to - from > 32) {
    a.subarray(from, to).sort();
    return;
  }
  for (let x = from + 1; x < to; x++) {
    const value = a[x] as number;
    let y = x - 1;
    while (y >= from && (a[y] as number) > value) {
      a[y + 1] = a[y] as number;
      y--;
    }
    a[y + 1] = value;
  }
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
 * import { collectPeriods, readTransactions, summarizePeriods } from './transactions.ts';
 * import { createPeriodIndexer } from './time.ts';
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

function growInt(a: Int32Array, cap: number): Int32Array {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}
