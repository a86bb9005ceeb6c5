/**
 * Memo of a pure per-customer term f(x, t) over one prediction call. The costly parts of several
 * predictions depend on a customer's frequency x and one time (T, or tₓ) only, not on the whole row:
 * K(r + x, α + T, …) of the BG/NBD family's conditional expectation, A(x, t) of Pareto/NBD. Real customer
 * summaries repeat those pairs a lot (T and tₓ in whole days or weeks, x a small count), so each distinct
 * pair is computed once. The value returned is the very value `f(x, t)` returns (a pure function of its
 * arguments), so results are bit-identical with and without the memo. It keeps at most 16,384 pairs, and
 * once 4096 calls have been made it switches itself off (and only forwards calls) whenever more than half
 * of the calls so far missed: its worst case costs a few percent of the work it would save.
 * @internal
 * @module
 */

/** Calls after which a memo that misses more often than it hits switches off. */
const PROBE_CALLS = 4096;
/**
 * Most pairs kept: a large Map costs about a microsecond per insert, more than a short series, so the
 * memo stays small (past it, known pairs are still served and new ones computed without being kept).
 */
const MAX_ENTRIES = 16_384;
/** Largest x that fits the exact key t-index·2³² + x. */
const MAX_X = 2 ** 32;

/**
 * `f` memoised on (x, t) for x a non-negative integer (other x are forwarded uncached).
 * @example
 * ```ts
 * import { pairMemo } from './pairMemo.ts';
 *
 * let calls = 0;
 * const f = pairMemo((x, t) => {
 *   calls++;
 *   return x * 10 + t;
 * });
 * [f(2, 3), f(2, 3), f(1, 3), f(2, 3)]; // => [23, 23, 13, 23]
 * calls; // => 2
 * ```
 */
export function pairMemo(f: (x: number, t: number) => number): (x: number, t: number) => number {
  const tIndex = new Map<number, number>();
  const values = new Map<number, number>();
  let calls = 0;
  let misses = 0;
  let on = true;
  return (x, t) => {
    if (!on || !(x >= 0 && x < MAX_X && Number.isInteger(x))) return f(x, t);
    calls++;
    const j = tIndex.get(t);
    if (j !== undefined) {
      const known = values.get(j * MAX_X + x);
      if (known !== undefined) return known;
    }
    misses++;
    if (calls >= PROBE_CALLS && misses * 2 > calls) {
      on = false;
      tIndex.clear();
      values.clear();
      return f(x, t);
    }
    const value = f(x, t);
    if (values.size < MAX_ENTRIES) {
      let k = j;
      if (k === undefined) {
        k = tIndex.size;
        tIndex.set(t, k);
      }
      values.set(k * MAX_X + x, value);
    }
    return value;
  };
}
