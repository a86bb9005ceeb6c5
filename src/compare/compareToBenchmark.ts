import { twoSidedPValue, zForConfidence } from '../internal/normal.ts';
import {
  describeValue,
  rangeFail,
  readOptions,
  requireBoolean,
  requireConfidenceLevel,
  requireNonNegative,
  requireNumber,
  requirePositive,
  typeFail,
  withDefault,
} from '../internal/validate.ts';
import { wilsonBounds } from '../internal/wilson.ts';

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
  /**
   * Number of customers (trials) behind a `value` that is a proportion in [0, 1] (a retention, churn or
   * conversion rate): turns on the test against the benchmark (a one-sample score test, with the Wilson interval
   * of the value). Any positive number (it need not be an integer). Not with `standardError`.
   */
  readonly sampleSize?: number;
  /**
   * Standard error of `value`, in its own units, for any other metric (an NPS, an average order value: use the
   * `standardError` of `netPromoterScore`): turns on a Wald z-test, with the interval value ± z·SE. Positive.
   * Not with `sampleSize`.
   */
  readonly standardError?: number;
  /** Confidence level of the interval; the difference is significant at level 1 − confidenceLevel. Default 0.95. */
  readonly confidenceLevel?: number;
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
  /**
   * `'better'`, `'worse'` or `'equal'` given the metric's direction and the tolerance: the direction of the
   * observed difference only, whether or not sampling noise could explain it (see `significant`).
   */
  readonly verdict: 'better' | 'worse' | 'equal';
  /**
   * The test used: `'score'` (a proportion with `sampleSize`), `'wald'` (with `standardError`), or `null` when
   * neither was given and nothing can be said about significance.
   */
  readonly test: 'score' | 'wald' | null;
  /** Confidence interval of the value at `confidenceLevel` (Wilson for `'score'`, value ± z·SE for `'wald'`); `null` without a test. */
  readonly interval: readonly [number, number] | null;
  /** Two-sided p-value of "the value's population equals the benchmark"; `null` without a test. */
  readonly pValue: number | null;
  /**
   * Whether the difference is statistically significant: `pValue < 1 − confidenceLevel`, which is the same as the
   * benchmark lying outside `interval`; `null` without a test.
   */
  readonly significant: boolean | null;
  /** The confidence level used (default 0.95). */
  readonly confidenceLevel: number;
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
 * A gap measured on a sample may be noise: 30 % retention of 20 customers against a 25 % benchmark is
 * "better", but not distinguishable from it. Give the sample behind the value and the result says whether the
 * difference is significant, with the interval of the value:
 *
 * ```text
 * sampleSize n (value p̂ a proportion, benchmark p₀ in [0, 1]): one-sample score test
 *   z = (p̂ − p₀) / √(p₀(1 − p₀)/n),   interval = Wilson (1927) score interval of p̂
 * standardError SE (any metric):                                  Wald test
 *   z = (value − benchmark) / SE,     interval = value ± z_{1−α/2}·SE
 * pValue = 2·(1 − Φ(|z|)),  significant = pValue < 1 − confidenceLevel
 * ```
 *
 * The Wilson interval is the inversion of the score test, so `significant` is exactly "the benchmark lies
 * outside `interval`" in both cases. A benchmark of exactly 0 or 1 makes z infinite for any other value
 * (p-value 0) and undefined for the same value (p-value 1). The benchmark is taken as a known constant; to
 * compare two samples use `compareRates`.
 *
 * @param value - The observed metric, a finite number (a proportion in [0, 1] with `sampleSize`).
 * @param benchmark - The benchmark on the same scale, a finite number (in [0, 1] with `sampleSize`).
 * @param options - `higherIsBetter` (required), `tolerance` (default 0), and for a test `sampleSize` or
 *   `standardError`, with `confidenceLevel` (default 0.95).
 * @returns The comparison; `relativeDifference` and `ratio` are `NaN` when the benchmark is 0; `test`,
 *   `interval`, `pValue` and `significant` are `null` without `sampleSize` or `standardError`.
 * @throws {TypeError} When a number is not a number, the options are missing or `higherIsBetter` is
 *   not a boolean.
 * @throws {RangeError} When a number is NaN or infinite, `tolerance` is negative, `sampleSize` or
 *   `standardError` is not positive, both are given, `confidenceLevel` is not strictly between 0 and 1, or
 *   with `sampleSize` the value or the benchmark is outside [0, 1].
 * @example
 * ```ts
 * import { compareToBenchmark } from 'loyalty-metrics';
 *
 * compareToBenchmark(0.05, 0.04, { higherIsBetter: false }); // => { difference: 0.01, relativeDifference: 0.25, ratio: 1.25, verdict: 'worse', significant: null }
 * compareToBenchmark(32, -10, { higherIsBetter: true }).relativeDifference; // => 4.2
 * // 30 % of 20 customers retained against a 25 % benchmark: better, but well within the noise
 * compareToBenchmark(0.3, 0.25, { higherIsBetter: true, sampleSize: 20 }); // => { verdict: 'better', test: 'score', interval: [0.1455, 0.519], pValue: 0.6056, significant: false }
 * // 78 % of 500 against 82 %: worse, and significant at the 5 % level (z = −2.33)
 * compareToBenchmark(0.78, 0.82, { higherIsBetter: true, sampleSize: 500 }); // => { verdict: 'worse', interval: [0.7416, 0.8141], pValue: 0.0199, significant: true }
 * // an NPS of 32 with its standard error 4.1 against a sector NPS of 25
 * compareToBenchmark(32, 25, { higherIsBetter: true, standardError: 4.1 }); // => { test: 'wald', interval: [23.96, 40.04], pValue: 0.0878, significant: false }
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
  const opts = readOptions(fn, options, [
    'higherIsBetter',
    'tolerance',
    'sampleSize',
    'standardError',
    'confidenceLevel',
  ]);
  const higherIsBetter = requireBoolean(fn, 'options.higherIsBetter', opts.higherIsBetter);
  const tolerance = requireNonNegative(fn, 'options.tolerance', withDefault(opts.tolerance, 0));
  const confidenceLevel = requireConfidenceLevel(
    fn,
    withDefault(opts.confidenceLevel, 0.95),
    'options.confidenceLevel',
  );
  const n = opts.sampleSize === undefined ? undefined : requirePositive(fn, 'options.sampleSize', opts.sampleSize);
  const se =
    opts.standardError === undefined ? undefined : requirePositive(fn, 'options.standardError', opts.standardError);
  if (n !== undefined && se !== undefined)
    rangeFail(fn, 'give sampleSize (a proportion) or standardError (any metric), not both', {
      argument: 'options.standardError',
      value: se,
    });
  if (n !== undefined) {
    if (v < 0 || v > 1)
      rangeFail(fn, `value (${describeValue(v)}) must be a proportion in [0, 1] with sampleSize`, {
        argument: 'value',
        value: v,
      });
    if (b < 0 || b > 1)
      rangeFail(fn, `benchmark (${describeValue(b)}) must be a proportion in [0, 1] with sampleSize`, {
        argument: 'benchmark',
        value: b,
      });
  }
  const difference = v - b;
  const verdict = Math.abs(difference) <= tolerance ? 'equal' : difference > 0 === higherIsBetter ? 'better' : 'worse';
  let test: CompareToBenchmarkResult['test'] = null;
  let interval: [number, number] | null = null;
  let pValue: number | null = null;
  if (n !== undefined || se !== undefined) {
    const z = zForConfidence(confidenceLevel);
    if (n !== undefined) {
      test = 'score';
      interval = wilsonBounds(v * n, n, z);
      // √(p₀(1 − p₀)/n) as a product of square roots: p₀(1 − p₀) underflows for p₀ near 0 before its root does.
      const spread = Math.sqrt(b) * Math.sqrt(1 - b);
      pValue = difference === 0 ? 1 : spread === 0 ? 0 : twoSidedPValue((difference / spread) * Math.sqrt(n));
    } else {
      const s = se as number;
      test = 'wald';
      interval = [v - z * s, v + z * s];
      pValue = twoSidedPValue(difference / s);
    }
  }
  return {
    value: v,
    benchmark: b,
    difference,
    relativeDifference: b === 0 ? Number.NaN : difference / Math.abs(b),
    ratio: b === 0 ? Number.NaN : v / b,
    verdict,
    test,
    interval,
    pValue,
    significant: pValue === null ? null : pValue < 1 - confidenceLevel,
    confidenceLevel,
  };
}
