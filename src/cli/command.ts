/**
 * What every subcommand of the command-line tool looks like, and the shared helpers they use to turn
 * text fields into typed values with line-numbered errors.
 * @module
 */
import { requireYearStartsOn } from '../internal/time/calendarRules.ts';
import { toEpochMs } from '../internal/time/parse.ts';
import { describeValue, requireConfidenceLevel } from '../internal/validate.ts';
import { InputError, type InputFormat } from './input.ts';

/** A flag of a subcommand (all flags take a value unless `boolean`). */
export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  /** Placeholder shown in the help, e.g. `<column>`. */
  readonly value?: string;
  readonly description: string;
  readonly required?: boolean;
  /** Allowed values; anything else is a usage error (exit code 2). */
  readonly choices?: readonly string[];
  readonly default?: string;
}

/** The calendar flags of every command that groups a log by period: time zone, first weekday, first month. */
export const CALENDAR_FLAGS: Readonly<Record<string, FlagSpec>> = {
  'time-zone': {
    type: 'string',
    value: '<IANA zone>',
    description: 'calendar of the periods, and of times without an offset (default UTC)',
  },
  'week-starts-on': {
    type: 'string',
    value: '<0-6>',
    description: 'first day of a week period, 0 = Sunday (default 1, Monday)',
  },
  'year-starts-on': {
    type: 'string',
    value: '<1-12>',
    description: 'first month of quarter and year periods (fiscal years), e.g. 4 = April (default 1, January)',
  },
};

/** How digit-only time cells (and a digit-only `--observation-end`) are read: `--epoch`. */
export type EpochFlag = 'milliseconds' | 'seconds' | 'none';

/** The `--epoch` flag of every command that reads a log. */
export const EPOCH_FLAG: Readonly<Record<string, FlagSpec>> = {
  epoch: {
    type: 'string',
    value: '<milliseconds|seconds|none>',
    description:
      'digit-only time cells are epoch milliseconds (default) or seconds; none: they are ISO 8601 basic dates (19970101)',
    choices: ['milliseconds', 'seconds', 'none'],
  },
};

/** Parsed flag values: strings for value flags, booleans for switches. */
export type Flags = Readonly<Record<string, string | boolean | undefined>>;

/** What a subcommand can do with its input. */
export interface CommandContext {
  readonly flags: Flags;
  /** The positional argument of a command with a `subject` (e.g. `rfm` in `sql rfm`); such a command reads no input. */
  readonly subject?: string;
  /**
   * Streams every row of the input, calling `onRow` with the values of `columns` (in that order; the
   * array is reused) and the row's 1-based line number. Resolves with the number of rows.
   */
  read(columns: readonly string[], onRow: (values: readonly unknown[], line: number) => void): Promise<number>;
  /** The input itself, for the commands that read an event log with the library's readers (`src/io`). */
  readonly input?: {
    readonly format: InputFormat;
    /** Opens the input: a stream of byte (or text) chunks, read once. */
    open(): AsyncIterable<string | Uint8Array>;
    /** Size of the input in bytes when known (a file), so the reader allocates the columns once. */
    readonly bytes?: number | undefined;
  };
  /** Prints a warning on standard error (the input was read, but something looks wrong). */
  readonly warn?: (message: string) => void;
}

/** A command's result in the three output formats. */
export interface CommandOutput {
  /** Printed by `--format json` with `JSON.stringify`: exactly the library function's result. */
  readonly json: unknown;
  /** Human-readable text for `--format table`. */
  table(): string;
  /** RFC 4180 CSV (with a header line) for `--format csv`: the text, or its pieces in order (written as made). */
  csv(): string | Iterable<string>;
  /** One JSON object per line for `--format ndjson` (only commands that print one row per record have it). */
  ndjson?(): string;
  /** Warnings of the result (a fit the data do not identify, …), printed on stderr in every format. */
  readonly warnings?: readonly string[];
}

/** One subcommand. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The library function it runs, named in the help. */
  readonly runs: string;
  readonly flags: Readonly<Record<string, FlagSpec>>;
  /**
   * A command that reads no input takes a required positional subject instead of a file (`sql rfm`): its
   * placeholder for the help and its allowed values.
   */
  readonly subject?: { readonly value: string; readonly choices: readonly string[] };
  execute(context: CommandContext): Promise<CommandOutput>;
}

/** A command-line mistake: unknown command or flag, missing or malformed flag value. Exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * A value as an error message shows it: strings quoted and cut to 60 characters (a 10 MB bad field is not
 * echoed whole), numbers as they are.
 * @example
 * ```ts
 * import { echo } from './command.ts';
 *
 * echo('abc'); // => '"abc"'
 * echo('x'.repeat(10_000_000)).length; // => 62
 * echo(7); // => '7'
 * ```
 */
export function echo(value: unknown): string {
  return describeValue(value);
}

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses a decimal number written in text; `undefined` for anything else (empty, `1,5`, `NaN`).
 * @example
 * ```ts
 * import { parseDecimal } from './command.ts';
 *
 * parseDecimal('1.5e3'); // => 1500
 * parseDecimal('-.25'); // => -0.25
 * parseDecimal('1,5'); // => undefined
 * parseDecimal('NaN'); // => undefined
 * ```
 */
export function parseDecimal(text: string): number | undefined {
  return NUMBER_RE.test(text) ? Number(text) : undefined;
}

/**
 * A numeric cell: a JSON number (NDJSON) or a decimal written as text (CSV); otherwise an InputError.
 * @example
 * ```ts
 * import { numberCell } from './command.ts';
 *
 * numberCell(' 42.5 ', 'amount', 3); // => 42.5
 * numberCell(7, 'amount', 3); // => 7
 * numberCell('abc', 'amount', 3); // => throws InputError: line 3: amount "abc" is not a number
 * ```
 */
export function numberCell(value: unknown, column: string, line: number): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const parsed = parseDecimal(value.trim());
    if (parsed !== undefined && Number.isFinite(parsed)) return parsed;
  }
  throw new InputError(`line ${line}: ${column} ${echo(value)} is not a number`);
}

/**
 * A customer id cell: a non-empty string or a finite number (NDJSON), returned as a string key.
 * @example
 * ```ts
 * import { idCell } from './command.ts';
 *
 * idCell(1001, 'customer', 2); // => '1001'
 * idCell('', 'customer', 2); // => throws InputError: line 2: customer "" is not a customer id (a non-empty string or a number)
 * ```
 */
export function idCell(value: unknown, column: string, line: number): string {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new InputError(`line ${line}: ${column} ${echo(value)} is not a customer id (a non-empty string or a number)`);
}

/**
 * A numeric flag value, or a usage error naming the flag.
 * @example
 * ```ts
 * import { numberFlag } from './command.ts';
 *
 * numberFlag({ 'week-starts-on': '0' }, 'week-starts-on'); // => 0
 * numberFlag({}, 'week-starts-on'); // => undefined
 * numberFlag({ 'week-starts-on': 'monday' }, 'week-starts-on'); // => throws UsageError: --week-starts-on expects a number, got "monday"
 * ```
 */
export function numberFlag(flags: Flags, name: string): number | undefined {
  const value = flags[name];
  if (value === undefined) return undefined;
  const parsed = typeof value === 'string' ? parseDecimal(value) : undefined;
  if (parsed === undefined || !Number.isFinite(parsed))
    throw new UsageError(`--${name} expects a number, got ${echo(value)}`);
  return parsed;
}

/**
 * The first month of quarter and year periods (`--year-starts-on`, 1 = January … 12 = December), checked by the
 * library's own rule (`yearStartsOn`); a bad value is a usage error naming the flag.
 * @example
 * ```ts
 * import { yearStartsOnFlag } from './command.ts';
 *
 * yearStartsOnFlag({ 'year-starts-on': '4' }); // => 4
 * yearStartsOnFlag({}); // => undefined
 * yearStartsOnFlag({ 'year-starts-on': '13' }); // => throws UsageError: --year-starts-on (13) must be an integer from 1 (January) to 12 (December)
 * yearStartsOnFlag({ 'year-starts-on': '2.5' }); // => throws UsageError: --year-starts-on (2.5) must be an integer from 1 (January) to 12 (December)
 * yearStartsOnFlag({ 'year-starts-on': 'april' }); // => throws UsageError: --year-starts-on expects a number, got "april"
 * ```
 */
export function yearStartsOnFlag(flags: Flags, name = 'year-starts-on'): number | undefined {
  const value = numberFlag(flags, name);
  if (value === undefined) return undefined;
  try {
    return requireYearStartsOn('loyalty-metrics', `--${name}`, value);
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^loyalty-metrics: /, ''));
  }
}

/** A string flag value (validated as present by the parser when required). */
export function stringFlag(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * A required string flag.
 * @example
 * ```ts
 * import { requiredFlag, stringFlag } from './command.ts';
 *
 * stringFlag({ customer: 'id', help: true }, 'help'); // => undefined
 * requiredFlag({ customer: 'id' }, 'customer'); // => 'id'
 * requiredFlag({}, 'time'); // => throws UsageError: --time is required
 * ```
 */
export function requiredFlag(flags: Flags, name: string): string {
  const value = stringFlag(flags, name);
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}

/**
 * A time-zone flag, checked against the runtime's IANA database.
 * @example
 * ```ts
 * import { timeZoneFlag } from './command.ts';
 *
 * timeZoneFlag({ 'time-zone': 'Europe/Bucharest' }, 'time-zone'); // => 'Europe/Bucharest'
 * timeZoneFlag({ 'time-zone': 'Mars/Olympus' }, 'time-zone'); // => throws UsageError: --time-zone "Mars/Olympus" is not an IANA time zone (e.g. UTC, Europe/Bucharest)
 * ```
 */
export function timeZoneFlag(flags: Flags, name: string): string | undefined {
  const value = stringFlag(flags, name);
  if (value === undefined) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
  } catch {
    throw new UsageError(`--${name} ${echo(value)} is not an IANA time zone (e.g. UTC, Europe/Bucharest)`);
  }
  return value;
}

/**
 * The `--epoch` flag: how digit-only time cells are read (default epoch milliseconds).
 * @example
 * ```ts
 * import { epochFlag } from './command.ts';
 *
 * epochFlag({}); // => 'milliseconds'
 * epochFlag({ epoch: 'none' }); // => 'none'
 * ```
 */
export function epochFlag(flags: Flags): EpochFlag {
  return (stringFlag(flags, 'epoch') as EpochFlag | undefined) ?? 'milliseconds';
}

/**
 * The `--observation-end` flag, checked here so that a bad value is a command-line mistake (exit 2) that names
 * the flag: digits are epoch milliseconds (or seconds, with `--epoch seconds`; with `--epoch none` 8 digits are
 * an ISO 8601 basic date), anything else must be an ISO 8601 date or date-time. An ISO string is passed on as it
 * is, so that the library reads a date-only value by its own rule.
 * @example
 * ```ts
 * import { observationEndFlag } from './command.ts';
 *
 * observationEndFlag({ 'observation-end': '1997-09-30' }, 'UTC', 'milliseconds'); // => '1997-09-30'
 * observationEndFlag({ 'observation-end': '875577600000' }, 'UTC', 'milliseconds'); // => 875577600000
 * observationEndFlag({ 'observation-end': '875577600' }, 'UTC', 'seconds'); // => 875577600000
 * observationEndFlag({ 'observation-end': '19970930' }, 'UTC', 'none'); // => '19970930'
 * observationEndFlag({}, 'UTC', 'milliseconds'); // => undefined
 * observationEndFlag({ 'observation-end': 'tomorrow' }, 'UTC', 'milliseconds'); // => throws UsageError: --observation-end "tomorrow" is not a valid date or time (ISO 8601, e.g. 2024-03-05, 2024-03-05T14:30:00Z or 20240305, or epoch milliseconds)
 * ```
 */
export function observationEndFlag(flags: Flags, timeZone: string, epoch: EpochFlag): string | number | undefined {
  const value = stringFlag(flags, 'observation-end');
  if (value === undefined) return undefined;
  const unit = epoch === 'none' ? '' : `, or epoch ${epoch}`;
  const bad = (): never => {
    throw new UsageError(
      `--observation-end ${echo(value)} is not a valid date or time (ISO 8601, e.g. 2024-03-05, 2024-03-05T14:30:00Z or 20240305${unit})`,
    );
  };
  if (epoch !== 'none' && /^-?\d+(\.\d+)?$/.test(value)) {
    const ms = Number(value) * (epoch === 'seconds' ? 1000 : 1);
    return Math.abs(ms) <= 8.64e15 ? ms : bad();
  }
  try {
    toEpochMs('loyalty-metrics', value, 'observation-end', timeZone);
  } catch {
    bad();
  }
  return value;
}

/**
 * The `--confidence-level` flag, checked by the library's rule (strictly between 0 and 1): a bad value is a
 * command-line mistake that names the flag.
 * @example
 * ```ts
 * import { confidenceLevelFlag } from './command.ts';
 *
 * confidenceLevelFlag({ 'confidence-level': '0.9' }); // => 0.9
 * confidenceLevelFlag({}); // => undefined
 * confidenceLevelFlag({ 'confidence-level': '2' }); // => throws UsageError: --confidence-level (2) must be strictly between 0 and 1
 * ```
 */
export function confidenceLevelFlag(flags: Flags, name = 'confidence-level'): number | undefined {
  const value = numberFlag(flags, name);
  if (value === undefined) return undefined;
  try {
    return requireConfidenceLevel('loyalty-metrics', value, `--${name}`);
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^loyalty-metrics: /, ''));
  }
}
