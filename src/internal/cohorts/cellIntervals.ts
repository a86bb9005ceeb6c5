/**
 * Wilson intervals of a cohort table (the `confidenceLevel` option of `retentionMatrix`): one per cell, from the
 * cell's count out of the cohort size, and one per column of the average row, from Σ counts out of Σ sizes over
 * the cohorts whose column is complete (the customers of those cohorts pooled, so each cohort weighs by its size,
 * as in the average itself).
 * @internal
 * @module
 */
import { wilsonBounds } from '../wilson.ts';
import { finalSums } from './cohortAverage.ts';

/** Per-cell bounds of one cohort row. */
export interface CellBounds {
  readonly lower: number[];
  readonly upper: number[];
}

/**
 * Wilson bounds of counts[k] / size for every cell of a row (`previous`: of counts[k] / counts[k − 1], for the
 * "previous period" reference of nested counts, mode `onOrAfter`).
 * @example
 * ```ts
 * import { cellBounds } from './cellIntervals.ts';
 *
 * // 8 of 10 at 95 %: (0.4902, 0.9433); 10 of 10: (0.7225, 1)
 * cellBounds({ size: 10, counts: [10, 8] }, 1.959963984540054); // => { lower: [0.7225, 0.4902], upper: [1, 0.9433] }
 * ```
 */
export function cellBounds(
  row: { readonly size: number; readonly counts: readonly number[] },
  z: number,
  previous = false,
): CellBounds {
  const lower: number[] = [];
  const upper: number[] = [];
  for (let k = 0; k < row.counts.length; k++) {
    const x = row.counts[k] as number;
    const [lo, hi] = wilsonBounds(x, previous && k > 0 ? (row.counts[k - 1] as number) : row.size, z);
    lower.push(lo);
    upper.push(hi);
  }
  return { lower, upper };
}

/**
 * Wilson bounds of the average row: per column, Σ counts out of Σ sizes over the cohorts whose column is
 * complete; `null` where none is (as the average).
 * @example
 * ```ts
 * import { averageBounds } from './cellIntervals.ts';
 *
 * const cohorts = [
 *   { size: 6, counts: [6, 4], complete: [true, true] },
 *   { size: 4, counts: [4, 4], complete: [true, false] },
 * ];
 * // column 1: only the first cohort is complete, 4 of 6
 * averageBounds(cohorts, 1.959963984540054); // => { lower: [0.7225, 0.3], upper: [1, 0.9032] }
 * ```
 */
export function averageBounds(
  cohorts: readonly {
    readonly size: number;
    readonly counts: readonly number[];
    readonly complete: readonly boolean[];
    /** Cells that can no longer change; the average uses these where given, else the complete ones. */
    readonly final?: readonly boolean[];
  }[],
  z: number,
  previous = false,
): { lower: (number | null)[]; upper: (number | null)[] } {
  const { num, den } = finalSums(cohorts, previous);
  const lower: (number | null)[] = [];
  const upper: (number | null)[] = [];
  for (let k = 0; k < num.length; k++) {
    if ((den[k] as number) === 0) {
      lower.push(null);
      upper.push(null);
      continue;
    }
    const [lo, hi] = wilsonBounds(num[k] as number, den[k] as number, z);
    lower.push(lo);
    upper.push(hi);
  }
  return { lower, upper };
}
