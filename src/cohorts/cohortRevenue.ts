import {
  cohortMeta,
  columnTotals,
  cumulative,
  requireCohortIndex,
  weightedCompleteAverage,
} from '../internal/cohortIndex.ts';
import { typeFail } from '../internal/validate.ts';
import type { CohortIndex, CohortMeta } from './types.ts';

/** One cohort row of {@link cohortRevenue}. */
export interface CohortRevenueRow {
  readonly label: string;
  readonly start: number;
  readonly size: number;
  /** Revenue (sum of event values) of the cohort in column k. */
  readonly revenue: number[];
  /** Revenue of columns 0 … k. */
  readonly cumulativeRevenue: number[];
  /** cumulativeRevenue[k] / size: the cohort's lifetime-value curve per customer. */
  readonly revenuePerCustomer: number[];
  readonly complete: boolean[];
}

/** Result of {@link cohortRevenue}. */
export interface CohortRevenueResult extends CohortMeta {
  readonly cohorts: CohortRevenueRow[];
  /** Per column: Σ cumulativeRevenue / Σ size over cohorts whose column is complete; `null` where none is. */
  readonly averageRevenuePerCustomer: (number | null)[];
}

/**
 * Revenue by cohort: revenue per period and cumulative revenue per customer, the cohort's lifetime-value curve.
 *
 * ```text
 * revenue[k]            = Σ value of the cohort's activity events in column k
 * revenuePerCustomer[k] = Σ_{j ≤ k} revenue[j] / size
 * ```
 *
 * Money is in the currency of the event values. Sums are compensated (Neumaier). Only events that count as
 * activity (`returnEvent`) and fall on or after the customer's start are included.
 *
 * @param index - A {@link CohortIndex} built with a `value` accessor (or a `value` column).
 * @returns Per cohort revenue, cumulative revenue and revenue per customer by column, and the size-weighted
 *   average revenue per customer over complete cells (`null` where there is none).
 * @throws {TypeError} When the index is malformed or was built without values.
 * @throws {RangeError} When the index is inconsistent.
 * @example
 * ```ts
 * import { buildCohorts, cohortRevenue } from 'loyalty-metrics';
 *
 * const index = buildCohorts(
 *   { customer: [1, 1, 2], time: [0, 86_400_000, 0], value: [10, 30, 20] },
 *   { period: 'day' },
 * );
 * cohortRevenue(index).cohorts[0]; // => { revenue: [30, 30], revenuePerCustomer: [15, 30] }
 * ```
 * @category Cohorts
 */
export function cohortRevenue(index: CohortIndex): CohortRevenueResult {
  const fn = 'cohortRevenue';
  const valid = requireCohortIndex(fn, index);
  if (valid.cellValue === null)
    typeFail(fn, 'index has no event values; build it with a value accessor (or a value column)');
  const totals = columnTotals(valid, valid.cellValue);
  const cohorts = valid.cohorts.map((c, r) => {
    const revenue = totals[r] as number[];
    const cumulativeRevenue = cumulative(revenue);
    return {
      label: c.label,
      start: c.start,
      size: c.size,
      revenue,
      cumulativeRevenue,
      revenuePerCustomer: cumulativeRevenue.map((x) => x / c.size),
      complete: revenue.map((_, k) => k < c.completeColumns),
    };
  });
  const averageRevenuePerCustomer = weightedCompleteAverage(
    cohorts,
    (r, k) => (cohorts[r] as CohortRevenueRow).cumulativeRevenue[k] as number,
    (r) => (cohorts[r] as CohortRevenueRow).size,
  );
  return { ...cohortMeta(valid), cohorts, averageRevenuePerCustomer };
}
