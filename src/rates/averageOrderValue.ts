import { requireCount, requireNonNegative, requireObject } from '../internal/validate.ts';

/** Totals for {@link averageOrderValue}. */
export interface AverageOrderValueInput {
  /** Revenue of the orders (V), a non-negative amount of money. */
  readonly revenue: number;
  /** Number of orders (O), a non-negative integer. */
  readonly orders: number;
}

/**
 * Average order value: revenue per order.
 *
 * One factor of {@link simpleClv}. Money is a plain number in the caller's currency; use revenue net of
 * refunds if refunds matter, but the total itself must not be negative.
 *
 * ```text
 * AOV = V / O        (currency per order)
 * ```
 *
 * @param input - `revenue` (V, money ≥ 0) and `orders` (O, a non-negative integer count).
 * @returns A non-negative amount of money; `NaN` when `orders` is 0.
 * @throws {TypeError} When the input is not an object or a field is not a number.
 * @throws {RangeError} When `revenue` is negative or not finite, or `orders` is negative, fractional or not finite.
 * @example
 * ```ts
 * import { averageOrderValue } from 'loyalty-metrics';
 *
 * averageOrderValue({ revenue: 125000, orders: 2500 }); // => 50
 * ```
 * @category Rates
 */
export function averageOrderValue(input: AverageOrderValueInput): number {
  const fn = 'averageOrderValue';
  const { revenue, orders } = requireObject(fn, 'input', input);
  const v = requireNonNegative(fn, 'revenue', revenue);
  const o = requireCount(fn, 'orders', orders);
  return o === 0 ? Number.NaN : v / o;
}
