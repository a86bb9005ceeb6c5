/**
 * Public types of the file readers: the columns they return and their options.
 * @module
 */
import type { CustomerId, ErrorFields } from '../types.ts';

/**
 * An event log read from a file, as the columnar input of the cohort and RFM functions: pass it straight to
 * `rfmSummary` or `retentionMatrix`. `customer[i]` is a dense code (0, 1, 2, … in order of first appearance)
 * that indexes `customerIds`, so results keyed by customer carry the code: map it back with `customerIds[code]`.
 */
export interface LogColumns {
  /** Dense customer code of each event, an index into {@link LogColumns.customerIds}. */
  readonly customer: Int32Array;
  /** Customer id of each code: strings for CSV; JSON strings or numbers for NDJSON and Arrow. */
  readonly customerIds: readonly CustomerId[];
  /** Time of each event, epoch milliseconds. */
  readonly time: Float64Array;
  /** Value of each event, when a value column was named. */
  readonly value?: Float64Array;
  /** Bad rows skipped (`onBadRow: 'skip'`); 0 otherwise. */
  readonly skippedRows: number;
  /**
   * Whether the log has rows and every time is a calendar date without a time of day (`2024-03-05`,
   * `20240305`, an Arrow date column). Such a log's latest date is a whole day: pass it as a date-only
   * `observationEnd` to count that day's later events in (as the CLI does). Epoch numbers and date-times,
   * midnight ones included, make it `false`.
   */
  readonly dateOnly: boolean;
}

/** Options of the NDJSON readers (`parseNdjsonLog`, `readNdjsonLog`). */
export interface LogReadOptions {
  /** Column (CSV header name, NDJSON key) of the customer id. Required. */
  readonly customer: string;
  /** Column of the event time: ISO 8601 (extended or basic form), or epoch digits with `epoch`. Required. */
  readonly time: string;
  /** Column of the event value (a decimal number), read when given. */
  readonly value?: string;
  /** IANA time zone of dates and of date-times without an offset. Default `'UTC'`. */
  readonly timeZone?: string;
  /**
   * How digit-only time cells are read: `'seconds'` or `'milliseconds'` since 1970-01-01T00:00Z. Default: they
   * are not epoch times (an 8-digit cell is a basic ISO 8601 date, `20240305`). JSON numbers are epoch ms by
   * default, epoch seconds with `'seconds'`.
   */
  readonly epoch?: 'seconds' | 'milliseconds';
  /** What a bad row does: `'throw'` (default) a `TypeError`/`RangeError` naming its line, or `'skip'` it and count it. */
  readonly onBadRow?: 'throw' | 'skip';
}

/** Options of the CSV readers (`parseCsvLog`, `readCsvLog`). */
export interface CsvLogOptions extends LogReadOptions {
  /** Field delimiter: one ASCII character other than a quote or a line break. Default `','`. */
  readonly delimiter?: string;
}

/** Options of `readCsvLog`: those of `parseCsvLog` and the expected size of the stream. */
export interface CsvStreamOptions extends CsvLogOptions {
  /**
   * Expected size of the whole input in bytes (a file's size, a `Content-Length`, a `File`'s `size`), when
   * known: the columns are then allocated once, for the whole input, instead of being gathered in blocks and
   * joined at the end. A hint only: a wrong one changes memory and time, never the result. Default: unknown.
   */
  readonly sizeHint?: number;
}

/**
 * A web `ReadableStream` of bytes, as far as the readers use it (so the library declares no DOM type): Deno's
 * `file.readable`, a `fetch` response body, a browser `File.stream()`.
 */
export interface ByteStream {
  getReader(): {
    read(): Promise<{ readonly done: boolean; readonly value?: Uint8Array | undefined }>;
    releaseLock(): void;
  };
}

/** A streamed input: a web `ReadableStream` of bytes, or an async iterable of byte (or string) chunks. */
export type LogStream = ByteStream | AsyncIterable<Uint8Array | string>;

/** The fields of a reader's error: those of every library error, plus the input line and the column. */
export interface ReadErrorFields extends ErrorFields {
  /** 1-based line of the input where the bad row starts. */
  readonly line: number;
  /** Column (CSV header name, NDJSON key) of the bad cell, `''` for a problem of the whole row. */
  readonly column: string;
}

/** An Arrow-style column: `toArray()` of a vector (apache-arrow `Vector`, DuckDB and Polars Arrow exports). */
export interface ArrowColumn {
  toArray(): ArrayLike<unknown>;
}

/** An Arrow-style table: anything with `getChild(name)` (apache-arrow `Table`, `RecordBatch`). */
export interface ArrowTableLike {
  getChild(name: string): ArrowColumn | null;
}

/** Options of `arrowLogColumns`. */
export interface ArrowLogOptions {
  /** Column of the customer id (strings, dictionary-encoded strings, or integers). Required. */
  readonly customer: string;
  /** Column of the event time (an Arrow timestamp or date, or numbers of epoch `timeUnit`). Required. */
  readonly time: string;
  /** Column of the event value (numbers), read when given. */
  readonly value?: string;
  /**
   * Unit of an integer or `BigInt64Array` time column. Default: the column's Arrow type (`type.unit` of a
   * timestamp, days of `Date32`), else milliseconds.
   */
  readonly timeUnit?: 'second' | 'millisecond' | 'microsecond' | 'nanosecond';
  /** IANA time zone of ISO date strings and date-times without an offset in a string time column. Default `'UTC'`. */
  readonly timeZone?: string;
}
