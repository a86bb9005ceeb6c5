/**
 * The largest of many numbers without spreading them into `Math.max` (which passes every element as an
 * argument and overflows the call stack near 10⁵ elements: issue 16, 150,000 cohorts in a chart).
 * @internal
 * @module
 */

/**
 * The largest of `floor` and `value(item)` over `items` (a loop, any length).
 * @example
 * ```ts
 * import { maxOf } from './extent.ts';
 *
 * maxOf(['ab', 'abcd', 'a'], (s) => s.length, 0); // => 4
 * maxOf([], (s: string) => s.length, 6); // => 6
 * // 200,000 elements: Math.max(...values) would throw "Maximum call stack size exceeded"
 * maxOf(Array.from({ length: 200_000 }, (_, i) => i), (x) => x, 0); // => 199999
 * ```
 */
export function maxOf<T>(items: Iterable<T>, value: (item: T) => number, floor: number): number {
  let best = floor;
  for (const item of items) {
    const v = value(item);
    if (v > best) best = v;
  }
  return best;
}
