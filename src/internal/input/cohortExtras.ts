/**
 * The cohort functions' extra fields of an event log, read after the adapter (`rows.ts`, `columns.ts`) and
 * plugged into the reader as `EventLogSpec.extras`, so that functions without cohorts (the RFM functions,
 * `customerLifetimes`) do not bundle them: per-event cohort dates (the `cohort` accessor of rows or the
 * `cohort` column) and the `startEvent` / `returnEvent` filters.
 * @internal
 * @module
 */
import { resolveAccessor } from '../rows.ts';
import { MAX_EPOCH_MS } from '../time/civil.ts';
import { rangeFail, typeFail } from '../validate.ts';
import { requireColumn } from './columns.ts';
import type { EventLogOptionValues, EventLogSpec, LogColumns, LogExtras } from './eventLog.ts';
import { filterOption, readFlags, readLogTime } from './fields.ts';

/**
 * Reads the cohort dates and flags of a log: `input` is the log as given, `log` what its adapter read.
 * @throws {TypeError} For a filter that is not a function or does not return a boolean, a cohort date that is
 *   not a valid date, a `cohort` accessor with columns, or cohort dates combined with `startEvent`.
 * @throws {RangeError} For a `cohort` column of another length than the log.
 * @example
 * ```ts
 * import { readCohortExtras } from './cohortExtras.ts';
 * import { readRowLog } from './rows.ts';
 *
 * const spec = { name: 'events', timeZone: 'UTC', value: false } as const;
 * const rows = [{ u: 'a', at: 0, joined: '2024-01-01' }, { u: 'b', at: 0, joined: '2024-01-02' }];
 * const options = { customer: 'u', time: 'at', cohort: 'joined', returnEvent: (_row: unknown, i: number) => i > 0 };
 * readCohortExtras('buildCohorts', rows, options, readRowLog('buildCohorts', rows, options, spec), spec); // => { cohorts: [1704067200000, 1704153600000], flags: [1, 3] }
 * readCohortExtras('buildCohorts', rows, { startEvent: 1 }, readRowLog('buildCohorts', rows, options, spec), spec); // => throws TypeError: buildCohorts: startEvent must be a function, got 1
 * ```
 */
export function readCohortExtras(
  fn: string,
  input: unknown,
  options: EventLogOptionValues,
  log: LogColumns,
  spec: EventLogSpec,
): LogExtras {
  const { name, timeZone } = spec;
  const startEvent = filterOption(fn, 'startEvent', options.startEvent);
  const returnEvent = filterOption(fn, 'returnEvent', options.returnEvent);
  const n = log.length;
  const rows = log.rows;
  let cohorts: Float64Array | null = null;
  if (rows !== null) {
    if (options.cohort !== undefined) {
      const getCohort = resolveAccessor<unknown>(fn, 'cohort', options.cohort);
      cohorts = new Float64Array(n);
      for (let i = 0; i < n; i++) cohorts[i] = cohortDate(fn, name, getCohort(rows[i], i), i, true, timeZone, log);
    }
  } else {
    if (options.cohort !== undefined)
      typeFail(fn, `cohort accessor applies to row input only; columnar ${name} are read from ${name}.cohort`, {
        argument: 'options.cohort',
        value: options.cohort,
      });
    const raw = (input as Readonly<Record<string, unknown>>).cohort;
    if (raw !== undefined) {
      const column = requireColumn(fn, `${name}.cohort`, raw);
      if (column.length !== n)
        rangeFail(fn, `${name}.cohort length (${column.length}) must equal ${name}.customer length (${n})`, {
          argument: `${name}.cohort`,
          value: column,
        });
      cohorts = new Float64Array(n);
      for (let i = 0; i < n; i++) cohorts[i] = cohortDate(fn, name, column[i], i, false, timeZone, log);
    }
  }
  if (cohorts !== null && startEvent !== null)
    typeFail(fn, 'startEvent cannot be combined with cohort dates (the cohort date is the start)', {
      argument: 'options.startEvent',
    });
  const flags = readFlags(fn, n, rows !== null ? (i) => rows[i] : () => input, startEvent, returnEvent, rows !== null);
  return { cohorts, flags };
}

function cohortDate(
  fn: string,
  name: string,
  c: unknown,
  i: number,
  rowInput: boolean,
  timeZone: string,
  log: LogColumns,
): number {
  return typeof c === 'number' && Math.abs(c) <= MAX_EPOCH_MS
    ? c
    : readLogTime(fn, name, 'cohort', c, i, rowInput, timeZone, log.customers[i]);
}
