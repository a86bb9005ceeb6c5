import { CsvLogReader } from '../internal/io/csvLog.ts';
import { readWhole } from '../internal/io/drive.ts';
import { CSV_KEYS } from '../internal/io/settings.ts';
import type { CsvLogOptions, LogColumns } from './types.ts';

/**
 * Reads a CSV event log held in memory (a string or UTF-8 bytes) into the columnar input of `rfmSummary`,
 * `retentionMatrix` and the other event-log functions: dense customer codes with their dictionary of ids,
 * epoch-millisecond times and optional values, in typed arrays, with no object per row.
 *
 * The format is RFC 4180: the first record is the header (column names, each at most once); fields are
 * separated by `delimiter` (default `,`), records by CRLF, LF or CR; a field may be quoted (`"a, ""b"""`) and
 * then hold delimiters, quotes (doubled) and line breaks. A leading byte-order mark is skipped and empty lines
 * are not records. Only the three named columns are read, and only they need to be valid.
 *
 * - `customer`: a non-empty text; each distinct text gets the next code (0, 1, 2, … in order of first appearance).
 * - `time`: ISO 8601, extended (`2024-03-05`, `2024-03-05T14:30:00Z`, `2024-03-05 14:30:00.250+02:00`) or basic
 *   (`20240305`, `20240305T143000Z`, `20240305T1430+0200`); a date is local midnight, a date-time without offset
 *   local wall-clock time in `timeZone`, exactly as every library function reads a timestamp string. With
 *   `epoch: 'seconds'` or `'milliseconds'`, a cell of digits (optional `-`, optional fraction) is epoch time.
 * - `value`: a decimal number (`12.5`, `-3`, `1e3`; spaces around it allowed), finite.
 *
 * @param input - The CSV text, or its UTF-8 bytes (a `Uint8Array`, e.g. Node's `readFileSync(path)`).
 * @param options - Column names (`customer`, `time`, optional `value`), `delimiter`, `timeZone` (default `'UTC'`),
 *   `epoch`, and `onBadRow`: `'throw'` (default) or `'skip'` (bad rows are left out and counted in `skippedRows`).
 * @returns The columns ({@link LogColumns}); `time` in epoch ms, `customer[i]` indexes `customerIds`.
 * @throws {TypeError} For a bad row (unless skipped): an invalid time, an empty customer id, a value that is not a
 *   number, a record with more or fewer fields than the header, a stray quote. The message names the line and the
 *   column (`parseCsvLog: line 3, column "at": "2024-13-01" is not a valid date …`); the error carries `function`,
 *   `argument` (`rows[1].at`), `value` (cut to 64 characters), `row` (zero-based data row), `customer`, `line` and
 *   `column`. Also for an empty input, a header without a named column, a header naming a column twice, and an
 *   unclosed quote (never skipped).
 * @throws {RangeError} For a value that overflows (`1e999`), an unknown `timeZone` or a bad `delimiter`.
 * @example
 * ```ts
 * import { parseCsvLog, rfmSummary } from 'loyalty-metrics';
 *
 * const csv = 'user;day;amount\r\nann;2024-01-01;10\r\nbob;20240105;"4,5"\r\nann;2024-01-11;30\r\n';
 * const log = parseCsvLog(csv, { customer: 'user', time: 'day', value: 'amount', delimiter: ';', onBadRow: 'skip' });
 * // bob's row is skipped ("4,5" is not a number), and a skipped row adds no customer
 * log.customerIds; // => ['ann']
 * Array.from(log.customer); // => [0, 0]
 * log.skippedRows; // => 1
 * // ann buys again 10 days later; the summary is keyed by the code
 * rfmSummary(log).map((r) => ({ ...r, customer: log.customerIds[r.customer as number] })); // => [{ customer: 'ann', frequency: 1, recency: 10, T: 10, monetaryValue: 30 }]
 * parseCsvLog('user,day\nann,2024-13-01\n', { customer: 'user', time: 'day' }); // => throws TypeError: parseCsvLog: line 2, column "day": "2024-13-01" is not a valid date (ISO 8601, e.g. 2024-03-05, 2024-03-05T14:30:00Z or 20240305T143000Z)
 * ```
 * @category Input
 */
export function parseCsvLog(input: string | Uint8Array, options: CsvLogOptions): LogColumns {
  return readWhole(
    'parseCsvLog',
    CSV_KEYS,
    (setup) => new CsvLogReader(setup.names, setup.delimiter, setup.settings),
    input,
    options,
  );
}
