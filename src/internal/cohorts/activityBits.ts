/**
 * The marking passes of a cohort build: validated events → one activity bit per (customer slot, period or
 * window) in the bitset of `activityLayout.ts`, each slot's start bit and cohort row, and the cohort rows.
 *
 * One validation pass over the times (range, observation end) happened in the reader; here one pass finds each
 * customer's first start event and one sets one bit per (customer, active period). Rolling windows need the
 * first event before they can number windows, so they take one more pass; in mode `on` that pass counts
 * retention as it marks, into a table by cohort key (`markRolling`), and when every event starts and returns by
 * the observation end it tests nothing but the bit (like a hand-written loop over typed arrays). With no
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
  of: ArrayLike<number>,
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

/**
 * Rolling activity: bit ⌊(t − first) / windowMs⌋ of each activity event's slot, for slots with a start. With a
 * `table` (mode `on`) it counts as it marks: each bit newly set adds 1 to cell `cellOf[c] + b` of `table`
 * (the column b of the slot's cohort key), so no pass over the bitset is needed afterwards. Unless `checked`,
 * every event is an activity event at or after its slot's first one and at or before `end` (no filters, no
 * cohort dates, no event after the end): the loop then tests nothing else.
 */
function markRolling(
  slots: ArrayLike<number>,
  times: ArrayLike<number>,
  flags: Uint8Array | null,
  end: number,
  first: Float64Array,
  windowMs: number,
  words: number,
  bits: Int32Array,
  cellOf: Int32Array,
  table: Int32Array | null,
  checked: boolean,
): void {
  const n = times.length;
  if (!checked && table !== null) {
    for (let e = 0; e < n; e++) {
      const c = slots[e] as number;
      const b = Math.floor(((times[e] as number) - (first[c] as number)) / windowMs);
      const w = c * words + (b >>> 5);
      const bit = 1 << (b & 31);
      const x = bits[w] as number;
      if ((x & bit) === 0) {
        bits[w] = x | bit;
        table[(cellOf[c] as number) + b]!++;
      }
    }
    return;
  }
  for (let e = 0; e < n; e++) {
    const t = times[e] as number;
    const c = slots[e] as number;
    const b = Math.floor((t - (first[c] as number)) / windowMs); // −∞ without a start
    if (!(b >= 0) || t > end || (flags !== null && ((flags[e] as number) & 2) === 0)) continue;
    const w = c * words + (b >>> 5);
    const bit = 1 << (b & 31);
    const x = bits[w] as number;
    if ((x & bit) === 0) {
      bits[w] = x | bit;
      if (table !== null) table[(cellOf[c] as number) + b]!++;
    }
  }
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
 * Rolling cohort keys: per slot with a start, its key k (the period of its first instant − `lowKey`) into
 * `keyOf` (or, with `keyAt`, the first cell keyAt[k] of its key's columns in the table of counts), and per key
 * its size and earliest and latest start.
 */
function slotKeys(
  first: Float64Array,
  keyOf: Int32Array,
  keyAt: Int32Array | null,
  indexer: PeriodIndexer,
  lowKey: number,
  sizes: Int32Array,
  minFirst: Float64Array,
  maxFirst: Float64Array,
): void {
  for (let c = 0; c < first.length; c++) {
    const f = first[c] as number;
    if (f === Number.POSITIVE_INFINITY) continue;
    const k = indexer.index(f) - lowKey;
    keyOf[c] = keyAt === null ? k : (keyAt[k] as number);
    sizes[k]!++;
    if (f < (minFirst[k] as number)) minFirst[k] = f;
    if (f > (maxFirst[k] as number)) maxFirst[k] = f;
  }
}

/** Rolling per-slot outputs: slots with a start begin at bit 0 at their first instant, in their key's row. */
function rollingSlots(
  first: Float64Array,
  keyOf: Int32Array,
  rowOfKey: Int32Array,
  startBit: Int32Array,
  customerRow: Int32Array,
  customerStart: Float64Array,
): void {
  for (let c = 0; c < first.length; c++) {
    const f = first[c] as number;
    if (f === Number.POSITIVE_INFINITY) continue;
    customerStart[c] = f;
    startBit[c] = 0;
    customerRow[c] = rowOfKey[keyOf[c] as number] as number;
  }
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
  // Rolling windows with every event a start and a return (no filters, no cohort dates).
  const fused = rolling && flags === null && cohortTimes === null;
  // Per-slot outputs; left empty when retention is counted while marking, which needs none of them.
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

  const slotOf = of ?? (events.customers as ArrayLike<number>);
  // Earliest instant that matters: the first event (or cohort date) at or before the observation end.
  let minMs = events.minMs;
  if (settings.observationEnd !== undefined && !(events.maxMs <= observationEnd))
    minMs = earliestUpTo(times, observationEnd);
  // Every event is a start at or before the end: the loop of cohort dates, on the times, tests nothing else.
  const allStart = flags === null && events.maxMs <= observationEnd;
  if (of !== null || rolling) {
    firstStarts(slotOf, times, cohortTimes ?? (allStart ? times : null), flags, observationEnd, first);
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
  // Rolling cohort keys: the period of a slot's first instant − lowKey. In mode `on` the marking passes count
  // into a table by key (key p's columns at keyAt[p] …, as many as a start in period p can have); keyOf then
  // holds each slot's keyAt.
  const lowKey = indexer.index(minMs);
  const keys = endPeriod - lowKey + 1;
  const keyOf = new Int32Array(rolling ? slots : 0);
  const keyAt = new Int32Array(rolling ? keys + 1 : 0);
  let table: Int32Array | null = null;
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
  } else if (!rolling) {
    perSlot();
    markActivity(of as Int32Array, times, flags, observationEnd, first, base, indexer, words, bits);
    calendarStarts(first, startBit, customerStart, sizeAt, base, indexer, words, bits);
  } else {
    // The table is about keys × span / 2 cells: no larger than the bitset or 4 M cells (else counted from the bits).
    if (count === 'on' && keys * span <= Math.max(slots * words, 8_388_608)) {
      for (let p = 0; p < keys; p++)
        keyAt[p + 1] =
          (keyAt[p] as number) +
          Math.floor((observationEnd - Math.max(indexer.start(p + lowKey), minMs)) / windowMs) +
          1;
      table = new Int32Array(keyAt[keys] as number);
    }
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
    // Rows are the keys with a start, ascending.
    const sizes = new Int32Array(keys);
    const minFirst = new Float64Array(keys).fill(Number.POSITIVE_INFINITY);
    const maxFirst = new Float64Array(keys).fill(Number.NEGATIVE_INFINITY);
    slotKeys(first, keyOf, table === null ? null : keyAt, indexer, lowKey, sizes, minFirst, maxFirst);
    const rowOfKey = new Int32Array(keys);
    const at = new Int32Array(keys);
    for (let p = 0; p < keys; p++) {
      if (sizes[p] === 0) continue;
      rowOfKey[p] = rows.length;
      at[rows.length] = keyAt[p] as number;
      addRow(
        p + lowKey,
        sizes[p] as number,
        Math.floor((observationEnd - (minFirst[p] as number)) / windowMs) + 1,
        Math.floor((until - (maxFirst[p] as number)) / windowMs),
      );
    }
    // Without filters or cohort dates every event up to the end is at or after its slot's first one.
    markRolling(slotOf, times, flags, observationEnd, first, windowMs, words, bits, keyOf, table, !fused || !allStart);
    if (table === null) {
      perSlot();
      rollingSlots(first, keyOf, rowOfKey, startBit, customerRow, customerStart);
    } else {
      counted = table;
      countedAt = at;
    }
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
