import { readOptions, requireArrayLike, requireNumber, requireOneOf, withDefault } from '../internal/validate.ts';

/** Options for {@link percentileRank}. */
export interface PercentileRankOptions {
  /**
   * How peers equal to the value count: `'mean'` (default) counts each tie as half below, `'strict'`
   * counts only peers strictly below, `'weak'` counts ties as below.
   */
  readonly ties?: 'mean' | 'strict' | 'weak';
}

/**
 * Percentile rank of a value among peers: the share of peers it beats, with ties counted as half.
 *
 * Use it to say where a store, team or product stands in a league table ("our retention is at the 80th
 * percentile of comparable shops"). The value itself need not be one of the peers.
 *
 * ```text
 * below = #{ peers < value },   equal = #{ peers = value },   n = #peers
 * mean   (default):  (below + equal / 2) / n
 * strict:            below / n
 * weak:              (below + equal) / n
 * ```
 *
 * The result is a fraction in [0, 1] (multiply by 100 for the "percentile" wording). The `'mean'`
 * convention is the classic percentile rank of Crocker & Algina (1986), "Introduction to Classical and
 * Modern Test Theory", and `kind='mean'` of SciPy's `scipy.stats.percentileofscore`; it is
 * symmetric: the ranks of a value among peers and of its mirror image sum to 1.
 *
 * @param value - The value to rank, a finite number.
 * @param peers - Peer values on the same scale (an array or typed array of finite numbers, any order).
 * @param options - `ties` (default `'mean'`).
 * @returns A fraction in [0, 1]; `NaN` when there are no peers.
 * @throws {TypeError} When `peers` is not an array, or the value or a peer is not a number.
 * @throws {RangeError} When the value or a peer is NaN or infinite, or `ties` is not a known convention.
 * @example
 * ```ts
 * import { percentileRank } from 'loyalty-metrics';
 *
 * percentileRank(0.82, [0.7, 0.75, 0.8, 0.82, 0.9]); // => 0.7
 * percentileRank(0.82, [0.7, 0.75, 0.8, 0.82, 0.9], { ties: 'strict' }); // => 0.6
 * ```
 * @category Compare
 */
export function percentileRank(value: number, peers: ArrayLike<number>, options?: PercentileRankOptions): number {
  const fn = 'percentileRank';
  const v = requireNumber(fn, 'value', value);
  const list = requireArrayLike(fn, 'peers', peers);
  const ties = requireOneOf(fn, 'options.ties', withDefault(readOptions(fn, options, ['ties']).ties, 'mean'), [
    'mean',
    'strict',
    'weak',
  ] as const);
  let below = 0;
  let equal = 0;
  for (let i = 0; i < list.length; i++) {
    const p = requireNumber(fn, `peers[${i}]`, list[i]);
    if (p < v) below++;
    else if (p === v) equal++;
  }
  const n = list.length;
  if (n === 0) return Number.NaN;
  const weight = ties === 'mean' ? 0.5 : ties === 'weak' ? 1 : 0;
  return (below + weight * equal) / n;
}
