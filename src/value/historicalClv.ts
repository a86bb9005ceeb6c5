import { NeumaierSum } from '../internal/sum.ts';
import { readOptions, requireArrayLike, requireFraction, requireNumber, withDefault } from '../internal/validate.ts';

/** Options for {@link historicalClv}. */
export interface HistoricalClvOptions {
  /** Gross margin as a fraction of each purchase value, in [0, 1]. Default 1 (revenue, not profit). */
  readonly margin?: number;
}

/**
 * Historical customer lifetime value: what one customer has spent so far, optionally turned into
 * profit by a margin.
 *
 * Backward-looking and model-free: the sum of the customer's purchase values. For a whole transaction
 * log use {@link historicalClvByCustomer}; for a forecast use {@link retentionClv} or {@link simpleClv}.
 * The sum is compensated (Neumaier), so long histories of cents do not drift and integer amounts
 * below 2^53 add up exactly.
 *
 * ```text
 * CLV = margin · Σⱼ vⱼ        (currency)
 * ```
 *
 * Values are finite amounts of money; a negative value (a refund) is allowed and reduces the total.
 * No purchases give 0 (an empty sum), not `NaN`. Overflow rule: the sum is rescaled by 2⁻⁶⁴ when a partial sum
 * overflows, so only the result decides: margin · Σ beyond the largest double (≈ 1.8e308) is `±Infinity`, any
 * total within it is returned finite (never `NaN` for finite values).
 *
 * @param values - Purchase values of one customer (an array or typed array), in one currency.
 * @param options - `margin`, a fraction in [0, 1] (default 1).
 * @returns The margin times the sum of the values; 0 for no values; ±Infinity when that exceeds the double range.
 * @throws {TypeError} When `values` is not an array, a value is not a number, or `options` is not an object.
 * @throws {RangeError} When a value is not finite, or `margin` is outside [0, 1] or not finite.
 * @example
 * ```ts
 * import { historicalClv } from 'loyalty-metrics';
 *
 * historicalClv([100, 200, 300]); // => 600
 * historicalClv([100, 200, 300], { margin: 0.25 }); // => 150
 * // overflow: Infinity when the total is out of range, finite when only a partial sum was
 * historicalClv([1e308, 1e308]); // => Infinity
 * historicalClv([1e308, 1e308], { margin: 0.25 }); // => 5e307
 * historicalClv([1e308, 1e308, -1e308]); // => 1e308
 * ```
 * @category Value
 */
export function historicalClv(values: ArrayLike<number>, options?: HistoricalClvOptions): number {
  const fn = 'historicalClv';
  const list = requireArrayLike(fn, 'values', values);
  const { margin } = readOptions(fn, options, ['margin']);
  const m = requireFraction(fn, 'options.margin', withDefault(margin, 1));
  const total = new NeumaierSum();
  for (let j = 0; j < list.length; j++) total.add(requireNumber(fn, `values[${j}]`, list[j]));
  return total.value(m);
}
