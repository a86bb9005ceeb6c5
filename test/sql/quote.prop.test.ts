import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { quoteSqlIdentifier, quoteSqlLiteral, type SqlDialect } from '../../src/index.ts';
import { thrown } from '../helpers/expectClose.ts';

// Issue #13: a name can never inject SQL. Each dialect's lexer rule for a quoted identifier and a string
// literal is written out below, independently of the code under test (from each engine's documentation);
// reading the quoted text back with that rule must give exactly the original text AND consume the whole token,
// i.e. no character of the name can close the quote early. DuckDB and PostgreSQL also run the hostile names
// for real (engines.test.ts).

const DIALECTS: readonly SqlDialect[] = ['duckdb', 'postgres', 'bigquery', 'snowflake', 'spark', 'clickhouse'];

/** Reads a token quoted by `quote` where the quote is escaped by doubling; null when it closes before the end. */
function readDoubled(token: string, quote: string): string | null {
  if (!token.startsWith(quote) || !token.endsWith(quote) || token.length < 2) return null;
  let out = '';
  let i = 1;
  while (i < token.length - 1) {
    const ch = token[i] as string;
    if (ch === quote) {
      if (token[i + 1] !== quote || i + 1 >= token.length - 1) return null;
      out += quote;
      i += 2;
    } else {
      out += ch;
      i++;
    }
  }
  return i === token.length - 1 ? out : null;
}

/** Reads a token with backslash escapes (\\ \' \` \n \r \t \xHH); null when a bare quote closes it early. */
function readBackslashed(token: string, quote: string, prefix = ''): string | null {
  if (!token.startsWith(prefix + quote) || !token.endsWith(quote)) return null;
  let out = '';
  let i = prefix.length + 1;
  const end = token.length - 1;
  if (i > end) return null;
  while (i < end) {
    const ch = token[i] as string;
    if (ch === quote) return null;
    if (ch === '\\') {
      const next = token[i + 1];
      if (i + 1 >= end || next === undefined) return null;
      const simple: Record<string, string> = { '\\': '\\', "'": "'", '`': '`', '"': '"', n: '\n', r: '\r', t: '\t' };
      if (next in simple) {
        out += simple[next];
        i += 2;
      } else if (next === 'x') {
        out += String.fromCharCode(Number.parseInt(token.slice(i + 2, i + 4), 16));
        i += 4;
      } else return null;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function readIdentifier(dialect: SqlDialect, token: string): string | null {
  if (dialect === 'duckdb' || dialect === 'postgres' || dialect === 'snowflake') return readDoubled(token, '"');
  if (dialect === 'spark') return readDoubled(token, '`');
  return readBackslashed(token, '`');
}

function readLiteral(dialect: SqlDialect, token: string): string | null {
  if (dialect === 'duckdb') return readDoubled(token, "'");
  return readBackslashed(token, "'", dialect === 'postgres' ? 'E' : '');
}

/** Text without NUL and without lone surrogates (whole code points only). */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '"',
        "'",
        '`',
        '\\',
        ';',
        '--',
        '/*',
        '*/',
        '\n',
        '\r',
        '\t',
        '\u007f',
        '\u2028',
        'é',
        '日',
        '🎉',
        ' ',
        'x',
      ),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join('').replaceAll('\u0000', ''));

describe('quoteSqlIdentifier and quoteSqlLiteral', () => {
  test.prop([fc.constantFrom(...DIALECTS), text])(
    'an identifier reads back as itself and never ends early',
    (dialect, name) => {
      fc.pre(name.length > 0 && new TextEncoder().encode(name).length <= 63);
      const quoted = quoteSqlIdentifier(name, { dialect });
      expect(readIdentifier(dialect, quoted)).toBe(name);
    },
  );

  test.prop([fc.constantFrom(...DIALECTS), text])(
    'a literal reads back as itself and never ends early',
    (dialect, value) => {
      const quoted = quoteSqlLiteral(value, { dialect });
      expect(readLiteral(dialect, quoted)).toBe(value);
    },
  );

  it('refuses what no engine can hold: empty names, NUL, lone surrogates, names PostgreSQL would truncate', () => {
    for (const dialect of DIALECTS) {
      expect(thrown(() => quoteSqlIdentifier('', { dialect }))).toBeInstanceOf(RangeError);
      expect(thrown(() => quoteSqlIdentifier('a\u0000b', { dialect }))).toBeInstanceOf(RangeError);
      expect(thrown(() => quoteSqlIdentifier('a\ud800b', { dialect }))).toBeInstanceOf(RangeError);
      expect(thrown(() => quoteSqlLiteral('a\u0000', { dialect }))).toBeInstanceOf(RangeError);
      expect(thrown(() => quoteSqlIdentifier(1 as never, { dialect }))).toBeInstanceOf(TypeError);
    }
    // 63 bytes is PostgreSQL's limit (NAMEDATALEN − 1): 21 three-byte characters fit, 22 do not.
    expect(quoteSqlIdentifier('日'.repeat(21), { dialect: 'postgres' })).toBe(`"${'日'.repeat(21)}"`);
    expect(thrown(() => quoteSqlIdentifier('日'.repeat(22), { dialect: 'postgres' }))).toBeInstanceOf(RangeError);
    expect(quoteSqlIdentifier('日'.repeat(22), { dialect: 'duckdb' })).toBe(`"${'日'.repeat(22)}"`);
    expect(thrown(() => quoteSqlIdentifier('x', { dialect: 'mysql' as never }))).toBeInstanceOf(RangeError);
    expect(thrown(() => quoteSqlIdentifier('x', {} as never))).toBeInstanceOf(TypeError);
  });

  it('writes the documented forms', () => {
    const hostile = 'x"; DROP TABLE t; -- `\'\\';
    expect(quoteSqlIdentifier(hostile, { dialect: 'duckdb' })).toBe('"x""; DROP TABLE t; -- `\'\\"');
    expect(quoteSqlIdentifier(hostile, { dialect: 'spark' })).toBe('`x"; DROP TABLE t; -- ``\'\\`');
    expect(quoteSqlIdentifier(hostile, { dialect: 'bigquery' })).toBe('`x"; DROP TABLE t; -- \\`\'\\\\`');
    expect(quoteSqlLiteral(hostile, { dialect: 'duckdb' })).toBe("'x\"; DROP TABLE t; -- `''\\'");
    expect(quoteSqlLiteral(hostile, { dialect: 'postgres' })).toBe("E'x\"; DROP TABLE t; -- `\\'\\\\'");
    expect(quoteSqlLiteral('a\nb\u0001', { dialect: 'snowflake' })).toBe("'a\\nb\\x01'");
  });
});
