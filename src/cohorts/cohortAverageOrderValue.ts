import { cohortMeta, columnTotals, requireCohortIndex, weightedCompleteAverage } from '../internal/cohortIndex.ts';
import { typeFail } from '../internal/validate.ts';
import type { CohortIndex, CohortMeta } from './types.ts';

/** One cohort row of {@link cohortAverageOrderValue}. */
export interface CohortAverageOrderValueRow {
  readonly label: string;
  readonly start: number;
  readonly size: number;
  /** Purchases in column k (orders of one customer and day grouped, by default). */
  readonly orders: number[];
  /** Revenue in column k. */
  readonly revenue: number[];
  /** revenue[k] / orders[k]; `NaN` for a column without orders. */
  readonly averageOrderValue: number[];
  readonly complete: boolean[];
}

/** Result of {@link cohortAverageOrderValue}. */
export interface CohortAverageOrderValueResult extends CohortMeta {
  readonly cohorts: CohortAverageOrderValueRow[];
  /**
   * Per column: Σ revenue / Σ orders over cohorts whose column is complete (order-weighted); `null` where none
   * is complete, `NaN` where they have no orders.
   */
  readonly average: (number | null)[];
}

/**
 * Average order value by cohort: revenue per purchase in each column since the cohort start.
 *
 * ```text
 * averageOrderValue[k] = revenue[k] / orders[k]
 * ```
 *
 * Money is in the currency of the event values. `orders` are purchases as the index counts them: by default one
 * customer's orders of one day are one purchase (`buildCohorts`' `purchasePeriod`, `'event'` for every row), so
 * this is revenue per purchase day, as the Gamma-Gamma model sees spend. See [Orders and purchases](../../docs/guides/getting-started.md#orders-and-purchases).
 *
 * @param index - A {@link CohortIndex} built with a `value` accessor (or a `value` column).
 * @returns Orders, revenue and average order value per cohort and column (`NaN` where a column has no orders),
 *   and the order-weighted average over complete cells.
 * @throws {TypeError} When the index is malformed or was built without values.
 * @throws {RangeError} When the index is inconsistent.
 * @example
 * ```ts
 * import { buildCohorts, cohortAverageOrderValue } from 'loyalty-metrics';
 *
 * const log = { customer: [1, 1, 2], time: [0, 1, 0], value: [10, 30, 20] };
 * // customer 1's two orders of one day are one $40 purchase: (40 + 20) / 2
 * cohortAverageOrderValue(buildCohorts(log)).cohorts[0].averageOrderValue; // => [30]
 * cohortAverageOrderValue(buildCohorts(log, { purchasePeriod: 'event' })).cohorts[0].averageOrderValue; // => [20]
 * ```
 * @category Cohorts
 */
export function cohortAverageOrderValue(index: CohortIndex): CohortAverageOrderValueResult {
  const fn = 'cohortAverageOrderValue';
  const valid = requireCohortIndex(fn, index);
  if (valid.cellValue === null)
    typeFail(fn, 'index has no event values; build it with a value accessor (or a value column)');
  const orders = columnTotals(valid, valid.cellEvents);
  const revenue = columnTotals(valid, valid.cellValue);
  const cohorts = valid.cohorts.map((c, r) => {
    const o = orders[r] as number[];
    const v = revenue[r] as number[];
    return {
      label: c.label,
      start: c.start,
      size: c.size,
      orders: o,
      revenue: v,
      averageOrderValue: v.map((x, k) => ((o[k] as number) === 0 ? Number.NaN : x / (o[k] as number))),
      complete: o.map((_, k) => k < c.completeColumns),
    };
  });
  const average = weightedCompleteAverage(
    cohorts,
    (r, k) => (cohorts[r] as CohortAverageOrderValueRow).revenue[k] as number,
    (r, k) => (cohorts[r] as CohortAverageOrderValueRow).orders[k] as number,
  ).map((x) => (x === null || Number.isFinite(x) ? x : Number.NaN));
  return { ...cohortMeta(valid), cohorts, average };
}
