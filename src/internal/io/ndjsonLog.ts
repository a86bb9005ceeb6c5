/**
 * NDJSON event logs into columns: one JSON object per line (LF or CRLF; blank lines are skipped), read at the
 * byte level without building an object per line. The scanner walks the top-level keys of each object and
 * keeps the byte range of the three it needs; other values are skipped (strings, numbers, literals, nested
 * arrays and objects), not validated. A customer id is a JSON string or number (`1` and `"1"` are different
 * customers, as everywhere in the library), a time a JSON number (epoch ms, or seconds by option) or an ISO
 * 8601 string, a value a JSON number.
 * @internal
 * @module
 */
import type { CustomerId } from '../../types.ts';
import { IdDictionary } from './idDictionary.ts';
import {
  LogBuilder,
  type BadRow,
  type LogColumnNames,
  type LogReader,
  type ReadResult,
  type ReadSettings,
  isDateCell,
  readTimeCell,
  SHOWN_BYTES,
  shownText,
} from './logBuilder.ts';
import { parseNumberBytes } from './numberBytes.ts';
import { decodeUtf8, encodeUtf8 } from './utf8.ts';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const BACKSLASH = 92;

/** Kind of a value token. */
const NONE = 0;
const STRING = 1;
const NUMBER = 2;
const OTHER = 3;

function isSpace(b: number): boolean {
  return b === 32 || b === 9 || b === CR || b === LF;
}

/** Reads an NDJSON event log pushed in chunks. */
export class NdjsonLogReader implements LogReader {
  readonly builder: LogBuilder;
  /** Customer id of each code. */
  readonly ids: CustomerId[] = [];
  private readonly stringIds = new IdDictionary();
  private stringCodes = new Int32Array(1024);
  private readonly numberCodes = new Map<number, number>();
  private readonly names: LogColumnNames;
  private readonly keys: Uint8Array[];
  private readonly settings: ReadSettings;
  /** Accept numeric strings as values and digit-only strings as epochs (the command-line tool's leniency). */
  private readonly textNumbers: boolean;
  private readonly kinds = new Int8Array(3);
  private readonly starts = new Int32Array(3);
  private readonly ends = new Int32Array(3);
  private readonly escapes = new Uint8Array(3);
  private pendingParts: Uint8Array[] = [];
  /** Whether the time cell last read by timeOf was a calendar date. */
  private timeIsDate = false;
  private pendingBytes = 0;
  private line = 0;
  private started = false;

  constructor(names: LogColumnNames, settings: ReadSettings, textNumbers = false) {
    this.names = names;
    this.settings = settings;
    this.textNumbers = textNumbers;
    this.builder = new LogBuilder(names.value !== undefined);
    this.keys = [names.customer, names.time, names.value ?? ''].map((k) => encodeUtf8(JSON.stringify(k)));
  }

  /** Reads the complete lines of a chunk, keeping the unfinished last one. */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    let from = 0;
    let last = chunk.lastIndexOf(LF);
    if (last === -1) {
      this.pendingParts.push(chunk);
      this.pendingBytes += chunk.length;
      return;
    }
    let buffer = chunk;
    if (this.pendingBytes > 0) {
      // Join the unfinished line with this chunk's first line only.
      const first = chunk.indexOf(LF);
      const joined = this.join(chunk.subarray(0, first + 1));
      this.lines(joined, 0, joined.length);
      from = first + 1;
    }
    if (from <= last) this.lines(buffer, from, last + 1);
    last++;
    if (last < chunk.length) {
      buffer = chunk.slice(last);
      this.pendingParts.push(buffer);
      this.pendingBytes += buffer.length;
    }
  }

  /** Reads the last line; returns the columns. */
  finish(): ReadResult {
    if (this.pendingBytes > 0) {
      const rest = this.join(new Uint8Array(0));
      this.lines(rest, 0, rest.length);
    }
    const dateOnly = this.builder.total > 0 && !this.builder.timeOfDay;
    const { customer, time, value } = this.builder.columns();
    return { customer, customerIds: this.ids, time, value, skippedRows: this.builder.skipped, dateOnly };
  }

  private join(tail: Uint8Array): Uint8Array {
    const joined = new Uint8Array(this.pendingBytes + tail.length);
    let at = 0;
    for (const part of this.pendingParts) {
      joined.set(part, at);
      at += part.length;
    }
    joined.set(tail, at);
    this.pendingParts = [];
    this.pendingBytes = 0;
    return joined;
  }

  private lines(buf: Uint8Array, from: number, to: number): void {
    let i = from;
    if (!this.started) {
      this.started = true;
      if (buf[i] === 0xef && buf[i + 1] === 0xbb && buf[i + 2] === 0xbf) i += 3;
    }
    while (i < to) {
      let nl = buf.indexOf(LF, i);
      if (nl === -1 || nl >= to) nl = to;
      this.line++;
      this.object(buf, i, nl);
      i = nl + 1;
    }
  }

  /** Reads one line `buf[from, to)`. */
  private object(buf: Uint8Array, from: number, to: number): void {
    let i = from;
    while (i < to && isSpace(buf[i] as number)) i++;
    if (i === to) return;
    const line = this.line;
    const b = this.builder;
    const row = b.rows++;
    if (buf[i] !== 123) {
      this.bad({ problem: 'notObject', line, row, column: '', value: shownText(buf, i, to).trimEnd() });
      return;
    }
    const kinds = this.kinds;
    kinds.fill(NONE);
    i = this.members(buf, i + 1, to);
    if (i < 0) {
      this.bad({ problem: 'json', line, row, column: '', value: shownText(buf, from, to).trimEnd() });
      return;
    }
    for (let slot = 0; slot < 3; slot++) {
      if (slot === 2 && b.value === null) break;
      if (kinds[slot] === NONE) {
        const column = slot === 0 ? this.names.customer : slot === 1 ? this.names.time : (this.names.value as string);
        this.bad({ problem: 'missingField', line, row, column, detail: this.keysOf(buf, from, to) });
        return;
      }
    }
    // The id is interned last, once the row is known to be good (a skipped row adds no customer).
    if (!this.validCustomer(buf)) {
      this.bad({ problem: 'customer', line, row, column: this.names.customer, value: this.shown(buf, 0) });
      return;
    }
    const t = this.timeOf(buf);
    if (Number.isNaN(t)) {
      const customer = this.shownId(buf);
      this.bad({ problem: 'time', line, row, column: this.names.time, value: this.shown(buf, 1), customer });
      return;
    }
    let v = 0;
    if (b.value !== null) {
      v = this.numberOf(buf, 2);
      if (!(v - v === 0)) {
        const column = this.names.value as string;
        const detail = Number.isNaN(v) ? '' : 'overflow';
        const customer = this.shownId(buf);
        this.bad({ problem: 'value', line, row, column, value: this.shown(buf, 2), customer, detail });
        return;
      }
    }
    if (!this.timeIsDate) b.timeOfDay = true;
    b.push(this.customerCode(buf), t, v);
  }

  /** Scans the members of an object after its `{`; returns the position after the line's end, or −1. */
  private members(buf: Uint8Array, i: number, to: number): number {
    const keys = this.keys;
    let first = true;
    for (;;) {
      while (i < to && isSpace(buf[i] as number)) i++;
      if (i === to) return -1;
      if (first && buf[i] === 125) break;
      first = false;
      if (buf[i] !== QUOTE) return -1;
      const keyStart = i;
      i = this.skipString(buf, i, to);
      if (i < 0) return -1;
      let slot = -1;
      for (let k = 0; k < 3; k++) if (sameBytes(buf, keyStart, i, keys[k] as Uint8Array)) slot = k;
      if (slot < 0 && this.hasEscape(buf, keyStart, i)) slot = this.escapedKeySlot(buf, keyStart, i);
      while (i < to && isSpace(buf[i] as number)) i++;
      if (buf[i] !== 58) return -1;
      i++;
      while (i < to && isSpace(buf[i] as number)) i++;
      if (i === to) return -1;
      const valueStart = i;
      const c = buf[i] as number;
      let kind = OTHER;
      if (c === QUOTE) {
        kind = STRING;
        i = this.skipString(buf, i, to);
      } else if (c === 45 || (c >= 48 && c <= 57)) {
        kind = NUMBER;
        while (i < to && !isSpace(buf[i] as number) && buf[i] !== 44 && buf[i] !== 125) i++;
      } else if (c === 123 || c === 91) i = this.skipNested(buf, i, to);
      else {
        while (i < to && (buf[i] as number) >= 97 && (buf[i] as number) <= 122) i++;
        if (!literal(buf, valueStart, i)) return -1;
      }
      if (i < 0) return -1;
      if (slot >= 0) {
        this.kinds[slot] = kind;
        this.starts[slot] = kind === STRING ? valueStart + 1 : valueStart;
        this.ends[slot] = kind === STRING ? i - 1 : i;
        this.escapes[slot] = kind === STRING && this.hasEscape(buf, valueStart, i) ? 1 : 0;
      }
      while (i < to && isSpace(buf[i] as number)) i++;
      if (buf[i] === 44) {
        i++;
        continue;
      }
      if (buf[i] === 125) break;
      return -1;
    }
    i++;
    while (i < to && isSpace(buf[i] as number)) i++;
    return i === to ? i : -1;
  }

  /** Position after the JSON string starting at `buf[i]` (a quote), or −1. */
  private skipString(buf: Uint8Array, i: number, to: number): number {
    for (i++; i < to; i++) {
      const c = buf[i] as number;
      if (c === QUOTE) return i + 1;
      if (c === BACKSLASH) i++;
      else if (c < 32) return -1;
    }
    return -1;
  }

  /** Position after the array or object starting at `buf[i]`, or −1 (strings inside are skipped whole). */
  private skipNested(buf: Uint8Array, i: number, to: number): number {
    let depth = 0;
    for (; i < to; i++) {
      const c = buf[i] as number;
      if (c === QUOTE) {
        i = this.skipString(buf, i, to) - 1;
        if (i < 0) return -1;
      } else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return -1;
  }

  private hasEscape(buf: Uint8Array, from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (buf[k] === BACKSLASH) return true;
    return false;
  }

  private escapedKeySlot(buf: Uint8Array, from: number, to: number): number {
    const key = this.jsonText(buf, from, to);
    if (key === this.names.customer) return 0;
    if (key === this.names.time) return 1;
    return key === this.names.value ? 2 : -1;
  }

  /** JSON.parse of the token `buf[from, to)`, or undefined when it is not valid JSON. */
  private jsonText(buf: Uint8Array, from: number, to: number): unknown {
    try {
      return JSON.parse(decodeUtf8(buf, from, to));
    } catch {
      return undefined;
    }
  }

  /** The string value of `slot` as bytes (unescaped when needed) in `[0, length)` or the buffer range. */
  private stringBytes(buf: Uint8Array, slot: number): [Uint8Array, number, number] | null {
    const from = this.starts[slot] as number;
    const to = this.ends[slot] as number;
    if (this.escapes[slot] === 0) return [buf, from, to];
    const text = this.jsonText(buf, from - 1, to + 1);
    if (typeof text !== 'string') return null;
    const bytes = encodeUtf8(text);
    return [bytes, 0, bytes.length];
  }

  /** Whether the customer value is a non-empty string or a finite number. */
  private validCustomer(buf: Uint8Array): boolean {
    const kind = this.kinds[0];
    if (kind === STRING) {
      if (this.escapes[0] === 1) {
        const text = this.jsonText(buf, (this.starts[0] as number) - 1, (this.ends[0] as number) + 1);
        return typeof text === 'string' && text !== '';
      }
      return (this.starts[0] as number) < (this.ends[0] as number);
    }
    if (kind !== NUMBER) return false;
    const id = parseNumberBytes(buf, this.starts[0] as number, this.ends[0] as number);
    return id - id === 0;
  }

  /** The customer id of a row with a valid one (see {@link validCustomer}), for an error. */
  private shownId(buf: Uint8Array): CustomerId {
    const id = this.shown(buf, 0);
    return typeof id === 'string' || typeof id === 'number' ? id : '';
  }

  /** Code of the (valid) customer id, adding it when new. */
  private customerCode(buf: Uint8Array): number {
    if (this.kinds[0] === STRING) {
      const range = this.stringBytes(buf, 0) as [Uint8Array, number, number];
      const before = this.stringIds.size;
      const local = this.stringIds.code(range[0], range[1], range[2]);
      if (local < before) return this.stringCodes[local] as number;
      if (local === this.stringCodes.length) {
        const grown = new Int32Array(local * 2);
        grown.set(this.stringCodes);
        this.stringCodes = grown;
      }
      const code = this.ids.length;
      this.stringCodes[local] = code;
      this.ids.push(this.stringIds.ids[local] as string);
      return code;
    }
    const id = parseNumberBytes(buf, this.starts[0] as number, this.ends[0] as number);
    const key = id === 0 ? 0 : id;
    let code = this.numberCodes.get(key);
    if (code === undefined) {
      code = this.ids.length;
      this.numberCodes.set(key, code);
      this.ids.push(key);
    }
    return code;
  }

  private timeOf(buf: Uint8Array): number {
    const { settings } = this;
    this.timeIsDate = false;
    if (this.kinds[1] === NUMBER) {
      const t = parseNumberBytes(buf, this.starts[1] as number, this.ends[1] as number);
      const ms = settings.epochScale === 0 ? t : t * settings.epochScale;
      return Math.abs(ms) <= 8.64e15 ? ms : Number.NaN;
    }
    if (this.kinds[1] !== STRING) return Number.NaN;
    const range = this.stringBytes(buf, 1);
    if (range === null) return Number.NaN;
    const scale = settings.epochScale === 0 && this.textNumbers ? 1 : settings.epochScale;
    this.timeIsDate = isDateCell(range[0], range[1], range[2], scale);
    return readTimeCell(range[0], range[1], range[2], settings.zone, settings.timeZone, scale);
  }

  private numberOf(buf: Uint8Array, slot: number): number {
    const kind = this.kinds[slot];
    if (kind === NUMBER) return parseNumberBytes(buf, this.starts[slot] as number, this.ends[slot] as number);
    if (kind === STRING && this.textNumbers && this.escapes[slot] === 0) {
      let from = this.starts[slot] as number;
      let to = this.ends[slot] as number;
      while (from < to && (buf[from] === 32 || buf[from] === 9)) from++;
      while (to > from && (buf[to - 1] === 32 || buf[to - 1] === 9)) to--;
      return parseNumberBytes(buf, from, to);
    }
    return Number.NaN;
  }

  /** The value of `slot` for an error: the JSON value (strings cut to 64 bytes). */
  private shown(buf: Uint8Array, slot: number): unknown {
    const from = this.starts[slot] as number;
    const to = this.ends[slot] as number;
    if (this.kinds[slot] === STRING) return shownText(buf, from, to);
    if (to - from > SHOWN_BYTES) return shownText(buf, from, to);
    const value = this.jsonText(buf, from, to);
    return value === undefined ? shownText(buf, from, to) : value;
  }

  private keysOf(buf: Uint8Array, from: number, to: number): string {
    const value = to - from > 1 << 16 ? undefined : this.jsonText(buf, from, to);
    return value !== null && typeof value === 'object' ? Object.keys(value).join('\u0000') : '';
  }

  private bad(bad: BadRow): void {
    if (!this.settings.skip) this.settings.fail(bad);
    this.builder.skipped++;
  }
}

function sameBytes(buf: Uint8Array, from: number, to: number, key: Uint8Array): boolean {
  if (to - from !== key.length) return false;
  for (let k = 0; k < key.length; k++) if (buf[from + k] !== key[k]) return false;
  return true;
}

function literal(buf: Uint8Array, from: number, to: number): boolean {
  const n = to - from;
  const c = buf[from];
  if (n === 4) return (c === 116 && buf[from + 1] === 114) || (c === 110 && buf[from + 1] === 117);
  return n === 5 && c === 102 && buf[from + 1] === 97;
}
