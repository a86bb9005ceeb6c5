import { checkedPatterns, countPatterns } from '../internal/compressPatterns.ts';
import { rawFloat64Customers, readCustomers } from '../internal/input/customerSummary.ts';
import type { ModelCustomers } from './types.ts';

/** Unique customer histories with their multiplicities, as columns. */
export interface CompressedCustomers {
  readonly frequency: number[];
  readonly recency: number[];
  readonly T: number[];
  /** How many input customers share each (frequency, recency, T); pass as `weights` to a fit. */
  readonly weights: number[];
}

/**
 * Compresses customers with identical (frequency, recency, T) into one weighted row, the way model
 * fits scale to millions of customers.
 *
 * The likelihood of a weighted row is its weight times the likelihood of one such customer, so
 * `fitBgNbd(c, { weights: c.weights })` gives exactly the fit of the uncompressed data while
 * evaluating each distinct history once. Summaries in whole days or weeks compress well (all
 * non-repeat customers with the same T collapse to one row).
 *
 * ```text
 * weights[k] = #{ i : (frequencyᵢ, recencyᵢ, Tᵢ) = key k },   keys in order of first appearance
 * ```
 *
 * @param customers - `{ frequency, recency, T }` rows or columns.
 * @returns Columns of the distinct histories and their counts (Σ weights = number of customers).
 * @throws {TypeError} When customers or a field has the wrong type.
 * @throws {RangeError} When a frequency is not a non-negative integer or recency is negative or exceeds T.
 * @example
 * ```ts
 * import { compressCustomers } from 'loyalty-metrics';
 *
 * const c = compressCustomers([
 *   { frequency: 0, recency: 0, T: 10 },
 *   { frequency: 2, recency: 5, T: 10 },
 *   { frequency: 0, recency: 0, T: 10 },
 * ]);
 * c.weights; // => [2, 1]
 * c.frequency; // => [0, 2]
 * ```
 * @category Models
 */
export function compressCustomers(customers: ModelCustomers): CompressedCustomers {
  const fn = 'compressCustomers';
  // one pass of the fits' open-addressing hash over the bits of (x, tₓ, T), keys in order of first appearance;
  // Float64Array columns are checked in the same pass (a failing row: read the ordinary way, which throws)
  const raw = rawFloat64Customers(customers, true, false);
  const checked = raw && checkedPatterns(raw.frequency, raw.recency, raw.T);
  const p = checked?.patterns ?? readAndCount(fn, customers);
  return {
    frequency: Array.from(p.frequency),
    recency: Array.from(p.recency),
    T: Array.from(p.T),
    weights: Array.from(p.weight),
  };
}

/** The patterns of customers read and checked by `readCustomers` (which throws for a bad row). */
function readAndCount(fn: string, customers: ModelCustomers): ReturnType<typeof countPatterns> {
  const data = readCustomers(fn, 'customers', customers, { allowSingle: false });
  return countPatterns(data.frequency, data.recency, data.T);
}
