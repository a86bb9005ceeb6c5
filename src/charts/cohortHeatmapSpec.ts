import { optionalBoolean, optionalString, readChartMatrix, VEGA_LITE_SCHEMA } from '../internal/chart.ts';
import { cellSignificance } from '../internal/chartBands.ts';
import { readOptions, requireConfidenceLevel, withDefault } from '../internal/validate.ts';
import type { ChartDatum, CohortMatrix, VegaLiteSpec } from './types.ts';

/** Options for {@link cohortHeatmapSpec}. */
export interface CohortHeatmapSpecOptions {
  /** Chart title (default `'Retention by cohort'`). */
  readonly title?: string;
  /** Draw column 0 (100 % for first-event cohorts; default `true`). */
  readonly periodZero?: boolean;
  /**
   * Outline the final cells whose rate differs significantly from the rest of their column (the other
   * cohorts' final cells pooled; two-proportion z-test, needs `counts`): green above, red below. Default `false`.
   */
  readonly significance?: boolean;
  /** Confidence level of that test, in (0, 1): cells with p < 1 − level are marked. Default: the matrix's `confidenceLevel`, else 0.95. */
  readonly confidenceLevel?: number;
}

/**
 * A Vega-Lite heatmap of a cohort retention matrix: cohorts down, periods since the cohort's start across,
 * colour = retention, with tooltips giving the cohort, its size, the column, the customers counted and
 * the rate. Cells whose period had not ended by the observation end are drawn faded with a dashed
 * outline and say "in progress" in their tooltip, so a partial month never passes for a drop in retention;
 * on-or-after cells that are lower bounds (`complete && !final`: the cohort is not yet observed to the
 * matrix's last column) are less faded, dotted, with status "lower bound".
 *
 * ```text
 * one rect per (cohort c, column k):  x = k,  y = c.label,  colour = c.rates[k]
 * colour scale: sequential blues on [0, max rate outside column 0] (column 0 clamps to the darkest blue)
 * ```
 *
 * With `significance: true`, each final cell is tested against the rest of its column (the other cohorts
 * whose cell in that column is final, pooled; periods in progress and on-or-after lower bounds, which are
 * biased low, are neither tested nor pooled): cells with p < 1 − `confidenceLevel` get a green (above) or red (below)
 * outline and `significance: 'above' | 'below'` in their datum (`null` otherwise). With many cells some are
 * marked by chance (about 1 in 20 at 95 %): a mark is a prompt to look, not a finding.
 *
 * The colour domain leaves out column 0 (always 100 % for first-event cohorts) so that the later columns,
 * where cohorts differ, use the whole scale. Pure: the data is inlined in `data.values`; nothing is fetched.
 *
 * @param matrix - A `retentionMatrix` (or `cohortRetention`, `cohortChurn`) result.
 * @param options - `title`, `periodZero`, `significance`, `confidenceLevel`.
 * @returns A Vega-Lite v5 spec (plain JSON) with one datum per cell: `{ cohort, size, column, period,
 *   customers, rate, complete, status }` (status `complete`, `lower bound` or `in progress`).
 * @throws {TypeError} When the matrix is not an object with a `cohorts` array of `{ label, size, rates,
 *   complete }`, or an option has the wrong type.
 * @throws {RangeError} When a rate or count is not finite, a size is not a non-negative integer, array
 *   lengths disagree, or the matrix has more than a million cells.
 * @example
 * ```ts
 * import { cohortHeatmapSpec, retentionMatrix } from 'loyalty-metrics';
 *
 * const matrix = retentionMatrix(
 *   [{ user: 'a', at: '2024-01-01' }, { user: 'a', at: '2024-01-02' }, { user: 'b', at: '2024-01-01' }],
 *   // at the instant 2024-01-02T00:00Z, day 1 has only started
 *   { customer: 'user', time: 'at', period: 'day', observationEnd: '2024-01-02T00:00Z' },
 * );
 * const spec = cohortHeatmapSpec(matrix);
 * spec.data.values.length; // => 2
 * spec.data.values[1]; // => { cohort: '2024-01-01', size: 2, period: 1, customers: 1, rate: 0.5, status: 'in progress' }
 * // month 1: 50 % of 400 against the other cohort's 30 % of 400 (p < 0.001)
 * const two = {
 *   cohorts: [
 *     { label: 'A', size: 400, counts: [400, 200], rates: [1, 0.5], complete: [true, true] },
 *     { label: 'B', size: 400, counts: [400, 120], rates: [1, 0.3], complete: [true, true] },
 *   ],
 * };
 * cohortHeatmapSpec(two, { significance: true }).data.values.map((d) => d.significance); // => [null, 'above', null, 'below']
 * ```
 * @category Charts
 */
export function cohortHeatmapSpec(matrix: CohortMatrix, options?: CohortHeatmapSpecOptions): VegaLiteSpec {
  const fn = 'cohortHeatmapSpec';
  const m = readChartMatrix(fn, 'matrix', matrix);
  const opts = readOptions(fn, options, ['title', 'periodZero', 'significance', 'confidenceLevel']);
  const title = optionalString(fn, 'options.title', opts.title) ?? 'Retention by cohort';
  const periodZero = optionalBoolean(fn, 'options.periodZero', opts.periodZero) ?? true;
  const significance = optionalBoolean(fn, 'options.significance', opts.significance) ?? false;
  const matrixLevel = (matrix as { confidenceLevel?: unknown }).confidenceLevel;
  const level = requireConfidenceLevel(
    fn,
    withDefault(opts.confidenceLevel, typeof matrixLevel === 'number' ? matrixLevel : 0.95),
    'options.confidenceLevel',
  );
  const marks = significance ? cellSignificance(m, 1 - level) : null;
  const values: ChartDatum[] = [];
  let max = 0;
  m.cohorts.forEach((c, i) => {
    for (let k = periodZero ? 0 : 1; k < c.rates.length; k++) {
      const rate = c.rates[k] as number;
      if (k > 0 || m.columns[0] !== '0') max = Math.max(max, rate);
      const complete = c.complete[k] as boolean;
      const final = c.final[k] as boolean;
      values.push({
        cohort: c.label,
        size: c.size,
        column: m.columns[k] as string,
        period: k,
        customers: c.counts?.[k] ?? null,
        rate,
        complete,
        status: !complete ? 'in progress' : final ? 'complete' : 'lower bound',
        ...(marks === null ? {} : { significance: marks[i]?.[k] ?? null }),
      });
    }
  });
  const significanceLayer = (x: unknown, y: unknown): unknown[] =>
    marks === null
      ? []
      : [
          {
            // An outline on the cells that differ significantly from the rest of their column.
            transform: [{ filter: 'datum.significance != null' }],
            mark: { type: 'rect', filled: false, strokeWidth: 2 },
            encoding: {
              x,
              y,
              stroke: {
                field: 'significance',
                type: 'nominal',
                title: `vs. rest of column (${Math.round(level * 1000) / 10} %)`,
                scale: { domain: ['above', 'below'], range: ['#1a9850', '#d73027'] },
              },
            },
          },
        ];
  return heatmapSpec(title, m.period, values, max, significanceLayer);
}

function heatmapSpec(
  title: string,
  period: string | null,
  values: ChartDatum[],
  max: number,
  extra: (x: unknown, y: unknown) => unknown[],
): VegaLiteSpec {
  const periodTitle = period === null ? 'periods since start' : `${period}s since start`;
  const x = {
    field: 'column',
    type: 'ordinal',
    title: periodTitle,
    sort: { field: 'period' },
    axis: { labelAngle: 0 },
  };
  const y = { field: 'cohort', type: 'ordinal', title: 'cohort', sort: 'ascending' };
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `${title}: share of each cohort active by ${periodTitle}; faded, dashed cells are periods still in progress; dotted cells are lower bounds.`,
    title,
    data: { values },
    width: { step: 34 },
    height: { step: 18 },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          x,
          y,
          color: {
            field: 'rate',
            type: 'quantitative',
            title: 'retention',
            scale: { scheme: 'blues', domain: [0, max > 0 ? max : 1], clamp: true },
            legend: { format: '.0%' },
          },
          opacity: {
            condition: [
              { test: "datum.status === 'in progress'", value: 0.45 },
              { test: "datum.status === 'lower bound'", value: 0.75 },
            ],
            value: 1,
          },
          tooltip: [
            { field: 'cohort', type: 'ordinal', title: 'cohort' },
            { field: 'size', type: 'quantitative', title: 'cohort size' },
            { field: 'column', type: 'ordinal', title: periodTitle },
            { field: 'customers', type: 'quantitative', title: 'customers' },
            { field: 'rate', type: 'quantitative', title: 'retention', format: '.1%' },
            { field: 'status', type: 'nominal', title: 'period' },
          ],
        },
      },
      {
        // A dashed outline on the cells still in progress.
        transform: [{ filter: '!datum.complete' }],
        mark: { type: 'rect', filled: false, stroke: '#555555', strokeDash: [3, 2], strokeWidth: 1 },
        encoding: { x, y },
      },
      {
        // A dotted outline on the on-or-after lower bounds (period ended, cohort not observed to the last column).
        transform: [{ filter: "datum.status === 'lower bound'" }],
        mark: { type: 'rect', filled: false, stroke: '#555555', strokeDash: [1, 2], strokeWidth: 1 },
        encoding: { x, y },
      },
      {
        mark: { type: 'text', fontSize: 9 },
        encoding: {
          x,
          y,
          text: { field: 'rate', type: 'quantitative', format: '.0%' },
          color: { condition: { test: `datum.rate > ${0.55 * (max > 0 ? max : 1)}`, value: 'white' }, value: 'black' },
        },
      },
      ...extra(x, y),
    ],
    config: { view: { stroke: null }, axis: { grid: false } },
  };
}
