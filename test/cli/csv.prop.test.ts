import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createCsvParser, formatCsvRecord } from '../../src/cli/csv.ts';

// Fields drawn from an alphabet rich in the characters CSV must escape.
const field = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r', 'é', '😀'), maxLength: 8 });
const records = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 8 });

function parseInChunks(text: string, cuts: readonly number[]): string[][] {
  const parser = createCsvParser();
  const out: string[][] = [];
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const end = Math.min(text.length, cut);
    if (end < start) continue;
    out.push(...parser.push(text.slice(start, end)).map((r) => r.fields));
    start = end;
  }
  out.push(...parser.push(text.slice(start)).map((r) => r.fields));
  out.push(...parser.end().map((r) => r.fields));
  return out;
}

describe('CSV round trip', () => {
  test.prop([records, fc.constantFrom('\n', '\r\n'), fc.boolean()], { numRuns: 200 })(
    'parse(format(records)) returns the records, with LF or CRLF line ends',
    (rows, eol, trailing) => {
      const text = rows.map(formatCsvRecord).join(eol) + (trailing && rows.length > 0 ? eol : '');
      expect(parseInChunks(text, [])).toEqual(rows);
    },
  );

  test.prop([records, fc.array(fc.nat(200), { maxLength: 6 })], { numRuns: 200 })(
    'splitting the text into chunks anywhere does not change the records',
    (rows, cuts) => {
      const text = rows.map(formatCsvRecord).join('\r\n');
      expect(parseInChunks(text, cuts)).toEqual(rows);
    },
  );

  test.prop([records], { numRuns: 100 })('each record starts on the line after the previous record ends', (rows) => {
    const text = rows.map(formatCsvRecord).join('\n');
    const parser = createCsvParser();
    const lines = [...parser.push(text), ...parser.end()].map((r) => r.line);
    let expected = 1;
    rows.forEach((row, i) => {
      expect(lines[i]).toBe(expected);
      expected += formatCsvRecord(row).split('\n').length;
    });
  });
});
