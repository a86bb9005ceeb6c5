/**
 * Variants of the retention table built on the per-customer cell lists of `cellLists.ts` (the CSR of
 * `runCohortKernel`), then counted by `retentionCohorts` like any cohort index: frequency thresholds (a cell
 * counts when it holds at least n events), recurring memberships (every active period starts a membership), and
 * the "previous period" reference.
 * @internal
 * @module
 */
import type { RetentionCohort } from '../../cohorts/types.ts';
import type { PeriodIndexer } from '../time/indexer.ts';
import { rangeFail } from '../validate.ts';
import type { CohortCells } from './retentionCounts.ts';

const MAX_MEMBERSHIP_CELLS = 67_108_864; // 2^26

/**
 * The cells of a build with at least `minEvents` events (`cellEvents` must be set when `minEvents` > 1).
 * @example
 * ```ts
 * import { thinCells } from './cellVariants.ts';
 *
 * const k = { rows: [], customerRow: [0, 0], cellStart: [0, 2, 3], cellColumn: [0, 1, 0], cellEvents: [3, 1, 2] };
 * const thin = thinCells(k as never, 2);
 * [Array.from(thin.cellStart), Array.from(thin.cellColumn)]; // => [[0, 1, 2], [0, 0]]
 * ```
 */
export function thinCells(
  k: CohortCells & { readonly cellEvents: ArrayLike<number> | null },
  minEvents: number,
): CohortCells {
  if (minEvents <= 1 || k.cellEvents === null) return k;
  const { cellStart, cellColumn, cellEvents } = k;
  const customers = cellStart.length - 1;
  const start = new Int32Array(customers + 1);
  const column: number[] = [];
  for (let c = 0; c < customers; c++) {
    for (let i = cellStart[c] as number; i < (cellStart[c + 1] as number); i++)
      if ((cellEvents[i] as number) >= minEvents) column.push(cellColumn[i] as number);
    start[c + 1] = column.length;
  }
  return { rows: k.rows, customerRow: k.customerRow, cellStart: start, cellColumn: Int32Array.from(column) };
}

/**
 * Recurring memberships (calendar periods): each (customer, active period p) is a member of cohort p, active in
 * column j − p for every active period j ≥ p of the customer. Rows are the periods with members, in order;
 * `keys[r]` is the period number of row r of `cells`.
 * @throws {RangeError} When the memberships would have more than 2^26 cells.
 * @example
 * ```ts
 * import { recurringCells } from './cellVariants.ts';
 * import { createPeriodIndexer } from '../time/indexer.ts';
 *
 * const indexer = createPeriodIndexer('f', { period: 'day', timeZone: 'UTC', weekStartsOn: 1 });
 * // one customer of the cohort of day 0, active in columns 0, 1 and 3; the observation end is in day 3
 * const cells = { rows: [{ label: '1970-01-01', start: 0, size: 1, columns: 4, completeColumns: 3 }], customerRow: [0], cellStart: [0, 3], cellColumn: [0, 1, 3] };
 * const r = recurringCells('f', cells, [0], indexer, 3);
 * r.rows.map((row) => [row.label, row.size, row.columns]); // => [['1970-01-01', 1, 4], ['1970-01-02', 1, 3], ['1970-01-04', 1, 1]]
 * [Array.from(r.cellStart), Array.from(r.cellColumn)]; // => [[0, 3, 5, 6], [0, 1, 3, 0, 2, 0]]
 * ```
 */
export function recurringCells(
  fn: string,
  cells: CohortCells,
  keys: readonly number[],
  indexer: PeriodIndexer,
  endPeriod: number,
): CohortCells {
  const { customerRow, cellStart, cellColumn } = cells;
  const customers = customerRow.length;
  // members per absolute period
  const sizes = new Map<number, number>();
  let total = 0;
  for (let c = 0; c < customers; c++) {
    const r = customerRow[c] as number;
    if (r < 0) continue;
    const key = keys[r] as number;
    const lo = cellStart[c] as number;
    const hi = cellStart[c + 1] as number;
    for (let i = lo; i < hi; i++) {
      const p = key + (cellColumn[i] as number);
      sizes.set(p, (sizes.get(p) ?? 0) + 1);
      total += hi - i;
    }
    if (total > MAX_MEMBERSHIP_CELLS)
      rangeFail(fn, `recurring memberships would have more than ${MAX_MEMBERSHIP_CELLS} cells; use a longer period`, {
        argument: 'options.membership',
        value: 'recurring',
      });
  }
  const periods = [...sizes.keys()].sort((a, b) => a - b);
  const rowOf = new Map<number, number>();
  periods.forEach((p, i) => {
    rowOf.set(p, i);
  });
  const outRows = periods.map((p) => ({
    label: indexer.label(p),
    start: indexer.start(p),
    size: sizes.get(p) as number,
    columns: endPeriod - p + 1,
    completeColumns: endPeriod - p,
  }));
  const memberRow: number[] = [];
  const start: number[] = [0];
  const column = new Int32Array(total);
  let at = 0;
  for (let c = 0; c < customers; c++) {
    const r = customerRow[c] as number;
    if (r < 0) continue;
    const key = keys[r] as number;
    const lo = cellStart[c] as number;
    const hi = cellStart[c + 1] as number;
    for (let i = lo; i < hi; i++) {
      const s = cellColumn[i] as number;
      memberRow.push(rowOf.get(key + s) as number);
      for (let j = i; j < hi; j++) column[at++] = (cellColumn[j] as number) - s;
      start.push(at);
    }
  }
  return { rows: outRows, customerRow: memberRow, cellStart: start, cellColumn: column };
}

/**
 * The "previous period" reference: rates[k] = counts[k] / counts[k − 1] (rates[0] stays counts[0] / size);
 * NaN where counts[k − 1] is 0.
 * @example
 * ```ts
 * import { previousReference } from './cellVariants.ts';
 *
 * previousReference([{ label: 'a', start: 0, size: 10, counts: [10, 5, 2, 0], rates: [], complete: [true, true, true, true] }])[0].rates; // => [1, 0.5, 0.4, 0]
 * ```
 */
export function previousReference(cohorts: readonly RetentionCohort[]): RetentionCohort[] {
  return cohorts.map((c) => ({
    ...c,
    rates: c.counts.map((x, k) => {
      const d = k === 0 ? c.size : (c.counts[k - 1] as number);
      return d === 0 ? Number.NaN : x / d;
    }),
  }));
}

/**
 * Average row of the "previous period" reference: Σ counts[k] / Σ counts[k − 1] over the cohorts whose column
 * k is complete; `null` where none is (or the denominator is 0).
 * @example
 * ```ts
 * import { previousAverage } from './cellVariants.ts';
 *
 * const rows = [
 *   { size: 10, counts: [10, 5, 2], complete: [true, true, false] },
 *   { size: 10, counts: [10, 3], complete: [true, true] },
 * ];
 * previousAverage(rows); // => [1, 0.4, null]
 * ```
 */
export function previousAverage(
  cohorts: readonly {
    readonly size: number;
    readonly counts: readonly number[];
    readonly complete: readonly boolean[];
    /** Cells that can no longer change; the average uses these where given, else the complete ones. */
    readonly final?: readonly boolean[];
  }[],
): (number | null)[] {
  let width = 0;
  for (const c of cohorts) width = Math.max(width, c.counts.length);
  const num = new Float64Array(width);
  const den = new Float64Array(width);
  for (const c of cohorts) {
    for (let k = 0; k < c.counts.length; k++) {
      if ((c.final ?? c.complete)[k] !== true) continue;
      num[k]! += c.counts[k] as number;
      den[k]! += k === 0 ? c.size : (c.counts[k - 1] as number);
    }
  }
  return Array.from(num, (x, k) => ((den[k] as number) === 0 ? null : x / (den[k] as number)));
}
