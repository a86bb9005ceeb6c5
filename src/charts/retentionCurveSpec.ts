import { optionalBoolean, optionalString, readCurveInput, VEGA_LITE_SCHEMA } from '../internal/chart.ts';
import { readAverageBand } from '../internal/chartBands.ts';
import { readOptions } from '../internal/validate.ts';
import type { ChartDatum, CohortMatrix, CurveSeries, VegaLiteSpec } from './types.ts';

/** Options for {@link retentionCurveSpec}. */
export interface RetentionCurveSpecOptions {
  /** Chart title (default `'Retention curve'`). */
  readonly title?: string;
  /** With a matrix: draw every cohort's curve as well as the average (default `true`). */
  readonly cohorts?: boolean;
  /** Axis title of the columns (default from the matrix period, e.g. `'months since start'`). */
  readonly xTitle?: string;
  /**
   * Draw the average row's confidence band when the matrix has one (`retentionMatrix` with `confidenceLevel`:
   * `averageLower`, `averageUpper`). Default `true`.
   */
  readonly band?: boolean;
}

/**
 * A Vega-Lite line chart of retention curves: share retained (y, 0–100 %) by period since the start (x).
 *
 * Give it a retention matrix, and it draws the size-weighted average row (thick) and, unless
 * `cohorts: false`, each cohort's curve over its final cells (thin), so neither a period in progress nor an
 * on-or-after lower bound (`complete && !final`) bends a curve down — the same cells the average uses. Or give it your own series, `[{ label, values }]` — for example the `average` rows of
 * several matrices (two products, before and after a change) — and it draws those.
 *
 * ```text
 * one point per (series s, column k) with a value:  x = k,  y = s.values[k],  colour = s.label
 * band of the average (matrix with confidenceLevel): [averageLower[k], averageUpper[k]]
 * ```
 *
 * A matrix built with `confidenceLevel` carries the Wilson interval of its average row; the chart shades it
 * behind the average curve (and its points get `lower` / `upper`), unless `band: false`.
 *
 * @param curves - A `retentionMatrix` result, or an array of `{ label, values }` series (values in [0, 1] or null for gaps).
 * @param options - `title`, `cohorts`, `xTitle`, `band`.
 * @returns A Vega-Lite v5 spec with one datum per point: `{ series, period, value, average }` (plus `lower`,
 *   `upper` on the average's points when there is a band; the spec is then a layer of the band and the lines).
 * @throws {TypeError} When the input is neither a matrix nor an array of series, or an option has the wrong type.
 * @throws {RangeError} When a value is not finite or the input has more than a million points.
 * @example
 * ```ts
 * import { retentionCurveSpec } from 'loyalty-metrics';
 *
 * const spec = retentionCurveSpec([
 *   { label: 'web', values: [1, 0.4, 0.3] },
 *   { label: 'app', values: [1, 0.5, null] },
 * ]);
 * spec.data.values.length; // => 5
 * spec.data.values[4]; // => { series: 'app', period: 1, value: 0.5 }
 * // a matrix with intervals: the average's points carry the band
 * const matrix = {
 *   cohorts: [{ label: 'A', size: 10, rates: [1, 0.8], complete: [true, true] }],
 *   average: [1, 0.8], averageLower: [0.7225, 0.4902], averageUpper: [1, 0.9433],
 * };
 * retentionCurveSpec(matrix).data.values[3]; // => { series: 'average', period: 1, value: 0.8, lower: 0.4902, upper: 0.9433 }
 * ```
 * @category Charts
 */
export function retentionCurveSpec(
  curves: CohortMatrix | readonly CurveSeries[],
  options?: RetentionCurveSpecOptions,
): VegaLiteSpec {
  const fn = 'retentionCurveSpec';
  const opts = readOptions(fn, options, ['title', 'cohorts', 'xTitle', 'band']);
  const title = optionalString(fn, 'options.title', opts.title) ?? 'Retention curve';
  const includeCohorts = optionalBoolean(fn, 'options.cohorts', opts.cohorts) ?? true;
  const input = readCurveInput(fn, curves, includeCohorts);
  const band = (optionalBoolean(fn, 'options.band', opts.band) ?? true) ? readAverageBand(fn, curves) : null;
  const xTitle =
    optionalString(fn, 'options.xTitle', opts.xTitle) ??
    (input.period === null ? 'periods since start' : `${input.period}s since start`);
  const values: ChartDatum[] = [];
  for (const s of input.series) {
    s.values.forEach((value, k) => {
      if (value === null) return;
      const lower = s.average ? band?.lower[k] : undefined;
      const upper = s.average ? band?.upper[k] : undefined;
      values.push(
        lower === undefined || upper === undefined || lower === null || upper === null
          ? { series: s.label, period: k, value, average: s.average }
          : { series: s.label, period: k, value, average: s.average, lower, upper },
      );
    });
  }
  const x = { field: 'period', type: 'quantitative', title: xTitle, axis: { tickMinStep: 1 } };
  const lines = {
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x,
      y: {
        field: 'value',
        type: 'quantitative',
        title: 'retained',
        axis: { format: '.0%' },
        scale: { domain: [0, 1] },
      },
      color: { field: 'series', type: 'nominal', title: null, sort: null },
      strokeWidth: { condition: { test: 'datum.average', value: 3.5 }, value: 1.5 },
      tooltip: [
        { field: 'series', type: 'nominal' },
        { field: 'period', type: 'quantitative', title: xTitle },
        { field: 'value', type: 'quantitative', title: 'retained', format: '.1%' },
      ],
    },
  };
  const head = {
    $schema: VEGA_LITE_SCHEMA,
    description: `${title}: share retained by ${xTitle}.`,
    title,
    data: { values },
    width: 520,
    height: 300,
  };
  if (band === null) return { ...head, ...lines };
  return {
    ...head,
    description: `${title}: share retained by ${xTitle}; the shaded band is the average's confidence interval.`,
    layer: [
      {
        transform: [{ filter: 'datum.lower != null && datum.upper != null' }],
        mark: { type: 'area', opacity: 0.2, color: '#4e79a7' },
        encoding: { x, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' } },
      },
      lines,
    ],
  };
}
