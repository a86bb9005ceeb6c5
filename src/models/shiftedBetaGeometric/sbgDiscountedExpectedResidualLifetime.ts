import { hyp2f1 } from '../../internal/hypergeometric.ts';
import { readOptions, rangeFail, requireCount, requirePositive } from '../../internal/validate.ts';
import { readSbgParams, type ShiftedBetaGeometricParams } from '../../internal/models/sbgKernel.ts';

/** Options for {@link sbgDiscountedExpectedResidualLifetime}. */
export interface SbgDiscountedExpectedResidualLifetimeOptions {
  /** Discount rate per period d > 0 (e.g. 0.1 for 10 % a period). Required. */
  readonly discountRate: number;
  /** Renewals the customer has already made (n − 1 in Fader & Hardie); default 0. */
  readonly renewals?: number;
}

/**
 * Discounted expected residual lifetime (DERL) of an existing customer under the sBG model: the
 * expected number of future payments, discounted, for a customer who has made `renewals` renewals,
 * evaluated just before their next renewal decision.
 *
 * Multiply by the margin per period to value the customer (the "residual" CLV); with `renewals` = 0 it
 * is the discounted expected lifetime of a newly acquired customer after the first payment.
 *
 * ```text
 * n = renewals + 1
 * DERL = Σ_{t≥n} S(t)/S(n − 1) / (1 + d)^(t−n)
 *      = (β + n − 1)/(α + β + n − 1) · ₂F₁(1, β + n; α + β + n; 1/(1 + d))
 * ```
 *
 * Units: periods of the model (a payment per period), with d per period. The ₂F₁ near z = 1 (small d)
 * is evaluated with the 1 − z connection formula. Reference: Fader & Hardie (2010), "Customer-Base
 * Valuation in a Contractual Setting: The Perils of Ignoring Heterogeneity", Marketing Science 29(1).
 *
 * @param params - `{ alpha, beta }`.
 * @param options - `discountRate` (> 0, required) and `renewals` (non-negative integer, default 0).
 * @returns Discounted expected number of future payments (≥ 0); `Infinity` only in the limit d → 0 with α ≤ 1.
 * @throws {TypeError} When an argument has the wrong type.
 * @throws {RangeError} When a parameter or discountRate is not positive, or renewals is not a non-negative integer (or above 1e9).
 * @example
 * ```ts
 * import { sbgDiscountedExpectedResidualLifetime } from 'loyalty-metrics';
 *
 * sbgDiscountedExpectedResidualLifetime({ alpha: 0.668, beta: 3.806 }, { discountRate: 0.1, renewals: 4 }); // => 6.897
 * ```
 * @category Models
 */
export function sbgDiscountedExpectedResidualLifetime(
  params: ShiftedBetaGeometricParams,
  options: SbgDiscountedExpectedResidualLifetimeOptions,
): number {
  const fn = 'sbgDiscountedExpectedResidualLifetime';
  const p = readSbgParams(fn, params);
  const o = readOptions(fn, options, ['discountRate', 'renewals']);
  const d = requirePositive(fn, 'discountRate', o.discountRate);
  const renewals = o.renewals === undefined ? 0 : requireCount(fn, 'renewals', o.renewals);
  if (renewals > 1e9) rangeFail(fn, `renewals (${renewals}) must not exceed 1000000000`);
  const n = renewals + 1;
  const b1 = p.beta + (n - 1);
  const first = b1 / (p.alpha + b1);
  const z = 1 / (1 + d);
  // d so small that 1/(1 + d) rounds to 1: Gauss's sum, (β + n − 1)/(α − 1) for α > 1, else infinite.
  if (z >= 1) return p.alpha > 1 ? b1 / (p.alpha - 1) : Infinity;
  // Bounds: the first term ≤ DERL ≤ first/(1 − z) (retention never above the first step's), and
  // ≤ (β + n − 1)/(α − 1), the undiscounted residual lifetime, when α > 1.
  const upper = Math.min(first / (1 - z), p.alpha > 1 ? b1 / (p.alpha - 1) : Infinity);
  const series = discountedSeries(p.alpha, b1, z);
  const value = series ?? first * hyp2f1(1, b1 + 1, p.alpha + b1 + 1, z);
  return Math.min(upper, Math.max(first, value));
}

/**
 * Σ_{k≥0} zᵏ·E[(1 − θ)^(k+1)] with θ ~ Beta(α, b1): every term positive, each from the last by the factor
 * z·(b1 + k + 1)/(α + b1 + k + 1), so nothing cancels (the ₂F₁'s connection formula lost every digit at
 * β = 1e4). `undefined` when it would need more than 200,000 terms (d below about 2e-4).
 */
function discountedSeries(alpha: number, b1: number, z: number): number | undefined {
  if (-Math.log(z) * 200_000 < 40) return undefined;
  let term = b1 / (alpha + b1);
  let sum = term;
  for (let k = 1; k <= 200_000; k++) {
    term *= (z * (b1 + k)) / (alpha + b1 + k);
    sum += term;
    if (term <= 1e-17 * sum * (1 - z)) return sum; // the rest is below term·z/(1 − z)
  }
  return sum;
}
