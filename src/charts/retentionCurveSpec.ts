import { optionalBoolean, optionalString, readCurveInput, VEGA_LITE_SCHEMA } from '../internal/chart.ts';
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
}

/**
 * A Vega-Lite line chart of retention curves: share retained (y, 0–100 %) by period since the start (x).
 *
 * Give it a retention matrix, and it draws the size-weighted average row (thick) and, unless
 * `cohorts: false`, each cohort's curve over its complete cells (thin), so incomplete periods never bend
 * a curve down. Or give it your own series, `[{ label, values }]` — for example the `average` rows of
 * several matrices (two products, before and after a change) — and it draws those.
 *
 * ```text
 * one point per (series s, column k) with a value:  x = k,  y = s.values[k],  colour = s.label
 * ```
 *
 * @param curves - A `retentionMatrix` result, or an array of `{ label, values }` series (values in [0, 1] or null for gaps).
 * @param options - `title`, `cohorts`, `xTitle`.
 * @returns A Vega-Lite v5 spec with one datum per point: `{ series, period, value, average }`.
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
 * ```
 * @category Charts
 */
export function retentionCurveSpec(
  curves: CohortMatrix | readonly CurveSeries[],
  options?: RetentionCurveSpecOptions,
): VegaLiteSpec {
  const fn = 'retentionCurveSpec';
  const opts = readOptions(fn, options, ['title', 'cohorts', 'xTitle']);
  const title = optionalString(fn, 'options.title', opts.title) ?? 'Retention curve';
  const includeCohorts = optionalBoolean(fn, 'options.cohorts', opts.cohorts) ?? true;
  const input = readCurveInput(fn, curves, includeCohorts);
  const xTitle =
    optionalString(fn, 'options.xTitle', opts.xTitle) ??
    (input.period === null ? 'periods since start' : `${input.period}s since start`);
  const values: ChartDatum[] = [];
  for (const s of input.series) {
    s.values.forEach((value, k) => {
      if (value !== null) values.push({ series: s.label, period: k, value, average: s.average });
    });
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `${title}: share retained by ${xTitle}.`,
    title,
    data: { values },
    width: 520,
    height: 300,
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x: { field: 'period', type: 'quantitative', title: xTitle, axis: { tickMinStep: 1 } },
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
}
