import { cohortMeta, indexCells, requireCohortIndex } from '../internal/cohortIndex.ts';
import { completeAverage, retentionCohorts, withFinal } from '../internal/cohortKernel.ts';
import type { CohortCountRow, CohortCountTable, CohortIndex } from './types.ts';

/** One cohort row of {@link cohortChurn}: counts[k] are the customers with no activity in column k or later. */
export type CohortChurnRow = CohortCountRow;

/** Result of {@link cohortChurn}. */
export type CohortChurnResult = CohortCountTable;

/**
 * Churn by cohort: the share of each cohort never seen again from column k on (1 − on-or-after retention).
 *
 * A customer counts as churned at column k when they have no activity in column k or any later observable
 * column. Churn is overstated for customers who may still return: a cell is an upper bound until its cohort has
 * been observed to the end of the table, and only then `final` (`complete` says only that its period has
 * ended); the average uses final cells (see "On or after: final cells and lower bounds" in the retention
 * guide).
 *
 * ```text
 * churned[k] = size − #{ c ∈ cohort : c active in some column j ≥ k }
 * rates[k]   = churned[k] / size = 1 − onOrAfter[k]
 * ```
 *
 * @param index - A {@link CohortIndex} from {@link buildCohorts}.
 * @returns Churn counts and rates (fractions in [0, 1]) per cohort and column, and their size-weighted average
 *   over final cells (`null` where there is none).
 * @throws {TypeError} When the index is malformed (wrong kinds).
 * @throws {RangeError} When the index is inconsistent.
 * @example
 * ```ts
 * import { buildCohorts, cohortChurn } from 'loyalty-metrics';
 *
 * const index = buildCohorts({ customer: [1, 1, 2, 3, 3], time: [0, 1, 0, 0, 2 * 86_400_000] });
 * cohortChurn(index).cohorts[0].rates; // => [0, 2 / 3, 2 / 3]
 * ```
 * @category Cohorts
 */
export function cohortChurn(index: CohortIndex): CohortChurnResult {
  const valid = requireCohortIndex('cohortChurn', index);
  const cohorts = withFinal(
    retentionCohorts(indexCells(valid), 'onOrAfter', null).map(({ label, start, size, counts, complete }) => {
      const churned = counts.map((x) => size - x);
      return { label, start, size, counts: churned, rates: churned.map((x) => x / size), complete };
    }),
    true,
  );
  return { ...cohortMeta(valid), cohorts, average: completeAverage(cohorts) };
}
