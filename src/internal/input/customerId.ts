/**
 * The one rule for customer identifiers, shared by every reader of an event log or of responses keyed by
 * customer: a customer id is a non-empty string or a finite number (`1` and `"1"` are different customers;
 * `-0` and `0` the same). A value of another kind, or the empty string, is a `TypeError`; `NaN` or ±Infinity
 * a `RangeError`. The error names the row (`row 3: customer`, or `customer[3]` for columns) and carries
 * `argument`, `value` and `row`.
 * @internal
 * @module
 */
import { outOfRange, wrongType } from '../validate.ts';

/**
 * Whether `id` is a valid customer id (a non-empty string or a finite number).
 * @example
 * ```ts
 * import { isCustomerId } from './customerId.ts';
 *
 * [isCustomerId('ann'), isCustomerId(7), isCustomerId(-0)]; // => [true, true, true]
 * [isCustomerId(''), isCustomerId(Number.NaN), isCustomerId(null), isCustomerId(true)]; // => [false, false, false, false]
 * ```
 */
export function isCustomerId(id: unknown): id is string | number {
  return typeof id === 'string' ? id !== '' : typeof id === 'number' && id - id === 0;
}

/**
 * Throws the error for an invalid customer id `id` of row `row` (call it only once {@link isCustomerId} said
 * no). `input` names the argument (`'events'`, `'transactions'`, `'responses'`); `rowInput` tells whether
 * the log came as rows (`row 3: customer`, argument `transactions[3].customer`) or as columns
 * (`customer[3]`, argument `transactions.customer[3]`).
 * @example
 * ```ts
 * import { failCustomerId } from './customerId.ts';
 *
 * failCustomerId('rfmSummary', null, 3, true, 'transactions'); // => throws TypeError: rfmSummary: row 3: customer must be a non-empty string or a finite number, got null
 * failCustomerId('rfmSummary', '', 0, false, 'transactions'); // => throws TypeError: rfmSummary: customer[0] must be a non-empty string or a finite number, got ""
 * failCustomerId('retentionMatrix', Number.NaN, 2, false, 'events'); // => throws RangeError: retentionMatrix: customer[2] (NaN) must be a finite number
 * ```
 */
export function failCustomerId(fn: string, id: unknown, row: number, rowInput: boolean, input: string): never {
  const at = {
    label: rowInput ? `row ${row}: customer` : `customer[${row}]`,
    argument: rowInput ? `${input}[${row}].customer` : `${input}.customer[${row}]`,
    row,
  };
  if (typeof id === 'number') return outOfRange(fn, at, id, 'must be a finite number');
  return wrongType(fn, at, id, 'a non-empty string or a finite number');
}

/**
 * Returns `id` when it is a valid customer id, else throws as {@link failCustomerId}.
 * @example
 * ```ts
 * import { requireCustomerId } from './customerId.ts';
 *
 * requireCustomerId('historicalClvByCustomer', 'ann', 0, true, 'transactions'); // => 'ann'
 * requireCustomerId('historicalClvByCustomer', Infinity, 1, true, 'transactions'); // => throws RangeError: historicalClvByCustomer: row 1: customer (Infinity) must be a finite number
 * ```
 */
export function requireCustomerId(
  fn: string,
  id: unknown,
  row: number,
  rowInput: boolean,
  input: string,
): string | number {
  if (isCustomerId(id)) return id;
  return failCustomerId(fn, id, row, rowInput, input);
}
