/**
 * A byte-level RFC 4180 scanner over UTF-8 input given in chunks of any size: fields separated by a one-byte
 * delimiter (`,` by default), records by CRLF, LF or CR, fields optionally between double quotes with inner
 * quotes doubled (`"a ""b"", c"`) and line breaks allowed inside quotes; a leading byte-order mark is skipped
 * and completely empty lines are not records. The scanner keeps only the unfinished record of a chunk, records
 * the byte range of the fields a consumer asked for (no string, no object per row) and hands each record to
 * the consumer with the 1-based line on which it starts. A record that continues past the end of a chunk is
 * scanned again once enough new bytes arrived (at least as many as it already has), so the work stays linear
 * even for a 10 MB field spread over many small chunks.
 *
 * Reference: RFC 4180, "Common Format and MIME Type for Comma-Separated Values (CSV) Files".
 * @internal
 * @module
 */
import { decodeUtf8 } from './utf8.ts';

/** What went wrong in a record's syntax (besides its fields' values). */
export type CsvSyntaxProblem = 'quoteInUnquoted' | 'afterQuote' | 'unclosedQuote';

/** The consumer of a {@link CsvScanner}. */
export interface CsvConsumer {
  /**
   * The header record (the first record) as strings; returns, for each field index, the slot its byte range
   * goes to in every later record (−1 for fields the consumer does not read).
   */
  header(names: string[], line: number): Int32Array;
  /** One data record: its fields' ranges are in the scanner's `starts` / `ends` / `escaped`, by slot. */
  record(scanner: CsvScanner, line: number): void;
  /**
   * `count` data records without quotes, in `scanner.buffer`: record `r` is `batch[r * stride …]` =
   * [line, field count, start and end of slot 0, of slot 1, …] (−1 for a slot the record lacks), with
   * `stride` = 2 + 2 × slots.
   */
  records(scanner: CsvScanner, batch: Int32Array, count: number): void;
  /** A record with a syntax problem (`problem`), at `line`; `text` is the offending character, if any. */
  malformed(problem: CsvSyntaxProblem, line: number, text: string): void;
  /**
   * Optional fast path, tried before the batches: reads the plain records of `buffer` from `pos` (its line is
   * `line`) straight from the bytes, as many as it can, and stops at the first record it leaves to the scanner
   * (a quote, an empty line, a bad or unfinished record…), writing into `state` the position and line of that
   * record. The scanner reads that one record its usual way, then calls the fast path again.
   */
  fast?(buffer: Uint8Array, pos: number, n: number, line: number, state: Int32Array): void;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** Longest unfinished record finished with the next chunk's first line alone (see {@link CsvScanner.push}). */
const SHORT_PENDING = 4096;
/** Records per fast batch. */
const BATCH = 4096;

/**
 * Scans records without quotes from `pos` into `out` (see {@link CsvConsumer.records}) until `limit` records,
 * the end of the buffer, or a record the tight loop does not handle (a quote, a CR at the end of the buffer, a
 * record the buffer does not finish); returns the number of records, with the position and line to continue
 * from in `state`. Empty lines are skipped.
 */
function scanBatch(
  buf: Uint8Array,
  pos: number,
  n: number,
  delimiter: number,
  slots: Int32Array,
  width: number,
  stride: number,
  out: Int32Array,
  line: number,
  state: Int32Array,
  limit: number,
): number {
  let count = 0;
  let o = 0;
  records: while (count < limit && pos < n) {
    for (let k = 2; k < stride; k++) out[o + k] = -1;
    let i = pos;
    let field = 0;
    let fieldStart = i;
    let b = 0;
    for (;;) {
      if (i === n) break records;
      b = buf[i] as number;
      if (b === delimiter || b === LF || b === CR || b === QUOTE) {
        if (b === QUOTE) break records;
        if (field < width) {
          const slot = slots[field] as number;
          if (slot >= 0) {
            out[o + 2 + 2 * slot] = fieldStart;
            out[o + 3 + 2 * slot] = i;
          }
        }
        field++;
        if (b !== delimiter) break;
        i++;
        fieldStart = i;
        continue;
      }
      i++;
    }
    let next = i + 1;
    if (b === CR) {
      if (i + 1 >= n) break;
      if (buf[i + 1] === LF) next = i + 2;
    }
    if (field === 1 && i === pos) {
      line++;
      pos = next;
      continue;
    }
    out[o] = line;
    out[o + 1] = field;
    line++;
    count++;
    o += stride;
    pos = next;
  }
  state[0] = pos;
  state[1] = line;
  return count;
}

/**
 * Streaming CSV scanner: `push` chunks, then `end` once. Read the fields of the current record (inside
 * `CsvConsumer.record`) with {@link CsvScanner.bytes} / `fieldStart(slot)` / `fieldEnd(slot)`.
 * @example
 * ```ts
 * import { CsvScanner } from './csvScanner.ts';
 *
 * const seen: string[] = [];
 * const scanner = new CsvScanner(44, {
 *   header: (names) => Int32Array.from(names, (name) => (name === 'note' ? 0 : -1)),
 *   record: (s, line) => seen.push(`${line}: ${s.text(0)}`),
 *   // records without quotes come in batches: [line, fields, start, end] each
 *   records: (s, batch, count) => {
 *     for (let r = 0; r < count; r++) {
 *       const o = r * s.stride;
 *       seen.push(`${batch[o]}: ${new TextDecoder().decode(s.buffer.subarray(batch[o + 2], batch[o + 3]))}`);
 *     }
 *   },
 *   malformed: (problem, line) => seen.push(`${line}: ${problem}`),
 * });
 * const bytes = new TextEncoder().encode('\uFEFFname,note\r\nAda,"says ""hi"",\n twice"\r\n\r\nBob,plain\n');
 * scanner.push(bytes.subarray(0, 20));
 * scanner.push(bytes.subarray(20));
 * scanner.end();
 * seen; // => ['2: says "hi",\n twice', '5: plain']
 * ```
 */
export class CsvScanner {
  /** Per slot: start and end of the field's content (between the quotes for a quoted field), or −1. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Per slot: 1 when the field is quoted with doubled quotes inside (read it with {@link text}/{@link unescape}). */
  readonly escaped: Uint8Array;
  /** Buffer the ranges of the current record point into. */
  buffer: Uint8Array = new Uint8Array(0);
  /** Number of fields of the current record. */
  fieldCount = 0;
  /** Fields of the header (0 before it is read). */
  width = 0;
  private slots: Int32Array = new Int32Array(0);
  private readonly delimiter: number;
  private readonly consumer: CsvConsumer;
  private pending: Uint8Array | null = null;
  private pendingParts: Uint8Array[] = [];
  private pendingBytes = 0;
  private retryAt = 0;
  private line = 1;
  private started = false;
  private headerRead = false;
  private headerStarts: number[] = [];
  private headerEnds: number[] = [];
  private headerEscaped: boolean[] = [];
  private scratch = new Uint8Array(256);
  /** Records of one fast batch (see {@link CsvConsumer.records}). */
  private readonly batch: Int32Array;
  /** Width of a record in {@link batch}. */
  readonly stride: number;
  private readonly state = new Int32Array(2);

  /** Whether the consumer's fast path is used. */
  private readonly useFast: boolean;

  /** `fast` false: never call the consumer's fast path (the tests compare the two paths). */
  constructor(delimiter: number, consumer: CsvConsumer, slots = 8, fast = true) {
    this.useFast = fast && consumer.fast !== undefined;
    this.delimiter = delimiter;
    this.consumer = consumer;
    this.starts = new Int32Array(slots);
    this.ends = new Int32Array(slots);
    this.escaped = new Uint8Array(slots);
    this.stride = 2 + 2 * slots;
    this.batch = new Int32Array(BATCH * this.stride);
  }

  /** Whether the header was read. */
  get hasHeader(): boolean {
    return this.headerRead;
  }

  /** Scans a chunk (the chunk is not kept beyond the unfinished record at its end). */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.pending === null) {
      this.scan(chunk, false);
      return;
    }
    if (this.pendingBytes <= SHORT_PENDING) {
      // A short unfinished record (the usual one a chunk ends in): finish it with the new chunk's first line
      // only, then scan the rest of the chunk where it lies (no copy of the whole chunk).
      const nl = chunk.indexOf(LF);
      if (nl >= 0) {
        this.pendingParts.push(chunk.subarray(0, nl + 1));
        this.pendingBytes += nl + 1;
        this.scan(this.takePending(), false);
        const rest = chunk.subarray(nl + 1);
        if (rest.length === 0) return;
        if (this.pending === null) {
          this.scan(rest, false);
          return;
        }
        chunk = rest;
      }
    }
    // An unfinished record: wait until the new bytes are at least as many as the record already has.
    this.pendingParts.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes < this.retryAt) return;
    this.scan(this.takePending(), false);
  }

  /** Scans what is left at the end of the input. */
  end(): void {
    const rest = this.pending === null ? null : this.takePending();
    this.scan(rest ?? new Uint8Array(0), true);
  }

  private takePending(): Uint8Array {
    const total = this.pendingBytes;
    const joined = new Uint8Array(total);
    let at = 0;
    for (const part of this.pendingParts) {
      joined.set(part, at);
      at += part.length;
    }
    this.pending = null;
    this.pendingParts = [];
    this.pendingBytes = 0;
    return joined;
  }

  private scan(buffer: Uint8Array, final: boolean): void {
    let pos = 0;
    if (!this.started) {
      if (buffer.length < 3 && !final) {
        this.keep(buffer, 0);
        return;
      }
      this.started = true;
      if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) pos = 3;
    }
    this.buffer = buffer;
    const n = buffer.length;
    const { batch, state, stride, consumer } = this;
    while (pos < n) {
      if (this.headerRead) {
        let limit = BATCH;
        if (this.useFast && consumer.fast !== undefined) {
          // The consumer's own fast path first; the record it stops at is read below.
          consumer.fast(buffer, pos, n, this.line, state);
          pos = state[0] as number;
          this.line = state[1] as number;
          if (pos >= n) break;
          limit = 1;
        }
        // The common case: records without quotes, scanned in batches by a tight loop.
        const count = scanBatch(
          buffer,
          pos,
          n,
          this.delimiter,
          this.slots,
          this.width,
          stride,
          batch,
          this.line,
          state,
          limit,
        );
        pos = state[0] as number;
        this.line = state[1] as number;
        if (count > 0) consumer.records(this, batch, count);
        if (pos >= n) break;
        if (count === limit) continue;
      }
      const next = this.scanRecord(buffer, pos, n, final);
      if (next < 0) {
        this.keep(buffer, pos);
        return;
      }
      pos = next;
    }
  }

  private keep(buffer: Uint8Array, from: number): void {
    const rest = buffer.slice(from);
    this.pending = rest;
    this.pendingParts = [rest];
    this.pendingBytes = rest.length;
    this.retryAt = 2 * rest.length;
  }

  /**
   * Scans one record from `pos`; returns the position after it, or −1 when the record does not end within the
   * buffer (and the buffer is not the last).
   */
  private scanRecord(buf: Uint8Array, pos: number, n: number, final: boolean): number {
    const delimiter = this.delimiter;
    const header = !this.headerRead;
    const slots = this.slots;
    const width = this.width;
    const starts = this.starts;
    const ends = this.ends;
    const escaped = this.escaped;
    if (header) this.clearHeader();
    else starts.fill(-1);
    let i = pos;
    let field = 0;
    let breaks = 0;
    let problem: CsvSyntaxProblem | null = null;
    let problemText = '';
    let quotedAny = false;
    let lastStart = 0;
    let lastEnd = 0;
    for (;;) {
      let contentStart: number;
      let contentEnd: number;
      let hasEscapes = false;
      if (i < n && buf[i] === QUOTE) {
        quotedAny = true;
        const quoteLine = breaks;
        i++;
        contentStart = i;
        for (;;) {
          while (i < n && buf[i] !== QUOTE) {
            if (buf[i] === LF) breaks++;
            i++;
          }
          if (i === n) {
            if (!final) return -1;
            this.consumer.malformed('unclosedQuote', this.line + quoteLine, '');
            this.line += breaks;
            return n;
          }
          if (i + 1 === n && !final) return -1;
          if (buf[i + 1] === QUOTE) {
            hasEscapes = true;
            i += 2;
            continue;
          }
          contentEnd = i;
          i++;
          break;
        }
        if (i < n) {
          const b = buf[i] as number;
          if (b !== delimiter && b !== LF && b !== CR) {
            if (problem === null) {
              problem = 'afterQuote';
              problemText = decodeUtf8(buf, i, Math.min(n, i + 4)).slice(0, 1);
            }
            while (i < n && buf[i] !== delimiter && buf[i] !== LF && buf[i] !== CR) i++;
            if (i === n && !final) return -1;
          }
        }
      } else {
        contentStart = i;
        while (i < n) {
          const b = buf[i] as number;
          if (b === delimiter || b === LF || b === CR) break;
          if (b === QUOTE && problem === null) problem = 'quoteInUnquoted';
          i++;
        }
        if (i === n && !final) return -1;
        contentEnd = i;
      }
      if (header) {
        this.headerStarts.push(contentStart);
        this.headerEnds.push(contentEnd);
        this.headerEscaped.push(hasEscapes);
      } else if (field < width) {
        const slot = slots[field] as number;
        if (slot >= 0) {
          starts[slot] = contentStart;
          ends[slot] = contentEnd;
          escaped[slot] = hasEscapes ? 1 : 0;
        }
      }
      lastStart = contentStart;
      lastEnd = contentEnd;
      field++;
      if (i === n) break;
      const b = buf[i] as number;
      if (b === delimiter) {
        i++;
        continue;
      }
      if (b === CR) {
        if (i + 1 < n) i += buf[i + 1] === LF ? 2 : 1;
        else if (final) i++;
        else return -1;
      } else i++;
      break;
    }
    const line = this.line;
    this.line += breaks + 1;
    // A completely empty line is not a record.
    if (field === 1 && !quotedAny && lastStart === lastEnd) {
      if (header) this.clearHeader();
      return i;
    }
    if (problem !== null) {
      if (header) this.clearHeader();
      this.consumer.malformed(problem, line, problemText);
      return i;
    }
    this.fieldCount = field;
    if (header) {
      const names = this.headerStarts.map((s, k) =>
        this.decode(buf, s, this.headerEnds[k] as number, this.headerEscaped[k] === true),
      );
      this.clearHeader();
      this.slots = this.consumer.header(names, line);
      this.width = names.length;
      this.headerRead = true;
      return i;
    }
    this.consumer.record(this, line);
    return i;
  }

  private clearHeader(): void {
    this.headerStarts = [];
    this.headerEnds = [];
    this.headerEscaped = [];
  }

  private decode(buf: Uint8Array, start: number, end: number, hasEscapes: boolean): string {
    const text = decodeUtf8(buf, start, end);
    return hasEscapes ? text.replaceAll('""', '"') : text;
  }

  /**
   * The bytes of the field in `slot` (for a field with doubled quotes, an unescaped copy in a scratch buffer
   * that the next call reuses); read the range with {@link fieldStart} / {@link fieldEnd}.
   */
  bytes(slot: number): Uint8Array {
    return this.escaped[slot] === 1 ? this.unescape(slot) : this.buffer;
  }

  /** Start of the field in `slot` within {@link bytes}. */
  fieldStart(slot: number): number {
    return this.escaped[slot] === 1 ? 0 : (this.starts[slot] as number);
  }

  /** End of the field in `slot` within {@link bytes} (call after {@link bytes}). */
  fieldEnd(slot: number): number {
    return this.escaped[slot] === 1 ? this.scratchLength : (this.ends[slot] as number);
  }

  private scratchLength = 0;

  private unescape(slot: number): Uint8Array {
    const buf = this.buffer;
    const from = this.starts[slot] as number;
    const to = this.ends[slot] as number;
    if (this.scratch.length < to - from) this.scratch = new Uint8Array(2 * (to - from));
    const out = this.scratch;
    let k = 0;
    for (let i = from; i < to; i++) {
      out[k++] = buf[i] as number;
      if (buf[i] === QUOTE) i++;
    }
    this.scratchLength = k;
    return out;
  }

  /** The field in `slot` as a string (at most `limit` bytes of it), or `''` when the record lacks it. */
  text(slot: number, limit: number = Number.POSITIVE_INFINITY): string {
    if ((this.starts[slot] as number) < 0) return '';
    const bytes = this.bytes(slot);
    const from = this.fieldStart(slot);
    const to = Math.min(this.fieldEnd(slot), from + limit);
    return decodeUtf8(bytes, from, to);
  }
}
