/**
 * The one door through which event and transaction logs enter the library: `readEventLog` turns rows or
 * columns into one validated columnar {@link EventLog}, which the cohort kernel (`buildCohorts`,
 * `retentionMatrix`, …), the transaction kernel (`rfmSummary`, `calibrationHoldoutSplit`,
 * `overdueCustomers`) and `customerLifetimes` all read.
 *
 * Each input format is one adapter file: `rows.ts` (an array or iterable of rows read through accessors) and
 * `columns.ts` (parallel columns `{ customer, time, value?, cohort? }`, plain or typed arrays). The field rules
 * they share (labels, the value rule, the time rule, the filters) are in `fields.ts`, the dense-id rule in
 * `denseIds.ts`, the customer-id rule in `customerId.ts`.
 *
 * What the reader validates: times (always), values and cohort dates (when read). Customer ids are validated
 * by the kernels where they enter a `Map` (`denseIds.ts`): an id that passes the integer test of the dense
 * path is valid by construction, so the hot path never checks ids one by one. Columns are not copied when
 * they are already what the kernels read (a `Float64Array` of valid times or values, or a plain array of
 * epoch ms times); typed id and time columns are checked in one tight pass.
 * @internal
 * @module
 */
import { describeValue, typeFail } from '../validate.ts';
import { resolveAccessor } from '../rows.ts';
import { isDateOnly } from '../time/parse.ts';
import { readColumnLog, isColumnInput } from './columns.ts';
import { directIdMax } from './denseIds.ts';
import { isRowInput, readRowLog } from './rows.ts';
import type { LogValues } from './values.ts';

/** Option keys of the event-log reader: row accessors and the cohort filters. */
export const EVENT_LOG_KEYS = ['customer', 'time', 'value', 'cohort', 'startEvent', 'returnEvent'] as const;
/** Option keys of an event log read by the cohort functions (every key of {@link EVENT_LOG_KEYS}). */
export const COHORT_EVENT_KEYS: typeof EVENT_LOG_KEYS = EVENT_LOG_KEYS;
/** Option keys of a transaction log (row accessors; no cohort dates or filters). */
export const TRANSACTION_KEYS = ['customer', 'time', 'value'] as const;

/** Event-log options as `readOptions` returns them: each known key, not yet validated. */
export type EventLogOptionValues = { readonly [K in (typeof EVENT_LOG_KEYS)[number]]?: unknown };
/** The options of the cohort functions' event reader. */
export type CohortEventOptions = EventLogOptionValues;
/** The options of the transaction reader. */
export type TransactionOptions = { readonly [K in (typeof TRANSACTION_KEYS)[number]]?: unknown };

/** What the caller reads from the log. */
export interface EventLogSpec {
  /** The log's argument name, used in messages and error fields (`events.time[3]`, `transactions[3].value`). */
  readonly name: 'events' | 'transactions';
  /** Zone of ISO strings without an offset (validated by the caller). */
  readonly timeZone: string;
  /**
   * Read the `value` field (accessor or column) when given, with `LOG_VALUES` of `values.ts`; `false`: not read.
   * A plug-in rather than a flag, so that a function without values does not bundle their checks.
   */
  readonly value: LogValues | false;
  /**
   * Reader of the cohort functions' extra fields (per-event cohort dates and the `startEvent` / `returnEvent`
   * filters), `readCohortExtras` of `cohortExtras.ts`; omitted, the log has neither. A plug-in rather than a
   * flag, so that a function without cohorts does not bundle their code.
   */
  readonly extras?: ExtrasReader;
  /**
   * Pass a value column through unchecked (row values are always checked): the caller's own pass checks each
   * value with `requireLogValue` (the RFM passes fuse that check into their block loop, which saves a read of
   * the column on their hot path). Default false.
   */
  readonly deferValueCheck?: boolean;
}

/** The cohort dates and flags of a log (see {@link EventLogSpec.extras}). */
export interface LogExtras {
  /** Per-event cohort dates (epoch ms, validated), or `null`. */
  readonly cohorts: ArrayLike<number> | null;
  /** Per-event flags: bit 1 = may start a cohort, bit 2 = counts as activity; `null` = every event both. */
  readonly flags: Uint8Array | null;
}

/** Reads the extras of a log from its input (rows as the adapter materialised them, or the columns). */
export type ExtrasReader = (
  fn: string,
  input: unknown,
  options: EventLogOptionValues,
  log: LogColumns,
  spec: EventLogSpec,
) => LogExtras;

/** What an adapter returns: the validated columns, before the door adds the log's name and dense-id limits. */
export interface LogColumns {
  readonly length: number;
  /** Customer identifiers (not yet validated: see the module notes); an `Int32Array` for row input of small integer ids. */
  readonly customers: ArrayLike<unknown>;
  /** Epoch ms, validated. */
  readonly times: ArrayLike<number>;
  /** Values (validated finite numbers, unless `deferValueCheck` for columns), or `null` when not read. */
  readonly values: ArrayLike<number> | null;
  /** The rows as an array (row input; an iterable is read once), or `null` for columns. */
  readonly rows: readonly unknown[] | null;
  /** Smallest and largest time (±Infinity when empty). */
  readonly minMs: number;
  readonly maxMs: number;
  /** True for row input (messages say `row 17: value`), false for columns (`value[17]`). */
  readonly rowInput: boolean;
  /** Largest customer id when every id is an integer in [0, `anyDirectIdLimit(length)`), else −1 (see `denseIds.ts`). */
  readonly idMax: number;
}

/** A validated event log: parallel columns, one entry per event, plus what the kernels need to pick a path. */
export interface EventLog extends Omit<LogColumns, 'rows'>, LogExtras {
  /** The log's argument name (`'events'`, `'transactions'`). */
  readonly name: string;
  /**
   * Whether the latest event's time was written as a date only (`'1998-06-30'`): the default observation end is
   * then that whole day (`defaultObservationEnd` in `settings.ts`).
   */
  readonly latestIsDate: boolean;
  /** `idMax` when a lookup table may be indexed by id (`directIdLimit(length, 'lookup')`), else −1: the cohort kernel. */
  readonly smallIdMax: number;
  /** `idMax + 1` when per-customer state may be indexed by id (`directIdLimit(length, 'state')`), else −1: the RFM passes. */
  readonly idRange: number;
}

/**
 * Reads an event log given as rows (an array or iterable, through the `customer`, `time` and optional `value`
 * / `cohort` accessors of `options`) or as columns `{ customer, time, value?, cohort? }` of equal length (read
 * without accessors). With `spec.extras`, also cohort dates and the `startEvent` / `returnEvent` filters,
 * which get `(row, index)`; for columns, `(columns, index)`.
 * @throws {TypeError} When the log is neither rows nor columns, an accessor is invalid or given with columns,
 *   a time is not a valid date, a value is not a number, or a filter does not return a boolean.
 * @throws {RangeError} For columns of unequal length or a non-finite value.
 * @example
 * ```ts
 * import { readEventLog } from './eventLog.ts';
 *
 * import { readCohortExtras } from './cohortExtras.ts';
 * import { LOG_VALUES } from './values.ts';
 *
 * const spec = { name: 'events', timeZone: 'UTC', value: LOG_VALUES, extras: readCohortExtras } as const;
 * const rows = [
 *   { user: 'a', at: '2024-01-03', total: 20 },
 *   { user: 'b', at: '2024-01-20', total: 15 },
 *   { user: 'a', at: '2024-02-10', total: 35 },
 * ];
 * const log = readEventLog('buildCohorts', rows, { customer: 'user', time: 'at', value: 'total' }, spec);
 * log; // => { name: 'events', length: 3, customers: ['a', 'b', 'a'], values: [20, 15, 35], cohorts: null, flags: null, idMax: -1, smallIdMax: -1, idRange: -1, rowInput: true }
 * new Date(log.minMs).toISOString(); // => '2024-01-03T00:00:00.000Z'
 * new Date(log.maxMs).toISOString(); // => '2024-02-10T00:00:00.000Z'
 * // flags: bit 1 = may start a cohort (no startEvent: all), bit 2 = activity (orders over 15 only)
 * readEventLog('buildCohorts', rows, { customer: 'user', time: 'at', returnEvent: (row: { total: number }) => row.total > 15 }, spec).flags; // => [3, 1, 3]
 * // columns of small integer ids: the largest id is kept so the kernels can index by id
 * const columns = { customer: new Int32Array([3, 1, 3]), time: new Float64Array([0, 86_400_000, 172_800_000]) };
 * const typed = readEventLog('retentionMatrix', columns, {}, spec);
 * typed; // => { length: 3, idMax: 3, smallIdMax: 3, idRange: 4, minMs: 0, maxMs: 172800000, rowInput: false }
 * typed.times === columns.time; // => true
 * readEventLog('buildCohorts', [{ user: 'a', at: '2024-02-30' }], { customer: 'user', time: 'at' }, spec); // => throws TypeError: buildCohorts: row 0: time "2024-02-30" is not a valid date
 * readEventLog('rfmSummary', { customer: [1, 2], time: [0] }, {}, { ...spec, name: 'transactions' }); // => throws RangeError: rfmSummary: transactions.time length (1) must equal transactions.customer length (2)
 * readEventLog('rfmSummary', 42, {}, { ...spec, name: 'transactions' }); // => throws TypeError: rfmSummary: transactions must be an array or iterable of rows, or columns { customer, time }, got 42
 * ```
 */
export function readEventLog(fn: string, input: unknown, options: EventLogOptionValues, spec: EventLogSpec): EventLog {
  let log: LogColumns;
  if (isRowInput(input)) log = readRowLog(fn, input, options, spec);
  else if (isColumnInput(input)) log = readColumnLog(fn, input, options, spec);
  else {
    return typeFail(
      fn,
      `${spec.name} must be an array or iterable of rows, or columns { customer, time }, got ${describeValue(input)}`,
      {
        argument: spec.name,
        value: input,
      },
    );
  }
  const n = log.length;
  const extras = spec.extras === undefined ? NO_EXTRAS : spec.extras(fn, input, options, log, spec);
  const smallIdMax = directIdMax(log.idMax, n, 'lookup');
  const state = directIdMax(log.idMax, n, 'state');
  // An empty log indexes its (empty) state directly.
  // A literal, not a spread: a spread's hidden class kept V8 from inlining the passes (1.5–2× slower after warm-up).
  return {
    length: n,
    customers: log.customers,
    times: log.times,
    values: log.values,
    cohorts: extras.cohorts,
    flags: extras.flags,
    minMs: log.minMs,
    maxMs: log.maxMs,
    rowInput: log.rowInput,
    idMax: log.idMax,
    name: spec.name,
    latestIsDate: latestIsDate(fn, input, options, log),
    smallIdMax,
    idRange: state >= 0 ? state + 1 : n === 0 ? 0 : -1,
  };
}

const NO_EXTRAS: LogExtras = { cohorts: null, flags: null };

/** Whether the (first) latest event's time, as written, is a date-only string (read again: one row). */
function latestIsDate(fn: string, input: unknown, options: EventLogOptionValues, log: LogColumns): boolean {
  const { times, maxMs, length } = log;
  const rawTimes = log.rows === null ? (input as { readonly time: ArrayLike<unknown> }).time : null;
  if (length === 0 || ArrayBuffer.isView(rawTimes)) return false;
  let i = 0;
  while (i < length && times[i] !== maxMs) i++;
  if (i === length) return false;
  const raw =
    log.rows === null
      ? (rawTimes as ArrayLike<unknown>)[i]
      : resolveAccessor<unknown>(fn, 'time', options.time)(log.rows[i], i);
  return isDateOnly(raw);
}
