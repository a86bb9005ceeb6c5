import { describe, expect, it } from 'vitest';
import { parseNdjsonLog, readCsvLog, readNdjsonLog, rfmSummary } from 'loyalty-metrics';
import { thrown } from '../helpers/expectClose.ts';

const names = { customer: 'id', time: 'at' } as const;
const utc = (iso: string): number => Date.parse(iso);

describe('parseNdjsonLog', () => {
  it('reads string and number ids, ISO and epoch times, and values', () => {
    const text = [
      '{"id":"ann","at":"2024-01-01","v":10}',
      '{ "v" : 2.5 , "at" : 86400000 , "id" : 7 , "other": {"nested": [1, "}"]} }',
      '{"id":"7","at":"20240102T120000Z","v":-1e2}',
      '{"id":7.0,"at":"2024-01-03T00:00:00+01:00","v":0}',
    ].join('\r\n');
    const log = parseNdjsonLog(text, { ...names, value: 'v' });
    // 1 and "1" are different customers; 7 and 7.0 the same number
    expect(log.customerIds).toEqual(['ann', 7, '7']);
    expect(Array.from(log.customer)).toEqual([0, 1, 2, 1]);
    expect(Array.from(log.time)).toEqual([
      utc('2024-01-01T00:00:00Z'),
      86_400_000,
      utc('2024-01-02T12:00:00Z'),
      utc('2024-01-02T23:00:00Z'),
    ]);
    expect(Array.from(log.value ?? [])).toEqual([10, 2.5, -100, 0]);
  });

  it('reads escaped strings and keys', () => {
    const log = parseNdjsonLog('{"\\u0069d":"a\\"b\\u00e9","at":"2024-01-01"}\n', names);
    expect(log.customerIds).toEqual(['a"bé']);
  });

  it('reads epoch seconds by option', () => {
    const log = parseNdjsonLog('{"id":"a","at":86400}\n{"id":"a","at":"86400"}\n', { ...names, epoch: 'seconds' });
    expect(Array.from(log.time)).toEqual([86_400_000, 86_400_000]);
  });

  it('skips blank lines and a byte-order mark; an empty input has no rows', () => {
    const log = parseNdjsonLog('\uFEFF\n  \n{"id":"a","at":0}\n\n', names);
    expect(log.customerIds).toEqual(['a']);
    expect(parseNdjsonLog('', names).customer).toHaveLength(0);
  });

  it('throws for a bad line, naming it, and skips it by option', () => {
    const text =
      '{"id":"a","at":0}\n[1]\n{"id":"b"}\n{"id":"c","at":"soon"}\n{"id":"","at":0}\n{"id":"d","at":0,}\n{"id":true,"at":0}\n{"id":"e","at":1}\n';
    const error = thrown(() => parseNdjsonLog(text, names));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('parseNdjsonLog: line 2: expected a JSON object, got "[1]"');
    expect(error).toMatchObject({ function: 'parseNdjsonLog', row: 1, line: 2 });
    const lines = text.trim().split('\n');
    const messages = lines.slice(2, 7).map((line) => thrown(() => parseNdjsonLog(line, names)).message);
    expect(messages).toEqual([
      'parseNdjsonLog: line 1, column "at": no field "at" (fields: "id")',
      'parseNdjsonLog: line 1, column "at": "soon" is not a valid date (ISO 8601, e.g. 2024-03-05, 2024-03-05T14:30:00Z or 20240305T143000Z)',
      'parseNdjsonLog: line 1, column "id": customer id must be a non-empty string, got ""',
      'parseNdjsonLog: line 1: not valid JSON: "{\\"id\\":\\"d\\",\\"at\\":0,}"',
      'parseNdjsonLog: line 1, column "id": customer id must be a non-empty string or a finite number, got true',
    ]);
    const log = parseNdjsonLog(text, { ...names, onBadRow: 'skip' });
    expect(log.customerIds).toEqual(['a', 'e']);
    expect(log.skippedRows).toBe(6);
  });

  it('does not coerce a string value', () => {
    const error = thrown(() => parseNdjsonLog('{"id":"a","at":0,"v":"20"}', { ...names, value: 'v' }));
    expect(error.message).toBe('parseNdjsonLog: line 1, column "v": value must be a number, got "20"');
  });

  it('gives rfmSummary the same answer as the rows it came from', () => {
    const rows = [
      { id: 'a', at: '2024-01-01', v: 5 },
      { id: 'b', at: '2024-01-03', v: 1 },
      { id: 'a', at: '2024-01-11', v: 30 },
    ];
    const log = parseNdjsonLog(rows.map((r) => JSON.stringify(r)).join('\n'), { ...names, value: 'v' });
    const fromRows = rfmSummary(rows, { customer: 'id', time: 'at', value: 'v' });
    expect(rfmSummary(log).map((r) => ({ ...r, customer: log.customerIds[r.customer as number] }))).toEqual(fromRows);
  });
});

describe('readCsvLog and readNdjsonLog', () => {
  const csv = 'id,at,v\na,2024-01-01,1\n"b\r\nc",2024-01-02,2\n';
  const bytes = new TextEncoder().encode(csv);

  it('read a web ReadableStream, an async iterable of bytes or strings, a string and bytes alike', async () => {
    const expected = await readCsvLog(csv, { ...names, value: 'v' });
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const b of bytes) controller.enqueue(new Uint8Array([b]));
        controller.close();
      },
    });
    async function* pieces(): AsyncGenerator<Uint8Array | string> {
      yield bytes.subarray(0, 7);
      yield csv.slice(7, 20);
      yield bytes.subarray(new TextEncoder().encode(csv.slice(0, 20)).length);
    }
    for (const input of [web, pieces(), bytes]) {
      expect(await readCsvLog(input, { ...names, value: 'v' })).toEqual(expected);
    }
    expect(expected?.customerIds).toEqual(['a', 'b\r\nc']);
  });

  it('read a Node stream without importing node:stream', async () => {
    const { Readable } = await import('node:stream');
    const log = await readNdjsonLog(
      Readable.from([Buffer.from('{"id":"a","at":0}\n{"id"'), Buffer.from(':"b","at":1}')]),
      names,
    );
    expect(log.customerIds).toEqual(['a', 'b']);
  });

  it('reject for bad data and throw at once for bad options or input', async () => {
    await expect(readCsvLog('id,at\na,soon\n', names)).rejects.toThrow(TypeError);
    expect(() => readCsvLog('id,at\n', { customer: 'id' } as never)).toThrow(TypeError);
    expect(() => readNdjsonLog(42 as never, names)).toThrow(TypeError);
    async function* numbers(): AsyncGenerator<unknown> {
      yield 42;
    }
    await expect(readCsvLog(numbers() as never, names)).rejects.toThrow(TypeError);
  });
});
