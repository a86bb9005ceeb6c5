/**
 * Column adapter of the event-log reader (`eventLog.ts`): parallel columns `{ customer, time, value?,
 * cohort? }` of equal length, each a plain array or a typed array, read without accessors. Columns are kept
 * as they are when the kernels can read them directly (never copied on the hot path): typed id columns
 * (`Int32Array`, `Uint32Array`) with a `Float64Array` of epoch ms are checked in one tight pass; a time column
 * of epoch ms and a `Float64Array` of finite values are checked and kept; other columns are converted into a
 * `Float64Array` while they are checked.
 * @internal
 * @module
 */
import { MAX_EPOCH_MS } from '../time/civil.ts';
import { readTimeColumn, type TimeColumn } from '../time/timeColumn.ts';
import { describeValue, rangeFail, requireArrayLike, typeFail } from '../validate.ts';
import type { EventLogOptionValues, EventLogSpec, LogColumns } from './eventLog.ts';
import type { LogValues } from './values.ts';
import { anyDirectIdLimit, largestDirectId } from './denseIds.ts';
import { readLogTime } from './fields.ts';

/**
 * Whether `input` is column input: a non-iterable object with `customer` and `time` keys.
 * @example
 * ```ts
 * import { isColumnInput } from './columns.ts';
 *
 * [isColumnInput({ customer: [], time: [] }), isColumnInput({ customer: [] }), isColumnInput([]), isColumnInput(null)]; // => [true, false, false, false]
 * ```
 */
export function isColumnInput(input: unknown): input is Readonly<Record<string, unknown>> {
  return input !== null && typeof input === 'object' && 'customer' in input && 'time' in input;
}

/**
 * A column: an array or a typed array (an arbitrary `{ length }` object could claim any length).
 * @example
 * ```ts
 * import { requireColumn } from './columns.ts';
 *
 * requireColumn('f', 'events.time', new Float64Array(2)).length; // => 2
 * requireColumn('f', 'events.time', { length: 2 }); // => throws TypeError: f: events.time must be an array or a typed array, got an object
 * ```
 */
export function requireColumn(fn: string, name: string, value: unknown): ArrayLike<unknown> {
  const column = requireArrayLike(fn, name, value);
  if (!Array.isArray(column) && !(ArrayBuffer.isView(column) && !(column instanceof DataView))) {
    typeFail(fn, `${name} must be an array or a typed array, got ${describeValue(value)}`, { argument: name, value });
  }
  return column;
}

/**
 * Reads column input (see {@link isColumnInput}) into the reader's columns (cohort dates and filters are the
 * extras' part: `cohortExtras.ts`).
 * @example
 * ```ts
 * import { readColumnLog } from './columns.ts';
 *
 * import { LOG_VALUES } from './values.ts';
 *
 * const spec = { name: 'events', timeZone: 'UTC', value: LOG_VALUES } as const;
 * readColumnLog('buildCohorts', { customer: ['a', 'b'], time: ['2024-01-02', 0], value: [1, 2] }, {}, spec); // => { length: 2, customers: ['a', 'b'], times: [1704153600000, 0], values: [1, 2], rows: null, idMax: -1, rowInput: false }
 * readColumnLog('buildCohorts', { customer: ['a'], time: [0] }, { time: 'at' }, spec); // => throws TypeError: buildCohorts: time accessor applies to row input only; columnar events are read from events.time
 * readColumnLog('buildCohorts', { customer: ['a'], time: [0], value: [Infinity] }, {}, spec); // => throws RangeError: buildCohorts: value[0] (Infinity) must be a finite number
 * ```
 */
export function readColumnLog(
  fn: string,
  columns: Readonly<Record<string, unknown>>,
  options: EventLogOptionValues,
  spec: EventLogSpec,
): LogColumns {
  const { name, timeZone } = spec;
  for (const key of ['customer', 'time', 'value'] as const) {
    if (options[key] !== undefined)
      typeFail(fn, `${key} accessor applies to row input only; columnar ${name} are read from ${name}.${key}`, {
        argument: `options.${key}`,
        value: options[key],
      });
  }
  const customers = requireColumn(fn, `${name}.customer`, columns.customer);
  const rawTimes = requireColumn(fn, `${name}.time`, columns.time);
  const rawValues =
    spec.value !== false && columns.value !== undefined ? requireColumn(fn, `${name}.value`, columns.value) : null;
  const n = customers.length;
  for (const [field, column] of [
    ['time', rawTimes],
    ['value', rawValues],
  ] as const) {
    if (column !== null && column.length !== n) {
      rangeFail(fn, `${name}.${field} length (${column.length}) must equal ${name}.customer length (${n})`, {
        argument: `${name}.${field}`,
        value: column,
      });
    }
  }
  let times: ArrayLike<number>;
  let minMs: number;
  let maxMs: number;
  let idMax: number;
  if (rawTimes instanceof Float64Array && (customers instanceof Int32Array || customers instanceof Uint32Array)) {
    // Typed columns: one tight pass (the ids are integers by construction).
    const range = new Float64Array(4);
    const bad = scanTypedColumns(customers, rawTimes, range);
    if (bad >= 0) readLogTime(fn, name, 'time', rawTimes[bad], bad, false, timeZone, customers[bad]);
    times = rawTimes;
    minMs = range[0] as number;
    maxMs = range[1] as number;
    idMax = (range[2] as number) >= 0 && (range[3] as number) < anyDirectIdLimit(n) ? (range[3] as number) : -1;
  } else {
    ({ times, minMs, maxMs } = timeColumn(fn, name, rawTimes, timeZone, customers));
    idMax = largestDirectId(customers, n);
  }
  const values =
    rawValues === null
      ? null
      : spec.deferValueCheck === true
        ? (rawValues as ArrayLike<number>)
        : (spec.value as LogValues).column(fn, name, rawValues, customers);
  return { length: n, customers, times, values, rows: null, minMs, maxMs, rowInput: false, idMax };
}

/**
 * Range of a typed time column and of the ids, into `out` = [min time, max time, min id, max id]; returns the
 * first invalid time's index, or −1. (Numbers and typed arrays only, no object literal: a hot loop's optimised
 * code then depends on no short-lived hidden class, so it survives garbage collections.)
 */
function scanTypedColumns(customers: Int32Array | Uint32Array, times: Float64Array, out: Float64Array): number {
  const n = times.length;
  let minMs = Number.POSITIVE_INFINITY;
  let maxMs = Number.NEGATIVE_INFINITY;
  let idMin = 0;
  let idMax = -1;
  let bad = -1;
  const limit = MAX_EPOCH_MS;
  for (let i = 0; i < n; i++) {
    const t = times[i] as number;
    if (!(t >= -limit && t <= limit)) {
      bad = i;
      break;
    }
    if (t > maxMs) maxMs = t;
    if (t < minMs) minMs = t;
    const v = customers[i] as number;
    if (v > idMax) idMax = v;
    if (v < idMin) idMin = v;
  }
  out[0] = minMs;
  out[1] = maxMs;
  out[2] = idMin;
  out[3] = idMax;
  return bad;
}

/** A time column through `readTimeColumn` (kept when already epoch ms); an invalid time is reported with the row's fields. */
function timeColumn(
  fn: string,
  name: string,
  rawTimes: ArrayLike<unknown>,
  timeZone: string,
  customers: ArrayLike<unknown>,
): TimeColumn {
  try {
    return readTimeColumn(fn, rawTimes, timeZone);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    // Find the first invalid time again and report it by the log's rule (valid ones convert again, error path only).
    for (let i = 0; i < rawTimes.length; i++) {
      const t = rawTimes[i];
      if (!(typeof t === 'number' && Math.abs(t) <= MAX_EPOCH_MS))
        readLogTime(fn, name, 'time', t, i, false, timeZone, customers[i]);
    }
    throw error;
  }
}
