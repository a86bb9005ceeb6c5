import { quoteString, requireDialect } from '../internal/sql.ts';
import { readOptions } from '../internal/validate.ts';
import type { SqlQuoteOptions } from './types.ts';

/**
 * Writes a text as a string literal of a dialect, the way every generator here writes its literals: the result
 * reads back as exactly `text` and cannot end the literal.
 *
 * ```text
 * duckdb                                 '…'   with ' doubled (backslash is an ordinary character)
 * postgres                               E'…'  with \ and ' backslash-escaped (independent of standard_conforming_strings)
 * bigquery, snowflake, spark, clickhouse '…'   with \ and ' backslash-escaped (their lexers read \ as an escape)
 * ```
 *
 * Control characters are written as `\n`, `\r`, `\t` or `\xHH` where backslash escapes apply.
 *
 * @param text - The text.
 * @param options - `dialect` (required).
 * @returns The literal.
 * @throws {TypeError} When `text` is not a string or the dialect is missing.
 * @throws {RangeError} When `text` contains NUL or a lone surrogate (no engine here stores either in text); for an
 *   unknown dialect.
 * @example
 * ```ts
 * import { quoteSqlLiteral } from 'loyalty-metrics';
 *
 * quoteSqlLiteral("O'Brien", { dialect: 'duckdb' }); // => "'O''Brien'"
 * quoteSqlLiteral("O'Brien", { dialect: 'bigquery' }); // => "'O\\'Brien'"
 * quoteSqlLiteral('C:\\temp', { dialect: 'postgres' }); // => "E'C:\\\\temp'"
 * ```
 * @category SQL
 */
export function quoteSqlLiteral(text: string, options: SqlQuoteOptions): string {
  const fn = 'quoteSqlLiteral';
  const opts = readOptions(fn, options, ['dialect']);
  return quoteString(fn, requireDialect(fn, opts.dialect), text, 'text');
}
