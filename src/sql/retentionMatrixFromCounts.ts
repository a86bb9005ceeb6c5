import type { RetentionMatrixResult } from '../cohorts/retentionMatrix.ts';
import type { RetentionCohort } from '../cohorts/types.ts';
import { completeAverage, type CountRowDraft, withFinal } from '../internal/cohorts/cohortAverage.ts';
import {
  COHORT_SETTING_KEYS,
  observedUntil,
  readCohortSettings,
  readObservationEnd,
  readRetentionMode,
  RETENTION_MODE_KEYS,
} from '../internal/input/settings.ts';
import { SQL_SOURCE_KEYS } from '../internal/sqlSource.ts';
import { isoDateOfDay } from '../internal/time/civil.ts';
import { ROLLING_WINDOW_MS } from '../internal/time/periodKinds.ts';
import {
  describeValue,
  rangeFail,
  readOptions,
  requireArrayLike,
  requireObject,
  typeFail,
} from '../internal/validate.ts';
import type { RetentionCountRow, RetentionMatrixFromCountsOptions } from './types.ts';

/** An integer cell as drivers return it (number, bigint or decimal string); `null` for NULL. */
function integerCell(fn: string, row: number, field: string, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  let n = Number.NaN;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'bigint') n = Number(value);
  else if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) n = Number(value);
  else
    typeFail(
      fn,
      `rows[${row}].${field} must be an integer (number, bigint or decimal string), got ${describeValue(value)}`,
    );
  if (!Number.isSafeInteger(n)) rangeFail(fn, `rows[${row}].${field} (${describeValue(value)}) must be a safe integer`);
  return n;
}

interface CohortAcc {
  size: number;
  firstStart: number;
  lastStart: number;
  cells: Map<number, number>;
}

/**
 * Turns the rows of {@link retentionCountsSql} (as a database driver returns them) into exactly the object
 * `retentionMatrix` returns for the same events and options: cohorts in time order with the same labels (ISO date
 * of the cohort period's first local day), start instants, sizes, counts, rates and completeness flags, and the
 * same average row (Σ counts / Σ size over the cohorts whose column is complete).
 *
 * ```text
 * calendar: columns = E − cohort + 1,  complete[k] ⇔ k < E − cohort        (E = period of observationEnd)
 * rolling:  columns = ⌊(end − earliest start) / w⌋ + 1,  complete[k] ⇔ k < ⌊(end − latest start) / w⌋
 * brackets: a bracket is a column once its first column is observable, complete once its last one is
 * onOrAfter: a column missing from the rows has the count of the next column present (no customer's last
 *            activity fell in it), or 0 after the last one
 * ```
 *
 * Pass the same options object as to {@link retentionCountsSql} (its `dialect`, `table` and column options are
 * accepted and ignored). The observation end is `observationEnd` when given, else the rows'
 * `observation_end_ms` (or, for a date column, local midnight of `observation_end_day`).
 *
 * @param rows - The result rows of {@link retentionCountsSql}: objects with `cohort_period`, `cohort_size`,
 *   `column_index`, `customers` and `observation_end_ms` (or `observation_end_day`), plus `first_start_ms` and
 *   `last_start_ms` for rolling windows. Integers may be numbers, bigints or decimal strings.
 * @param options - The options given to {@link retentionCountsSql}.
 * @returns The retention matrix, as `retentionMatrix` returns it.
 * @throws {TypeError} When `rows` is not an array of objects or a cell is not an integer.
 * @throws {RangeError} As `retentionMatrix` for the options; when a row's column lies outside its cohort's
 *   observable columns or the rows disagree on a cohort's size or the observation end.
 * @example
 * ```ts
 * import { retentionMatrixFromCounts } from 'loyalty-metrics';
 *
 * // What retentionCountsSql returns for: a and b start on 2024-01-01 (day 19723), a is back the next day,
 * // b two days later; c starts on 2024-01-02 and is back on 2024-01-03, the last event: retentionMatrix's example.
 * const end = Date.UTC(2024, 0, 3);
 * const rows = [
 *   { cohort_period: 19723, cohort_size: 2, column_index: 0, customers: 2, observation_end_ms: end },
 *   { cohort_period: 19723, cohort_size: 2, column_index: 1, customers: 1, observation_end_ms: end },
 *   { cohort_period: 19723, cohort_size: 2, column_index: 2, customers: 1, observation_end_ms: end },
 *   { cohort_period: 19724n, cohort_size: 1n, column_index: 0n, customers: 1n, observation_end_ms: BigInt(end) },
 *   { cohort_period: '19724', cohort_size: '1', column_index: '1', customers: '1', observation_end_ms: String(end) },
 * ];
 * const m = retentionMatrixFromCounts(rows, { period: 'day' });
 * m.cohorts[0]; // => { label: '2024-01-01', size: 2, counts: [2, 1, 1], rates: [1, 0.5, 0.5], complete: [true, true, false] }
 * m.average; // => [1, 0.5, null]
 * ```
 * @category SQL
 */
export function retentionMatrixFromCounts(
  rows: readonly RetentionCountRow[],
  options?: RetentionMatrixFromCountsOptions,
): RetentionMatrixResult {
  const fn = 'retentionMatrixFromCounts';
  const opts = readOptions(fn, options, [...COHORT_SETTING_KEYS, ...RETENTION_MODE_KEYS], SQL_SOURCE_KEYS);
  const settings = readCohortSettings(fn, opts);
  const { mode, brackets } = readRetentionMode(fn, opts);
  const { indexer, period } = settings;
  const rolling = settings.windows === 'rolling';
  const list = requireArrayLike(fn, 'rows', rows);
  const cohorts = new Map<number, CohortAcc>();
  let endMs = settings.observationEnd ?? Number.NaN;
  const explicitEnd = settings.observationEnd !== undefined;
  for (let i = 0; i < list.length; i++) {
    const row = requireObject(fn, `rows[${i}]`, list[i]);
    const key = integerCell(fn, i, 'cohort_period', row.cohort_period);
    const size = integerCell(fn, i, 'cohort_size', row.cohort_size);
    if (key === null || size === null || size <= 0)
      rangeFail(fn, `rows[${i}] must have a cohort_period and a positive cohort_size`);
    if (!explicitEnd) {
      const ms = integerCell(fn, i, 'observation_end_ms', row.observation_end_ms);
      const dayNumber = integerCell(fn, i, 'observation_end_day', row.observation_end_day);
      const end =
        ms !== null
          ? ms
          : dayNumber !== null
            ? // a date: its whole local day is observed (the observation-end rule)
              (readObservationEnd(
                fn,
                `rows[${i}].observation_end_day`,
                isoDateOfDay(dayNumber),
                settings.timeZone,
              ) as number)
            : Number.NaN;
      if (Number.isNaN(end)) rangeFail(fn, `rows[${i}] has no observation_end_ms (nor observation_end_day)`);
      if (Number.isNaN(endMs)) endMs = end;
      else if (end !== endMs)
        rangeFail(fn, `rows[${i}] observation end (${end}) differs from the first row's (${endMs})`);
    }
    let acc = cohorts.get(key);
    if (acc === undefined) {
      acc = { size, firstStart: Number.NaN, lastStart: Number.NaN, cells: new Map() };
      if (rolling) {
        acc.firstStart = integerCell(fn, i, 'first_start_ms', row.first_start_ms) ?? Number.NaN;
        acc.lastStart = integerCell(fn, i, 'last_start_ms', row.last_start_ms) ?? Number.NaN;
        if (Number.isNaN(acc.firstStart) || Number.isNaN(acc.lastStart))
          rangeFail(fn, `rows[${i}] needs first_start_ms and last_start_ms with rolling windows`);
      }
      cohorts.set(key, acc);
    } else if (acc.size !== size)
      rangeFail(fn, `rows[${i}] cohort_size (${size}) differs from ${acc.size}, given before for its cohort`);
    const k = integerCell(fn, i, 'column_index', row.column_index);
    const n = integerCell(fn, i, 'customers', row.customers);
    if (k === null || n === null) continue;
    if (k < 0) rangeFail(fn, `rows[${i}].column_index (${k}) must not be negative`);
    acc.cells.set(k, (acc.cells.get(k) ?? 0) + n);
  }
  const keys = [...cohorts.keys()].sort((a, b) => a - b);
  const endPeriod = Number.isNaN(endMs) ? Number.NaN : indexer.index(endMs);
  const until = observedUntil(fn, endMs, settings.timeZone);
  const endDone = !Number.isNaN(endMs) && indexer.end(endPeriod) <= until ? 1 : 0;
  const windowMs = ROLLING_WINDOW_MS[period];
  const ends = brackets === null ? null : brackets.map(([, to]) => to);
  const drafts: CountRowDraft[] = keys.map((key, r) => {
    const acc = cohorts.get(key) as CohortAcc;
    // Observable and complete columns: the rules of the cohort kernel (see retentionMatrix's boundary rules).
    const columns = rolling ? Math.floor((endMs - acc.firstStart) / windowMs) + 1 : endPeriod - key + 1;
    const completeColumns = rolling ? Math.floor((until - acc.lastStart) / windowMs) : endPeriod - key + endDone;
    const width = brackets === null ? columns : brackets.filter(([from]) => from < columns).length;
    const counts = new Array<number>(width).fill(0);
    for (const [k, n] of acc.cells) {
      if (k >= width)
        rangeFail(fn, `rows: cohort ${r} (period ${key}) has a count in column ${k}, past its ${width} columns`, {
          argument: 'rows',
        });
      counts[k] = n;
    }
    if (mode === 'onOrAfter')
      for (let k = width - 2; k >= 0; k--) if (!acc.cells.has(k)) counts[k] = counts[k + 1] as number;
    const complete = counts.map((_, k) => (ends === null ? k : (ends[k] as number)) < completeColumns);
    return {
      label: indexer.label(key),
      start: indexer.start(key),
      size: acc.size,
      counts,
      rates: counts.map((x) => x / acc.size),
      complete,
    };
  });
  const out: RetentionCohort[] = withFinal(drafts, mode === 'onOrAfter');
  return {
    period,
    windows: settings.windows,
    timeZone: settings.timeZone,
    weekStartsOn: settings.weekStartsOn,
    yearStartsOn: settings.yearStartsOn,
    observationEnd: Number.isNaN(endMs) ? null : endMs,
    mode,
    brackets,
    cohorts: out,
    average: completeAverage(out),
  };
}
