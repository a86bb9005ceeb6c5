/**
 * Row adapter of the event-log reader (`eventLog.ts`): an array or iterable of rows, read through the
 * `customer`, `time` and optional `value` / `cohort` accessors (a property name or `(row, index) => value`).
 * One pass reads every row into typed columns; customer ids stay in an `Int32Array` while they are
 * non-negative integers, so the kernels' loops see one array type on the usual input.
 * @internal
 * @module
 */
import { resolveAccessor, rowsOf } from '../rows.ts';
import { MAX_EPOCH_MS } from '../time/civil.ts';
import type { EventLogOptionValues, EventLogSpec, LogColumns } from './eventLog.ts';
import { anyDirectIdLimit } from './denseIds.ts';
import { readLogTime } from './fields.ts';
import type { LogValues } from './values.ts';

/**
 * Whether `input` is row input: an array or any other iterable object.
 * @example
 * ```ts
 * import { isRowInput } from './rows.ts';
 *
 * [isRowInput([]), isRowInput(new Set()), isRowInput({ customer: [], time: [] }), isRowInput('ab')]; // => [true, true, false, false]
 * ```
 */
export function isRowInput(input: unknown): input is Iterable<unknown> {
  return (
    Array.isArray(input) ||
    (input !== null && typeof input === 'object' && typeof (input as Iterable<unknown>)[Symbol.iterator] === 'function')
  );
}

/**
 * Reads row input (see {@link isRowInput}) into the reader's columns.
 * @example
 * ```ts
 * import { readRowLog } from './rows.ts';
 *
 * import { LOG_VALUES } from './values.ts';
 *
 * const spec = { name: 'transactions', timeZone: 'UTC', value: LOG_VALUES } as const;
 * const rows = [{ id: 4, at: '2024-01-02', v: 5 }, { id: 2, at: 0, v: 1 }];
 * readRowLog('rfmSummary', rows, { customer: 'id', time: 'at', value: 'v' }, spec); // => { length: 2, customers: [4, 2], times: [1704153600000, 0], values: [5, 1], minMs: 0, idMax: 4, rowInput: true }
 * readRowLog('rfmSummary', [{ id: 'a', at: 0, v: '5' }], { customer: 'id', time: 'at', value: 'v' }, spec); // => throws TypeError: rfmSummary: row 0: value must be a number, got "5"
 * ```
 */
export function readRowLog(
  fn: string,
  input: Iterable<unknown>,
  options: EventLogOptionValues,
  spec: EventLogSpec,
): LogColumns {
  const rows = rowsOf(fn, spec.name, input);
  const getCustomer = resolveAccessor<unknown>(fn, 'customer', options.customer);
  const getTime = resolveAccessor<unknown>(fn, 'time', options.time);
  const getValue =
    spec.value !== false && options.value !== undefined ? resolveAccessor<unknown>(fn, 'value', options.value) : null;
  const check = spec.value === false ? null : spec.value.check;
  const n = rows.length;
  // One buffer for the three columns (times, values, ids): V8 starts a full garbage collection each time the
  // memory held by array buffers grows by 64 MB, so three allocations of a large log could cost two of them.
  const buffer = new ArrayBuffer(n * (getValue === null ? 12 : 20));
  const times = new Float64Array(buffer, 0, n);
  const values = getValue === null ? null : new Float64Array(buffer, 8 * n, n);
  const ids = new Int32Array(buffer, (getValue === null ? 8 : 16) * n, n);
  const range = new Float64Array(3);
  const valueKey = getValue === null ? null : options.value;
  // Property names: read in one pass with a load site per field (the accessor closures share one site, which
  // then sees three names and goes megamorphic); functions are called as given.
  const customers =
    typeof options.customer === 'string' &&
    typeof options.time === 'string' &&
    (valueKey === null || typeof valueKey === 'string')
      ? readRowsByKey(
          fn,
          spec.name,
          rows,
          spec.timeZone,
          options.customer,
          options.time,
          valueKey,
          getCustomer,
          check,
          ids,
          times,
          values,
          range,
        )
      : readRows(fn, spec.name, rows, spec.timeZone, getCustomer, getTime, getValue, check, ids, times, values, range);
  const idMax = range[2] as number;
  return {
    length: n,
    customers,
    times,
    values,
    rows,
    minMs: range[0] as number,
    maxMs: range[1] as number,
    rowInput: true,
    idMax: idMax < anyDirectIdLimit(n) ? idMax : -1,
  };
}

/**
 * The row pass: each row's time (and value) into the columns, and `range` = [min time, max time,
 * largest customer id when every id is a non-negative integer below 2^31, else −1]. Returns the customer
 * column: `ids` while the ids are such integers, else an array of the ids as read. Numbers in range
 * skip the converters (and the error label they would need). Arrays and numbers only, no object literal: the
 * loop's optimised code then survives garbage collections.
 */
function readRows(
  fn: string,
  name: string,
  rows: readonly unknown[],
  timeZone: string,
  getCustomer: (row: unknown, index: number) => unknown,
  getTime: (row: unknown, index: number) => unknown,
  getValue: ((row: unknown, index: number) => unknown) | null,
  check: LogValues['check'] | null,
  ids: Int32Array,
  times: Float64Array,
  values: Float64Array | null,
  range: Float64Array,
): Int32Array | unknown[] {
  const n = rows.length;
  let small: Int32Array | null = ids;
  let customers: unknown[] = [];
  const limit = MAX_EPOCH_MS;
  let minMs = Number.POSITIVE_INFINITY;
  let maxMs = Number.NEGATIVE_INFINITY;
  let idMax = -1;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const id = getCustomer(row, i);
    if (small === null) customers[i] = id;
    else if (typeof id === 'number' && (id | 0) === id && id >= 0) {
      small[i] = id;
      if (id > idMax) idMax = id;
    } else {
      // Filled, so that its elements are packed (a holey array reads and writes slower).
      customers = new Array<unknown>(n).fill(null);
      for (let j = 0; j < i; j++) customers[j] = small[j];
      customers[i] = id;
      small = null;
      idMax = -1;
    }
    const raw = getTime(row, i);
    const t =
      typeof raw === 'number' && Math.abs(raw) <= limit
        ? raw
        : readLogTime(fn, name, 'time', raw, i, true, timeZone, (small ?? customers)[i]);
    times[i] = t;
    if (t > maxMs) maxMs = t;
    if (t < minMs) minMs = t;
    if (values !== null && getValue !== null) {
      const v = getValue(row, i);
      values[i] =
        typeof v === 'number' && v - v === 0
          ? v
          : (check as LogValues['check'])(fn, name, v, i, true, (small ?? customers)[i]);
    }
  }
  range[0] = minMs;
  range[1] = maxMs;
  range[2] = idMax;
  return small ?? customers;
}

/**
 * {@link readRows} for accessors that are property names: the same pass and results, each field read at a
 * load site of its own (monomorphic on rows of one shape). `getCustomer` (the resolved accessor) is called
 * only for a row that is not an object, to throw its error.
 */
function readRowsByKey(
  fn: string,
  name: string,
  rows: readonly unknown[],
  timeZone: string,
  customerKey: string,
  timeKey: string,
  valueKey: string | null,
  getCustomer: (row: unknown, index: number) => unknown,
  check: LogValues['check'] | null,
  ids: Int32Array,
  times: Float64Array,
  values: Float64Array | null,
  range: Float64Array,
): Int32Array | unknown[] {
  const n = rows.length;
  let small: Int32Array | null = ids;
  let customers: unknown[] = [];
  const limit = MAX_EPOCH_MS;
  let minMs = Number.POSITIVE_INFINITY;
  let maxMs = Number.NEGATIVE_INFINITY;
  let idMax = -1;
  for (let i = 0; i < n; i++) {
    const row = rows[i] as Record<string, unknown>;
    if (typeof row !== 'object' || row === null) getCustomer(row, i);
    const id = row[customerKey];
    if (small === null) customers[i] = id;
    else if (typeof id === 'number' && (id | 0) === id && id >= 0) {
      small[i] = id;
      if (id > idMax) idMax = id;
    } else {
      // Filled, so that its elements are packed (a holey array reads and writes slower).
      customers = new Array<unknown>(n).fill(null);
      for (let j = 0; j < i; j++) customers[j] = small[j];
      customers[i] = id;
      small = null;
      idMax = -1;
    }
    const raw = row[timeKey];
    const t =
      typeof raw === 'number' && Math.abs(raw) <= limit
        ? raw
        : readLogTime(fn, name, 'time', raw, i, true, timeZone, (small ?? customers)[i]);
    times[i] = t;
    if (t > maxMs) maxMs = t;
    if (t < minMs) minMs = t;
    if (values !== null && valueKey !== null) {
      const v = row[valueKey];
      values[i] =
        typeof v === 'number' && v - v === 0
          ? v
          : (check as LogValues['check'])(fn, name, v, i, true, (small ?? customers)[i]);
    }
  }
  range[0] = minMs;
  range[1] = maxMs;
  range[2] = idMax;
  return small ?? customers;
}
