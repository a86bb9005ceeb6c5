import { rangeFail, requireCount, requireObject } from '../internal/validate.ts';

/** Counts for {@link churnRate}. */
export interface ChurnRateInput {
  /** Customers at the start of the period (S). */
  readonly start: number;
  /** Customers among those S who left during the period (L). */
  readonly lost: number;
}

/**
 * Customer churn (attrition) rate: the share of the customers present at the start of a period who
 * left during it.
 *
 * Only the starting customers count: someone acquired during the period is in neither S nor L. With
 * the same period's counts churn is the complement of {@link retentionRate}, because
 * L = S − (E − N), so churn = 1 − CRR. Use {@link convertChurnRate} to move between period lengths
 * (monthly → annual) and {@link expectedLifetime} for the implied average lifetime.
 *
 * ```text
 * churn = L / S
 * ```
 *
 * @param input - `start` (S) and `lost` (L), non-negative integer counts with L ≤ S.
 * @returns A fraction in [0, 1]; `NaN` when `start` is 0 (no population that could churn).
 * @throws {TypeError} When the input is not an object or a count is not a number.
 * @throws {RangeError} When a count is negative, fractional or not finite, or `lost` exceeds `start`.
 * @example
 * ```ts
 * import { churnRate } from 'loyalty-metrics';
 *
 * churnRate({ start: 1000, lost: 100 }); // => 0.1
 * churnRate({ start: 0, lost: 0 }); // => NaN
 * ```
 * @category Rates
 */
export function churnRate(input: ChurnRateInput): number {
  const fn = 'churnRate';
  const { start, lost } = requireObject(fn, 'input', input);
  const s = requireCount(fn, 'start', start);
  const l = requireCount(fn, 'lost', lost);
  if (l > s) rangeFail(fn, `lost (${l}) must not exceed start (${s})`);
  return s === 0 ? Number.NaN : l / s;
}
