import { requireNonNegative, requireObject } from '../internal/validate.ts';

/** Amounts for {@link ltvToCac}. */
export interface LtvToCacInput {
  /** Lifetime value of a customer (LTV), gross of acquisition cost, a non-negative amount of money. */
  readonly ltv: number;
  /** Customer acquisition cost (CAC), a non-negative amount of money in the same currency. */
  readonly cac: number;
}

/**
 * LTV:CAC ratio: how many times a customer's lifetime value repays the cost of acquiring them.
 *
 * Around 3 is the usual rule of thumb for a healthy business; below 1 each new customer loses money.
 * Pass an LTV gross of acquisition cost (for example {@link retentionClv} without `acquisitionCost`):
 * subtracting CAC from LTV first would count it twice. The ratio is unit-free, so both amounts must be
 * in the same currency.
 *
 * ```text
 * ratio = LTV / CAC
 * ```
 *
 * @param input - `ltv` and `cac`, non-negative amounts of money.
 * @returns A non-negative ratio; `NaN` when `cac` is 0.
 * @throws {TypeError} When the input is not an object or a field is not a number.
 * @throws {RangeError} When a field is negative or not finite.
 * @example
 * ```ts
 * import { ltvToCac } from 'loyalty-metrics';
 *
 * ltvToCac({ ltv: 375, cac: 125 }); // => 3
 * ```
 * @category Rates
 */
export function ltvToCac(input: LtvToCacInput): number {
  const fn = 'ltvToCac';
  const { ltv, cac } = requireObject(fn, 'input', input);
  const value = requireNonNegative(fn, 'ltv', ltv);
  const cost = requireNonNegative(fn, 'cac', cac);
  return cost === 0 ? Number.NaN : value / cost;
}
