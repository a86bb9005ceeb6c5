import { requireFraction, requireNonNegative, requireObject, withDefault } from '../internal/validate.ts';

/** Inputs of {@link simpleClv}. */
export interface SimpleClvInput {
  /** Average order value (for example {@link averageOrderValue}), money ≥ 0. */
  readonly averageOrderValue: number;
  /** Orders per customer per period (for example {@link purchaseFrequency} over a year), ≥ 0. */
  readonly purchaseFrequency: number;
  /** Expected customer lifespan in the same periods (for example {@link expectedLifetime}), finite and ≥ 0. */
  readonly lifespan: number;
  /** Gross margin as a fraction of revenue, in [0, 1]. Default 1 (revenue, not profit). */
  readonly margin?: number;
}

/**
 * Simple customer lifetime value: average order value × purchase frequency × expected lifespan
 * (× margin).
 *
 * The back-of-the-envelope CLV: undiscounted, and it assumes every customer keeps buying at the average
 * rate for the average lifespan. `purchaseFrequency` and `lifespan` must use the same period (orders
 * per year with a lifespan in years); mixing units is the usual mistake. For discounting and retention
 * use {@link retentionClv}.
 *
 * ```text
 * CLV = AOV · F · L · margin        (currency)
 * ```
 *
 * A lifespan of `Infinity` (what {@link expectedLifetime} returns for zero churn) is rejected: choose a
 * finite horizon instead.
 *
 * @param input - `averageOrderValue` (money ≥ 0), `purchaseFrequency` (≥ 0 per period), `lifespan`
 *   (≥ 0 periods) and optional `margin` (a fraction in [0, 1], default 1).
 * @returns The lifetime value in the currency of `averageOrderValue`, ≥ 0.
 * @throws {TypeError} When the input is not an object or a field is not a number.
 * @throws {RangeError} When a field is negative or not finite, or `margin` exceeds 1.
 * @example
 * ```ts
 * import { simpleClv } from 'loyalty-metrics';
 *
 * simpleClv({ averageOrderValue: 50, purchaseFrequency: 4, lifespan: 3 }); // => 600
 * simpleClv({ averageOrderValue: 50, purchaseFrequency: 4, lifespan: 3, margin: 0.3 }); // => 180
 * ```
 * @category Value
 */
export function simpleClv(input: SimpleClvInput): number {
  const fn = 'simpleClv';
  const { averageOrderValue, purchaseFrequency, lifespan, margin } = requireObject(fn, 'input', input);
  const aov = requireNonNegative(fn, 'averageOrderValue', averageOrderValue);
  const frequency = requireNonNegative(fn, 'purchaseFrequency', purchaseFrequency);
  const years = requireNonNegative(fn, 'lifespan', lifespan);
  const m = requireFraction(fn, 'margin', withDefault(margin, 1));
  return aov * frequency * years * m;
}
