/**
 * Argument validation shared by every public function.
 *
 * Each helper either returns the (narrowed) value or throws a `TypeError` (wrong kind) or
 * `RangeError` (out of domain) whose message starts with the calling function's name and names
 * the argument and the offending value: `retentionRate: start (-1) must be a non-negative integer`.
 * @internal
 * @module
 */

/**
 * Renders a value for an error message: strings quoted, -0 kept, objects summarised.
 * @example
 * ```ts
 * import { describeValue } from './validate.ts';
 *
 * describeValue('20'); // => '"20"'
 * describeValue(-0); // => '-0'
 * describeValue([1, 2, 3]); // => 'an array of length 3'
 * describeValue(new Date(Date.UTC(2024, 0, 1))); // => '2024-01-01T00:00:00.000Z'
 * ```
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/**
 * Where a thrown error points: the argument path, the offending value and, for row data, the row and customer.
 * Every error this library throws carries these as own enumerable fields (see `ErrorFields` in `src/types.ts`).
 */
export interface FailAt {
  /** The argument path: `acquired`, `scores[2]`, `options.period`, `events.time[3]`, `rows[4].at`. */
  readonly argument?: string;
  /** The offending value (any value: it is stored in printable form, as `describeValue` renders it). */
  readonly value?: unknown;
  /** Zero-based row index for row and column input. */
  readonly row?: number;
  /** Customer id of that row, where the input has one (`undefined`: none). */
  readonly customer?: string | number | undefined;
}

/**
 * Reads the row, argument path and printed value out of a house-format message (`row 3: name (value) must …`,
 * `name must be …, got value`) for a thrower that did not pass them in `at`.
 */
const HOUSE_FORMAT =
  /^(?:row (\d+): )?([A-Za-z_$][\w$]*(?:\[\d+\]|\.[A-Za-z_$][\w$]*)*)(?:[^(]*?\((.*?)\) (?:must|is|does|has|exceeds|should)|.*, got (.*)$)?/;

function fail(error: Error, fn: string, message: string, at: FailAt = {}): never {
  const m = HOUSE_FORMAT.exec(message) ?? [];
  const row = at.row ?? (m[1] === undefined ? undefined : Number(m[1]));
  const printed = 'value' in at ? describeValue(at.value) : (m[3] ?? m[4]);
  throw Object.assign(
    error,
    { function: fn, argument: at.argument ?? m[2] ?? '' },
    printed === undefined ? {} : { value: printed },
    row === undefined ? {} : { row },
    at.customer === undefined ? {} : { customer: at.customer },
  );
}

/**
 * Throws a `TypeError` with the house message format (`fn: message`) and the fields of `ErrorFields`:
 * `function`, `argument`, `value` (printable), and `row` / `customer` for row data. Fields not given in
 * `at` are read from the message where it follows the house format.
 * @example
 * ```ts
 * import { rangeFail, typeFail } from './validate.ts';
 *
 * typeFail('churnRate', 'lost must be a number, got "3"'); // => throws TypeError: churnRate: lost must be a number, got "3"
 * rangeFail('churnRate', 'lost (-1) must not be negative'); // => throws RangeError: churnRate: lost (-1) must not be negative
 * let caught: unknown;
 * try {
 *   rangeFail('rfmSummary', 'row 3: value (NaN) must be a finite number', { argument: 'rows[3].value', value: Number.NaN, row: 3, customer: 'ann' });
 * } catch (error) {
 *   caught = error;
 * }
 * ({ ...(caught as object) }); // => { function: 'rfmSummary', argument: 'rows[3].value', value: 'NaN', row: 3, customer: 'ann' }
 * ```
 */
export function typeFail(fn: string, message: string, at?: FailAt): never {
  fail(new TypeError(`${fn}: ${message}`), fn, message, at);
}

/** Throws a `RangeError` with the house message format and the fields of `ErrorFields` (as `typeFail`). */
export function rangeFail(fn: string, message: string, at?: FailAt): never {
  fail(new RangeError(`${fn}: ${message}`), fn, message, at);
}

/**
 * Throws the house `RangeError` for an argument whose value is out of its domain: `name (value) must …`.
 * @example
 * ```ts
 * import { outOfRange } from './validate.ts';
 *
 * outOfRange('churnRate', 'lost', -1, 'must not be negative'); // => throws RangeError: churnRate: lost (-1) must not be negative
 * ```
 */
export function outOfRange(fn: string, name: ArgumentName, value: unknown, requirement: string): never {
  rangeFail(fn, `${shown(name)} (${describeValue(value)}) ${requirement}`, failAt(name, value));
}

/**
 * Throws the house `TypeError` for an argument of the wrong kind: `name must be …, got value`.
 * @example
 * ```ts
 * import { wrongType } from './validate.ts';
 *
 * wrongType('churnRate', 'lost', '3', 'a number'); // => throws TypeError: churnRate: lost must be a number, got "3"
 * ```
 */
export function wrongType(fn: string, name: ArgumentName, value: unknown, expected: string): never {
  typeFail(fn, `${shown(name)} must be ${expected}, got ${describeValue(value)}`, failAt(name, value));
}

/**
 * An argument as the validation helpers take it: its path (`options.period`, printed `period`), or, for a
 * field of row input, how the message labels it (`row 3: frequency`) with the path and row of the error fields.
 */
export type ArgumentName = string | RowArgument;

/** A field of row input: the message label, and the argument path and row of the error fields. */
export interface RowArgument {
  /** How the message names it: `row 3: frequency`. */
  readonly label: string;
  /** The argument path: `customers[3].frequency`, `customers.frequency[3]`. */
  readonly argument: string;
  /** Zero-based row index. */
  readonly row: number;
  /** Customer id of that row, where the input has one (the error's `customer` field). */
  readonly customer?: string | number;
}

/**
 * A field of row `row`, labelled `row 3: field` in messages, with the path of the error fields: `input[3].field`
 * for rows, `input.field[3]` for columns; without a field, the row itself (`row 3`, `input[3]`).
 * @example
 * ```ts
 * import { requireNumber, rowArgument } from './validate.ts';
 *
 * rowArgument('summary', 3, 'recency'); // => { label: 'row 3: recency', argument: 'summary[3].recency', row: 3 }
 * rowArgument('customers', 3, 'T', true).argument; // => 'customers.T[3]'
 * rowArgument('summary', 3); // => { label: 'row 3', argument: 'summary[3]', row: 3 }
 * requireNumber('rfmScores', rowArgument('summary', 3, 'T'), 'x'); // => throws TypeError: rfmScores: row 3: T must be a number, got "x"
 * ```
 */
export function rowArgument(input: string, row: number, field = '', columns = false): RowArgument {
  if (field === '') return { label: `row ${row}`, argument: `${input}[${row}]`, row };
  return {
    label: `row ${row}: ${field}`,
    argument: columns ? `${input}.${field}[${row}]` : `${input}[${row}].${field}`,
    row,
  };
}

/** The error fields of an argument and its offending value. */
function failAt(name: ArgumentName, value: unknown): FailAt {
  return typeof name === 'string'
    ? { argument: name, value }
    : { argument: name.argument, value, row: name.row, customer: name.customer };
}

/**
 * The name an argument path is printed with in a message: `options.period` reads as `period`, a row field
 * by its label.
 * @example
 * ```ts
 * import { shown } from './validate.ts';
 *
 * shown('options.period'); // => 'period'
 * shown('index.weekStartsOn'); // => 'index.weekStartsOn'
 * shown({ label: 'row 3: T', argument: 'customers[3].T', row: 3 }); // => 'row 3: T'
 * ```
 */
export function shown(name: ArgumentName): string {
  if (typeof name !== 'string') return name.label;
  return name.startsWith('options.') ? name.slice(8) : name;
}

/**
 * A finite number (not NaN, not ±Infinity).
 * @example
 * ```ts
 * import { requireNumber } from './validate.ts';
 *
 * requireNumber('churnRate', 'lost', 3); // => 3
 * requireNumber('churnRate', 'lost', '3'); // => throws TypeError: churnRate: lost must be a number, got "3"
 * requireNumber('churnRate', 'lost', Infinity); // => throws RangeError: churnRate: lost (Infinity) must be a finite number
 * ```
 */
export function requireNumber(fn: string, name: ArgumentName, value: unknown): number {
  if (typeof value !== 'number') wrongType(fn, name, value, 'a number');
  if (!Number.isFinite(value)) outOfRange(fn, name, value, 'must be a finite number');
  return value;
}

/**
 * A finite number ≥ 0.
 * @example
 * ```ts
 * import { requireNonNegative } from './validate.ts';
 *
 * requireNonNegative('f', 'x', 0); // => 0
 * requireNonNegative('f', 'x', -0.5); // => throws RangeError: f: x (-0.5) must not be negative
 * ```
 */
export function requireNonNegative(fn: string, name: ArgumentName, value: unknown): number {
  const x = requireNumber(fn, name, value);
  if (x < 0) outOfRange(fn, name, x, 'must not be negative');
  return x;
}

/**
 * A finite number > 0.
 * @example
 * ```ts
 * import { requirePositive } from './validate.ts';
 *
 * requirePositive('f', 'x', 0.5); // => 0.5
 * requirePositive('f', 'x', 0); // => throws RangeError: f: x (0) must be greater than 0
 * ```
 */
export function requirePositive(fn: string, name: ArgumentName, value: unknown): number {
  const x = requireNumber(fn, name, value);
  if (!(x > 0)) outOfRange(fn, name, x, 'must be greater than 0');
  return x;
}

/**
 * A non-negative integer count.
 * @example
 * ```ts
 * import { requireCount } from './validate.ts';
 *
 * requireCount('retentionRate', 'retained', 0); // => 0
 * requireCount('retentionRate', 'retained', 2.5); // => throws RangeError: retentionRate: retained (2.5) must be a non-negative integer
 * ```
 */
export function requireCount(fn: string, name: ArgumentName, value: unknown): number {
  const x = requireNumber(fn, name, value);
  if (x < 0 || !Number.isInteger(x)) outOfRange(fn, name, x, 'must be a non-negative integer');
  return x;
}

/**
 * An integer ≥ 1.
 * @example
 * ```ts
 * import { requirePositiveInteger } from './validate.ts';
 *
 * requirePositiveInteger('f', 'periods', 12); // => 12
 * requirePositiveInteger('f', 'periods', 0); // => throws RangeError: f: periods (0) must be a positive integer
 * ```
 */
export function requirePositiveInteger(fn: string, name: ArgumentName, value: unknown): number {
  const x = requireNumber(fn, name, value);
  if (x < 1 || !Number.isInteger(x)) outOfRange(fn, name, x, 'must be a positive integer');
  return x;
}

/**
 * A fraction in [0, 1] (a rate, share or probability).
 * @example
 * ```ts
 * import { requireFraction } from './validate.ts';
 *
 * requireFraction('f', 'rate', 1); // => 1
 * requireFraction('f', 'rate', 1.2); // => throws RangeError: f: rate (1.2) must be between 0 and 1
 * ```
 */
export function requireFraction(fn: string, name: ArgumentName, value: unknown): number {
  const x = requireNumber(fn, name, value);
  if (x < 0 || x > 1) outOfRange(fn, name, x, 'must be between 0 and 1');
  return x;
}

/**
 * A confidence level strictly between 0 and 1.
 * @example
 * ```ts
 * import { requireConfidenceLevel } from './validate.ts';
 *
 * requireConfidenceLevel('f', 0.9); // => 0.9
 * requireConfidenceLevel('f', 1); // => throws RangeError: f: confidenceLevel (1) must be strictly between 0 and 1
 * requireConfidenceLevel('f', 95, 'level'); // => throws RangeError: f: level (95) must be strictly between 0 and 1
 * ```
 */
export function requireConfidenceLevel(fn: string, value: unknown, name: ArgumentName = 'confidenceLevel'): number {
  const x = requireNumber(fn, name, value);
  if (!(x > 0 && x < 1)) outOfRange(fn, name, x, 'must be strictly between 0 and 1');
  return x;
}

/**
 * A plain (non-null, non-array) object such as an argument bag.
 * @example
 * ```ts
 * import { requireObject } from './validate.ts';
 *
 * requireObject('f', 'counts', { a: 1 }); // => { a: 1 }
 * requireObject('f', 'counts', [1]); // => throws TypeError: f: counts must be an object, got an array of length 1
 * ```
 */
export function requireObject(fn: string, name: ArgumentName, value: unknown): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    wrongType(fn, name, value, 'an object');
  }
  return value as Readonly<Record<string, unknown>>;
}

/**
 * An optional options object: `undefined` becomes `{}`.
 * @example
 * ```ts
 * import { optionsObject } from './validate.ts';
 *
 * optionsObject('f', undefined); // => {}
 * optionsObject('f', { confidenceLevel: 0.9 }); // => { confidenceLevel: 0.9 }
 * optionsObject('f', null); // => throws TypeError: f: options must be an object, got null
 * ```
 */
export function optionsObject(fn: string, value: unknown, name = 'options'): Readonly<Record<string, unknown>> {
  return value === undefined ? {} : requireObject(fn, name, value);
}

/** Levenshtein distance (insertions, deletions, substitutions) between two short strings, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 0; i < a.length; i++) {
    const row = [i + 1];
    for (let j = 0; j < b.length; j++) {
      row.push(
        Math.min(
          (previous[j + 1] as number) + 1,
          (row[j] as number) + 1,
          (previous[j] as number) + (a[i] === b[j] ? 0 : 1),
        ),
      );
    }
    previous = row;
  }
  return previous[b.length] as number;
}

/**
 * The accepted key closest to `key` (case-insensitive, at most 2 edits and fewer than half the key), or `undefined`.
 * @example
 * ```ts
 * import { nearestKey } from './validate.ts';
 *
 * nearestKey('perod', ['customer', 'time', 'period']); // => 'period'
 * nearestKey('TimeZone', ['timeZone']); // => 'timeZone'
 * nearestKey('colour', ['period']); // => undefined
 * ```
 */
export function nearestKey(key: string, accepted: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.ceil(key.length / 2) - 1);
  for (const candidate of accepted) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d <= bestDistance && (best === undefined || d < bestDistance)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * The one way options are read: an optional options object whose keys must all be in `keys`. Returns it typed
 * by those keys (each `unknown` until validated), so reading a misspelt key does not compile, and passing one
 * is a `TypeError` that names it, suggests the nearest accepted key and lists them all. `alsoAccepted` names keys
 * that are valid here but read elsewhere (by the caller that passes the same options on).
 * @example
 * ```ts
 * import { readOptions } from './validate.ts';
 *
 * const o = readOptions('retentionMatrix', { period: 'month' }, ['customer', 'time', 'period']);
 * o.period; // => 'month'
 * readOptions('f', undefined, ['period']); // => {}
 * readOptions('retentionMatrix', { perod: 'month' }, ['customer', 'time', 'period']); // => throws TypeError: retentionMatrix: unknown option "perod" (did you mean "period"?); accepted options: customer, time, period
 * readOptions('f', { colour: 'red' }, []); // => throws TypeError: f: unknown option "colour"; this function takes no options
 * readOptions('f', null, ['period']); // => throws TypeError: f: options must be an object, got null
 * ```
 */
export function readOptions<const K extends string>(
  fn: string,
  value: unknown,
  keys: readonly K[],
  alsoAccepted: readonly string[] = [],
  name = 'options',
): { readonly [P in K]?: unknown } {
  if (value === undefined) return {};
  const object = requireObject(fn, name, value);
  const all: readonly string[] = [...keys, ...alsoAccepted];
  for (const key of Object.keys(object)) {
    if (all.includes(key)) continue;
    const near = nearestKey(key, all);
    typeFail(
      fn,
      `unknown option ${JSON.stringify(key)}${name === 'options' ? '' : ` in ${shown(name)}`}${near === undefined ? '' : ` (did you mean ${JSON.stringify(near)}?)`}; ${
        all.length === 0 ? 'this function takes no options' : `accepted options: ${all.join(', ')}`
      }`,
      { argument: `${name}.${key}`, value: object[key] },
    );
  }
  return object as { readonly [P in K]?: unknown };
}

/**
 * An array or typed array (anything with a numeric length and indexed access, not a string).
 * @example
 * ```ts
 * import { requireArrayLike } from './validate.ts';
 *
 * requireArrayLike('f', 'scores', new Float64Array([1, 2])).length; // => 2
 * requireArrayLike('f', 'scores', 'abc'); // => throws TypeError: f: scores must be an array, got "abc"
 * ```
 */
export function requireArrayLike(fn: string, name: ArgumentName, value: unknown): ArrayLike<unknown> {
  if (
    typeof value !== 'object' ||
    value === null ||
    typeof (value as { length?: unknown }).length !== 'number' ||
    !Number.isInteger((value as { length: number }).length) ||
    (value as { length: number }).length < 0
  ) {
    wrongType(fn, name, value, 'an array');
  }
  return value as ArrayLike<unknown>;
}

/**
 * One of a fixed set of string options.
 * @example
 * ```ts
 * import { requireOneOf } from './validate.ts';
 *
 * requireOneOf('f', 'period', 'week', ['day', 'week']); // => 'week'
 * requireOneOf('f', 'period', 'fortnight', ['day', 'week']); // => throws RangeError: f: period ("fortnight") must be one of 'day', 'week'
 * requireOneOf('f', 'period', 7, ['day', 'week']); // => throws TypeError: f: period must be one of 'day', 'week', got 7
 * ```
 */
export function requireOneOf<T extends string>(
  fn: string,
  name: ArgumentName,
  value: unknown,
  allowed: readonly T[],
): T {
  const list = allowed.map((a) => `'${a}'`).join(', ');
  if (typeof value !== 'string') wrongType(fn, name, value, `one of ${list}`);
  if (!(allowed as readonly string[]).includes(value)) outOfRange(fn, name, value, `must be one of ${list}`);
  return value as T;
}

/**
 * A boolean flag.
 * @example
 * ```ts
 * import { requireBoolean } from './validate.ts';
 *
 * requireBoolean('f', 'includeCohorts', false); // => false
 * requireBoolean('f', 'includeCohorts', 'yes'); // => throws TypeError: f: includeCohorts must be a boolean, got "yes"
 * ```
 */
export function requireBoolean(fn: string, name: ArgumentName, value: unknown): boolean {
  if (typeof value !== 'boolean') wrongType(fn, name, value, 'a boolean');
  return value;
}

/**
 * A function (accessor or predicate).
 * @example
 * ```ts
 * import { requireFunction } from './validate.ts';
 *
 * typeof requireFunction('f', 'where', (x: number) => x > 0); // => 'function'
 * requireFunction('f', 'where', 'x > 0'); // => throws TypeError: f: where must be a function, got "x > 0"
 * ```
 */
export function requireFunction(fn: string, name: ArgumentName, value: unknown): (...args: never[]) => unknown {
  if (typeof value !== 'function') wrongType(fn, name, value, 'a function');
  return value as (...args: never[]) => unknown;
}

/**
 * Reads `options[key]`, falling back to `fallback` when the key is absent or `undefined`.
 * @example
 * ```ts
 * import { withDefault } from './validate.ts';
 *
 * withDefault(undefined, 0.95); // => 0.95
 * withDefault(0.9, 0.95); // => 0.9
 * withDefault(null, 0.95); // => null
 * ```
 */
export function withDefault<T>(value: unknown, fallback: T): unknown {
  return value === undefined ? fallback : value;
}
