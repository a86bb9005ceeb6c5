/**
 * A streaming RFC 4180 CSV reader and writer for the command-line tool.
 *
 * Fields are separated by commas and records by CRLF or LF. A field that contains a comma, a double
 * quote, CR or LF is written between double quotes, with each inner quote doubled (`"a ""b"", c"`).
 * The reader takes the input in chunks of any size (a quote, a CRLF or a multi-line field may be split
 * across chunks) and keeps only the current, unfinished record in memory. Lines that are completely
 * empty are skipped, so a record holding one empty field is written as `""`.
 *
 * Reference: RFC 4180, "Common Format and MIME Type for Comma-Separated Values (CSV) Files".
 * @module
 */

/** One parsed record and the 1-based line of the input on which it starts. */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

/** A malformed CSV input; `line` is the 1-based input line where the problem is. */
export class CsvError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvError';
    this.line = line;
  }
}

/** Incremental CSV parser: feed chunks with `push`, then call `end` once. */
export interface CsvParser {
  /** Parses a chunk; returns the records completed by it (possibly none). */
  push(chunk: string): CsvRecord[];
  /** Signals the end of input; returns the last record, if any. Throws for an unterminated quote. */
  end(): CsvRecord[];
}

// Parser states.
/** At the start of a field. */
const FIELD_START = 0;
/** Inside an unquoted field. */
const UNQUOTED = 1;
/** Inside a quoted field. */
const QUOTED = 2;
/** Just read a quote inside a quoted field: either an escaped quote or the closing one. */
const QUOTE_IN_QUOTED = 3;
/** Just read CR outside quotes: LF may follow. */
const AFTER_CR = 4;

/**
 * Creates a streaming RFC 4180 parser (comma-separated; a leading UTF-8 byte-order mark is ignored).
 * @example
 * ```ts
 * import { createCsvParser } from './csv.ts';
 *
 * const parser = createCsvParser();
 * parser.push('\uFEFFname,note\r\nAda,"says ""hi"",'); // => [{ fields: ['name', 'note'], line: 1 }]
 * parser.push(' twice"\nBob,'); // => [{ fields: ['Ada', 'says "hi", twice'], line: 2 }]
 * parser.end(); // => [{ fields: ['Bob', ''], line: 3 }]
 * createCsvParser().push('a"b\n'); // => throws CsvError: line 1: a double quote inside an unquoted field (quote the whole field and double the quote)
 * ```
 */
export function createCsvParser(): CsvParser {
  let state = FIELD_START;
  let field = '';
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let first = true;
  let quoteLine = 1;

  let quotedEmpty = false;

  const endRecord = (out: CsvRecord[]): void => {
    fields.push(field);
    field = '';
    // A completely empty line is not a record.
    if (!(fields.length === 1 && fields[0] === '' && !quotedEmpty)) out.push({ fields, line: recordLine });
    fields = [];
    quotedEmpty = false;
  };

  const push = (chunk: string): CsvRecord[] => {
    const out: CsvRecord[] = [];
    let i = 0;
    if (first && chunk.length > 0) {
      first = false;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    const n = chunk.length;
    while (i < n) {
      switch (state) {
        case AFTER_CR: {
          state = FIELD_START;
          if (chunk.charCodeAt(i) === 10) i++;
          line++;
          recordLine = line;
          break;
        }
        case FIELD_START:
        case UNQUOTED: {
          if (state === FIELD_START && chunk.charCodeAt(i) === 34) {
            state = QUOTED;
            quoteLine = line;
            i++;
            break;
          }
          // Fast scan of an unquoted run.
          let j = i;
          let c = 0;
          while (j < n) {
            c = chunk.charCodeAt(j);
            if (c === 44 || c === 10 || c === 13 || c === 34) break;
            j++;
          }
          field += chunk.slice(i, j);
          i = j;
          if (j === n) {
            state = UNQUOTED;
            break;
          }
          if (c === 34)
            throw new CsvError(
              line,
              'a double quote inside an unquoted field (quote the whole field and double the quote)',
            );
          i++;
          if (c === 44) {
            fields.push(field);
            field = '';
            state = FIELD_START;
          } else if (c === 10) {
            endRecord(out);
            state = FIELD_START;
            line++;
            recordLine = line;
          } else {
            endRecord(out);
            state = AFTER_CR;
          }
          break;
        }
        case QUOTED: {
          const j = chunk.indexOf('"', i);
          const end = j === -1 ? n : j;
          const text = chunk.slice(i, end);
          field += text;
          for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) line++;
          i = end;
          if (j !== -1) {
            i++;
            state = QUOTE_IN_QUOTED;
          }
          break;
        }
        case QUOTE_IN_QUOTED: {
          const c = chunk.charCodeAt(i);
          if (c === 34) {
            field += '"';
            state = QUOTED;
            i++;
          } else if (c === 44 || c === 10 || c === 13) {
            if (field === '') quotedEmpty = true;
            state = UNQUOTED;
          } else {
            throw new CsvError(line, `unexpected ${JSON.stringify(chunk[i])} after the closing quote of a field`);
          }
          break;
        }
      }
    }
    return out;
  };

  const end = (): CsvRecord[] => {
    const out: CsvRecord[] = [];
    if (state === QUOTED) throw new CsvError(quoteLine, 'a quoted field is never closed');
    if (state === QUOTE_IN_QUOTED && field === '') quotedEmpty = true;
    if (state !== AFTER_CR && (state !== FIELD_START || fields.length > 0)) endRecord(out);
    state = FIELD_START;
    return out;
  };

  return { push, end };
}

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Writes one field, quoted only when it must be.
 * @example
 * ```ts
 * import { formatCsvField } from './csv.ts';
 *
 * formatCsvField('plain'); // => 'plain'
 * formatCsvField('a,b'); // => '"a,b"'
 * formatCsvField('6" pipe'); // => '"6"" pipe"'
 * ```
 */
export function formatCsvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Writes one record without its line end; a record of one empty field is written as `""`.
 * @example
 * ```ts
 * import { createCsvParser, formatCsvRecord } from './csv.ts';
 *
 * const record = formatCsvRecord(['Ada', 'says "hi", twice']);
 * record; // => 'Ada,"says ""hi"", twice"'
 * createCsvParser().push(`${record}\n`)[0]?.fields; // => ['Ada', 'says "hi", twice']
 * formatCsvRecord(['']); // => '""'
 * ```
 */
export function formatCsvRecord(fields: readonly string[]): string {
  if (fields.length === 1 && fields[0] === '') return '""';
  return fields.map(formatCsvField).join(',');
}
