/**
 * Identical customer summaries merged into weighted patterns by one pass over an open-addressing hash
 * table keyed on the bits of (x, tₓ, T): linear in the number of customers, no sort, no strings. The
 * table and the pattern columns start small and double as patterns appear, so when there are few
 * patterns (whole-week T, small x) the table stays in cache whatever the number of customers.
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

/** The 32-bit words of a Float64Array's values (a view: nothing is copied or written). */
function wordsOf(a: Float64Array): Uint32Array {
  return new Uint32Array(a.buffer, a.byteOffset, 2 * a.length);
}

/** One round of MurmurHash3's 32-bit block mix. */
function round(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's finalizer: every input bit reaches the low bits the table mask keeps. */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Hash of value i of a column. The sign bit is left out, so −0 and 0 (which compare equal) share a
 * hash; so do x and −x, which the equality test then tells apart.
 */
function add(h: number, words: Uint32Array, i: number): number {
  return round(round(h, words[2 * i] as number), (words[2 * i + 1] as number) & 0x7fffffff);
}

/** An empty open-addressing table with room for `capacity` entries at load ≤ ½. */
function slotsFor(capacity: number): Int32Array {
  let cap = 16;
  while (cap < 2 * capacity) cap *= 2;
  return new Int32Array(cap).fill(-1);
}

function enlarge<A extends Float64Array | Int32Array>(a: A, size: number): A {
  const out = new (a.constructor as new (n: number) => A)(size);
  out.set(a);
  return out;
}

/** Initial capacity in patterns; the columns and the table double from there. */
const START = 1024;

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
  const wx = wordsOf(frequency);
  const wr = wordsOf(recency);
  const wT = wordsOf(T);
  let size = Math.min(n, START);
  let slots = slotsFor(size);
  let mask = slots.length - 1;
  let hashes = new Int32Array(size);
  let fx = new Float64Array(size);
  let fr = new Float64Array(size);
  let fT = new Float64Array(size);
  let fw = new Float64Array(size);
  const index = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const x = frequency[i] as number;
    const r = recency[i] as number;
    const t = T[i] as number;
    const hash = finish(add(add(add(0x9747b28c, wx, i), wr, i), wT, i));
    let h = hash & mask;
    for (;;) {
      const s = slots[h] as number;
      if (s < 0) {
        if (count === size) {
          // full: double the columns and the table, rehash the patterns so far, find this row's slot
          size *= 2;
          fx = enlarge(fx, size);
          fr = enlarge(fr, size);
          fT = enlarge(fT, size);
          fw = enlarge(fw, size);
          hashes = enlarge(hashes, size);
          slots = slotsFor(size);
          mask = slots.length - 1;
          for (let k = 0; k < count; k++) {
            let g = (hashes[k] as number) & mask;
            while ((slots[g] as number) >= 0) g = (g + 1) & mask;
            slots[g] = k;
          }
          h = hash & mask;
          while ((slots[h] as number) >= 0) h = (h + 1) & mask;
        }
        slots[h] = count;
        hashes[count] = hash;
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

/** Distinct (x, T) pairs of a set of patterns. */
export interface Pairs {
  readonly count: number;
  readonly frequency: Float64Array;
  readonly T: Float64Array;
  /** Pair index of each pattern. */
  readonly index: Int32Array;
}

/**
 * Groups patterns by (x, T), the part of a customer's history that the count given alive depends on
 * (tₓ enters the conditional moments through P(alive) alone), by the same kind of hash table.
 * @example
 * ```ts
 * import { groupPairs } from './compressPatterns.ts';
 *
 * const g = groupPairs(Float64Array.of(2, 2, 0, 2), Float64Array.of(9, 9, 9, 8));
 * [g.count, Array.from(g.index), Array.from(g.T)]; // => [3, [0, 0, 1, 2], [9, 9, 8]]
 * ```
 */
export function groupPairs(frequency: Float64Array, T: Float64Array): Pairs {
  const n = frequency.length;
  const wx = wordsOf(frequency);
  const wT = wordsOf(T);
  const slots = slotsFor(n);
  const mask = slots.length - 1;
  const fx = new Float64Array(n);
  const fT = new Float64Array(n);
  const index = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const x = frequency[i] as number;
    const t = T[i] as number;
    let h = finish(add(add(0x2f4a8c1d, wx, i), wT, i)) & mask;
    for (;;) {
      const s = slots[h] as number;
      if (s < 0) {
        slots[h] = count;
        fx[count] = x;
        fT[count] = t;
        index[i] = count++;
        break;
      }
      if (fx[s] === x && fT[s] === t) {
        index[i] = s;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  return { count, frequency: fx.subarray(0, count), T: fT.subarray(0, count), index };
}
