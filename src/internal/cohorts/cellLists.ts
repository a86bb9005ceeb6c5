/**
 * The cell lists of `buildCohorts`, read from the activity bitset of `activityLayout.ts`: per customer slot,
 * the sorted list of its active columns (periods or windows since the customer's cohort start) in CSR form
 * (compressed sparse rows: the cells of slot c are `cellStart[c] … cellStart[c + 1] − 1`); when per-cell
 * totals are asked for (event counts and values), a last pass adds each event to its cell, found by rank
 * (popcount) in the bitset; with a purchase period, the events of a cell are then grouped into purchases (one
 * per customer and purchase period). Memory: customers × periods bits (already there), one 32-bit rank per bitset word
 * with totals, and the cells; never a per-event object.
 * @internal
 * @module
 */
import { popcount } from '../bits.ts';
import type { EventLog as CohortEvents } from '../input/eventLog.ts';
import type { CohortSettings } from '../input/settings.ts';
import { addTwoSum } from '../sum.ts';
import type { PeriodIndexer } from '../time/indexer.ts';
import { NONE, type CohortActivity, type CohortRowInfo } from './activityLayout.ts';
import { BLOCK, blockPeriods, type BlockPeriods } from '../purchases/blocks.ts';

/** The block lookup of a rolling build, which numbers windows itself. */
const NO_PERIODS: BlockPeriods = () => undefined;

/** Output of {@link cellLists} (and `runCohortKernel`): rows, per-customer cohort, CSR activity. */
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
  /**
   * The compensated sums behind `cellValue`: cell i's running sum at `cellSums[2i]`, its compensation at
   * `cellSums[2i + 1]` (as `addTwoSum` keeps them; `cellValue[i]` is their sum), for the incremental states,
   * which carry the pair. `null` when `cellValue` is.
   */
  readonly cellSums: Float64Array | null;
}

/**
 * Adds every activity event to its cell (found by rank in the bitset): event counts, and compensated value sums
 * (the sum of cell i at `cellSums[2i]`, its compensation at `cellSums[2i + 1]`, as `addTwoSum` keeps them).
 */
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
  periodsOf: BlockPeriods,
  words: number,
  bits: Int32Array,
  rank: Int32Array,
  cellEvents: Float64Array,
  cellSums: Float64Array | null,
  cellOf: Int32Array | null,
): void {
  const n = of.length;
  // Calendar periods a block at a time (arithmetic or the indexer's table, see `blockPeriods`).
  const block = new Int32Array(rolling ? 0 : Math.min(n, BLOCK));
  for (let e = 0; e < n; e++) {
    if (!rolling && (e & (BLOCK - 1)) === 0) periodsOf(times, e, Math.min(n, e + BLOCK), block);
    if (cellOf !== null) cellOf[e] = -1;
    const t = times[e] as number;
    if (t > end || (flags !== null && ((flags[e] as number) & 2) === 0)) continue;
    const c = of[e] as number;
    const s = startBit[c] as number;
    if (s === NONE) continue;
    const b = rolling ? Math.floor((t - (first[c] as number)) / windowMs) : (block[e & (BLOCK - 1)] as number) - base;
    if (b < s) continue;
    const word = c * words + (b >>> 5);
    const within = b & 31;
    const below = within === 0 ? 0 : (bits[word] as number) & (0xffffffff >>> (32 - within));
    const pos = (rank[word] as number) + popcount(below);
    cellEvents[pos]!++;
    if (cellOf !== null) cellOf[e] = pos;
    if (cellSums !== null && values !== null) addTwoSum(cellSums, 2 * pos, values[e] as number);
  }
}

/**
 * Purchases per cell: the events of a cell (`cellOf`: the cell of each event, −1 for none) grouped by purchase
 * period (`purchases`), so that orders of one customer in one purchase period count once in a cell (calendar
 * cells hold whole days; a rolling window boundary inside a day splits it, and it then counts in both windows,
 * so that every active cell holds a purchase). Replaces the event counts in `cellEvents` (each cell's number of
 * events on entry): a counting sort of the events by cell, then the distinct purchase periods of each cell with
 * two or more events.
 */
function groupPurchases(
  cellOf: Int32Array,
  times: ArrayLike<number>,
  purchasePeriods: BlockPeriods,
  cellEvents: Float64Array,
): void {
  const cells = cellEvents.length;
  const at = new Int32Array(cells + 1);
  for (let i = 0; i < cells; i++) at[i + 1] = (at[i] as number) + (cellEvents[i] as number);
  const periods = new Float64Array(at[cells] as number);
  const fill = at.slice(0, cells);
  const n = cellOf.length;
  const block = new Int32Array(Math.min(n, BLOCK));
  for (let e = 0; e < n; e++) {
    if ((e & (BLOCK - 1)) === 0) purchasePeriods(times, e, Math.min(n, e + BLOCK), block);
    const pos = cellOf[e] as number;
    if (pos < 0 || (cellEvents[pos] as number) < 2) continue;
    periods[fill[pos] as number] = block[e & (BLOCK - 1)] as number;
    fill[pos]!++;
  }
  for (let i = 0; i < cells; i++) {
    if ((cellEvents[i] as number) < 2) continue;
    const list = periods.subarray(at[i] as number, at[i + 1] as number).sort();
    let distinct = 1;
    for (let j = 1; j < list.length; j++) if ((list[j] as number) !== (list[j - 1] as number)) distinct++;
    cellEvents[i] = distinct;
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

/**
 * The CSR cells of a build from its activity bitset; `totals` adds per-cell event counts and compensated value
 * sums (one more pass over the events, which needs the dense slots: `act.of` is then set).
 * @example
 * ```ts
 * import { readCohortEvents, readCohortSettings } from '../cohortKernel.ts';
 * import { cohortActivity } from './activityBits.ts';
 * import { cellLists } from './cellLists.ts';
 *
 * const D = 86_400_000;
 * const settings = readCohortSettings('buildCohorts', { period: 'month' });
 * // customer 0 buys four times in January 1970 (1, 1e100, 1, −1e100) and once in March (7); customer 1 in February (5)
 * const events = readCohortEvents('buildCohorts', { customer: [0, 0, 0, 0, 1, 0], time: [0, D, 2 * D, 3 * D, 40 * D, 70 * D], value: [1, 1e100, 1, -1e100, 5, 7] }, {}, 'UTC', true);
 * const dense = { of: Int32Array.from([0, 0, 0, 0, 1, 0]), ids: [0, 1] };
 * const cells = cellLists(cohortActivity('buildCohorts', events, settings, null, dense), events, settings, true);
 * // slot 0: columns 0 and 2 of the January cohort; slot 1: column 0 of the February cohort
 * [cells.cellStart, cells.cellColumn, cells.customerRow]; // => [[0, 2, 3], [0, 2, 0], [0, 1]]
 * cells.cellEvents; // => [4, 1, 1]
 * // compensated: January's sum is 2 (a plain running sum gives 0)
 * cells.cellValue; // => [2, 7, 5]
 * cellLists(cohortActivity('buildCohorts', events, settings, null, dense), events, settings, false).cellValue; // => null
 * ```
 */
export function cellLists(
  act: CohortActivity,
  events: CohortEvents,
  settings: CohortSettings,
  totals: boolean,
  purchases: PeriodIndexer | null = null,
): CohortKernelResult {
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
    cellSums: Float64Array | null = null,
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
    cellSums,
  });
  if (rows.length === 0) {
    const none = totals && events.values !== null ? new Float64Array(0) : null;
    return result(new Int32Array(slots + 1), new Int32Array(0), totals ? new Float64Array(0) : null, none, none);
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
  // Compensated sums side by side (sum, compensation) per cell, then each cell's total.
  const cellSums = values === null ? null : new Float64Array(2 * cells);
  const cellOf = purchases === null ? null : new Int32Array(of.length);
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
    rolling
      ? NO_PERIODS
      : blockPeriods(settings.indexer, events.minMs, events.maxMs, settings.indexer.index(observationEnd), of.length),
    words,
    bits,
    rank,
    cellEvents,
    cellSums,
    cellOf,
  );
  if (cellOf !== null && purchases !== null) {
    // Events after the observation end have no cell (their periods, read as the one after it, are not used).
    const last = purchases.index(Math.min(events.maxMs, observationEnd));
    groupPurchases(
      cellOf,
      events.times,
      blockPeriods(purchases, events.minMs, events.maxMs, last, of.length),
      cellEvents,
    );
  }
  const cellValue = cellSums === null ? null : new Float64Array(cells);
  if (cellValue !== null && cellSums !== null)
    for (let i = 0; i < cells; i++) cellValue[i] = (cellSums[2 * i] as number) + (cellSums[2 * i + 1] as number);
  return result(cellStart, cellColumn, cellEvents, cellValue, cellSums);
}
