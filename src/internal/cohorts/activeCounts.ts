/**
 * Active periods per customer within longer windows (the `stickiness` pass): from the activity bitset of a cohort
 * build over short periods (days), the number of short periods each customer was active in within each window
 * (a month), counted into one histogram per window.
 * @internal
 * @module
 */

/**
 * Adds every customer's count of active bits per window to `hist` (row `w` at `rowAt[w]`, entry j − 1 for j
 * active bits): `windowOf[b]` is the window (0-based) of bit b. Arrays and numbers only.
 * @example
 * ```ts
 * import { countActivePerWindow } from './activeCounts.ts';
 *
 * // 2 customers × 4 bits (one word each); bits 0–1 in window 0, bits 2–3 in window 1
 * const bits = new Int32Array([0b0111, 0b1000]);
 * const hist = new Int32Array(4); // window 0: counts of 1 and 2 active bits; window 1: same
 * countActivePerWindow(bits, 1, 2, 4, new Int32Array([0, 0, 1, 1]), new Int32Array([0, 2]), hist);
 * hist; // => [0, 1, 2, 0]
 * ```
 */
export function countActivePerWindow(
  bits: Int32Array,
  words: number,
  slots: number,
  span: number,
  windowOf: Int32Array,
  rowAt: Int32Array,
  hist: Int32Array,
): void {
  for (let c = 0, row = 0; c < slots; c++, row += words) {
    let current = -1;
    let n = 0;
    for (let wd = 0; wd < words; wd++) {
      let x = bits[row + wd] as number;
      while (x !== 0) {
        const low = x & -x;
        const b = (wd << 5) + 31 - Math.clz32(low);
        x ^= low;
        if (b >= span) break;
        const w = windowOf[b] as number;
        if (w !== current) {
          if (n > 0) hist[(rowAt[current] as number) + n - 1]!++;
          current = w;
          n = 0;
        }
        n++;
      }
    }
    if (n > 0) hist[(rowAt[current] as number) + n - 1]!++;
  }
}
