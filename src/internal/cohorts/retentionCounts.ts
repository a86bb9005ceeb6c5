/**
 * Retention counts per cohort and column, for `retentionMatrix` (straight from the activity bitset of
 * `activityLayout.ts`, without per-customer lists) and for `cohortRetention` / `cohortChurn` (from the cells of
 * a cohort index): customers active in column k (mode `on`), in column k or later (`onOrAfter`), or in any
 * column of bracket j (`brackets`).
 * @internal
 * @module
 */
import type { RetentionBracket } from '../../cohorts/types.ts';
import type { CountRowDraft } from './cohortAverage.ts';
import { NONE, type CohortActivity, type CohortRowInfo } from './activityLayout.ts';

/**
 * Retention straight from the activity bitset (the one-call path of `retentionMatrix`): per slot, its set bits
 * (mode `on`), its highest set bit (`onOrAfter`, then suffix sums), or a masked word test per bracket, added to
 * one flat table of counts — no per-customer cell lists. On the direct path `act` may hold the counts already
 * (taken while the start bits were found, see `cohortActivity`). Gives what {@link retentionCohorts} gives on
 * the cells.
 * @example
 * ```ts
 * import { readCohortEvents, readCohortSettings } from '../cohortKernel.ts';
 * import { cohortActivity } from './activityBits.ts';
 * import { retentionCounts } from './retentionCounts.ts';
 *
 * const D = 86_400_000;
 * const settings = readCohortSettings('retentionMatrix', { period: 'month' });
 * // customers 0 and 1 start in January 1970 (0 back in March, 1 in February), customer 2 starts in February
 * const events = readCohortEvents('retentionMatrix', { customer: [0, 1, 2, 1, 0], time: [0, 5 * D, 40 * D, 45 * D, 70 * D] }, {}, 'UTC', false);
 * const on = retentionCounts(cohortActivity('retentionMatrix', events, settings, 'on', null), 'on', null);
 * on.cohorts; // => [{ label: '1970-01-01', size: 2, counts: [2, 1, 1], rates: [1, 0.5, 0.5], complete: [true, true, false] }, { size: 1, counts: [1, 0] }]
 * // brackets need the start bits (no counting in the start pass): [0, 0] and [1, 2]
 * const brackets: [number, number][] = [[0, 0], [1, 2]];
 * retentionCounts(cohortActivity('retentionMatrix', events, settings, null, null), 'brackets', brackets).cohorts; // => [{ counts: [2, 2], complete: [true, false] }, { counts: [1, 0] }]
 * ```
 */
export function retentionCounts(
  act: CohortActivity,
  mode: 'on' | 'onOrAfter' | 'brackets',
  brackets: readonly RetentionBracket[] | null,
): { observationEnd: number; cohorts: CountRowDraft[] } {
  const { observationEnd, rolling, words, bits, startBit, rows, customerRow, counted, countedAt } = act;
  const ends = mode === 'brackets' && brackets !== null ? brackets.map(([, to]) => to) : null;
  const cohort = (row: CohortRowInfo, table: Int32Array, lo: number, width: number): CountRowDraft => {
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
    // Counted while marking: calendar, the row of the cohort starting at bit s = key − base; rolling, row r.
    return {
      observationEnd,
      cohorts: rows.map((row, r) =>
        cohort(row, counted, countedAt[rolling ? r : row.key - act.base] as number, row.columns),
      ),
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
 * Counts per cohort and column for a retention mode, from the per-customer cells: `'on'` counts customers active
 * in column k, `'onOrAfter'` those active in column k or later, `'brackets'` those active in any column of
 * bracket j (brackets starting at or after a cohort's observable columns are left out).
 * @example
 * ```ts
 * import { retentionCohorts } from './retentionCounts.ts';
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
): CountRowDraft[] {
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
