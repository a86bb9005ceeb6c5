import { readNumberOrArray } from '../../internal/input/customerSummary.ts';
import { describeValue, rangeFail, typeFail } from '../../internal/validate.ts';
import {
  bgBbPurchaseProbabilityOne,
  readBgBbParams,
  readOpportunities,
  type BgBbParams,
} from '../../internal/models/bgBbKernel.ts';

/**
 * Probability that a randomly chosen new customer makes exactly x repeat transactions in the first n
 * opportunities, under the BG/BB model.
 *
 * ```text
 * P(X(n) = x) = C(n, x)·B(α + x, β + n − x)/B(α, β)·B(γ, δ + n)/B(γ, δ)
 *             + Σ_{i=x}^{n−1} C(i, x)·B(α + x, β + i − x)/B(α, β)·B(γ + 1, δ + i)/B(γ, δ)
 * ```
 *
 * Summed in log space. Over x = 0…n the probabilities add up to 1; multiplied by a cohort's size they
 * give the histogram of repeat transactions to compare with the data. Reference: Fader, Hardie & Shang
 * (2010), eq. (7).
 *
 * @param params - Fitted `{ alpha, beta, gamma, delta }`.
 * @param opportunities - n, an integer from 0 to 1,000,000.
 * @param x - The number of transactions (a non-negative integer), or an array of them (returns `number[]`).
 * @returns A probability in [0, 1]; 0 when x > n.
 * @throws {TypeError} When an argument has the wrong type.
 * @throws {RangeError} When a parameter is not positive, n is out of range, or x is not a non-negative integer.
 * @example
 * ```ts
 * import { bgBbPurchaseProbability } from 'loyalty-metrics';
 *
 * const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * 11104 * bgBbPurchaseProbability(params, 6, 0); // => 3455.8
 * bgBbPurchaseProbability(params, 6, [0, 6]); // => [0.3112, 0.1128]
 * ```
 * @category Models
 */
export function bgBbPurchaseProbability(params: BgBbParams, opportunities: number, x: number): number;
export function bgBbPurchaseProbability(params: BgBbParams, opportunities: number, x: ArrayLike<number>): number[];
export function bgBbPurchaseProbability(
  params: BgBbParams,
  opportunities: number,
  x: number | ArrayLike<number>,
): number | number[] {
  const fn = 'bgBbPurchaseProbability';
  const p = readBgBbParams(fn, params);
  const n = readOpportunities(fn, 'opportunities', opportunities, true);
  const { single, values } = readNumberOrArray(fn, 'x', x, (name, v) => {
    if (typeof v !== 'number') typeFail(fn, `${name} must be a number, got ${describeValue(v)}`);
    if (!Number.isInteger(v) || v < 0) rangeFail(fn, `${name} (${describeValue(v)}) must be a non-negative integer`);
    return v;
  });
  const out = Array.from(values, (k) => bgBbPurchaseProbabilityOne(p, n, k));
  return single ? (out[0] as number) : out;
}
