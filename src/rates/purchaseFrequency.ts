import { requireCount, requireObject } from '../internal/validate.ts';

/** Counts for {@link purchaseFrequency}. */
export interface PurchaseFrequencyInput {
  /** Orders placed in the window (O). */
  readonly orders: number;
  /** Customers the orders are spread over (C): usually those who ordered at least once in the window. */
  readonly customers: number;
}

/**
 * Purchase frequency: orders per customer in a window.
 *
 * One factor of {@link simpleClv} (average order value × purchase frequency × lifespan). The window
 * fixes the unit: orders per year when the counts cover a year.
 *
 * ```text
 * F = O / C        (orders per customer per window)
 * ```
 *
 * @param input - `orders` (O) and `customers` (C), non-negative integer counts.
 * @returns A non-negative number (not a fraction: it exceeds 1 when customers order repeatedly);
 *   `NaN` when `customers` is 0.
 * @throws {TypeError} When the input is not an object or a count is not a number.
 * @throws {RangeError} When a count is negative, fractional or not finite.
 * @example
 * ```ts
 * import { purchaseFrequency } from 'loyalty-metrics';
 *
 * purchaseFrequency({ orders: 2500, customers: 1000 }); // => 2.5
 * ```
 * @category Rates
 */
export function purchaseFrequency(input: PurchaseFrequencyInput): number {
  const fn = 'purchaseFrequency';
  const { orders, customers } = requireObject(fn, 'input', input);
  const o = requireCount(fn, 'orders', orders);
  const c = requireCount(fn, 'customers', customers);
  return c === 0 ? Number.NaN : o / c;
}
