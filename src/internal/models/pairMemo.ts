/**
 * Memo of a pure per-customer term f(x, t) over one prediction call. The costly parts of several
 * predictions depend on a customer's frequency x and one time (T, or tₓ) only, not on the whole row:
 * K(r + x, α + T, …) of the BG/NBD family's conditional expectation, A(x, t) of Pareto/NBD. Real customer
 * summaries repeat those pairs a lot (T and tₓ in whole days or weeks, x a small count), so each distinct
 * pair is computed once. The value returned is the very value `f(x, t)` returns (a pure function of its
 * arguments), so results are bit-identical with and without the memo. When the first 4096 calls find
 * fewer than one pair in five already known, the memo switches itself off and only forwards calls.
 * @internal
 * @module
 */

/** Calls after which a memo that rarely hits switches off. */
const PROBE_CALLS = 4096;
/** Largest x and number of distinct t that fit the exact key t-index·2³² + x. */
const MAX_X = 2 ** 32;
const MAX_T = 2 ** 20;

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
    let j = tIndex.get(t);
    if (j === undefined) {
      if (tIndex.size >= MAX_T) return f(x, t);
      j = tIndex.size;
      tIndex.set(t, j);
    }
    const key = j * MAX_X + x;
    const known = values.get(key);
    if (known !== undefined) return known;
    misses++;
    if (calls >= PROBE_CALLS && misses * 5 > calls * 4) {
      on = false;
      tIndex.clear();
      values.clear();
    }
    const value = f(x, t);
    if (on) values.set(key, value);
    return value;
  };
}
