import { optionalString, VEGA_LITE_SCHEMA } from '../internal/chart.ts';
import { describeValue, readOptions, rangeFail, requireCount, requireNonNegative } from '../internal/validate.ts';
import { bgNbdProbabilityAliveOne, readBgNbdParams, type BgNbdParams } from '../internal/models/bgNbdKernel.ts';
import type { ChartDatum, VegaLiteSpec } from './types.ts';

/** Options for {@link probabilityAliveMatrixSpec}. */
export interface ProbabilityAliveMatrixSpecOptions {
  /** Largest frequency (repeat purchases) on the grid, a non-negative integer. */
  readonly maxFrequency: number;
  /** Largest recency on the grid, in the model's time unit; the grid has recency 0, 1, …, ⌊maxRecency⌋. */
  readonly maxRecency: number;
  /** Customers' age T (time since their first purchase), in the model's time unit; at least `maxRecency`. */
  readonly T: number;
  /** Chart title (default `'Probability alive by frequency and recency'`). */
  readonly title?: string;
}

const MAX_GRID_CELLS = 250_000;

/**
 * A Vega-Lite heatmap of the BG/NBD probability that a customer is still alive, over a grid of frequency
 * (repeat purchases) and recency (time of the last purchase) for customers of the same age T: the classic
 * "who is still with us" picture (`plot_probability_alive_matrix` in the Python `lifetimes` package).
 *
 * ```text
 * cell (x, tₓ) for x = 0 … maxFrequency, tₓ = 0, 1, … ⌊maxRecency⌋:  colour = P(alive | x, tₓ, T)   (BG/NBD)
 * ```
 *
 * Frequent buyers who have not bought for a while (top left) are the likeliest to have left; customers
 * whose last purchase was recent (right) are alive whatever their frequency. P(alive) is in [0, 1]; time
 * is in the model's unit (the unit of the recency and T it was fitted on).
 * Reference: Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way", Marketing Science 24(2).
 *
 * @param params - Fitted BG/NBD parameters `{ r, alpha, a, b }` (e.g. `fitBgNbd(...).params`).
 * @param options - `maxFrequency`, `maxRecency`, `T` (required), `title`.
 * @returns A Vega-Lite v5 spec with one datum per grid cell: `{ frequency, recency, probabilityAlive }`.
 * @throws {TypeError} When `params` or an option has the wrong type.
 * @throws {RangeError} When a parameter is not positive and finite, `maxFrequency` is not a non-negative
 *   integer, `maxRecency` is negative or exceeds `T`, or the grid has more than 250,000 cells.
 * @example
 * ```ts
 * import { probabilityAliveMatrixSpec } from 'loyalty-metrics';
 *
 * // CDNOW, weekly units (Fader, Hardie & Lee 2005).
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const spec = probabilityAliveMatrixSpec(params, { maxFrequency: 10, maxRecency: 38, T: 38.86 });
 * spec.data.values.length; // => 429
 * spec.data.values[0]; // => { frequency: 0, recency: 0, probabilityAlive: 1 }
 * ```
 * @category Charts
 */
export function probabilityAliveMatrixSpec(
  params: BgNbdParams,
  options: ProbabilityAliveMatrixSpecOptions,
): VegaLiteSpec {
  const fn = 'probabilityAliveMatrixSpec';
  const p = readBgNbdParams(fn, params);
  const opts = readOptions(fn, options, ['maxFrequency', 'maxRecency', 'T', 'title']);
  const maxFrequency = requireCount(fn, 'options.maxFrequency', opts.maxFrequency);
  const maxRecency = requireNonNegative(fn, 'options.maxRecency', opts.maxRecency);
  const T = requireNonNegative(fn, 'options.T', opts.T);
  if (maxRecency > T)
    rangeFail(fn, `maxRecency (${describeValue(maxRecency)}) must not exceed T (${describeValue(T)})`);
  const title = optionalString(fn, 'options.title', opts.title) ?? 'Probability alive by frequency and recency';
  const recencies = Math.floor(maxRecency) + 1;
  if ((maxFrequency + 1) * recencies > MAX_GRID_CELLS)
    rangeFail(fn, `the grid (${maxFrequency + 1} × ${recencies}) must have at most ${MAX_GRID_CELLS} cells`, {
      argument: 'options.maxFrequency',
      value: maxFrequency,
    });
  const values: ChartDatum[] = [];
  for (let x = 0; x <= maxFrequency; x++) {
    for (let tx = 0; tx < recencies; tx++)
      values.push({ frequency: x, recency: tx, probabilityAlive: bgNbdProbabilityAliveOne(p, x, tx, T) });
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `${title}: BG/NBD P(alive) for customers of age T = ${T}, by repeat purchases and time of the last purchase.`,
    title,
    data: { values },
    width: { step: Math.max(6, Math.min(16, Math.floor(560 / recencies))) },
    height: { step: Math.max(6, Math.min(16, Math.floor(400 / (maxFrequency + 1)))) },
    mark: { type: 'rect' },
    encoding: {
      x: {
        field: 'recency',
        type: 'ordinal',
        title: `recency (time of last purchase; T = ${T})`,
        axis: { labelAngle: 0, labelOverlap: 'greedy' },
      },
      y: { field: 'frequency', type: 'ordinal', title: 'frequency (repeat purchases)', sort: 'descending' },
      color: {
        field: 'probabilityAlive',
        type: 'quantitative',
        title: 'P(alive)',
        scale: { scheme: 'blues', domain: [0, 1] },
        legend: { format: '.0%' },
      },
      tooltip: [
        { field: 'frequency', type: 'quantitative' },
        { field: 'recency', type: 'quantitative' },
        { field: 'probabilityAlive', type: 'quantitative', title: 'P(alive)', format: '.1%' },
      ],
    },
  };
}
