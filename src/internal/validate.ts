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
 * Throws a `TypeError` with the house message format.
 * @example
 * ```ts
 * import { rangeFail, typeFail } from './validate.ts';
 *
 * typeFail('churnRate', 'lost must be a number, got "3"'); // => throws TypeError: churnRate: lost must be a number, got "3"
 * rangeFail('churnRate', 'lost (-1) must not be negative'); // => throws RangeError: churnRate: lost (-1) must not be negative
 * ```
 */
export function typeFail(fn: string, message: string): never {
  throw new TypeError(`${fn}: ${message}`);
}

/** Throws a `RangeError` with the house message format. */
export function rangeFail(fn: string, message: string): never {
  throw new RangeError(`${fn}: ${message}`);
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
export function requireNumber(fn: string, name: string, value: unknown): number {
  if (typeof value !== 'number') typeFail(fn, `${name} must be a number, got ${describeValue(value)}`);
  if (!Number.isFinite(value)) rangeFail(fn, `${name} (${describeValue(value)}) must be a finite number`);
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
export function requireNonNegative(fn: string, name: string, value: unknown): number {
  const x = requireNumber(fn, name, value);
  if (x < 0) rangeFail(fn, `${name} (${describeValue(x)}) must not be negative`);
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
export function requirePositive(fn: string, name: string, value: unknown): number {
  const x = requireNumber(fn, name, value);
  if (!(x > 0)) rangeFail(fn, `${name} (${describeValue(x)}) must be greater than 0`);
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
export function requireCount(fn: string, name: string, value: unknown): number {
  const x = requireNumber(fn, name, value);
  if (x < 0 || !Number.isInteger(x)) rangeFail(fn, `${name} (${describeValue(x)}) must be a non-negative integer`);
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
export function requirePositiveInteger(fn: string, name: string, value: unknown): number {
  const x = requireNumber(fn, name, value);
  if (x < 1 || !Number.isInteger(x)) rangeFail(fn, `${name} (${describeValue(x)}) must be a positive integer`);
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
export function requireFraction(fn: string, name: string, value: unknown): number {
  const x = requireNumber(fn, name, value);
  if (x < 0 || x > 1) rangeFail(fn, `${name} (${describeValue(x)}) must be between 0 and 1`);
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
export function requireConfidenceLevel(fn: string, value: unknown, name = 'confidenceLevel'): number {
  const x = requireNumber(fn, name, value);
  if (!(x > 0 && x < 1)) rangeFail(fn, `${name} (${describeValue(x)}) must be strictly between 0 and 1`);
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
export function requireObject(fn: string, name: string, value: unknown): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    typeFail(fn, `${name} must be an object, got ${describeValue(value)}`);
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
export function requireArrayLike(fn: string, name: string, value: unknown): ArrayLike<unknown> {
  if (
    typeof value !== 'object' ||
    value === null ||
    typeof (value as { length?: unknown }).length !== 'number' ||
    !Number.isInteger((value as { length: number }).length) ||
    (value as { length: number }).length < 0
  ) {
    typeFail(fn, `${name} must be an array, got ${describeValue(value)}`);
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
export function requireOneOf<T extends string>(fn: string, name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string') typeFail(fn, `${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describeValue(value)}`);
  if (!(allowed as readonly string[]).includes(value)) {
    rangeFail(fn, `${name} (${describeValue(value)}) must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
  }
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
export function requireBoolean(fn: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') typeFail(fn, `${name} must be a boolean, got ${describeValue(value)}`);
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
export function requireFunction(fn: string, name: string, value: unknown): (...args: never[]) => unknown {
  if (typeof value !== 'function') typeFail(fn, `${name} must be a function, got ${describeValue(value)}`);
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
