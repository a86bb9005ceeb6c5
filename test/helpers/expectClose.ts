import { expect } from 'vitest';

/** Tolerances for {@link expectClose}: pass when within `rel`·|expected| or within `abs`. */
export interface CloseTolerance {
  readonly rel?: number;
  readonly abs?: number;
}

/**
 * Asserts |actual − expected| ≤ max(abs, rel·|expected|). NaN matches only NaN. Defaults: rel 1e-12, abs 0.
 * Reference values in tests state their own tolerance, matching the precision they were printed with.
 */
export function expectClose(actual: number, expected: number, { rel = 1e-12, abs = 0 }: CloseTolerance = {}): void {
  if (Number.isNaN(expected)) {
    expect(actual).toBeNaN();
    return;
  }
  expect(typeof actual).toBe('number');
  const tolerance = Math.max(abs, rel * Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tolerance)) {
    expect.fail(`expected ${actual} to be within ${tolerance} of ${expected} (difference ${actual - expected})`);
  }
}

/** The error a thunk throws (fails the test when it does not throw). */
export function thrown(thunk: () => unknown): Error {
  try {
    thunk();
  } catch (error) {
    return error as Error;
  }
  return expect.fail('expected the call to throw');
}

/**
 * The error a thunk throws, as a bare error of the same class and message (for `toStrictEqual(new RangeError(…))`),
 * after checking that it carries the structured fields every library error has (`function`, `argument`).
 */
export function thrownKind(thunk: () => unknown): Error {
  const error = thrown(thunk);
  expect(typeof (error as { function?: unknown }).function, `${error.message}: function field`).toBe('string');
  expect(typeof (error as { argument?: unknown }).argument, `${error.message}: argument field`).toBe('string');
  return new (error.constructor as ErrorConstructor)(error.message);
}

/** Asserts the thunk throws `kind` with a message starting with `fn: ` and containing every fragment. */
export function expectThrows(
  thunk: () => unknown,
  kind: typeof TypeError | typeof RangeError,
  fn: string,
  ...fragments: string[]
): void {
  const error = thrown(thunk);
  expect(error).toBeInstanceOf(kind);
  expect(error.message.startsWith(`${fn}: `), error.message).toBe(true);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
}

/** Recursively freezes a value so a test proves the function under test does not mutate it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
