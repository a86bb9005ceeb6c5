// Memory of the stream readers (issue 14: "a file larger than memory streams"; peak ≤ 2 × the columns plus a
// chunk or two). No RSS and no wall time here: the tests count what the reader holds. A log much larger than a
// byte budget is generated chunk by chunk and read without the whole text ever existing; the bytes of input the
// reader keeps between chunks stay within two chunks; the columns come out exact-length, and every block the
// builder set aside is released (detached) once it is copied into the joined columns.
import { describe, expect, it } from 'vitest';
import { readCsvLog } from '../../src/index.ts';
import { CsvLogReader } from '../../src/internal/io/csvLog.ts';
import { BLOCK_BYTES, LogBuilder } from '../../src/internal/io/logBuilder.ts';
import { letGo } from '../../src/internal/io/buffers.ts';
import { CSV_STREAM_KEYS, readReaderSetup } from '../../src/internal/io/settings.ts';

const encoder = new TextEncoder();
const CUSTOMERS = 5000;
const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);

/** Row `i` of the generated log: customer c(i mod 5000), one day per 1000 rows, value (i mod 997) / 4. */
function row(i: number): string {
  const t = new Date(T0 + Math.floor(i / 1000) * DAY + (i % 1000) * 1000).toISOString().slice(0, 19);
  return `c${i % CUSTOMERS},${t}Z,${(i % 997) / 4}\n`;
}

/** The log's chunks, each made when asked for: about `chunkBytes` each, never the whole text. */
function* chunks(rows: number, chunkBytes: number): Generator<Uint8Array> {
  yield encoder.encode('customer,at,amount\n');
  let text = '';
  for (let i = 0; i < rows; i++) {
    text += row(i);
    if (text.length >= chunkBytes) {
      // cut inside a row, so records are split across chunks
      const cut = chunkBytes - 7;
      yield encoder.encode(text.slice(0, cut));
      text = text.slice(cut);
    }
  }
  if (text.length > 0) yield encoder.encode(text);
}

const options = { customer: 'customer', time: 'at', value: 'amount' } as const;

describe('stream readers: memory', () => {
  it('a log 30 × larger than a 1 MiB budget streams: at most two chunks of input held, exact columns', () => {
    const rows = 1_000_000; // about 32 MB of text
    const chunkBytes = 64 * 1024;
    const budget = 1 << 20;
    const setup = readReaderSetup('readCsvLog', options, CSV_STREAM_KEYS);
    const reader = new CsvLogReader(setup.names, setup.delimiter, setup.settings);
    const scanner = reader.scanner as unknown as { pending: Uint8Array | null; pendingBytes: number };
    let total = 0;
    let maxHeld = 0;
    for (const chunk of chunks(rows, chunkBytes)) {
      reader.push(chunk);
      total += chunk.length;
      // input bytes the reader keeps after a push: the unfinished record (its parts, or its joined copy)
      maxHeld = Math.max(maxHeld, scanner.pendingBytes + (scanner.pending?.length ?? 0));
    }
    const log = reader.finish();
    expect(total).toBeGreaterThan(30 * budget);
    expect(maxHeld).toBeLessThanOrEqual(2 * chunkBytes);
    // exact-length columns, each in a buffer of its own size (no slack kept, no shared oversized buffer)
    expect(log.customer.length).toBe(rows);
    expect(log.customer.buffer.byteLength).toBe(4 * rows);
    expect(log.time.buffer.byteLength).toBe(8 * rows);
    expect(log.value?.buffer.byteLength).toBe(8 * rows);
    expect(log.customerIds.length).toBe(CUSTOMERS);
    // spot checks against the generator (independent arithmetic)
    for (const i of [0, 1, 4999, 5000, 123_457, rows - 1]) {
      expect(log.customerIds[log.customer[i] as number]).toBe(`c${i % CUSTOMERS}`);
      expect(log.time[i]).toBe(T0 + Math.floor(i / 1000) * DAY + (i % 1000) * 1000);
      expect(log.value?.[i]).toBe((i % 997) / 4);
    }
  });

  it('readCsvLog over a pulled web stream of many chunks, with and without sizeHint, gives the same columns', async () => {
    const rows = 200_000;
    const stream = (): { stream: ReadableStream<Uint8Array>; made: () => number } => {
      const it = chunks(rows, 16 * 1024);
      let made = 0;
      return {
        stream: new ReadableStream<Uint8Array>(
          {
            pull(controller) {
              const next = it.next();
              if (next.done === true) controller.close();
              else {
                made++;
                controller.enqueue(next.value);
              }
            },
          },
          { highWaterMark: 0 },
        ),
        made: () => made,
      };
    };
    let size = 0;
    for (const c of chunks(rows, 16 * 1024)) size += c.length;
    const a = stream();
    const plain = await readCsvLog(a.stream, options);
    const b = stream();
    const hinted = await readCsvLog(b.stream, { ...options, sizeHint: size });
    expect(a.made()).toBeGreaterThan(300);
    expect(plain.customer.length).toBe(rows);
    expect(Array.from(hinted.customer)).toEqual(Array.from(plain.customer));
    expect(Array.from(hinted.time)).toEqual(Array.from(plain.time));
    expect(Array.from(hinted.value ?? [])).toEqual(Array.from(plain.value ?? []));
    expect(hinted.customerIds).toEqual(plain.customerIds);
    // a wrong hint (far too small, far too large) changes nothing but memory
    for (const sizeHint of [100, 50 * size]) {
      const wrong = await readCsvLog(stream().stream, { ...options, sizeHint });
      expect(Array.from(wrong.time)).toEqual(Array.from(plain.time));
    }
  });

  it('sizeHint is checked at once', () => {
    expect(() => readCsvLog('a', { ...options, sizeHint: -1 })).toThrow(RangeError);
    expect(() => readCsvLog('a', { ...options, sizeHint: 1.5 })).toThrow(RangeError);
    expect(() => readCsvLog('a', { ...options, sizeHint: '9' as unknown as number })).toThrow(TypeError);
  });
});

describe('LogBuilder: blocks', () => {
  it('sets full buffers aside as blocks of BLOCK_BYTES, joins them exactly and frees each', () => {
    const rows = 4_500_000; // more than two blocks of 12-byte rows
    const b = new LogBuilder(false);
    const seen: ArrayBufferLike[] = [];
    for (let i = 0; i < rows; i++) {
      if (seen[seen.length - 1] !== b.time.buffer) seen.push(b.time.buffer);
      b.push(i % 7, i * 1000, 0);
    }
    expect(b.blockCount).toBe(2);
    // a block is one buffer of every column, of BLOCK_BYTES (above the C heaps' largest size)
    expect(b.time.buffer).toBe(b.customer.buffer);
    expect(b.time.buffer.byteLength).toBeGreaterThanOrEqual(BLOCK_BYTES - 24);
    expect(b.time.buffer.byteLength).toBeLessThanOrEqual(BLOCK_BYTES);
    const { customer, time, value } = b.columns();
    expect([customer.length, time.length, value]).toEqual([rows, rows, null]);
    expect([customer.buffer.byteLength, time.buffer.byteLength]).toEqual([4 * rows, 8 * rows]);
    for (const i of [0, 1, 65_535, 65_536, 3_000_000, 3_561_000, rows - 1]) {
      expect([customer[i], time[i]]).toEqual([i % 7, i * 1000]);
    }
    // every buffer the rows were written to is freed (detached where the runtime can detach)
    const detachable = (() => {
      const probe = new ArrayBuffer(8);
      letGo(probe);
      return probe.byteLength === 0;
    })();
    if (detachable) for (const buffer of seen) expect(buffer.byteLength).toBe(0);
    expect(b.total).toBe(0);
  });

  it('with values: blocks hold the three columns in one buffer, joined in order', () => {
    const rows = 2_200_000; // one block of 20-byte rows and a bit
    const b = new LogBuilder(true);
    for (let i = 0; i < rows; i++) b.push(i % 11, -i, i / 8);
    expect(b.blockCount).toBe(2);
    const { customer, time, value } = b.columns();
    for (const i of [0, 65_535, 65_536, 2_162_000, rows - 1]) {
      expect([customer[i], time[i], value?.[i]]).toEqual([i % 11, -i, i / 8]);
    }
  });

  it('a small log without blocks is a trimmed copy of its buffers', () => {
    const b = new LogBuilder(false);
    for (let i = 0; i < 10; i++) b.push(0, i, 0);
    const { time, value } = b.columns();
    expect(Array.from(time)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(value).toBeNull();
  });
});
