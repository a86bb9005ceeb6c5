/**
 * Identical customer summaries merged into weighted patterns by one pass over an open-addressing hash
 * table keyed on the bits of (x, tₓ, T): linear in the number of customers, no sort, no strings.
 * @internal
 * @module
 */

/** Distinct (x, tₓ, T) with their summed weights, in order of first appearance. */
export interface Patterns {
  readonly count: number;
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  readonly weight: Float64Array;
  /** Pattern index of each customer. */
  readonly index: Int32Array;
}

// The scratch views are made on first use: a typed array built at module load would stay in every bundle.
let f64: Float64Array | undefined;
let u32: Uint32Array = new Uint32Array(0);

function mix(h: number, v: number): number {
  if (f64 === undefined) {
    f64 = new Float64Array(1);
    u32 = new Uint32Array(f64.buffer);
  }
  f64[0] = v === 0 ? 0 : v; // −0 and 0 are one key
  let k = Math.imul(u32[0] as number, 0xcc9e2d51) ^ Math.imul(u32[1] as number, 0x1b873593);
  k = (k << 15) | (k >>> 17);
  h = Math.imul(h ^ k, 0x85ebca6b);
  return (h << 13) | (h >>> 19);
}

/**
 * Merges identical rows; rows of weight 0 still get an index but add nothing.
 * @example
 * ```ts
 * import { compressPatterns } from './compressPatterns.ts';
 *
 * const p = compressPatterns(Float64Array.of(0, 2, 0), Float64Array.of(0, 5, 0), Float64Array.of(9, 9, 9), Float64Array.of(1, 1, 2));
 * [p.count, Array.from(p.weight), Array.from(p.index)]; // => [2, [3, 1], [0, 1, 0]]
 * ```
 */
export function compressPatterns(
  frequency: Float64Array,
  recency: Float64Array,
  T: Float64Array,
  weights: Float64Array,
): Patterns {
  const n = frequency.length;
  let cap = 16;
  while (cap < 2 * n) cap *= 2;
  const mask = cap - 1;
  const slots = new Int32Array(cap).fill(-1);
  const fx = new Float64Array(n);
  const fr = new Float64Array(n);
  const fT = new Float64Array(n);
  const fw = new Float64Array(n);
  const index = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const x = frequency[i] as number;
    const r = recency[i] as number;
    const t = T[i] as number;
    let h = mix(mix(mix(0x9747b28c, x), r), t) & mask;
    for (;;) {
      const s = slots[h] as number;
      if (s < 0) {
        slots[h] = count;
        fx[count] = x;
        fr[count] = r;
        fT[count] = t;
        fw[count] = weights[i] as number;
        index[i] = count++;
        break;
      }
      if (fx[s] === x && fr[s] === r && fT[s] === t) {
        fw[s] = (fw[s] as number) + (weights[i] as number);
        index[i] = s;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  return {
    count,
    frequency: fx.subarray(0, count),
    recency: fr.subarray(0, count),
    T: fT.subarray(0, count),
    weight: fw.subarray(0, count),
    index,
  };
}
