import { requireScale, requireScalePoint, summarizeScores } from '../internal/likert.ts';
import { readOptions } from '../internal/validate.ts';

/** Options for {@link customerEffortScore}. */
export interface CustomerEffortScoreOptions {
  /** The answer scale `[min, max]`, integers with min < max. Default `[1, 7]`. */
  readonly scale?: readonly [min: number, max: number];
  /**
   * Lowest answer that counts as "easy", an integer within the scale. Default: the first answer above
   * the scale's midpoint, ⌊(min + max)/2⌋ + 1 (5 on 1–7, 4 on 1–5).
   */
  readonly easyAt?: number;
}

/** Result of {@link customerEffortScore}. */
export interface CustomerEffortScoreResult {
  /** Mean answer on the scale (the CES); `NaN` with no answers. */
  readonly mean: number;
  /** Share of answers at or above `easyAt`, a fraction in [0, 1]; `NaN` with no answers. */
  readonly easyShare: number;
  /** Number of answers. */
  readonly n: number;
}

/**
 * Customer Effort Score (CES): how easy customers found it to get something done, as the mean answer
 * and the share of "easy" answers.
 *
 * The default follows CES 2.0: agreement with "The company made it easy for me to handle my issue" on
 * a 1–7 scale, where a higher answer means less effort; 5–7 count as easy. A 1–5 scale (easy from 4)
 * or any other integer scale can be chosen. If your survey asks "how much effort", where higher means
 * harder, reverse the answers first (min + max − answer).
 *
 * ```text
 * mean      = Σ answers / n                   (on the scale)
 * easyShare = #(answer ≥ easyAt) / n          (fraction 0–1)
 * ```
 *
 * Reference: Dixon, Freeman & Toman (2010), "Stop Trying to Delight Your Customers", Harvard Business
 * Review; Dixon, Toman & DeLisi (2013), "The Effortless Experience" (CES 2.0).
 *
 * @param scores - Integer answers within the scale (an array or typed array).
 * @param options - `scale` (default `[1, 7]`) and `easyAt` (default: first answer above the midpoint).
 * @returns The mean, the easy share and the count; `mean` and `easyShare` are `NaN` with no answers.
 * @throws {TypeError} When `scores` is not an array, an answer is not a number, `options` is not an
 *   object, or `scale` is not an array of two numbers.
 * @throws {RangeError} When an answer is not an integer within the scale, the scale is not two safe
 *   integers with min < max, or `easyAt` is not an integer within the scale.
 * @example
 * ```ts
 * import { customerEffortScore } from 'loyalty-metrics';
 *
 * customerEffortScore([7, 6, 5, 4, 2, 6, 7, 3]); // => { mean: 5, easyShare: 0.625, n: 8 }
 * customerEffortScore([5, 4, 2, 3], { scale: [1, 5] }); // => { mean: 3.5, easyShare: 0.5, n: 4 }
 * ```
 * @category Surveys
 */
export function customerEffortScore(
  scores: ArrayLike<number>,
  options?: CustomerEffortScoreOptions,
): CustomerEffortScoreResult {
  const fn = 'customerEffortScore';
  const { scale: scaleOption, easyAt: easyAtOption } = readOptions(fn, options, ['scale', 'easyAt']);
  const scale = requireScale(fn, scaleOption, [1, 7]);
  const easyAt = requireScalePoint(
    fn,
    'options.easyAt',
    easyAtOption,
    scale,
    Math.floor((scale[0] + scale[1]) / 2) + 1,
  );
  const { n, atLeast, mean } = summarizeScores(fn, 'scores', scores, scale, easyAt);
  return { mean, easyShare: atLeast / n, n };
}
