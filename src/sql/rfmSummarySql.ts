import { rfmSql } from '../internal/sqlRfm.ts';
import type { RfmSummarySqlOptions } from './types.ts';

/**
 * SQL that computes, in the warehouse, exactly what `rfmSummary` computes in process: one row per customer with
 * `customer`, `frequency`, `recency`, `T` and (with a `value` column) `monetaryValue`, for the same `period`,
 * `unit`, `timeZone`, `weekStartsOn`, `yearStartsOn` and `observationEnd`. With `compress: true` it returns
 * instead one row per distinct (frequency, recency, T) with the number of customers in `weights`, which is
 * what `compressCustomers` gives and what the fits take as `weights`.
 *
 * Transactions are grouped into calendar periods of the local date in `timeZone` (the engine's own IANA
 * database converts each instant), several purchases in one period count once and their values are summed:
 *
 * ```text
 * P = the customer's distinct purchase periods ≤ E (the period of observationEnd, default of the latest row)
 * frequency     = |P| − 1
 * recency       = (firstDay(max P) − firstDay(min P)) / u      u = 1, 7, 30.4375, 91.3125 or 365.25 days
 * T             = (firstDay(E)     − firstDay(min P)) / u
 * monetaryValue = Σ values of P \ {min P} / frequency,  0 when frequency = 0
 * ```
 *
 * A date-only `observationEnd` is local midnight in `timeZone`, so its whole day (its whole period) counts, as in
 * `rfmSummary`. Rows whose customer or time is NULL are skipped, and NULL values add nothing to a sum (the
 * in-process function rejects both instead). Customers come out ordered by id (`rfmSummary` keeps first-seen
 * order). Every identifier is validated and quoted, so no table or column name can inject SQL. Executed in
 * the test suite against DuckDB and PostgreSQL on CDNOW and on logs across DST changes in three zones, where
 * every row equals `rfmSummary`'s; BigQuery, Snowflake, Spark and ClickHouse are generated only (golden files).
 *
 * @param options - `dialect`, `table`, `customer`, `time` (required), `timeType`, `value`, `period`, `unit`,
 *   `timeZone`, `weekStartsOn`, `yearStartsOn`, `observationEnd`, `compress`, `sample`.
 * @returns The SQL text of one `SELECT` statement (a `WITH` query), ending in a newline, without a semicolon.
 * @throws {TypeError} When a required option is missing, an option has the wrong type, or `observationEnd` is not
 *   a valid date.
 * @throws {RangeError} For an unknown dialect, time type, period, unit or time zone, `weekStartsOn` outside 0–6,
 *   `yearStartsOn` outside 1–12, an identifier that is empty, holds NUL or a lone surrogate or is too long for the
 *   engine, or a sample fraction outside (0, 1].
 * @example
 * ```ts
 * import { rfmSummarySql } from 'loyalty-metrics';
 *
 * const sql = rfmSummarySql({
 *   dialect: 'postgres',
 *   table: ['shop', 'orders'],
 *   customer: 'customer_id',
 *   time: 'ordered_at',
 *   value: 'amount',
 *   unit: 'week',
 *   timeZone: 'Europe/London',
 *   observationEnd: '1997-09-30',
 * });
 * sql.includes('FROM "shop"."orders"'); // => true
 * sql.includes(`"ordered_at" AT TIME ZONE E'Europe/London'`); // => true
 * // the period of 1997-09-30 (day 10134) closes the window
 * sql.includes('SELECT 10134 AS e'); // => true
 * rfmSummarySql({ dialect: 'duckdb', table: 'orders', customer: 'id', time: 'at', compress: true }).includes('COUNT(*) AS "weights"'); // => true
 * rfmSummarySql({ dialect: 'mysql', table: 'orders', customer: 'id', time: 'at' } as never); // => throws RangeError
 * ```
 * @category SQL
 */
export function rfmSummarySql(options: RfmSummarySqlOptions): string {
  return rfmSql('rfmSummarySql', options, false);
}
