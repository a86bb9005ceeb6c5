/**
 * Validation and shared aggregation of the plain-data `CohortIndex` that `buildCohorts` returns and every
 * `cohort*` metric reads.
 * @internal
 * @module
 */
import type { CohortIndex, CohortMeta } from '../cohorts/types.ts';
import type { CohortCells } from './cohortKernel.ts';
import { isCustomerId } from './input/customerId.ts';
import { requirePeriod } from './time/periodKinds.ts';
import { requireTimeZone } from './time/zones.ts';
import { requireWeekStartsOn, requireYearStartsOn } from './time/calendarRules.ts';
import {
  describeValue,
  rangeFail,
  requireArrayLike,
  requireCount,
  requireNumber,
  requireObject,
  requireOneOf,
  typeFail,
} from './validate.ts';

const MAX_COLUMNS = 4_194_304; // 2^22 (literals, not shifts: bundlers drop unused literals but keep `1 << n`)
const MAX_CELLS = 67_108_864; // 2^26

/**
 * The settings part of an index, repeated in every cohort metric's result.
 * @example
 * ```ts
 * import { buildCohorts } from 'loyalty-metrics';
 * import { cohortMeta } from './cohortIndex.ts';
 *
 * const index = buildCohorts(
 *   [
 *     { user: 'a', at: '2024-01-03', total: 20 },
 *     { user: 'a', at: '2024-02-10', total: 35 },
 *     { user: 'b', at: '2024-01-20', total: 15 },
 *     { user: 'c', at: '2024-02-05', total: 10 },
 *     { user: 'c', at: '2024-02-25', total: 5 },
 *   ],
 *   { customer: 'user', time: 'at', value: 'total', period: 'month' },
 * );
 * cohortMeta(index); // => { period: 'month', windows: 'calendar', timeZone: 'UTC', weekStartsOn: 1, yearStartsOn: 1 }
 * // the observation end defaults to the latest event
 * new Date(cohortMeta(index).observationEnd ?? Number.NaN).toISOString(); // => '2024-02-25T23:59:59.999Z'
 * ```
 */
export function cohortMeta(index: CohortIndex): CohortMeta {
  return {
    period: index.period,
    windows: index.windows,
    timeZone: index.timeZone,
    weekStartsOn: index.weekStartsOn,
    yearStartsOn: index.yearStartsOn ?? 1,
    observationEnd: index.observationEnd,
  };
}

function requireInteger(fn: string, name: string, value: unknown, min: number, max: number): number {
  const x = requireNumber(fn, name, value);
  if (!Number.isInteger(x) || x < min || x > max)
    rangeFail(fn, `${name} (${describeValue(x)}) must be an integer from ${min} to ${max}`);
  return x;
}

/**
 * Checks that `value` is a well-formed cohort index (as `buildCohorts` returns, possibly after a JSON round
 * trip), so metrics never read out of bounds. Cost: one pass over its arrays. Returns `value` itself.
 * @throws {TypeError} For a missing field or a field of the wrong kind.
 * @throws {RangeError} For inconsistent lengths, offsets, columns or cohort sizes.
 * @example
 * ```ts
 * import { buildCohorts } from 'loyalty-metrics';
 * import { requireCohortIndex } from './cohortIndex.ts';
 *
 * const index = buildCohorts(
 *   [
 *     { user: 'a', at: '2024-01-03', total: 20 },
 *     { user: 'a', at: '2024-02-10', total: 35 },
 *     { user: 'b', at: '2024-01-20', total: 15 },
 *     { user: 'c', at: '2024-02-05', total: 10 },
 *     { user: 'c', at: '2024-02-25', total: 5 },
 *   ],
 *   { customer: 'user', time: 'at', value: 'total', period: 'month' },
 * );
 * requireCohortIndex('cohortRetention', index) === index; // => true
 * requireCohortIndex('cohortRetention', JSON.parse(JSON.stringify(index))).customers; // => ['a', 'b', 'c']
 * // three customers need four CSR offsets; the January cohort (a, b) has two customers
 * const shortOffsets = { ...index, cellStart: [0, 2, 3] };
 * requireCohortIndex('cohortRetention', shortOffsets); // => throws RangeError: cohortRetention: index.cellStart length (3) must be the number of customers + 1 (4)
 * const wrongSize = { ...index, cohorts: [{ ...index.cohorts[0], size: 3 }, index.cohorts[1]] };
 * requireCohortIndex('cohortRetention', wrongSize); // => throws RangeError: cohortRetention: index.cohorts[0].size (3) must equal its number of customers (2)
 * const empty = { ...index, cohorts: [...index.cohorts, { ...index.cohorts[1], label: '2024-03-01', size: 0 }] };
 * requireCohortIndex('cohortRetention', empty); // => throws RangeError: cohortRetention: index.cohorts[2].size (0) must be at least 1: a cohort has customers
 * requireCohortIndex('cohortRetention', { ...index, period: 'fortnight' }); // => throws RangeError: cohortRetention: index.period ("fortnight") must be one of 'day', 'week', 'month', 'quarter', 'year'
 * requireCohortIndex('cohortRetention', null); // => throws TypeError
 * ```
 */
export function requireCohortIndex(fn: string, value: unknown, name = 'index'): CohortIndex {
  const index = requireObject(fn, name, value);
  requirePeriod(fn, `${name}.period`, index.period);
  requireOneOf(fn, `${name}.windows`, index.windows, ['calendar', 'rolling']);
  requireTimeZone(fn, `${name}.timeZone`, index.timeZone);
  requireWeekStartsOn(fn, `${name}.weekStartsOn`, index.weekStartsOn);
  // An index built before `yearStartsOn` existed has calendar years.
  if (index.yearStartsOn !== undefined) requireYearStartsOn(fn, `${name}.yearStartsOn`, index.yearStartsOn);
  if (index.observationEnd !== null) requireNumber(fn, `${name}.observationEnd`, index.observationEnd);
  const cohorts = requireArrayLike(fn, `${name}.cohorts`, index.cohorts);
  let totalColumns = 0;
  const widths: number[] = [];
  for (let r = 0; r < cohorts.length; r++) {
    const at = `${name}.cohorts[${r}]`;
    const cohort = requireObject(fn, at, cohorts[r]);
    if (typeof cohort.label !== 'string')
      typeFail(fn, `${at}.label must be a string, got ${describeValue(cohort.label)}`);
    requireNumber(fn, `${at}.start`, cohort.start);
    const size = requireCount(fn, `${at}.size`, cohort.size);
    // A cohort is the customers who share a start: an empty one has no rates (0/0 everywhere) and no place here.
    if (size === 0) rangeFail(fn, `${at}.size (0) must be at least 1: a cohort has customers`);
    const columns = requireInteger(fn, `${at}.columns`, cohort.columns, 0, MAX_COLUMNS);
    requireInteger(fn, `${at}.completeColumns`, cohort.completeColumns, 0, columns);
    totalColumns += columns;
    widths.push(columns);
  }
  if (totalColumns > MAX_CELLS)
    rangeFail(fn, `${name} has ${totalColumns} cohort columns, more than the ${MAX_CELLS} supported`);
  const customers = requireArrayLike(fn, `${name}.customers`, index.customers);
  const n = customers.length;
  const arrays: Record<string, ArrayLike<unknown>> = {};
  for (const key of ['customerCohort', 'customerStart', 'cellStart', 'cellColumn', 'cellEvents']) {
    arrays[key] = requireArrayLike(fn, `${name}.${key}`, index[key]);
  }
  const customerCohort = arrays.customerCohort as ArrayLike<unknown>;
  const customerStart = arrays.customerStart as ArrayLike<unknown>;
  const cellStart = arrays.cellStart as ArrayLike<unknown>;
  const cellColumn = arrays.cellColumn as ArrayLike<unknown>;
  const cellEvents = arrays.cellEvents as ArrayLike<unknown>;
  const cellValue = index.cellValue === null ? null : requireArrayLike(fn, `${name}.cellValue`, index.cellValue);
  if (customerCohort.length !== n || customerStart.length !== n)
    rangeFail(fn, `${name}.customerCohort and ${name}.customerStart must have one entry per customer (${n})`);
  if (cellStart.length !== n + 1)
    rangeFail(fn, `${name}.cellStart length (${cellStart.length}) must be the number of customers + 1 (${n + 1})`);
  const cells = cellColumn.length;
  if (cellEvents.length !== cells || (cellValue !== null && cellValue.length !== cells))
    rangeFail(fn, `${name}.cellEvents and ${name}.cellValue must have one entry per cell (${cells})`);
  const sizes = new Array<number>(cohorts.length).fill(0);
  let previous = requireInteger(fn, `${name}.cellStart[0]`, cellStart[0], 0, 0);
  for (let c = 0; c < n; c++) {
    const id = customers[c];
    if (!isCustomerId(id))
      typeFail(fn, `${name}.customers[${c}] must be a non-empty string or a finite number, got ${describeValue(id)}`);
    const r = requireInteger(fn, `${name}.customerCohort[${c}]`, customerCohort[c], 0, cohorts.length - 1);
    sizes[r]!++;
    requireNumber(fn, `${name}.customerStart[${c}]`, customerStart[c]);
    const next = requireInteger(fn, `${name}.cellStart[${c + 1}]`, cellStart[c + 1], previous, cells);
    let last = -1;
    for (let i = previous; i < next; i++) {
      const k = requireInteger(fn, `${name}.cellColumn[${i}]`, cellColumn[i], last + 1, (widths[r] as number) - 1);
      last = k;
      requireCount(fn, `${name}.cellEvents[${i}]`, cellEvents[i]);
      if (cellValue !== null) requireNumber(fn, `${name}.cellValue[${i}]`, cellValue[i]);
    }
    previous = next;
  }
  if (previous !== cells)
    rangeFail(fn, `${name}.cellStart[${n}] (${previous}) must equal the number of cells (${cells})`);
  for (let r = 0; r < cohorts.length; r++) {
    const size = (cohorts[r] as { size: number }).size;
    if (size !== sizes[r])
      rangeFail(fn, `${name}.cohorts[${r}].size (${size}) must equal its number of customers (${sizes[r] as number})`);
  }
  return value as CohortIndex;
}

/**
 * The index in the shape the retention assembly (`retentionCohorts` of the cohort kernel) reads: no copy, the index's arrays.
 * @example
 * ```ts
 * import { buildCohorts } from 'loyalty-metrics';
 * import { indexCells } from './cohortIndex.ts';
 *
 * const index = buildCohorts(
 *   [
 *     { user: 'a', at: '2024-01-03', total: 20 },
 *     { user: 'a', at: '2024-02-10', total: 35 },
 *     { user: 'b', at: '2024-01-20', total: 15 },
 *     { user: 'c', at: '2024-02-05', total: 10 },
 *     { user: 'c', at: '2024-02-25', total: 5 },
 *   ],
 *   { customer: 'user', time: 'at', value: 'total', period: 'month' },
 * );
 * // customers a, b (January cohort) and c (February); a was active in columns 0 and 1, b and c in column 0
 * const cells = indexCells(index);
 * cells.customerRow; // => [0, 0, 1]
 * cells.cellStart; // => [0, 2, 3, 4]
 * cells.cellColumn; // => [0, 1, 0, 0]
 * cells.rows; // => [{ label: '2024-01-01', size: 2, columns: 2 }, { label: '2024-02-01', size: 1, columns: 1 }]
 * ```
 */
export function indexCells(index: CohortIndex): CohortCells {
  return {
    rows: index.cohorts,
    customerRow: index.customerCohort,
    cellStart: index.cellStart,
    cellColumn: index.cellColumn,
  };
}

/**
 * Per cohort and observable column: the compensated sum of a per-cell quantity over the cohort's customers.
 * @example
 * ```ts
 * import { buildCohorts } from 'loyalty-metrics';
 * import { columnTotals } from './cohortIndex.ts';
 *
 * const index = buildCohorts(
 *   [
 *     { user: 'a', at: '2024-01-03', total: 20 },
 *     { user: 'a', at: '2024-02-10', total: 35 },
 *     { user: 'b', at: '2024-01-20', total: 15 },
 *     { user: 'c', at: '2024-02-05', total: 10 },
 *     { user: 'c', at: '2024-02-25', total: 5 },
 *   ],
 *   { customer: 'user', time: 'at', value: 'total', period: 'month' },
 * );
 * // January cohort: column 0 = a's 20 + b's 15, column 1 = a's 35; February cohort: c's 10 + 5
 * columnTotals(index, index.cellValue ?? []); // => [[35, 35], [15]]
 * // events: January column 0 has a's and b's first orders, February column 0 both of c's
 * columnTotals(index, index.cellEvents); // => [[2, 1], [2]]
 * ```
 */
export function columnTotals(index: CohortIndex, cellQuantity: readonly number[]): number[][] {
  const sums = index.cohorts.map((c) => new Array<number>(c.columns).fill(0));
  const comps = index.cohorts.map((c) => new Array<number>(c.columns).fill(0));
  for (let c = 0; c < index.customers.length; c++) {
    const r = index.customerCohort[c] as number;
    const sum = sums[r] as number[];
    const comp = comps[r] as number[];
    for (let i = index.cellStart[c] as number; i < (index.cellStart[c + 1] as number); i++) {
      const k = index.cellColumn[i] as number;
      const v = cellQuantity[i] as number;
      const s = sum[k] as number;
      const t = s + v;
      comp[k]! += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
      sum[k] = t;
    }
  }
  return sums.map((sum, r) => sum.map((s, k) => s + ((comps[r] as number[])[k] as number)));
}

/**
 * Running sums of an array, compensated (Neumaier), so cancellation does not lose small terms.
 * @example
 * ```ts
 * import { cumulative } from './cohortIndex.ts';
 *
 * cumulative([35, 35, 15]); // => [35, 70, 85]
 * cumulative([]); // => []
 * // 1e16 + 1 is not representable, but the compensation keeps the 1 for the last sum
 * cumulative([1e16, 1, -1e16]); // => [1e16, 1e16, 1]
 * ```
 */
export function cumulative(values: readonly number[]): number[] {
  const out: number[] = [];
  let acc = 0;
  let comp = 0;
  for (const v of values) {
    const t = acc + v;
    comp += Math.abs(acc) >= Math.abs(v) ? acc - t + v : v - t + acc;
    acc = t;
    out.push(acc + comp);
  }
  return out;
}

/**
 * Per column: Σ numerator / Σ denominator over cohorts whose column is complete; `null` where none is.
 * @example
 * ```ts
 * import { weightedCompleteAverage } from './cohortIndex.ts';
 *
 * // revenue per customer: column 0 = (100 + 300) / (10 + 20), the third cohort's column 0 is not complete;
 * // column 1 = 40 / 10 (only the first cohort's is complete); column 2 is complete nowhere
 * const revenue = [[100, 40, 9], [300, 50], [70]];
 * const sizes = [10, 20, 7];
 * const complete = [{ complete: [true, true, false] }, { complete: [true, false] }, { complete: [false] }];
 * weightedCompleteAverage(complete, (r, k) => revenue[r]![k]!, (r) => sizes[r]!); // => [13.3333333333, 4, null]
 * ```
 */
export function weightedCompleteAverage(
  cohorts: readonly { readonly complete: readonly boolean[] }[],
  numerator: (cohort: number, column: number) => number,
  denominator: (cohort: number, column: number) => number,
): (number | null)[] {
  let width = 0;
  for (const c of cohorts) width = Math.max(width, c.complete.length);
  const out: (number | null)[] = [];
  for (let k = 0; k < width; k++) {
    let num = 0;
    let den = 0;
    let any = false;
    cohorts.forEach((c, r) => {
      if (c.complete[k] !== true) return;
      any = true;
      num += numerator(r, k);
      den += denominator(r, k);
    });
    out.push(any ? num / den : null);
  }
  return out;
}
