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

/** MurmurHash3's finalizer: every input bit reaches the low bits the table mask keeps. */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Hash of the value at word offset j (= 2i) of a column, folded into h: the two 32-bit words xor-ed
 * (the sign bit left out, so −0 and 0, which compare equal, share a hash; so do x and −x, which the
 * equality test then tells apart) and multiplied in; {@link finish} then brings the high bits down. One
 * multiplication a value: equal values always hash alike, and a collision costs only a comparison.
 */
function add(h: number, words: Uint32Array, j: number): number {
  return Math.imul(h ^ (words[j] as number) ^ ((words[j + 1] as number) & 0x7fffffff), 0x9e3779b1);
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
  return patternsUpTo(frequency, recency, T, weights, Number.POSITIVE_INFINITY, true) as Patterns;
}

/**
 * {@link compressPatterns}, or `undefined` as soon as there are more than `limit` patterns; without
 * `withIndex` the index of each row is not kept (an empty `index`). With `totals` (and no weights) every
 * row is also checked against the customer rule (x a non-negative integer, 0 ≤ tₓ ≤ T < ∞; `undefined`
 * at the first row that fails) and Σx, ΣT are summed into `totals[0]`, `totals[1]` in row order, in the
 * same pass.
 */
function patternsUpTo(
  frequency: Float64Array,
  recency: Float64Array,
  T: Float64Array,
  weights: Float64Array | undefined,
  limit: number,
  withIndex: boolean,
  totals?: Float64Array,
): Patterns | undefined {
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
  const index = new Int32Array(withIndex ? n : 0);
  let count = 0;
  let sx = 0;
  let sT = 0;
  for (let i = 0; i < n; i++) {
    const x = frequency[i] as number;
    const r = recency[i] as number;
    const t = T[i] as number;
    if (totals !== undefined) {
      // NaN fails every comparison
      if (!(x >= 0 && x < Infinity && Math.floor(x) === x && r >= 0 && t >= r && t < Infinity)) return undefined;
      sx += x;
      sT += t;
    }
    const hash = finish(add(add(add(0x9747b28c, wx, 2 * i), wr, 2 * i), wT, 2 * i));
    let h = hash & mask;
    for (;;) {
      const s = slots[h] as number;
      if (s < 0) {
        if (count === limit) return undefined;
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
        fw[count] = weights === undefined ? 1 : (weights[i] as number);
        if (withIndex) index[i] = count;
        count++;
        break;
      }
      if (fx[s] === x && fr[s] === r && fT[s] === t) {
        fw[s] = (fw[s] as number) + (weights === undefined ? 1 : (weights[i] as number));
        if (withIndex) index[i] = s;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  if (totals !== undefined) {
    totals[0] = sx;
    totals[1] = sT;
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
    let h = finish(add(add(0x2f4a8c1d, wx, 2 * i), wT, 2 * i)) & mask;
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
  return {
    count,
    frequency: fx.subarray(0, count),
    T: fT.subarray(0, count),
    index,
  };
}

/**
 * {@link compressPatterns} of rows of weight 1 each (the weights are the counts), without the row index.
 * @example
 * ```ts
 * import { countPatterns } from './compressPatterns.ts';
 *
 * const p = countPatterns(Float64Array.of(0, 2, 0), Float64Array.of(0, 5, 0), Float64Array.of(9, 9, 9));
 * [p.count, Array.from(p.weight)]; // => [2, [2, 1]]
 * ```
 */
export function countPatterns(frequency: Float64Array, recency: Float64Array, T: Float64Array): Patterns {
  return patternsUpTo(frequency, recency, T, undefined, Number.POSITIVE_INFINITY, false) as Patterns;
}

/** {@link checkedPatterns}: the patterns, counted, and the row totals. */
export interface CheckedPatterns {
  readonly patterns: Patterns;
  /** Σx over the rows, summed in row order. */
  readonly totalFrequency: number;
  /** ΣT over the rows, summed in row order. */
  readonly totalT: number;
}

/**
 * {@link countPatterns} fused with the validation of the rows (x a non-negative integer, 0 ≤ tₓ ≤ T < ∞)
 * and the totals Σx, ΣT, in one pass over the columns; `undefined` when a row fails the rule (the caller
 * then reads the input the ordinary way, which throws that row's error) or there are more than `limit`
 * patterns.
 * @example
 * ```ts
 * import { checkedPatterns } from './compressPatterns.ts';
 *
 * const c = checkedPatterns(Float64Array.of(0, 2, 0), Float64Array.of(0, 5, 0), Float64Array.of(9, 9, 8));
 * [c?.patterns.count, Array.from(c?.patterns.weight ?? []), c?.totalFrequency, c?.totalT]; // => [3, [1, 1, 1], 2, 26]
 * checkedPatterns(Float64Array.of(1.5), Float64Array.of(0), Float64Array.of(9)); // => undefined
 * checkedPatterns(Float64Array.of(0, 1), Float64Array.of(0, 1), Float64Array.of(9, 9), 1); // => undefined
 * ```
 */
export function checkedPatterns(
  frequency: Float64Array,
  recency: Float64Array,
  T: Float64Array,
  limit: number = Number.POSITIVE_INFINITY,
): CheckedPatterns | undefined {
  const totals = new Float64Array(2);
  const patterns = patternsUpTo(frequency, recency, T, undefined, limit, false, totals);
  return patterns && { patterns, totalFrequency: totals[0] as number, totalT: totals[1] as number };
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
  const pick = (v: Float64Array) => {
    const out = new Float64Array(SAMPLE);
    for (let k = 0; k < SAMPLE; k++) out[k] = v[Math.floor((k * n) / SAMPLE)] as number;
    return out;
  };
  const sample = patternsUpTo(pick(frequency), pick(recency), pick(T), undefined, SAMPLE, false) as Patterns;
  return SAMPLE - sample.count > (SAMPLE * SAMPLE) / n;
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
  const p = patternsUpTo(frequency, recency, T, weights, Math.floor(0.75 * frequency.length), false);
  if (p === undefined) return asGiven;
  // patterns of weight 0 (rows of weight 0 only) are left out
  let kept = 0;
  for (let k = 0; k < p.count; k++) if ((p.weight[k] as number) > 0) kept++;
  const pick = (v: Float64Array): Float64Array => {
    if (kept === p.count) return v;
    const out = new Float64Array(kept);
    for (let k = 0, j = 0; k < p.count; k++) if ((p.weight[k] as number) > 0) out[j++] = v[k] as number;
    return out;
  };
  return {
    frequency: pick(p.frequency),
    recency: pick(p.recency),
    T: pick(p.T),
    weights: pick(p.weight),
    compressed: true,
  };
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
