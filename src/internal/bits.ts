/**
 * Bit counting for the bitset passes (one bit per customer and period in 32-bit words).
 * @internal
 * @module
 */

/**
 * Number of set bits of a 32-bit word (SWAR: pairs, nibbles, then one multiply sums the bytes).
 * @example
 * ```ts
 * import { popcount } from './bits.ts';
 *
 * popcount(0); // => 0
 * popcount(0b1011); // => 3
 * popcount(-1); // => 32
 * ```
 */
export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
