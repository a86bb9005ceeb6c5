/**
 * The `out` option of the per-customer predictions: a caller-owned `Float64Array` the results are written into,
 * instead of a new `number[]` (like numpy's `out=`). Filling a fresh array of 235,700 doubles costs about 1 ms on
 * this machine's VM — as much as the arithmetic of a closed-form prediction — because fresh memory is slow to
 * touch the first time; a buffer reused from call to call is already touched.
 * @internal
 * @module
 */
import { describeValue, rangeFail, typeFail } from '../validate.ts';
import { resultArray } from './customerSummary.ts';

/**
 * Checks `options.out` before any row is read: `undefined`, or a `Float64Array` that shares no memory with a
 * column of `customers` (`columns` names the columns the function reads; a prediction reads row i's inputs
 * before it writes out[i], but a bad row found after some writes is reported from the caller's columns, which
 * must still hold what the caller passed). Its length is checked against the customers by {@link resultFor}.
 * @example
 * ```ts
 * import { readOut } from './output.ts';
 *
 * const frequency = Float64Array.of(2, 0);
 * readOut('f', undefined, { frequency }, ['frequency']); // => undefined
 * readOut('f', new Float64Array(2), { frequency }, ['frequency']) instanceof Float64Array; // => true
 * readOut('f', [0, 0], { frequency }, ['frequency']); // => throws TypeError: f: options.out must be a Float64Array, got an array of length 2
 * readOut('f', frequency, { frequency }, ['frequency']); // => throws RangeError: f: options.out must not share memory with customer.frequency
 * ```
 */
export function readOut(
  fn: string,
  out: unknown,
  customers: unknown,
  columns: readonly string[],
  input = 'customer',
): Float64Array | undefined {
  if (out === undefined) return undefined;
  if (!(out instanceof Float64Array))
    typeFail(fn, `options.out must be a Float64Array, got ${describeValue(out)}`, {
      argument: 'options.out',
      value: out,
    });
  if (typeof customers === 'object' && customers !== null && !Array.isArray(customers)) {
    const start = out.byteOffset;
    const end = start + out.byteLength;
    for (const name of columns) {
      const column = (customers as Record<string, unknown>)[name];
      if (!ArrayBuffer.isView(column) || column.buffer !== out.buffer) continue;
      if (column.byteOffset < end && start < column.byteOffset + column.byteLength)
        rangeFail(fn, `options.out must not share memory with ${input}.${name}`, { argument: 'options.out' });
    }
  }
  return out;
}

/**
 * Where the results of `n` customers go: `out` when given (its length must be `n`), else a new `number[]`.
 * `single` (one customer object, whose result is a number) with `out` is a `TypeError`.
 * @example
 * ```ts
 * import { resultFor } from './output.ts';
 *
 * resultFor('f', undefined, 2).length; // => 2
 * const out = new Float64Array(2);
 * resultFor('f', out, 2) === out; // => true
 * resultFor('f', new Float64Array(3), 2); // => throws RangeError: f: options.out has length 3; it needs one element per customer (2)
 * resultFor('f', new Float64Array(1), 1, true); // => throws TypeError: f: options.out needs many customers (an array or columns), got one customer object
 * ```
 */
export function resultFor(
  fn: string,
  out: Float64Array | undefined,
  n: number,
  single = false,
): number[] | Float64Array {
  if (out === undefined) return resultArray(n);
  if (single)
    typeFail(fn, 'options.out needs many customers (an array or columns), got one customer object', {
      argument: 'options.out',
    });
  if (out.length !== n)
    rangeFail(fn, `options.out has length ${out.length}; it needs one element per customer (${n})`, {
      argument: 'options.out',
      value: out.length,
    });
  return out;
}

/** The columns a prediction over `{ frequency, recency, T }` reads (for {@link readOut}). */
export const MODEL_COLUMNS: readonly string[] = ['frequency', 'recency', 'T'];
/** The columns a spend prediction reads. */
export const SPEND_COLUMNS: readonly string[] = ['frequency', 'monetaryValue'];
/** The columns a BG/BB prediction reads. */
export const BGBB_COLUMNS: readonly string[] = ['frequency', 'recency', 'opportunities'];
