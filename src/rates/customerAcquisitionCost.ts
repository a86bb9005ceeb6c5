import { requireCount, requireNonNegative, requireObject } from '../internal/validate.ts';

/** Totals for {@link customerAcquisitionCost}. */
export interface CustomerAcquisitionCostInput {
  /** Sales and marketing spend on acquisition in the window (A), a non-negative amount of money. */
  readonly spend: number;
  /** Customers acquired in the window (N), a non-negative integer. */
  readonly newCustomers: number;
}

/**
 * Customer acquisition cost (CAC): acquisition spend per new customer.
 *
 * The denominator of {@link ltvToCac}. Include in A only spend aimed at winning customers; retention
 * spend belongs to {@link acquisitionToRetentionCostRatio}.
 *
 * ```text
 * CAC = A / N        (currency per new customer)
 * ```
 *
 * @param input - `spend` (A, money ≥ 0) and `newCustomers` (N, a non-negative integer count).
 * @returns A non-negative amount of money; `NaN` when `newCustomers` is 0 (spend that won nobody has
 *   no per-customer cost).
 * @throws {TypeError} When the input is not an object or a field is not a number.
 * @throws {RangeError} When `spend` is negative or not finite, or `newCustomers` is negative, fractional or not finite.
 * @example
 * ```ts
 * import { customerAcquisitionCost } from 'loyalty-metrics';
 *
 * customerAcquisitionCost({ spend: 50000, newCustomers: 400 }); // => 125
 * ```
 * @category Rates
 */
export function customerAcquisitionCost(input: CustomerAcquisitionCostInput): number {
  const fn = 'customerAcquisitionCost';
  const { spend, newCustomers } = requireObject(fn, 'input', input);
  const a = requireNonNegative(fn, 'spend', spend);
  const n = requireCount(fn, 'newCustomers', newCustomers);
  return n === 0 ? Number.NaN : a / n;
}
