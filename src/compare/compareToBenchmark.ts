import {
  describeValue,
  readOptions,
  requireBoolean,
  requireNonNegative,
  requireNumber,
  typeFail,
  withDefault,
} from '../internal/validate.ts';

/** Options for {@link compareToBenchmark}. */
export interface CompareToBenchmarkOptions {
  /**
   * The metric's direction, required: `true` for retention, NPS or revenue, `false` for churn, cost or
   * effort. There is no default because guessing it wrong reverses the verdict.
   */
  readonly higherIsBetter: boolean;
  /**
   * Absolute difference, in the metric's own units, within which the value counts as `'equal'` to the
   * benchmark. Default 0 (only an exact tie is equal).
   */
  readonly tolerance?: number;
}

/** Result of {@link compareToBenchmark}. */
export interface CompareToBenchmarkResult {
  /** The value compared. */
  readonly value: number;
  /** The benchmark it was compared with. */
  readonly benchmark: number;
  /** value − benchmark, in the metric's units. */
  readonly difference: number;
  /** (value − benchmark) / |benchmark|; `NaN` when the benchmark is 0. */
  readonly relativeDifference: number;
  /** value / benchmark; `NaN` when the benchmark is 0. */
  readonly ratio: number;
  /** `'better'`, `'worse'` or `'equal'` given the metric's direction and the tolerance. */
  readonly verdict: 'better' | 'worse' | 'equal';
}

/**
 * Compares a metric with an industry or internal benchmark: the gap, the relative gap, the ratio and
 * whether the value is better or worse given the metric's direction.
 *
 * Use it to put a figure in context ("our churn is 2 points above the sector median, which is worse").
 * The relative difference divides by the benchmark's magnitude, so a negative benchmark (NPS −10) still
 * yields a positive relative difference when the value is above it.
 *
 * ```text
 * difference         = value − benchmark
 * relativeDifference = (value − benchmark) / |benchmark|
 * ratio              = value / benchmark
 * verdict            = 'equal'  if |difference| ≤ tolerance
 *                      'better' if difference > 0 and higherIsBetter, or difference < 0 and not
 *                      'worse'  otherwise
 * ```
 *
 * Both numbers must be on the same scale (fractions 0–1 for rates, −100…100 for NPS).
 *
 * @param value - The observed metric, a finite number.
 * @param benchmark - The benchmark on the same scale, a finite number.
 * @param options - `higherIsBetter` (required) and `tolerance` (default 0).
 * @returns The comparison; `relativeDifference` and `ratio` are `NaN` when the benchmark is 0.
 * @throws {TypeError} When a number is not a number, the options are missing or `higherIsBetter` is
 *   not a boolean.
 * @throws {RangeError} When a number is NaN or infinite, or `tolerance` is negative.
 * @example
 * ```ts
 * import { compareToBenchmark } from 'loyalty-metrics';
 *
 * compareToBenchmark(0.05, 0.04, { higherIsBetter: false }); // => { difference: 0.01, relativeDifference: 0.25, ratio: 1.25, verdict: 'worse' }
 * compareToBenchmark(32, -10, { higherIsBetter: true }).relativeDifference; // => 4.2
 * ```
 * @category Compare
 */
export function compareToBenchmark(
  value: number,
  benchmark: number,
  options: CompareToBenchmarkOptions,
): CompareToBenchmarkResult {
  const fn = 'compareToBenchmark';
  const v = requireNumber(fn, 'value', value);
  const b = requireNumber(fn, 'benchmark', benchmark);
  if (options === undefined)
    typeFail(fn, `options must be an object with higherIsBetter, got ${describeValue(options)}`, {
      argument: 'options',
      value: options,
    });
  const opts = readOptions(fn, options, ['higherIsBetter', 'tolerance']);
  const higherIsBetter = requireBoolean(fn, 'options.higherIsBetter', opts.higherIsBetter);
  const tolerance = requireNonNegative(fn, 'options.tolerance', withDefault(opts.tolerance, 0));
  const difference = v - b;
  const verdict = Math.abs(difference) <= tolerance ? 'equal' : difference > 0 === higherIsBetter ? 'better' : 'worse';
  return {
    value: v,
    benchmark: b,
    difference,
    relativeDifference: b === 0 ? Number.NaN : difference / Math.abs(b),
    ratio: b === 0 ? Number.NaN : v / b,
    verdict,
  };
}
