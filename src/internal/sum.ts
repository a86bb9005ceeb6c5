/**
 * Compensated (Neumaier) summation.
 *
 * Neumaier's improvement of Kahan summation keeps a running compensation term so that the result
 * is exact to within one rounding of the true sum for any order of terms; in particular sums of
 * integers below 2^53 are exact. Reference: A. Neumaier (1974), "Rundungsfehleranalyse einiger
 * Verfahren zur Summation endlicher Summen", ZAMM 54.
 * @internal
 * @module
 */

/** Incremental compensated accumulator, for loops that cannot build an array first. */
export class NeumaierSum {
  private sum = 0;
  private compensation = 0;

  /** Adds one term. */
  add(x: number): void {
    const t = this.sum + x;
    if (Math.abs(this.sum) >= Math.abs(x)) this.compensation += this.sum - t + x;
    else this.compensation += x - t + this.sum;
    this.sum = t;
  }

  /** The compensated total so far. */
  value(): number {
    return this.sum + this.compensation;
  }
}

/**
 * Compensated sum of an array-like of numbers.
 * @example
 * ```ts
 * import { compensatedSum } from './sum.ts';
 *
 * [1e16, 1, -1e16].reduce((a, b) => a + b); // => 0
 * compensatedSum([1e16, 1, -1e16]); // => 1
 * ```
 */
export function compensatedSum(values: ArrayLike<number>): number {
  const acc = new NeumaierSum();
  for (let i = 0; i < values.length; i++) acc.add(values[i] as number);
  return acc.value();
}

/**
 * Adds `x` to the compensated sum kept in a flat array: the sum at index `at`, its compensation at `at + 1`.
 * Knuth's TwoSum gives the exact rounding error of each addition without a branch (the same error as
 * Neumaier's branch on |sum| ≥ |x|); the total is `f64[at] + f64[at + 1]`. For kernels that keep many sums
 * side by side in one typed array (one per customer or per cell), where a {@link NeumaierSum} object each
 * would cost an allocation.
 * @example
 * ```ts
 * import { addTwoSum } from './sum.ts';
 *
 * const sums = new Float64Array(2);
 * for (const x of [1, 1e100, 1, -1e100]) addTwoSum(sums, 0, x);
 * sums[0] + sums[1]; // => 2
 * ```
 */
export function addTwoSum(f64: Float64Array, at: number, x: number): void {
  const a = f64[at] as number;
  const t = a + x;
  const z = t - a;
  f64[at + 1] = (f64[at + 1] as number) + (a - (t - z) + (x - z));
  f64[at] = t;
}

/**
 * Adds two unevaluated sums `hi + lo` (double-double pairs) with error-free transformations: Knuth's TwoSum of
 * the high parts, the low parts and that error added, then TwoSum again so the result is a canonical pair
 * (`hi` = the rounded total, `lo` = what rounding left out). Symmetric in its two arguments, bit for bit.
 * Every step is exact, and so the result is exactly the sum, whenever the exact total and the low parts fit in
 * the pair (e.g. values that are multiples of a common power of two 2^q with totals below 2^(q + 100));
 * then adding pairs is associative too. Writes the result to `out[at]`, `out[at + 1]` (−0 is written as 0).
 * @example
 * ```ts
 * import { addPairs } from './sum.ts';
 *
 * const out = new Float64Array(2);
 * // 0.1 + 0.2 as a pair: the rounded sum and the exact rounding error
 * addPairs(0.1, 0, 0.2, 0, out, 0);
 * [out[0], out[1]]; // => [0.30000000000000004, -2.7755575615628914e-17]
 * // + 0.3: the exact sum of the three numbers, rounded once (0.1 + 0.2 + 0.3 in a running sum gives 0.6000000000000001)
 * addPairs(out[0], out[1], 0.3, 0, out, 0);
 * out[0] === 0.6; // => true
 * ```
 */
export function addPairs(h1: number, l1: number, h2: number, l2: number, out: Float64Array, at: number): void {
  const s = h1 + h2;
  const b = s - h1;
  const e = h1 - (s - b) + (h2 - b);
  const t = l1 + l2 + e;
  const h = s + t;
  const c = h - s;
  out[at] = h + 0;
  out[at + 1] = s - (h - c) + (t - c) + 0;
}
