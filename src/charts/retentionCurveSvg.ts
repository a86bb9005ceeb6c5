import { optionalBoolean, optionalNumberIn, optionalString, percentLabel, readCurveInput } from '../internal/chart.ts';
import { readAverageBand } from '../internal/chartBands.ts';
import { renderLineChartSvg } from '../internal/lineChartSvg.ts';
import { readOptions } from '../internal/validate.ts';
import type { CohortMatrix, CurveSeries } from './types.ts';

/** Options for {@link retentionCurveSvg}. */
export interface RetentionCurveSvgOptions {
  /** Title above the chart (default `'Retention curve'`; `''` for none). */
  readonly title?: string;
  /** With a matrix: draw every cohort's curve as well as the average (default `true`). */
  readonly cohorts?: boolean;
  /** Axis title of the columns (default from the matrix period, e.g. `'months since start'`). */
  readonly xTitle?: string;
  /** Width in px, 240–2400 (default 640). */
  readonly width?: number;
  /** Height in px, 160–1600 (default 360). */
  readonly height?: number;
  /** Shade the average row's confidence band when the matrix has one (`confidenceLevel`). Default `true`. */
  readonly band?: boolean;
}

/**
 * A standalone SVG line chart of retention curves: share retained (0–100 %) by period since the start,
 * with a legend and a `<title>` tooltip on every point.
 *
 * From a retention matrix it draws the size-weighted average row (thick, dark) and each cohort's curve over
 * its final cells (so neither a period in progress nor an on-or-after lower bound, `complete && !final`,
 * bends a curve down; the average uses the same cells); from `[{ label, values }]` series
 * it draws those (for example the average rows of two matrices). No script, stylesheet or web font.
 *
 * ```text
 * point (k, values[k]) per series; null values break the line
 * ```
 *
 * @param curves - A `retentionMatrix` result, or an array of `{ label, values }` series (values in [0, 1] or null).
 * A matrix built with `confidenceLevel` has the Wilson band of its average row (`averageLower`,
 * `averageUpper`): it is shaded behind the average curve unless `band: false`.
 *
 * @param options - `title`, `cohorts`, `xTitle`, `width`, `height`, `band`.
 * @returns An `<svg>` element as a string.
 * @throws {TypeError} When the input is neither a matrix nor an array of series, or an option has the wrong type.
 * @throws {RangeError} When a value is not finite or a size option is out of range.
 * @example
 * ```ts
 * import { retentionCurveSvg } from 'loyalty-metrics';
 *
 * const svg = retentionCurveSvg([{ label: 'web', values: [1, 0.4, 0.3] }]);
 * svg.startsWith('<svg'); // => true
 * svg.includes('<title>web, period 1: 40.0% retained</title>'); // => true
 * const matrix = { cohorts: [], average: [1, 0.8], averageLower: [0.72, 0.49], averageUpper: [1, 0.94] };
 * retentionCurveSvg(matrix).length > retentionCurveSvg(matrix, { band: false }).length; // => true
 * ```
 * @category Charts
 */
export function retentionCurveSvg(
  curves: CohortMatrix | readonly CurveSeries[],
  options?: RetentionCurveSvgOptions,
): string {
  const fn = 'retentionCurveSvg';
  const opts = readOptions(fn, options, ['title', 'cohorts', 'xTitle', 'width', 'height', 'band']);
  const title = optionalString(fn, 'options.title', opts.title) ?? 'Retention curve';
  const includeCohorts = optionalBoolean(fn, 'options.cohorts', opts.cohorts) ?? true;
  const width = optionalNumberIn(fn, 'options.width', opts.width, 240, 2400) ?? 640;
  const height = optionalNumberIn(fn, 'options.height', opts.height, 160, 1600) ?? 360;
  const input = readCurveInput(fn, curves, includeCohorts);
  const band = (optionalBoolean(fn, 'options.band', opts.band) ?? true) ? readAverageBand(fn, curves) : null;
  const xTitle =
    optionalString(fn, 'options.xTitle', opts.xTitle) ??
    (input.period === null ? 'periods since start' : `${input.period}s since start`);
  const unit = input.period ?? 'period';
  return renderLineChartSvg({
    title,
    xTitle,
    yTitle: 'retained',
    step: false,
    width,
    height,
    series: input.series.map((s) => ({
      label: s.label,
      emphasis: s.average,
      points: s.values.map((v, k) => [k, v] as const),
      ...(s.average && band !== null
        ? { band: s.values.map((_v, k) => [k, band.lower[k] ?? null, band.upper[k] ?? null] as const) }
        : {}),
    })),
    tooltip: (series, x, y) => `${series}, ${unit} ${x}: ${percentLabel(y)} retained`,
  });
}
