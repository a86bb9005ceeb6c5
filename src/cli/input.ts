/**
 * Streaming input for the command-line tool: CSV (RFC 4180, first line = column names) or NDJSON (one
 * JSON object per line), from a file or standard input. Rows are handed to a callback one at a time and
 * never collected, so memory does not grow with the number of rows.
 * @module
 */
import { describeValue } from '../internal/validate.ts';
import { CsvError, createCsvParser } from './csv.ts';

/** Input formats the tool reads. */
export type InputFormat = 'csv' | 'ndjson';

/** Bad input data: the message already names the line (`line 17: ...`). Exit code 1. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Options of {@link readTable}. */
export interface ReadTableOptions {
  /** Columns the command needs, in the order their values are passed to `onRow`. */
  readonly columns: readonly string[];
  /**
   * Called for every data row with the values of `columns` (strings for CSV, JSON values for NDJSON).
   * The array is reused for the next row: copy what you keep.
   */
  readonly onRow: (values: readonly unknown[], line: number) => void;
  /** Called now and then with the number of characters and rows read so far. */
  readonly onProgress?: (chars: number, rows: number) => void;
}

/**
 * Picks the input format from a file name (`.ndjson`, `.jsonl` → NDJSON, anything else CSV).
 * @example
 * ```ts
 * import { formatFromName } from './input.ts';
 *
 * formatFromName('orders.JSONL'); // => 'ndjson'
 * formatFromName('orders.ndjson'); // => 'ndjson'
 * formatFromName('orders.csv.gz'); // => 'csv'
 * ```
 */
export function formatFromName(name: string): InputFormat {
  return /\.(ndjson|jsonl)$/i.test(name) ? 'ndjson' : 'csv';
}

/** `text` cut to `max` characters (a 10 MB bad line is not echoed whole). */
function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The column names of a header for a message: each cut to 60 characters, at most 20 of them. */
function describeColumns(header: readonly string[]): string {
  const shown = header.slice(0, 20).map((h) => describeValue(h));
  return header.length > 20 ? `${shown.join(', ')}, … (${header.length} columns)` : shown.join(', ');
}

/**
 * Reads every row of `source`; resolves with the number of data rows.
 * @example
 * ```ts
 * import { readTable } from './input.ts';
 *
 * const rows: unknown[][] = [];
 * const onRow = (values: readonly unknown[], line: number) => rows.push([line, ...values]);
 * // A quoted field split across two chunks; columns come back in the order asked for.
 * const csv = (async function* () { yield 'id,amount\r\nc1,"1,5"\r\nc'; yield '2,20\r\n'; })();
 * await readTable(csv, 'csv', { columns: ['amount', 'id'], onRow }); // => 2
 * rows; // => [[2, '1,5', 'c1'], [3, '20', 'c2']]
 * const ndjson = (async function* () { yield '{"id":"c3","amount":7}\n'; })();
 * await readTable(ndjson, 'ndjson', { columns: ['amount', 'id'], onRow }); // => 1
 * rows[2]; // => [1, 7, 'c3']
 * ```
 */
export async function readTable(
  source: AsyncIterable<string | Uint8Array>,
  format: InputFormat,
  options: ReadTableOptions,
): Promise<number> {
  return format === 'csv' ? readCsv(source, options) : readNdjson(source, options);
}

const decoder = (): ((chunk: string | Uint8Array, last?: boolean) => string) => {
  const d = new TextDecoder('utf-8', { fatal: false });
  return (chunk, last = false) => (typeof chunk === 'string' ? chunk : d.decode(chunk, { stream: !last }));
};

async function readCsv(source: AsyncIterable<string | Uint8Array>, options: ReadTableOptions): Promise<number> {
  const parser = createCsvParser();
  const decode = decoder();
  let indices: number[] | undefined;
  let width = 0;
  let rows = 0;
  let chars = 0;
  const values: unknown[] = new Array(options.columns.length);
  const handle = (records: ReturnType<typeof parser.push>): void => {
    for (const { fields, line } of records) {
      if (indices === undefined) {
        width = fields.length;
        const seen = new Set<string>();
        for (const name of fields) {
          if (seen.has(name))
            throw new InputError(`line ${line}: the header names column ${describeValue(name)} more than once`);
          seen.add(name);
        }
        indices = options.columns.map((column) => {
          const index = fields.indexOf(column);
          if (index === -1)
            throw new InputError(
              `line ${line}: no column ${describeValue(column)} in the header (columns: ${describeColumns(fields)})`,
            );
          return index;
        });
        continue;
      }
      if (fields.length !== width)
        throw new InputError(`line ${line}: ${fields.length} fields where the header has ${width}`);
      for (let k = 0; k < indices.length; k++) values[k] = fields[indices[k] as number];
      rows++;
      options.onRow(values, line);
    }
  };
  try {
    for await (const chunk of source) {
      const text = decode(chunk);
      chars += text.length;
      handle(parser.push(text));
      options.onProgress?.(chars, rows);
    }
    handle(parser.push(decode(new Uint8Array(0), true)));
    handle(parser.end());
  } catch (error) {
    if (error instanceof CsvError) throw new InputError(error.message);
    throw error;
  }
  if (indices === undefined)
    throw new InputError('line 1: the input is empty (a header line with the column names is required)');
  return rows;
}

async function readNdjson(source: AsyncIterable<string | Uint8Array>, options: ReadTableOptions): Promise<number> {
  const decode = decoder();
  let pending = '';
  let line = 0;
  let rows = 0;
  let chars = 0;
  const values: unknown[] = new Array(options.columns.length);
  const handleLine = (text: string): void => {
    line++;
    if (text.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new InputError(`line ${line}: not valid JSON (${cut((error as Error).message, 200)})`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new InputError(`line ${line}: expected a JSON object, got ${cut(text, 60)}`);
    const record = parsed as Record<string, unknown>;
    for (let k = 0; k < options.columns.length; k++) {
      const column = options.columns[k] as string;
      if (!Object.hasOwn(record, column))
        throw new InputError(
          `line ${line}: no field ${describeValue(column)} (fields: ${describeColumns(Object.keys(record))})`,
        );
      values[k] = record[column];
    }
    rows++;
    options.onRow(values, line);
  };
  const handle = (text: string): void => {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const piece = pending + text.slice(start, nl);
      pending = '';
      handleLine(piece.endsWith('\r') ? piece.slice(0, -1) : piece);
      start = nl + 1;
    }
    pending += text.slice(start);
  };
  for await (const chunk of source) {
    const text = decode(chunk);
    chars += text.length;
    handle(text);
    options.onProgress?.(chars, rows);
  }
  handle(decode(new Uint8Array(0), true));
  if (pending !== '') handleLine(pending.endsWith('\r') ? pending.slice(0, -1) : pending);
  return rows;
}
