import { readNumberOrArray } from '../../internal/input/customerSummary.ts';
import {
  readPeriod,
  readSbgParams,
  sbgLogSurvival,
  type ShiftedBetaGeometricParams,
} from '../../internal/models/sbgKernel.ts';

/**
 * Survival function of the sBG model: the share of a new cohort still active after t periods.
 *
 * ```text
 * S(t) = B(α, β + t)/B(α, β) = Π_{i=1..t} r(i),   S(0) = 1
 * ```
 *
 * Projecting survivors beyond the calibration periods is the model's main use: multiply by the cohort
 * size. Computed in log space (no underflow of the product for long horizons).
 * Reference: Fader & Hardie (2007), eq. (2).
 *
 * @param params - `{ alpha, beta }`.
 * @param t - Periods elapsed (≥ 0; fractional values interpolate smoothly), or an array (returns `number[]`).
 * @returns A fraction in [0, 1], non-increasing in t.
 * @throws {TypeError} When an argument has the wrong type.
 * @throws {RangeError} When a parameter is not positive or t < 0.
 * @example
 * ```ts
 * import { sbgSurvival } from 'loyalty-metrics';
 *
 * // Fader & Hardie (2007), High End: projected survivors in years 8–12
 * sbgSurvival({ alpha: 0.668, beta: 3.806 }, [8, 9, 10, 11, 12]); // => [0.460, 0.436, 0.414, 0.395, 0.378]
 * ```
 * @category Models
 */
export function sbgSurvival(params: ShiftedBetaGeometricParams, t: number): number;
export function sbgSurvival(params: ShiftedBetaGeometricParams, t: ArrayLike<number>): number[];
export function sbgSurvival(params: ShiftedBetaGeometricParams, t: number | ArrayLike<number>): number | number[] {
  const fn = 'sbgSurvival';
  const p = readSbgParams(fn, params);
  const { single, values } = readNumberOrArray(fn, 't', t, (name, v) => readPeriod(fn, name, v, 0));
  const out = Array.from(values, (s) => Math.exp(sbgLogSurvival(p, s)));
  return single ? (out[0] as number) : out;
}
