import { readNumberOrArray } from '../../internal/input/customerSummary.ts';
import {
  bgBbExpectedOne,
  readBgBbParams,
  readOpportunities,
  type BgBbParams,
} from '../../internal/models/bgBbKernel.ts';

/**
 * Expected number of repeat transactions E[X(n)] in the first n opportunities for a randomly chosen
 * new customer, under the BG/BB model.
 *
 * ```text
 * E[X(n)] = α/(α + β) · δ/(γ − 1) · [1 − Γ(γ + δ)Γ(1 + δ + n) / (Γ(γ + δ + n)Γ(1 + δ))]
 * ```
 *
 * Multiply by a cohort's size to forecast its transactions. Reference: Fader, Hardie & Shang (2010), eq. (9).
 *
 * @param params - Fitted `{ alpha, beta, gamma, delta }`.
 * @param opportunities - n, an integer from 0 to 1,000,000, or an array of them (returns `number[]`).
 * @returns Expected transactions, non-decreasing in n; 0 at n = 0.
 * @throws {TypeError} When params or opportunities have the wrong type.
 * @throws {RangeError} When a parameter is not positive or n is not an integer in range.
 * @example
 * ```ts
 * import { bgBbExpectedPurchases } from 'loyalty-metrics';
 *
 * const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * bgBbExpectedPurchases(params, [1, 6]); // => [0.4985, 2.2196]
 * ```
 * @category Models
 */
export function bgBbExpectedPurchases(params: BgBbParams, opportunities: number): number;
export function bgBbExpectedPurchases(params: BgBbParams, opportunities: ArrayLike<number>): number[];
export function bgBbExpectedPurchases(
  params: BgBbParams,
  opportunities: number | ArrayLike<number>,
): number | number[] {
  const fn = 'bgBbExpectedPurchases';
  const p = readBgBbParams(fn, params);
  const { single, values } = readNumberOrArray(fn, 'opportunities', opportunities, (name, v) =>
    readOpportunities(fn, name, v, true),
  );
  const out = Array.from(values, (n) => bgBbExpectedOne(p, n));
  return single ? (out[0] as number) : out;
}
