import { CsvLogReader } from '../internal/io/csvLog.ts';
import { readStreamed } from '../internal/io/drive.ts';
import { CSV_KEYS } from '../internal/io/settings.ts';
import type { CsvLogOptions, LogColumns, LogStream } from './types.ts';

/**
 * Reads a CSV event log from a stream, chunk by chunk, into the columnar input of the event-log functions; the
 * streaming form of `parseCsvLog` (same format, options, result and errors). Memory holds the columns being
 * built and one chunk, never the whole file: a file larger than memory streams as long as its columns fit.
 *
 * Works with a web `ReadableStream` of bytes (Deno's `file.readable`, a `fetch` response body, a browser
 * `File.stream()`), with any async iterable of `Uint8Array` chunks (Node's `fs.createReadStream(path)` or
 * `process.stdin`, without importing `node:stream`), and with a whole string or `Uint8Array`. A quote, a
 * multi-byte character or a line break may be split across chunks.
 *
 * @param input - A `ReadableStream<Uint8Array>`, an async iterable of `Uint8Array` (or string) chunks, a string or bytes.
 * @param options - As `parseCsvLog`: column names, `delimiter`, `timeZone`, `epoch`, `onBadRow`.
 * @returns A promise of the columns.
 * @throws {TypeError} (the promise rejects) As `parseCsvLog`, and for an input that is none of the above.
 * @throws {RangeError} As `parseCsvLog`.
 * @example
 * ```ts
 * import { readCsvLog, retentionMatrix } from 'loyalty-metrics';
 *
 * const bytes = new TextEncoder().encode('user,at\nann,2024-01-01\nbob,2024-01-01\nann,2024-01-02T09:00:00Z\n');
 * // the same bytes in chunks of 5, as a web stream
 * const stream = new ReadableStream<Uint8Array>({
 *   start(controller) {
 *     for (let i = 0; i < bytes.length; i += 5) controller.enqueue(bytes.subarray(i, i + 5));
 *     controller.close();
 *   },
 * });
 * const log = await readCsvLog(stream, { customer: 'user', time: 'at' });
 * log.customerIds; // => ['ann', 'bob']
 * retentionMatrix(log).cohorts[0]?.counts; // => [2, 1]
 * ```
 * @category Input
 */
export function readCsvLog(input: LogStream | string | Uint8Array, options: CsvLogOptions): Promise<LogColumns> {
  return readStreamed(
    'readCsvLog',
    CSV_KEYS,
    (setup) => new CsvLogReader(setup.names, setup.delimiter, setup.settings),
    input,
    options,
  );
}
