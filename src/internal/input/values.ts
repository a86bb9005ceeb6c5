/**
 * The value field of an event log, plugged into the reader as `EventLogSpec.value` (like the cohort extras), so
 * that a function that reads no values (`retentionMatrix`, `overdueCustomers`, `customerLifetimes`, …) bundles
 * neither the value rule nor the value-column reader: `LOG_VALUES` is what a caller that reads values passes.
 * @internal
 * @module
 */
import { requireLogValue } from './fields.ts';

/** How the adapters read and check values (see {@link LOG_VALUES}). */
export interface LogValues {
  /** The one value rule (`requireLogValue` of `fields.ts`): a finite number, else an error naming the row. */
  readonly check: typeof requireLogValue;
  /** A value column, validated: a `Float64Array` is kept (one check pass), anything else converted into one. */
  readonly column: (
    fn: string,
    name: string,
    raw: ArrayLike<unknown>,
    customers: ArrayLike<unknown>,
  ) => ArrayLike<number>;
}

/**
 * The value reader of the event-log door.
 * @example
 * ```ts
 * import { LOG_VALUES } from './values.ts';
 *
 * const column = new Float64Array([1, 2.5]);
 * LOG_VALUES.column('rfmSummary', 'transactions', column, ['a', 'b']) === column; // => true
 * LOG_VALUES.column('rfmSummary', 'transactions', [1, 2.5], ['a', 'b']); // => [1, 2.5]
 * LOG_VALUES.column('rfmSummary', 'transactions', [1, '2'], ['a', 'b']); // => throws TypeError: rfmSummary: value[1] must be a number, got "2"
 * ```
 */
export const LOG_VALUES: LogValues = { check: requireLogValue, column: valueColumn };

function valueColumn(
  fn: string,
  name: string,
  raw: ArrayLike<unknown>,
  customers: ArrayLike<unknown>,
): ArrayLike<number> {
  const n = raw.length;
  if (raw instanceof Float64Array) {
    const bad = firstNonFinite(raw);
    if (bad >= 0) requireLogValue(fn, name, raw[bad], bad, false, customers[bad]);
    return raw;
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = raw[i];
    values[i] = typeof v === 'number' && v - v === 0 ? v : requireLogValue(fn, name, v, i, false, customers[i]);
  }
  return values;
}

/** Index of the first NaN or ±Infinity, or −1. */
function firstNonFinite(values: Float64Array): number {
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (!(v - v === 0)) return i;
  }
  return -1;
}
