import { optionalBoolean, optionalString, readSurvivalCurve, VEGA_LITE_SCHEMA } from '../internal/chart.ts';
import { readOptions } from '../internal/validate.ts';
import type { ChartDatum, VegaLiteSpec } from './types.ts';

/** The part of a `kaplanMeier` result the survival charts read. */
export interface SurvivalCurveInput {
  readonly curve: readonly {
    readonly time: number;
    readonly survival: number;
    readonly lower?: number;
    readonly upper?: number;
  }[];
  readonly median?: number;
}

/** Options for {@link survivalCurveSpec}. */
export interface SurvivalCurveSpecOptions {
  /** Chart title (default `'Customer survival (Kaplan–Meier)'`). */
  readonly title?: string;
  /** Axis title of time, e.g. `'months as a customer'` (default `'time'`). */
  readonly timeTitle?: string;
  /** Draw the confidence band (default `true`). */
  readonly band?: boolean;
}

/**
 * A Vega-Lite step chart of a Kaplan–Meier survival curve with its confidence band and a marker at the
 * median lifetime.
 *
 * The curve starts at (0, 100 %) and steps down after each time with churn (`interpolate: 'step-after'`),
 * exactly as the estimator is defined; the band is the pointwise interval of `kaplanMeier` (log-log by
 * default). Steps where the band is undefined (survival 0) have no band.
 *
 * ```text
 * points: (0, 1), then (tᵢ, Ŝ(tᵢ)) for every step of km.curve;  band: [lowerᵢ, upperᵢ];  rule at t = median
 * ```
 *
 * @param km - A `kaplanMeier` result (or any `{ curve: [{ time, survival, lower?, upper? }], median? }`).
 * @param options - `title`, `timeTitle`, `band`.
 * @returns A Vega-Lite v5 spec with one datum per step: `{ time, survival, lower, upper }`.
 * @throws {TypeError} When `km` has no `curve` array of steps, or an option has the wrong type.
 * @throws {RangeError} When times decrease or are negative, or survival or a band limit is outside [0, 1].
 * @example
 * ```ts
 * import { kaplanMeier, survivalCurveSpec } from 'loyalty-metrics';
 *
 * const km = kaplanMeier({ durations: [3, 5, 6, 7, 8, 10, 12, 12], events: [1, 0, 1, 1, 0, 1, 1, 0] });
 * const spec = survivalCurveSpec(km, { timeTitle: 'months as a customer' });
 * spec.data.values.length; // => 6
 * spec.data.values[0]; // => { time: 0, survival: 1 }
 * spec.data.values[1]; // => { time: 3, survival: 0.875 }
 * ```
 * @category Charts
 */
export function survivalCurveSpec(km: SurvivalCurveInput, options?: SurvivalCurveSpecOptions): VegaLiteSpec {
  const fn = 'survivalCurveSpec';
  const { points, median } = readSurvivalCurve(fn, 'km', km);
  const opts = readOptions(fn, options, ['title', 'timeTitle', 'band']);
  const title = optionalString(fn, 'options.title', opts.title) ?? 'Customer survival (Kaplan–Meier)';
  const timeTitle = optionalString(fn, 'options.timeTitle', opts.timeTitle) ?? 'time';
  const band = optionalBoolean(fn, 'options.band', opts.band) ?? true;
  const values: ChartDatum[] = points.map((p) => ({
    time: p.time,
    survival: p.survival,
    lower: p.lower,
    upper: p.upper,
  }));
  const x = { field: 'time', type: 'quantitative', title: timeTitle };
  const layer: unknown[] = [];
  if (band) {
    layer.push({
      mark: { type: 'area', interpolate: 'step-after', opacity: 0.2, color: '#4e79a7' },
      transform: [{ filter: 'datum.lower != null && datum.upper != null' }],
      encoding: { x, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' } },
    });
  }
  layer.push({
    mark: { type: 'line', interpolate: 'step-after', color: '#4e79a7', strokeWidth: 2 },
    encoding: {
      x,
      y: {
        field: 'survival',
        type: 'quantitative',
        title: 'still active',
        axis: { format: '.0%' },
        scale: { domain: [0, 1] },
      },
      tooltip: [
        { field: 'time', type: 'quantitative', title: timeTitle },
        { field: 'survival', type: 'quantitative', title: 'still active', format: '.1%' },
        { field: 'lower', type: 'quantitative', title: 'lower', format: '.1%' },
        { field: 'upper', type: 'quantitative', title: 'upper', format: '.1%' },
      ],
    },
  });
  if (median !== null) {
    layer.push({
      data: { values: [{ median }] },
      mark: { type: 'rule', strokeDash: [4, 3], color: '#e15759' },
      encoding: {
        x: { field: 'median', type: 'quantitative' },
        tooltip: [{ field: 'median', type: 'quantitative', title: 'median lifetime' }],
      },
    });
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `${title}: share of customers still active by ${timeTitle}${band ? ', with its confidence band' : ''}${median !== null ? `; median lifetime ${median}` : ''}.`,
    title,
    data: { values },
    width: 520,
    height: 300,
    layer,
  };
}
