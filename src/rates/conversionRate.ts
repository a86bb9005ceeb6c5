import { rangeFail, requireCount, requireObject } from '../internal/validate.ts';

/** Counts for {@link conversionRate}. */
export interface ConversionRateInput {
  /** Opportunities that converted (K): purchases, sign-ups, renewals. */
  readonly conversions: number;
  /** Eligible opportunities (M): visitors, sessions, leads or trials. */
  readonly opportunities: number;
}

/**
 * Conversion rate: the share of eligible opportunities that converted.
 *
 * Count each opportunity at most once, so that K ≤ M; for the uncertainty of the estimate use
 * {@link wilsonInterval} on the same counts.
 *
 * ```text
 * CR = K / M
 * ```
 *
 * @param input - `conversions` (K) and `opportunities` (M), non-negative integer counts with K ≤ M.
 * @returns A fraction in [0, 1]; `NaN` when `opportunities` is 0.
 * @throws {TypeError} When the input is not an object or a count is not a number.
 * @throws {RangeError} When a count is negative, fractional or not finite, or `conversions` exceeds `opportunities`.
 * @example
 * ```ts
 * import { conversionRate } from 'loyalty-metrics';
 *
 * conversionRate({ conversions: 36, opportunities: 1200 }); // => 0.03
 * ```
 * @category Rates
 */
export function conversionRate(input: ConversionRateInput): number {
  const fn = 'conversionRate';
  const { conversions, opportunities } = requireObject(fn, 'input', input);
  const k = requireCount(fn, 'conversions', conversions);
  const m = requireCount(fn, 'opportunities', opportunities);
  if (k > m) rangeFail(fn, `conversions (${k}) must not exceed opportunities (${m})`);
  return m === 0 ? Number.NaN : k / m;
}
