/**
 * Transaction-log kernel shared by the RFM functions (`rfmSummary`, `calibrationHoldoutSplit`,
 * `overdueCustomers`): reads row or columnar transactions, gives each customer a dense slot in
 * first-seen order and accumulates per-customer purchase periods in one pass over the events.
 *
 * Per-customer state is interleaved in one `Float64Array`, one 64-byte cache line per customer, because
 * with customers in random order the pass is bound by memory latency, not arithmetic. When every customer
 * id is a small non-negative integer the state is indexed by the id itself (no lookup table at all);
 * otherwise ids map to slots through a direct table or a `Map`. Each block of events is processed in two
 * loops (lookups, then updates) so that independent cache misses overlap.
 *
 * Memory is proportional to the number of customers (plus one typed column per field for row input,
 * which is materialised once). Customers whose purchase periods arrive out of order are recounted in
 * a second pass over the events of those customers only; logs sorted by time or by customer never
 * need it.
 * @internal
 * @module
 */
import { resolveAccessor, rowsOf } from './rows.ts';
import { createPeriodIndexer, MAX_EPOCH_MS, MS_PER_DAY, requirePeriod, requireTimeZone, requireWeekStartsOn, toEpochMs } from './time.ts';
import type { Period, PeriodIndexer } from './time.ts';
import { describeValue, rangeFail, requireArrayLike, requireOneOf, typeFail, withDefault } from './validate.ts';

/** Time units for durations (recency, T, gaps): fixed lengths in days. */
export type DurationUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Length of each duration unit in days: a week is exactly 7 days, a month 365.25/12, a year 365.25. */
export const DAYS_PER_UNIT: Readonly<Record<DurationUnit, number>> = {
  day: 1,
  week: 7,
  month: 365.25 / 12,
  quarter: 365.25 / 4,
  year: 365.25,
};

const UNITS: readonly DurationUnit[] = ['day', 'week', 'month', 'quarter', 'year'];

/** Sentinel period number: "no purchase period yet" (periods are days since 1970 at most, far below it). */
const NONE = 0x7fffffff;

/**
 * Periods are stored biased by 2^30 inside the pass, so every stored period is positive and a zeroed
 * state line means "customer not seen yet" (|period| ≤ 1.1e8 days for any valid instant).
 */
const BIAS = 1 << 30;

/** Transactions per block of the main pass. */
const BLOCK = 2048;

/** Ids below this bound are always indexed directly; above it, only up to a quarter of the row count. */
const DIRECT_IDS = 1 << 16;

// Layout of the interleaved per-customer state (8 doubles = one cache line).
const STRIDE = 8;
const FIRST = 0; // first purchase period ≤ cutoff, biased (NONE when none)
const LAST = 1; // last purchase period ≤ cutoff, biased (0 when none)
const MAX = 2; // largest period seen so far (≤ end), biased, for distinct counting (0: customer not seen)
const PERIODS = 3; // distinct periods ≤ cutoff
const HOLDOUT = 4; // distinct periods in (cutoff, end]
const FIRST_VALUE = 5; // value in the first period
const REPEAT = 6; // value in the later periods ≤ cutoff (Neumaier sum)
const REPEAT_COMP = 7; // its compensation

/** Validated transactions as parallel columns. */
export interface TransactionColumns {
  readonly length: number;
  /** Customer identifiers (validated during the pass: strings or finite numbers). */
  readonly customers: ArrayLike<unknown>;
  /** Epoch milliseconds, validated. */
  readonly times: ArrayLike<number>;
  /** Values (validated during the pass), or `null` when no value is read. */
  readonly values: ArrayLike<unknown> | null;
  /** Smallest and largest time (±Infinity when empty). */
  readonly minMs: number;
  readonly maxMs: number;
  /** True for row input (messages say `row 17: value`), false for columns (`value[17]`). */
  readonly rowInput: boolean;
  /** 1 + the largest id when every customer id is an integer in [0, max(2^16, n/4)); otherwise -1. */
  readonly idRange: number;
}

/** Tracks whether customer ids allow direct indexing (see {@link TransactionColumns.idRange}). */
function directIdRange(customers: ArrayLike<unknown>, n: number): number {
  const limit = Math.max(DIRECT_IDS, n >>> 2);
  let max = -1;
  for (let i = 0; i < n; i++) {
    const c = customers[i];
    if (typeof c !== 'number' || !(c >= 0 && c < limit) || (c | 0) !== c) return -1;
    if (c > max) max = c;
  }
  return max + 1;
}

/** Time options shared by the RFM functions, validated. */
export interface PeriodSettings {
  readonly period: Period;
  readonly unit: DurationUnit;
  readonly unitDays: number;
  readonly timeZone: string;
  readonly indexer: PeriodIndexer;
}

/** Reads `period` (default `'day'`), `unit` (default: the period), `timeZone` (`'UTC'`) and `weekStartsOn` (1). */
export function readPeriodSettings(fn: string, opts: Readonly<Record<string, unknown>>): PeriodSettings {
  const period = requirePeriod(fn, 'period', withDefault(opts['period'], 'day'));
  const unit = requireOneOf<DurationUnit>(fn, 'unit', withDefault(opts['unit'], period), UNITS);
  const timeZone = requireTimeZone(fn, 'timeZone', withDefault(opts['timeZone'], 'UTC'));
  const weekStartsOn = requireWeekStartsOn(fn, 'weekStartsOn', withDefault(opts['weekStartsOn'], 1));
  const indexer = createPeriodIndexer(fn, { period, timeZone, weekStartsOn });
  return { period, unit, unitDays: DAYS_PER_UNIT[unit], timeZone, indexer };
}

function fieldLabel(rowInput: boolean, i: number, field: string): string {
  return rowInput ? `row ${i}: ${field}` : `${field}[${i}]`;
}

/**
 * Reads transactions given as rows (array or iterable, with `customer`, `time` and optional `value`
 * accessors in `opts`) or as columns (`{ customer, time, value? }` of equal length, read without accessors).
 */
export function readTransactions(
  fn: string,
  transactions: unknown,
  opts: Readonly<Record<string, unknown>>,
  timeZone: string,
  readValue: boolean
): TransactionColumns {
  const isRows =
    Array.isArray(transactions) ||
    (transactions !== null && typeof transactions === 'object' && typeof (transactions as Iterable<unknown>)[Symbol.iterator] === 'function');
  if (!isRows) {
    if (transactions === null || typeof transactions !== 'object' || !('customer' in transactions) || !('time' in transactions)) {
      return typeFail(
        fn,
        `transactions must be an array or iterable of rows, or columns { customer, time, value? }, got ${describeValue(transactions)}`
      );
    }
    for (const key of ['customer', 'time', 'value']) {
      if (opts[key] !== undefined) typeFail(fn, `${key} accessor applies to row input only; columnar transactions are read from transactions.${key}`);
    }
    return readColumns(fn, transactions as Readonly<Record<string, unknown>>, timeZone, readValue);
  }
  const rows = rowsOf(fn, 'transactions', transactions);
  const getCustomer = resolveAccessor<unknown>(fn, 'customer', opts['customer']);
  const getTime = resolveAccessor<unknown>(fn, 'time', opts['time']);
  const getValue = readValue && opts['value'] !== undefined ? resolveAccessor<unknown>(fn, 'value', opts['value']) : null;
  const n = rows.length;
  const customers: unknown[] = new Array(n);
  const times = new Float64Array(n);
  const values = getValue === null ? null : new Float64Array(n);
  let minMs = Number.POSITIVE_INFINITY;
  let maxMs = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    customers[i] = getCustomer(row, i);
    const t = toEpochMs(fn, getTime(row, i), `row ${i}: time`, timeZone);
    times[i] = t;
    if (t < minMs) minMs = t;
    if (t > maxMs) maxMs = t;
    if (values !== null && getValue !== null) values[i] = requireValue(fn, getValue(row, i), i, true);
  }
  return { length: n, customers, times, values, minMs, maxMs, rowInput: true, idRange: directIdRange(customers, n) };
}

/** A column is an array or a typed array (an arbitrary `{ length }` object could claim any length). */
function requireColumn(fn: string, name: string, value: unknown): ArrayLike<unknown> {
  const column = requireArrayLike(fn, name, value);
  if (!Array.isArray(column) && !(ArrayBuffer.isView(column) && !(column instanceof DataView))) {
    typeFail(fn, `${name} must be an array or a typed array, got ${describeValue(value)}`);
  }
  return column;
}

function readColumns(fn: string, columns: Readonly<Record<string, unknown>>, timeZone: string, readValue: boolean): TransactionColumns {
  const customers = requireColumn(fn, 'transactions.customer', columns['customer']);
  const rawTimes = requireColumn(fn, 'transactions.time', columns['time']);
  const rawValues = readValue && columns['value'] !== undefined ? requireColumn(fn, 'transactions.value', columns['value']) : null;
  const n = customers.length;
  if (rawTimes.length !== n) rangeFail(fn, `transactions.time length (${rawTimes.length}) must equal transactions.customer length (${n})`);
  if (rawValues !== null && rawValues.length !== n) {
    rangeFail(fn, `transactions.value length (${rawValues.length}) must equal transactions.customer length (${n})`);
  }
  // Validate (and where needed convert) the time column once, finding its range on the way.
  let times: ArrayLike<number> = rawTimes as ArrayLike<number>;
  let converted: Float64Array | null = null;
  let minMs = Number.POSITIVE_INFINITY;
  let maxMs = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const raw = rawTimes[i];
    let t: number;
    if (typeof raw === 'number' && Math.abs(raw) <= MAX_EPOCH_MS) t = raw;
    else {
      t = toEpochMs(fn, raw, `time[${i}]`, timeZone);
      if (converted === null) {
        converted = new Float64Array(n);
        for (let j = 0; j < i; j++) converted[j] = rawTimes[j] as number;
      }
    }
    if (converted !== null) converted[i] = t;
    if (t < minMs) minMs = t;
    if (t > maxMs) maxMs = t;
  }
  if (converted !== null) times = converted;
  return { length: n, customers, times, values: rawValues, minMs, maxMs, rowInput: false, idRange: directIdRange(customers, n) };
}

function requireValue(fn: string, value: unknown, i: number, rowInput: boolean): number {
  if (typeof value !== 'number') typeFail(fn, `${fieldLabel(rowInput, i, 'value')} must be a number, got ${describeValue(value)}`);
  if (!Number.isFinite(value)) rangeFail(fn, `${fieldLabel(rowInput, i, 'value')} (${describeValue(value)}) must be a finite number`);
  return value;
}

/** Customer → dense slot, in first-seen order: a direct table for small non-negative integer ids, a `Map` otherwise. */
export class CustomerSlots {
  /** Customer identifier of each slot. */
  readonly keys: unknown[] = [];
  private dense: Int32Array;
  private readonly denseLimit: number;
  private readonly map = new Map<unknown, number>();

  constructor(expectedRows: number) {
    this.denseLimit = Math.min(2 * expectedRows + 65_536, 1 << 28);
    this.dense = new Int32Array(Math.min(1024, this.denseLimit));
  }

  /** Slot of `customer`, allocating the next slot for a new customer; validates the identifier. */
  slotOf(fn: string, customer: unknown, i: number, rowInput: boolean): number {
    if (typeof customer === 'number' && customer >>> 0 === customer && customer < this.denseLimit) {
      let dense = this.dense;
      if (customer >= dense.length) {
        let size = dense.length;
        while (size <= customer) size *= 2;
        const grown = new Int32Array(Math.min(size, this.denseLimit));
        grown.set(dense);
        this.dense = dense = grown;
      }
      const s = dense[customer] as number;
      if (s !== 0) return s - 1;
      const slot = this.keys.length;
      this.keys.push(customer);
      dense[customer] = slot + 1;
      return slot;
    }
    validateCustomer(fn, customer, i, rowInput);
    const s = this.map.get(customer);
    if (s !== undefined) return s;
    const slot = this.keys.length;
    this.keys.push(customer);
    this.map.set(customer, slot);
    return slot;
  }

  /** Slot of a customer already seen, or -1. */
  find(customer: unknown): number {
    if (typeof customer === 'number' && customer >>> 0 === customer && customer < this.denseLimit) {
      return customer < this.dense.length ? (this.dense[customer] as number) - 1 : -1;
    }
    return this.map.get(customer) ?? -1;
  }
}

/** Customer identifiers are strings or finite numbers (1 and "1" are different customers). */
export function validateCustomer(fn: string, customer: unknown, i: number, rowInput: boolean): void {
  if (typeof customer === 'string') return;
  if (typeof customer !== 'number')
    typeFail(fn, `${fieldLabel(rowInput, i, 'customer')} must be a string or a number, got ${describeValue(customer)}`);
  if (!Number.isFinite(customer)) rangeFail(fn, `${fieldLabel(rowInput, i, 'customer')} (${describeValue(customer)}) must be a finite number`);
}

/**
 * Per-customer purchase periods, split at `cutoff`: periods ≤ cutoff are the calibration (or whole)
 * window, periods in (cutoff, end] the holdout window. Arrays are indexed by customer in first-seen order.
 */
export interface PeriodSummary {
  readonly count: number;
  /** Customer identifier of each index. */
  readonly keys: ArrayLike<unknown>;
  /** Index of a customer, or -1 when it has no transaction up to `end`. */
  readonly find: (customer: unknown) => number;
  /** First and last purchase period ≤ cutoff (`first` is 0x7fffffff when the customer has none). */
  readonly first: Int32Array;
  readonly last: Int32Array;
  /** Number of distinct purchase periods ≤ cutoff and in (cutoff, end]. */
  readonly periods: Int32Array;
  readonly holdoutPeriods: Int32Array;
  /** Sum of the values of the repeat periods ≤ cutoff (all but the first period), and of the holdout values. */
  readonly repeatValue: Float64Array | null;
  readonly holdoutValue: Float64Array | null;
}

/** True when the customer has a purchase period ≤ cutoff. */
export function hasPurchase(summary: PeriodSummary, index: number): boolean {
  return summary.first[index] !== NONE;
}

/** Period number of an instant, with the UTC-day fast path inlined. */
function periodFn(indexer: PeriodIndexer, minMs: number, maxMs: number): (ms: number) => number {
  if (indexer.utc && indexer.period === 'day') return (ms: number) => Math.floor(ms / MS_PER_DAY);
  indexer.prepare(minMs, maxMs);
  return indexer.index;
}

/**
 * One pass over the transactions: the first/last period, number of distinct purchase periods and value
 * sums of each customer, for periods up to `end` (later transactions are validated, then skipped).
 */
export function summarizePeriods(fn: string, columns: TransactionColumns, indexer: PeriodIndexer, cutoff: number, end: number): PeriodSummary {
  const { length: n, customers, times, values, rowInput, idRange } = columns;
  const direct = idRange >= 0;
  const slots = direct ? null : new CustomerSlots(n);
  const periodOf = periodFn(indexer, columns.minMs, columns.maxMs);
  const utcDay = indexer.utc && indexer.period === 'day';
  const msPerDay = MS_PER_DAY;
  const cutoffB = cutoff + BIAS;
  const endB = end + BIAS;
  const hasValues = values !== null;
  // State index k: the id itself (direct) or the slot. `order` lists the state indices in first-seen order.
  let cap = direct ? idRange : Math.max(16, Math.min(n, 1024));
  let state: Float64Array = new Float64Array(cap * STRIDE);
  let holdoutValue: Float64Array = new Float64Array(hasValues ? cap : 0);
  let unsorted: Uint8Array = new Uint8Array(cap);
  let order: Int32Array = new Int32Array(Math.max(16, Math.min(n, 1024)));
  let count = 0;
  let anyUnsorted = false;
  const block = Math.min(n, BLOCK);
  const blockIndex = new Int32Array(block);
  const blockPeriod = new Int32Array(block);
  for (let b0 = 0; b0 < n; b0 += BLOCK) {
    const b1 = Math.min(n, b0 + BLOCK);
    // Lookups first, updates second: within each loop the memory accesses are independent, so the
    // processor overlaps their cache misses.
    for (let i = b0; i < b1; i++) {
      const t = times[i] as number;
      const p = (utcDay ? Math.floor(t / msPerDay) : periodOf(t)) + BIAS;
      if (hasValues) {
        const raw = values[i];
        if (typeof raw !== 'number' || raw - raw !== 0) requireValue(fn, raw, i, rowInput);
      }
      const c = customers[i];
      let k = -1;
      if (p > endB) {
        if (slots !== null) validateCustomer(fn, c, i, rowInput);
      } else if (slots === null) k = c as number;
      else {
        k = slots.slotOf(fn, c, i, rowInput);
        if (k === cap) {
          cap *= 2;
          state = growFloat(state, cap * STRIDE);
          if (hasValues) holdoutValue = growFloat(holdoutValue, cap);
          const u = new Uint8Array(cap);
          u.set(unsorted);
          unsorted = u;
        }
      }
      blockIndex[i - b0] = k;
      blockPeriod[i - b0] = p;
    }
    // Touch each state line once in a tight loop, where many misses are in flight at a time, so that
    // the update loop below finds them in cache (a software prefetch). MAX is never negative, so the test
    // never fires; it only keeps the loads from being optimised away (and a recount would be harmless).
    let touched = 0;
    for (let j = 0; j < b1 - b0; j++) {
      const k = blockIndex[j] as number;
      if (k >= 0) touched += state[k * STRIDE + MAX] as number;
    }
    if (touched < 0) anyUnsorted = true;
    for (let i = b0; i < b1; i++) {
      const k = blockIndex[i - b0] as number;
      if (k < 0) continue;
      const p = blockPeriod[i - b0] as number;
      const v = hasValues ? (values[i] as number) : 0;
      const o = k * STRIDE;
      const max = state[o + MAX] as number;
      if (max === 0) {
        // First transaction of this customer (LAST and MAX start at 0, below every biased period).
        state[o + FIRST] = NONE;
        if (count === order.length) order = growInt(order, 2 * count);
        order[count++] = k;
      }
      // Distinct periods are counted as the running maximum grows; a period below it means this
      // customer's periods arrived out of order, and the customer is recounted afterwards.
      if (p > max) {
        state[o + MAX] = p;
        if (p <= cutoffB) state[o + PERIODS] = (state[o + PERIODS] as number) + 1;
        else state[o + HOLDOUT] = (state[o + HOLDOUT] as number) + 1;
      } else if (p < max && unsorted[k] === 0) {
        unsorted[k] = 1;
        anyUnsorted = true;
      }
      if (p <= cutoffB) {
        const f = state[o + FIRST] as number;
        if (p < f) {
          state[o + FIRST] = p;
          if (hasValues) {
            // The old first period becomes a repeat period.
            addCompensated(state, o, state[o + FIRST_VALUE] as number);
            state[o + FIRST_VALUE] = v;
          }
        } else if (hasValues) {
          if (p === f) state[o + FIRST_VALUE] = (state[o + FIRST_VALUE] as number) + v;
          else addCompensated(state, o, v);
        }
        if (p > (state[o + LAST] as number)) state[o + LAST] = p;
      } else if (hasValues) holdoutValue[k] = (holdoutValue[k] as number) + v;
    }
  }
  const first = new Int32Array(count);
  const last = new Int32Array(count);
  const periods = new Int32Array(count);
  const holdout = new Int32Array(count);
  const repeat = hasValues ? new Float64Array(count) : null;
  const holdoutSums = hasValues ? new Float64Array(count) : null;
  const selected = new Uint8Array(count);
  for (let j = 0; j < count; j++) {
    const k = order[j] as number;
    const o = k * STRIDE;
    const f = state[o + FIRST] as number;
    first[j] = f === NONE ? NONE : f - BIAS;
    last[j] = (state[o + LAST] as number) - BIAS;
    periods[j] = state[o + PERIODS] as number;
    holdout[j] = state[o + HOLDOUT] as number;
    if (repeat !== null) repeat[j] = (state[o + REPEAT] as number) + (state[o + REPEAT_COMP] as number);
    if (holdoutSums !== null) holdoutSums[j] = holdoutValue[k] as number;
    selected[j] = unsorted[k] as number;
  }
  let find: (customer: unknown) => number;
  if (slots !== null) find = (customer) => slots.find(customer);
  else {
    // Index of each id, built on first use (only the recount and overdueCustomers need it).
    let indexOfId: Int32Array | null = null;
    find = (customer) => {
      if (typeof customer !== 'number' || !(customer >= 0 && customer < idRange) || (customer | 0) !== customer) return -1;
      if (indexOfId === null) {
        indexOfId = new Int32Array(idRange);
        for (let j = 0; j < count; j++) indexOfId[order[j] as number] = j + 1;
      }
      return (indexOfId[customer] as number) - 1;
    };
  }
  const summary: PeriodSummary = {
    count,
    keys: slots !== null ? slots.keys : order.subarray(0, count),
    find,
    first,
    last,
    periods,
    holdoutPeriods: holdout,
    repeatValue: repeat,
    holdoutValue: holdoutSums,
  };
  if (anyUnsorted) {
    // Recount distinct periods of the customers whose periods arrived out of order.
    const lists = collectPeriods(columns, summary, indexer, end, selected);
    for (let j = 0; j < count; j++) {
      if (selected[j] === 0) continue;
      const start = lists.start[j] as number;
      const k = lists.length[j] as number;
      let inCal = 0;
      for (let x = start; x < start + k; x++) if ((lists.periods[x] as number) <= cutoff) inCal++;
      periods[j] = inCal;
      holdout[j] = k - inCal;
    }
  }
  return summary;
}

/** Sorted distinct purchase periods (≤ end) of selected customers: `periods[start[s] … start[s] + length[s])`. */
export interface CustomerPeriodLists {
  readonly start: Int32Array;
  readonly length: Int32Array;
  readonly periods: Int32Array;
}

/** Second pass: gathers the distinct purchase periods of the customers with `selected[slot] !== 0`. */
export function collectPeriods(
  columns: TransactionColumns,
  summary: PeriodSummary,
  indexer: PeriodIndexer,
  end: number,
  selected: Uint8Array
): CustomerPeriodLists {
  const { length: n, customers, times } = columns;
  const { count, find } = summary;
  const periodOf = periodFn(indexer, columns.minMs, columns.maxMs);
  const rows = new Int32Array(count + 1);
  const slotOfRow = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = periodOf(times[i] as number);
    const s = p > end ? -1 : find(customers[i]);
    slotOfRow[i] = s >= 0 && selected[s] !== 0 ? s : -1;
    if (s >= 0 && selected[s] !== 0) rows[s + 1] = (rows[s + 1] as number) + 1;
  }
  for (let s = 0; s < count; s++) rows[s + 1] = (rows[s + 1] as number) + (rows[s] as number);
  const fill = rows.slice(0, count);
  const all = new Int32Array(rows[count] as number);
  for (let i = 0; i < n; i++) {
    const s = slotOfRow[i] as number;
    if (s < 0) continue;
    all[fill[s] as number] = periodOf(times[i] as number);
    fill[s] = (fill[s] as number) + 1;
  }
  const start = new Int32Array(count);
  const length = new Int32Array(count);
  for (let s = 0; s < count; s++) {
    const a = rows[s] as number;
    const b = rows[s + 1] as number;
    if (a === b) continue;
    if (b - a <= 32) {
      // Insertion sort: most customers have few periods, and one typed-array sort call each costs more.
      for (let x = a + 1; x < b; x++) {
        const value = all[x] as number;
        let y = x - 1;
        while (y >= a && (all[y] as number) > value) {
          all[y + 1] = all[y] as number;
          y--;
        }
        all[y + 1] = value;
      }
    } else all.subarray(a, b).sort();
    let k = a + 1;
    for (let x = a + 1; x < b; x++) if (all[x] !== all[k - 1]) all[k++] = all[x] as number;
    start[s] = a;
    length[s] = k - a;
  }
  return { start, length, periods: all };
}

function growInt(a: Int32Array, cap: number): Int32Array {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

function growFloat(a: Float64Array, cap: number): Float64Array {
  const b = new Float64Array(cap);
  b.set(a);
  return b;
}

/** Neumaier step on the repeat-value sum of the customer whose state starts at `o`. */
function addCompensated(state: Float64Array, o: number, x: number): void {
  const a = state[o + REPEAT] as number;
  const t = a + x;
  state[o + REPEAT_COMP] = (state[o + REPEAT_COMP] as number) + (Math.abs(a) >= Math.abs(x) ? a - t + x : x - t + a);
  state[o + REPEAT] = t;
}

/** Validates an optional timestamp option (default `fallback`) and returns epoch ms. */
export function readInstant(fn: string, name: string, value: unknown, timeZone: string, fallback: number): number {
  return value === undefined ? fallback : toEpochMs(fn, value, name, timeZone);
}
