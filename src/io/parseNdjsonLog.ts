import { NdjsonLogReader } from '../internal/io/ndjsonLog.ts';
import { readWhole } from '../internal/io/drive.ts';
import { READ_KEYS } from '../internal/io/settings.ts';
import type { LogColumns, LogReadOptions } from './types.ts';

/**
 * Reads an NDJSON event log held in memory (a string or UTF-8 bytes: one JSON object per line) into the
 * columnar input of `rfmSummary`, `retentionMatrix` and the other event-log functions: dense customer codes with
 * their dictionary of ids, epoch-millisecond times and optional values, in typed arrays.
 *
 * Lines end with LF or CRLF; blank lines are skipped; a leading byte-order mark is skipped. Each line is scanned
 * at the byte level (no object is built per line): of its top-level keys only the named ones are read, other
 * values are skipped without being validated.
 *
 * - `customer`: a non-empty JSON string or a finite JSON number (`1` and `"1"` are different customers).
 * - `time`: a JSON number of epoch milliseconds (seconds with `epoch: 'seconds'`), or an ISO 8601 string
 *   (extended or basic form; dates and date-times without offset in `timeZone`, as everywhere in the library).
 * - `value`: a finite JSON number (`"20"` is not 20).
 *
 * @param input - The NDJSON text, or its UTF-8 bytes.
 * @param options - Key names (`customer`, `time`, optional `value`), `timeZone` (default `'UTC'`), `epoch`, and
 *   `onBadRow`: `'throw'` (default) or `'skip'` (bad lines are left out and counted in `skippedRows`).
 * @returns The columns; `time` in epoch ms, `customer[i]` indexes `customerIds`.
 * @throws {TypeError} For a bad line (unless skipped): not a JSON object, a missing key, an invalid customer id or
 *   time, a value that is not a number. The message names the line and the key; the error carries `function`,
 *   `argument`, `value`, `row`, `customer`, `line` and `column`.
 * @throws {RangeError} For a non-finite value or an unknown `timeZone`.
 * @example
 * ```ts
 * import { parseNdjsonLog } from 'loyalty-metrics';
 *
 * const ndjson = '{"user":"ann","at":"2024-01-01","amount":10}\n{"user":7,"at":86400000,"amount":2.5}\n\n';
 * const log = parseNdjsonLog(ndjson, { customer: 'user', time: 'at', value: 'amount' });
 * log.customerIds; // => ['ann', 7]
 * Array.from(log.time); // => [1704067200000, 86400000]
 * Array.from(log.value ?? []); // => [10, 2.5]
 * parseNdjsonLog('{"user":"ann","at":"20"}\n', { customer: 'user', time: 'at' }); // => throws TypeError
 * ```
 * @category Input
 */
export function parseNdjsonLog(input: string | Uint8Array, options: LogReadOptions): LogColumns {
  return readWhole(
    'parseNdjsonLog',
    READ_KEYS,
    (setup) => new NdjsonLogReader(setup.names, setup.settings),
    input,
    options,
  );
}
