/**
 * The field rules of an event log, shared by its adapters (`rows.ts`, `columns.ts`) and by the kernels' own
 * checks: one label and argument path per field, one value rule, one time rule, one rule for the
 * `startEvent` / `returnEvent` filters. Every error names the row (`row 3: value` for rows, `value[3]` for
 * columns) and carries `argument` (`transactions[3].value`, `events.time[3]`), `value`, `row` and, when that
 * row's id is valid, `customer`.
 * @internal
 * @module
 */
import { toEpochMs } from '../time/parse.ts';
import { describeValue, outOfRange, requireFunction, type RowArgument, typeFail, wrongType } from '../validate.ts';
import { isCustomerId } from './customerId.ts';

/**
 * How a field of row `i` is named in a message: `row 3: time` for rows, `time[3]` for columns.
 * @example
 * ```ts
 * import { fieldLabel } from './fields.ts';
 *
 * fieldLabel(true, 3, 'time'); // => 'row 3: time'
 * fieldLabel(false, 3, 'time'); // => 'time[3]'
 * ```
 */
export function fieldLabel(rowInput: boolean, i: number, field: string): string {
  return rowInput ? `row ${i}: ${field}` : `${field}[${i}]`;
}

/**
 * The argument path of a field of row `i` of the log argument `input`: `events[3].time` for rows,
 * `events.time[3]` for columns (the `argument` field of the error).
 * @example
 * ```ts
 * import { fieldArgument } from './fields.ts';
 *
 * fieldArgument('transactions', true, 3, 'value'); // => 'transactions[3].value'
 * fieldArgument('events', false, 3, 'time'); // => 'events.time[3]'
 * ```
 */
export function fieldArgument(input: string, rowInput: boolean, i: number, field: string): string {
  return rowInput ? `${input}[${i}].${field}` : `${input}.${field}[${i}]`;
}

/** A field of row `i` as the error helpers take it: its label, argument path, row, and the row's customer when valid. */
function fieldAt(input: string, rowInput: boolean, i: number, field: string, customer: unknown): RowArgument {
  const label = fieldLabel(rowInput, i, field);
  const argument = fieldArgument(input, rowInput, i, field);
  return isCustomerId(customer)
    ? { label, argument, row: i, customer: customer === 0 ? 0 : customer }
    : { label, argument, row: i };
}

/**
 * The one value rule of event logs: a value is a finite number (`"20"` is not 20, `null` is not 0).
 * `customer` (the row's customer id, or `undefined`) is named in the error's `customer` field when it is valid.
 * @example
 * ```ts
 * import { requireLogValue } from './fields.ts';
 *
 * requireLogValue('rfmSummary', 'transactions', 12.5, 0, true, 'ann'); // => 12.5
 * requireLogValue('rfmSummary', 'transactions', '20', 3, true, undefined); // => throws TypeError: rfmSummary: row 3: value must be a number, got "20"
 * requireLogValue('buildCohorts', 'events', Number.NaN, 2, false, undefined); // => throws RangeError: buildCohorts: value[2] (NaN) must be a finite number
 * let caught: unknown;
 * try {
 *   requireLogValue('rfmSummary', 'transactions', Infinity, 1, true, 'bob');
 * } catch (error) {
 *   caught = error;
 * }
 * ({ ...(caught as object) }); // => { function: 'rfmSummary', argument: 'transactions[1].value', value: 'Infinity', row: 1, customer: 'bob' }
 * ```
 */
export function requireLogValue(
  fn: string,
  input: string,
  value: unknown,
  i: number,
  rowInput: boolean,
  customer: unknown,
): number {
  if (typeof value === 'number' && value - value === 0) return value;
  const at = fieldAt(input, rowInput, i, 'value', customer);
  if (typeof value !== 'number') return wrongType(fn, at, value, 'a number');
  return outOfRange(fn, at, value, 'must be a finite number');
}

/**
 * The one time rule of event logs (for `field` `'time'` or `'cohort'`): a `Date`, epoch milliseconds or an ISO
 * 8601 string (read in `timeZone` when it has no offset), converted to epoch ms; anything else is a
 * `TypeError` with the row's fields. The adapters take epoch ms in range without calling it.
 * @example
 * ```ts
 * import { readLogTime } from './fields.ts';
 *
 * readLogTime('retentionMatrix', 'events', 'time', '2024-01-02', 0, true, 'UTC', 'ann'); // => 1704153600000
 * readLogTime('retentionMatrix', 'events', 'time', '2024-02-30', 4, true, 'UTC', undefined); // => throws TypeError: retentionMatrix: row 4: time "2024-02-30" is not a valid date
 * readLogTime('rfmSummary', 'transactions', 'time', Number.NaN, 1, false, 'UTC', undefined); // => throws TypeError: rfmSummary: time[1] NaN is not a valid date
 * let caught: unknown;
 * try {
 *   readLogTime('rfmSummary', 'transactions', 'time', 'soon', 1, false, 'UTC', 'bob');
 * } catch (error) {
 *   caught = error;
 * }
 * ({ ...(caught as object) }); // => { function: 'rfmSummary', argument: 'transactions.time[1]', value: '"soon"', row: 1, customer: 'bob' }
 * ```
 */
export function readLogTime(
  fn: string,
  input: string,
  field: string,
  raw: unknown,
  i: number,
  rowInput: boolean,
  timeZone: string,
  customer: unknown,
): number {
  const at = fieldAt(input, rowInput, i, field, customer);
  try {
    return toEpochMs(fn, raw, at.label, timeZone);
  } catch (error) {
    // Not a valid date (a TypeError; an invalid zone is a RangeError of the option): rethrown with the row's fields.
    if (error instanceof TypeError) typeFail(fn, error.message.slice(fn.length + 2), { ...at, value: raw });
    throw error;
  }
}

/** A `startEvent` / `returnEvent` filter: `(row, index) => boolean`, or `null` when not given. */
export type EventFilter = (row: unknown, index: number) => unknown;

/**
 * Reads an optional filter option (`startEvent`, `returnEvent`).
 * @example
 * ```ts
 * import { filterOption } from './fields.ts';
 *
 * filterOption('buildCohorts', 'startEvent', undefined); // => null
 * typeof filterOption('buildCohorts', 'startEvent', () => true); // => 'function'
 * filterOption('buildCohorts', 'startEvent', 'signup'); // => throws TypeError: buildCohorts: startEvent must be a function, got "signup"
 * ```
 */
export function filterOption(fn: string, name: string, value: unknown): EventFilter | null {
  if (value === undefined) return null;
  return requireFunction(fn, name, value) as EventFilter;
}

/**
 * Per-event flags from the filters: bit 1 = may start a cohort (`startEvent`), bit 2 = counts as activity
 * (`returnEvent`); an absent filter sets its bit for every event, and no filter at all gives `null`.
 * `rowAt(i)` is what a filter gets: the row, or the columns object for columnar input.
 * @example
 * ```ts
 * import { readFlags } from './fields.ts';
 *
 * const rows = [{ kind: 'signup' }, { kind: 'order' }];
 * readFlags('buildCohorts', 2, (i) => rows[i], (row) => (row as { kind: string }).kind === 'signup', null, true); // => [3, 2]
 * readFlags('buildCohorts', 2, (i) => rows[i], null, null, true); // => null
 * readFlags('buildCohorts', 2, (i) => rows[i], () => 1, null, true); // => throws TypeError: buildCohorts: row 0: startEvent must return a boolean, got 1
 * ```
 */
export function readFlags(
  fn: string,
  n: number,
  rowAt: (i: number) => unknown,
  startEvent: EventFilter | null,
  returnEvent: EventFilter | null,
  rowInput: boolean,
): Uint8Array | null {
  if (startEvent === null && returnEvent === null) return null;
  const flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let f = 0;
    for (const [bit, name, predicate] of [
      [1, 'startEvent', startEvent],
      [2, 'returnEvent', returnEvent],
    ] as const) {
      if (predicate === null) {
        f |= bit;
        continue;
      }
      const answer = predicate(rowAt(i), i);
      if (typeof answer !== 'boolean') {
        typeFail(
          fn,
          `${rowInput ? `row ${i}: ` : `event ${i}: `}${name} must return a boolean, got ${describeValue(answer)}`,
          { argument: name, value: answer, row: i },
        );
      }
      if (answer) f |= bit;
    }
    flags[i] = f;
  }
  return flags;
}
