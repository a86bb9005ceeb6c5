/**
 * The cohort kernel behind `buildCohorts`, `retentionMatrix` and every `cohort*` metric.
 *
 * One validation pass over the times (range, observation end), then one pass that gives every customer a dense
 * integer, finds each customer's first start event and sets one bit per (customer, active period) in a bitset of
 * customers × periods. Rolling windows need the first event before they can number windows, so they take one
 * more pass. On the hot path (calendar periods, no filters or cohort dates, small non-negative integer ids) the
 * id itself is the slot and a slot's start is its lowest set bit.
 *
 * Two readers of the bitset: `buildCohorts` extracts, per customer, the sorted list of active columns (periods
 * since the customer's cohort start) in CSR form, and when per-cell totals are asked for (event counts and
 * values) a last pass adds each event to its cell, found by rank (popcount) in the bitset; `retentionMatrix`
 * counts retention straight from the bits (on the hot path in the same pass that finds each start), without
 * per-customer lists. Memory: the input columns, 4 bytes per event for dense customer ids (not on the hot
 * path), customers × periods bits, and tables of cohorts × periods; never a per-event object.
 *
 * Events enter through the one event-log reader (`input/eventLog.ts`); the settings readers are in
 * `input/settings.ts` and the dense-id rule in `input/denseIds.ts`.
 *
 * The long loops (over events, customers or cells) live in small functions taking only arrays and numbers
 * (and, off the hot path, the period indexer): V8 then optimises each loop on its own, and the optimised code
 * depends on no short-lived hidden class, so garbage collections between calls do not throw it away.
 * @internal
 * @module
 */
import { ROLLING_WINDOW_MS, type PeriodIndexer } from './time.ts';
import { popcount } from './bits.ts';
import { denseCustomers } from './input/denseIds.ts';
import { readCohortExtras } from './input/cohortExtras.ts';
import { readEventLog, type CohortEventOptions, type EventLog } from './input/eventLog.ts';
import type { CohortSettings } from './input/settings.ts';
import { rangeFail } from './validate.ts';
import type { RetentionBracket, RetentionCohort } from '../cohorts/types.ts';

export { readCohortSettings } from './input/settings.ts';

/** Events as the cohort kernel reads them: the validated columns of the one event-log reader. */
export type CohortEvents = EventLog;

/**
 * The cohort functions' event log, read by `readEventLog` with the name `events`, cohort dates and filters
 * (`readValue`: whether `value` is read).
 * @example
 * ```ts
 * import { readCohortEvents } from './cohortKernel.ts';
 *
 * readCohortEvents('retentionMatrix', { customer: [3, 1, 3], time: [0, 86_400_000, 172_800_000] }, {}, 'UTC', false); // => { name: 'events', length: 3, smallIdMax: 3, minMs: 0, maxMs: 172800000, rowInput: false }
 * ```
 */
export function readCohortEvents(
  fn: string,
  events: unknown,
  opts: CohortEventOptions,
  timeZone: string,
  readValue: boolean,
): CohortEvents {
  return readEventLog(fn, events, opts, { name: 'events', timeZone, value: readValue, extras: readCohortExtras });
}

// ---------------------------------------------------------------------------------------------------------------

/** One cohort row before metrics: the period it starts, and which of its columns are observable / complete. */
export interface CohortRowInfo {
  /** Period number of the cohort (see the time kernel). */
  readonly key: number;
  readonly label: string;
  /** First instant of the cohort's period (epoch ms). */
  readonly start: number;
  /** Customers in the cohort. */
  readonly size: number;
  /** Number of observable columns (0 … columns − 1). */
  readonly columns: number;
  /** Columns 0 … completeColumns − 1 are complete (ended by the observation end). */
  readonly completeColumns: number;
}

/** Output of {@link runCohortKernel}: rows, per-customer cohort, CSR activity. */
export interface CohortKernelResult {
  readonly settings: CohortSettings;
  /** The observation end used (epoch ms), or NaN when there are no events and none was given. */
  readonly observationEnd: number;
  readonly rows: CohortRowInfo[];
  /** Identifier of each customer slot (empty on the direct path, where slot = the integer customer id). */
  readonly ids: (string | number)[];
  /** Cohort row of each customer slot, −1 when the slot has no cohort. */
  readonly customerRow: Int32Array;
  /** Start instant of each customer slot (first start event or cohort date), NaN when none or not tracked. */
  readonly customerStart: Float64Array;
  /** Cells of slot c are cellStart[c] … cellStart[c + 1] − 1. */
  readonly cellStart: Int32Array;
  /** Column (periods or windows since the customer's cohort start) of each cell, increasing per customer. */
  readonly cellColumn: Int32Array;
  /** Events per cell (only with totals). */
  readonly cellEvents: Float64Array | null;
  /** Sum of event values per cell (only with totals and values). */
  readonly cellValue: Float64Array | null;
}

const NONE = 0x7fffffff;
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

/** Column bit of an event for its slot: absolute period − base (calendar) or window since the start (rolling). */
function markActivity(
  of: Int32Array,
  times: ArrayLike<number>,
  flags: Uint8Array | null,
  end: number,
  rolling: boolean,
  first: Float64Array,
  windowMs: number,
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
    const f = first[c] as number;
    if (f === Number.POSITIVE_INFINITY) continue; // no start: no activity
    const b = rolling ? Math.floor((t - f) / windowMs) : indexer.index(t) - base;
    if (b < 0) continue; // before the start; calendar bits before the start period are cleared later
    bits[c * words + (b >>> 5)]! |= 1 << (b & 31);
  }
}

/** Adds every activity event to its cell (found by rank in the bitset): event counts and compensated value sums. */
function addTotals(
  of: Int32Array,
  times: ArrayLike<number>,
  values: ArrayLike<number> | null,
  flags: Uint8Array | null,
  end: number,
  rolling: boolean,
  first: Float64Array,
  startBit: Int32Array,
  windowMs: number,
  base: number,
  indexer: PeriodIndexer,
  words: number,
  bits: Int32Array,
  rank: Int32Array,
  cellEvents: Float64Array,
  cellValue: Float64Array | null,
  compensation: Float64Array | null,
): void {
  const n = of.length;
  for (let e = 0; e < n; e++) {
    const t = times[e] as number;
    if (t > end || (flags !== null && ((flags[e] as number) & 2) === 0)) continue;
    const c = of[e] as number;
    const s = startBit[c] as number;
    if (s === NONE) continue;
    const b = rolling ? Math.floor((t - (first[c] as number)) / windowMs) : indexer.index(t) - base;
    if (b < s) continue;
    const word = c * words + (b >>> 5);
    const within = b & 31;
    const below = within === 0 ? 0 : (bits[word] as number) & (0xffffffff >>> (32 - within));
    const pos = (rank[word] as number) + popcount(below);
    cellEvents[pos]!++;
    if (cellValue !== null && compensation !== null && values !== null) {
      // Neumaier compensated addition per cell.
      const v = values[e] as number;
      const sum = cellValue[pos] as number;
      const next = sum + v;
      compensation[pos]! += Math.abs(sum) >= Math.abs(v) ? sum - next + v : v - next + sum;
      cellValue[pos] = next;
    }
  }
}

/** Activity bitset and cohort rows of a build: what both outputs (CSR cells, retention counts) are read from. */
interface CohortActivity {
  readonly observationEnd: number;
  readonly rolling: boolean;
  /** Dense slot of each event, or `null` on the direct path (slot = the integer customer id). */
  readonly of: Int32Array | null;
  readonly ids: (string | number)[];
  readonly slots: number;
  /** Words per slot in `bits` (0 when there is no activity). */
  readonly words: number;
  /** Bit b of slot c (word c·words + b/32): active in absolute period base + b (calendar) or window b (rolling). */
  readonly bits: Int32Array;
  /** Bit of each slot's start period (0 with rolling windows), NONE without a start; no lower bit is set. */
  readonly startBit: Int32Array;
  /** Start instant of each slot (not on the direct path, where it is empty). */
  readonly first: Float64Array;
  readonly base: number;
  readonly windowMs: number;
  readonly rows: CohortRowInfo[];
  readonly customerRow: Int32Array;
  readonly customerStart: Float64Array;
  /**
   * Retention counts already taken during the start-bit pass (see `count` of {@link cohortActivity}), or `null`:
   * the cohort starting at bit s has its columns at `counted[countedAt[s]]` onwards. When set, `startBit` and
   * `customerRow` are not filled.
   */
  readonly counted: Int32Array | null;
  readonly countedAt: Int32Array | null;
}

/**
 * Validated events → one activity bit per (customer slot, period or window), each slot's start bit and cohort
 * row, and the cohort rows. `totals` keeps the dense slot numbers needed by a later per-event pass. `count`
 * (`'on'` / `'onOrAfter'`) lets the direct path count retention in the same pass that finds each slot's start,
 * into a table with one row per possible start period, when that table is no larger than the bitset.
 */
function cohortActivity(
  fn: string,
  events: CohortEvents,
  settings: CohortSettings,
  totals: boolean,
  count: 'on' | 'onOrAfter' | null,
): CohortActivity {
  const { indexer, windows, period } = settings;
  const n = events.length;
  const { times, flags } = events;
  const cohortTimes = events.cohorts;
  const rolling = windows === 'rolling';
  const observationEnd = settings.observationEnd ?? (n === 0 ? Number.NaN : events.maxMs);
  const windowMs = ROLLING_WINDOW_MS[period];
  const smallMax = events.smallIdMax;
  // The hot path indexes slots by the customer id itself (dense enough ids), never touching a Map.
  const direct = !rolling && !totals && flags === null && cohortTimes === null && smallMax >= 0 && smallMax < n + 1024;

  let of: Int32Array | null = null;
  let ids: (string | number)[] = [];
  if (!direct) ({ of, ids } = denseCustomers(fn, events, smallMax));
  const slots = direct ? smallMax + 1 : ids.length;
  const first = new Float64Array(direct ? 0 : slots).fill(Number.POSITIVE_INFINITY);
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
  if (of !== null) {
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
    );
  }
  const words = (span + 31) >>> 5;
  if (slots * words > MAX_BITSET_WORDS) {
    rangeFail(
      fn,
      `${slots} customers × ${span} periods exceed the supported activity table; use a longer period or an earlier observationEnd`,
    );
  }
  const bits = new Int32Array(slots * words);

  // Activity bits and each slot's start bit; calendar cohorts are counted by start bit on the way.
  const sizeAt = new Int32Array(rolling ? 0 : span);
  if (direct) {
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
  } else if (of !== null) {
    perSlot();
    markActivity(of, times, flags, observationEnd, rolling, first, windowMs, base, indexer, words, bits);
    for (let c = 0; c < slots; c++) {
      const f = first[c] as number;
      if (f === Number.POSITIVE_INFINITY) continue;
      customerStart[c] = f;
      if (rolling) {
        startBit[c] = 0;
        continue;
      }
      const s = indexer.index(f) - base;
      startBit[c] = s;
      sizeAt[s]!++;
      // Clear calendar activity before the slot's start period.
      const row = c * words;
      const w = s >>> 5;
      if (w > 0) bits.fill(0, row, row + w);
      bits[row + w]! &= ~((1 << (s & 31)) - 1);
    }
  }

  // Cohort rows: distinct cohort periods, ascending.
  const rows: CohortRowInfo[] = [];
  let resultCells = 0;
  const addRow = (key: number, size: number, columns: number, completeColumns: number): void => {
    resultCells += columns;
    if (resultCells > MAX_RESULT_CELLS)
      rangeFail(fn, `the cohort table would have more than ${MAX_RESULT_CELLS} cells; use a longer period`);
    rows.push({ key, label: indexer.label(key), start: indexer.start(key), size, columns, completeColumns });
  };
  if (!rolling) {
    const rowAt = new Int32Array(span);
    for (let s = 0; s < span; s++) {
      const size = sizeAt[s] as number;
      if (size === 0) continue;
      rowAt[s] = rows.length;
      addRow(s + base, size, endPeriod - (s + base) + 1, endPeriod - (s + base));
    }
    rowsOfStarts(startBit, rowAt, customerRow);
  } else {
    const keyOf = new Float64Array(slots);
    const keys: number[] = [];
    const seen = new Set<number>();
    for (let c = 0; c < slots; c++) {
      if ((startBit[c] as number) === NONE) continue;
      const key = indexer.index(first[c] as number);
      keyOf[c] = key;
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
    keys.sort((a, b) => a - b);
    const rowOfKey = new Map<number, number>();
    keys.forEach((key, r) => {
      rowOfKey.set(key, r);
    });
    const sizes = new Float64Array(keys.length);
    const minFirst = new Float64Array(keys.length).fill(Number.POSITIVE_INFINITY);
    const maxFirst = new Float64Array(keys.length).fill(Number.NEGATIVE_INFINITY);
    let lastKey = Number.NaN;
    let lastRow = -1;
    for (let c = 0; c < slots; c++) {
      if ((startBit[c] as number) === NONE) continue;
      const key = keyOf[c] as number;
      if (key !== lastKey) {
        lastKey = key;
        lastRow = rowOfKey.get(key) as number;
      }
      customerRow[c] = lastRow;
      sizes[lastRow]!++;
      const f = first[c] as number;
      if (f < (minFirst[lastRow] as number)) minFirst[lastRow] = f;
      if (f > (maxFirst[lastRow] as number)) maxFirst[lastRow] = f;
    }
    for (let r = 0; r < keys.length; r++) {
      const columns = Math.floor((observationEnd - (minFirst[r] as number)) / windowMs) + 1;
      const completeColumns = Math.floor((observationEnd - (maxFirst[r] as number)) / windowMs);
      addRow(keys[r] as number, sizes[r] as number, columns, completeColumns);
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

/** cellStart[c] = cells of the slots before c (no bit below a slot's start is set); returns the total. */
function cellOffsets(bits: Int32Array, words: number, startBit: Int32Array, cellStart: Int32Array): number {
  const slots = startBit.length;
  let cells = 0;
  for (let c = 0, row = 0; c < slots; c++, row += words) {
    cellStart[c] = cells;
    if ((startBit[c] as number) === NONE) continue;
    for (let w = 0; w < words; w++) {
      const x = bits[row + w] as number;
      if (x !== 0) cells += popcount(x);
    }
  }
  cellStart[slots] = cells;
  return cells;
}

/** Active columns (periods or windows since the slot's start), ascending per slot, at the slot's offsets. */
function cellColumns(
  bits: Int32Array,
  words: number,
  startBit: Int32Array,
  rolling: boolean,
  cellStart: Int32Array,
  cellColumn: Int32Array,
): void {
  const slots = startBit.length;
  for (let c = 0, row = 0; c < slots; c++, row += words) {
    const s = startBit[c] as number;
    if (s === NONE) continue;
    let pos = cellStart[c] as number;
    const offset = rolling ? 0 : s;
    for (let w = s >>> 5; w < words; w++) {
      let x = bits[row + w] as number;
      while (x !== 0) {
        const low = x & -x;
        cellColumn[pos++] = (w << 5) + 31 - Math.clz32(low) - offset;
        x ^= low;
      }
    }
  }
}

/** rank[word] = index of the word's first set bit among its slot's cells. */
function wordRanks(bits: Int32Array, words: number, cellStart: Int32Array, rank: Int32Array): void {
  const slots = cellStart.length - 1;
  for (let c = 0, row = 0; c < slots; c++, row += words) {
    let r = cellStart[c] as number;
    for (let w = 0; w < words; w++) {
      rank[row + w] = r;
      const x = bits[row + w] as number;
      if (x !== 0) r += popcount(x);
    }
  }
}

/** customerRow[c] = rowAt[startBit[c]] for slots with a start. */
function rowsOfStarts(startBit: Int32Array, rowAt: Int32Array, customerRow: Int32Array): void {
  for (let c = 0; c < startBit.length; c++) {
    const s = startBit[c] as number;
    if (s !== NONE) customerRow[c] = rowAt[s] as number;
  }
}

/**
 * Builds cohorts from validated events; `totals` adds per-cell event counts and value sums.
 * @throws {RangeError} When the events span more periods, or customers × periods, than supported.
 * @example
 * ```ts
 * import { readCohortEvents, readCohortSettings, runCohortKernel } from './cohortKernel.ts';
 *
 * const settings = readCohortSettings('buildCohorts', { period: 'month' });
 * const rows = [
 *   { user: 'a', at: '2024-01-03', total: 20 },
 *   { user: 'a', at: '2024-02-10', total: 35 },
 *   { user: 'b', at: '2024-01-20', total: 15 },
 *   { user: 'c', at: '2024-02-05', total: 10 },
 *   { user: 'c', at: '2024-02-25', total: 5 },
 * ];
 * const events = readCohortEvents('buildCohorts', rows, { customer: 'user', time: 'at', value: 'total' }, settings.timeZone, true);
 * const result = runCohortKernel('buildCohorts', events, settings, true);
 * // months since January 1970: January 2024 = 54·12 = 648. The observation end is the last event (February 25):
 * // the January cohort (a, b) has two observable columns, of which only January has ended; February (c) one
 * result.rows; // => [{ key: 648, label: '2024-01-01', size: 2, columns: 2, completeColumns: 1 }, { key: 649, label: '2024-02-01', size: 1, columns: 1, completeColumns: 0 }]
 * result.ids; // => ['a', 'b', 'c']
 * result.customerRow; // => [0, 0, 1]
 * // cells: a in columns 0 and 1, b in column 0, c in column 0 (twice: 10 + 5)
 * result.cellStart; // => [0, 2, 3, 4]
 * result.cellColumn; // => [0, 1, 0, 0]
 * result.cellEvents; // => [1, 1, 1, 2]
 * result.cellValue; // => [20, 35, 15, 15]
 * new Date(result.customerStart[2] ?? Number.NaN).toISOString(); // => '2024-02-05T00:00:00.000Z'
 * runCohortKernel('buildCohorts', events, settings, false).cellEvents; // => null
 * ```
 */
export function runCohortKernel(
  fn: string,
  events: CohortEvents,
  settings: CohortSettings,
  totals: boolean,
): CohortKernelResult {
  const act = cohortActivity(fn, events, settings, totals, null);
  const {
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
  } = act;
  const result = (
    cellStart: Int32Array,
    cellColumn: Int32Array,
    cellEvents: Float64Array | null,
    cellValue: Float64Array | null,
  ): CohortKernelResult => ({
    settings,
    observationEnd,
    rows,
    ids,
    customerRow,
    customerStart,
    cellStart,
    cellColumn,
    cellEvents,
    cellValue,
  });
  if (rows.length === 0) {
    return result(
      new Int32Array(slots + 1),
      new Int32Array(0),
      totals ? new Float64Array(0) : null,
      totals && events.values !== null ? new Float64Array(0) : null,
    );
  }

  // CSR: offsets from the number of active cells per slot, then the active columns.
  const cellStart = new Int32Array(slots + 1);
  const cells = cellOffsets(bits, words, startBit, cellStart);
  const cellColumn = new Int32Array(cells);
  cellColumns(bits, words, startBit, rolling, cellStart, cellColumn);

  if (!totals || of === null) return result(cellStart, cellColumn, null, null);
  // Rank of each word's first bit among the slot's cells, then one pass adding events to cells.
  const rank = new Int32Array(slots * words);
  wordRanks(bits, words, cellStart, rank);
  const cellEvents = new Float64Array(cells);
  const values = events.values;
  const cellValue = values === null ? null : new Float64Array(cells);
  const compensation = values === null ? null : new Float64Array(cells);
  addTotals(
    of,
    events.times,
    values,
    events.flags,
    observationEnd,
    rolling,
    first,
    startBit,
    windowMs,
    base,
    settings.indexer,
    words,
    bits,
    rank,
    cellEvents,
    cellValue,
    compensation,
  );
  if (cellValue !== null && compensation !== null)
    for (let i = 0; i < cells; i++) cellValue[i]! += compensation[i] as number;
  return result(cellStart, cellColumn, cellEvents, cellValue);
}

// ---------------------------------------------------------------------------------------------------------------
// Retention assembly, shared by retentionMatrix and cohortRetention.

/**
 * Retention straight from the activity bitset (the one-call path of `retentionMatrix`): per slot, its set bits
 * (mode `on`), its highest set bit (`onOrAfter`, then suffix sums), or a masked word test per bracket, added to
 * one flat table of counts — no per-customer cell lists. Gives what {@link retentionCohorts} gives on the cells.
 * @throws {RangeError} When the events span more periods, or customers × periods, than supported.
 * @example
 * ```ts
 * import { readCohortEvents, readCohortSettings, runRetentionKernel } from './cohortKernel.ts';
 *
 * const settings = readCohortSettings('retentionMatrix', { period: 'month' });
 * const rows = [
 *   { id: 1, at: '2024-01-05' },
 *   { id: 2, at: '2024-01-09' },
 *   { id: 3, at: '2024-01-30' },
 *   { id: 4, at: '2024-02-03' },
 *   { id: 2, at: '2024-02-14' },
 *   { id: 1, at: '2024-03-02' },
 *   { id: 4, at: '2024-03-20' },
 * ];
 * const events = readCohortEvents('retentionMatrix', rows, { customer: 'id', time: 'at' }, settings.timeZone, false);
 * // January cohort {1, 2, 3}: all active in January, 2 in February, 1 in March; February cohort {4}: February
 * // and March. March has not ended by the last event (March 20), so the last column of each is incomplete.
 * const on = runRetentionKernel('retentionMatrix', events, settings, 'on', null);
 * on.cohorts; // => [{ label: '2024-01-01', size: 3, counts: [3, 1, 1], complete: [true, true, false] }, { label: '2024-02-01', size: 1, counts: [1, 1], complete: [true, false] }]
 * on.cohorts[0].rates; // => [1, 0.333333, 0.333333]
 * new Date(on.observationEnd).toISOString(); // => '2024-03-20T00:00:00.000Z'
 * // last active column: 1 → 2 (March), 2 → 1, 3 → 0; active in column k or later: 3, 2, 1
 * runRetentionKernel('retentionMatrix', events, settings, 'onOrAfter', null).cohorts[0].counts; // => [3, 2, 1]
 * // brackets [0, 0] and [1, 2]: customers 1 and 2 were back within months 1–2; that bracket ends with March
 * runRetentionKernel('retentionMatrix', events, settings, 'brackets', [[0, 0], [1, 2]]).cohorts; // => [{ counts: [3, 2], complete: [true, false] }, { counts: [1, 1], complete: [true, false] }]
 * ```
 */
export function runRetentionKernel(
  fn: string,
  events: CohortEvents,
  settings: CohortSettings,
  mode: 'on' | 'onOrAfter' | 'brackets',
  brackets: readonly RetentionBracket[] | null,
): { observationEnd: number; cohorts: RetentionCohort[] } {
  const act = cohortActivity(fn, events, settings, false, mode === 'brackets' ? null : mode);
  const { observationEnd, rolling, words, bits, startBit, rows, customerRow, counted, countedAt } = act;
  const ends = mode === 'brackets' && brackets !== null ? brackets.map(([, to]) => to) : null;
  const cohort = (row: CohortRowInfo, table: Int32Array, lo: number, width: number): RetentionCohort => {
    const counts = rowCounts(table, lo, width, mode === 'onOrAfter');
    return {
      label: row.label,
      start: row.start,
      size: row.size,
      counts,
      rates: rowRates(counts, row.size),
      complete: rowComplete(width, row.completeColumns, ends),
    };
  };
  if (counted !== null && countedAt !== null) {
    // Counted in the start pass (calendar): the row of the cohort starting at bit s = key − base.
    return {
      observationEnd,
      cohorts: rows.map((row) => cohort(row, counted, countedAt[row.key - act.base] as number, row.columns)),
    };
  }
  // Flat table: row r's columns are at rowBase[r] …; `at` below is rowBase − the slot's start bit (calendar).
  const widths = rows.map((row) =>
    mode === 'brackets' && brackets !== null ? brackets.filter(([from]) => from < row.columns).length : row.columns,
  );
  const rowBase = new Int32Array(rows.length + 1);
  for (let r = 0; r < rows.length; r++) rowBase[r + 1] = (rowBase[r] as number) + (widths[r] as number);
  const table = new Int32Array(rowBase[rows.length] as number);
  if (mode === 'on') countActiveBits(bits, words, startBit, customerRow, rowBase, rolling, table);
  else if (mode === 'onOrAfter') countLastBits(bits, words, startBit, customerRow, rowBase, rolling, table);
  else if (brackets !== null)
    countBrackets(bits, words, startBit, customerRow, rowBase, rolling, table, brackets, widths);
  const cohorts = rows.map((row, r) => cohort(row, table, rowBase[r] as number, widths[r] as number));
  return { observationEnd, cohorts };
}

/** A row's counts from the flat table (as suffix sums for `onOrAfter`). */
function rowCounts(table: Int32Array, lo: number, width: number, suffix: boolean): number[] {
  const counts = new Array<number>(width);
  for (let k = 0; k < width; k++) counts[k] = table[lo + k] as number;
  if (suffix) for (let k = width - 2; k >= 0; k--) counts[k]! += counts[k + 1] as number;
  return counts;
}

function rowRates(counts: readonly number[], size: number): number[] {
  const rates = new Array<number>(counts.length);
  for (let k = 0; k < counts.length; k++) rates[k] = (counts[k] as number) / size;
  return rates;
}

/** Column k (bracket k, ending at ends[k]) is complete when it ends before column `completeColumns`. */
function rowComplete(width: number, completeColumns: number, ends: readonly number[] | null): boolean[] {
  const complete = new Array<boolean>(width);
  for (let k = 0; k < width; k++) complete[k] = (ends === null ? k : (ends[k] as number)) < completeColumns;
  return complete;
}

/** Mode `on`: adds 1 to the cell (slot's row, column) of every active bit. */
function countActiveBits(
  bits: Int32Array,
  words: number,
  startBit: Int32Array,
  customerRow: Int32Array,
  rowBase: Int32Array,
  rolling: boolean,
  table: Int32Array,
): void {
  const slots = startBit.length;
  for (let c = 0, row = 0; c < slots; c++, row += words) {
    const s = startBit[c] as number;
    if (s === NONE) continue;
    // Cell of bit b: rowBase[r] + b − (the start bit, calendar; 0, rolling).
    const at = (rowBase[customerRow[c] as number] as number) - (rolling ? 0 : s) + 31;
    for (let w = s >>> 5; w < words; w++) {
      let x = bits[row + w] as number;
      const high = at + (w << 5);
      while (x !== 0) {
        const low = x & -x;
        table[high - Math.clz32(low)]!++;
        x ^= low;
      }
    }
  }
}

/** Highest set bit of a slot's words from word `from` on, or −1. */
function highestBit(bits: Int32Array, row: number, from: number, words: number): number {
  let w = words - 1;
  while (w >= from && (bits[row + w] as number) === 0) w--;
  return w < from ? -1 : (w << 5) + 31 - Math.clz32(bits[row + w] as number);
}

/** Mode `onOrAfter`: adds 1 to the cell of each slot's last active column (suffix sums come later). */
function countLastBits(
  bits: Int32Array,
  words: number,
  startBit: Int32Array,
  customerRow: Int32Array,
  rowBase: Int32Array,
  rolling: boolean,
  table: Int32Array,
): void {
  const slots = startBit.length;
  for (let c = 0, row = 0; c < slots; c++, row += words) {
    const s = startBit[c] as number;
    if (s === NONE) continue;
    // With filters, a customer may start without any activity.
    const last = highestBit(bits, row, s >>> 5, words);
    if (last >= 0) table[(rowBase[customerRow[c] as number] as number) - (rolling ? 0 : s) + last]!++;
  }
}

/** Brackets: adds 1 to cell (row, j) when the slot has an active column in bracket j. */
function countBrackets(
  bits: Int32Array,
  words: number,
  startBit: Int32Array,
  customerRow: Int32Array,
  rowBase: Int32Array,
  rolling: boolean,
  table: Int32Array,
  brackets: readonly RetentionBracket[],
  widths: readonly number[],
): void {
  const slots = startBit.length;
  for (let c = 0, row = 0; c < slots; c++, row += words) {
    const s = startBit[c] as number;
    if (s === NONE) continue;
    const last = highestBit(bits, row, s >>> 5, words);
    if (last < 0) continue;
    const r = customerRow[c] as number;
    const offset = rolling ? 0 : s;
    const width = widths[r] as number;
    for (let j = 0; j < width; j++) {
      const [from, to] = brackets[j] as RetentionBracket;
      if (offset + from > last) break; // brackets are sorted by `from`
      if (anyBitSet(bits, row, offset + from, Math.min(offset + to, last))) table[(rowBase[r] as number) + j]!++;
    }
  }
}

/** Whether any bit lo … hi (inclusive, lo ≤ hi) of the slot whose words start at `row` is set. */
function anyBitSet(bits: Int32Array, row: number, lo: number, hi: number): boolean {
  const wLo = lo >>> 5;
  const wHi = hi >>> 5;
  const maskLo = -1 << (lo & 31);
  const maskHi = -1 >>> (31 - (hi & 31));
  if (wLo === wHi) return ((bits[row + wLo] as number) & maskLo & maskHi) !== 0;
  if (((bits[row + wLo] as number) & maskLo) !== 0 || ((bits[row + wHi] as number) & maskHi) !== 0) return true;
  for (let w = wLo + 1; w < wHi; w++) if ((bits[row + w] as number) !== 0) return true;
  return false;
}

/** Minimal view of cohort data needed for retention (typed arrays or plain arrays). */
export interface CohortCells {
  readonly rows: readonly {
    readonly label: string;
    readonly start: number;
    readonly size: number;
    readonly columns: number;
    readonly completeColumns: number;
  }[];
  readonly customerRow: ArrayLike<number>;
  readonly cellStart: ArrayLike<number>;
  readonly cellColumn: ArrayLike<number>;
}

/**
 * Size-weighted average of complete cells per column (Σ counts / Σ sizes over the cohorts whose column is
 * complete); `null` where no cohort's column is complete.
 * @example
 * ```ts
 * import { completeAverage } from './cohortKernel.ts';
 *
 * const cohorts = [
 *   { size: 3, counts: [3, 1, 1], complete: [true, true, false] },
 *   { size: 1, counts: [1, 1], complete: [true, false] },
 * ];
 * // column 0: (3 + 1) / (3 + 1); column 1: 1 / 3 (the second cohort's is incomplete); column 2: none complete
 * completeAverage(cohorts); // => [1, 0.333333, null]
 * completeAverage([]); // => []
 * ```
 */
export function completeAverage(
  cohorts: readonly {
    readonly size: number;
    readonly counts: readonly number[];
    readonly complete: readonly boolean[];
  }[],
): (number | null)[] {
  let width = 0;
  for (const c of cohorts) width = Math.max(width, c.counts.length);
  // Per cohort, then per column: the sums of each column still add the cohorts in order.
  const num = new Float64Array(width);
  const den = new Float64Array(width);
  for (const c of cohorts) addComplete(c.counts, c.complete, c.size, num, den);
  const average: (number | null)[] = [];
  for (let k = 0; k < width; k++)
    average.push((den[k] as number) === 0 ? null : (num[k] as number) / (den[k] as number));
  return average;
}

function addComplete(
  counts: readonly number[],
  complete: readonly boolean[],
  size: number,
  num: Float64Array,
  den: Float64Array,
): void {
  const width = Math.min(counts.length, complete.length);
  for (let k = 0; k < width; k++) {
    if (complete[k] === true) {
      num[k]! += counts[k] as number;
      den[k]! += size;
    }
  }
}

/**
 * Counts per cohort and column for a retention mode, from the per-customer cells: `'on'` counts customers active
 * in column k, `'onOrAfter'` those active in column k or later, `'brackets'` those active in any column of
 * bracket j (brackets starting at or after a cohort's observable columns are left out).
 * @example
 * ```ts
 * import { retentionCohorts } from './cohortKernel.ts';
 *
 * // customers 1, 2, 3 (January cohort) active in columns [0, 2], [0, 1], [0]; customer 4 (February) in [0, 1]
 * const data = {
 *   rows: [
 *     { label: '2024-01-01', start: Date.UTC(2024, 0, 1), size: 3, columns: 3, completeColumns: 2 },
 *     { label: '2024-02-01', start: Date.UTC(2024, 1, 1), size: 1, columns: 2, completeColumns: 1 },
 *   ],
 *   customerRow: [0, 0, 0, 1],
 *   cellStart: [0, 2, 4, 5, 7],
 *   cellColumn: [0, 2, 0, 1, 0, 0, 1],
 * };
 * retentionCohorts(data, 'on', null); // => [{ label: '2024-01-01', size: 3, counts: [3, 1, 1], complete: [true, true, false] }, { size: 1, counts: [1, 1], complete: [true, false] }]
 * retentionCohorts(data, 'on', null)[0].rates; // => [1, 0.333333, 0.333333]
 * retentionCohorts(data, 'onOrAfter', null)[0].counts; // => [3, 2, 1]
 * retentionCohorts(data, 'brackets', [[0, 0], [1, 2]]); // => [{ counts: [3, 2], complete: [true, false] }, { counts: [1, 1], complete: [true, false] }]
 * // the February cohort has columns 0 and 1 only, so it has no bracket [2, 5]
 * retentionCohorts(data, 'brackets', [[0, 0], [2, 5]]); // => [{ counts: [3, 1] }, { counts: [1] }]
 * ```
 */
export function retentionCohorts(
  data: CohortCells,
  mode: 'on' | 'onOrAfter' | 'brackets',
  brackets: readonly RetentionBracket[] | null,
): RetentionCohort[] {
  const { rows, customerRow, cellStart, cellColumn } = data;
  const counts: number[][] = rows.map((row) => {
    const width =
      mode === 'brackets' && brackets !== null ? brackets.filter(([from]) => from < row.columns).length : row.columns;
    return new Array<number>(width).fill(0);
  });
  const customers = customerRow.length;
  for (let c = 0; c < customers; c++) {
    const r = customerRow[c] as number;
    if (r < 0) continue;
    const lo = cellStart[c] as number;
    const hi = cellStart[c + 1] as number;
    if (lo === hi) continue;
    const out = counts[r] as number[];
    if (mode === 'on') {
      for (let i = lo; i < hi; i++) {
        const k = cellColumn[i] as number;
        if (k < out.length) out[k]!++;
      }
    } else if (mode === 'onOrAfter') {
      const last = Math.min(cellColumn[hi - 1] as number, out.length - 1);
      out[last]!++; // turned into suffix sums below
    } else if (brackets !== null) {
      for (let j = 0; j < out.length; j++) {
        const [from, to] = brackets[j] as RetentionBracket;
        // First cell with column ≥ from (binary search), active in the bracket when its column ≤ to.
        let a = lo;
        let b = hi;
        while (a < b) {
          const m = (a + b) >>> 1;
          if ((cellColumn[m] as number) < from) a = m + 1;
          else b = m;
        }
        if (a < hi && (cellColumn[a] as number) <= to) out[j]!++;
      }
    }
  }
  return rows.map((row, r) => {
    const out = counts[r] as number[];
    if (mode === 'onOrAfter') for (let k = out.length - 2; k >= 0; k--) out[k]! += out[k + 1] as number;
    const complete =
      mode === 'brackets' && brackets !== null
        ? out.map((_, j) => ((brackets[j] as RetentionBracket)[1] as number) < row.completeColumns)
        : out.map((_, k) => k < row.completeColumns);
    return {
      label: row.label,
      start: row.start,
      size: row.size,
      counts: out,
      rates: out.map((x) => x / row.size),
      complete,
    };
  });
}
