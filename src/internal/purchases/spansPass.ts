/**
 * The spans pass over a transaction log, for a long window (a long, sparse history) where one record per
 * customer over the whole window would exceed about 32 bytes per event: pass 1 finds each customer's lowest and
 * highest period ≤ end, then each customer gets a bitset over its own span (or a sorted list of its periods when
 * even that span is long for its number of purchases), which pass 2 fills.
 * @internal
 * @module
 */
import { popcount } from '../bits.ts';
import { CustomerSlots, validateBlock, type TransactionColumns } from '../transactions.ts';
import { addTwoSum } from '../sum.ts';
import { BIAS, BLOCK, growInt, NONE, summaryArrays, type BlockPeriods } from './blocks.ts';
import type { PeriodStore, PeriodSummary } from './periodSummary.ts';

// Per-customer state of the spans pass, indexed by id (direct) or slot. `meta` (Int32Array): lowest and highest
// period ≤ end (biased; HI 0 = not seen), then the number of transactions (pass 1), replaced by the bitset's
// word offset (≥ 0) or −1 − the list's write position (< 0). `sums` (Float64Array): the repeat and holdout value
// sums, each followed by its compensation (as addTwoSum keeps them). Values in the first period are not summed:
// pass 1 knows each customer's first period, so none of them is ever moved to the repeat sum, and the summary
// leaves them out.
const META = 3;
const LO = 0;
const HI = 1;
const BASE = 2;
const SUMS = 4;
const REPEAT = 0; // values in the later periods ≤ cutoff
const REPEAT_COMP = 1; // its compensation (right after the sum)
const HOLDOUT_VALUE = 2; // values in (cutoff, end]
const HOLDOUT_COMP = 3; // its compensation

/**
 * Two passes for a long window: pass 1 finds each customer's lowest and highest period ≤ end, then each
 * customer gets a bitset over its own span (or a list of its periods when the span is long for its number
 * of purchases), which pass 2 fills.
 * @example
 * ```ts
 * import { readTransactions } from '../transactions.ts';
 * import { createPeriodIndexer } from '../time/indexer.ts';
 * import { blockPeriods } from './blocks.ts';
 * import { summarizeSpans } from './spansPass.ts';
 *
 * const D = 86_400_000;
 * const day = createPeriodIndexer('rfmSummary', { period: 'day', timeZone: 'UTC', weekStartsOn: 1 });
 * // customer 5: day 0 (5), day 10 (1, 1e100, 1, −1e100), day 12 (holdout: the same four values)
 * const values = [5, 1, 1e100, 1, -1e100, 1, 1e100, 1, -1e100];
 * const time = [0, 10, 10, 10, 10, 12, 12, 12, 12].map((d) => d * D);
 * const t = readTransactions('rfmSummary', { customer: values.map(() => 5), time, value: values }, {}, 'UTC', true);
 * const s = summarizeSpans('rfmSummary', t, blockPeriods(day, t.minMs, t.maxMs), 11, 15);
 * [s.first[0], s.last[0], s.periods[0], s.holdoutPeriods[0]]; // => [0, 10, 2, 1]
 * // compensated sums: 2 each (plain running sums give 0)
 * [s.repeatValue?.[0], s.holdoutValue?.[0]]; // => [2, 2]
 * // the customer's bitset spans its own periods, days 0 … 12
 * [s.store?.lo[0], s.store?.hi[0]]; // => [0, 12]
 * ```
 */
export function summarizeSpans(
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

  // Pass 2: set the bit of each purchase period and add the value to the repeat periods or the holdout window
  // (compensated sums, in transaction order). Each block runs three short loops
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
      // Kind of value: 0 first period (not summed), 1 repeat period, 2 holdout.
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
      if (kind === 1) addTwoSum(sums, q + REPEAT, v);
      else if (kind === 2) addTwoSum(sums, q + HOLDOUT_VALUE, v);
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
      holdoutSums[j] = (sums[q + HOLDOUT_VALUE] as number) + (sums[q + HOLDOUT_COMP] as number);
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
