import {
  COHORT_SETTING_KEYS,
  readCohortSettings,
  readRetentionMode,
  RETENTION_MODE_KEYS,
} from '../internal/input/settings.ts';
import {
  dayNumber,
  firstDateOfPeriod,
  floorDiv,
  numberLiteral,
  periodOfDate,
  quoteIdentifier,
} from '../internal/sql.ts';
import { readSqlSource, sourceTime, SQL_SOURCE_KEYS } from '../internal/sqlSource.ts';
import { createPeriodIndexer } from '../internal/time/indexer.ts';
import { ROLLING_WINDOW_MS } from '../internal/time/periodKinds.ts';
import { rangeFail, readOptions } from '../internal/validate.ts';
import type { RetentionCountsSqlOptions } from './types.ts';

/**
 * SQL that counts, in the warehouse, the cells of `retentionMatrix` for the same `period`, `windows`,
 * `timeZone`, `weekStartsOn`, `yearStartsOn`, `observationEnd`, `mode` and `brackets`; pass its rows to
 * {@link retentionMatrixFromCounts} for the very result object `retentionMatrix` returns (labels, completeness
 * flags, rates, average row).
 *
 * One output row per cohort and non-empty column, ordered by cohort and column:
 *
 * ```text
 * cohort_period       period number of the cohort (period of the customer's first event ≤ observationEnd)
 * cohort_start        the cohort's first local day (a DATE, for people; the label)
 * cohort_size         customers in the cohort
 * column_index        k = periods since the cohort (calendar), ⌊(t − first) / w⌋ (rolling), or the bracket index
 * customers           on: #active in column k;  onOrAfter: #active in k or later;  brackets: #active in the bracket
 * observation_end_ms  the observation end (epoch ms): the latest event when none is given
 * observation_end_day the same for a date column: the latest date (days since 1970), observed whole
 * first_start_ms, last_start_ms   rolling windows: the cohort's earliest and latest member start
 * ```
 *
 * Calendar periods are those of the local date in `timeZone` (the engine's IANA database); events after
 * `observationEnd` are ignored, an event exactly at it counts; a date-only `observationEnd` (`'1998-06-30'`) covers
 * that whole local day, as everywhere in the library. Rolling windows are 24 h, 7, 30, 91 or 365 days
 * long and need instants (not a `'date'` column). In brackets mode a cohort none of whose customers is in any
 * bracket still has one row, with `column_index` and `customers` NULL, so its size is known. Rows whose customer
 * or time is NULL are skipped. Executed in the tests against DuckDB and PostgreSQL; the other dialects are
 * generated only.
 *
 * @param options - `dialect`, `table`, `customer`, `time` (required), `timeType`, `period`, `windows`, `timeZone`,
 *   `weekStartsOn`, `yearStartsOn`, `observationEnd`, `mode`, `brackets`.
 * @returns The SQL text of one `SELECT` statement, ending in a newline.
 * @throws {TypeError} When a required option is missing, an option has the wrong type, or `observationEnd` is not
 *   a valid date.
 * @throws {RangeError} For an unknown dialect, time type, period, windows, mode or time zone, invalid brackets,
 *   rolling windows over a `'date'` column, or an identifier that is empty, holds NUL or is too long.
 * @example
 * ```ts
 * import { retentionCountsSql } from 'loyalty-metrics';
 *
 * const sql = retentionCountsSql({
 *   dialect: 'duckdb',
 *   table: 'events',
 *   customer: 'user_id',
 *   time: 'event_time',
 *   period: 'week',
 *   weekStartsOn: 0,
 *   timeZone: 'America/New_York',
 *   mode: 'onOrAfter',
 * });
 * sql.includes(`timezone('America/New_York', "event_time")`); // => true
 * sql.includes('ORDER BY "cohort_period", "column_index"'); // => true
 * retentionCountsSql({ dialect: 'duckdb', table: 'e', customer: 'c', time: 'd', timeType: 'date', windows: 'rolling' }); // => throws RangeError
 * ```
 * @category SQL
 */
export function retentionCountsSql(options: RetentionCountsSqlOptions): string {
  const fn = 'retentionCountsSql';
  const opts = readOptions(fn, options, [...SQL_SOURCE_KEYS, ...COHORT_SETTING_KEYS, ...RETENTION_MODE_KEYS]);
  const source = readSqlSource(fn, opts, true);
  const settings = readCohortSettings(fn, opts);
  const { mode, brackets } = readRetentionMode(fn, opts);
  const { dialect } = source;
  const rolling = settings.windows === 'rolling';
  const isDate = source.timeType === 'date';
  if (rolling && isDate)
    rangeFail(fn, "windows ('rolling') need instants: a 'date' time column has no time of day to measure windows from");
  const time = sourceTime(source, settings);
  const q = (name: string): string => quoteIdentifier(fn, dialect, name, 'alias');
  const p = periodOfDate(dialect, time.localDate, settings);
  const endMs = settings.observationEnd;

  // events: every valid row up to the observation end, with its period (and instant, or local day).
  const at = isDate ? dayNumber(dialect, time.localDate) : (time.epochMs as string);
  const where = [`${source.customer} IS NOT NULL`, `${source.time} IS NOT NULL`];
  let bounds: string;
  if (endMs === undefined) {
    bounds = `SELECT MAX(${at}) AS end_at FROM ${source.table} WHERE ${where.join(' AND ')}`;
  } else {
    // A date column is compared by local day: local midnight of day d is ≤ the end exactly when d ≤ the end's day.
    const end = isDate ? createPeriodIndexer(fn, { ...settings, period: 'day' }).index(endMs) : endMs;
    bounds = `SELECT ${numberLiteral(end)} AS end_at`;
  }
  const ctes: string[] = [
    `bounds AS (\n  ${bounds}\n)`,
    `events AS (\n  SELECT\n    ${source.customer} AS c,\n    ${p} AS p,\n    ${at} AS t\n  FROM ${source.table} CROSS JOIN bounds\n  WHERE ${[...where, `${at} <= end_at`].join('\n    AND ')}\n)`,
    rolling
      ? 'starts AS (\n  SELECT c, MIN(p) AS cohort, MIN(t) AS first_t\n  FROM events\n  GROUP BY c\n)'
      : 'starts AS (\n  SELECT c, MIN(p) AS cohort\n  FROM events\n  GROUP BY c\n)',
    rolling
      ? `sizes AS (\n  SELECT cohort, COUNT(*) AS cohort_size, MIN(first_t) AS first_start_ms, MAX(first_t) AS last_start_ms\n  FROM starts\n  GROUP BY cohort\n)`
      : 'sizes AS (\n  SELECT cohort, COUNT(*) AS cohort_size\n  FROM starts\n  GROUP BY cohort\n)',
    `cells AS (\n  SELECT DISTINCT events.c, starts.cohort, ${
      rolling
        ? floorDiv(dialect, 'events.t - starts.first_t', ROLLING_WINDOW_MS[settings.period])
        : 'events.p - starts.cohort'
    } AS k\n  FROM events JOIN starts ON events.c = starts.c\n)`,
  ];
  if (mode === 'on') {
    ctes.push('counts AS (\n  SELECT cohort, k, COUNT(*) AS n\n  FROM cells\n  GROUP BY cohort, k\n)');
  } else if (mode === 'onOrAfter') {
    ctes.push('lasts AS (\n  SELECT c, cohort, MAX(k) AS last_k\n  FROM cells\n  GROUP BY c, cohort\n)');
    ctes.push(
      'last_counts AS (\n  SELECT cohort, last_k AS k, COUNT(*) AS last_n\n  FROM lasts\n  GROUP BY cohort, last_k\n)',
    );
    ctes.push(
      'counts AS (\n  SELECT cohort, k, SUM(last_n) OVER (PARTITION BY cohort ORDER BY k DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n\n  FROM last_counts\n)',
    );
  } else if (brackets !== null) {
    const list = brackets.map(([from, to], j) => `SELECT ${j} AS b, ${from} AS lo, ${to} AS hi`).join('\n  UNION ALL ');
    ctes.push(`brackets AS (\n  ${list}\n)`);
    ctes.push(
      'counts AS (\n  SELECT cells.cohort, brackets.b AS k, COUNT(DISTINCT cells.c) AS n\n  FROM cells JOIN brackets ON cells.k >= brackets.lo AND cells.k <= brackets.hi\n  GROUP BY cells.cohort, brackets.b\n)',
    );
  }
  const columns = [
    `sizes.cohort AS ${q('cohort_period')}`,
    `${firstDateOfPeriod(dialect, 'sizes.cohort', settings)} AS ${q('cohort_start')}`,
    `sizes.cohort_size AS ${q('cohort_size')}`,
    `counts.k AS ${q('column_index')}`,
    `counts.n AS ${q('customers')}`,
    `bounds.end_at AS ${q(isDate ? 'observation_end_day' : 'observation_end_ms')}`,
  ];
  if (rolling)
    columns.push(`sizes.first_start_ms AS ${q('first_start_ms')}`, `sizes.last_start_ms AS ${q('last_start_ms')}`);
  const join = mode === 'brackets' ? 'LEFT JOIN' : 'JOIN';
  const note = `-- retention counts: period ${settings.period}, windows ${settings.windows}, mode ${mode}`;
  return `${note}\nWITH\n${ctes.join(',\n')}\nSELECT\n  ${columns.join(',\n  ')}\nFROM sizes ${join} counts ON sizes.cohort = counts.cohort CROSS JOIN bounds\nORDER BY ${q('cohort_period')}, ${q('column_index')}\n`;
}
