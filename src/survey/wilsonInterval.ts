import { zForConfidence } from '../internal/normal.ts';
import {
  describeValue,
  outOfRange,
  readOptions,
  requireConfidenceLevel,
  requireCount,
  requireObject,
  withDefault,
} from '../internal/validate.ts';
import { wilsonBounds } from '../internal/wilson.ts';

/** Counts for {@link wilsonInterval}. */
export interface WilsonIntervalInput {
  /** Number of successes (satisfied answers, conversions, ...), a non-negative integer ≤ `trials`. */
  readonly successes: number;
  /** Number of trials (answers, visitors, ...), a non-negative integer. */
  readonly trials: number;
}

/** Options for {@link wilsonInterval}. */
export interface WilsonIntervalOptions {
  /** Confidence level, strictly between 0 and 1. Default 0.95. */
  readonly confidenceLevel?: number;
}

/**
 * Wilson score confidence interval for a proportion (a rate, share or CSAT score).
 *
 * The interval inverts the normal score test instead of using p̂ ± z·SE, so it stays inside [0, 1],
 * never collapses to a single point at 0 or `trials` successes, and keeps close to its nominal coverage
 * for small samples and extreme shares, where the textbook (Wald) interval fails.
 *
 * ```text
 * p̂ = successes / trials,   n = trials,   z from confidenceLevel (1.96 at 95 %)
 * low, high = ( p̂ + z²/(2n) ∓ z·√(p̂(1 − p̂)/n + z²/(4n²)) ) / (1 + z²/n)
 * ```
 *
 * Both bounds are fractions in [0, 1] with low ≤ p̂ ≤ high; the lower bound is exactly 0 at 0
 * successes and the upper bound exactly 1 when every trial succeeds.
 * References: Wilson (1927), "Probable Inference, the Law of Succession, and Statistical Inference",
 * JASA 22; Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of
 * seven methods", Statistics in Medicine 17 (method 3).
 *
 * @param input - `successes` and `trials`, non-negative integers with successes ≤ trials.
 * @param options - `confidenceLevel` (default 0.95).
 * @returns `[low, high]`; `[NaN, NaN]` when `trials` is 0.
 * @throws {TypeError} When `input` or `options` is not an object or a field is not a number.
 * @throws {RangeError} When a count is negative, fractional or not finite, when `successes` exceeds
 *   `trials`, or when `confidenceLevel` is not strictly between 0 and 1.
 * @example
 * ```ts
 * import { wilsonInterval } from 'loyalty-metrics';
 *
 * wilsonInterval({ successes: 81, trials: 263 }); // => [0.2553, 0.3662]
 * wilsonInterval({ successes: 0, trials: 20 }); // => [0, 0.1611]
 * wilsonInterval({ successes: 81, trials: 263 }, { confidenceLevel: 0.99 }); // => [0.2401, 0.3853]
 * ```
 * @category Surveys
 */
export function wilsonInterval(input: WilsonIntervalInput, options?: WilsonIntervalOptions): readonly [number, number] {
  const fn = 'wilsonInterval';
  const { successes, trials } = requireObject(fn, 'input', input);
  const x = requireCount(fn, 'successes', successes);
  const n = requireCount(fn, 'trials', trials);
  if (x > n) outOfRange(fn, 'successes', x, `must not exceed trials (${describeValue(n)})`);
  const { confidenceLevel } = readOptions(fn, options, ['confidenceLevel']);
  const level = requireConfidenceLevel(fn, withDefault(confidenceLevel, 0.95), 'options.confidenceLevel');
  return wilsonBounds(x, n, zForConfidence(level));
}
