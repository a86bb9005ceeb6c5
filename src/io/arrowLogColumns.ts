import { MAX_EPOCH_MS } from '../internal/time/civil.ts';
import { toEpochMs } from '../internal/time/parse.ts';
import { requireTimeZone } from '../internal/time/zones.ts';
import { describeValue, rangeFail, readOptions, requireOneOf, typeFail, withDefault } from '../internal/validate.ts';
import type { CustomerId } from '../types.ts';
import type { ArrowLogOptions, ArrowTableLike, LogColumns } from './types.ts';

const FN = 'arrowLogColumns';
const KEYS = ['customer', 'time', 'value', 'timeUnit', 'timeZone'] as const;
const UNITS = ['second', 'millisecond', 'microsecond', 'nanosecond'] as const;
/** Milliseconds per unit, in the order of Arrow's `TimeUnit` enum (SECOND = 0 … NANOSECOND = 3). */
const MS_PER_UNIT = [1000, 1, 1e-3, 1e-6] as const;
/** Arrow type ids (`Type` enum of apache-arrow): Date = 8, Timestamp = 10. */
const ARROW_DATE = 8;
const ARROW_TIMESTAMP = 10;

/** The parts of an apache-arrow `Vector` this adapter reads when they are there. */
interface VectorLike {
  toArray(): ArrayLike<unknown>;
  readonly length?: number;
  readonly nullCount?: number;
  readonly type?: { readonly typeId?: number; readonly unit?: number };
  readonly data?: readonly DataLike[];
  isValid?(index: number): boolean;
}

/** A chunk (`Data`) of a dictionary-encoded vector: indices into its dictionary. */
interface DataLike {
  readonly length: number;
  readonly nullCount?: number;
  readonly values?: ArrayLike<number>;
  readonly dictionary?: { toArray(): ArrayLike<unknown> };
}

function column(table: ArrowTableLike, option: string, name: string): VectorLike {
  const vector = table.getChild(name) as VectorLike | null;
  if (vector === null || vector === undefined || typeof vector.toArray !== 'function')
    typeFail(FN, `table has no column ${JSON.stringify(name)} (options.${option})`, {
      argument: `options.${option}`,
      value: name,
    });
  return vector;
}

function requireName(key: string, value: unknown): string {
  if (typeof value !== 'string' || value === '')
    typeFail(FN, `${key} must be a column name (a non-empty string), got ${describeValue(value)}`, {
      argument: `options.${key}`,
      value,
    });
  return value;
}

/** Throws for the first null of a vector that has nulls. */
function rejectNulls(vector: VectorLike, name: string, n: number): void {
  if ((vector.nullCount ?? 0) === 0 || typeof vector.isValid !== 'function') return;
  for (let i = 0; i < n; i++) {
    if (!vector.isValid(i))
      typeFail(FN, `${name}[${i}] is null`, { argument: `table.${name}[${i}]`, value: null, row: i });
  }
}

/** Validates a customer id of the table and returns it (`-0` read as 0). */
function customerId(id: unknown, i: number): CustomerId {
  if (typeof id === 'bigint') {
    const n = Number(id);
    if (!Number.isSafeInteger(n))
      rangeFail(FN, `customer[${i}] (${id}n) is not a safe integer`, {
        argument: `table.customer[${i}]`,
        value: id,
        row: i,
      });
    return n;
  }
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number') {
    if (id - id === 0) return id === 0 ? 0 : id;
    rangeFail(FN, `customer[${i}] (${describeValue(id)}) must be a finite number`, {
      argument: `table.customer[${i}]`,
      value: id,
      row: i,
    });
  }
  return typeFail(FN, `customer[${i}] must be a non-empty string or a finite number, got ${describeValue(id)}`, {
    argument: `table.customer[${i}]`,
    value: id,
    row: i,
  });
}

/** Dense codes of a dictionary-encoded column: its indices themselves when they can serve as codes. */
function dictionaryCodes(vector: VectorLike, n: number): { codes: Int32Array; ids: CustomerId[] } | null {
  const chunks = vector.data;
  if (chunks === undefined || chunks.length === 0 || chunks.some((d) => d.dictionary === undefined)) return null;
  const first = chunks[0] as DataLike;
  const dictionary = first.dictionary?.toArray() ?? [];
  const ids = Array.from(dictionary, (id, k) => customerId(id, k));
  const unique = new Set(ids).size === ids.length;
  if (chunks.length === 1 && unique && first.values instanceof Int32Array && first.values.length >= n) {
    const codes = first.values.length === n ? first.values : first.values.subarray(0, n);
    // Indices must point into the dictionary (a corrupt or hand-made column could hold others).
    let bad = -1;
    for (let i = 0; i < n && bad < 0; i++)
      if (!((codes[i] as number) >= 0 && (codes[i] as number) < ids.length)) bad = i;
    if (bad < 0) return { codes, ids };
  }
  // Several chunks, or a dictionary with repeated entries: remap every chunk's indices to shared codes.
  const codes = new Int32Array(n);
  const codeOf = new Map<CustomerId, number>();
  const shared: CustomerId[] = [];
  let at = 0;
  for (const chunk of chunks) {
    const entries = Array.from(chunk.dictionary?.toArray() ?? [], (id, k) => customerId(id, k));
    const remap = new Int32Array(entries.length);
    entries.forEach((id, k) => {
      let code = codeOf.get(id);
      if (code === undefined) {
        code = shared.length;
        codeOf.set(id, code);
        shared.push(id);
      }
      remap[k] = code;
    });
    const indices = chunk.values ?? [];
    for (let i = 0; i < chunk.length; i++) {
      const code = remap[indices[i] as number];
      if (code === undefined)
        rangeFail(FN, `customer[${at + i}] has dictionary index ${describeValue(indices[i])} outside its dictionary`, {
          argument: `table.customer[${at + i}]`,
          value: indices[i],
          row: at + i,
        });
      codes[at + i] = code;
    }
    at += chunk.length;
  }
  return { codes, ids: shared };
}

/** Dense codes of a column of plain ids (strings or numbers), in order of first appearance. */
function internedCodes(values: ArrayLike<unknown>, n: number): { codes: Int32Array; ids: CustomerId[] } {
  const codes = new Int32Array(n);
  const codeOf = new Map<CustomerId, number>();
  const ids: CustomerId[] = [];
  for (let i = 0; i < n; i++) {
    const raw = values[i];
    let code = codeOf.get(raw as CustomerId);
    if (code === undefined) {
      const id = customerId(raw, i);
      code = codeOf.get(id);
      if (code === undefined) {
        code = ids.length;
        codeOf.set(id, code);
        ids.push(id);
      }
    }
    codes[i] = code;
  }
  return { codes, ids };
}

/** A calendar date without a time of day, in the extended or basic form. */
const DATE_TEXT = /^(?:\d{4}-\d\d-\d\d|\d{8})$/;

/**
 * Epoch-ms time column: as it is for a `Float64Array` of ms, else converted; `dateOnly` when the column is an
 * Arrow date or every string is a calendar date.
 */
function timeColumn(
  vector: VectorLike,
  unit: number,
  n: number,
  timeZone: string,
  isDate: boolean,
): { time: Float64Array; dateOnly: boolean } {
  const raw = vector.toArray();
  let dates = n > 0;
  const scale = MS_PER_UNIT[unit] as number;
  let out: Float64Array;
  if (raw instanceof Float64Array && scale === 1) {
    out = raw;
    dates &&= isDate;
  } else {
    out = new Float64Array(n);
    if (raw instanceof BigInt64Array || raw instanceof BigUint64Array) {
      dates &&= isDate;
      for (let i = 0; i < n; i++) out[i] = Number(raw[i]) * scale;
    } else {
      for (let i = 0; i < n; i++) {
        const t = raw[i];
        if (typeof t === 'number') {
          out[i] = isDate ? t : t * scale;
          dates &&= isDate;
        } else if (t instanceof Date) {
          out[i] = t.getTime();
          dates &&= isDate;
        } else if (typeof t === 'string') {
          out[i] = toEpochMs(FN, t, `time[${i}]`, timeZone);
          dates &&= DATE_TEXT.test(t);
        } else
          typeFail(FN, `time[${i}] must be a timestamp, got ${describeValue(t)}`, {
            argument: `table.time[${i}]`,
            value: t,
            row: i,
          });
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const t = out[i] as number;
    if (!(Math.abs(t) <= MAX_EPOCH_MS))
      typeFail(FN, `time[${i}] (${describeValue(t)}) is not a valid date`, {
        argument: `table.time[${i}]`,
        value: t,
        row: i,
      });
  }
  return { time: out, dateOnly: dates };
}

/** Value column: a `Float64Array` as it is, other numbers copied; every value finite. */
function valueColumn(vector: VectorLike, n: number): Float64Array {
  const raw = vector.toArray();
  let out: Float64Array;
  if (raw instanceof Float64Array) out = raw;
  else {
    out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = raw[i];
      out[i] = typeof v === 'bigint' ? Number(v) : (v as number);
      if (typeof v !== 'number' && typeof v !== 'bigint')
        typeFail(FN, `value[${i}] must be a number, got ${describeValue(v)}`, {
          argument: `table.value[${i}]`,
          value: v,
          row: i,
        });
    }
  }
  for (let i = 0; i < n; i++) {
    const v = out[i] as number;
    if (!(v - v === 0))
      rangeFail(FN, `value[${i}] (${describeValue(v)}) must be a finite number`, {
        argument: `table.value[${i}]`,
        value: v,
        row: i,
      });
  }
  return out;
}

/**
 * Turns an Arrow-style table (apache-arrow's `Table` or `RecordBatch`, or anything with `getChild(name)` returning
 * a column with `toArray()`) into the columnar input of `rfmSummary`, `retentionMatrix` and the other event-log
 * functions, copying as little as it can.
 *
 * - `customer`: a dictionary-encoded string column (its `Int32Array` of indices becomes the codes as it is, and
 *   its dictionary `customerIds`), or a column of strings or integers (coded in order of first appearance).
 * - `time`: an Arrow `Timestamp` (a `BigInt64Array` in its `type.unit`: seconds, milli-, micro- or nanoseconds),
 *   an Arrow `Date` (`Date32` days or `Date64` ms), a `Float64Array` of epoch ms (kept as it is), integers in
 *   `timeUnit`, or ISO 8601 strings (read as every library function reads them, in `timeZone`).
 * - `value`: numbers (a `Float64Array` is kept as it is), all finite.
 *
 * Nanosecond and microsecond times become fractional milliseconds (exact to about a microsecond).
 *
 * @param table - The table.
 * @param options - Column names (`customer`, `time`, optional `value`), `timeUnit` (overrides the time column's
 *   own unit), `timeZone` (default `'UTC'`, for ISO strings without offset).
 * @returns The columns ({@link LogColumns}), `skippedRows` 0; typed arrays may be the table's own buffers (never
 *   written to).
 * @throws {TypeError} For a missing column, a null, a customer id that is not a non-empty string or a number, a
 *   time that is not a timestamp; the error names the row (`time[3] is null`).
 * @throws {RangeError} For columns of different lengths, a non-finite value or id, or an unknown `timeUnit`.
 * @example
 * ```ts
 * import { arrowLogColumns, rfmSummary } from 'loyalty-metrics';
 *
 * // What apache-arrow's Table gives: a dictionary-encoded id column, a Timestamp<SECOND> column (type id 10, unit 0)
 * const ids = { data: [{ length: 3, values: new Int32Array([0, 1, 0]), dictionary: { toArray: () => ['ann', 'bob'] } }] };
 * const columns: Record<string, { toArray(): ArrayLike<unknown> }> = {
 *   user: { ...ids, toArray: () => ['ann', 'bob', 'ann'] },
 *   at: { type: { typeId: 10, unit: 0 }, toArray: () => new BigInt64Array([0n, 86_400n, 864_000n]) } as never,
 *   amount: { toArray: () => new Float64Array([10, 4, 30]) },
 * };
 * const table = { getChild: (name: string) => columns[name] ?? null };
 * const log = arrowLogColumns(table, { customer: 'user', time: 'at', value: 'amount' });
 * [log.customerIds, Array.from(log.customer), Array.from(log.time)]; // => [['ann', 'bob'], [0, 1, 0], [0, 86400000, 864000000]]
 * rfmSummary(log)[0]; // => { customer: 0, frequency: 1, recency: 10, T: 10, monetaryValue: 30 }
 * arrowLogColumns(table, { customer: 'user', time: 'when' }); // => throws TypeError: arrowLogColumns: table has no column "when" (options.time)
 * ```
 * @category Input
 */
export function arrowLogColumns(table: ArrowTableLike, options: ArrowLogOptions): LogColumns {
  const o = readOptions(FN, options, KEYS);
  if (table === null || typeof table !== 'object' || typeof table.getChild !== 'function')
    typeFail(FN, `table must have getChild(name) (an Arrow Table or RecordBatch), got ${describeValue(table)}`, {
      argument: 'table',
      value: table,
    });
  const customerName = requireName('customer', o.customer);
  const timeName = requireName('time', o.time);
  const valueName = o.value === undefined ? undefined : requireName('value', o.value);
  const timeZone = requireTimeZone(FN, 'options.timeZone', withDefault(o.timeZone, 'UTC'));
  const unitOption = o.timeUnit === undefined ? undefined : requireOneOf(FN, 'options.timeUnit', o.timeUnit, UNITS);
  const customerVector = column(table, 'customer', customerName);
  const timeVector = column(table, 'time', timeName);
  const valueVector = valueName === undefined ? undefined : column(table, 'value', valueName);
  const n = customerVector.length ?? customerVector.toArray().length;
  for (const [name, vector] of [
    ['time', timeVector],
    ['value', valueVector],
  ] as const) {
    if (vector === undefined) continue;
    const length = vector.length ?? vector.toArray().length;
    if (length !== n)
      rangeFail(FN, `${name} length (${length}) must equal customer length (${n})`, {
        argument: `table.${name}`,
        value: length,
      });
  }
  rejectNulls(customerVector, 'customer', n);
  rejectNulls(timeVector, 'time', n);
  if (valueVector !== undefined) rejectNulls(valueVector, 'value', n);
  const { codes, ids } = dictionaryCodes(customerVector, n) ?? internedCodes(customerVector.toArray(), n);
  const typeId = timeVector.type?.typeId;
  const ownUnit = typeId === ARROW_TIMESTAMP ? (timeVector.type?.unit ?? 1) : 1;
  const unit = unitOption === undefined ? ownUnit : UNITS.indexOf(unitOption);
  const isDate = typeId === ARROW_DATE && unitOption === undefined;
  const { time, dateOnly } = timeColumn(timeVector, unit, n, timeZone, isDate);
  const base = { customer: codes, customerIds: ids, time };
  return valueVector === undefined
    ? { ...base, skippedRows: 0, dateOnly }
    : { ...base, value: valueColumn(valueVector, n), skippedRows: 0, dateOnly };
}
