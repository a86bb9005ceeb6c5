import { requireScale, requireScalePoint, summarizeScores } from '../internal/likert.ts';
import { zForConfidence } from '../internal/normal.ts';
import { readOptions, requireConfidenceLevel, withDefault } from '../internal/validate.ts';
import { wilsonBounds } from '../internal/wilson.ts';

/** Options for {@link customerSatisfactionScore}. */
export interface CustomerSatisfactionScoreOptions {
  /** The answer scale `[min, max]`, integers with min < max. Default `[1, 5]`. */
  readonly scale?: readonly [min: number, max: number];
  /**
   * Lowest answer that counts as satisfied, an integer within the scale. Default: the top two answers
   * (max − 1, so 4 on 1–5, 6 on 1–7, 9 on 0–10); on a two-point scale only the top answer.
   */
  readonly satisfiedAt?: number;
  /** Confidence level of the interval, strictly between 0 and 1. Default 0.95. */
  readonly confidenceLevel?: number;
}

/** Result of {@link customerSatisfactionScore}. */
export interface CustomerSatisfactionScoreResult {
  /** CSAT: satisfied / n, a fraction in [0, 1] (multiply by 100 for the usual percentage); `NaN` with no answers. */
  readonly score: number;
  /** Number of answers. */
  readonly n: number;
  /** Answers at or above `satisfiedAt`. */
  readonly satisfied: number;
  /** Mean answer on the scale; `NaN` with no answers. */
  readonly mean: number;
  /** Wilson score interval of `score` at `confidenceLevel`; `[NaN, NaN]` with no answers. */
  readonly confidenceInterval: readonly [number, number];
}

/**
 * Customer Satisfaction Score (CSAT): the share of satisfied answers ("top-two-box"), with a Wilson
 * confidence interval and the mean answer.
 *
 * Answers are integers on a rating scale, 1–5 by default ("very unsatisfied" … "very satisfied"); an
 * answer is satisfied when it is at least `satisfiedAt` (4 and 5 on 1–5). The share is a binomial
 * proportion, so its interval is the Wilson score interval, which behaves well for small surveys and
 * shares near 0 or 1.
 *
 * ```text
 * score = satisfied / n                       (fraction 0–1)
 * mean  = Σ answers / n                       (on the scale)
 * CI    = Wilson interval of satisfied out of n at confidenceLevel
 * ```
 *
 * @param scores - Integer answers within the scale (an array or typed array).
 * @param options - `scale` (default `[1, 5]`), `satisfiedAt` (default: the top two answers) and
 *   `confidenceLevel` (default 0.95).
 * @returns The share, count, satisfied count, mean and interval. With no answers `n` and `satisfied`
 *   are 0 and `score`, `mean` and both interval bounds are `NaN`.
 * @throws {TypeError} When `scores` is not an array, an answer is not a number, `options` is not an
 *   object, or `scale` is not an array of two numbers.
 * @throws {RangeError} When an answer is not an integer within the scale, the scale is not two safe
 *   integers with min < max, `satisfiedAt` is not an integer within the scale, or `confidenceLevel` is
 *   not strictly between 0 and 1.
 * @example
 * ```ts
 * import { customerSatisfactionScore } from 'loyalty-metrics';
 *
 * const csat = customerSatisfactionScore([5, 4, 4, 3, 5, 2, 4, 5, 1, 4]);
 * csat.score; // => 0.7
 * csat.mean; // => 3.7
 * csat.confidenceInterval; // => [0.3968, 0.8922]
 * customerSatisfactionScore([7, 6, 5, 2], { scale: [1, 7] }).satisfied; // => 2
 * ```
 * @category Surveys
 */
export function customerSatisfactionScore(
  scores: ArrayLike<number>,
  options?: CustomerSatisfactionScoreOptions,
): CustomerSatisfactionScoreResult {
  const fn = 'customerSatisfactionScore';
  const {
    scale: scaleOption,
    satisfiedAt: satisfiedAtOption,
    confidenceLevel,
  } = readOptions(fn, options, ['scale', 'satisfiedAt', 'confidenceLevel']);
  const scale = requireScale(fn, scaleOption, [1, 5]);
  const satisfiedAt = requireScalePoint(
    fn,
    'options.satisfiedAt',
    satisfiedAtOption,
    scale,
    Math.max(scale[1] - 1, scale[0] + 1),
  );
  const level = requireConfidenceLevel(fn, withDefault(confidenceLevel, 0.95), 'options.confidenceLevel');
  const { n, atLeast, mean } = summarizeScores(fn, 'scores', scores, scale, satisfiedAt);
  return {
    score: atLeast / n,
    n,
    satisfied: atLeast,
    mean,
    confidenceInterval: wilsonBounds(atLeast, n, zForConfidence(level)),
  };
}
