/**
 * Reading the options every SQL generator shares (dialect, table, columns, time type, calendar) and writing the
 * first CTE: one row per event with its customer, its period number in the calendar of the zone, and its value.
 * @internal
 * @module
 */
import { createPeriodIndexer, type PeriodIndexer } from './time/indexer.ts';
import { requirePeriod, type Period } from './time/periodKinds.ts';
import { requireTimeZone } from './time/zones.ts';
import { requireWeekStartsOn, requireYearStartsOn } from './time/calendarRules.ts';
import { toEpochMs } from './time/parse.ts';
import { readObservationEnd } from './input/settings.ts';
import {
  customerHash,
  quoteIdentifier,
  quoteString,
  quoteTable,
  requireDialect,
  sampleThreshold,
  SQL_TIME_TYPES,
  timeExpressions,
  type SqlDialect,
  type SqlTimeType,
  type TimeExpressions,
} from './sql.ts';
import { describeValue, readOptions, requireOneOf, typeFail, withDefault } from './validate.ts';

/** Option keys of the source (every generator). */
export const SQL_SOURCE_KEYS = ['dialect', 'table', 'customer', 'time', 'timeType'] as const;
/** Option keys of the calendar. */
export const SQL_CALENDAR_KEYS = ['period', 'timeZone', 'weekStartsOn', 'yearStartsOn'] as const;

/** The validated source: the dialect, the quoted table and columns, and the time expressions. */
export interface SqlSource {
  readonly dialect: SqlDialect;
  readonly table: string;
  readonly customer: string;
  readonly time: string;
  readonly timeType: SqlTimeType;
}

/** The validated calendar. */
export interface SqlCalendar {
  readonly period: Period;
  readonly timeZone: string;
  readonly weekStartsOn: number;
  readonly yearStartsOn: number;
  readonly indexer: PeriodIndexer;
}

/**
 * Reads and quotes `dialect`, `table`, `customer`, `time` (required unless `withTime` is false) and `timeType`.
 * @example
 * ```ts
 * import { readSqlSource } from './sqlSource.ts';
 *
 * readSqlSource('f', { dialect: 'duckdb', table: 'orders', customer: 'id', time: 'at' }, true); // => { dialect: 'duckdb', table: '"orders"', customer: '"id"', time: '"at"', timeType: 'timestamptz' }
 * readSqlSource('f', { dialect: 'duckdb', table: 'orders', time: 'at' }, true); // => throws TypeError: f: customer (the customer id column) is required
 * ```
 */
export function readSqlSource(
  fn: string,
  opts: { readonly [K in (typeof SQL_SOURCE_KEYS)[number]]?: unknown },
  withTime: boolean,
): SqlSource {
  const dialect = requireDialect(fn, opts.dialect);
  if (opts.table === undefined) typeFail(fn, 'table is required');
  const table = quoteTable(fn, dialect, opts.table);
  if (opts.customer === undefined) typeFail(fn, 'customer (the customer id column) is required');
  const customer = quoteIdentifier(fn, dialect, opts.customer, 'customer');
  let time = '';
  if (withTime) {
    if (opts.time === undefined) typeFail(fn, 'time (the event time column) is required');
    time = quoteIdentifier(fn, dialect, opts.time, 'time');
  }
  const timeType = requireOneOf(fn, 'timeType', withDefault(opts.timeType, 'timestamptz'), SQL_TIME_TYPES);
  return { dialect, table, customer, time, timeType };
}

/** Reads `period` (default `'day'`), `timeZone` (`'UTC'`), `weekStartsOn` (1), `yearStartsOn` (1). */
export function readSqlCalendar(
  fn: string,
  opts: { readonly [K in (typeof SQL_CALENDAR_KEYS)[number]]?: unknown },
): SqlCalendar {
  const period = requirePeriod(fn, 'period', withDefault(opts.period, 'day'));
  const timeZone = requireTimeZone(fn, 'timeZone', withDefault(opts.timeZone, 'UTC'));
  const weekStartsOn = requireWeekStartsOn(fn, 'weekStartsOn', withDefault(opts.weekStartsOn, 1));
  const yearStartsOn = requireYearStartsOn(fn, 'yearStartsOn', withDefault(opts.yearStartsOn, 1));
  const indexer = createPeriodIndexer(fn, { period, timeZone, weekStartsOn, yearStartsOn });
  return { period, timeZone, weekStartsOn, yearStartsOn, indexer };
}

/** An instant option (a timestamp as `rfmSummary` reads it: a date is local midnight in the zone), or undefined. */
export function readSqlInstant(fn: string, name: string, value: unknown, timeZone: string): number | undefined {
  if (name === 'observationEnd') return readObservationEnd(fn, name, value, timeZone);
  return value === undefined ? undefined : toEpochMs(fn, value, name, timeZone);
}

/** The time expressions of the source's time column in the calendar's zone. */
export function sourceTime(source: SqlSource, calendar: SqlCalendar): TimeExpressions {
  return timeExpressions(source.dialect, source.time, source.timeType, calendar.timeZone);
}

/**
 * The sample condition on the customer column (`''` without a sample): MD5-based hash below the threshold.
 * @example
 * ```ts
 * import { readSqlSource, sampleCondition } from './sqlSource.ts';
 *
 * const source = readSqlSource('f', { dialect: 'duckdb', table: 't', customer: 'c' }, false);
 * sampleCondition('f', source, { fraction: 0.5 }); // => "CAST(('0x' || substr(md5(CAST(\"c\" AS VARCHAR) || ''), 1, 8)) AS BIGINT) < 2147483648"
 * sampleCondition('f', source, { fraction: 0.5, sat: 'x' }); // => throws TypeError: f: unknown option "sat" in sample (did you mean "salt"?); accepted options: fraction, salt
 * ```
 */
export function sampleCondition(fn: string, source: SqlSource, sample: unknown, prefix = 'sample.'): string {
  const s = readOptions(fn, sample, ['fraction', 'salt'], [], 'options.sample');
  const threshold = sampleThreshold(fn, s.fraction, `${prefix}fraction`);
  const saltValue = withDefault(s.salt, '');
  if (typeof saltValue !== 'string') typeFail(fn, `${prefix}salt must be a string, got ${describeValue(saltValue)}`);
  const salt = quoteString(fn, source.dialect, saltValue, `${prefix}salt`);
  return `${customerHash(source.dialect, source.customer, salt)} < ${threshold}`;
}
