/**
 * Reads a transaction or event log for the command-line tool with the library's own file readers
 * (`readCsvLog`, `readNdjsonLog` from `src/io`): parallel typed arrays (customer code, epoch ms, value), the
 * columnar input of the cohort and RFM functions. Customer ids are interned, so memory is 12–20 bytes per row
 * plus one string per customer: no object per row, and the file streams chunk by chunk.
 * @module
 */
import { readCsvLog, readNdjsonLog } from '../index.ts';
import { createPeriodIndexer } from '../internal/time/indexer.ts';
import {
  type CommandContext,
  type EpochFlag,
  epochFlag,
  numberFlag,
  observationEndFlag,
  requiredFlag,
  timeZoneFlag,
  UsageError,
  yearStartsOnFlag,
} from './command.ts';
import { InputError } from './input.ts';

/** Column names of a transaction log. */
export interface TransactionColumnNames {
  readonly customer: string;
  readonly time: string;
  readonly value?: string | undefined;
}

/** The log as columns; `customer[i]` indexes `names`. */
export interface TransactionColumns {
  readonly customer: Int32Array;
  readonly time: Float64Array;
  readonly value: Float64Array | undefined;
  /** Customer ids in order of first appearance (as text: NDJSON numbers are written in decimal). */
  readonly names: readonly string[];
  readonly length: number;
  /** Whether every time cell was a calendar date without a time of day (the reader's `dateOnly`). */
  readonly dateOnly: boolean;
}

/** The largest epoch-millisecond time below which a whole log of digit-only cells looks like basic ISO dates. */
const SUSPICIOUS_EPOCH_MS = 1e8;

/**
 * Reads the whole input into columns with the library's readers. Time cells are ISO 8601 (extended or basic
 * form; a date is local midnight and a date-time without offset local time in `timeZone`) or, unless `epoch` is
 * `'none'`, digit-only epoch milliseconds (`'milliseconds'`, the default) or seconds; JSON numbers are epoch
 * times in the same unit. Bad cells are reported with their line and column, with long values cut short.
 * @example
 * ```ts
 * import { readTransactionColumns } from './columns.ts';
 *
 * const csv = 'id,at,amount\na,2024-01-01T12:00,10\nb,20240105,4\na,1704967200000,30\n';
 * const input = { format: 'csv' as const, open: async function* () { yield csv; } };
 * const cols = await readTransactionColumns({ flags: {}, input, read: async () => 0 }, { customer: 'id', time: 'at', value: 'amount' }, 'Europe/Bucharest');
 * cols.names; // => ['a', 'b']
 * Array.from(cols.customer); // => [0, 1, 0]
 * // 12:00 in Bucharest (UTC+2 in winter) is 10:00Z: Date.UTC(2024, 0, 1, 10)
 * cols.time[0]; // => 1704103200000
 * // a digit-only cell is epoch ms: 1704967200000 is 2024-01-11T10:00Z, ten days later
 * (cols.time[2] - cols.time[0]) / 86_400_000; // => 10
 * Array.from(cols.value ?? []); // => [10, 4, 30]
 * cols.dateOnly; // => false
 * // with epoch 'none', 8 digits are a basic ISO 8601 date (19970101 = 1997-01-01)
 * const cdnow = { format: 'csv' as const, open: async function* () { yield 'id,day\n00001,19970101\n'; } };
 * const days = await readTransactionColumns({ flags: {}, input: cdnow, read: async () => 0 }, { customer: 'id', time: 'day' }, 'UTC', 'none');
 * days.time[0] === Date.UTC(1997, 0, 1); // => true
 * days.dateOnly; // => true
 * ```
 */
export async function readTransactionColumns(
  context: CommandContext,
  names: TransactionColumnNames,
  timeZone: string,
  epoch: EpochFlag = 'milliseconds',
): Promise<TransactionColumns> {
  const { input } = context;
  if (input === undefined) throw new InputError('this command reads no input');
  const options = {
    customer: names.customer,
    time: names.time,
    ...(names.value === undefined ? {} : { value: names.value }),
    timeZone,
    ...(epoch === 'none' ? {} : { epoch }),
  };
  let log: Awaited<ReturnType<typeof readCsvLog>>;
  try {
    const bytes = input.bytes;
    log =
      input.format === 'ndjson'
        ? await readNdjsonLog(input.open(), options)
        : // told the file's size, the reader allocates the columns once, for the whole file
          await readCsvLog(input.open(), bytes === undefined ? options : { ...options, sizeHint: bytes });
  } catch (error) {
    // A bad row: the reader's message names the line and the column; the tool names the source instead of the function.
    if ((error instanceof TypeError || error instanceof RangeError) && 'line' in error)
      throw new InputError(error.message.replace(/^read(Csv|Ndjson)Log: /, ''));
    throw error;
  }
  if (epoch === 'milliseconds' && log.time.length > 0) {
    let max = Number.NEGATIVE_INFINITY;
    let min = Number.POSITIVE_INFINITY;
    for (let i = 0; i < log.time.length; i++) {
      const t = log.time[i] as number;
      if (t > max) max = t;
      if (t < min) min = t;
    }
    if (min >= 0 && max < SUSPICIOUS_EPOCH_MS)
      context.warn?.(
        `every ${names.time} is within 28 hours of 1970-01-01T00:00Z as epoch milliseconds; if the cells are dates such as 19970101 (ISO 8601 basic format), add --epoch none`,
      );
  }
  const ids = log.customerIds.map(String);
  return {
    customer: log.customer,
    time: log.time,
    value: log.value,
    names: ids,
    length: log.customer.length,
    dateOnly: log.dateOnly,
  };
}

/**
 * The observation end a command passes when the user gave none: for a log of calendar dates (the reader's
 * `dateOnly`), the latest date as an ISO date string, so that the whole of that day is observed, as date strings
 * are everywhere in the library; otherwise `undefined` (the library's default, the latest instant).
 * @example
 * ```ts
 * import { dateLogEnd } from './columns.ts';
 *
 * const days = new Float64Array([Date.UTC(1997, 0, 1), Date.UTC(1998, 5, 30)]);
 * dateLogEnd({ time: days, dateOnly: true }, 'UTC'); // => '1998-06-30'
 * dateLogEnd({ time: days, dateOnly: false }, 'UTC'); // => undefined
 * dateLogEnd({ time: new Float64Array(0), dateOnly: true }, 'UTC'); // => undefined
 * ```
 */
export function dateLogEnd(
  columns: Pick<TransactionColumns, 'time' | 'dateOnly'>,
  timeZone: string,
): string | undefined {
  const times = columns.time;
  if (!columns.dateOnly || times.length === 0) return undefined;
  const days = createPeriodIndexer('cli', { period: 'day', timeZone, weekStartsOn: 1, yearStartsOn: 1 });
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < times.length; i++) if ((times[i] as number) > max) max = times[i] as number;
  days.prepare(max, max);
  return days.label(days.index(max));
}

/** The calendar options a log command passes to the library, from its flags and the log it read. */
export interface LogCalendar {
  readonly timeZone: string;
  readonly observationEnd?: string | number;
  readonly weekStartsOn?: number;
  readonly yearStartsOn?: number;
}

/**
 * What every command over a transaction log does first: reads `--time-zone` (default UTC), `--epoch`,
 * `--observation-end`, `--week-starts-on` and `--year-starts-on` (a bad value is a usage error naming the flag),
 * reads the `--customer` / `--time` (and `value`) columns, and, without `--observation-end`, ends a log of
 * calendar dates with its latest day ({@link dateLogEnd}), so the commands share one rule.
 * @example
 * ```ts
 * import { readCommandLog } from './columns.ts';
 *
 * const csv = 'id,day\na,2024-01-01\nb,2024-01-05\n';
 * const input = { format: 'csv' as const, open: async function* () { yield csv; } };
 * const context = { flags: { customer: 'id', time: 'day', 'week-starts-on': '0' }, input, read: async () => 0 };
 * const { columns, calendar } = await readCommandLog(context);
 * columns.names; // => ['a', 'b']
 * calendar; // => { timeZone: 'UTC', weekStartsOn: 0, observationEnd: '2024-01-05' }
 * ```
 */
export async function readCommandLog(
  context: CommandContext,
  value?: string,
): Promise<{ columns: TransactionColumns; calendar: LogCalendar }> {
  const { flags } = context;
  const timeZone = timeZoneFlag(flags, 'time-zone') ?? 'UTC';
  const epoch = epochFlag(flags);
  const calendar: { -readonly [K in keyof LogCalendar]: LogCalendar[K] } = { timeZone };
  const weekStartsOn = numberFlag(flags, 'week-starts-on');
  if (weekStartsOn !== undefined) {
    if (!Number.isInteger(weekStartsOn) || weekStartsOn < 0 || weekStartsOn > 6)
      throw new UsageError(`--week-starts-on must be an integer from 0 (Sunday) to 6; got ${weekStartsOn}`);
    calendar.weekStartsOn = weekStartsOn;
  }
  const yearStartsOn = yearStartsOnFlag(flags);
  if (yearStartsOn !== undefined) calendar.yearStartsOn = yearStartsOn;
  const end = observationEndFlag(flags, timeZone, epoch);
  const names = { customer: requiredFlag(flags, 'customer'), time: requiredFlag(flags, 'time'), value };
  const columns = await readTransactionColumns(context, names, timeZone, epoch);
  const observationEnd = end ?? dateLogEnd(columns, timeZone);
  if (observationEnd !== undefined) calendar.observationEnd = observationEnd;
  return { columns, calendar };
}
