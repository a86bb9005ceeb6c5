/**
 * What every subcommand of the command-line tool looks like, and the shared helpers they use to turn
 * text fields into typed values with line-numbered errors.
 * @module
 */
import { requireYearStartsOn } from '../internal/time/calendarRules.ts';
import { InputError } from './input.ts';

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
}

/** A command's result in the three output formats. */
export interface CommandOutput {
  /** Printed by `--format json` with `JSON.stringify`: exactly the library function's result. */
  readonly json: unknown;
  /** Human-readable text for `--format table`. */
  table(): string;
  /** RFC 4180 CSV (with a header line) for `--format csv`. */
  csv(): string;
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
  throw new InputError(`line ${line}: ${column} ${JSON.stringify(value) ?? String(value)} is not a number`);
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
  throw new InputError(
    `line ${line}: ${column} ${JSON.stringify(value) ?? String(value)} is not a customer id (a non-empty string or a number)`,
  );
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
    throw new UsageError(`--${name} expects a number, got ${JSON.stringify(value)}`);
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
    throw new UsageError(`--${name} ${JSON.stringify(value)} is not an IANA time zone (e.g. UTC, Europe/Bucharest)`);
  }
  return value;
}
