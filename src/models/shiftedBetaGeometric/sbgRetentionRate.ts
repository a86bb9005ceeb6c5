import { readNumberOrArray } from '../../internal/input/customerSummary.ts';
import { readPeriod, readSbgParams, type ShiftedBetaGeometricParams } from '../../internal/models/sbgKernel.ts';

/**
 * Retention rate of period t under the sBG model: the share of customers active in period t − 1 who
 * renew for period t.
 *
 * ```text
 * r(t) = (β + t − 1)/(α + β + t − 1),   t = 1, 2, …
 * ```
 *
 * It increases with t: the churn-prone leave first (heterogeneity, not a change in any customer).
 * The per-period churn rate of survivors is 1 − r(t). Reference: Fader & Hardie (2007), eq. (4).
 *
 * @param params - `{ alpha, beta }`.
 * @param t - Period (≥ 1), or an array of periods (returns `number[]`).
 * @returns A fraction in [0, 1].
 * @throws {TypeError} When an argument has the wrong type.
 * @throws {RangeError} When a parameter is not positive or t < 1.
 * @example
 * ```ts
 * import { sbgRetentionRate } from 'loyalty-metrics';
 *
 * sbgRetentionRate({ alpha: 0.668, beta: 3.806 }, 1); // => 0.8507
 * sbgRetentionRate({ alpha: 0.668, beta: 3.806 }, [1, 8]); // => [0.8507, 0.9418]
 * ```
 * @category Models
 */
export function sbgRetentionRate(params: ShiftedBetaGeometricParams, t: number): number;
export function sbgRetentionRate(params: ShiftedBetaGeometricParams, t: ArrayLike<number>): number[];
export function sbgRetentionRate(params: ShiftedBetaGeometricParams, t: number | ArrayLike<number>): number | number[] {
  const fn = 'sbgRetentionRate';
  const p = readSbgParams(fn, params);
  const { single, values } = readNumberOrArray(fn, 't', t, (name, v) => readPeriod(fn, name, v, 1));
  const out = Array.from(values, (s) => (p.beta + s - 1) / (p.alpha + p.beta + s - 1));
  return single ? (out[0] as number) : out;
}
