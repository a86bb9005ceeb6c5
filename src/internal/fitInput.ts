/**
 * The input of a transaction-model fit (BG/NBD, MBG/NBD, Pareto/NBD): customers and weights read and
 * validated, the weighted totals that seed the start, and the rows the likelihood runs over (merged
 * into weighted patterns when that pays). Unweighted Float64Array columns whose rows repeat take one
 * fused pass (validation, totals and merge together) instead of a validation pass and a merge pass.
 * @internal
 * @module
 */
import { checkedPatterns, compressionPays, fitRows, type FitRows } from './compressPatterns.ts';
import { rawFloat64Customers, readWeightedCustomers } from './input/customerSummary.ts';

/** What a transaction-model fit needs of its input. */
export interface FitInput {
  /** Number of input rows. */
  readonly length: number;
  /** Σ w. */
  readonly totalWeight: number;
  /** Σ w·x. */
  readonly totalFrequency: number;
  /** Σ w·T. */
  readonly totalT: number;
  /** T values with the maximum T of the input (the input column, or the patterns' T). */
  readonly T: Float64Array;
  /** The rows the likelihood is evaluated on. */
  readonly rows: FitRows;
}

/**
 * Reads a fit's customers and `weights` option: {@link readWeightedCustomers} then {@link fitRows}, with
 * the same results (totals summed in row order, patterns in order of first appearance, the same errors)
 * but, for unweighted Float64Array columns that {@link compressionPays} says repeat, in one pass.
 * @example
 * ```ts
 * import { readFitInput } from './fitInput.ts';
 *
 * const x = Float64Array.of(0, 2, 0, 0);
 * const input = readFitInput('fitBgNbd', { frequency: x, recency: Float64Array.of(0, 5, 0, 0), T: Float64Array.of(9, 9, 9, 8) }, undefined);
 * [input.totalWeight, input.totalFrequency, input.totalT, input.rows.compressed, Array.from(input.rows.weights)]; // => [4, 2, 35, true, [2, 1, 1]]
 * readFitInput('fitBgNbd', { frequency: Float64Array.of(1.5), recency: Float64Array.of(0), T: Float64Array.of(9) }, undefined); // => throws RangeError: fitBgNbd: row 0: frequency (1.5) must be a non-negative integer
 * ```
 */
export function readFitInput(fn: string, customers: unknown, weights: unknown): FitInput {
  const raw = weights === undefined ? rawFloat64Customers(customers, true, false) : undefined;
  if (raw !== undefined && compressionPays(raw.frequency, raw.recency, raw.T)) {
    const n = raw.length;
    const c = checkedPatterns(raw.frequency, raw.recency, raw.T, Math.floor(0.75 * n));
    if (c !== undefined) {
      const p = c.patterns;
      return {
        length: n,
        totalWeight: n,
        totalFrequency: c.totalFrequency,
        totalT: c.totalT,
        T: p.T,
        rows: { frequency: p.frequency, recency: p.recency, T: p.T, weights: p.weight, compressed: true },
      };
    }
  }
  const input = readWeightedCustomers(fn, customers, weights);
  const { data } = input;
  return {
    length: data.length,
    totalWeight: input.totalWeight,
    totalFrequency: input.totalFrequency,
    totalT: input.totalT,
    T: data.T,
    rows: fitRows(data.frequency, data.recency, data.T, input.weights),
  };
}
