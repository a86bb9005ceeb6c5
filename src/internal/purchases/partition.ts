/**
 * Partitioning a chunk of transactions by customer-id range before it is applied (the window pass, and the
 * in-order pass on a log whose customers take turns): the records being updated then stay in the cache and
 * their pages in the TLB; with customers in random order a pass is otherwise bound by memory latency, not
 * arithmetic. Each bucket's records are read in address order before its transactions are applied.
 * @internal
 * @module
 */

/**
 * Transactions per chunk of the single pass, partitioned by customer before they are applied: 2^21 = 2_097_152.
 * Larger chunks give each customer more transactions per visit of its record (each visit a cache miss),
 * at 16 bytes of chunk buffer per transaction (20 when ids go through the slot table).
 */
export const CHUNK = 2_097_152;

/** Written by the loops that load records ahead of use so that their loads are not optimised away; never read. */
let _prefetched = 0;

/**
 * Streams the records of bucket b (customers b·2^shift … (b + 1)·2^shift − 1) into the cache before its
 * `count` transactions are applied: one read per 64-byte line, in address order, at the speed of the
 * hardware prefetcher instead of a cache miss at a time while they are updated. Skipped when the bucket
 * has so few transactions that this would read more than they touch.
 * @example
 * ```ts
 * import { touchBucket } from './partition.ts';
 *
 * // Only loads memory (the result is the cache state): bucket 0 of 2^2 records of 16 words
 * touchBucket(new Int32Array(128), 0, 2, 16, 1); // => undefined
 * ```
 */
export function touchBucket(i32: Int32Array, b: number, shift: number, stride: number, count: number): void {
  const from = (b << shift) * stride;
  const to = Math.min(i32.length, ((b + 1) << shift) * stride);
  if (count * 128 < to - from) return;
  let loaded = 0;
  for (let w = from; w < to; w += 16) loaded |= i32[w] as number;
  _prefetched = loaded;
}

/**
 * Loads the records of `keys[from, to)` (their words at offsets 0 and `second`) in a loop so short that their
 * cache misses overlap.
 * @example
 * ```ts
 * import { touchRecords } from './partition.ts';
 *
 * // Only loads memory: the heads of records 3 and 1 (16 words each), words 0 and 15
 * touchRecords(new Int32Array(64), Int32Array.from([3, 1]), 0, 2, 16, 15); // => undefined
 * ```
 */
export function touchRecords(
  i32: Int32Array,
  keys: Int32Array,
  from: number,
  to: number,
  stride: number,
  second: number,
): void {
  let loaded = 0;
  for (let j = from; j < to; j++) {
    const o = (keys[j] as number) * stride;
    loaded |= (i32[o] as number) | (i32[o + second] as number);
  }
  _prefetched = loaded;
}

/**
 * log2 of the customers per bucket of a partitioned pass for records of `stride` 32-bit words: about 512 KB
 * of records, which stay in the cache (and their pages in the TLB) while the bucket's transactions are applied.
 * @example
 * ```ts
 * import { bucketShift } from './partition.ts';
 *
 * // records of 16 words (64 bytes): 2^13 customers per bucket, 512 KB of records
 * bucketShift(16); // => 13
 * bucketShift(1024); // => 7
 * ```
 */
export function bucketShift(stride: number): number {
  let shift = 0;
  while (stride << (shift + 1) <= 131_072) shift++;
  return shift;
}

/**
 * Counts the transactions [from, to) of each bucket of direct ids (id >>> shift) and turns `next` into bucket
 * starts (`next` has 2 entries more than there are buckets).
 * @example
 * ```ts
 * import { countBuckets } from './partition.ts';
 *
 * // ids 5, 0, 9, 4 in buckets of 4 ids: buckets 1, 0, 2, 1
 * const next = new Int32Array(5);
 * countBuckets([5, 0, 9, 4], 0, 4, 2, next);
 * next; // => [0, 1, 3, 4, 4]
 * ```
 */
export function countBuckets(
  customers: ArrayLike<unknown>,
  from: number,
  to: number,
  shift: number,
  next: Int32Array,
): void {
  next.fill(0);
  for (let i = from; i < to; i++) {
    const b = ((customers[i] as number) >>> shift) + 1;
    next[b] = (next[b] as number) + 1;
  }
  for (let b = 1; b < next.length; b++) next[b] = (next[b] as number) + (next[b - 1] as number);
}
