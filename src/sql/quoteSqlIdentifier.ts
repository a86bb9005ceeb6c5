import { quoteIdentifier, requireDialect } from '../internal/sql.ts';
import { readOptions } from '../internal/validate.ts';
import type { SqlQuoteOptions } from './types.ts';

/**
 * Quotes a table, column or alias name for a dialect, the way every generator here does: the result reads back as
 * exactly `name`, whatever it contains (quotes, backticks, semicolons, `--` and `/*`, newlines, unicode), so it can
 * never end the identifier and inject SQL.
 *
 * ```text
 * duckdb, postgres, snowflake   "…"  with " doubled
 * spark                         `…`  with ` doubled
 * bigquery, clickhouse          `…`  with \ and ` backslash-escaped (and control characters as \n, \xHH)
 * ```
 *
 * @param name - The identifier (one part; quote each part of a qualified name on its own).
 * @param options - `dialect` (required).
 * @returns The quoted identifier.
 * @throws {TypeError} When `name` is not a string or the dialect is missing.
 * @throws {RangeError} When `name` is empty, contains NUL or a lone surrogate, or is longer than the engine keeps
 *   (63 bytes in PostgreSQL, which would silently truncate it and so could name another column; 255 in
 *   Snowflake); for an unknown dialect.
 * @example
 * ```ts
 * import { quoteSqlIdentifier } from 'loyalty-metrics';
 *
 * quoteSqlIdentifier('order"; DROP TABLE users; --', { dialect: 'postgres' }); // => '"order""; DROP TABLE users; --"'
 * quoteSqlIdentifier('a`b', { dialect: 'spark' }); // => '`a``b`'
 * quoteSqlIdentifier('a`b', { dialect: 'clickhouse' }); // => '`a\\`b`'
 * quoteSqlIdentifier('a\u0000b', { dialect: 'duckdb' }); // => throws RangeError
 * ```
 * @category SQL
 */
export function quoteSqlIdentifier(name: string, options: SqlQuoteOptions): string {
  const fn = 'quoteSqlIdentifier';
  const opts = readOptions(fn, options, ['dialect']);
  return quoteIdentifier(fn, requireDialect(fn, opts.dialect), name, 'name');
}
