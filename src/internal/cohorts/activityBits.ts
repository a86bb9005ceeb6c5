/**
 * The marking passes of a cohort build: validated events → one activity bit per (customer slot, period or
 * window) in the bitset of `activityLayout.ts`, each slot's start bit and cohort row, and the cohort rows.
 *
 * One validation pass over the times (range, observation end) happened in the reader; here one pass finds each
 * customer's first start event and one sets one bit per (customer, active period). Rolling windows need the
 * first event before they can number windows, so they take one more pass — unless every event starts and
 * returns and each customer's events come in time order: one pass then finds first events and sets the bits
 * (`firstAndMarkRolling`), and otherwise, in mode `on`, the second pass counts retention as it marks. With no
 * filters or cohort dates and small non-negative integer ids the id itself is the slot; on that path with
 * calendar periods a slot's start is its lowest set bit, and `retentionMatrix` counts retention in that same
 * pass (`countFromLowestBits`).
 *
 * The long loops (over events or slots) live in small functions taking only arrays and numbers (and, off the
 * hot path, the period indexer): V8 then optimises each loop on its own, and the optimised code depends on no
 * short-lived hidden class, so garbage collections between calls do not throw it away.
 * @internal
 * @module
 */
import type { EventLog as CohortEvents } from '../input/eventLog.ts';
import { defaultObservationEnd, observedUntil, type CohortSettings } from '../input/settings.ts';
import type { PeriodIndexer } from '../time/indexer.ts';
import { ROLLING_WINDOW_MS } from '../time/periodKinds.ts';
import { rangeFail } from '../validate.ts';
import { NONE, type CohortActivity, type CohortRowInfo } from './activityLayout.ts';

const MAX_PERIODS = 4_194_304; // 2^22 (literals, not shifts: bundlers drop unused literals but keep `1 << n`)
const MAX_BITSET_WORDS = 134_217_728; // 2^27
const MAX_RESULT_CELLS = 67_108_864; // 2^26

// The passes over events live in small functions of their own so that V8 optimises each loop monomorphically.

/**
 * Hot path (calendar, no filters, no cohort dates): one pass setting one bit per (slot, period). Every event
 * starts and returns here, so a slot's first period is simply its lowest set bit (found afterwards). Each
 * variant of the loop is a function of its own taking only arrays and numbers, so V8 optimises it on its own
 * and its optimised code depends on no short-lived hidden class (it survives garbage collections).
 */
function markCalendarDirect(
  slots: ArrayLike<number>,
  times: ArrayLike<number>,
  first: number,
  end: number,
  base: number,
  words: number,
  bits: Int32Array,
  indexer: PeriodIndexer,
  dayUtc: boolean,
): void {
  if (dayUtc) {
    markDaysUtc(slots, times, end, base, words, bits);
    return;
  }
  const table = indexer.table();
  if (table !== null && table.min <= first && end <= table.max) {
    // The period lookup of the time kernel, inlined: one bucket read, one boundary compare.
    const { bucketMs, bucketBase, buckets, starts, periodBase } = table;
    if (table.aligned) {
      markBuckets(slots, times, end, base, words, bits, bucketMs, bucketBase, buckets);
      return;
    }
    markBucketsAndStarts(slots, times, end, base, words, bits, bucketMs, bucketBase, buckets, starts, periodBase);
    return;
  }
  for (let e = 0; e < times.length; e++) {
    const t = times[e] as number;
    if (t > end) continue;
    const c = slots[e] as number;
    const p = indexer.index(t) - base;
    bits[c * words + (p >>> 5)]! |= 1 << (p & 31);
  }
}

function markDaysUtc(
  slots: ArrayLike<number>,
  times: ArrayLike<number>,
  end: number,
  base: number,
  words: number,
  bits: Int32Array,
): void {
  const n = times.length;
  for (let e = 0; e < n; e++) {
    const t = times[e] as number;
    if (t > end) continue;
    const p = Math.floor(t / 86_400_000) - base;
    bits[(slots[e] as number) * words + (p >>> 5)]! |= 1 << (p & 31);
  }
}

/** Period = buckets[⌊t / bucketMs⌋ − bucketBase] (no bucket straddles a period boundary). */
function markBuckets(
  slots: ArrayLike<number>,
  times: ArrayLike<number>,
  end: number,
  base: number,
  words: number,
  bits: Int32Array,
  bucketMs: number,
  bucketBase: number,
  buckets: Int32Array,
): void {
  const n = times.length;
  for (let e = 0; e < n; e++) {
    const t = times[e] as number;
    if (t > end) continue;
    const p = (buckets[Math.floor(t / bucketMs) - bucketBase] as number) - base;
    bits[(slots[e] as number) * words + (p >>> 5)]! |= 1 << (p & 31);
  }
}

/** Period = the bucket's period, moved on while the next period starts at or before t. */
function markBucketsAndStarts(
  slots: ArrayLike<number>,
  times: ArrayLike<number>,
  end: number,
  base: number,
  words: number,
  bits: Int32Array,
  bucketMs: number,
  bucketBase: number,
  buckets: Int32Array,
  starts: Float64Array,
  periodBase: number,
): void {
  const n = times.length;
  for (let e = 0; e < n; e++) {
    const t = times[e] as number;
    if (t > end) continue;
    let i = (buckets[Math.floor(t / bucketMs) - bucketBase] as number) - periodBase;
    while (t >= (starts[i + 1] as number)) i++;
    const p = i + periodBase - base;
    bits[(slots[e] as number) * words + (p >>> 5)]! |= 1 << (p & 31);
  }
}

/** Earliest time at or before `end` (+Infinity when none). */
function earliestUpTo(times: ArrayLike<number>, end: number): number {
  let min = Number.POSITIVE_INFINITY;
  for (let e = 0; e < times.length; e++) {
    const t = times[e] as number;
    if (t <= end && t < min) min = t;
  }
  return min;
}

/** Earliest start-eligible event (or cohort date) per slot, at or before the end. */
function firstStarts(
  of: Int32Array,
  times: ArrayLike<number>,
  cohortTimes: ArrayLike<number> | null,
  flags: Uint8Array | null,
  end: number,
  first: Float64Array,
): void {
  const n = of.length;
  if (cohortTimes !== null) {
    for (let e = 0; e < n; e++) {
      const t = cohortTimes[e] as number;
      const c = of[e] as number;
      if (t < (first[c] as number)) first[c] = t;
    }
    for (let c = 0; c < first.length; c++) if ((first[c] as number) > end) first[c] = Number.POSITIVE_INFINITY;
    return;
  }
  for (let e = 0; e < n; e++) {
    const t = times[e] as number;
    if (t > end || (flags !== null && ((flags[e] as number) & 1) === 0)) continue;
    const c = of[e] as number;
    if (t < (first[c] as number)) first[c] = t;
  }
}

/**
 * Calendar activity off the direct path: bit (period − base) of each activity event's slot, for slots with a
 * start (the indexer was prepared for [first event, end], so a lookup is two array reads).
 */
function markActivity(
  of: Int32Array,
  times: ArrayLike<number>,
  flags: Uint8Array | null,
  end: number,
  first: Float64Array,
  base: number,
  indexer: PeriodIndexer,
  words: number,
  bits: Int32Array,
): void {
  const n = of.length;
  for (let e = 0; e < n; e++) {
    const t = times[e] as number;
    if (t > end || (flags !== null && ((flags[e] as number) & 2) === 0)) continue;
    const c = of[e] as number;
    if ((first[c] as number) === Number.POSITIVE_INFINITY) continue; // no start: no activity
    const b = indexer.index(t) - base;
    if (b < 0) continue; // before the start; calendar bits before the start period are cleared later
    bits[c * words + (b >>> 5)]! |= 1 << (b & 31);
  }
}

/** Events per block of {@link markRollingCounted}: its block buffers take 8 KB. */
const MARK_BLOCK = 1024;

/** Written by the load-ahead loop of {@link markRollingCounted} so that its loads are not optimised away; never read. */
let _loaded = 0;

/**
 * Rolling activity: bit ⌊(t − first) / windowMs⌋ of each activity event's slot, for slots with a start. With a
 * `table` (mode `on`) it counts as it marks: each bit newly set adds 1 to cell `rowAt[customerRow[c]] + b` of `table` (the
 * slot's cohort row, column b), so no pass over the bitset is needed afterwards.
 *
 * A block of events at a time, in three short loops so that the cache misses of a block overlap instead of
 * waiting one after the other (with customers in random order, each event's first instant and bit word are
 * misses): each event's word and window (no branch waits on a load: a slot without a start has first = +∞, so
 * its window is −∞ and fails the same test as an event before the start), a load of each word, then the
 * updates in input order (the same bits and counts as one loop).
 */
function markRollingCounted(
  slots: ArrayLike<number>,
  times: ArrayLike<number>,
  flags: Uint8Array | null,
  end: number,
  first: Float64Array,
  windowMs: number,
  words: number,
  bits: Int32Array,
  customerRow: Int32Array,
  rowAt: Int32Array | null,
  table: Int32Array | null,
): void {
  const n = times.length;
  const wordOf = new Int32Array(Math.min(n, MARK_BLOCK)); // −1: no bit to mark
  const bitOf = new Int32Array(Math.min(n, MARK_BLOCK));
  for (let e0 = 0; e0 < n; e0 += MARK_BLOCK) {
    const e1 = Math.min(n, e0 + MARK_BLOCK);
    let loaded = 0;
    for (let e = e0; e < e1; e++) {
      const t = times[e] as number;
      const c = slots[e] as number;
      const b = Math.floor((t - (first[c] as number)) / windowMs); // −∞ without a start
      const w = b >= 0 && t <= end && (flags === null || ((flags[e] as number) & 2) !== 0) ? c * words + (b >>> 5) : -1;
      wordOf[e - e0] = w;
      bitOf[e - e0] = b;
    }
    // Then load each word (word 0 for none: max(w, 0) without a branch), unless the bitset fits in a core's
    // cache (512 KB) anyway.
    for (let j = 0; j < e1 - e0 && bits.length > 131_072; j++) {
      const w = wordOf[j] as number;
      loaded |= bits[w & ~(w >> 31)] as number;
    }
    _loaded = loaded;
    for (let e = e0; e < e1; e++) {
      const w = wordOf[e - e0] as number;
      if (w < 0) continue;
      const b = bitOf[e - e0] as number;
      const x = bits[w] as number;
      if ((x & (1 << (b & 31))) === 0) {
        bits[w] = x | (1 << (b & 31));
        if (table !== null) table[((rowAt as Int32Array)[customerRow[slots[e] as number] as number] as number) + b]!++;
      }
    }
  }
}

/**
 * Rolling windows when every event starts and returns: each slot's first event and its activity bits in one
 * pass, which holds while each slot's events come in time order (a log in time order, or grouped by customer
 * and sorted). At the first event earlier than its slot's first one it stops marking, clears the bits it set,
 * finishes the first events alone and returns false: the caller then marks them with {@link markRollingCounted}.
 */
function firstAndMarkRolling(
  slots: ArrayLike<number>,
  times: ArrayLike<number>,
  end: number,
  first: Float64Array,
  windowMs: number,
  words: number,
  bits: Int32Array,
): boolean {
  const n = times.length;
  let e = 0;
  for (; e < n; e++) {
    const t = times[e] as number;
    if (t > end) continue;
    const c = slots[e] as number;
    let f = first[c] as number;
    if (t < f) {
      if (f !== Number.POSITIVE_INFINITY) break; // out of order for this slot
      first[c] = t;
      f = t;
    }
    const b = Math.floor((t - f) / windowMs);
    bits[c * words + (b >>> 5)]! |= 1 << (b & 31);
  }
  if (e === n) return true;
  // Clear what was marked: the rows of the slots seen so far (a shuffled log stops within a few events).
  if (e * words < bits.length) {
    for (let j = 0; j < e; j++) {
      const row = (slots[j] as number) * words;
      for (let w = row; w < row + words; w++) bits[w] = 0;
    }
  } else bits.fill(0);
  for (; e < n; e++) {
    const t = times[e] as number;
    if (t > end) continue;
    const c = slots[e] as number;
    if (t < (first[c] as number)) first[c] = t;
  }
  return false;
}

/** Calendar starts: each slot's start bit (counted in `sizeAt`), with its activity before that bit cleared. */
function calendarStarts(
  first: Float64Array,
  startBit: Int32Array,
  customerStart: Float64Array,
  sizeAt: Int32Array,
  base: number,
  indexer: PeriodIndexer,
  words: number,
  bits: Int32Array,
): void {
  for (let c = 0; c < first.length; c++) {
    const f = first[c] as number;
    if (f === Number.POSITIVE_INFINITY) continue;
    customerStart[c] = f;
    const s = indexer.index(f) - base;
    startBit[c] = s;
    sizeAt[s]!++;
    const row = c * words;
    const w = s >>> 5;
    if (w > 0) bits.fill(0, row, row + w);
    bits[row + w]! &= ~((1 << (s & 31)) - 1);
  }
}

/**
 * Rolling starts: slots with a first event start at bit 0, at that instant; their start instants, in slot
 * order, into `starts`. Returns the number of them.
 */
function rollingStarts(
  first: Float64Array,
  startBit: Int32Array,
  customerStart: Float64Array,
  starts: Float64Array,
): number {
  let started = 0;
  for (let c = 0; c < first.length; c++) {
    const f = first[c] as number;
    if (f === Number.POSITIVE_INFINITY) continue;
    customerStart[c] = f;
    startBit[c] = 0;
    starts[started++] = f;
  }
  return started;
}

/** The distinct keys ascending; `rowOfKey[key − lowKey]` becomes each one's row. */
function numberKeys(keyOf: Int32Array, lowKey: number, rowOfKey: Int32Array): number[] {
  for (let j = 0; j < keyOf.length; j++) rowOfKey[(keyOf[j] as number) - lowKey] = 1;
  const keys: number[] = [];
  for (let k = 0; k < rowOfKey.length; k++) {
    if (rowOfKey[k] === 0) continue;
    rowOfKey[k] = keys.length;
    keys.push(k + lowKey);
  }
  return keys;
}

/** Row of each slot with a start, and each row's size and earliest and latest start. */
function assignRows(
  startBit: Int32Array,
  first: Float64Array,
  keyOf: Int32Array,
  lowKey: number,
  rowOfKey: Int32Array,
  customerRow: Int32Array,
  sizes: Float64Array,
  minFirst: Float64Array,
  maxFirst: Float64Array,
): void {
  for (let c = 0, j = 0; c < startBit.length; c++) {
    if ((startBit[c] as number) === NONE) continue;
    const row = rowOfKey[(keyOf[j++] as number) - lowKey] as number;
    customerRow[c] = row;
    sizes[row]!++;
    const f = first[c] as number;
    if (f < (minFirst[row] as number)) minFirst[row] = f;
    if (f > (maxFirst[row] as number)) maxFirst[row] = f;
  }
}

/** Period of each instant of `starts` into `out` (the indexer was prepared for their range). */
function periodsOfAll(indexer: PeriodIndexer, starts: Float64Array, out: Int32Array): void {
  for (let j = 0; j < starts.length; j++) out[j] = indexer.index(starts[j] as number);
}

/** Dense customer slots of a build off the direct path: the slot of each event and the id of each slot. */
export interface DenseSlots {
  readonly of: Int32Array;
  readonly ids: (string | number)[];
}

/**
 * Whether a build takes the direct path, where the customer id itself is the slot (no dense numbering): no
 * per-cell totals, no `startEvent` / `returnEvent` filters, no cohort dates, and ids that are
 * non-negative integers below the number of events + 1024. The caller numbers the customers densely otherwise
 * and passes the slots to {@link cohortActivity}.
 * @example
 * ```ts
 * import { readCohortEvents, readCohortSettings } from '../cohortKernel.ts';
 * import { usesDirectSlots } from './activityBits.ts';
 *
 * const settings = readCohortSettings('retentionMatrix', { period: 'month' });
 * const events = readCohortEvents('retentionMatrix', { customer: [3, 1, 3], time: [0, 86_400_000, 3_456_000_000] }, {}, 'UTC', false);
 * usesDirectSlots(events, settings, false); // => true
 * // per-cell totals need the dense slot of every event, and so do string ids
 * usesDirectSlots(events, settings, true); // => false
 * usesDirectSlots(readCohortEvents('retentionMatrix', { customer: ['a'], time: [0] }, {}, 'UTC', false), settings, false); // => false
 * ```
 */
export function usesDirectSlots(events: CohortEvents, _settings: CohortSettings, totals: boolean): boolean {
  const smallMax = events.smallIdMax;
  return (
    !totals && events.flags === null && events.cohorts === null && smallMax >= 0 && smallMax < events.length + 1024
  );
}

/**
 * Validated events → one activity bit per (customer slot, period or window), each slot's start bit and cohort
 * row, and the cohort rows. `count` (`'on'` / `'onOrAfter'`) lets the direct path count retention in the same
 * pass that finds each slot's start, into a table with one row per possible start period, when that table is no
 * larger than the bitset. `dense` is `null` on the direct path (see {@link usesDirectSlots}), else the dense
 * slots of the customers (which a later per-event pass, such as the totals of `cellLists.ts`, needs).
 * @throws {RangeError} When the events span more periods, or customers × periods, than supported.
 * @example
 * ```ts
 * import { readCohortEvents, readCohortSettings } from '../cohortKernel.ts';
 * import { cohortActivity } from './activityBits.ts';
 *
 * const D = 86_400_000;
 * const settings = readCohortSettings('retentionMatrix', { period: 'month' });
 * // customer 0 buys in January and March 1970, customer 2 in February (direct path: the id is the slot)
 * const events = readCohortEvents('retentionMatrix', { customer: [0, 2, 0], time: [0, 40 * D, 70 * D] }, {}, 'UTC', false);
 * const act = cohortActivity('retentionMatrix', events, settings, null, null);
 * [act.slots, act.words, act.base]; // => [3, 1, 0]
 * // bits 0 and 2 (January, March) of slot 0, bit 1 of slot 2; slot 1 has no start (NONE)
 * act.bits; // => [5, 0, 2]
 * act.startBit; // => [0, 2147483647, 1]
 * act.customerRow; // => [0, -1, 1]
 * act.rows; // => [{ key: 0, label: '1970-01-01', size: 1, columns: 3, completeColumns: 2 }, { key: 1, label: '1970-02-01', size: 1, columns: 2, completeColumns: 1 }]
 * ```
 */
export function cohortActivity(
  fn: string,
  events: CohortEvents,
  settings: CohortSettings,
  count: 'on' | 'onOrAfter' | null,
  dense: DenseSlots | null,
): CohortActivity {
  const { indexer, windows, period } = settings;
  const n = events.length;
  const { times, flags } = events;
  const cohortTimes = events.cohorts;
  const rolling = windows === 'rolling';
  const observationEnd =
    settings.observationEnd ??
    (n === 0 ? Number.NaN : defaultObservationEnd(fn, events.maxMs, events.latestIsDate, settings.timeZone));
  const windowMs = ROLLING_WINDOW_MS[period];
  const smallMax = events.smallIdMax;
  // The hot path indexes slots by the customer id itself (dense enough ids), never touching a Map.
  const direct = dense === null;
  const of: Int32Array | null = dense === null ? null : dense.of;
  const ids: (string | number)[] = dense === null ? [] : dense.ids;
  const slots = direct ? smallMax + 1 : ids.length;
  const first = new Float64Array(direct && !rolling ? 0 : slots).fill(Number.POSITIVE_INFINITY);
  // Rolling windows with every event a start and a return: first events and bits in one pass (when in order).
  const fused = rolling && flags === null && cohortTimes === null;
  // Per-slot outputs; left empty when retention is counted in the start pass, which needs none of them.
  let startBit = new Int32Array(0);
  let customerRow = new Int32Array(0);
  let customerStart = new Float64Array(0);
  const perSlot = (): void => {
    startBit = new Int32Array(slots).fill(NONE);
    customerRow = new Int32Array(slots).fill(-1);
    customerStart = new Float64Array(slots).fill(Number.NaN);
  };
  let counted: Int32Array | null = null;
  let countedAt: Int32Array | null = null;
  const activity = (words: number, bits: Int32Array, base: number, rows: CohortRowInfo[]): CohortActivity => ({
    observationEnd,
    rolling,
    of,
    ids,
    slots,
    words,
    bits,
    startBit,
    first,
    base,
    windowMs,
    rows,
    customerRow,
    customerStart,
    counted,
    countedAt,
  });
  const empty = (): CohortActivity => {
    perSlot();
    return activity(0, new Int32Array(0), 0, []);
  };
  if (Number.isNaN(observationEnd)) return empty();

  // Earliest instant that matters: the first event (or cohort date) at or before the observation end.
  let minMs = events.minMs;
  if (settings.observationEnd !== undefined && !(events.maxMs <= observationEnd))
    minMs = earliestUpTo(times, observationEnd);
  if (of !== null && !fused) {
    firstStarts(of, times, cohortTimes, flags, observationEnd, first);
    if (cohortTimes !== null) for (let c = 0; c < slots; c++) minMs = Math.min(minMs, first[c] as number);
  }
  if (!(minMs <= observationEnd)) return empty();
  indexer.prepare(minMs, observationEnd);
  const endPeriod = indexer.index(observationEnd);

  // Bit layout: calendar → absolute periods from `base`; rolling → windows since the slot's start.
  const base = rolling ? 0 : indexer.index(minMs);
  const span = rolling ? Math.floor((observationEnd - minMs) / windowMs) + 1 : endPeriod - base + 1;
  if (span > MAX_PERIODS) {
    rangeFail(
      fn,
      `events span ${span} ${rolling ? 'windows' : 'periods'} of a ${period}, more than the ${MAX_PERIODS} supported; use a longer period`,
      { argument: 'options.period', value: period },
    );
  }
  const words = (span + 31) >>> 5;
  if (slots * words > MAX_BITSET_WORDS) {
    rangeFail(
      fn,
      `${slots} customers × ${span} periods exceed the supported activity table; use a longer period or an earlier observationEnd`,
      { argument: 'options.period', value: period },
    );
  }
  const bits = new Int32Array(slots * words);

  // Activity bits and each slot's start bit; calendar cohorts are counted by start bit on the way.
  const sizeAt = new Int32Array(rolling ? 0 : span);
  const slotOf = of ?? (events.customers as ArrayLike<number>);
  // Rolling bits still to mark once the rows are known (so that mode `on` counts while it marks).
  let pending = false;
  let starts = new Float64Array(0); // start instants of the slots with a start (rolling windows)
  if (direct && !rolling) {
    markCalendarDirect(
      events.customers as ArrayLike<number>,
      times,
      minMs,
      observationEnd,
      base,
      words,
      bits,
      indexer,
      indexer.utc && period === 'day',
    );
    // Every event starts and returns on the direct path, so a slot's start is its lowest set bit.
    if (count !== null && (span * (span + 1)) / 2 <= Math.max(slots * words, 65_536)) {
      // Row s of the table (the cohort starting at bit s) holds its span − s columns; the whole table is no
      // larger than the bitset, so memory stays proportional to customers × periods.
      countedAt = new Int32Array(span + 1);
      for (let s = 0; s < span; s++) countedAt[s + 1] = (countedAt[s] as number) + span - s;
      counted = new Int32Array(countedAt[span] as number);
      if (count === 'on') countFromLowestBits(bits, words, slots, sizeAt, countedAt, counted);
      else countLastFromLowestBits(bits, words, slots, sizeAt, countedAt, counted);
    } else {
      perSlot();
      lowestBits(bits, words, startBit, sizeAt);
    }
  } else {
    perSlot();
    if (fused) {
      if (!firstAndMarkRolling(slotOf, times, observationEnd, first, windowMs, words, bits)) pending = true;
    } else if (rolling) pending = true;
    else markActivity(of as Int32Array, times, flags, observationEnd, first, base, indexer, words, bits);
    if (rolling) {
      starts = new Float64Array(slots);
      starts = starts.subarray(0, rollingStarts(first, startBit, customerStart, starts));
    } else calendarStarts(first, startBit, customerStart, sizeAt, base, indexer, words, bits);
  }

  // Cohort rows: distinct cohort periods, ascending.
  const rows: CohortRowInfo[] = [];
  let resultCells = 0;
  const addRow = (key: number, size: number, columns: number, completeColumns: number): void => {
    resultCells += columns;
    if (resultCells > MAX_RESULT_CELLS)
      rangeFail(fn, `the cohort table would have more than ${MAX_RESULT_CELLS} cells; use a longer period`, {
        argument: 'options.period',
        value: period,
      });
    rows.push({ key, label: indexer.label(key), start: indexer.start(key), size, columns, completeColumns });
  };
  // Columns are complete when they end by the instant observed until (the next midnight after a day's end).
  const until = observedUntil(fn, observationEnd, settings.timeZone);
  if (!rolling) {
    const endDone = indexer.end(endPeriod) <= until ? 1 : 0;
    const rowAt = new Int32Array(span);
    for (let s = 0; s < span; s++) {
      const size = sizeAt[s] as number;
      if (size === 0) continue;
      rowAt[s] = rows.length;
      addRow(s + base, size, endPeriod - (s + base) + 1, endPeriod - (s + base) + endDone);
    }
    rowsOfStarts(startBit, rowAt, customerRow);
  } else {
    // Each started slot's cohort period (the period of its first event); rows are the distinct periods
    // ascending, numbered through a table over [base period, end period].
    const keyOf = new Int32Array(starts.length);
    periodsOfAll(indexer, starts, keyOf);
    const lowKey = indexer.index(minMs);
    const rowOfKey = new Int32Array(endPeriod - lowKey + 1);
    const keys = numberKeys(keyOf, lowKey, rowOfKey);
    const sizes = new Float64Array(keys.length);
    const minFirst = new Float64Array(keys.length).fill(Number.POSITIVE_INFINITY);
    const maxFirst = new Float64Array(keys.length).fill(Number.NEGATIVE_INFINITY);
    assignRows(startBit, first, keyOf, lowKey, rowOfKey, customerRow, sizes, minFirst, maxFirst);
    for (let r = 0; r < keys.length; r++) {
      const columns = Math.floor((observationEnd - (minFirst[r] as number)) / windowMs) + 1;
      const completeColumns = Math.floor((until - (maxFirst[r] as number)) / windowMs);
      addRow(keys[r] as number, sizes[r] as number, columns, completeColumns);
    }
  }
  if (pending) {
    const activeFlags = fused ? null : flags;
    if (count === 'on' && rows.length > 0) {
      // Row r's columns at counted[countedAt[r]] …; each new (slot, window) bit counted as it is set.
      countedAt = new Int32Array(rows.length + 1);
      for (let r = 0; r < rows.length; r++)
        countedAt[r + 1] = (countedAt[r] as number) + (rows[r] as CohortRowInfo).columns;
      counted = new Int32Array(countedAt[rows.length] as number);
      markRollingCounted(
        slotOf,
        times,
        activeFlags,
        observationEnd,
        first,
        windowMs,
        words,
        bits,
        customerRow,
        countedAt,
        counted,
      );
    } else
      markRollingCounted(
        slotOf,
        times,
        activeFlags,
        observationEnd,
        first,
        windowMs,
        words,
        bits,
        customerRow,
        null,
        null,
      );
  }
  return activity(words, bits, base, rows);
}

/** Per slot: its lowest set bit into `startBit` (left NONE when it has none), counted in `sizeAt`. */
function lowestBits(bits: Int32Array, words: number, startBit: Int32Array, sizeAt: Int32Array): void {
  const slots = startBit.length;
  for (let c = 0, row = 0; c < slots; c++, row += words) {
    for (let w = 0; w < words; w++) {
      const x = bits[row + w] as number;
      if (x === 0) continue;
      const s = (w << 5) + 31 - Math.clz32(x & -x);
      startBit[c] = s;
      sizeAt[s]!++;
      break;
    }
  }
}

/**
 * Mode `on` in the start pass: per slot, its lowest set bit s (counted in `sizeAt`), then every set bit b
 * counted in cell b − s of table row s (at `rowAt[s]`). One read of each word, no per-slot arrays.
 */
function countFromLowestBits(
  bits: Int32Array,
  words: number,
  slots: number,
  sizeAt: Int32Array,
  rowAt: Int32Array,
  table: Int32Array,
): void {
  for (let c = 0, row = 0; c < slots; c++, row += words) {
    let w = 0;
    let x = 0;
    while (w < words && bits[row + w] === 0) w++;
    if (w === words) continue;
    x = bits[row + w] as number;
    const s = (w << 5) + 31 - Math.clz32(x & -x);
    sizeAt[s]!++;
    const at = (rowAt[s] as number) - s + 31;
    for (;;) {
      const high = at + (w << 5);
      while (x !== 0) {
        const low = x & -x;
        table[high - Math.clz32(low)]!++;
        x ^= low;
      }
      if (++w === words) break;
      x = bits[row + w] as number;
    }
  }
}

/** Mode `onOrAfter` in the start pass: per slot, its lowest bit s and highest bit b; counts cell b − s of row s. */
function countLastFromLowestBits(
  bits: Int32Array,
  words: number,
  slots: number,
  sizeAt: Int32Array,
  rowAt: Int32Array,
  table: Int32Array,
): void {
  for (let c = 0, row = 0; c < slots; c++, row += words) {
    let w = 0;
    let x = 0;
    while (w < words && bits[row + w] === 0) w++;
    if (w === words) continue;
    x = bits[row + w] as number;
    const s = (w << 5) + 31 - Math.clz32(x & -x);
    sizeAt[s]!++;
    let v = words - 1;
    while (bits[row + v] === 0) v--;
    x = bits[row + v] as number;
    table[(rowAt[s] as number) - s + (v << 5) + 31 - Math.clz32(x)]!++;
  }
}

/** customerRow[c] = rowAt[startBit[c]] for slots with a start. */
function rowsOfStarts(startBit: Int32Array, rowAt: Int32Array, customerRow: Int32Array): void {
  for (let c = 0; c < startBit.length; c++) {
    const s = startBit[c] as number;
    if (s !== NONE) customerRow[c] = rowAt[s] as number;
  }
}
