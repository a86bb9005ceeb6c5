import { rfmSql } from '../internal/sqlRfm.ts';
import type { CalibrationHoldoutSqlOptions } from './types.ts';

/**
 * SQL that computes, in the warehouse, exactly what `calibrationHoldoutSplit` computes in process: the
 * calibration RFM summary up to `calibrationEnd` and the purchases of each customer in the holdout window, one
 * row per customer with a calibration purchase, with columns `customer`, `frequency`, `recency`, `T`,
 * `monetaryValue` (with a value column), `holdoutFrequency`, `holdoutDuration` and `holdoutMonetaryValue`.
 *
 * ```text
 * C = period of calibrationEnd,  E = period of observationEnd (default: of the latest row)
 * frequency, recency, T, monetaryValue  as rfmSummarySql over the periods ≤ C (T to firstDay(C))
 * holdoutFrequency     = distinct purchase periods p with C < p ≤ E
 * holdoutDuration      = (firstDay(E) − firstDay(C)) / u
 * holdoutMonetaryValue = Σ holdout values / holdoutFrequency,  0 when it is 0
 * ```
 *
 * Without an `observationEnd`, E is the period of the latest row; when that is before `calibrationEnd` the SQL
 * cannot raise the `RangeError` that `calibrationHoldoutSplit` raises, and `holdoutDuration` comes out
 * negative: pass `observationEnd` when the table may end early. NULLs are handled as in {@link rfmSummarySql}.
 *
 * @param options - `calibrationEnd` (required) and the options of {@link rfmSummarySql} except `compress`.
 * @returns The SQL text of one `SELECT` statement, ending in a newline.
 * @throws {TypeError} As {@link rfmSummarySql}; also when `calibrationEnd` is missing or not a valid date.
 * @throws {RangeError} As {@link rfmSummarySql}; also when `observationEnd` is before `calibrationEnd`.
 * @example
 * ```ts
 * import { calibrationHoldoutSql } from 'loyalty-metrics';
 *
 * const sql = calibrationHoldoutSql({
 *   dialect: 'duckdb',
 *   table: 'orders',
 *   customer: 'id',
 *   time: 'at',
 *   calibrationEnd: '2024-01-14',
 *   observationEnd: '2024-01-28',
 *   unit: 'week',
 * });
 * // calibration ends with day 19736 (2024-01-14), observation with day 19750
 * sql.includes('SUM(CASE WHEN p > 19736 THEN 1 ELSE 0 END) AS holdout_n'); // => true
 * sql.includes('SELECT 19750 AS e'); // => true
 * calibrationHoldoutSql({ dialect: 'duckdb', table: 'orders', customer: 'id', time: 'at' } as never); // => throws TypeError: calibrationHoldoutSql: calibrationEnd is required
 * ```
 * @category SQL
 */
export function calibrationHoldoutSql(options: CalibrationHoldoutSqlOptions): string {
  return rfmSql('calibrationHoldoutSql', options, true);
}
