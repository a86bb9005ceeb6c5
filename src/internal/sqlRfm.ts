/**
 * The SQL of the RFM summary and of its calibration/holdout split (`rfmSummarySql`, `calibrationHoldoutSql`):
 * the same formulas as `rfmSummary` and `calibrationHoldoutSplit` (see their notes), written as CTEs.
 *
 * ```text
 * events   one row per transaction: customer c, period number p of its local date, value v
 * periods  one row per (c, p ≤ E): the values of the period summed
 * firsts   + the customer's first period p0 (≤ C, the calibration end, for the split)
 * summary  per customer: n periods, first days of the first and last period, repeat value, holdout periods and value
 * result   frequency = n − 1, recency = (last_day − first_day) / u, T = (end_day or C's − first_day) / u …
 * ```
 * @internal
 * @module
 */
import { DAYS_PER_UNIT, DURATION_UNITS, type DurationUnit } from './time/periodKinds.ts';
import {
  firstDayOfPeriod,
  indent,
  numberLiteral,
  periodOfDate,
  quoteIdentifier,
  toDouble,
  type SqlDialect,
} from './sql.ts';
import { readSqlCalendar, readSqlInstant, readSqlSource, sampleCondition, sourceTime } from './sqlSource.ts';
import {
  describeValue,
  rangeFail,
  readOptions,
  requireBoolean,
  requireOneOf,
  typeFail,
  withDefault,
} from './validate.ts';

// Literal lists (no spreads of SQL_SOURCE_KEYS and SQL_CALENDAR_KEYS): bundlers drop an unused constant only when its
// initialiser is pure, and an array spread is not.
/** Option keys of `rfmSummarySql`. */
export const RFM_SQL_KEYS: readonly string[] = [
  'dialect',
  'table',
  'customer',
  'time',
  'timeType',
  'period',
  'timeZone',
  'weekStartsOn',
  'yearStartsOn',
  'value',
  'unit',
  'observationEnd',
  'compress',
  'sample',
];

/** Option keys of `calibrationHoldoutSql`. */
export const CALIBRATION_SQL_KEYS: readonly string[] = [
  'dialect',
  'table',
  'customer',
  'time',
  'timeType',
  'period',
  'timeZone',
  'weekStartsOn',
  'yearStartsOn',
  'value',
  'unit',
  'observationEnd',
  'calibrationEnd',
  'sample',
];

/**
 * Writes the RFM summary SQL (`calibration` false) or the calibration/holdout SQL, for the options of
 * `rfmSummarySql` / `calibrationHoldoutSql` (read here by key list).
 * @example
 * ```ts
 * import { rfmSql } from './sqlRfm.ts';
 *
 * const sql = rfmSql('rfmSummarySql', { dialect: 'duckdb', table: 'orders', customer: 'id', time: 'at' }, false);
 * [sql.includes('FROM "orders"'), sql.includes('"frequency"')]; // => [true, true]
 * rfmSql('rfmSummarySql', { dialect: 'duckdb', table: 'orders', customer: 'id', time: 'at', calibrationEnd: '2024-01-01' }, false); // => throws TypeError
 * ```
 */
export function rfmSql(fn: string, options: unknown, calibration: boolean): string {
  const opts = readOptions(fn, options, calibration ? CALIBRATION_SQL_KEYS : RFM_SQL_KEYS) as Readonly<
    Record<string, unknown>
  >;
  const source = readSqlSource(fn, opts, true);
  const calendar = readSqlCalendar(fn, opts);
  const { dialect } = source;
  const unit = requireOneOf<DurationUnit>(fn, 'unit', withDefault(opts.unit, calendar.period), DURATION_UNITS);
  const unitDays = DAYS_PER_UNIT[unit];
  const value = opts.value === undefined ? null : quoteIdentifier(fn, dialect, opts.value, 'value');
  const compress = requireBoolean(fn, 'compress', withDefault(opts.compress, false));
  const endMs = readSqlInstant(fn, 'observationEnd', opts.observationEnd, calendar.timeZone);
  let calibrationMs: number | undefined;
  if (calibration) {
    if (opts.calibrationEnd === undefined) typeFail(fn, 'calibrationEnd is required');
    calibrationMs = readSqlInstant(fn, 'calibrationEnd', opts.calibrationEnd, calendar.timeZone);
    if (endMs !== undefined && calibrationMs !== undefined && endMs < calibrationMs)
      rangeFail(
        fn,
        `observationEnd (${describeValue(opts.observationEnd)}) must not be before calibrationEnd (${describeValue(opts.calibrationEnd)})`,
      );
  }
  const q = (name: string): string => quoteIdentifier(fn, dialect, name, 'alias');
  const time = sourceTime(source, calendar);
  const p = periodOfDate(dialect, time.localDate, calendar);
  const day = (x: string): string => firstDayOfPeriod(dialect, x, calendar);
  const duration = (from: string, to: string): string =>
    `${toDouble(dialect, `${to} - ${from}`)} / ${numberLiteral(unitDays)}`;
  const where = [`${source.customer} IS NOT NULL`, `${source.time} IS NOT NULL`];
  if (opts.sample !== undefined) where.push(sampleCondition(fn, source, opts.sample));

  const { indexer } = calendar;
  const endPeriod = endMs === undefined ? null : indexer.index(endMs);
  const end =
    endPeriod === null
      ? `SELECT MAX(p) AS e, ${day('MAX(p)')} AS end_day FROM events`
      : `SELECT ${numberLiteral(endPeriod)} AS e, ${numberLiteral(indexer.firstDay(endPeriod))} AS end_day`;
  const calPeriod = calibrationMs === undefined ? 0 : indexer.index(calibrationMs);
  const cal = numberLiteral(calPeriod);
  const calDay = numberLiteral(indexer.firstDay(calPeriod));
  const inCal = `p <= ${cal}`;
  const ctes = [
    `events AS (\n  SELECT\n    ${source.customer} AS c,\n    ${p} AS p${value === null ? '' : `,\n    ${value} AS v`}\n  FROM ${source.table}\n  WHERE ${where.join('\n    AND ')}\n)`,
    `bounds AS (\n  ${end}\n)`,
    `periods AS (\n  SELECT c, p${value === null ? '' : ', SUM(v) AS pv'}\n  FROM events CROSS JOIN bounds\n  WHERE p <= e\n  GROUP BY c, p\n)`,
    `firsts AS (\n  SELECT c, p${value === null ? '' : ', pv'}, MIN(${calibration ? `CASE WHEN ${inCal} THEN p END` : 'p'}) OVER (PARTITION BY c) AS p0\n  FROM periods\n)`,
  ];
  const summary: string[] = [
    'c',
    calibration ? `SUM(CASE WHEN ${inCal} THEN 1 ELSE 0 END) AS n` : 'COUNT(*) AS n',
    `${day('MIN(p0)')} AS first_day`,
    `${day(calibration ? `MAX(CASE WHEN ${inCal} THEN p END)` : 'MAX(p)')} AS last_day`,
  ];
  if (value !== null)
    summary.push(`SUM(CASE WHEN ${calibration ? `${inCal} AND ` : ''}p > p0 THEN pv ELSE 0 END) AS repeat_v`);
  if (calibration) {
    summary.push(`SUM(CASE WHEN p > ${cal} THEN 1 ELSE 0 END) AS holdout_n`);
    if (value !== null) summary.push(`SUM(CASE WHEN p > ${cal} THEN pv ELSE 0 END) AS holdout_v`);
  }
  ctes.push(
    `summary AS (\n  SELECT\n    ${summary.join(',\n    ')}\n  FROM firsts\n  WHERE p0 IS NOT NULL\n  GROUP BY c\n)`,
  );
  const mean = (sum: string, count: string): string =>
    `CASE WHEN ${count} = 0 THEN 0 ELSE ${toDouble(dialect, sum)} / (${count}) END`;
  const columns: string[] = [
    `c AS ${q('customer')}`,
    `n - 1 AS ${q('frequency')}`,
    `${duration('first_day', 'last_day')} AS ${q('recency')}`,
    `${duration('first_day', calibration ? calDay : 'end_day')} AS ${q('T')}`,
  ];
  if (value !== null) columns.push(`${mean('repeat_v', 'n - 1')} AS ${q('monetaryValue')}`);
  if (calibration) {
    columns.push(`holdout_n AS ${q('holdoutFrequency')}`);
    columns.push(`${duration(calDay, 'end_day')} AS ${q('holdoutDuration')}`);
    if (value !== null) columns.push(`${mean('holdout_v', 'holdout_n')} AS ${q('holdoutMonetaryValue')}`);
  }
  const select = `SELECT\n  ${columns.join(',\n  ')}\nFROM summary CROSS JOIN bounds`;
  if (!compress) return `WITH\n${ctes.join(',\n')}\n${select}\nORDER BY c\n`;
  ctes.push(`customers AS (\n${indent(select, 2)}\n)`);
  const f = q('frequency');
  const r = q('recency');
  const t = q('T');
  return `WITH\n${ctes.join(',\n')}\nSELECT ${f}, ${r}, ${t}, COUNT(*) AS ${q('weights')}\nFROM customers\nGROUP BY ${f}, ${r}, ${t}\nORDER BY ${f}, ${r}, ${t}\n`;
}

export type { SqlDialect };
