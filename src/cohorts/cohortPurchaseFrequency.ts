import {
  cohortMeta,
  columnTotals,
  cumulative,
  requireCohortIndex,
  weightedCompleteAverage,
} from '../internal/cohortIndex.ts';
import type { CohortIndex, CohortMeta } from './types.ts';

/** One cohort row of {@link cohortPurchaseFrequency}. */
export interface CohortPurchaseFrequencyRow {
  readonly label: string;
  readonly start: number;
  readonly size: number;
  /** Purchases of the cohort in column k (orders of one customer and day grouped, by default). */
  readonly orders: number[];
  /** orders[k] / size: purchases per cohort member in column k. */
  readonly frequency: number[];
  /** Σ_{j ≤ k} orders[j] / size: purchases per member so far. */
  readonly cumulativeFrequency: number[];
  readonly complete: boolean[];
}

/** Result of {@link cohortPurchaseFrequency}. */
export interface CohortPurchaseFrequencyResult extends CohortMeta {
  readonly cohorts: CohortPurchaseFrequencyRow[];
  /** Per column: Σ cumulative orders / Σ size over cohorts whose column is complete; `null` where none is. */
  readonly averageCumulativeFrequency: (number | null)[];
}

/**
 * Purchase frequency by cohort: purchases per cohort member in each column, and cumulatively.
 *
 * ```text
 * frequency[k]           = orders[k] / size
 * cumulativeFrequency[k] = Σ_{j ≤ k} orders[j] / size
 * ```
 *
 * A purchase is what the index counts in `cellEvents`: by default one customer's orders of one day are one
 * purchase (`buildCohorts`' `purchasePeriod`, `'event'` for every row), as `rfmSummary` counts them. Members
 * without purchases in a column count in its denominator. See [Orders and purchases](../../docs/guides/getting-started.md#orders-and-purchases).
 *
 * @param index - A {@link CohortIndex} from {@link buildCohorts}.
 * @returns Orders and purchases per member per cohort and column, and the size-weighted average cumulative
 *   frequency over complete cells (`null` where there is none).
 * @throws {TypeError} When the index is malformed (wrong kinds).
 * @throws {RangeError} When the index is inconsistent.
 * @example
 * ```ts
 * import { buildCohorts, cohortPurchaseFrequency } from 'loyalty-metrics';
 *
 * const log = { customer: [1, 1, 1, 2], time: [0, 1, 86_400_000, 0] };
 * // customer 1 orders twice on 1970-01-01 (one purchase) and once the next day
 * cohortPurchaseFrequency(buildCohorts(log)).cohorts[0]; // => { orders: [2, 1], frequency: [1, 0.5], cumulativeFrequency: [1, 1.5] }
 * cohortPurchaseFrequency(buildCohorts(log, { purchasePeriod: 'event' })).cohorts[0].orders; // => [3, 1]
 * ```
 * @category Cohorts
 */
export function cohortPurchaseFrequency(index: CohortIndex): CohortPurchaseFrequencyResult {
  const valid = requireCohortIndex('cohortPurchaseFrequency', index);
  const totals = columnTotals(valid, valid.cellEvents);
  const cohorts = valid.cohorts.map((c, r) => {
    const orders = totals[r] as number[];
    return {
      label: c.label,
      start: c.start,
      size: c.size,
      orders,
      frequency: orders.map((x) => x / c.size),
      cumulativeFrequency: cumulative(orders).map((x) => x / c.size),
      complete: orders.map((_, k) => k < c.completeColumns),
    };
  });
  const averageCumulativeFrequency = weightedCompleteAverage(
    cohorts,
    (r, k) =>
      ((cohorts[r] as CohortPurchaseFrequencyRow).cumulativeFrequency[k] as number) *
      (cohorts[r] as CohortPurchaseFrequencyRow).size,
    (r) => (cohorts[r] as CohortPurchaseFrequencyRow).size,
  );
  return { ...cohortMeta(valid), cohorts, averageCumulativeFrequency };
}
