import { CsvLogReader } from '../internal/io/csvLog.ts';
import { readStreamed } from '../internal/io/drive.ts';
import { CSV_STREAM_KEYS } from '../internal/io/settings.ts';
import type { CsvStreamOptions, LogColumns, LogStream } from './types.ts';

/**
 * Reads a CSV event log from a stream, chunk by chunk, into the columnar input of the event-log functions; the
 * streaming form of `parseCsvLog` (same format, options, result and errors). Memory holds the columns being
 * built and one chunk, never the whole file: a file larger than memory streams as long as its columns fit.
 * Without `sizeHint` the columns are gathered in blocks and joined one column at a time at the end (about 1.4 to
 * 2 × the columns' size at the peak, depending on when the blocks are collected); with a right `sizeHint` (a
 * file's size) they are allocated once, about 1 × plus 2 %.
 *
 * Works with a web `ReadableStream` of bytes (Deno's `file.readable`, a `fetch` response body, a browser
 * `File.stream()`), with any async iterable of `Uint8Array` chunks (Node's `fs.createReadStream(path)` or
 * `process.stdin`, without importing `node:stream`), and with a whole string or `Uint8Array`. A quote, a
 * multi-byte character or a line break may be split across chunks.
 *
 * @param input - A `ReadableStream<Uint8Array>`, an async iterable of `Uint8Array` (or string) chunks, a string or bytes.
 * @param options - As `parseCsvLog` (column names, `delimiter`, `timeZone`, `epoch`, `onBadRow`), and `sizeHint`:
 *   the expected bytes of the whole input, a non-negative integer (a hint: a wrong one never changes the result).
 * @returns A promise of the columns.
 * @throws {TypeError} (the promise rejects) As `parseCsvLog`, and for an input that is none of the above.
 * @throws {RangeError} As `parseCsvLog`, and (at once) for a `sizeHint` that is not a non-negative integer.
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
 * // a Node file stream, told the file's size: fs.createReadStream(path) with { sizeHint: fs.statSync(path).size }
 * (await readCsvLog(bytes, { customer: 'user', time: 'at', sizeHint: bytes.length })).customerIds; // => ['ann', 'bob']
 * ```
 * @category Input
 */
export function readCsvLog(input: LogStream | string | Uint8Array, options: CsvStreamOptions): Promise<LogColumns> {
  return readStreamed(
    'readCsvLog',
    CSV_STREAM_KEYS,
    (setup) => new CsvLogReader(setup.names, setup.delimiter, setup.settings),
    input,
    options,
  );
}
