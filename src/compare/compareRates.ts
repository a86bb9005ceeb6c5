import { zForConfidence } from '../internal/normal.ts';
import { twoProportionTest } from '../internal/twoProportion.ts';
import type { TwoProportionTest } from '../types.ts';
import {
  describeValue,
  outOfRange,
  readOptions,
  requireConfidenceLevel,
  requireCount,
  requireObject,
  withDefault,
} from '../internal/validate.ts';

/** One sample's counts for {@link compareRates}. */
export interface RateSample {
  /** Units with the outcome (retained customers, conversions), a non-negative integer. */
  readonly successes: number;
  /** Units observed, a non-negative integer ≥ `successes`. */
  readonly trials: number;
}

/** Options for {@link compareRates}. */
export interface CompareRatesOptions {
  /** Confidence level of the interval for the difference, strictly between 0 and 1. Default 0.95. */
  readonly confidenceLevel?: number;
}

/** Result of {@link compareRates}: the figures of a two-proportion test and the level used. */
export interface CompareRatesResult extends TwoProportionTest {
  /** The confidence level used. */
  readonly confidenceLevel: number;
}

/**
 * Two-proportion z-test: is one rate (retention, conversion, repeat purchase) significantly different
 * from another, and by how much?
 *
 * The test uses the pooled standard error, because under the null hypothesis both samples share one
 * rate; the confidence interval for the difference uses the unpooled (Wald) standard error, because it
 * describes the difference as estimated. This is the textbook pairing (Fleiss, Levin & Paik 2003, "Statistical
 * Methods for Rates and Proportions", 3rd ed.; R's `prop.test(correct = FALSE)` gives the same p-value).
 *
 * ```text
 * p_A = x_A / n_A,   p_B = x_B / n_B,   p = (x_A + x_B) / (n_A + n_B)
 * z   = (p_A − p_B) / √(p(1 − p)(1/n_A + 1/n_B))          p-value = 2·(1 − Φ(|z|))
 * SE  = √(p_A(1 − p_A)/n_A + p_B(1 − p_B)/n_B)             CI = (p_A − p_B) ± z_{1−α/2}·SE
 * ```
 *
 * Rates are fractions in [0, 1]; the difference is in [−1, 1]. Swapping the samples negates the
 * difference and its interval and leaves the p-value unchanged. The normal approximation wants roughly
 * ten successes and ten failures per sample; with fewer, treat the p-value as indicative.
 *
 * @param a - First sample `{ successes, trials }`.
 * @param b - Second sample `{ successes, trials }`.
 * @param options - `confidenceLevel` (default 0.95).
 * @returns The rates, their difference with its interval, and the test. A sample with 0 trials makes its
 *   rate, the difference, both standard errors, `z`, `pValue` and the interval `NaN`; when both samples are all successes or all failures the rates
 *   agree exactly, the pooled standard error is 0, `z` is 0 and `pValue` is 1.
 * @throws {TypeError} When a sample is not an object or a count is not a number.
 * @throws {RangeError} When a count is negative, fractional or infinite, successes exceed trials, or
 *   `confidenceLevel` is not in (0, 1).
 * @example
 * ```ts
 * import { compareRates } from 'loyalty-metrics';
 *
 * const test = compareRates({ successes: 420, trials: 1000 }, { successes: 380, trials: 1000 });
 * test.difference; // => 0.04
 * test.z; // => 1.8257
 * test.pValue; // => 0.0679
 * test.confidenceInterval; // => [-0.0029, 0.0829]
 * ```
 * @category Compare
 */
export function compareRates(a: RateSample, b: RateSample, options?: CompareRatesOptions): CompareRatesResult {
  const fn = 'compareRates';
  const [xA, nA] = sample(fn, 'a', a);
  const [xB, nB] = sample(fn, 'b', b);
  const confidenceLevel = requireConfidenceLevel(
    fn,
    withDefault(readOptions(fn, options, ['confidenceLevel']).confidenceLevel, 0.95),
    'options.confidenceLevel',
  );
  return { ...twoProportionTest(xA, nA, xB, nB, zForConfidence(confidenceLevel)), confidenceLevel };
}

/** Validates one `{ successes, trials }` sample. */
function sample(fn: string, name: string, value: unknown): [number, number] {
  const { successes, trials } = requireObject(fn, name, value);
  const x = requireCount(fn, `${name}.successes`, successes);
  const n = requireCount(fn, `${name}.trials`, trials);
  if (x > n) outOfRange(fn, `${name}.successes`, x, `must not exceed ${name}.trials (${describeValue(n)})`);
  return [x, n];
}
