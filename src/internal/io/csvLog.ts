/**
 * CSV event logs into columns: the header names the columns, each data record gives one row (customer code,
 * epoch-ms time, optional value), read from the bytes of its fields by the {@link CsvScanner}.
 * @internal
 * @module
 */
import { CsvScanner, type CsvConsumer, type CsvSyntaxProblem } from './csvScanner.ts';
import { IdDictionary } from './idDictionary.ts';
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

/** Reads a CSV event log pushed in chunks. */
export class CsvLogReader implements CsvConsumer, LogReader {
  readonly builder: LogBuilder;
  readonly ids: IdDictionary = new IdDictionary();
  readonly scanner: CsvScanner;
  private readonly names: LogColumnNames;
  private readonly settings: ReadSettings;

  constructor(names: LogColumnNames, delimiter: number, settings: ReadSettings) {
    this.names = names;
    this.settings = settings;
    this.builder = new LogBuilder(names.value !== undefined);
    this.scanner = new CsvScanner(delimiter, this, 3);
  }

  /** Reads a chunk. */
  push(chunk: Uint8Array): void {
    this.scanner.push(chunk);
  }

  /** Ends the input; a CSV input without a header line is an error. */
  finish(): ReadResult {
    this.scanner.end();
    if (!this.scanner.hasHeader) this.settings.fail({ problem: 'empty', line: 1, row: -1, column: '' });
    const { customer, time, value } = this.builder.columns();
    const dateOnly = this.builder.length > 0 && !this.builder.timeOfDay;
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
    return slots;
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
      if (span > 0) b.reserve(Math.ceil((1.02 * s.buffer.length * (count - 1)) / span) + 1024);
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
