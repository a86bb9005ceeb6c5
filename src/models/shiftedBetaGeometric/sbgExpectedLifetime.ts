import { readSbgParams, type ShiftedBetaGeometricParams } from '../../internal/models/sbgKernel.ts';

/**
 * Expected lifetime of a new customer under the sBG model, in periods (counting the period in which
 * they churn).
 *
 * ```text
 * E[T] = Σ_{t≥0} S(t) = (α + β − 1)/(α − 1)     for α > 1;  infinite for α ≤ 1
 * ```
 *
 * With α ≤ 1 the beta distribution puts so much mass near θ = 0 (customers who almost never churn)
 * that the mean lifetime diverges even though every customer eventually churns; use the median or a
 * discounted measure (`sbgDiscountedExpectedResidualLifetime`) instead.
 * Reference: Fader & Hardie (2007); closed form by Gauss's summation of ₂F₁(β, 1; α + β; 1).
 *
 * @param params - `{ alpha, beta }`.
 * @returns Periods (≥ 1), or `Infinity` when α ≤ 1.
 * @throws {TypeError} When params is not an object of numbers.
 * @throws {RangeError} When a parameter is not positive.
 * @example
 * ```ts
 * import { sbgExpectedLifetime } from 'loyalty-metrics';
 *
 * sbgExpectedLifetime({ alpha: 3, beta: 5 }); // => 3.5
 * sbgExpectedLifetime({ alpha: 0.668, beta: 3.806 }); // => Infinity
 * ```
 * @category Models
 */
export function sbgExpectedLifetime(params: ShiftedBetaGeometricParams): number {
  const p = readSbgParams('sbgExpectedLifetime', params);
  if (p.alpha <= 1) return Infinity;
  return (p.alpha + p.beta - 1) / (p.alpha - 1);
}
