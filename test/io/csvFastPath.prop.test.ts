// The CSV reader's fast path (CsvLogReader.fast: one pass over the bytes, fixed ISO times, simple decimals,
// ids looked up by words) against the general path of the same reader (the scanner's records, readTimeCell,
// readValueCell, IdDictionary.code), which the other reader tests check against the library's own parsers:
// the columns, the dictionary, the skipped count and every error must be the same bit for bit, whatever the
// chunks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvLogReader } from '../../src/internal/io/csvLog.ts';
import { CSV_KEYS, readReaderSetup } from '../../src/internal/io/settings.ts';
import type { ReadResult } from '../../src/internal/io/logBuilder.ts';

const encoder = new TextEncoder();

interface Read {
  readonly result?: ReadResult;
  readonly error?: { message: string; line: unknown; column: unknown; row: unknown };
}

/** Reads `bytes` cut at `cuts` (sorted offsets), with or without the fast path; `expect` tells the size. */
function read(bytes: Uint8Array, options: object, fast: boolean, cuts: readonly number[] = [], expect = false): Read {
  const setup = readReaderSetup('parseCsvLog', options, CSV_KEYS);
  const reader = new CsvLogReader(setup.names, setup.delimiter, setup.settings, fast);
  if (expect) reader.expect(bytes.length);
  try {
    let from = 0;
    for (const cut of [...cuts, bytes.length]) {
      if (cut > from) reader.push(bytes.subarray(from, cut));
      from = Math.max(from, cut);
    }
    return { result: reader.finish() };
  } catch (e) {
    const error = e as Error & { line?: unknown; column?: unknown; row?: unknown };
    return { error: { message: error.message, line: error.line, column: error.column, row: error.row } };
  }
}

/** The two reads are the same: equal ids and codes, the same bytes of times and values, the same error. */
function same(a: Read, b: Read): void {
  expect(a.error).toEqual(b.error);
  if (a.result === undefined || b.result === undefined) return;
  const x = a.result;
  const y = b.result;
  expect(x.customerIds.join('\u0001')).toBe(y.customerIds.join('\u0001'));
  expect(x.customerIds.length).toBe(y.customerIds.length);
  expect(sameBytes(x.customer, y.customer)).toBe(true);
  expect(sameBytes(x.time, y.time)).toBe(true);
  expect(x.value === null).toBe(y.value === null);
  if (x.value !== null && y.value !== null) expect(sameBytes(x.value, y.value)).toBe(true);
  expect(x.skippedRows).toBe(y.skippedRows);
  expect(x.dateOnly).toBe(y.dateOnly);
}

/** Whether two typed arrays hold the same bytes (times compared bit for bit, -0 and NaN included). */
function sameBytes(a: Int32Array | Float64Array, b: Int32Array | Float64Array): boolean {
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Ids: short, exactly 4/8/12/13 bytes, long, UTF-8, with a NUL or a trailing NUL, with delimiters and quotes. */
const idText = fc.oneof(
  fc.constantFrom('a', 'a\u0000', 'ab', 'abcd', 'abcd\u0000', 'abcdefgh', 'abcdefghijkl', 'abcdefghijklm'),
  fc.constantFrom('abcdefghijklmn', 'abcdefghijkl\u0000', 'é', 'ünïcødé-id', '顧客', 'x,y', 'say "hi"', ''),
  fc.integer({ min: 0, max: 40 }).map((n) => `c${n}`),
  fc.string({ minLength: 0, maxLength: 20 }),
);

/** Times: the fast forms, their near misses and every other form the general path reads (or rejects). */
const timeText = fc.oneof(
  fc
    .record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 24 }),
      minute: fc.integer({ min: 0, max: 60 }),
      second: fc.integer({ min: 0, max: 60 }),
      form: fc.constantFrom('date', 'local', 'Z', 'z', 'space', 'offset', 'fraction', 'basic', 'minutes'),
    })
    .map(({ year, month, day, hour, minute, second, form }) => {
      const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
      const clock = `${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}`;
      switch (form) {
        case 'date':
          return date;
        case 'local':
          return `${date}T${clock}`;
        case 'Z':
          return `${date}T${clock}Z`;
        case 'z':
          return `${date}T${clock}z`;
        case 'space':
          return `${date} ${clock}`;
        case 'offset':
          return `${date}T${clock}+02:00`;
        case 'fraction':
          return `${date}T${clock}.250Z`;
        case 'minutes':
          return `${date}T${pad(hour, 2)}:${pad(minute, 2)}`;
        default:
          return `${date.replaceAll('-', '')}T${clock.replaceAll(':', '')}Z`;
      }
    }),
  fc.constantFrom('2024-03-05T14:30:07Z', '2024-03-31T02:30:00', '2024-10-27T03:30:00', '2024-02-29', '2023-02-29'),
  fc.constantFrom('+002024-03-05', '1709649007', '1709649007000', '-86400', '12.5', '20240305', ' 2024-03-05', ''),
  fc.constantFrom('2024-03-05T14:30:07Zx', '2024-03-05T14:30:07ZZ', '2024-03-05T1:30:07Z', '2024-3-05', 'soon'),
  fc.string({ minLength: 0, maxLength: 22 }),
);

/** Values: the fast decimals, 15 and 16 digits, and every other form (or a bad one). */
const valueText = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((c) => (c / 100).toFixed(2)),
  fc.constantFrom('0', '-0', '5.', '.5', '-.5', '007', '123456789012345', '1234567890123456', '0.000000000000001'),
  fc.constantFrom('1e3', '+3', ' 4 ', '\t4', '1e999', '', '-', '.', 'abc', '1,5', '12.5.1', '９'),
  fc.double({ noNaN: true }).map(String),
);

const lineEnd = fc.constantFrom('\n', '\r\n', '\r');

/** A random CSV log: column order, extra column, delimiter, quoting, line ends, empty lines, bad rows. */
const csvLog = fc
  .record({
    order: fc.constantFrom([0, 1, 2], [1, 0, 2], [2, 1, 0], [0, 2, 1, 3], [3, 0, 1, 2], [0, 1], [1, 0]),
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    bom: fc.boolean(),
    rows: fc.array(
      fc.record({
        id: idText,
        time: timeText,
        value: valueText,
        note: fc.constantFrom('', 'x', '"quoted, note"', 'a "b"'),
        quote: fc.constantFrom(-1, -1, -1, 0, 1, 2),
        end: lineEnd,
        extra: fc.constantFrom(0, 0, 0, 0, 0, 0, 1, -1),
        blank: fc.constantFrom(false, false, false, false, true),
      }),
      { maxLength: 12 },
    ),
    last: fc.boolean(),
    zone: fc.constantFrom('UTC', 'Europe/Bucharest', 'America/New_York'),
    epoch: fc.constantFrom(undefined, 'seconds', 'milliseconds'),
    skip: fc.boolean(),
  })
  .map((g) => {
    const names = ['id', 'at', 'amount', 'note'];
    const d = g.delimiter;
    const field = (text: string, quoted: boolean): string => {
      const needs = text.includes(d) || text.includes('"') || text.includes('\n') || text.includes('\r');
      return quoted || needs ? `"${text.replaceAll('"', '""')}"` : text;
    };
    let text = (g.bom ? '\uFEFF' : '') + g.order.map((k) => names[k]).join(d);
    text += '\n';
    g.rows.forEach((r, i) => {
      if (r.blank) text += r.end;
      const cells = [r.id, r.time, r.value, r.note];
      let fields = g.order.map((k) => field(cells[k] as string, r.quote === k));
      if (r.extra > 0) fields = [...fields, 'extra'];
      if (r.extra < 0) fields = fields.slice(0, -1);
      text += fields.join(d);
      if (i < g.rows.length - 1 || g.last) text += r.end;
    });
    const hasValue = (g.order as readonly number[]).includes(2);
    const options = {
      customer: 'id',
      time: 'at',
      ...(hasValue ? { value: 'amount' } : {}),
      delimiter: d,
      timeZone: g.zone,
      ...(g.epoch === undefined ? {} : { epoch: g.epoch }),
      onBadRow: g.skip ? 'skip' : 'throw',
    };
    return { bytes: encoder.encode(text), options };
  });

describe('CSV fast path', () => {
  it('agrees with the general path bit for bit on random logs, one-shot and in random chunks', () => {
    fc.assert(
      fc.property(csvLog, fc.array(fc.nat(), { maxLength: 6 }), ({ bytes, options }, raw) => {
        const general = read(bytes, options, false);
        same(read(bytes, options, true), general);
        same(read(bytes, options, true, [], true), general);
        const cuts = raw.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b);
        same(read(bytes, options, true, cuts), general);
      }),
      { numRuns: 1500 },
    );
  });

  it('agrees with the general path whatever byte a chunk ends at (small logs)', () => {
    fc.assert(
      fc.property(csvLog, ({ bytes, options }) => {
        const general = read(bytes, options, false);
        for (let k = 0; k <= bytes.length; k++) same(read(bytes, options, true, [k]), general);
      }),
      { numRuns: 150 },
    );
  });

  it('reads a log larger than its first buffers the same, in chunks, with and without the size', () => {
    const lines = ['customer_id,ordered_at,amount'];
    for (let i = 0; i < 10_000; i++) {
      const day = pad(1 + (i % 28), 2);
      const id = i % 7 === 0 ? `customer-with-a-long-id-${i % 5000}` : `c${(i * 7919) % 9000}`;
      const time = i % 11 === 0 ? `2024-02-${day}` : `2024-03-${day}T${pad(i % 24, 2)}:${pad(i % 60, 2)}:07Z`;
      lines.push(`${id},${time},${(i % 1000) / 4}`);
      if (i === 7_000) lines.push('"quoted",2024-03-05,1');
    }
    const bytes = encoder.encode(`${lines.join('\r\n')}\r\n`);
    const options = { customer: 'customer_id', time: 'ordered_at', value: 'amount' };
    const general = read(bytes, options, false);
    expect(general.result?.customer.length).toBe(10_001);
    const cuts = Array.from({ length: Math.floor(bytes.length / 997) }, (_v, k) => (k + 1) * 997);
    same(read(bytes, options, true), general);
    same(read(bytes, options, true, [], true), general);
    same(read(bytes, options, true, cuts), general);
    same(read(bytes, options, true, cuts, true), general);
  });
});
