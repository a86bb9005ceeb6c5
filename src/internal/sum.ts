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
