import { optionalBoolean, optionalString, readChartMatrix, VEGA_LITE_SCHEMA } from '../internal/chart.ts';
import { readOptions } from '../internal/validate.ts';
import type { ChartDatum, VegaLiteSpec } from './types.ts';

/** The part of a `cohortRevenue` result the chart reads. */
export interface CohortRevenueInput {
  readonly period?: string;
  readonly cohorts: readonly {
    readonly label: string;
    readonly size: number;
    readonly revenuePerCustomer: readonly number[];
    readonly complete: readonly boolean[];
  }[];
  readonly averageRevenuePerCustomer?: readonly (number | null)[];
}

/** Options for {@link cohortRevenueSpec}. */
export interface CohortRevenueSpecOptions {
  /** Chart title (default `'Cumulative revenue per customer by cohort'`). */
  readonly title?: string;
  /** Currency symbol or code for the axis and tooltips (default none). */
  readonly currency?: string;
  /** Draw each cohort as well as the average (default `true`). */
  readonly cohorts?: boolean;
}

/**
 * A Vega-Lite line chart of each cohort's cumulative revenue per customer by period since the start —
 * the cohort's lifetime-value curve — with the size-weighted average over complete periods.
 *
 * Curves that climb faster mean cohorts that are worth more; comparing their heights at the same period
 * compares acquisition campaigns or months fairly. Periods still in progress are left out, so a curve never
 * flattens just because the month is not over.
 *
 * ```text
 * one point per (cohort c, complete column k):  x = k,  y = c.revenuePerCustomer[k] = Σ_{j ≤ k} revenue_j / size
 * ```
 *
 * @param revenue - A `cohortRevenue` result.
 * @param options - `title`, `currency`, `cohorts`.
 * @returns A Vega-Lite v5 spec with one datum per point: `{ series, size, period, revenuePerCustomer, average }`.
 * @throws {TypeError} When `revenue` is not a `cohortRevenue`-like object, or an option has the wrong type.
 * @throws {RangeError} When a value is not finite, a size is not a non-negative integer, or lengths disagree.
 * @example
 * ```ts
 * import { buildCohorts, cohortRevenue, cohortRevenueSpec } from 'loyalty-metrics';
 *
 * const day = 86_400_000;
 * const index = buildCohorts({ customer: [1, 1, 2], time: [0, day, 0], value: [10, 30, 20] }, { period: 'day' });
 * const spec = cohortRevenueSpec(cohortRevenue(index), { currency: '$' });
 * spec.data.values[0]; // => { series: '1970-01-01', size: 2, period: 0, revenuePerCustomer: 15 }
 * ```
 * @category Charts
 */
export function cohortRevenueSpec(revenue: CohortRevenueInput, options?: CohortRevenueSpecOptions): VegaLiteSpec {
  const fn = 'cohortRevenueSpec';
  const m = readChartMatrix(fn, 'revenue', revenue, 'revenuePerCustomer');
  const opts = readOptions(fn, options, ['title', 'currency', 'cohorts']);
  const title = optionalString(fn, 'options.title', opts.title) ?? 'Cumulative revenue per customer by cohort';
  const currency = optionalString(fn, 'options.currency', opts.currency) ?? '';
  const includeCohorts = optionalBoolean(fn, 'options.cohorts', opts.cohorts) ?? true;
  const values: ChartDatum[] = [];
  if (includeCohorts) {
    for (const c of m.cohorts) {
      c.rates.forEach((v, k) => {
        if (c.complete[k])
          values.push({ series: c.label, size: c.size, period: k, revenuePerCustomer: v, average: false });
      });
    }
  }
  const total = m.cohorts.reduce((s, c) => s + c.size, 0);
  m.average?.forEach((v, k) => {
    if (v !== null) values.push({ series: 'average', size: total, period: k, revenuePerCustomer: v, average: true });
  });
  const xTitle = m.period === null ? 'periods since start' : `${m.period}s since start`;
  const yTitle = `cumulative revenue per customer${currency ? ` (${currency})` : ''}`;
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `${title}: ${yTitle} by ${xTitle}, complete periods only.`,
    title,
    data: { values },
    width: 520,
    height: 300,
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'period', type: 'quantitative', title: xTitle, axis: { tickMinStep: 1 } },
      y: { field: 'revenuePerCustomer', type: 'quantitative', title: yTitle },
      color: { field: 'series', type: 'nominal', title: 'cohort', sort: null },
      strokeWidth: { condition: { test: 'datum.average', value: 3.5 }, value: 1.5 },
      tooltip: [
        { field: 'series', type: 'nominal', title: 'cohort' },
        { field: 'size', type: 'quantitative', title: 'customers' },
        { field: 'period', type: 'quantitative', title: xTitle },
        { field: 'revenuePerCustomer', type: 'quantitative', title: yTitle, format: ',.2f' },
      ],
    },
  };
}
