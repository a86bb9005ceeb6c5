/**
 * Rating-scale kernels shared by the CSAT, CES and CSI functions: scale and threshold validation,
 * and one validating pass over an array of answers.
 * @internal
 * @module
 */
import { NeumaierSum } from './sum.ts';
import {
  describeValue,
  outOfRange,
  rangeFail,
  requireArrayLike,
  requireNumber,
  typeFail,
  wrongType,
} from './validate.ts';

/** A rating scale `[min, max]`. */
export type RatingScale = readonly [min: number, max: number];

/**
 * Validates `options.scale`: an array `[min, max]` of safe integers with min < max; `fallback` when absent.
 * @example
 * ```ts
 * import { requireScale } from './likert.ts';
 *
 * requireScale('csat', undefined, [1, 5]); // => [1, 5]
 * requireScale('csat', [0, 10], [1, 5]); // => [0, 10]
 * requireScale('csat', [5, 1], [1, 5]); // => throws RangeError: csat: scale ([5, 1]) must have min < max
 * ```
 */
export function requireScale(fn: string, value: unknown, fallback: RatingScale): RatingScale {
  if (value === undefined) return fallback;
  if (!Array.isArray(value) || value.length !== 2)
    typeFail(fn, `scale must be an array [min, max], got ${describeValue(value)}`, {
      argument: 'options.scale',
      value,
    });
  const ends = value as readonly unknown[];
  const min = requireNumber(fn, 'options.scale[0]', ends[0]);
  const max = requireNumber(fn, 'options.scale[1]', ends[1]);
  if (!Number.isSafeInteger(min)) outOfRange(fn, 'options.scale[0]', min, 'must be a safe integer');
  if (!Number.isSafeInteger(max)) outOfRange(fn, 'options.scale[1]', max, 'must be a safe integer');
  if (!(min < max))
    rangeFail(fn, `scale ([${describeValue(min)}, ${describeValue(max)}]) must have min < max`, {
      argument: 'options.scale',
      value,
    });
  return [min, max];
}

/**
 * Validates a threshold option (`satisfiedAt`, `easyAt`): an integer within the scale; `fallback` when absent.
 * @example
 * ```ts
 * import { requireScalePoint } from './likert.ts';
 *
 * requireScalePoint('csat', 'satisfiedAt', undefined, [1, 5], 4); // => 4
 * requireScalePoint('csat', 'satisfiedAt', 5, [1, 5], 4); // => 5
 * requireScalePoint('csat', 'satisfiedAt', 4.5, [1, 5], 4); // => throws RangeError: csat: satisfiedAt (4.5) must be an integer from 1 to 5
 * ```
 */
export function requireScalePoint(
  fn: string,
  name: string,
  value: unknown,
  [min, max]: RatingScale,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const x = requireNumber(fn, name, value);
  if (!Number.isInteger(x) || x < min || x > max) outOfRange(fn, name, x, `must be an integer from ${min} to ${max}`);
  return x;
}

/** What one pass over the answers yields. */
export interface ScoreSummary {
  /** Number of answers. */
  readonly n: number;
  /** Answers ≥ the threshold. */
  readonly atLeast: number;
  /** Mean answer; `NaN` with no answers. */
  readonly mean: number;
}

/**
 * Validates every answer (an integer within the scale, reported as `name[i]`) and returns the count,
 * the number of answers at or above `threshold`, and the compensated mean.
 * @example
 * ```ts
 * import { summarizeScores } from './likert.ts';
 *
 * // CSAT-style: 3 of 5 answers are 4 or 5, mean (5 + 4 + 3 + 5 + 1)/5 = 3.6
 * summarizeScores('csat', 'scores', [5, 4, 3, 5, 1], [1, 5], 4); // => { n: 5, atLeast: 3, mean: 3.6 }
 * summarizeScores('csat', 'scores', [], [1, 5], 4); // => { n: 0, atLeast: 0, mean: NaN }
 * summarizeScores('csat', 'scores', [5, 0], [1, 5]); // => throws RangeError: csat: scores[1] (0) must be an integer from 1 to 5
 * ```
 */
export function summarizeScores(
  fn: string,
  name: string,
  scores: unknown,
  [min, max]: RatingScale,
  threshold: number = Infinity,
): ScoreSummary {
  const values = requireArrayLike(fn, name, scores);
  const sum = new NeumaierSum();
  let atLeast = 0;
  for (let i = 0; i < values.length; i++) {
    const s = values[i];
    if (typeof s !== 'number') wrongType(fn, `${name}[${i}]`, s, 'a number');
    if (!Number.isInteger(s) || s < min || s > max)
      outOfRange(fn, `${name}[${i}]`, s, `must be an integer from ${min} to ${max}`);
    if (s >= threshold) atLeast++;
    sum.add(s);
  }
  return { n: values.length, atLeast, mean: sum.value() / values.length };
}
