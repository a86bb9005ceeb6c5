/**
 * CSV event logs into columns: the header names the columns, each data record gives one row (customer code,
 * epoch-ms time, optional value), read from the bytes of its fields by the {@link CsvScanner}.
 * @internal
 * @module
 */
import { CsvScanner, type CsvConsumer, type CsvSyntaxProblem } from './csvScanner.ts';
import { hashWords, IdDictionary, wordAt } from './idDictionary.ts';
import { daysFromCivil, MS_PER_DAY, MS_PER_HOUR } from '../time/civil.ts';
import { localToInstant } from '../time/zones.ts';
import { validDate } from './timeBytes.ts';
import {
  LogBuilder,
  type LogColumnNames,
  type LogReader,
  type ReadResult,
  type ReadSettings,
  isDateCell,
  readTimeCell,
  readValueCell,
  SHOWN_BYTES,
  shownText,
} from './logBuilder.ts';

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** What the fast path does with a field: skip it, or read it as the customer, the time or the value. */
const SKIP = 0;
const CUSTOMER = 1;
const TIME = 2;
const VALUE = 3;
/** Exact powers of ten 10^0 … 10^15 (the fast path reads at most 15 digits). */
const POW10: readonly number[] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/** Ids looked up together (their cache misses overlap). */
const LOOKUP_BATCH = 256;
/** Rows read before the columns are sized from the bytes per row and the expected input size. */
const SAMPLE_ROWS = 1024;

/** Reads a CSV event log pushed in chunks. */
export class CsvLogReader implements CsvConsumer, LogReader {
  readonly builder: LogBuilder;
  readonly ids: IdDictionary = new IdDictionary();
  readonly scanner: CsvScanner;
  private readonly names: LogColumnNames;
  private readonly settings: ReadSettings;
  private readonly delimiter: number;
  /** Per header field: {@link SKIP}, {@link CUSTOMER}, {@link TIME} or {@link VALUE} (empty before the header). */
  private kinds: Int8Array = new Int8Array(0);
  /** Expected size of the whole input in bytes (0 when unknown), to size the columns once. */
  private expectedBytes = 0;
  /** Bytes of the chunks pushed before the current one. */
  private pushedBytes = 0;
  /** Input offset of the first data row the fast path read (−1 before), and whether the columns were sized. */
  private firstRowAt = -1;
  private sized = false;
  /** Ids of the rows read but not yet looked up: start, length, first three words, hash. */
  private readonly starts = new Int32Array(LOOKUP_BATCH);
  private readonly lengths = new Int32Array(LOOKUP_BATCH);
  private readonly words = new Int32Array(3 * LOOKUP_BATCH);
  private readonly hashes = new Int32Array(LOOKUP_BATCH);

  /** `fast` false: read every record the general way (the tests compare the two paths). */
  constructor(names: LogColumnNames, delimiter: number, settings: ReadSettings, fast = true) {
    this.names = names;
    this.settings = settings;
    this.delimiter = delimiter;
    this.builder = new LogBuilder(names.value !== undefined);
    this.scanner = new CsvScanner(delimiter, this, 3, fast);
  }

  /** Tells the reader how many bytes the whole input has (a file's size), so the columns are allocated once. */
  expect(bytes: number): void {
    this.expectedBytes = bytes;
  }

  /** Reads a chunk. */
  push(chunk: Uint8Array): void {
    this.scanner.push(chunk);
    this.pushedBytes += chunk.length;
  }

  /** Ends the input; a CSV input without a header line is an error. */
  finish(): ReadResult {
    this.scanner.end();
    if (!this.scanner.hasHeader) this.settings.fail({ problem: 'empty', line: 1, row: -1, column: '' });
    const dateOnly = this.builder.total > 0 && !this.builder.timeOfDay;
    this.ids.release(); // its table is garbage before the columns are joined
    const { customer, time, value } = this.builder.columns();
    return { customer, customerIds: this.ids.ids, time, value, skippedRows: this.builder.skipped, dateOnly };
  }

  header(names: string[], line: number): Int32Array {
    const slots = new Int32Array(names.length).fill(-1);
    const seen = new Map<string, number>();
    names.forEach((name, k) => {
      if (seen.has(name))
        this.settings.fail({
          problem: 'duplicateHeader',
          line,
          row: -1,
          column: name,
          value: name,
          detail: names.join('\u0000'),
        });
      seen.set(name, k);
    });
    const wanted = [this.names.customer, this.names.time, this.names.value];
    wanted.forEach((name, slot) => {
      if (name === undefined) return;
      const k = seen.get(name);
      if (k === undefined)
        this.settings.fail({
          problem: 'missingColumn',
          line,
          row: -1,
          column: name,
          value: name,
          detail: names.join('\u0000'),
        });
      slots[k] = slot;
    });
    this.kinds = Int8Array.from(slots, (slot) => (slot < 0 ? SKIP : slot + 1));
    return slots;
  }

  /**
   * The fast path (see {@link CsvConsumer.fast}): one pass over the bytes of each plain record, no string and no
   * object per row. The customer id is scanned and hashed as words ({@link IdDictionary.codeOfWords}); a time
   * `YYYY-MM-DD`, `YYYY-MM-DD[T ]HH:MM:SS` or `…Z` is read by integer arithmetic (other times by
   * `readTimeCell`); a value `-?digits[.digits]` of at most 15 digits by the exact division `parseNumberBytes`
   * does (others by `readValueCell`). Any record that is not plain — a quote, an empty line, a wrong field
   * count, an empty id, an invalid time or value, a record the buffer does not finish — is left to the scanner
   * (which reports or skips it), so the results are those of the general path bit for bit.
   */
  fast(buf: Uint8Array, pos: number, n: number, line: number, state: Int32Array): void {
    const b = this.builder;
    const kinds = this.kinds;
    const width = kinds.length;
    const delimiter = this.delimiter;
    const { zone, timeZone, epochScale } = this.settings;
    const utc = zone.utc;
    const ids = this.ids;
    let customer = b.customer;
    let time = b.time;
    let value = b.value;
    let capacity = customer.length;
    let row = b.length;
    let kept = 0;
    if (this.firstRowAt < 0) this.firstRowAt = this.pushedBytes + pos;
    const { starts, lengths, words, hashes } = this;
    let batched = 0;
    records: while (pos < n) {
      if (row === capacity) {
        if (batched > 0) ids.codesOf(buf, batched, starts, lengths, words, hashes, customer, row - batched);
        batched = 0;
        b.length = row;
        this.makeRoom(pos);
        customer = b.customer;
        time = b.time;
        value = b.value;
        capacity = customer.length;
        row = b.length;
      }
      let i = pos;
      let idStart = 0;
      let idEnd = 0;
      let t = 0;
      let v = 0;
      let dateCell = true; // the time cell is a calendar date (for the result's dateOnly)
      for (let f = 0; ; f++) {
        const kind = kinds[f] as number;
        const from = i;
        let c = 0;
        if (kind === TIME) {
          t = Number.NaN;
          // YYYY-MM-DD, then [T ]HH:MM:SS, then Z: digits checked as unsigned (byte − 48) ≤ 9.
          if (i + 10 < n && buf[i + 4] === 45 && buf[i + 7] === 45) {
            const y0 = (buf[i] as number) - 48;
            const y1 = (buf[i + 1] as number) - 48;
            const y2 = (buf[i + 2] as number) - 48;
            const y3 = (buf[i + 3] as number) - 48;
            const m0 = (buf[i + 5] as number) - 48;
            const m1 = (buf[i + 6] as number) - 48;
            const d0 = (buf[i + 8] as number) - 48;
            const d1 = (buf[i + 9] as number) - 48;
            if (
              y0 >>> 0 <= 9 &&
              y1 >>> 0 <= 9 &&
              y2 >>> 0 <= 9 &&
              y3 >>> 0 <= 9 &&
              m0 >>> 0 <= 9 &&
              m1 >>> 0 <= 9 &&
              d0 >>> 0 <= 9 &&
              d1 >>> 0 <= 9
            ) {
              const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
              const month = m0 * 10 + m1;
              const day = d0 * 10 + d1;
              if (validDate(year, month, day)) {
                const days = daysFromCivil(year, month, day);
                c = buf[i + 10] as number;
                if (c === delimiter || c === LF || c === CR) {
                  t = utc ? days * MS_PER_DAY : localToInstant(zone, days * MS_PER_DAY);
                  i += 10;
                } else if ((c === 84 || c === 32) && i + 19 < n && buf[i + 13] === 58 && buf[i + 16] === 58) {
                  const h0 = (buf[i + 11] as number) - 48;
                  const h1 = (buf[i + 12] as number) - 48;
                  const n0 = (buf[i + 14] as number) - 48;
                  const n1 = (buf[i + 15] as number) - 48;
                  const s0 = (buf[i + 17] as number) - 48;
                  const s1 = (buf[i + 18] as number) - 48;
                  const hour = h0 * 10 + h1;
                  const minute = n0 * 10 + n1;
                  const second = s0 * 10 + s1;
                  if (
                    h0 >>> 0 <= 9 &&
                    h1 >>> 0 <= 9 &&
                    n0 >>> 0 <= 9 &&
                    n1 >>> 0 <= 9 &&
                    s0 >>> 0 <= 9 &&
                    s1 >>> 0 <= 9 &&
                    hour <= 23 &&
                    minute <= 59 &&
                    second <= 59
                  ) {
                    const local = days * MS_PER_DAY + hour * MS_PER_HOUR + minute * 60_000 + second * 1000;
                    c = buf[i + 19] as number;
                    if (c === 90 || c === 122) {
                      if (i + 20 < n) {
                        c = buf[i + 20] as number;
                        if (c === delimiter || c === LF || c === CR) {
                          t = local;
                          i += 20;
                          dateCell = false;
                        }
                      }
                    } else if (c === delimiter || c === LF || c === CR) {
                      t = utc ? local : localToInstant(zone, local);
                      i += 19;
                      dateCell = false;
                    }
                  }
                }
              }
            }
          }
          if (i === from) {
            // Any other time: the general cell reader.
            while (i < n) {
              c = buf[i] as number;
              if (c === delimiter || c === LF || c === CR || c === QUOTE) break;
              i++;
            }
            if (i === n || c === QUOTE) break records;
            t = readTimeCell(buf, from, i, zone, timeZone, epochScale);
            dateCell = isDateCell(buf, from, i, epochScale);
          }
          if (Number.isNaN(t)) break records;
        } else if (kind === VALUE) {
          let j = i;
          const negative = buf[j] === 45;
          if (negative) j++;
          const digitsFrom = j;
          let mantissa = 0;
          while (j < n) {
            const d = (buf[j] as number) - 48;
            if (d < 0 || d > 9) break;
            mantissa = mantissa * 10 + d;
            j++;
          }
          let digits = j - digitsFrom;
          let fraction = 0;
          if (j < n && buf[j] === 46) {
            j++;
            const fractionFrom = j;
            while (j < n) {
              const d = (buf[j] as number) - 48;
              if (d < 0 || d > 9) break;
              mantissa = mantissa * 10 + d;
              j++;
            }
            fraction = j - fractionFrom;
            digits += fraction;
          }
          c = j < n ? (buf[j] as number) : -1;
          if (digits > 0 && digits <= 15 && (c === delimiter || c === LF || c === CR)) {
            v = fraction === 0 ? mantissa : mantissa / (POW10[fraction] as number);
            if (negative) v = -v;
            i = j;
          } else {
            // Any other number: the general cell reader.
            while (i < n) {
              c = buf[i] as number;
              if (c === delimiter || c === LF || c === CR || c === QUOTE) break;
              i++;
            }
            if (i === n || c === QUOTE) break records;
            v = readValueCell(buf, from, i);
            if (!(v - v === 0)) break records;
          }
        } else {
          while (i < n) {
            c = buf[i] as number;
            if (c === delimiter || c === LF || c === CR || c === QUOTE) break;
            i++;
          }
          if (kind === CUSTOMER) {
            if (i === from) break records;
            idStart = from;
            idEnd = i;
          }
        }
        // The byte after the field.
        if (i >= n) break records;
        c = buf[i] as number;
        if (c === delimiter) {
          if (f + 1 === width) break records;
          i++;
          continue;
        }
        if (c === QUOTE || f + 1 !== width) break records;
        if (c === CR) {
          if (i + 1 >= n) break records;
          i += buf[i + 1] === LF ? 2 : 1;
        } else i++;
        break;
      }
      // A good row: its id is looked up with the batch's (a row left to the scanner adds no customer).
      const length = idEnd - idStart;
      const w0 = wordAt(buf, idStart, idEnd);
      const w1 = length > 4 ? wordAt(buf, idStart + 4, idEnd) : 0;
      const w2 = length > 8 ? wordAt(buf, idStart + 8, idEnd) : 0;
      starts[batched] = idStart;
      lengths[batched] = length;
      words[3 * batched] = w0;
      words[3 * batched + 1] = w1;
      words[3 * batched + 2] = w2;
      hashes[batched] = hashWords(w0, w1, w2, length, buf, idStart, idEnd);
      batched++;
      if (!dateCell) b.timeOfDay = true;
      time[row] = t;
      if (value !== null) value[row] = v;
      row++;
      kept++;
      line++;
      pos = i;
      if (batched === LOOKUP_BATCH) {
        ids.codesOf(buf, batched, starts, lengths, words, hashes, customer, row - batched);
        batched = 0;
      }
    }
    if (batched > 0) ids.codesOf(buf, batched, starts, lengths, words, hashes, customer, row - batched);
    b.length = row;
    b.rows += kept;
    state[0] = pos;
    state[1] = line;
  }

  /**
   * Room for more rows: after {@link SAMPLE_ROWS} rows, columns for the whole input at once when its size is
   * known (the bytes per row so far × the bytes expected, plus 2 %), else twice the room.
   */
  private makeRoom(pos: number): void {
    const b = this.builder;
    const expected = this.expectedBytes;
    if (!this.sized && b.total === b.length && b.length >= SAMPLE_ROWS && expected > 0) {
      this.sized = true;
      const span = this.pushedBytes + pos - this.firstRowAt;
      const rows = span > 0 ? Math.ceil((1.02 * (expected - this.firstRowAt) * b.length) / span) + 1024 : 0;
      if (rows > 2 * b.customer.length) {
        b.resize(rows);
        return;
      }
    }
    b.reserve(b.length + 1);
  }

  record(s: CsvScanner, line: number): void {
    const b = this.builder;
    const row = b.rows++;
    const settings = this.settings;
    if (s.fieldCount !== s.width) {
      this.bad({ problem: 'fieldCount', line, row, column: '', value: s.fieldCount, detail: String(s.width) });
      return;
    }
    if (s.starts[0] === s.ends[0]) {
      this.bad({ problem: 'customer', line, row, column: this.names.customer, value: '' });
      return;
    }
    // The id is interned last, once the row is known to be good (a skipped row adds no customer).
    let bytes = s.bytes(1);
    let start = s.fieldStart(1);
    let end = s.fieldEnd(1);
    const t = readTimeCell(bytes, start, end, settings.zone, settings.timeZone, settings.epochScale);
    if (Number.isNaN(t)) {
      const value = shownText(bytes, start, end);
      this.bad({ problem: 'time', line, row, column: this.names.time, value, customer: s.text(0, SHOWN_BYTES) });
      return;
    }
    const date = isDateCell(bytes, start, end, settings.epochScale);
    let v = 0;
    if (b.value !== null) {
      bytes = s.bytes(2);
      start = s.fieldStart(2);
      end = s.fieldEnd(2);
      v = readValueCell(bytes, start, end);
      if (!(v - v === 0)) {
        const value = shownText(bytes, start, end);
        const column = this.names.value as string;
        const customer = s.text(0, SHOWN_BYTES);
        const detail = Number.isNaN(v) ? '' : 'overflow';
        this.bad({ problem: 'value', line, row, column, value, customer, detail });
        return;
      }
    }
    bytes = s.bytes(0);
    if (!date) b.timeOfDay = true;
    b.push(this.ids.code(bytes, s.fieldStart(0), s.fieldEnd(0)), t, v);
  }

  records(s: CsvScanner, batch: Int32Array, count: number): void {
    const b = this.builder;
    if (b.rows === 0 && count > 1) {
      // First batch: size the columns for the whole buffer from the bytes per record so far.
      const span = (batch[(count - 1) * s.stride + 2] as number) - (batch[2] as number);
      const bytes = this.expectedBytes > 0 ? this.expectedBytes : s.buffer.length;
      const rows = span > 0 ? Math.ceil((1.02 * bytes * (count - 1)) / span) + 1024 : 0;
      if (rows > b.customer.length) b.resize(rows);
    }
    b.reserve(b.length + count);
    const { customer, time, value } = b;
    const { zone, timeZone, epochScale } = this.settings;
    const ids = this.ids;
    const buf = s.buffer;
    const stride = s.stride;
    const width = s.width;
    let n = b.length;
    let lastStart = -1;
    let lastLength = -1;
    let lastCode = -1;
    let dates = !b.timeOfDay; // every kept time so far a calendar date (a local copy of the builder's flag)
    for (let r = 0, o = 0; r < count; r++, o += stride) {
      b.rows++;
      const idStart = batch[o + 2] as number;
      const idEnd = batch[o + 3] as number;
      if (batch[o + 1] !== width || idStart === idEnd) {
        b.length = n;
        this.slowRecord(s, batch, o);
        n = b.length;
        dates = !b.timeOfDay;
        continue;
      }
      const t = readTimeCell(buf, batch[o + 4] as number, batch[o + 5] as number, zone, timeZone, epochScale);
      let v = 0;
      if (value !== null) {
        v = readValueCell(buf, batch[o + 6] as number, batch[o + 7] as number);
        if (!(v - v === 0)) {
          b.length = n;
          this.slowRecord(s, batch, o);
          n = b.length;
          dates = !b.timeOfDay;
          continue;
        }
      }
      if (Number.isNaN(t)) {
        b.length = n;
        this.slowRecord(s, batch, o);
        n = b.length;
        dates = !b.timeOfDay;
        continue;
      }
      // Sorted logs repeat the previous row's customer: compare with it before hashing.
      let code = lastCode;
      if (idEnd - idStart !== lastLength || !sameBytes(buf, lastStart, idStart, lastLength)) {
        code = ids.code(buf, idStart, idEnd);
        lastStart = idStart;
        lastLength = idEnd - idStart;
        lastCode = code;
      }
      if (dates) {
        // isDateCell inlined: YYYY-MM-DD, or YYYYMMDD when digit cells are not epochs
        const ts = batch[o + 4] as number;
        const length = (batch[o + 5] as number) - ts;
        if (!((length === 10 && buf[ts + 4] === 45) || (length === 8 && epochScale === 0))) {
          dates = false;
          b.timeOfDay = true;
        }
      }
      customer[n] = code;
      time[n] = t;
      if (value !== null) value[n] = v;
      n++;
    }
    b.length = n;
  }

  /** A batch record with a problem, read again by {@link record} (which reports it). */
  private slowRecord(s: CsvScanner, batch: Int32Array, o: number): void {
    s.fieldCount = batch[o + 1] as number;
    for (let slot = 0; slot < 3; slot++) {
      s.starts[slot] = batch[o + 2 + 2 * slot] as number;
      s.ends[slot] = batch[o + 3 + 2 * slot] as number;
      s.escaped[slot] = 0;
    }
    this.builder.rows--;
    this.record(s, batch[o] as number);
  }

  malformed(problem: CsvSyntaxProblem, line: number, text: string): void {
    if (!this.scanner.hasHeader || problem === 'unclosedQuote') {
      this.settings.fail({ problem, line, row: -1, column: '', value: text });
    }
    this.bad({ problem, line, row: this.builder.rows++, column: '', value: text });
  }

  private bad(bad: Parameters<ReadSettings['fail']>[0]): void {
    if (!this.settings.skip) this.settings.fail(bad);
    this.builder.skipped++;
  }
}

/** Whether `buf[a, a + length)` and `buf[b, b + length)` hold the same bytes. */
function sameBytes(buf: Uint8Array, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (buf[a + k] !== buf[b + k]) return false;
  return true;
}
