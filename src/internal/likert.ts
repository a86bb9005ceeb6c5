/**
 * Rating-scale kernels shared by the CSAT, CES and CSI functions: scale and threshold validation,
 * and one validating pass over an array of answers.
 * @internal
 * @module
 */
import { NeumaierSum } from './sum.ts';
import { describeValue, rangeFail, requireArrayLike, requireNumber, typeFail } from './validate.ts';

/** A rating scale `[min, max]`. */
export type RatingScale = readonly [min: number, max: number];

/** Validates `options.scale`: an array `[min, max]` of safe integers with min < max; `fallback` when absent. */
export function requireScale(fn: string, value: unknown, fallback: RatingScale): RatingScale {
  if (value === undefined) return fallback;
  if (!Array.isArray(value) || value.length !== 2) typeFail(fn, `scale must be an array [min, max], got ${describeValue(value)}`);
  const ends = value as readonly unknown[];
  const min = requireNumber(fn, 'scale[0]', ends[0]);
  const max = requireNumber(fn, 'scale[1]', ends[1]);
  if (!Number.isSafeInteger(min)) rangeFail(fn, `scale[0] (${describeValue(min)}) must be a safe integer`);
  if (!Number.isSafeInteger(max)) rangeFail(fn, `scale[1] (${describeValue(max)}) must be a safe integer`);
  if (!(min < max)) rangeFail(fn, `scale ([${describeValue(min)}, ${describeValue(max)}]) must have min < max`);
  return [min, max];
}

/** Validates a threshold option (`satisfiedAt`, `easyAt`): an integer within the scale; `fallback` when absent. */
export function requireScalePoint(fn: string, name: string, value: unknown, [min, max]: RatingScale, fallback: number): number {
  if (value === undefined) return fallback;
  const x = requireNumber(fn, name, value);
  if (!Number.isInteger(x) || x < min || x > max) rangeFail(fn, `${name} (${describeValue(x)}) must be an integer from ${min} to ${max}`);
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
 */
export function summarizeScores(fn: string, name: string, scores: unknown, [min, max]: RatingScale, threshold: number = Infinity): ScoreSummary {
  const values = requireArrayLike(fn, name, scores);
  const sum = new NeumaierSum();
  let atLeast = 0;
  for (let i = 0; i < values.length; i++) {
    const s = values[i];
    if (typeof s !== 'number') typeFail(fn, `${name}[${i}] must be a number, got ${describeValue(s)}`);
    if (!Number.isInteger(s) || s < min || s > max) rangeFail(fn, `${name}[${i}] (${describeValue(s)}) must be an integer from ${min} to ${max}`);
    if (s >= threshold) atLeast++;
    sum.add(s);
  }
  return { n: values.length, atLeast, mean: sum.value() / values.length };
}
