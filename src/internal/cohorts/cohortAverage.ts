/**
 * The final flags and the average row of a cohort table: per column, the size-weighted average over the
 * cohorts whose cell is final (shared by `retentionMatrix`, `retentionMatrixFromCounts`, `cohortRetention`,
 * `cohortChurn` and `cohortRepeatPurchaseRate`).
 * @internal
 * @module
 */
import type { CohortCountRow } from '../../cohorts/types.ts';

/** A count row before its final flags. */
export type CountRowDraft = Omit<CohortCountRow, 'final'>;

/**
 * Adds the `final` flags: a cell is final when its count can no longer change as data arrives. Counts of one
 * column (`on`, brackets, cumulative counts over columns 0 … k) are final once the column is complete. Counts
 * over "column k or any later one" (`onOrAfter`, churn) are lower (churn: upper) bounds until the cohort has been
 * observed to the end of the table: every cell of the row is final once the row spans the table's width and
 * its last column is complete, and none is before.
 * @example
 * ```ts
 * import { withFinal } from './cohortAverage.ts';
 *
 * const rows = [
 *   { label: 'a', start: 0, size: 3, counts: [3, 2, 1], rates: [1, 0.667, 0.333], complete: [true, true, true] },
 *   { label: 'b', start: 1, size: 1, counts: [1, 1], rates: [1, 1], complete: [true, true] },
 * ];
 * withFinal(rows, false).map((r) => r.final); // => [[true, true, true], [true, true]]
 * // on or after: cohort b is observed to column 1 only; its cells can still grow
 * withFinal(rows, true).map((r) => r.final); // => [[true, true, true], [false, false]]
 * ```
 */
export function withFinal(rows: readonly CountRowDraft[], onOrAfter: boolean): CohortCountRow[] {
  let width = 0;
  for (const r of rows) width = Math.max(width, r.complete.length);
  return rows.map((r) => {
    const whole = r.complete.length === width && r.complete[width - 1] === true;
    return { ...r, final: onOrAfter ? r.complete.map((c) => c && whole) : r.complete.slice() };
  });
}

/**
 * Size-weighted average of final cells per column (Σ counts / Σ sizes over the cohorts whose cell is final,
 * or complete for rows without final flags); `null` where no cohort's cell is.
 * @example
 * ```ts
 * import { completeAverage } from './cohortAverage.ts';
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
    readonly final?: readonly boolean[];
  }[],
): (number | null)[] {
  const { num, den } = finalSums(cohorts);
  const average: (number | null)[] = [];
  for (let k = 0; k < num.length; k++)
    average.push((den[k] as number) === 0 ? null : (num[k] as number) / (den[k] as number));
  return average;
}

/**
 * Per column, Σ counts and Σ sizes over the cohorts whose cell is final (complete for rows without final
 * flags): the sums behind the average row and its Wilson bounds (`cellIntervals.ts`). `previous`: the
 * denominator of column k > 0 is counts[k − 1] instead of the size (the "previous period" reference).
 * @example
 * ```ts
 * import { finalSums } from './cohortAverage.ts';
 *
 * finalSums([{ size: 3, counts: [3, 1], complete: [true, true] }, { size: 1, counts: [1, 1], complete: [true, false] }]); // => { num: [4, 1], den: [4, 3] }
 * ```
 */
export function finalSums(
  cohorts: readonly {
    readonly size: number;
    readonly counts: readonly number[];
    readonly complete: readonly boolean[];
    readonly final?: readonly boolean[];
  }[],
  previous = false,
): { num: Float64Array; den: Float64Array } {
  let width = 0;
  for (const c of cohorts) width = Math.max(width, c.counts.length);
  // Per cohort, then per column: the sums of each column still add the cohorts in order.
  const num = new Float64Array(width);
  const den = new Float64Array(width);
  for (const c of cohorts) addComplete(c.counts, c.final ?? c.complete, c.size, num, den, previous);
  return { num, den };
}

function addComplete(
  counts: readonly number[],
  complete: readonly boolean[],
  size: number,
  num: Float64Array,
  den: Float64Array,
  previous: boolean,
): void {
  const width = Math.min(counts.length, complete.length);
  for (let k = 0; k < width; k++) {
    if (complete[k] === true) {
      num[k]! += counts[k] as number;
      den[k]! += previous && k > 0 ? (counts[k - 1] as number) : size;
    }
  }
}
