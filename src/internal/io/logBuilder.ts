/**
 * The columns a file reader builds (dense customer codes, epoch-ms times, optional values) and the rules every
 * reader shares: how a time cell and a value cell are read from bytes, what a bad row is and what happens to
 * it (throw, or skip and count).
 * @internal
 * @module
 */
import type { CustomerId } from '../../types.ts';
import { toEpochMs } from '../time/parse.ts';
import type { ZoneData } from '../time/zones.ts';
import { parseNumberBytes } from './numberBytes.ts';
import { parseEpochBytes, parseIsoBytes } from './timeBytes.ts';
import { decodeUtf8 } from './utf8.ts';

/** Column names of an event log. */
export interface LogColumnNames {
  readonly customer: string;
  readonly time: string;
  readonly value?: string | undefined;
}

/** The readers' result before it is made public: columns plus the dictionary of customer ids. */
export interface ReadResult {
  readonly customer: Int32Array;
  readonly customerIds: CustomerId[];
  readonly time: Float64Array;
  readonly value: Float64Array | null;
  readonly skippedRows: number;
}

/** A reader of one format (`CsvLogReader`, `NdjsonLogReader`): chunks in, columns out. */
export interface LogReader {
  /** Reads a chunk. */
  push(chunk: Uint8Array): void;
  /** Ends the input; returns the columns. */
  finish(): ReadResult;
  /** Optional: the size of the whole input in bytes, when known, so the columns can be allocated once. */
  expect?(bytes: number): void;
}

/** What is wrong with a row. */
export type BadRowProblem =
  | 'customer'
  | 'time'
  | 'value'
  | 'fieldCount'
  | 'quoteInUnquoted'
  | 'afterQuote'
  | 'unclosedQuote'
  | 'json'
  | 'notObject'
  | 'missingField'
  | 'missingColumn'
  | 'duplicateHeader'
  | 'empty';

/** A bad row, as reported to the reader's `fail` hook. */
export interface BadRow {
  readonly problem: BadRowProblem;
  /** 1-based line of the input where the row starts. */
  readonly line: number;
  /** Zero-based index of the data row (every data row counts, skipped ones too). */
  readonly row: number;
  /** Column (CSV header name, NDJSON key) of the bad cell, or `''` for a problem of the whole row. */
  readonly column: string;
  /** The offending value (a string cut to 64 characters, a JSON value, a count), if there is one. */
  readonly value?: unknown;
  /** More detail: the header width for `fieldCount`, the JSON error for `json`, the keys for `missingField`. */
  readonly detail?: string;
  /** Customer id of the row, when it was read and is valid. */
  readonly customer?: CustomerId;
}

/** How a reader reads times and treats bad rows. */
export interface ReadSettings {
  /** Zone of dates and of date-times without an offset. */
  readonly zone: ZoneData;
  readonly timeZone: string;
  /** 1000 when digit-only time cells are epoch seconds, 1 for milliseconds, 0 when they are not epochs. */
  readonly epochScale: number;
  /** Skip (and count) bad rows instead of failing. */
  readonly skip: boolean;
  /** Called for a bad row that is not skipped, and for problems that cannot be skipped; must throw. */
  readonly fail: (bad: BadRow) => never;
}

/** Longest cell text kept for an error (a 10 MB field is never echoed whole). */
export const SHOWN_BYTES = 64;

/** The start of a cell as a string for an error message: at most {@link SHOWN_BYTES} bytes, `…` when cut. */
export function shownText(bytes: Uint8Array, start: number, end: number): string {
  const cut = end - start > SHOWN_BYTES;
  const text = decodeUtf8(bytes, start, cut ? start + SHOWN_BYTES : end);
  return cut ? `${text}…` : text;
}

/**
 * Epoch ms of the time cell `bytes[start, end)`: epoch digits when `epochScale` is set, else (or when the cell
 * is not digits) ISO 8601 by the byte fast path, falling back to `toEpochMs` for what the fast path does not
 * read (expanded years); NaN for an invalid cell.
 * @example
 * ```ts
 * import { readTimeCell } from './logBuilder.ts';
 * import { zoneData } from '../time/zones.ts';
 *
 * const cell = (text: string, epochScale: number): number => {
 *   const bytes = new TextEncoder().encode(text);
 *   return readTimeCell(bytes, 0, bytes.length, zoneData('f', 'UTC'), 'UTC', epochScale);
 * };
 * [cell('1970-01-02', 0), cell('86400', 1000), cell('86400000', 1), cell('+001970-01-02', 0)]; // => [86400000, 86400000, 86400000, 86400000]
 * [cell('86400', 0), cell('soon', 1)]; // => [NaN, NaN]
 * ```
 */
export function readTimeCell(
  bytes: Uint8Array,
  start: number,
  end: number,
  zone: ZoneData,
  timeZone: string,
  epochScale: number,
): number {
  if (epochScale !== 0) {
    const t = parseEpochBytes(bytes, start, end, epochScale);
    if (!Number.isNaN(t)) return t;
  }
  const t = parseIsoBytes(bytes, start, end, zone);
  if (!Number.isNaN(t) || end - start > SHOWN_BYTES) return t;
  try {
    return toEpochMs('', decodeUtf8(bytes, start, end), '', timeZone);
  } catch {
    return Number.NaN;
  }
}

/**
 * The number in the value cell `bytes[start, end)`, spaces and tabs around it allowed; NaN when it is not a
 * decimal number (±Infinity for an overflowing one).
 */
export function readValueCell(bytes: Uint8Array, start: number, end: number): number {
  while (start < end && (bytes[start] === 32 || bytes[start] === 9)) start++;
  while (end > start && (bytes[end - 1] === 32 || bytes[end - 1] === 9)) end--;
  return parseNumberBytes(bytes, start, end);
}

/** Growable columns of a log: customer codes, times, values. */
export class LogBuilder {
  customer: Int32Array = new Int32Array(1024);
  time: Float64Array = new Float64Array(1024);
  value: Float64Array | null;
  length = 0;
  /** Data rows seen (kept and skipped). */
  rows = 0;
  skipped = 0;

  constructor(withValues: boolean) {
    this.value = withValues ? new Float64Array(1024) : null;
  }

  /** Makes room for `rows` rows in all. */
  reserve(rows: number): void {
    while (this.customer.length < rows) this.grow();
  }

  /** Appends one row. */
  push(code: number, time: number, value: number): void {
    const n = this.length;
    if (n === this.customer.length) this.grow();
    this.customer[n] = code;
    this.time[n] = time;
    if (this.value !== null) this.value[n] = value;
    this.length = n + 1;
  }

  private grow(): void {
    this.resize(this.customer.length * 2);
  }

  /** Moves the columns to buffers of `size` rows (at least {@link length}). */
  resize(size: number): void {
    size = Math.max(size, this.length);
    const customer = new Int32Array(size);
    const n = this.length;
    customer.set(this.customer.subarray(0, n));
    this.customer = customer;
    const time = new Float64Array(size);
    time.set(this.time.subarray(0, n));
    this.time = time;
    if (this.value !== null) {
      const value = new Float64Array(size);
      value.set(this.value.subarray(0, n));
      this.value = value;
    }
  }

  /** The columns, trimmed to their length (a copy when the buffers are much larger, else a view). */
  columns(): { customer: Int32Array; time: Float64Array; value: Float64Array | null } {
    const n = this.length;
    const fit = <T extends Int32Array | Float64Array>(a: T): T =>
      (a.length > n + (n >>> 3) + 1024 ? a.slice(0, n) : a.subarray(0, n)) as T;
    return { customer: fit(this.customer), time: fit(this.time), value: this.value === null ? null : fit(this.value) };
  }
}
