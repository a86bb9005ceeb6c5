/**
 * Reads a cohort table of counts (a `retentionMatrix`, `cohortRetention` or `retentionMatrixFromCounts` result,
 * or any `{ cohorts: [{ label, size, counts, complete, start? }] }`) for the functions that test or model its
 * cells: `compareRetention`, `retentionTrend`.
 * @internal
 * @module
 */
import { describeValue, rangeFail, requireObject, typeFail } from '../validate.ts';

/** One validated cohort row. */
export interface CountRow {
  readonly label: string;
  /** First instant of the cohort period, or NaN when the row has none. */
  readonly start: number;
  readonly size: number;
  readonly counts: readonly number[];
  readonly complete: readonly boolean[];
}

/** A validated table, with the period settings it carries (when it does). */
export interface CountTable {
  readonly cohorts: readonly CountRow[];
  readonly period: string | null;
  readonly timeZone: string;
  readonly weekStartsOn: number;
  readonly yearStartsOn: number;
}

/**
 * Validates a table of counts: labels strings, sizes and counts non-negative integers with counts ≤ size,
 * `complete` booleans as long as `counts`.
 * @throws {TypeError} When the table or a field has the wrong kind.
 * @throws {RangeError} When a size or count is not a non-negative integer, a count exceeds its size, or lengths differ.
 * @example
 * ```ts
 * import { readCountTable } from './matrixInput.ts';
 *
 * readCountTable('compareRetention', 'matrix', { period: 'month', cohorts: [{ label: 'A', size: 4, counts: [4, 2], complete: [true, false] }] }); // => { period: 'month', timeZone: 'UTC', cohorts: [{ label: 'A', size: 4, counts: [4, 2], complete: [true, false] }] }
 * readCountTable('compareRetention', 'matrix', { cohorts: [{ label: 'A', size: 4, counts: [5], complete: [true] }] }); // => throws RangeError: compareRetention: matrix.cohorts[0].counts[0] (5) must be an integer from 0 to the cohort size (4)
 * ```
 */
export function readCountTable(fn: string, name: string, value: unknown): CountTable {
  const m = requireObject(fn, name, value);
  if (!Array.isArray(m.cohorts))
    typeFail(fn, `${name}.cohorts must be an array, got ${describeValue(m.cohorts)}`, {
      argument: `${name}.cohorts`,
      value: m.cohorts,
    });
  const cohorts = Array.from(m.cohorts as readonly unknown[], (raw, i): CountRow => {
    const at = `${name}.cohorts[${i}]`;
    const c = requireObject(fn, at, raw);
    if (typeof c.label !== 'string')
      typeFail(fn, `${at}.label must be a string, got ${describeValue(c.label)}`, { argument: `${at}.label` });
    const size = c.size;
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 0)
      (typeof size !== 'number' ? typeFail : rangeFail)(
        fn,
        `${at}.size (${describeValue(size)}) must be a non-negative integer`,
        { argument: `${at}.size`, value: size },
      );
    if (!Array.isArray(c.counts) || !Array.isArray(c.complete))
      typeFail(fn, `${at}.counts and ${at}.complete must be arrays`, { argument: `${at}.counts` });
    const countsIn = c.counts as readonly unknown[];
    const completeIn = c.complete as readonly unknown[];
    if (completeIn.length !== countsIn.length)
      rangeFail(fn, `${at}.complete has length ${completeIn.length}, expected ${countsIn.length}`, {
        argument: `${at}.complete`,
      });
    const counts = Array.from(countsIn, (x, k) => {
      if (typeof x !== 'number')
        typeFail(fn, `${at}.counts[${k}] must be a number, got ${describeValue(x)}`, {
          argument: `${at}.counts[${k}]`,
        });
      if (!Number.isInteger(x) || (x as number) < 0 || (x as number) > (size as number))
        rangeFail(
          fn,
          `${at}.counts[${k}] (${describeValue(x)}) must be an integer from 0 to the cohort size (${size as number})`,
          { argument: `${at}.counts[${k}]`, value: x },
        );
      return x as number;
    });
    const complete = Array.from(completeIn, (b, k) => {
      if (typeof b !== 'boolean')
        typeFail(fn, `${at}.complete[${k}] must be a boolean, got ${describeValue(b)}`, {
          argument: `${at}.complete[${k}]`,
        });
      return b as boolean;
    });
    const start = typeof c.start === 'number' ? c.start : Number.NaN;
    return { label: c.label as string, start, size: size as number, counts, complete };
  });
  return {
    cohorts,
    period: typeof m.period === 'string' ? m.period : null,
    timeZone: typeof m.timeZone === 'string' ? m.timeZone : 'UTC',
    weekStartsOn: typeof m.weekStartsOn === 'number' ? m.weekStartsOn : 1,
    yearStartsOn: typeof m.yearStartsOn === 'number' ? m.yearStartsOn : 1,
  };
}
