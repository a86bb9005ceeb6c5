import { readSqlSource, sampleCondition } from '../internal/sqlSource.ts';
import { readOptions, requireOneOf, withDefault } from '../internal/validate.ts';
import type { CustomerSampleSqlOptions } from './types.ts';

/**
 * SQL selecting a deterministic hash sample of customers: fit a model on the sample, score everyone. A customer is
 * in the sample when the first 32 bits of MD5 of its id (as text) followed by `salt` fall below
 * `fraction × 2^32`; so the sample is the same on every run, in every dialect, and for any MD5 implementation,
 * grows monotonically with `fraction` (a 10 % sample contains the 5 % one), and another `salt` draws an
 * independent sample. All of a sampled customer's rows are kept, which is what RFM summaries and cohorts need
 * (sampling rows would thin every customer's history instead).
 *
 * ```text
 * h(c) = the integer of the first 8 hex digits of md5(text(c) || salt)      0 ≤ h < 2^32
 * in the sample  ⇔  h(c) < round(fraction × 2^32)
 * ```
 *
 * The same condition is available inside the summaries as the `sample` option of {@link rfmSummarySql} and
 * {@link calibrationHoldoutSql}. Executed in the tests against DuckDB and PostgreSQL (both pick exactly the
 * customers that Node's MD5 picks); the other dialects are generated only.
 *
 * @param options - `dialect`, `table`, `customer`, `fraction` (required), `salt` (default `''`), `select`
 *   (`'events'`: every row of the sampled customers, default; `'customers'`: their distinct ids, as `customer`).
 * @returns The SQL text of one `SELECT` statement, ending in a newline.
 * @throws {TypeError} When a required option is missing or has the wrong type.
 * @throws {RangeError} When `fraction` is outside (0, 1], or for an unknown dialect or invalid identifier.
 * @example
 * ```ts
 * import { customerSampleSql } from 'loyalty-metrics';
 *
 * customerSampleSql({ dialect: 'postgres', table: 'orders', customer: 'customer_id', fraction: 0.1, salt: 'fit-2024' }); // => "SELECT *\nFROM \"orders\"\nWHERE CAST(CAST(('x' || substr(md5(CAST(\"customer_id\" AS TEXT) || E'fit-2024'), 1, 8)) AS BIT(32)) AS BIGINT) < 429496730\n"
 * customerSampleSql({ dialect: 'duckdb', table: 'orders', customer: 'id', fraction: 0 }); // => throws RangeError: customerSampleSql: fraction (0) must be in (0, 1]
 * ```
 * @category SQL
 */
export function customerSampleSql(options: CustomerSampleSqlOptions): string {
  const fn = 'customerSampleSql';
  const opts = readOptions(fn, options, ['dialect', 'table', 'customer', 'fraction', 'salt', 'select']);
  const source = readSqlSource(fn, opts, false);
  const select = requireOneOf(fn, 'select', withDefault(opts.select, 'events'), ['events', 'customers'] as const);
  const sample: Record<string, unknown> = { fraction: opts.fraction };
  if (opts.salt !== undefined) sample.salt = opts.salt;
  const condition = sampleCondition(fn, source, sample, '');
  const what = select === 'events' ? '*' : `DISTINCT ${source.customer}`;
  return `SELECT ${what}\nFROM ${source.table}\nWHERE ${condition}\n`;
}
