import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvLog, retentionMatrix, rfmSummary } from 'loyalty-metrics';
import { expectClose, thrown } from '../helpers/expectClose.ts';
import { numericCsv } from '../rfm/cdnow.ts';

const DAY = 86_400_000;
const utc = (iso: string): number => Date.parse(iso);
const names = { customer: 'id', time: 'at' } as const;
const read = (csv: string, options: Record<string, unknown> = {}) => parseCsvLog(csv, { ...names, ...options });
/** The rows as plain [id, time, value?] triples, through the dictionary. */
const rowsOf = (log: ReturnType<typeof parseCsvLog>): unknown[][] =>
  Array.from(log.customer, (c, i) =>
    log.value === undefined ? [log.customerIds[c], log.time[i]] : [log.customerIds[c], log.time[i], log.value[i]],
  );

describe('parseCsvLog', () => {
  describe('CDNOW (Fader, Hardie & Lee 2005; lifetimes datasets)', () => {
    // CDNOW_sample.txt as a user has it: one purchase per line, basic ISO 8601 dates (19970101), CRLF line ends;
    // written here as a semicolon-separated file with a header. rfmSummary of what the reader returns must
    // reproduce the published per-customer summary (cdnow_customers_summary.csv, two decimals).
    const raw = readFileSync(new URL('../fixtures/CDNOW_sample.txt', import.meta.url), 'utf8');
    const csv = `master;sample;date;cds;dollars\r\n${raw
      .trim()
      .split(/\r?\n/)
      .map((line) => line.trim().split(/\s+/).join(';'))
      .join('\r\n')}\r\n`;
    const log = parseCsvLog(new TextEncoder().encode(csv), {
      customer: 'sample',
      time: 'date',
      value: 'dollars',
      delimiter: ';',
    });

    it('reads all 6,919 purchases of 2,357 customers', () => {
      expect(log.customer).toHaveLength(6919);
      expect(log.customerIds).toHaveLength(2357);
      expect(log.customerIds[0]).toBe('0001');
      expect(log.time[0]).toBe(utc('1997-01-01T00:00:00Z'));
      expect(log.value?.[0]).toBe(29.33);
      expect(log.skippedRows).toBe(0);
    });

    it('gives rfmSummary the published frequency, recency and T for every customer', () => {
      const summary = rfmSummary(log, { observationEnd: '1997-09-30', unit: 'week' });
      const expected = numericCsv('cdnow_customers_summary.csv');
      expect(summary).toHaveLength(2357);
      for (let i = 0; i < expected.length; i++) {
        const [id, frequency, recency, T] = expected[i] as [number, number, number, number];
        const row = summary[i];
        expect(Number(log.customerIds[row?.customer as number])).toBe(id);
        expect(row?.frequency).toBe(frequency);
        expectClose(row?.recency as number, recency, { abs: 0.005 + 1e-9 });
        expectClose(row?.T as number, T, { abs: 0.005 + 1e-9 });
      }
    });
  });

  describe('RFC 4180', () => {
    it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
      const csv = 'id,note,at\n"a,1","say ""hi""\nthere",2024-01-01\nb,"",2024-01-02\n';
      const log = read(csv);
      expect(log.customerIds).toEqual(['a,1', 'b']);
      expect(Array.from(log.time)).toEqual([utc('2024-01-01T00:00:00Z'), utc('2024-01-02T00:00:00Z')]);
    });

    it('unescapes doubled quotes inside the columns it reads', () => {
      const log = read('id,at\n"6"" pipe",2024-01-01\n"x""y""",2024-01-01\n');
      expect(log.customerIds).toEqual(['6" pipe', 'x"y"']);
    });

    it('takes CRLF, LF and CR line ends, and a last record without one', () => {
      const csv = 'id,at\r\na,2024-01-01\nb,2024-01-02\rc,2024-01-03';
      expect(read(csv).customerIds).toEqual(['a', 'b', 'c']);
    });

    it('skips a byte-order mark and empty lines', () => {
      const log = read('\uFEFFid,at\n\na,2024-01-01\r\n\r\n\nb,2024-01-02\n\n');
      expect(log.customerIds).toEqual(['a', 'b']);
    });

    it('reads other delimiters (semicolon, tab, pipe)', () => {
      for (const d of [';', '\t', '|']) {
        const log = read(`id${d}at${d}v\na${d}2024-01-01${d}"1${d}5"\n`, { delimiter: d });
        expect(log.customerIds).toEqual(['a']);
      }
    });

    it('reads the columns in any order, among others', () => {
      const log = parseCsvLog('x,at,y,amount,id\n1,2024-01-01,2,3.5,a\n', {
        customer: 'id',
        time: 'at',
        value: 'amount',
      });
      expect(rowsOf(log)).toEqual([['a', utc('2024-01-01T00:00:00Z'), 3.5]]);
    });

    it('passes its result straight to retentionMatrix and rfmSummary', () => {
      const csv = 'id,at\na,2024-01-01\nb,2024-01-01\na,2024-01-02\n';
      const log = read(csv);
      const matrix = retentionMatrix(log);
      expect(matrix.cohorts[0]?.counts).toEqual([2, 1]);
      expect(rfmSummary(log)).toEqual(
        rfmSummary({ customer: ['a', 'b', 'a'], time: ['2024-01-01', '2024-01-01', '2024-01-02'] }).map((r) => ({
          ...r,
          customer: r.customer === 'a' ? 0 : 1,
        })),
      );
    });
  });

  describe('timestamps', () => {
    it('reads extended and basic ISO 8601, with offsets and fractions', () => {
      const cells = [
        ['1997-01-01T12:00:00Z', '1997-01-01T12:00:00Z'],
        ['1997-01-01T12:00:00+02:00', '1997-01-01T10:00:00Z'],
        ['1997-01-01 12:00:00.250-0130', '1997-01-01T13:30:00.250Z'],
        ['1997-01-01T12:00', '1997-01-01T12:00:00Z'],
        ['1997-01-01', '1997-01-01T00:00:00Z'],
        ['19970101', '1997-01-01T00:00:00Z'],
        ['19970101T120000Z', '1997-01-01T12:00:00Z'],
        ['19970101T1200+0100', '1997-01-01T11:00:00Z'],
        ['19970101T120000.5', '1997-01-01T12:00:00.500Z'],
        ['+001997-01-01', '1997-01-01T00:00:00Z'],
      ];
      const log = read(`id,at\n${cells.map(([cell]) => `a,${cell}`).join('\n')}\n`);
      expect(Array.from(log.time, (t) => new Date(t).toISOString())).toEqual(
        cells.map(([, iso]) => new Date(iso as string).toISOString()),
      );
    });

    it('reads dates and local times in the time zone, as the library does', () => {
      // Bucharest is UTC+2 in winter, UTC+3 in summer.
      const log = read('id,at\na,2024-01-15\na,2024-07-01T12:00\na,20240701T120000\na,2024-07-01T12:00Z\n', {
        timeZone: 'Europe/Bucharest',
      });
      expect(Array.from(log.time, (t) => new Date(t).toISOString())).toEqual([
        '2024-01-14T22:00:00.000Z',
        '2024-07-01T09:00:00.000Z',
        '2024-07-01T09:00:00.000Z',
        '2024-07-01T12:00:00.000Z',
      ]);
    });

    it('reads digit-only cells as epoch seconds or milliseconds by option', () => {
      const csv = 'id,at\na,86400\na,1970-01-03\n';
      expect(Array.from(read(csv, { epoch: 'seconds' }).time)).toEqual([DAY, 2 * DAY]);
      expect(Array.from(read(csv, { epoch: 'milliseconds' }).time)).toEqual([86_400, 2 * DAY]);
      // without the option an 8-digit cell is a basic date, other digits are not a date
      expect(thrown(() => read(csv))).toBeInstanceOf(TypeError);
      expect(Array.from(read('id,at\na,19700102\n').time)).toEqual([DAY]);
    });
  });

  describe('edge cases', () => {
    it('returns empty columns for a header-only file', () => {
      for (const csv of ['id,at', 'id,at\n', 'id,at\r\n\r\n']) {
        const log = read(csv);
        expect(log.customer).toHaveLength(0);
        expect(log.customerIds).toEqual([]);
        expect(rfmSummary(log)).toEqual([]);
      }
    });

    it('throws for an empty file', () => {
      for (const csv of ['', '\n\n', '\uFEFF']) {
        const error = thrown(() => read(csv));
        expect(error).toBeInstanceOf(TypeError);
        expect(error.message).toBe('parseCsvLog: the input is empty (a header line with the column names is required)');
      }
    });

    it('throws for a missing or repeated header name', () => {
      expect(thrown(() => read('id,when\na,2024-01-01\n')).message).toBe(
        'parseCsvLog: line 1: no column "at" in the header (columns: "id", "when")',
      );
      expect(thrown(() => read('id,at,id\na,2024-01-01,b\n')).message).toBe(
        'parseCsvLog: line 1: the header names column "id" more than once',
      );
    });

    it('leaves the input bytes unchanged', () => {
      const bytes = new TextEncoder().encode('id,at\n"a""b",2024-01-01\n');
      const copy = bytes.slice();
      read(bytes as never);
      expect(bytes).toEqual(copy);
    });

    it('keeps ids apart that differ in any byte, long or short', () => {
      const long = 'x'.repeat(40);
      const ids = ['a', 'b', 'ab', 'ba', `${long}1`, `${long}2`, 'é', 'e', '1', '01', 'ÿ'];
      const log = read(`id,at\n${[...ids, ...ids].map((id) => `${id},2024-01-01`).join('\n')}\n`);
      expect(log.customerIds).toEqual(ids);
      expect(Array.from(log.customer)).toEqual([...ids.keys(), ...ids.keys()]);
    });
  });

  describe('bad rows', () => {
    const csv =
      'id,at,amount\na,2024-01-01,1\nb,2024-13-01,2\n,2024-01-01,3\nc,2024-01-01,x\nd,2024-01-01\ne,2024-01-02,5\n';

    it('throws a TypeError naming the line and the column, with the error fields', () => {
      const error = thrown(() => parseCsvLog(csv, { customer: 'id', time: 'at', value: 'amount' }));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toBe(
        'parseCsvLog: line 3, column "at": "2024-13-01" is not a valid date (ISO 8601, e.g. 2024-03-05, 2024-03-05T14:30:00Z or 20240305T143000Z)',
      );
      expect({ ...error }).toEqual({
        function: 'parseCsvLog',
        argument: 'rows[1].at',
        value: '"2024-13-01"',
        row: 1,
        customer: 'b',
        line: 3,
        column: 'at',
      });
    });

    it('names each kind of bad row', () => {
      const message = (text: string): string =>
        thrown(() => parseCsvLog(`id,at,amount\n${text}\n`, { customer: 'id', time: 'at', value: 'amount' })).message;
      expect(message(',2024-01-01,3')).toBe(
        'parseCsvLog: line 2, column "id": customer id must be a non-empty string, got ""',
      );
      expect(message('c,2024-01-01,x')).toBe('parseCsvLog: line 2, column "amount": value must be a number, got "x"');
      expect(message('d,2024-01-01')).toBe('parseCsvLog: line 2: 2 fields where the header has 3');
      expect(message('a,2024-01-01,1\nb"c,2024-01-01,1')).toBe(
        'parseCsvLog: line 3: a double quote inside an unquoted field (quote the whole field and double the quote)',
      );
      expect(message('"a"b,2024-01-01,1')).toBe(
        'parseCsvLog: line 2: unexpected "b" after the closing quote of a field',
      );
      expect(message('a,2024-01-01,1\n"open,\n\n')).toBe('parseCsvLog: line 3: a quoted field is never closed');
      const overflow = thrown(() =>
        parseCsvLog('id,at,amount\na,2024-01-01,1e999\n', { customer: 'id', time: 'at', value: 'amount' }),
      );
      expect(overflow).toBeInstanceOf(RangeError);
    });

    it('counts line numbers across quoted line breaks', () => {
      const error = thrown(() => read('id,at\n"a\nb\nc",2024-01-01\nd,soon\n'));
      expect(error).toMatchObject({ line: 5, row: 1, column: 'at' });
    });

    it('skips and counts bad rows with onBadRow: skip', () => {
      const log = parseCsvLog(csv, { customer: 'id', time: 'at', value: 'amount', onBadRow: 'skip' });
      expect(rowsOf(log)).toEqual([
        ['a', utc('2024-01-01T00:00:00Z'), 1],
        ['e', utc('2024-01-02T00:00:00Z'), 5],
      ]);
      expect(log.skippedRows).toBe(4);
      expect(log.customerIds).toEqual(['a', 'e']);
    });

    it('never echoes a 10 MB field whole', () => {
      const huge = '9'.repeat(10_000_000);
      const error = thrown(() => read(`id,at\na,"${huge}"\n`));
      expect(error.message.length).toBeLessThan(300);
      expect(((error as { value?: string }).value ?? '').length).toBeLessThan(80);
      const value = thrown(() => parseCsvLog(`id,at,v\na,2024-01-01,${huge}x\n`, { ...names, value: 'v' }));
      expect(value.message.length).toBeLessThan(300);
    });
  });

  describe('options', () => {
    it('rejects bad options with TypeError or RangeError', () => {
      expect(thrown(() => parseCsvLog('id,at\n', { customer: 'id' } as never))).toBeInstanceOf(TypeError);
      expect(thrown(() => read('id,at\n', { delimiter: ',,' }))).toBeInstanceOf(RangeError);
      expect(thrown(() => read('id,at\n', { delimiter: '"' }))).toBeInstanceOf(RangeError);
      expect(thrown(() => read('id,at\n', { timeZone: 'Mars/Olympus' }))).toBeInstanceOf(RangeError);
      expect(thrown(() => read('id,at\n', { epoch: 'minutes' }))).toBeInstanceOf(RangeError);
      expect(thrown(() => read('id,at\n', { onBadRow: 'ignore' }))).toBeInstanceOf(RangeError);
      expect(thrown(() => parseCsvLog(42 as never, names))).toBeInstanceOf(TypeError);
    });
  });
});
