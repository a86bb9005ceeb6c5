import {
  optionalBoolean,
  optionalNumberIn,
  optionalString,
  percentLabel,
  readSurvivalCurve,
} from '../internal/chart.ts';
import { renderLineChartSvg } from '../internal/lineChartSvg.ts';
import { readOptions } from '../internal/validate.ts';
import type { SurvivalCurveInput } from './survivalCurveSpec.ts';

/** Options for {@link survivalCurveSvg}. */
export interface SurvivalCurveSvgOptions {
  /** Title above the chart (default `'Customer survival (Kaplan–Meier)'`; `''` for none). */
  readonly title?: string;
  /** Axis title of time, e.g. `'months as a customer'` (default `'time'`). */
  readonly timeTitle?: string;
  /** Draw the confidence band (default `true`). */
  readonly band?: boolean;
  /** Width in px, 240–2400 (default 640). */
  readonly width?: number;
  /** Height in px, 160–1600 (default 360). */
  readonly height?: number;
}

/**
 * A standalone SVG step chart of a Kaplan–Meier survival curve, with its confidence band, a dashed marker
 * at the median lifetime and a `<title>` tooltip on every step. No script, stylesheet or web font.
 *
 * ```text
 * steps: (0, 1), then (tᵢ, Ŝ(tᵢ)) held until the next time with churn;  band [lowerᵢ, upperᵢ] per step
 * ```
 *
 * @param km - A `kaplanMeier` result (or any `{ curve: [{ time, survival, lower?, upper? }], median? }`).
 * @param options - `title`, `timeTitle`, `band`, `width`, `height`.
 * @returns An `<svg>` element as a string.
 * @throws {TypeError} When `km` has no `curve` array of steps, or an option has the wrong type.
 * @throws {RangeError} When times decrease or are negative, survival or a band limit is outside [0, 1], or a
 *   size option is out of range.
 * @example
 * ```ts
 * import { kaplanMeier, survivalCurveSvg } from 'loyalty-metrics';
 *
 * const km = kaplanMeier({ durations: [3, 5, 6, 7, 8, 10, 12, 12], events: [1, 0, 1, 1, 0, 1, 1, 0] });
 * const svg = survivalCurveSvg(km, { timeTitle: 'months as a customer' });
 * svg.includes('<title>months as a customer 3: 87.5% still active</title>'); // => true
 * svg.includes('median 10'); // => true
 * ```
 * @category Charts
 */
export function survivalCurveSvg(km: SurvivalCurveInput, options?: SurvivalCurveSvgOptions): string {
  const fn = 'survivalCurveSvg';
  const { points, median } = readSurvivalCurve(fn, 'km', km);
  const opts = readOptions(fn, options, ['title', 'timeTitle', 'band', 'width', 'height']);
  const title = optionalString(fn, 'options.title', opts.title) ?? 'Customer survival (Kaplan–Meier)';
  const timeTitle = optionalString(fn, 'options.timeTitle', opts.timeTitle) ?? 'time';
  const band = optionalBoolean(fn, 'options.band', opts.band) ?? true;
  const width = optionalNumberIn(fn, 'options.width', opts.width, 240, 2400) ?? 640;
  const height = optionalNumberIn(fn, 'options.height', opts.height, 160, 1600) ?? 360;
  return renderLineChartSvg({
    title,
    xTitle: timeTitle,
    yTitle: 'still active',
    step: true,
    width,
    height,
    series: [
      {
        label: 'survival',
        color: '#4e79a7',
        points: points.map((p) => [p.time, p.survival] as const),
        ...(band ? { band: points.map((p) => [p.time, p.lower, p.upper] as const) } : {}),
      },
    ],
    marker: median === null ? undefined : { x: median, label: `median ${median}` },
    tooltip: (_series, x, y) => `${timeTitle} ${x}: ${percentLabel(y)} still active`,
  });
}
