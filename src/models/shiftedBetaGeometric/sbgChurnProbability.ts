import { readNumberOrArray } from '../../internal/input/customerSummary.ts';
import {
  readPeriod,
  readSbgParams,
  sbgLogChurn,
  type ShiftedBetaGeometricParams,
} from '../../internal/models/sbgKernel.ts';

/**
 * Probability that a new customer's lifetime ends in period t under the sBG model, P(T = t): the
 * share of the original cohort that churns in period t.
 *
 * ```text
 * P(T = t) = B(α + 1, β + t − 1)/B(α, β) = S(t − 1) − S(t),   t = 1, 2, …
 * ```
 *
 * This is unconditional (a share of the starting cohort). The conditional churn rate among customers
 * still active in period t − 1 is 1 − `sbgRetentionRate(params, t)`.
 * Reference: Fader & Hardie (2007), eq. (1).
 *
 * @param params - `{ alpha, beta }`.
 * @param t - Period (≥ 1), or an array of periods (returns `number[]`).
 * @returns A probability in [0, 1]; summed over t = 1, 2, … it is 1.
 * @throws {TypeError} When an argument has the wrong type.
 * @throws {RangeError} When a parameter is not positive or t < 1.
 * @example
 * ```ts
 * import { sbgChurnProbability } from 'loyalty-metrics';
 *
 * sbgChurnProbability({ alpha: 0.668, beta: 3.806 }, 1); // => 0.1493
 * ```
 * @category Models
 */
export function sbgChurnProbability(params: ShiftedBetaGeometricParams, t: number): number;
export function sbgChurnProbability(params: ShiftedBetaGeometricParams, t: ArrayLike<number>): number[];
export function sbgChurnProbability(
  params: ShiftedBetaGeometricParams,
  t: number | ArrayLike<number>,
): number | number[] {
  const fn = 'sbgChurnProbability';
  const p = readSbgParams(fn, params);
  const { single, values } = readNumberOrArray(fn, 't', t, (name, v) => readPeriod(fn, name, v, 1));
  const out = Array.from(values, (s) => Math.exp(sbgLogChurn(p, s)));
  return single ? (out[0] as number) : out;
}
