import {
  bgBbOverPatterns,
  bgBbProbabilityAliveOne,
  readBgBbCustomers,
  readBgBbParams,
  readFuturePeriods,
  type BgBbCustomer,
  type BgBbCustomers,
  type BgBbParams,
} from '../../internal/models/bgBbKernel.ts';
import { BGBB_COLUMNS, readOut, resultFor } from '../../internal/input/output.ts';
import type { PredictionInto, PredictionOutputOptions } from '../types.ts';

/** Options for {@link bgBbProbabilityAlive}. */
export interface BgBbProbabilityAliveOptions extends PredictionOutputOptions {
  /**
   * m: how many opportunities after the last observed one (a non-negative integer). 0 (default) is
   * "alive now"; 1 is "alive at the next opportunity", the quantity tabulated by Fader, Hardie & Shang.
   */
  readonly futurePeriods?: number;
}

/**
 * Probability that a customer of a discrete-opportunity business is still alive m opportunities after
 * the last observed one, under the BG/BB model.
 *
 * A donor who gave in every one of the last years is almost surely still active; one who gave twice
 * early on and then skipped several years probably is not — but may simply have a low giving
 * probability. BG/BB weighs the two explanations.
 *
 * ```text
 * P(alive at n + m | x, tₓ, n) = B(α + x, β + n − x)/B(α, β) · B(γ, δ + n + m)/B(γ, δ) / L(α, β, γ, δ | x, tₓ, n)
 * ```
 *
 * Reference: Fader, Hardie & Shang (2010), eq. (11) (m = 1) and Table 6.
 *
 * @param params - Fitted `{ alpha, beta, gamma, delta }`.
 * @param customer - One `{ frequency, recency, opportunities }` (returns a number), an array or columns (returns `number[]`, or `options.out` filled).
 * @param options - `futurePeriods` m (default 0); `out`: a caller-owned `Float64Array` with one element per customer to write the results into, returned in place of a new `number[]` (see {@link PredictionOutputOptions}).
 * @returns A probability in [0, 1] per customer, non-increasing in m.
 * @throws {TypeError} When an argument has the wrong type.
 * @throws {RangeError} When a parameter is not positive, a summary is inconsistent, or `futurePeriods` is
 *   not an integer from 0 to 1,000,000.
 * @example
 * ```ts
 * import { bgBbProbabilityAlive } from 'loyalty-metrics';
 *
 * const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * bgBbProbabilityAlive(params, { frequency: 2, recency: 4, opportunities: 6 }, { futurePeriods: 1 }); // => 0.59
 * bgBbProbabilityAlive(params, { frequency: 6, recency: 6, opportunities: 6 }, { futurePeriods: 1 }); // => 0.93
 * ```
 * @category Models
 */
export function bgBbProbabilityAlive(
  params: BgBbParams,
  customer: BgBbCustomer,
  options?: BgBbProbabilityAliveOptions,
): number;
export function bgBbProbabilityAlive(
  params: BgBbParams,
  customers: BgBbCustomers,
  options: BgBbProbabilityAliveOptions & PredictionInto,
): Float64Array;
export function bgBbProbabilityAlive(
  params: BgBbParams,
  customers: BgBbCustomers,
  options?: BgBbProbabilityAliveOptions,
): number[];
export function bgBbProbabilityAlive(
  params: BgBbParams,
  customer: BgBbCustomer | BgBbCustomers,
  options?: BgBbProbabilityAliveOptions,
): number | number[] | Float64Array {
  const fn = 'bgBbProbabilityAlive';
  const p = readBgBbParams(fn, params);
  const out = readOut(fn, (options as PredictionOutputOptions | undefined)?.out, customer, BGBB_COLUMNS);
  const data = readBgBbCustomers(fn, 'customer', customer, true);
  const m = readFuturePeriods(fn, options, 0);
  const kernel = (x: number, tx: number, n: number) => bgBbProbabilityAliveOne(p, x, tx, n, m);
  const result = resultFor(fn, out, data.length, data.single);
  if (data.single)
    return kernel(data.frequency[0] as number, data.recency[0] as number, data.opportunities[0] as number);
  return bgBbOverPatterns(data, kernel, result);
}
