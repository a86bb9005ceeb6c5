/**
 * Customer (frequency, recency, T[, monetaryValue]) input for the probabilistic models, in the three
 * shapes the public functions accept:
 * - one customer `{ frequency: 2, recency: 30.43, T: 38.86 }` (predictions return a number);
 * - an array of such objects (predictions return `number[]`);
 * - columns `{ frequency: ArrayLike<number>, recency: ArrayLike<number>, T: ArrayLike<number> }` of equal
 *   length, plain or typed arrays (predictions return `number[]`).
 * Everything is validated once; columns that are Float64Arrays already are used in place, anything else is
 * copied into Float64Arrays, so kernels run on flat memory.
 * @internal
 * @module
 */
import { isCustomerId } from './customerId.ts';
import { describeValue, type FailAt, rangeFail, requireArrayLike, typeFail } from '../validate.ts';

/**
 * Validated customer columns. Read-only: a column may be the caller's own Float64Array (never written,
 * never handed back to the caller).
 */
export interface CustomerColumns {
  readonly length: number;
  /** True when the input was one customer object (predictions then return a number). */
  readonly single: boolean;
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  /** Present when requested. */
  readonly monetaryValue: Float64Array | null;
  /** The customer id of row i, where the input carries one (`rfmSummary` rows and a `customer` column). */
  readonly customerId: (i: number) => string | number | undefined;
}

/** Which fields to read and how strictly. */
export interface CustomerFields {
  /** Read recency and T (default true). */
  readonly rfm?: boolean;
  /** Read monetaryValue (default false). */
  readonly monetary?: boolean;
  /** Accept a single customer object (predictions) or only collections (fits). Default true. */
  readonly allowSingle?: boolean;
  /**
   * `'positive'` (default): a monetaryValue must not be negative, nor 0 for a repeat buyer. `'any'`: any finite
   * monetaryValue (returns netted against purchases can make it 0 or negative); the caller applies its policy.
   */
  readonly spend?: 'positive' | 'any';
}

const FIELDS = ['frequency', 'recency', 'T', 'monetaryValue'] as const;
type CustomerField = (typeof FIELDS)[number];

/**
 * A row's field as a finite number (`fn: row i: name must be …` otherwise); `argument` is its path in the error fields.
 * @example
 * ```ts
 * import { rowNumber } from './customerSummary.ts';
 *
 * rowNumber('fitBgNbd', 3, 'T', 38.86); // => 38.86
 * rowNumber('fitBgNbd', 3, 'T', '38.86'); // => throws TypeError: fitBgNbd: row 3: T must be a number, got "38.86"
 * ```
 */
export function rowNumber(
  fn: string,
  row: number,
  name: string,
  value: unknown,
  argument: string = name,
  customer?: string | number,
): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const at = customer === undefined ? { argument, value, row } : { argument, value, row, customer };
  const label = rowLabel(row, customer);
  if (typeof value !== 'number') typeFail(fn, `${label}: ${name} must be a number, got ${describeValue(value)}`, at);
  return rangeFail(fn, `${label}: ${name} (${describeValue(value)}) must be a finite number`, at);
}

/**
 * How a message names a row: `row 3`, or `row 3 (customer "ann")` where the row carries a customer id.
 * @example
 * ```ts
 * import { rowLabel } from './customerSummary.ts';
 *
 * rowLabel(3, undefined); // => 'row 3'
 * rowLabel(10243, '10244'); // => 'row 10243 (customer "10244")'
 * ```
 */
export function rowLabel(row: number, customer: string | number | undefined): string {
  return customer === undefined ? `row ${row}` : `row ${row} (customer ${describeValue(customer)})`;
}

/** Row-wise access to customer input in any of its three shapes (values not yet validated). */
export interface CustomerRows<Field extends string> {
  readonly length: number;
  /** True when the input was one customer object. */
  readonly single: boolean;
  /** The raw value of `field` in row `i`. */
  readonly get: (field: Field, i: number) => unknown;
  /** The argument path of `field` in row `i`: `customers[i].field`, `customers.field[i]` or `customers.field`. */
  readonly path: (field: Field, i: number) => string;
  /** The customer id of row `i` (its `customer` field or column, as `rfmSummary` writes it), when valid. */
  readonly id: (i: number) => string | number | undefined;
}

/** A value as a customer id for error messages, or `undefined` when it is not one. */
function idOf(value: unknown): string | number | undefined {
  return isCustomerId(value) ? value : undefined;
}

/**
 * Dispatches customer input on its shape — an array of customer objects, one customer object (a number
 * in `frequency`; refused unless `allowSingle`), or an object of columns — and checks the columns have
 * equal length. `readColumn(field, value)` validates one column (callers word that message differently).
 * @example
 * ```ts
 * import { customerRows } from './customerSummary.ts';
 *
 * const read = (_field: string, value: unknown) => value as ArrayLike<unknown>;
 * const rows = customerRows('f', 'customers', { frequency: [2, 0], T: [38.86, 20] }, ['frequency', 'T'], true, read);
 * rows; // => { length: 2, single: false }
 * rows.get('T', 1); // => 20
 * customerRows('f', 'customers', { frequency: 2, T: 38.86 }, ['frequency', 'T'], true, read); // => { length: 1, single: true }
 * customerRows('f', 'customers', { frequency: [2, 0], T: [1] }, ['frequency', 'T'], true, read); // => throws RangeError: f: customers.T has length 1, expected 2 (the length of customers.frequency)
 * ```
 */
export function customerRows<Field extends string>(
  fn: string,
  name: string,
  input: unknown,
  fields: readonly Field[],
  allowSingle: boolean,
  readColumn: (field: Field, value: unknown) => ArrayLike<unknown>,
): CustomerRows<Field> {
  if (typeof input !== 'object' || input === null) {
    typeFail(
      fn,
      `${name} must be ${allowSingle ? 'a customer object, ' : ''}an array of customers or an object of columns, got ${describeValue(input)}`,
      {
        argument: name,
        value: input,
      },
    );
  }
  if (Array.isArray(input)) {
    return {
      length: input.length,
      single: false,
      get: (field, i) => {
        const row: unknown = input[i];
        if (typeof row !== 'object' || row === null) {
          typeFail(fn, `row ${i}: expected a customer object, got ${describeValue(row)}`, {
            argument: `${name}[${i}]`,
            value: row,
            row: i,
          });
        }
        return (row as Record<string, unknown>)[field];
      },
      path: (field, i) => `${name}[${i}].${field}`,
      id: (i) => {
        const row: unknown = input[i];
        return typeof row === 'object' && row !== null ? idOf((row as Record<string, unknown>).customer) : undefined;
      },
    };
  }
  const obj = input as Record<string, unknown>;
  if (typeof obj.frequency === 'number') {
    if (!allowSingle)
      typeFail(fn, `${name} must be an array of customers or an object of columns, got a single customer`, {
        argument: name,
        value: input,
      });
    return {
      length: 1,
      single: true,
      get: (field) => obj[field],
      path: (field) => `${name}.${field}`,
      id: () => idOf(obj.customer),
    };
  }
  const columns = new Map<Field, ArrayLike<unknown>>();
  for (const field of fields) columns.set(field, readColumn(field, obj[field]));
  const length = (columns.get(fields[0] as Field) as ArrayLike<unknown>).length;
  for (const [field, col] of columns) {
    if (col.length !== length) {
      rangeFail(
        fn,
        `${name}.${field} has length ${col.length}, expected ${length} (the length of ${name}.${fields[0]})`,
        { argument: `${name}.${field}`, value: col },
      );
    }
  }
  return {
    length,
    single: false,
    get: (field, i) => (columns.get(field) as ArrayLike<unknown>)[i],
    path: (field, i) => `${name}.${field}[${i}]`,
    id: (i) => {
      const ids = obj.customer;
      return typeof ids === 'object' && ids !== null && typeof (ids as { length?: unknown }).length === 'number'
        ? idOf((ids as ArrayLike<unknown>)[i])
        : undefined;
    },
  };
}

/** Columns longer than this have their first and last rows checked before anything is allocated. */
const PROBE_LENGTH = 16_777_216; // 2^24

/**
 * Validates before allocating: for a claimed length above 2²⁴ (a `{ length: 2 ** 32 - 1 }` object, say), the
 * first and last rows are checked by `check` first, so such input is a `TypeError` naming the row instead of
 * "Array buffer allocation failed".
 * @example
 * ```ts
 * import { probeRows, rowNumber } from './customerSummary.ts';
 *
 * const column = { length: 2 ** 32 - 1 } as ArrayLike<unknown>;
 * probeRows(column.length, (i) => rowNumber('f', i, 'T', column[i])); // => throws TypeError: f: row 0: T must be a number, got undefined
 * probeRows(3, () => { throw new Error('not called below 2^24 rows'); }); // => undefined
 * ```
 */
export function probeRows(length: number, check: (i: number) => unknown): void {
  if (length <= PROBE_LENGTH) return;
  check(0);
  check(length - 1);
}

/**
 * Reads and validates customers; `name` is the argument name used in messages.
 * @example
 * ```ts
 * import { readCustomers } from './customerSummary.ts';
 *
 * // The same customer in the three shapes
 * readCustomers('f', 'customers', { frequency: 2, recency: 30.43, T: 38.86 }); // => { length: 1, single: true, frequency: [2], recency: [30.43], T: [38.86], monetaryValue: null }
 * readCustomers('f', 'customers', [{ frequency: 2, recency: 30.43, T: 38.86 }]); // => { length: 1, single: false, T: [38.86] }
 * readCustomers('f', 'customers', { frequency: [2], recency: [30.43], T: [38.86] }); // => { length: 1, single: false, recency: [30.43] }
 * readCustomers('f', 'customers', [{ frequency: 2, recency: 40, T: 38.86 }]); // => throws RangeError: f: row 0: recency (40) must not exceed T (38.86)
 * readCustomers('f', 'customers', [{ frequency: 1.5, recency: 3, T: 5 }]); // => throws RangeError: f: row 0: frequency (1.5) must be a non-negative integer
 * // rfmSummary rows carry their customer id: errors name it
 * readCustomers('f', 'customers', [{ customer: 'ann', frequency: 2, recency: 40, T: 38.86 }]); // => throws RangeError: f: row 0 (customer "ann"): recency (40) must not exceed T (38.86)
 * readCustomers('f', 'customers', [{ customer: 7, frequency: 1, recency: 4, T: 9, monetaryValue: 0 }], { monetary: true }); // => throws RangeError: f: row 0 (customer 7): monetaryValue (0) must be greater than 0 for a customer with repeat purchases
 * readCustomers('f', 'customers', [{ frequency: 1, recency: 4, T: 9, monetaryValue: -5 }], { monetary: true, spend: 'any' }).monetaryValue; // => [-5]
 * ```
 */
export function readCustomers(fn: string, name: string, input: unknown, fields: CustomerFields = {}): CustomerColumns {
  const rfm = fields.rfm ?? true;
  const monetary = fields.monetary ?? false;
  const allowSingle = fields.allowSingle ?? true;
  const wanted = FIELDS.filter((f) => (f === 'frequency' ? true : f === 'monetaryValue' ? monetary : rfm));
  const { length, single, get, path, id } = customerRows(fn, name, input, wanted, allowSingle, (field, col) => {
    if (typeof col !== 'object' || col === null || typeof (col as { length?: unknown }).length !== 'number') {
      typeFail(fn, `${name}.${field} must be a number or an array of numbers, got ${describeValue(col)}`, {
        argument: `${name}.${field}`,
        value: col,
      });
    }
    return requireArrayLike(fn, `${name}.${field}`, col);
  });
  const positiveSpend = (fields.spend ?? 'positive') === 'positive';
  probeRows(length, (i) => rowNumber(fn, i, 'frequency', get('frequency', i), path('frequency', i), id(i)));
  // Fast paths. Columns that are all Float64Arrays are checked where they are and used as they are (no
  // copy: filling fresh pages costs more than the check). Other input is copied in tight loops (columns) or
  // one monomorphic pass (rows) and checked on the copies. Any doubtful value sends the whole input down
  // the row-by-row path below, which throws the error of the first bad row in row order.
  if (!single && length > 0) {
    const own = float64Columns(input, length, rfm, monetary, single, id);
    if (own && checkColumns(own)) return own;
  }
  const frequency = new Float64Array(length);
  const recency = new Float64Array(rfm ? length : 0);
  const T = new Float64Array(rfm ? length : 0);
  const monetaryValue = monetary ? new Float64Array(length) : null;
  const out: CustomerColumns = { length, single, frequency, recency, T, monetaryValue, customerId: id };
  if (!single && length > 0 && copyFast(input, rfm, monetary, out) && checkColumns(out)) return out;
  for (let i = 0; i < length; i++) {
    const fx = get('frequency', i);
    const customer = id(i);
    // The customer id is named (message and `customer` field) wherever the row has one: `row 3 (customer "ann")`.
    const at = (field: CustomerField, value: unknown): FailAt =>
      customer === undefined
        ? { argument: path(field, i), value, row: i }
        : { argument: path(field, i), value, row: i, customer };
    const label = rowLabel(i, customer);
    const x = rowNumber(fn, i, 'frequency', fx, path('frequency', i), customer);
    if (x < 0 || !Number.isInteger(x))
      rangeFail(fn, `${label}: frequency (${describeValue(x)}) must be a non-negative integer`, at('frequency', x));
    frequency[i] = x;
    if (rfm) {
      const r = rowNumber(fn, i, 'recency', get('recency', i), path('recency', i), customer);
      const t = rowNumber(fn, i, 'T', get('T', i), path('T', i), customer);
      if (r < 0) rangeFail(fn, `${label}: recency (${describeValue(r)}) must not be negative`, at('recency', r));
      if (t < r)
        rangeFail(
          fn,
          `${label}: recency (${describeValue(r)}) must not exceed T (${describeValue(t)})`,
          at('recency', r),
        );
      recency[i] = r;
      T[i] = t;
    }
    if (monetaryValue) {
      const m = rowNumber(fn, i, 'monetaryValue', get('monetaryValue', i), path('monetaryValue', i), customer);
      if (positiveSpend && m < 0)
        rangeFail(fn, `${label}: monetaryValue (${describeValue(m)}) must not be negative`, at('monetaryValue', m));
      if (positiveSpend && x > 0 && m === 0)
        rangeFail(
          fn,
          `${label}: monetaryValue (0) must be greater than 0 for a customer with repeat purchases`,
          at('monetaryValue', m),
        );
      monetaryValue[i] = m;
    }
  }
  return out;
}

/** Float64Array customer columns exactly as the caller passed them: read-only, not yet validated. */
export interface RawCustomerColumns {
  readonly length: number;
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  /** Present when asked for (else an empty array). */
  readonly monetaryValue: Float64Array;
}

/**
 * The caller's columns themselves, unchecked, when `input` is an object of columns (not an array of rows,
 * not one customer) whose frequency, recency and T (`rfm`) and monetaryValue (`monetary`) are Float64Arrays
 * of one length ≥ 1; `undefined` for any other input. For prediction loops that check each row while they
 * compute it — the rules of {@link readCustomers}: see {@link customerRowOk} and {@link spendRowOk} — and
 * on the first row that fails hand the input to `readCustomers`, which throws the error of that row.
 * @example
 * ```ts
 * import { rawFloat64Customers } from './customerSummary.ts';
 *
 * const columns = { frequency: Float64Array.of(2, 0), recency: Float64Array.of(30.43, 0), T: Float64Array.of(38.86, 20) };
 * rawFloat64Customers(columns, true, false)?.length; // => 2
 * rawFloat64Customers({ frequency: [2], recency: [30.43], T: [38.86] }, true, false); // => undefined
 * rawFloat64Customers([{ frequency: 2, recency: 30.43, T: 38.86 }], true, false); // => undefined
 * ```
 */
export function rawFloat64Customers(input: unknown, rfm: boolean, monetary: boolean): RawCustomerColumns | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const { frequency, recency, T, monetaryValue } = input as Record<string, unknown>;
  if (!(frequency instanceof Float64Array) || frequency.length === 0) return undefined;
  const length = frequency.length;
  const empty: Float64Array = new Float64Array(0);
  let r = empty;
  let t = empty;
  let m = empty;
  if (rfm) {
    if (!(recency instanceof Float64Array && T instanceof Float64Array)) return undefined;
    if (recency.length !== length || T.length !== length) return undefined;
    r = recency;
    t = T;
  }
  if (monetary) {
    if (!(monetaryValue instanceof Float64Array) || monetaryValue.length !== length) return undefined;
    m = monetaryValue;
  }
  return { length, frequency, recency: r, T: t, monetaryValue: m };
}

/**
 * The row rule of {@link readCustomers} for (x, tₓ, T): x a non-negative integer, 0 ≤ tₓ ≤ T < ∞ (NaN fails).
 * @example
 * ```ts
 * import { customerRowOk } from './customerSummary.ts';
 *
 * customerRowOk(2, 30.43, 38.86); // => true
 * customerRowOk(1.5, 3, 5); // => false
 * customerRowOk(2, 40, 38.86); // => false
 * ```
 */
export function customerRowOk(x: number, tx: number, T: number): boolean {
  return x >= 0 && x < Infinity && Math.floor(x) === x && tx >= 0 && T >= tx && T < Infinity;
}

/**
 * The row rule of {@link readCustomers} for (x, monetaryValue) without recency and T: x a non-negative integer,
 * m finite; with `positive`, also m ≥ 0 and m > 0 where x > 0.
 * @example
 * ```ts
 * import { spendRowOk } from './customerSummary.ts';
 *
 * spendRowOk(2, 22.35, true); // => true
 * spendRowOk(1, 0, true); // => false
 * spendRowOk(1, -5, false); // => true
 * ```
 */
export function spendRowOk(x: number, m: number, positive: boolean): boolean {
  if (!(x >= 0 && x < Infinity && Math.floor(x) === x && m > -Infinity && m < Infinity)) return false;
  return !positive || m > 0 || (m === 0 && x === 0);
}

/** The caller's columns themselves when every one read is a Float64Array (not yet checked), else undefined. */
function float64Columns(
  input: unknown,
  length: number,
  rfm: boolean,
  monetary: boolean,
  single: boolean,
  customerId: CustomerColumns['customerId'],
): CustomerColumns | undefined {
  if (Array.isArray(input)) return undefined;
  const { frequency, recency, T, monetaryValue } = input as Record<string, unknown>;
  if (!(frequency instanceof Float64Array)) return undefined;
  if (rfm && !(recency instanceof Float64Array && T instanceof Float64Array)) return undefined;
  if (monetary && !(monetaryValue instanceof Float64Array)) return undefined;
  return {
    length,
    single,
    frequency,
    recency: rfm ? (recency as Float64Array) : new Float64Array(0),
    T: rfm ? (T as Float64Array) : new Float64Array(0),
    monetaryValue: monetary ? (monetaryValue as Float64Array) : null,
    customerId,
  };
}

/**
 * Copies customer input that is not a single customer into `out`'s columns without validating the
 * values beyond their type: `false` when a value is not a number or a row not an object (the caller then
 * takes the row-by-row path, which throws the right error). Columns that are Float64Arrays are copied with
 * `set`, other array-likes in one loop each; an array of rows in one pass.
 */
function copyFast(input: unknown, rfm: boolean, monetary: boolean, out: CustomerColumns): boolean {
  if (Array.isArray(input)) return copyRows(input, rfm, monetary, out);
  const columns = input as Record<string, ArrayLike<unknown>>;
  if (!copyColumn(columns.frequency as ArrayLike<unknown>, out.frequency)) return false;
  if (rfm) {
    if (!copyColumn(columns.recency as ArrayLike<unknown>, out.recency)) return false;
    if (!copyColumn(columns.T as ArrayLike<unknown>, out.T)) return false;
  }
  if (monetary && !copyColumn(columns.monetaryValue as ArrayLike<unknown>, out.monetaryValue as Float64Array))
    return false;
  return true;
}

/** One column into `to` (of its length): `false` at the first value that is not a number. */
function copyColumn(from: ArrayLike<unknown>, to: Float64Array): boolean {
  if (from instanceof Float64Array) {
    to.set(from);
    return true;
  }
  for (let i = 0; i < to.length; i++) {
    const v = from[i];
    if (typeof v !== 'number') return false;
    to[i] = v;
  }
  return true;
}

/** An array of customer objects into `out`: `false` at the first row that is not an object or value not a number. */
function copyRows(rows: readonly unknown[], rfm: boolean, monetary: boolean, out: CustomerColumns): boolean {
  const { frequency, recency, T } = out;
  const monetaryValue = out.monetaryValue as Float64Array;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as { frequency?: unknown; recency?: unknown; T?: unknown; monetaryValue?: unknown } | null;
    if (typeof row !== 'object' || row === null) return false;
    const x = row.frequency;
    if (typeof x !== 'number') return false;
    frequency[i] = x;
    if (rfm) {
      const r = row.recency;
      const t = row.T;
      if (typeof r !== 'number' || typeof t !== 'number') return false;
      recency[i] = r;
      T[i] = t;
    }
    if (monetary) {
      const m = row.monetaryValue;
      if (typeof m !== 'number') return false;
      monetaryValue[i] = m;
    }
  }
  return true;
}

/**
 * The value rules of {@link readCustomers} over copied columns, in one tight pass each: frequency a
 * non-negative integer, 0 ≤ recency ≤ T < ∞, monetary value finite, ≥ 0 and > 0 when frequency > 0.
 * `true` when every row passes (NaN fails every comparison, so it fails here too).
 */
function checkColumns(data: CustomerColumns): boolean {
  const { frequency, recency, T, monetaryValue } = data;
  return (
    countsOk(frequency) &&
    (T.length === 0 || timesOk(recency, T)) &&
    (monetaryValue === null || spendOk(monetaryValue, frequency))
  );
}

/** Every x a non-negative integer (one loop of its own, so that V8 optimises it alone). */
function countsOk(frequency: Float64Array): boolean {
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i] as number;
    if (!(x >= 0 && x < Infinity && Math.floor(x) === x)) return false;
  }
  return true;
}

/** 0 ≤ tₓ ≤ T < ∞ in every row. */
function timesOk(recency: Float64Array, T: Float64Array): boolean {
  for (let i = 0; i < T.length; i++) {
    const r = recency[i] as number;
    const t = T[i] as number;
    if (!(r >= 0 && t >= r && t < Infinity)) return false;
  }
  return true;
}

/** Every monetary value finite and ≥ 0, and > 0 where x > 0. */
function spendOk(monetaryValue: Float64Array, frequency: Float64Array): boolean {
  for (let i = 0; i < monetaryValue.length; i++) {
    const m = monetaryValue[i] as number;
    if (!(m >= 0 && m < Infinity && (m > 0 || (frequency[i] as number) === 0))) return false;
  }
  return true;
}

/**
 * Reads optional per-row weights (non-negative finite numbers), defaulting to all ones.
 * @example
 * ```ts
 * import { readWeights } from './customerSummary.ts';
 *
 * readWeights('fitBgNbd', undefined, 3); // => [1, 1, 1]
 * readWeights('fitBgNbd', [2, 0, 5], 3); // => [2, 0, 5]
 * readWeights('fitBgNbd', [2, 0], 3); // => throws RangeError: fitBgNbd: weights has length 2, expected 3 (one per customer)
 * ```
 */
export function readWeights(fn: string, weights: unknown, length: number): Float64Array {
  const out = new Float64Array(length);
  if (weights === undefined) {
    out.fill(1);
    return out;
  }
  const w = requireArrayLike(fn, 'options.weights', weights);
  if (w.length !== length)
    rangeFail(fn, `weights has length ${w.length}, expected ${length} (one per customer)`, {
      argument: 'options.weights',
      value: w,
    });
  for (let i = 0; i < length; i++) {
    const v = w[i];
    const at = { argument: `options.weights[${i}]`, value: v, row: i };
    if (typeof v !== 'number') typeFail(fn, `weights[${i}] must be a number, got ${describeValue(v)}`, at);
    if (!Number.isFinite(v) || v < 0)
      rangeFail(fn, `weights[${i}] (${describeValue(v)}) must be a non-negative finite number`, at);
    out[i] = v;
  }
  return out;
}

/** Customers of a transaction-model fit with their weights and the weighted totals that seed the start. */
export interface WeightedCustomers {
  readonly data: CustomerColumns;
  readonly weights: Float64Array;
  /** Σ w. */
  readonly totalWeight: number;
  /** Σ w·x (weighted repeat purchases). */
  readonly totalFrequency: number;
  /** Σ w·T (weighted observation time). */
  readonly totalT: number;
}

/**
 * Reads the `{ frequency, recency, T }` collection (no single customer) and the weights of a fit.
 * @example
 * ```ts
 * import { readWeightedCustomers } from './customerSummary.ts';
 *
 * const customers = [{ frequency: 2, recency: 30, T: 40 }, { frequency: 0, recency: 0, T: 10 }];
 * // totals weigh each row: W = 3 + 1, Σwx = 3·2, ΣwT = 3·40 + 10
 * readWeightedCustomers('fitBgNbd', customers, [3, 1]); // => { totalWeight: 4, totalFrequency: 6, totalT: 130 }
 * readWeightedCustomers('fitBgNbd', customers[0], undefined); // => throws TypeError: fitBgNbd: customers must be an array of customers or an object of columns, got a single customer
 * ```
 */
export function readWeightedCustomers(fn: string, customers: unknown, weights: unknown): WeightedCustomers {
  const data = readCustomers(fn, 'customers', customers, { allowSingle: false });
  const w = readWeights(fn, weights, data.length);
  let W = 0;
  let sx = 0;
  let sT = 0;
  for (let i = 0; i < data.length; i++) {
    const wi = w[i] as number;
    W += wi;
    sx += wi * (data.frequency[i] as number);
    sT += wi * (data.T[i] as number);
  }
  return { data, weights: w, totalWeight: W, totalFrequency: sx, totalT: sT };
}

/**
 * Index of each value among the distinct values of `values` (for rows where `use(i)`), and the distinct values.
 * @example
 * ```ts
 * import { distinctIndex } from './customerSummary.ts';
 *
 * const T = Float64Array.of(38, 20, 38, 7);
 * distinctIndex(T, () => true); // => { index: [0, 1, 0, 2], distinct: [38, 20, 7] }
 * // rows left out keep index 0 and add no distinct value
 * distinctIndex(T, (i) => i !== 1); // => { index: [0, 0, 0, 1], distinct: [38, 7] }
 * ```
 */
export function distinctIndex(
  values: Float64Array,
  use: (i: number) => boolean,
): { index: Int32Array; distinct: Float64Array } {
  const map = new Map<number, number>();
  const index = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    if (!use(i)) continue;
    const v = values[i] as number;
    let k = map.get(v);
    if (k === undefined) {
      k = map.size;
      map.set(v, k);
    }
    index[i] = k;
  }
  return { index, distinct: Float64Array.from(map.keys()) };
}

/**
 * Applies a per-customer kernel: a number for a single customer, an array otherwise.
 * @example
 * ```ts
 * import { mapCustomers, readCustomers } from './customerSummary.ts';
 *
 * const kernel = (data: { T: Float64Array }) => (i: number) => data.T[i]! / 7;
 * const one = readCustomers('f', 'customer', { frequency: 1, recency: 7, T: 14 });
 * mapCustomers(one, kernel(one)); // => 2
 * const many = readCustomers('f', 'customers', [{ frequency: 1, recency: 7, T: 14 }]);
 * mapCustomers(many, kernel(many)); // => [2]
 * ```
 */
export function mapCustomers(data: CustomerColumns, kernel: (i: number) => number): number | number[] {
  if (data.single) return kernel(0);
  const out = new Array<number>(data.length);
  for (let i = 0; i < data.length; i++) out[i] = kernel(i);
  return out;
}

/**
 * A `number[]` of length `n` for per-customer results, laid out as doubles from the start: a one-double
 * literal grown to `n`, so V8 allocates a single double backing store (of holes) and writing results never
 * converts the element kind. `new Array(n).fill(NaN)` costs a second allocation (small integers, then
 * doubles) and a pass of its own: at 235,700 rows about 0.5–1 ms, more than the whole Gamma-Gamma loop. The
 * slots read `undefined` until written: every caller overwrites every slot (or throws the result away).
 * @example
 * ```ts
 * import { resultArray } from './customerSummary.ts';
 *
 * resultArray(3).length; // => 3
 * resultArray(0).length; // => 0
 * ```
 */
export function resultArray(n: number): number[] {
  const out = [Number.NaN];
  out.length = n;
  return out;
}

/**
 * Reads a number or an array of numbers, each checked by `check(name, value)`; reports whether it was one number.
 * @example
 * ```ts
 * import { readNumberOrArray } from './customerSummary.ts';
 * import { requireNonNegative } from '../validate.ts';
 *
 * const check = (name: string, value: unknown) => requireNonNegative('f', name, value);
 * readNumberOrArray('f', 't', 52, check); // => { single: true, values: [52] }
 * readNumberOrArray('f', 't', [13, 26, 52], check); // => { single: false, values: [13, 26, 52] }
 * readNumberOrArray('f', 't', [13, -1], check); // => throws RangeError: f: t[1] (-1) must not be negative
 * readNumberOrArray('f', 't', { length: 2 ** 32 - 1 }, check); // => throws TypeError: f: t[0] must be a number, got undefined
 * ```
 */
export function readNumberOrArray(
  fn: string,
  name: string,
  value: unknown,
  check: (name: string, value: unknown) => number,
): { single: boolean; values: Float64Array } {
  if (typeof value === 'number') return { single: true, values: Float64Array.of(check(name, value)) };
  if (typeof value !== 'object' || value === null || typeof (value as { length?: unknown }).length !== 'number') {
    typeFail(fn, `${name} must be a number or an array of numbers, got ${describeValue(value)}`);
  }
  const arr = requireArrayLike(fn, name, value);
  // Validate before allocating: a claimed length of 2³² − 1 fails on its first element, not in the allocator.
  const checked: number[] = [];
  for (let i = 0; i < arr.length; i++) checked.push(check(`${name}[${i}]`, arr[i]));
  return { single: false, values: Float64Array.from(checked) };
}
