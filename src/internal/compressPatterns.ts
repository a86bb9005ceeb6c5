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

/** Rows of a fit: the customers' columns and their weights (compressed or as given). */
export interface FitRows {
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  readonly weights: Float64Array;
  /** Whether the rows are the distinct patterns rather than the input rows. */
  readonly compressed: boolean;
}

/** Rows sampled by {@link compressionPays} to estimate the number of distinct patterns. */
const SAMPLE = 4096;

/**
 * Whether merging identical (x, tₓ, T) rows would at least halve them, judged from an evenly strided
 * sample of 4,096 rows (all rows when there are fewer; then the merge itself decides): s rows drawn from
 * D equally frequent patterns repeat about s²/(2D) times, so D < n/2 shows as more than s²/n repeats in
 * the sample (uneven frequencies only add repeats, and compression pays more then). Cost: one hash of
 * s rows, independent of n.
 * @example
 * ```ts
 * import { compressionPays } from './compressPatterns.ts';
 *
 * const n = 100_000;
 * const repeated = Float64Array.from({ length: n }, (_, i) => i % 50);
 * const distinct = Float64Array.from({ length: n }, (_, i) => i);
 * compressionPays(repeated, repeated, repeated); // => true
 * compressionPays(distinct, distinct, distinct); // => false
 * ```
 */
export function compressionPays(frequency: Float64Array, recency: Float64Array, T: Float64Array): boolean {
  const n = frequency.length;
  if (n <= SAMPLE) return n > 1;
  const pick = (v: Float64Array) =>
    Float64Array.from({ length: SAMPLE }, (_, k) => v[Math.floor((k * n) / SAMPLE)] as number);
  const sample = mergeRows(pick(frequency), pick(recency), pick(T), new Float64Array(SAMPLE).fill(1), SAMPLE);
  return SAMPLE - (sample?.frequency.length ?? SAMPLE) > (SAMPLE * SAMPLE) / n;
}

/**
 * The rows a fit evaluates: the distinct (x, tₓ, T) patterns with summed weights when
 * {@link compressionPays} and they are indeed at most ¾ of the rows, else the rows as given. Rows of
 * weight 0 are dropped from the merged patterns. The weighted likelihood is the same sum either way (terms grouped
 * differently, so equal to rounding).
 * @example
 * ```ts
 * import { fitRows } from './compressPatterns.ts';
 *
 * const x = Float64Array.of(0, 2, 0, 0);
 * const rows = fitRows(x, Float64Array.of(0, 5, 0, 0), Float64Array.of(9, 9, 9, 9), Float64Array.of(1, 1, 2, 0));
 * [rows.compressed, Array.from(rows.frequency), Array.from(rows.weights)]; // => [true, [0, 2], [3, 1]]
 * ```
 */
export function fitRows(
  frequency: Float64Array,
  recency: Float64Array,
  T: Float64Array,
  weights: Float64Array,
): FitRows {
  const asGiven = { frequency, recency, T, weights, compressed: false };
  if (!compressionPays(frequency, recency, T)) return asGiven;
  return mergeRows(frequency, recency, T, weights, Math.floor(0.75 * frequency.length)) ?? asGiven;
}

/**
 * The distinct (x, tₓ, T) patterns of the rows with positive weight, with summed weights, or `undefined`
 * as soon as there are more than `limit` of them. Unlike {@link compressPatterns} (which sizes its table
 * and outputs for n distinct rows and returns every row's index), the hash table and the outputs start
 * small and double as patterns appear, so a million rows of a few thousand patterns touch a table that
 * stays in cache and allocate kilobytes, not tens of megabytes.
 */
function mergeRows(
  frequency: Float64Array,
  recency: Float64Array,
  T: Float64Array,
  weights: Float64Array,
  limit: number,
): FitRows | undefined {
  const n = frequency.length;
  let cap = 1024; // table slots, kept at least twice the pattern count
  let slots = new Int32Array(cap).fill(-1);
  let size = 512; // output capacity
  let fx = new Float64Array(size);
  let fr = new Float64Array(size);
  let fT = new Float64Array(size);
  let fw = new Float64Array(size);
  let fh = new Int32Array(size); // each pattern's hash, for rehashing
  let count = 0;
  const bits = new Float64Array(3);
  const words = new Uint32Array(bits.buffer);
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    if (!(w > 0)) continue;
    const x = frequency[i] as number;
    const r = recency[i] as number;
    const t = T[i] as number;
    // the bits of the three values (−0 as 0), mixed by multiply-xorshift rounds
    bits[0] = x === 0 ? 0 : x;
    bits[1] = r === 0 ? 0 : r;
    bits[2] = t === 0 ? 0 : t;
    let hash = Math.imul((words[0] as number) ^ Math.imul(words[1] as number, 0x85ebca6b), 0xcc9e2d51);
    hash = Math.imul(hash ^ (hash >>> 15) ^ (words[2] as number), 0x1b873593);
    hash = Math.imul(hash ^ (hash >>> 13) ^ Math.imul(words[3] as number, 0x85ebca6b), 0xcc9e2d51);
    hash = Math.imul(hash ^ (hash >>> 16) ^ (words[4] as number), 0x1b873593);
    hash = Math.imul(hash ^ (hash >>> 13) ^ Math.imul(words[5] as number, 0x85ebca6b), 0xcc9e2d51);
    hash ^= hash >>> 16;
    let h = hash & (cap - 1);
    for (;;) {
      const s = slots[h] as number;
      if (s < 0) break;
      if (fx[s] === x && fr[s] === r && fT[s] === t) {
        fw[s] = (fw[s] as number) + w;
        h = -1;
        break;
      }
      h = (h + 1) & (cap - 1);
    }
    if (h < 0) continue;
    if (count === limit) return undefined;
    if (count === size) {
      size *= 2;
      fx = grow(fx, size);
      fr = grow(fr, size);
      fT = grow(fT, size);
      fw = grow(fw, size);
      const longer = new Int32Array(size);
      longer.set(fh);
      fh = longer;
    }
    fx[count] = x;
    fr[count] = r;
    fT[count] = t;
    fw[count] = w;
    fh[count] = hash;
    slots[h] = count++;
    if (2 * count > cap) {
      // rehash into a table twice the size
      cap *= 2;
      slots = new Int32Array(cap).fill(-1);
      for (let k = 0; k < count; k++) {
        let g = (fh[k] as number) & (cap - 1);
        while ((slots[g] as number) >= 0) g = (g + 1) & (cap - 1);
        slots[g] = k;
      }
    }
  }
  return {
    frequency: fx.slice(0, count),
    recency: fr.slice(0, count),
    T: fT.slice(0, count),
    weights: fw.slice(0, count),
    compressed: true,
  };
}

/** A copy of `v` in a longer array. */
function grow(v: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(size);
  out.set(v);
  return out;
}

/**
 * Index of each value among the distinct values (in order of first appearance) of the rows where
 * `use[i]` is nonzero (all rows without `use`), by an open-addressing hash on the value's bits: the
 * typed-array counterpart of a `Map` pass, several times faster on a million rows. Rows left out get
 * index −1; −0 and 0 are one value.
 * @example
 * ```ts
 * import { distinctValues } from './compressPatterns.ts';
 *
 * const d = distinctValues(Float64Array.of(38, 20, 38, -0, 0), Uint8Array.of(1, 1, 1, 1, 1));
 * [Array.from(d.index), Array.from(d.distinct)]; // => [[0, 1, 0, 2, 2], [38, 20, 0]]
 * Array.from(distinctValues(Float64Array.of(38, 20, 38), Uint8Array.of(1, 0, 1)).index); // => [0, -1, 0]
 * ```
 */
export function distinctValues(
  values: Float64Array,
  use?: Uint8Array,
): { readonly index: Int32Array; readonly distinct: Float64Array } {
  const n = values.length;
  let cap = 16;
  while (cap < 2 * n) cap *= 2;
  const mask = cap - 1;
  const slots = new Int32Array(cap).fill(-1);
  const seen = new Float64Array(n);
  const index = new Int32Array(n);
  let count = 0;
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  for (let i = 0; i < n; i++) {
    if (use !== undefined && use[i] === 0) {
      index[i] = -1;
      continue;
    }
    const v = (values[i] as number) === 0 ? 0 : (values[i] as number);
    bits[0] = v;
    let hash = Math.imul((words[0] as number) ^ Math.imul(words[1] as number, 0x85ebca6b), 0xcc9e2d51);
    hash ^= hash >>> 15;
    let h = hash & mask;
    for (;;) {
      const s = slots[h] as number;
      if (s < 0) {
        slots[h] = count;
        seen[count] = v;
        index[i] = count++;
        break;
      }
      if (seen[s] === v) {
        index[i] = s;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  return { index, distinct: seen.slice(0, count) };
}
