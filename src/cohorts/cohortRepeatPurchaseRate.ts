import { cohortMeta, requireCohortIndex } from '../internal/cohortIndex.ts';
import { completeAverage, withFinal } from '../internal/cohortKernel.ts';
import type { CohortCountRow, CohortCountTable, CohortIndex } from './types.ts';

/** One cohort row of {@link cohortRepeatPurchaseRate}: counts[k] are the customers with 2+ purchases in columns 0 … k. */
export type CohortRepeatPurchaseRow = CohortCountRow;

/** Result of {@link cohortRepeatPurchaseRate}. */
export type CohortRepeatPurchaseRateResult = CohortCountTable;

/**
 * Repeat purchase rate by cohort: the share of each cohort with two or more purchases by column k.
 *
 * A purchase is what the index counts in `cellEvents`: by default one customer's orders of one day are one
 * purchase (`buildCohorts`' `purchasePeriod`, `'event'` for every row), as `rfmSummary` counts purchase days, so
 * "two or more purchases" means purchases on two or more days. See [Orders and purchases](../../docs/guides/getting-started.md#orders-and-purchases).
 *
 * ```text
 * counts[k] = #{ c ∈ cohort : purchases of c in columns 0 … k ≥ 2 }
 * rates[k]  = counts[k] / size
 * ```
 *
 * @param index - A {@link CohortIndex} from {@link buildCohorts}.
 * @returns Per cohort counts and rates (fractions in [0, 1], non-decreasing in k), and the size-weighted average
 *   over complete cells (`null` where there is none).
 * @throws {TypeError} When the index is malformed (wrong kinds).
 * @throws {RangeError} When the index is inconsistent.
 * @example
 * ```ts
 * import { buildCohorts, cohortRepeatPurchaseRate } from 'loyalty-metrics';
 *
 * const log = { customer: [1, 1, 2, 2, 3], time: [0, 3_600_000, 0, 86_400_000, 0] };
 * // customer 1's two orders of 1970-01-01 are one purchase; customer 2 buys again the next day
 * cohortRepeatPurchaseRate(buildCohorts(log)).cohorts[0].rates; // => [0, 1 / 3]
 * cohortRepeatPurchaseRate(buildCohorts(log, { purchasePeriod: 'event' })).cohorts[0].rates; // => [1 / 3, 2 / 3]
 * ```
 * @category Cohorts
 */
export function cohortRepeatPurchaseRate(index: CohortIndex): CohortRepeatPurchaseRateResult {
  const valid = requireCohortIndex('cohortRepeatPurchaseRate', index);
  const firsts = valid.cohorts.map((c) => new Array<number>(c.columns).fill(0));
  for (let c = 0; c < valid.customers.length; c++) {
    let purchases = 0;
    for (let i = valid.cellStart[c] as number; i < (valid.cellStart[c + 1] as number); i++) {
      purchases += valid.cellEvents[i] as number;
      if (purchases >= 2) {
        (firsts[valid.customerCohort[c] as number] as number[])[valid.cellColumn[i] as number]!++;
        break;
      }
    }
  }
  const drafts = valid.cohorts.map((c, r) => {
    const counts: number[] = [];
    let acc = 0;
    for (const x of firsts[r] as number[]) {
      acc += x;
      counts.push(acc);
    }
    return {
      label: c.label,
      start: c.start,
      size: c.size,
      counts,
      rates: counts.map((x) => x / c.size),
      complete: counts.map((_, k) => k < c.completeColumns),
    };
  });
  const cohorts = withFinal(drafts, false);
  return { ...cohortMeta(valid), cohorts, average: completeAverage(cohorts) };
}
