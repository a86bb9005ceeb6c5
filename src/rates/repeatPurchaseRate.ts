import { rangeFail, requireCount, requireObject } from '../internal/validate.ts';

/** Counts for {@link repeatPurchaseRate}. */
export interface RepeatPurchaseRateInput {
  /** Customers who bought at least once in the window (C). */
  readonly customers: number;
  /** Those of them who bought two or more times in the window (R). */
  readonly repeatCustomers: number;
}

/**
 * Repeat purchase rate: the share of a window's buying customers who bought again.
 *
 * A direct loyalty signal for non-contractual businesses (shops, marketplaces), where there is no
 * cancellation event from which to compute churn.
 *
 * ```text
 * RPR = R / C
 * ```
 *
 * @param input - `customers` (C) and `repeatCustomers` (R), non-negative integer counts with R ≤ C.
 * @returns A fraction in [0, 1]; `NaN` when `customers` is 0.
 * @throws {TypeError} When the input is not an object or a count is not a number.
 * @throws {RangeError} When a count is negative, fractional or not finite, or `repeatCustomers` exceeds `customers`.
 * @example
 * ```ts
 * import { repeatPurchaseRate } from 'loyalty-metrics';
 *
 * repeatPurchaseRate({ customers: 1000, repeatCustomers: 270 }); // => 0.27
 * ```
 * @category Rates
 */
export function repeatPurchaseRate(input: RepeatPurchaseRateInput): number {
  const fn = 'repeatPurchaseRate';
  const { customers, repeatCustomers } = requireObject(fn, 'input', input);
  const c = requireCount(fn, 'customers', customers);
  const r = requireCount(fn, 'repeatCustomers', repeatCustomers);
  if (r > c) rangeFail(fn, `repeatCustomers (${r}) must not exceed customers (${c})`);
  return c === 0 ? Number.NaN : r / c;
}
