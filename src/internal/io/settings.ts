/**
 * The options of the file readers (`src/io/`), read once by key list, and the errors they throw for a bad row:
 * a `TypeError` or `RangeError` in the house format that names the function, the line and the column, with the
 * fields of every library error (`function`, `argument`, `value`, `row`, `customer`) plus `line` and `column`.
 * @internal
 * @module
 */
import { requireTimeZone, zoneData } from '../time/zones.ts';
import {
  describeValue,
  type FailAt,
  rangeFail,
  readOptions,
  requireOneOf,
  requireCount,
  typeFail,
  withDefault,
} from '../validate.ts';
import type { BadRow, LogColumnNames, ReadSettings } from './logBuilder.ts';

/** Option keys of every reader. */
export const READ_KEYS = ['customer', 'time', 'value', 'timeZone', 'epoch', 'onBadRow'] as const;
/** Option keys of the CSV readers. */
export const CSV_KEYS = ['customer', 'time', 'value', 'timeZone', 'epoch', 'onBadRow', 'delimiter'] as const;
/** Option keys of `readCsvLog`: the CSV keys and `sizeHint` (the expected bytes of a stream). */
export const CSV_STREAM_KEYS = [
  'customer',
  'time',
  'value',
  'timeZone',
  'epoch',
  'onBadRow',
  'delimiter',
  'sizeHint',
] as const;

/** What the readers' options say: the column names, the time and bad-row settings, the delimiter byte. */
export interface ReaderSetup {
  readonly names: LogColumnNames;
  readonly settings: ReadSettings;
  readonly delimiter: number;
  /** Expected size of the whole input in bytes (`sizeHint`), 0 when unknown. */
  readonly sizeHint: number;
}

function requireName(fn: string, key: string, value: unknown): string {
  if (typeof value !== 'string' || value === '')
    typeFail(fn, `${key} must be a column name (a non-empty string), got ${describeValue(value)}`, {
      argument: `options.${key}`,
      value,
    });
  return value;
}

/** The argument path of a cell: `rows[3].at`, or `rows[3]["order date"]` for a name that is not an identifier. */
function cellPath(row: number, column: string): string {
  const field = /^[A-Za-z_$][\w$]*$/.test(column) ? `.${column}` : `[${JSON.stringify(column)}]`;
  return column === '' ? `rows[${row}]` : `rows[${row}]${field}`;
}

/** The names of a header or object for a message: each cut to 60 characters, at most 20 of them. */
function listed(names: string | undefined): string {
  const all = (names ?? '').split('\u0000').filter((n) => n !== '');
  const shown = all.slice(0, 20).map((n) => describeValue(n));
  return all.length > 20 ? `${shown.join(', ')}, … (${all.length} in all)` : shown.join(', ');
}

/** Throws the error of a bad row (see the module notes). */
function throwBadRow(fn: string, epoch: string | undefined, bad: BadRow): never {
  const { line, row, column } = bad;
  const at = (): string => (column === '' ? `line ${line}` : `line ${line}, column ${JSON.stringify(column)}`);
  const fields: FailAt = {
    argument: row < 0 ? 'input' : cellPath(row, column),
    ...(bad.value === undefined ? {} : { value: bad.value }),
    ...(row < 0 ? {} : { row }),
    ...(bad.customer === undefined ? {} : { customer: bad.customer }),
  };
  const shownValue = describeValue(bad.value);
  let message: string;
  let range = false;
  switch (bad.problem) {
    case 'customer':
      message = `${at()}: customer id must be a non-empty string${bad.value === '' ? '' : ' or a finite number'}, got ${shownValue}`;
      break;
    case 'time':
      message = `${at()}: ${shownValue} is not a valid date (ISO 8601, e.g. 2024-03-05, 2024-03-05T14:30:00Z or 20240305T143000Z${
        epoch === undefined ? '' : `, or epoch ${epoch}`
      })`;
      break;
    case 'value':
      if (typeof bad.value === 'number' || bad.detail === 'overflow') {
        range = true;
        message = `${at()}: value (${typeof bad.value === 'string' ? bad.value : shownValue}) must be a finite number`;
      } else message = `${at()}: value must be a number, got ${shownValue}`;
      break;
    case 'fieldCount':
      message = `${at()}: ${shownValue} fields where the header has ${bad.detail}`;
      break;
    case 'quoteInUnquoted':
      message = `${at()}: a double quote inside an unquoted field (quote the whole field and double the quote)`;
      break;
    case 'afterQuote':
      message = `${at()}: unexpected ${shownValue} after the closing quote of a field`;
      break;
    case 'unclosedQuote':
      message = `${at()}: a quoted field is never closed`;
      break;
    case 'json':
      message = `${at()}: not valid JSON: ${shownValue}`;
      break;
    case 'notObject':
      message = `${at()}: expected a JSON object, got ${shownValue}`;
      break;
    case 'missingField':
      message = `${at()}: no field ${JSON.stringify(column)} (fields: ${listed(bad.detail)})`;
      break;
    case 'missingColumn':
      message = `line ${line}: no column ${JSON.stringify(column)} in the header (columns: ${listed(bad.detail)})`;
      break;
    case 'duplicateHeader':
      message = `line ${line}: the header names column ${describeValue(column)} more than once`;
      break;
    default:
      message = 'the input is empty (a header line with the column names is required)';
  }
  const error = (() => {
    try {
      return range ? rangeFail(fn, message, fields) : typeFail(fn, message, fields);
    } catch (e) {
      return e as Error;
    }
  })();
  throw Object.assign(error, { line, column });
}

/**
 * Reads the options of a reader: `customer` and `time` (required column names), `value`, `timeZone` (default
 * `'UTC'`), `epoch` (`'seconds'` or `'milliseconds'`: digit-only time cells are epoch times), `onBadRow`
 * (`'throw'`, the default, or `'skip'`), for CSV `delimiter` (one ASCII character, default `,`) and, for a CSV
 * stream, `sizeHint` (the expected bytes of the whole input, a non-negative integer; 0 or absent: unknown).
 * @example
 * ```ts
 * import { CSV_KEYS, CSV_STREAM_KEYS, readReaderSetup } from './settings.ts';
 *
 * const setup = readReaderSetup('parseCsvLog', { customer: 'id', time: 'at', delimiter: ';', epoch: 'seconds' }, CSV_KEYS);
 * [setup.names.customer, setup.delimiter, setup.settings.epochScale, setup.settings.skip]; // => ['id', 59, 1000, false]
 * readReaderSetup('parseCsvLog', { customer: 'id', time: 'at', delimiter: '"' }, CSV_KEYS); // => throws RangeError
 * readReaderSetup('parseCsvLog', { customer: 'id' }, CSV_KEYS); // => throws TypeError
 * readReaderSetup('readCsvLog', { customer: 'id', time: 'at', sizeHint: 1e9 }, CSV_STREAM_KEYS).sizeHint; // => 1000000000
 * readReaderSetup('readCsvLog', { customer: 'id', time: 'at', sizeHint: -1 }, CSV_STREAM_KEYS); // => throws RangeError
 * readReaderSetup('parseCsvLog', { customer: 'id', time: 'at', sizeHint: 1 }, CSV_KEYS); // => throws TypeError
 * ```
 */
export function readReaderSetup(fn: string, options: unknown, keys: readonly string[]): ReaderSetup {
  const o = readOptions(fn, options, keys as readonly (typeof CSV_STREAM_KEYS)[number][]);
  if (options === undefined)
    typeFail(fn, 'options must name the columns: { customer, time, value? }, got undefined', {
      argument: 'options',
      value: options,
    });
  const customer = requireName(fn, 'customer', o.customer);
  const time = requireName(fn, 'time', o.time);
  const value = o.value === undefined ? undefined : requireName(fn, 'value', o.value);
  const timeZone = requireTimeZone(fn, 'options.timeZone', withDefault(o.timeZone, 'UTC'));
  const epoch =
    o.epoch === undefined ? undefined : requireOneOf(fn, 'options.epoch', o.epoch, ['seconds', 'milliseconds']);
  const onBadRow = requireOneOf(fn, 'options.onBadRow', withDefault(o.onBadRow, 'throw'), ['throw', 'skip']);
  let delimiter = 44;
  if (o.delimiter !== undefined) {
    const d = o.delimiter;
    if (typeof d !== 'string')
      typeFail(fn, `delimiter must be a one-character string, got ${describeValue(d)}`, {
        argument: 'options.delimiter',
        value: d,
      });
    const code = d.length === 1 ? d.charCodeAt(0) : -1;
    if (code < 1 || code > 127 || code === 34 || code === 10 || code === 13)
      rangeFail(fn, `delimiter (${describeValue(d)}) must be one ASCII character other than a quote or a line break`, {
        argument: 'options.delimiter',
        value: d,
      });
    delimiter = code;
  }
  const settings: ReadSettings = {
    zone: zoneData(fn, timeZone),
    timeZone,
    epochScale: epoch === undefined ? 0 : epoch === 'seconds' ? 1000 : 1,
    skip: onBadRow === 'skip',
    fail: (bad) => throwBadRow(fn, epoch, bad),
  };
  const sizeHint = o.sizeHint === undefined ? 0 : requireCount(fn, 'options.sizeHint', o.sizeHint);
  return { names: { customer, time, value }, settings, delimiter, sizeHint };
}
