import { rangeFail, requireNonNegative, requireObject } from '../internal/validate.ts';

/** Recurring-revenue movements for {@link grossRevenueRetention}. */
export interface GrossRevenueRetentionInput {
  /** Recurring revenue of the existing customers at the start of the period (R₀), money ≥ 0. */
  readonly start: number;
  /** Revenue lost to downgrades by customers who stayed (D), money ≥ 0. */
  readonly contraction: number;
  /** Revenue lost with customers who left (C), money ≥ 0. */
  readonly churned: number;
}

/**
 * Gross revenue retention (GRR): the share of the starting recurring revenue still earned from the
 * same customers at the end of the period, ignoring any expansion.
 *
 * The subscription-business counterpart of {@link retentionRate}, weighted by revenue. Revenue from
 * customers acquired during the period is excluded by definition; see {@link netRevenueRetention} for
 * the version that credits upsell. All amounts are money in one currency over one period (MRR or ARR).
 *
 * ```text
 * GRR = (R₀ − D − C) / R₀        (≤ 1)
 * ```
 *
 * D + C may exceed R₀ by a few units in the last place, the rounding of currency amounts such as
 * 0.1 + 0.2 against 0.3; such inputs are accepted and give 0.
 *
 * @param input - `start` (R₀), `contraction` (D) and `churned` (C), non-negative amounts of money with D + C ≤ R₀.
 * @returns A fraction in [0, 1]; `NaN` when `start` is 0.
 * @throws {TypeError} When the input is not an object or a field is not a number.
 * @throws {RangeError} When a field is negative or not finite, or `contraction + churned` exceeds `start`.
 * @example
 * ```ts
 * import { grossRevenueRetention } from 'loyalty-metrics';
 *
 * grossRevenueRetention({ start: 100000, contraction: 5000, churned: 8000 }); // => 0.87
 * ```
 * @category Rates
 */
export function grossRevenueRetention(input: GrossRevenueRetentionInput): number {
  const fn = 'grossRevenueRetention';
  const { start, contraction, churned } = requireObject(fn, 'input', input);
  const s = requireNonNegative(fn, 'start', start);
  const d = requireNonNegative(fn, 'contraction', contraction);
  const c = requireNonNegative(fn, 'churned', churned);
  const lost = d + c;
  // A relative slack of 4 ulps absorbs the rounding of decimal currency amounts, nothing more.
  if (lost > s + 4 * Number.EPSILON * s) rangeFail(fn, `contraction + churned (${lost}) must not exceed start (${s})`);
  return s === 0 ? Number.NaN : Math.max(0, s - d - c) / s;
}
