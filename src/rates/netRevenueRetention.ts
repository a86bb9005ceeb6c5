import { rangeFail, requireNonNegative, requireObject } from '../internal/validate.ts';

/** Recurring-revenue movements for {@link netRevenueRetention}. */
export interface NetRevenueRetentionInput {
  /** Recurring revenue of the existing customers at the start of the period (R₀), money ≥ 0. */
  readonly start: number;
  /** Revenue added by upgrades and upsell to those same customers (X), money ≥ 0. */
  readonly expansion: number;
  /** Revenue lost to downgrades by customers who stayed (D), money ≥ 0. */
  readonly contraction: number;
  /** Revenue lost with customers who left (C), money ≥ 0. */
  readonly churned: number;
}

/**
 * Net revenue retention (NRR, also net dollar retention): the starting customers' recurring revenue at
 * the end of the period, expansion included, as a share of what they paid at its start.
 *
 * Above 1 the existing base grows on its own. Revenue from customers acquired during the period is
 * excluded by definition. Never below {@link grossRevenueRetention} for the same movements. All amounts
 * are money in one currency over one period (MRR or ARR).
 *
 * ```text
 * NRR = (R₀ + X − D − C) / R₀        (≥ 0, may exceed 1)
 * ```
 *
 * D + C may exceed R₀ by a few units in the last place (currency rounding such as 0.1 + 0.2 against
 * 0.3); such inputs are accepted and treated as losing all of R₀.
 *
 * @param input - `start` (R₀), `expansion` (X), `contraction` (D) and `churned` (C), non-negative
 *   amounts of money with D + C ≤ R₀.
 * @returns A non-negative ratio; `NaN` when `start` is 0.
 * @throws {TypeError} When the input is not an object or a field is not a number.
 * @throws {RangeError} When a field is negative or not finite, or `contraction + churned` exceeds `start`.
 * @example
 * ```ts
 * import { netRevenueRetention } from 'loyalty-metrics';
 *
 * netRevenueRetention({ start: 100000, expansion: 20000, contraction: 5000, churned: 8000 }); // => 1.07
 * ```
 * @category Rates
 */
export function netRevenueRetention(input: NetRevenueRetentionInput): number {
  const fn = 'netRevenueRetention';
  const { start, expansion, contraction, churned } = requireObject(fn, 'input', input);
  const s = requireNonNegative(fn, 'start', start);
  const x = requireNonNegative(fn, 'expansion', expansion);
  const d = requireNonNegative(fn, 'contraction', contraction);
  const c = requireNonNegative(fn, 'churned', churned);
  const lost = d + c;
  // A relative slack of 4 ulps absorbs the rounding of decimal currency amounts, nothing more.
  if (lost > s + 4 * Number.EPSILON * s) rangeFail(fn, `contraction + churned (${lost}) must not exceed start (${s})`);
  // Kept revenue is clamped as in grossRevenueRetention and the expansion share added to it, so
  // NRR ≥ GRR holds exactly and R₀ + X cannot overflow.
  return s === 0 ? Number.NaN : Math.max(0, s - d - c) / s + x / s;
}
