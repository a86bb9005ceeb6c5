import { rangeFail, requireCount, requireObject } from '../internal/validate.ts';

/** Counts for {@link retentionRate}. */
export interface RetentionRateInput {
  /** Customers at the start of the period (S). */
  readonly start: number;
  /** Customers at the end of the period (E), including those acquired during it. */
  readonly end: number;
  /** Customers acquired during the period (N). */
  readonly acquired: number;
}

/**
 * Customer retention rate (CRR): the share of the customers present at the start of a period who are
 * still customers at its end.
 *
 * New customers acquired during the period are removed from the end count, so growth does not
 * masquerade as retention.
 *
 * ```text
 * CRR = (E − N) / S
 * ```
 *
 * @param input - `start` (S), `end` (E) and `acquired` (N), non-negative integer counts.
 * @returns A fraction in [0, 1]; `NaN` when `start` is 0 (no population to retain).
 * @throws {TypeError} When the input is not an object or a count is not a number.
 * @throws {RangeError} When a count is negative, fractional or not finite; when E − N is negative;
 *   when E − N exceeds S.
 * @example
 * ```ts
 * import { retentionRate } from 'loyalty-metrics';
 *
 * retentionRate({ start: 1000, end: 1100, acquired: 200 }); // => 0.9
 * ```
 * @category Rates
 */
export function retentionRate(input: RetentionRateInput): number {
  const fn = 'retentionRate';
  const { start, end, acquired } = requireObject(fn, 'input', input);
  const s = requireCount(fn, 'start', start);
  const e = requireCount(fn, 'end', end);
  const n = requireCount(fn, 'acquired', acquired);
  const retained = e - n;
  if (retained < 0) rangeFail(fn, `end − acquired (${retained}) must not be negative (acquired ${n} exceeds end ${e})`);
  if (retained > s) rangeFail(fn, `end − acquired (${retained}) must not exceed start (${s})`);
  return s === 0 ? Number.NaN : retained / s;
}
