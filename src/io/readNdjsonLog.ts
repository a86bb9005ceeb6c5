import { NdjsonLogReader } from '../internal/io/ndjsonLog.ts';
import { readStreamed } from '../internal/io/drive.ts';
import { READ_KEYS } from '../internal/io/settings.ts';
import type { LogColumns, LogReadOptions, LogStream } from './types.ts';

/**
 * Reads an NDJSON event log from a stream, chunk by chunk, into the columnar input of the event-log functions;
 * the streaming form of `parseNdjsonLog` (same format, options, result and errors). Takes a web
 * `ReadableStream` of bytes, an async iterable of `Uint8Array` chunks (Node streams), or a whole string or bytes.
 *
 * @param input - A `ReadableStream<Uint8Array>`, an async iterable of `Uint8Array` (or string) chunks, a string or bytes.
 * @param options - As `parseNdjsonLog`: key names, `timeZone`, `epoch`, `onBadRow`.
 * @returns A promise of the columns.
 * @throws {TypeError} (the promise rejects) As `parseNdjsonLog`, and for an input that is none of the above.
 * @throws {RangeError} As `parseNdjsonLog`.
 * @example
 * ```ts
 * import { readNdjsonLog } from 'loyalty-metrics';
 *
 * async function* chunks() {
 *   yield new TextEncoder().encode('{"id":"a","t":1700000000}\n{"id":"b",');
 *   yield new TextEncoder().encode('"t":1700086400}\nnot json\n');
 * }
 * const log = await readNdjsonLog(chunks(), { customer: 'id', time: 't', epoch: 'seconds', onBadRow: 'skip' });
 * [log.customerIds, Array.from(log.time), log.skippedRows]; // => [['a', 'b'], [1700000000000, 1700086400000], 1]
 * ```
 * @category Input
 */
export function readNdjsonLog(input: LogStream | string | Uint8Array, options: LogReadOptions): Promise<LogColumns> {
  return readStreamed(
    'readNdjsonLog',
    READ_KEYS,
    (setup) => new NdjsonLogReader(setup.names, setup.settings),
    input,
    options,
  );
}
