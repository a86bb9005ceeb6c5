import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvLog, parseNdjsonLog, readCsvLog, readNdjsonLog } from 'loyalty-metrics';
import { parseNumberBytes } from '../../src/internal/io/numberBytes.ts';
import { parseIsoBytes } from '../../src/internal/io/timeBytes.ts';
import { toEpochMs } from '../../src/internal/time/parse.ts';
import { zoneData } from '../../src/internal/time/zones.ts';

const encoder = new TextEncoder();
const ZONES = ['UTC', 'Europe/Bucharest', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'] as const;

/** The library's parser, NaN where it throws. */
function library(text: string, zone: string): number {
  try {
    return toEpochMs('f', text, 'time', zone);
  } catch {
    return Number.NaN;
  }
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** ISO 8601 extended strings near and beyond the valid ranges (month 0–13, day 0–32, hour 0–24, …). */
const isoText = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    time: fc.option(
      fc.record({
        sep: fc.constantFrom('T', ' ', 't'),
        hour: fc.integer({ min: 0, max: 24 }),
        minute: fc.integer({ min: 0, max: 60 }),
        second: fc.option(fc.integer({ min: 0, max: 60 })),
        fraction: fc.option(fc.stringMatching(/^[.,]\d{0,10}$/)),
        offset: fc.option(fc.oneof(fc.constantFrom('Z', 'z', '+', '-0'), fc.stringMatching(/^[+-]\d{2}(:?\d{2})?$/))),
      }),
    ),
  })
  .map(({ year, month, day, time }) => {
    let text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
    if (time === null) return text;
    text += `${time.sep}${pad(time.hour, 2)}:${pad(time.minute, 2)}`;
    if (time.second !== null) text += `:${pad(time.second, 2)}${time.fraction ?? ''}`;
    return text + (time.offset ?? '');
  });

/** Random mutations of valid timestamps (a byte changed, cut, doubled). */
const mutated = fc
  .tuple(isoText, fc.nat(30), fc.constantFrom('', '0', ':', '-', 'T', 'Z', '+', ' ', 'x', '１'))
  .map(([text, at, piece]) => text.slice(0, at) + piece + text.slice(at + (piece === '' ? 1 : 0)));

/** The basic form of an extended string: the same fields without `-` and `:` (only where the basic form has one). */
function toBasic(text: string): string | undefined {
  if (text.includes(' ') || text.includes('t')) return undefined;
  const basic = text.replace(/^(\d{4})-(\d\d)-(\d\d)/, '$1$2$3').replace(/(T\d\d):(\d\d)(?::(\d\d))?/, '$1$2$3');
  return /[+-]\d\d:\d\d$/.test(basic) ? undefined : basic;
}

/** Basic-form strings near and beyond the valid ranges, and mutations of them. */
const basicText = fc.oneof(
  isoText.map((text) => toBasic(text) ?? text.replaceAll('-', '').replaceAll(':', '')),
  fc.tuple(isoText, fc.nat(20), fc.constantFrom('', '0', '-', 'T', 'Z', '+', ' ', 'x')).map(([text, at, piece]) => {
    const basic = toBasic(text) ?? '19970101T120000Z';
    return basic.slice(0, at) + piece + basic.slice(at + (piece === '' ? 1 : 0));
  }),
);

describe('ISO 8601 basic format in the library parser (time/parse.ts)', () => {
  it('reads the basic form as the same instant as the extended form, in every zone', () => {
    fc.assert(
      fc.property(isoText, fc.constantFrom(...ZONES), (text, zone) => {
        const basic = toBasic(text);
        if (basic === undefined) return;
        expect(Object.is(library(basic, zone), library(text, zone))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the byte fast path bit for bit on basic-form text, valid or not', () => {
    fc.assert(
      fc.property(basicText, fc.constantFrom(...ZONES), (text, zone) => {
        const bytes = encoder.encode(text);
        const fast = parseIsoBytes(bytes, 0, bytes.length, zoneData('f', zone));
        const slow = library(text, zone);
        if (Number.isNaN(fast)) expect(Number.isNaN(slow) || /^[+-]/.test(text)).toBe(true);
        else expect(Object.is(fast, slow)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the byte fast path for timestamps', () => {
  it('agrees with toEpochMs bit for bit on extended ISO 8601 text, valid or not', () => {
    fc.assert(
      fc.property(fc.oneof(isoText, mutated), fc.constantFrom(...ZONES), (text, zone) => {
        const bytes = encoder.encode(text);
        const fast = parseIsoBytes(bytes, 0, bytes.length, zoneData('f', zone));
        const slow = library(text, zone);
        // The fast path may leave text to the library (expanded years); it never accepts text the library rejects.
        if (Number.isNaN(fast))
          expect(Number.isNaN(slow) || /^[+-]/.test(text) || bytes.length !== text.length).toBe(true);
        else expect(Object.is(fast, slow)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the basic form as the same instant as the extended form', () => {
    fc.assert(
      fc.property(isoText, fc.constantFrom(...ZONES), (text, zone) => {
        if (text.includes(' ') || text.includes('t')) return;
        const basic = text.replace(/^(\d{4})-(\d\d)-(\d\d)/, '$1$2$3').replace(/(T\d\d):(\d\d)(?::(\d\d))?/, '$1$2$3');
        if (/[+-]\d\d:\d\d$/.test(basic)) return;
        const bytes = encoder.encode(basic);
        const fast = parseIsoBytes(bytes, 0, bytes.length, zoneData('f', zone));
        expect(Object.is(fast, library(text, zone))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads decimal numbers exactly as Number()', () => {
    const decimal = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.stringMatching(/^[+-]?\d{0,20}(\.\d{0,25})?([eE][+-]?\d{1,3})?$/),
      fc.stringMatching(/^[+-]?[\d.eE+-]{0,8}$/),
    );
    fc.assert(
      fc.property(decimal, (text) => {
        const bytes = encoder.encode(text);
        const valid = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text);
        expect(Object.is(parseNumberBytes(bytes, 0, bytes.length), valid ? Number(text) : Number.NaN)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

/** A table of events: ids with characters that need quoting, times as ms, values. */
const idText = fc.oneof(
  fc.stringMatching(/^[a-z0-9]{1,6}$/),
  fc.string({
    minLength: 1,
    maxLength: 12,
    unit: fc.constantFrom('a', 'é', ',', ';', '"', '\n', '\r\n', ' ', '😀', 'x'),
  }),
);
const MIN = Date.UTC(1900, 0, 1);
const MAX = Date.UTC(2100, 0, 1);
const event = fc.record({
  id: idText,
  ms: fc.integer({ min: MIN, max: MAX }),
  form: fc.constantFrom('iso', 'date', 'basic', 'offset', 'local'),
  value: fc.oneof(
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
  ),
});
const table = fc.array(event, { maxLength: 40 });

/** How an event's time is written. */
function timeText(ms: number, form: string): string {
  const iso = new Date(ms).toISOString();
  if (form === 'date') return iso.slice(0, 10);
  if (form === 'basic')
    return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  if (form === 'offset') return `${iso.slice(0, 19)}+05:30`;
  if (form === 'local') return iso.slice(0, 23);
  return iso;
}

/** The time the library gives the written text (basic form through its extended equivalent). */
function expectedTime(ms: number, form: string, zone: string): number {
  const text = form === 'basic' ? new Date(ms).toISOString().slice(0, 19).concat('Z') : timeText(ms, form);
  return toEpochMs('f', text, 'time', zone);
}

/** A number as text, keeping -0 (String(-0) is "0"). */
const numberText = (v: number): string => (Object.is(v, -0) ? '-0' : String(v));

function splitChunks(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    out.push(bytes.subarray(from, c));
    from = c;
  }
  return out;
}

async function* iterate(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield chunk;
}

const layout = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  quoteAll: fc.boolean(),
  blankLines: fc.boolean(),
  zone: fc.constantFrom(...ZONES),
  cuts: fc.array(fc.nat(), { maxLength: 12 }),
});

describe('round trips', () => {
  it('CSV: a table written with random quoting and layout reads back equal, one-shot and in random chunks', async () => {
    await fc.assert(
      fc.asyncProperty(table, layout, async (events, { delimiter, eol, bom, quoteAll, blankLines, zone, cuts }) => {
        const quote = (field: string): string =>
          quoteAll || field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
        const lines = [['other', 'at', 'id', 'amount'].map(quote).join(delimiter)];
        for (const e of events) {
          lines.push(['x', timeText(e.ms, e.form), e.id, numberText(e.value)].map(quote).join(delimiter));
          if (blankLines) lines.push('');
        }
        const csv = `${bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
        const options = { customer: 'id', time: 'at', value: 'amount', delimiter, timeZone: zone };
        const log = parseCsvLog(csv, options);
        const ids = [...new Set(events.map((e) => e.id))];
        expect(log.customerIds).toEqual(ids);
        expect(Array.from(log.customer)).toEqual(events.map((e) => ids.indexOf(e.id)));
        expect(Array.from(log.time)).toEqual(events.map((e) => expectedTime(e.ms, e.form, zone)));
        expect(Array.from(log.value ?? [])).toEqual(events.map((e) => e.value));
        const streamed = await readCsvLog(iterate(splitChunks(encoder.encode(csv), cuts)), options);
        expect(streamed).toEqual(log);
      }),
      { numRuns: 300 },
    );
  });

  it('NDJSON: a table written with random spacing and key order reads back equal, one-shot and in chunks', async () => {
    await fc.assert(
      fc.asyncProperty(table, layout, fc.boolean(), async (events, { eol, blankLines, zone, cuts }, spaced) => {
        const lines = events.map((e, i) => {
          const pairs: [string, unknown][] = [
            ['id', e.id],
            ['at', timeText(e.ms, e.form)],
            ['amount', e.value],
            ['extra', { nested: [i, '}', '"'] }],
          ];
          if (i % 2 === 1) pairs.reverse();
          const sep = spaced ? ' , ' : ',';
          const json = (v: unknown): string => (typeof v === 'number' ? numberText(v) : JSON.stringify(v));
          return `{${pairs.map(([k, v]) => `${JSON.stringify(k)}${spaced ? ' : ' : ':'}${json(v)}`).join(sep)}}`;
        });
        const text = lines.join(blankLines ? `${eol}${eol}` : eol);
        const options = { customer: 'id', time: 'at', value: 'amount', timeZone: zone };
        const log = parseNdjsonLog(text, options);
        const ids = [...new Set(events.map((e) => e.id))];
        expect(log.customerIds).toEqual(ids);
        expect(Array.from(log.customer)).toEqual(events.map((e) => ids.indexOf(e.id)));
        expect(Array.from(log.time)).toEqual(events.map((e) => expectedTime(e.ms, e.form, zone)));
        expect(Array.from(log.value ?? [])).toEqual(events.map((e) => e.value));
        expect(await readNdjsonLog(iterate(splitChunks(encoder.encode(text), cuts)), options)).toEqual(log);
      }),
      { numRuns: 300 },
    );
  });

  it('skipping bad rows keeps exactly the good ones, in order, whatever the chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.stringMatching(/^[a-c]{1,2}$/), fc.boolean()), { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (rows, cuts) => {
          const csv = `id,at\n${rows.map(([id, good]) => `${id},${good ? '2024-01-01' : '2024-02-30'}`).join('\n')}\n`;
          const options = { customer: 'id', time: 'at', onBadRow: 'skip' } as const;
          const log = await readCsvLog(iterate(splitChunks(encoder.encode(csv), cuts)), options);
          const kept = rows.filter(([, good]) => good).map(([id]) => id);
          expect(Array.from(log.customer, (c) => log.customerIds[c])).toEqual(kept);
          expect(log.skippedRows).toBe(rows.length - kept.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
