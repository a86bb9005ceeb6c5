/**
 * Drives the CSV and NDJSON log readers over the inputs the public readers take: a string, a `Uint8Array`, a web
 * `ReadableStream` of bytes (Deno, browsers, `fetch` bodies) or any async iterable of `Uint8Array` or string
 * chunks (Node streams, without importing `node:stream`).
 * @internal
 * @module
 */
import type { ByteStream, LogColumns } from '../../io/types.ts';
import { describeValue, typeFail } from '../validate.ts';
import type { LogReader, ReadResult } from './logBuilder.ts';
import { type ReaderSetup, readReaderSetup } from './settings.ts';
import { encodeUtf8 } from './utf8.ts';

/** Creates the reader of a format from the options read. */
export type CreateReader = (setup: ReaderSetup) => LogReader;

/**
 * Encodes a string chunk (a whole input or a streamed piece) as UTF-8; bytes pass as they are.
 * @example
 * ```ts
 * import { bytesOf } from './drive.ts';
 *
 * Array.from(bytesOf('hé')); // => [104, 195, 169]
 * const bytes = Uint8Array.of(1, 2);
 * bytesOf(bytes) === bytes; // => true
 * ```
 */
export function bytesOf(chunk: string | Uint8Array): Uint8Array {
  return typeof chunk === 'string' ? encodeUtf8(chunk) : chunk;
}

/**
 * Whether `input` is a whole input that can be read at once (a string or a `Uint8Array`).
 * @example
 * ```ts
 * import { isWholeInput } from './drive.ts';
 *
 * [isWholeInput('a,b\n'), isWholeInput(new Uint8Array(2)), isWholeInput(['a,b\n'])]; // => [true, true, false]
 * ```
 */
export function isWholeInput(input: unknown): input is string | Uint8Array {
  return typeof input === 'string' || input instanceof Uint8Array;
}

/**
 * The chunks of any accepted input, as bytes.
 * @throws {TypeError} At once, for anything else.
 * @example
 * ```ts
 * import { chunksOf } from './drive.ts';
 *
 * async function* parts() { yield 'id,'; yield Uint8Array.of(116); }
 * const seen: number[][] = [];
 * for await (const chunk of chunksOf('readCsvLog', parts())) seen.push(Array.from(chunk));
 * seen; // => [[105, 100, 44], [116]]
 * chunksOf('readCsvLog', 42); // => throws TypeError: readCsvLog: input must be a string, a Uint8Array, a ReadableStream or an async iterable of Uint8Array chunks, got 42
 * ```
 */
export function chunksOf(fn: string, source: unknown): AsyncIterable<Uint8Array> {
  if (isWholeInput(source)) return wholeChunk(bytesOf(source));
  const stream = source as { getReader?: unknown; [Symbol.asyncIterator]?: unknown } | null;
  if (stream !== null && typeof stream === 'object' && typeof stream.getReader === 'function')
    return streamChunks(fn, stream as ByteStream);
  if (stream !== null && typeof stream === 'object' && typeof stream[Symbol.asyncIterator] === 'function')
    return iteratedChunks(fn, stream as AsyncIterable<unknown>);
  return typeFail(
    fn,
    `input must be a string, a Uint8Array, a ReadableStream or an async iterable of Uint8Array chunks, got ${describeValue(source)}`,
    { argument: 'input', value: source },
  );
}

async function* wholeChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

async function* streamChunks(fn: string, stream: ByteStream): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield chunkBytes(fn, value);
    }
  } finally {
    reader.releaseLock();
  }
}

async function* iteratedChunks(fn: string, chunks: AsyncIterable<unknown>): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) yield chunkBytes(fn, chunk);
}

function chunkBytes(fn: string, chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === 'string') return encodeUtf8(chunk);
  return typeFail(fn, `input chunks must be Uint8Array (or string), got ${describeValue(chunk)}`, {
    argument: 'input',
    value: chunk,
  });
}

/**
 * The public shape of a result: `value` only when a value column was read.
 * @example
 * ```ts
 * import { toLogColumns } from './drive.ts';
 *
 * const read = { customer: Int32Array.of(0), customerIds: ['a'], time: Float64Array.of(0), value: null, skippedRows: 0, dateOnly: false };
 * Object.keys(toLogColumns(read)); // => ['customer', 'customerIds', 'time', 'skippedRows', 'dateOnly']
 * Object.keys(toLogColumns({ ...read, value: Float64Array.of(5) })); // => ['customer', 'customerIds', 'time', 'value', 'skippedRows', 'dateOnly']
 * ```
 */
export function toLogColumns(r: ReadResult): LogColumns {
  const base = { customer: r.customer, customerIds: r.customerIds, time: r.time };
  return r.value === null
    ? { ...base, skippedRows: r.skippedRows, dateOnly: r.dateOnly }
    : { ...base, value: r.value, skippedRows: r.skippedRows, dateOnly: r.dateOnly };
}

/**
 * Reads a whole input (string or bytes) of the format `create` makes a reader for, at once.
 * @example
 * ```ts
 * import { CsvLogReader } from './csvLog.ts';
 * import { readWhole } from './drive.ts';
 * import { CSV_KEYS, type ReaderSetup } from './settings.ts';
 *
 * const create = (setup: ReaderSetup) => new CsvLogReader(setup.names, setup.delimiter, setup.settings);
 * const log = readWhole('parseCsvLog', CSV_KEYS, create, 'id,at\na,1970-01-02\n', { customer: 'id', time: 'at' });
 * [log.customerIds, Array.from(log.time)]; // => [['a'], [86400000]]
 * ```
 */
export function readWhole(
  fn: string,
  keys: readonly string[],
  create: CreateReader,
  input: unknown,
  options: unknown,
): LogColumns {
  const setup = readReaderSetup(fn, options, keys);
  if (!isWholeInput(input))
    typeFail(fn, `input must be a string or a Uint8Array, got ${describeValue(input)}`, {
      argument: 'input',
      value: input,
    });
  const reader = create(setup);
  const bytes = bytesOf(input);
  reader.expect?.(bytes.length);
  reader.push(bytes);
  return toLogColumns(reader.finish());
}

/**
 * Reads any accepted input of `format` chunk by chunk. The options and the kind of input are checked at once
 * (a mistake there throws before any promise exists); bad data rejects the promise.
 * @example
 * ```ts
 * import { CsvLogReader } from './csvLog.ts';
 * import { readStreamed } from './drive.ts';
 * import { CSV_KEYS, type ReaderSetup } from './settings.ts';
 *
 * const create = (setup: ReaderSetup) => new CsvLogReader(setup.names, setup.delimiter, setup.settings);
 * async function* parts() { yield 'id,at\na,1970-'; yield '01-02\n'; }
 * const log = await readStreamed('readCsvLog', CSV_KEYS, create, parts(), { customer: 'id', time: 'at' });
 * [log.customerIds, Array.from(log.time)]; // => [['a'], [86400000]]
 * ```
 */
export function readStreamed(
  fn: string,
  keys: readonly string[],
  create: CreateReader,
  source: unknown,
  options: unknown,
): Promise<LogColumns> {
  const setup = readReaderSetup(fn, options, keys);
  const chunks = chunksOf(fn, source);
  const reader = create(setup);
  // The size of the whole input, when known: the hint, or the length of whole bytes.
  const size = setup.sizeHint > 0 ? setup.sizeHint : source instanceof Uint8Array ? source.length : 0;
  if (size > 0) reader.expect?.(size);
  return (async () => {
    for await (const chunk of chunks) reader.push(chunk);
    return toLogColumns(reader.finish());
  })();
}
