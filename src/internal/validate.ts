/**
 * Argument validation shared by every public function.
 *
 * Each helper either returns the (narrowed) value or throws a `TypeError` (wrong kind) or
 * `RangeError` (out of domain) whose message starts with the calling function's name and names
 * the argument and the offending value: `retentionRate: start (-1) must be a non-negative integer`.
 * @internal
 * @module
 */

/** Renders a value for an error message: strings quoted, -0 kept, objects summarised. */
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

/** Throws a `TypeError` with the house message format. */
export function typeFail(fn: string, message: string): never {
  throw new TypeError(`${fn}: ${message}`);
}

/** Throws a `RangeError` with the house message format. */
export function rangeFail(fn: string, message: string): never {
  throw new RangeError(`${fn}: ${message}`);
}

/** A finite number (not NaN, not ±Infinity). */
export function requireNumber(fn: string, name: string, value: unknown): number {
  if (typeof value !== 'number') typeFail(fn, `${name} must be a number, got ${describeValue(value)}`);
  if (!Number.isFinite(value)) rangeFail(fn, `${name} (${describeValue(value)}) must be a finite number`);
  return value;
}

/** A finite number ≥ 0. */
export function requireNonNegative(fn: string, name: string, value: unknown): number {
  const x = requireNumber(fn, name, value);
  if (x < 0) rangeFail(fn, `${name} (${describeValue(x)}) must not be negative`);
  return x;
}

/** A finite number > 0. */
export function requirePositive(fn: string, name: string, value: unknown): number {
  const x = requireNumber(fn, name, value);
  if (!(x > 0)) rangeFail(fn, `${name} (${describeValue(x)}) must be greater than 0`);
  return x;
}

/** A non-negative integer count. */
export function requireCount(fn: string, name: string, value: unknown): number {
  const x = requireNumber(fn, name, value);
  if (x < 0 || !Number.isInteger(x)) rangeFail(fn, `${name} (${describeValue(x)}) must be a non-negative integer`);
  return x;
}

/** An integer ≥ 1. */
export function requirePositiveInteger(fn: string, name: string, value: unknown): number {
  const x = requireNumber(fn, name, value);
  if (x < 1 || !Number.isInteger(x)) rangeFail(fn, `${name} (${describeValue(x)}) must be a positive integer`);
  return x;
}

/** A fraction in [0, 1] (a rate, share or probability). */
export function requireFraction(fn: string, name: string, value: unknown): number {
  const x = requireNumber(fn, name, value);
  if (x < 0 || x > 1) rangeFail(fn, `${name} (${describeValue(x)}) must be between 0 and 1`);
  return x;
}

/** A confidence level strictly between 0 and 1. */
export function requireConfidenceLevel(fn: string, value: unknown, name = 'confidenceLevel'): number {
  const x = requireNumber(fn, name, value);
  if (!(x > 0 && x < 1)) rangeFail(fn, `${name} (${describeValue(x)}) must be strictly between 0 and 1`);
  return x;
}

/** A plain (non-null, non-array) object such as an argument bag. */
export function requireObject(fn: string, name: string, value: unknown): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    typeFail(fn, `${name} must be an object, got ${describeValue(value)}`);
  }
  return value as Readonly<Record<string, unknown>>;
}

/** An optional options object: `undefined` becomes `{}`. */
export function optionsObject(fn: string, value: unknown, name = 'options'): Readonly<Record<string, unknown>> {
  return value === undefined ? {} : requireObject(fn, name, value);
}

/** An array or typed array (anything with a numeric length and indexed access, not a string). */
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

/** One of a fixed set of string options. */
export function requireOneOf<T extends string>(fn: string, name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string') typeFail(fn, `${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describeValue(value)}`);
  if (!(allowed as readonly string[]).includes(value)) {
    rangeFail(fn, `${name} (${describeValue(value)}) must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
  }
  return value as T;
}

/** A boolean flag. */
export function requireBoolean(fn: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') typeFail(fn, `${name} must be a boolean, got ${describeValue(value)}`);
  return value;
}

/** A function (accessor or predicate). */
export function requireFunction(fn: string, name: string, value: unknown): (...args: never[]) => unknown {
  if (typeof value !== 'function') typeFail(fn, `${name} must be a function, got ${describeValue(value)}`);
  return value as (...args: never[]) => unknown;
}

/** Reads `options[key]`, falling back to `fallback` when the key is absent or `undefined`. */
export function withDefault<T>(value: unknown, fallback: T): unknown {
  return value === undefined ? fallback : value;
}
