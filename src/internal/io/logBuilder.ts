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
import { letGo } from './buffers.ts';
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
  /** Whether the log has rows and every kept row's time cell is a calendar date (see {@link isDateCell}). */
  readonly dateOnly: boolean;
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
 * Whether the time cell `bytes[start, end)`, already read as a valid time, is a calendar date without a time of
 * day: `YYYY-MM-DD` or (when digit cells are not epochs) `YYYYMMDD`. Epoch digits, JSON numbers, date-times
 * (even at midnight) and expanded years are not.
 * @example
 * ```ts
 * import { isDateCell } from './logBuilder.ts';
 *
 * const date = (text: string, epochScale = 0): boolean => isDateCell(new TextEncoder().encode(text), 0, text.length, epochScale);
 * [date('2024-03-05'), date('20240305'), date('2024-03-05T00:00'), date('20240305', 1)]; // => [true, true, false, false]
 * ```
 */
export function isDateCell(bytes: Uint8Array, start: number, end: number, epochScale: number): boolean {
  const length = end - start;
  return (length === 10 && bytes[start + 4] === 45) || (length === 8 && epochScale === 0);
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

/** Rows of the columns' first buffers. */
const FIRST_ROWS = 1024;
/** Rows up to which the first buffers grow by doubling (copied), before blocks are set aside. */
const SMALL_ROWS = 1 << 16;
/**
 * Bytes of a block (one buffer holding a run of rows of every column) when the input's size is unknown: above
 * the largest size the C allocators serve from their heaps (glibc: 32 MiB at most), so a block is a mapping of
 * its own, its untouched pages cost nothing and its memory goes back to the system the moment it is freed.
 */
export const BLOCK_BYTES: number = 40 << 20;

/** A run of rows set aside by {@link LogBuilder}, and the buffers that hold it (freed once it is copied). */
interface Block {
  readonly customer: Int32Array;
  readonly time: Float64Array;
  readonly value: Float64Array | null;
}

/**
 * Growable columns of a log: customer codes, times, values. Rows are written at {@link length} into the current
 * buffers. When the whole input's size is known the reader sizes them once ({@link resize}). Otherwise the
 * first buffers grow by doubling up to {@link SMALL_ROWS} rows; then full buffers are set aside as blocks and
 * a new block of {@link BLOCK_BYTES} (every column in one buffer) is started, so no row is copied until the
 * end. The end ({@link columns}) copies the blocks, in order, into the joined columns and frees each block once
 * copied (`letGo`): the joined columns' pages are touched as the blocks' are given back, so the peak is about
 * 1 × the columns plus a block or two where the runtime can detach buffers, and at most 2 × where it cannot.
 */
export class LogBuilder {
  customer: Int32Array = new Int32Array(FIRST_ROWS);
  time: Float64Array = new Float64Array(FIRST_ROWS);
  value: Float64Array | null;
  /** Rows in the current buffers. */
  length = 0;
  /** Data rows seen (kept and skipped). */
  rows = 0;
  skipped = 0;
  /** Whether a kept row's time was not a calendar date (a date-time, an epoch number): the log is not date-only. */
  timeOfDay = false;
  private blocks: Block[] = [];
  /** Rows in {@link blocks}. */
  private blocked = 0;
  /** Rows of a block: {@link BLOCK_BYTES} over the bytes of a row, even (so the times are 8-byte aligned). */
  private readonly blockRows: number;

  constructor(withValues: boolean) {
    this.value = withValues ? new Float64Array(FIRST_ROWS) : null;
    this.blockRows = Math.floor(BLOCK_BYTES / (withValues ? 20 : 12)) & ~1;
  }

  /** Rows kept so far. */
  get total(): number {
    return this.blocked + this.length;
  }

  /** Blocks set aside so far (for the tests). */
  get blockCount(): number {
    return this.blocks.length;
  }

  /** Makes room in the current buffers for row indexes below `rows`. */
  reserve(rows: number): void {
    if (this.customer.length >= rows) return;
    if (this.blocked === 0 && this.customer.length < SMALL_ROWS) {
      // Small logs: grow the first buffers.
      let size = this.customer.length;
      while (size < rows) size *= 2;
      this.resize(size);
      return;
    }
    // Set the full buffers aside; start a new block.
    const n = this.length;
    if (n > 0)
      this.blocks.push({
        customer: this.customer.subarray(0, n),
        time: this.time.subarray(0, n),
        value: this.value === null ? null : this.value.subarray(0, n),
      });
    this.blocked += n;
    const size = (Math.max(rows - n, this.blockRows) + 1) & ~1;
    const withValues = this.value !== null;
    const buffer = new ArrayBuffer(size * (withValues ? 20 : 12));
    this.time = new Float64Array(buffer, 0, size);
    if (withValues) this.value = new Float64Array(buffer, 8 * size, size);
    this.customer = new Int32Array(buffer, (withValues ? 16 : 8) * size, size);
    this.length = 0;
  }

  /** Appends one row. */
  push(code: number, time: number, value: number): void {
    let n = this.length;
    if (n === this.customer.length) {
      this.reserve(n + 1);
      n = this.length;
    }
    this.customer[n] = code;
    this.time[n] = time;
    if (this.value !== null) this.value[n] = value;
    this.length = n + 1;
  }

  /** Moves the current buffers to buffers of `size` rows (at least {@link length}). */
  resize(size: number): void {
    size = Math.max(size, this.length);
    const n = this.length;
    const customer = new Int32Array(size);
    customer.set(this.customer.subarray(0, n));
    letGo(this.customer.buffer);
    this.customer = customer;
    const time = new Float64Array(size);
    time.set(this.time.subarray(0, n));
    letGo(this.time.buffer);
    this.time = time;
    if (this.value !== null) {
      const value = new Float64Array(size);
      value.set(this.value.subarray(0, n));
      letGo(this.value.buffer);
      this.value = value;
    }
  }

  /**
   * The columns: the blocks and the current buffers joined, each block freed once copied; or, without blocks,
   * the current buffers alone trimmed to their length (a copy when they are much larger, else a view). The
   * builder is empty afterwards.
   */
  columns(): { customer: Int32Array; time: Float64Array; value: Float64Array | null } {
    const n = this.length;
    const withValues = this.value !== null;
    if (this.blocked === 0) {
      const fit = <T extends Int32Array | Float64Array>(a: T): T =>
        (a.length > n + (n >>> 3) + 1024 ? a.slice(0, n) : a.subarray(0, n)) as T;
      const result = {
        customer: fit(this.customer),
        time: fit(this.time),
        value: this.value === null ? null : fit(this.value),
      };
      if (result.customer.buffer !== this.customer.buffer) letGo(this.customer.buffer);
      if (result.time.buffer !== this.time.buffer) letGo(this.time.buffer);
      if (this.value !== null && result.value?.buffer !== this.value.buffer) letGo(this.value.buffer);
      this.release();
      return result;
    }
    const total = this.blocked + n;
    const parts: Block[] = [
      ...this.blocks,
      {
        customer: this.customer.subarray(0, n),
        time: this.time.subarray(0, n),
        value: this.value === null ? null : this.value.subarray(0, n),
      },
    ];
    this.release();
    // Large arrays are fresh mappings whose pages are touched only as they are written: writing block k's rows
    // costs its size, freeing block k gives as much back.
    const customer = new Int32Array(total);
    const time = new Float64Array(total);
    const value = withValues ? new Float64Array(total) : null;
    let at = 0;
    for (const part of parts) {
      customer.set(part.customer, at);
      time.set(part.time, at);
      if (value !== null && part.value !== null) value.set(part.value, at);
      at += part.customer.length;
      letGo(part.customer.buffer);
      letGo(part.time.buffer);
      if (part.value !== null) letGo(part.value.buffer);
    }
    return { customer, time, value };
  }

  /** Lets go of every buffer (the builder then holds no rows). */
  private release(): void {
    this.blocks = [];
    this.blocked = 0;
    this.customer = new Int32Array(0);
    this.time = new Float64Array(0);
    if (this.value !== null) this.value = new Float64Array(0);
    this.length = 0;
  }
}
