import { describe, expect, it } from 'vitest';
import { createCsvParser, CsvError, formatCsvField, formatCsvRecord, type CsvRecord } from '../../src/cli/csv.ts';

/** Parses `text` fed in chunks of `size` characters. */
function parse(text: string, size = text.length || 1): CsvRecord[] {
  const parser = createCsvParser();
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...parser.push(text.slice(i, i + size)));
  out.push(...parser.end());
  return out;
}

const fields = (text: string, size?: number): string[][] => parse(text, size).map((r) => r.fields);

function csvErrorOf(text: string): CsvError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof CsvError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('createCsvParser', () => {
  it('splits records on LF and CRLF and fields on commas', () => {
    expect(fields('a,b\n1,2\r\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks (RFC 4180 §2.5–2.7)', () => {
    expect(fields('name,note\n"Smith, J.","said ""hi""\non two lines"\n')).toEqual([
      ['name', 'note'],
      ['Smith, J.', 'said "hi"\non two lines'],
    ]);
  });

  it('gives the same records whatever the chunk boundaries (quotes and CRLF split across chunks)', () => {
    const text = 'a,"b ""x""",c\r\n"multi\r\nline",,""\r\nlast,"",z';
    const whole = fields(text);
    expect(whole).toEqual([
      ['a', 'b "x"', 'c'],
      ['multi\r\nline', '', ''],
      ['last', '', 'z'],
    ]);
    for (const size of [1, 2, 3, 5, 7]) expect(fields(text, size)).toEqual(whole);
  });

  it('reports the line on which each record starts', () => {
    expect(parse('h\n"a\nb"\nc\n').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('ignores a UTF-8 byte-order mark', () => {
    expect(fields('\uFEFFid,score\n1,9\n')).toEqual([
      ['id', 'score'],
      ['1', '9'],
    ]);
  });

  describe('edge cases', () => {
    it('returns nothing for empty input', () => {
      expect(fields('')).toEqual([]);
    });

    it('skips empty lines but keeps a quoted empty field', () => {
      expect(fields('a\n\n\r\nb\n""\n')).toEqual([['a'], ['b'], ['']]);
    });

    it('keeps empty fields at the start and end of a record', () => {
      expect(fields(',x,\n')).toEqual([['', 'x', '']]);
    });

    it('keeps spaces as part of fields', () => {
      expect(fields(' a , b \n')).toEqual([[' a ', ' b ']]);
    });

    it('handles a lone CR as a record end', () => {
      expect(fields('a\rb')).toEqual([['a'], ['b']]);
    });
  });

  describe('malformed input', () => {
    it('rejects a quote inside an unquoted field, naming the line', () => {
      const error = csvErrorOf('a,b\nx,y"z\n');
      expect(error.line).toBe(2);
      expect(error.message).toBe(
        'line 2: a double quote inside an unquoted field (quote the whole field and double the quote)',
      );
    });

    it('rejects text after a closing quote', () => {
      expect(csvErrorOf('a\n"x"y\n').message).toBe('line 2: unexpected "y" after the closing quote of a field');
    });

    it('rejects an unterminated quote, naming the line where it opened', () => {
      expect(csvErrorOf('a\nb\n"open\nstill open\n').message).toBe('line 3: a quoted field is never closed');
    });
  });
});

describe('formatCsvRecord', () => {
  it('quotes only fields that need it and doubles inner quotes', () => {
    expect(formatCsvRecord(['plain', 'with,comma', 'say "hi"', 'two\nlines', ''])).toBe(
      'plain,"with,comma","say ""hi""","two\nlines",',
    );
  });

  it('writes a record of one empty field as "" so that it is not an empty line', () => {
    expect(formatCsvRecord([''])).toBe('""');
    expect(formatCsvField('')).toBe('');
  });
});
