/**
 * The average row of a cohort table: per column, the size-weighted average over the cohorts whose column is
 * complete (shared by `retentionMatrix`, `cohortRetention`, `cohortChurn` and `cohortRepeatPurchaseRate`).
 * @internal
 * @module
 */

/**
 * Size-weighted average of complete cells per column (Σ counts / Σ sizes over the cohorts whose column is
 * complete); `null` where no cohort's column is complete.
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
