import {
  calibrationHoldoutSql,
  customerSampleSql,
  retentionCountsSql,
  rfmSummarySql,
  type RetentionCountsSqlOptions,
  type RfmSummarySqlOptions,
} from '../../index.ts';
import { SQL_DIALECTS, SQL_TIME_TYPES } from '../../internal/sql.ts';
import { DURATION_UNITS, PERIODS } from '../../internal/time/periodKinds.ts';
import type { Command, CommandOutput, Flags } from '../command.ts';
import {
  CALENDAR_FLAGS,
  numberFlag,
  requiredFlag,
  stringFlag,
  timeZoneFlag,
  UsageError,
  yearStartsOnFlag,
} from '../command.ts';
import { parseBrackets } from './retention.ts';

/** What `loyalty-metrics sql <query>` can write. */
export const SQL_QUERIES = ['rfm', 'calibration', 'retention', 'sample'] as const;

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The table flag: a qualified name is split at its dots (`analytics.orders` → `['analytics', 'orders']`); a name
 * part that itself contains a dot cannot be written on the command line (use the library function).
 * @example
 * ```ts
 * import { tableFlag } from './sql.ts';
 *
 * tableFlag('orders'); // => 'orders'
 * tableFlag('my-project.shop.orders'); // => ['my-project', 'shop', 'orders']
 * ```
 */
export function tableFlag(text: string): string | string[] {
  const parts = text.split('.');
  return parts.length === 1 ? text : parts;
}

/**
 * The SQL of one query for the flags (the library's generators do the validation; their errors are exit code 1).
 * @example
 * ```ts
 * import { sqlFor } from './sql.ts';
 *
 * const sql = sqlFor('rfm', { dialect: 'postgres', table: 'shop.orders', customer: 'id', time: 'at', unit: 'week' });
 * sql.includes('FROM "shop"."orders"'); // => true
 * sqlFor('retention', { dialect: 'duckdb', table: 'e', customer: 'id', time: 'at', brackets: '1-7,8-30' }).includes('SELECT 1 AS b, 8 AS lo, 30 AS hi'); // => true
 * sqlFor('sample', { dialect: 'duckdb', table: 'e', customer: 'id' }); // => throws UsageError: --fraction is required
 * ```
 */
export function sqlFor(query: (typeof SQL_QUERIES)[number], flags: Flags): string {
  const dialect = requiredFlag(flags, 'dialect') as RfmSummarySqlOptions['dialect'];
  const table = tableFlag(requiredFlag(flags, 'table'));
  const customer = requiredFlag(flags, 'customer');
  const fraction = numberFlag(flags, 'fraction');
  const salt = stringFlag(flags, 'salt');
  if (query === 'sample') {
    if (fraction === undefined) throw new UsageError('--fraction is required');
    return customerSampleSql({ dialect, table, customer, fraction, ...(salt === undefined ? {} : { salt }) });
  }
  const time = requiredFlag(flags, 'time');
  const common: Writable<RetentionCountsSqlOptions> = { dialect, table, customer, time };
  const timeType = stringFlag(flags, 'time-type') as RfmSummarySqlOptions['timeType'];
  if (timeType !== undefined) common.timeType = timeType;
  const timeZone = timeZoneFlag(flags, 'time-zone');
  if (timeZone !== undefined) common.timeZone = timeZone;
  const period = stringFlag(flags, 'period') as RfmSummarySqlOptions['period'];
  if (period !== undefined) common.period = period;
  const weekStartsOn = numberFlag(flags, 'week-starts-on');
  if (weekStartsOn !== undefined) common.weekStartsOn = weekStartsOn;
  const yearStartsOn = yearStartsOnFlag(flags);
  if (yearStartsOn !== undefined) common.yearStartsOn = yearStartsOn;
  const observationEnd = stringFlag(flags, 'observation-end');
  if (observationEnd !== undefined) common.observationEnd = observationEnd;
  if (query === 'retention') {
    const options = { ...common };
    const mode = stringFlag(flags, 'mode') as RetentionCountsSqlOptions['mode'];
    if (mode !== undefined) options.mode = mode;
    const windows = stringFlag(flags, 'windows') as RetentionCountsSqlOptions['windows'];
    if (windows !== undefined) options.windows = windows;
    const brackets = stringFlag(flags, 'brackets');
    if (brackets !== undefined) options.brackets = parseBrackets(brackets);
    return retentionCountsSql(options);
  }
  const options: Writable<RfmSummarySqlOptions> = { ...common };
  const value = stringFlag(flags, 'value');
  if (value !== undefined) options.value = value;
  const unit = stringFlag(flags, 'unit') as RfmSummarySqlOptions['unit'];
  if (unit !== undefined) options.unit = unit;
  if (fraction !== undefined) options.sample = { fraction, ...(salt === undefined ? {} : { salt }) };
  if (query === 'calibration') {
    const calibrationEnd = requiredFlag(flags, 'calibration-end');
    return calibrationHoldoutSql({ ...options, calibrationEnd });
  }
  if (flags.compress === true) options.compress = true;
  return rfmSummarySql(options);
}

/**
 * `loyalty-metrics sql rfm|calibration|retention|sample`: prints the SQL that computes `rfmSummary`,
 * `calibrationHoldoutSplit`, the cells of `retentionMatrix`, or a hash sample of customers, in a warehouse.
 */
export const sqlCommand: Command = {
  name: 'sql',
  summary: 'print the SQL that computes rfm, calibration, retention counts or a customer sample in a warehouse',
  runs: 'rfmSummarySql, calibrationHoldoutSql, retentionCountsSql, customerSampleSql',
  subject: { value: `<${SQL_QUERIES.join('|')}>`, choices: SQL_QUERIES },
  flags: {
    dialect: {
      type: 'string',
      value: `<${SQL_DIALECTS.join('|')}>`,
      description: 'SQL dialect to write',
      required: true,
      choices: SQL_DIALECTS,
    },
    table: {
      type: 'string',
      value: '<name>',
      description: 'table of events or transactions; dots separate schema and table',
      required: true,
    },
    customer: { type: 'string', value: '<column>', description: 'column holding the customer id', required: true },
    time: { type: 'string', value: '<column>', description: 'column holding the event time (not for sample)' },
    'time-type': {
      type: 'string',
      value: `<${SQL_TIME_TYPES.join('|')}>`,
      description: 'what the time column holds (default timestamptz)',
      choices: SQL_TIME_TYPES,
    },
    value: { type: 'string', value: '<column>', description: 'column holding the purchase value (rfm, calibration)' },
    period: {
      type: 'string',
      value: `<${PERIODS.join('|')}>`,
      description: 'calendar period (default day)',
      choices: PERIODS,
    },
    unit: {
      type: 'string',
      value: `<${DURATION_UNITS.join('|')}>`,
      description: 'unit of recency and T (rfm, calibration; default: the period)',
      choices: DURATION_UNITS,
    },
    'observation-end': {
      type: 'string',
      value: '<instant>',
      description: 'end of observation; default the latest row',
    },
    'calibration-end': {
      type: 'string',
      value: '<instant>',
      description: 'end of the calibration window (calibration)',
    },
    compress: { type: 'boolean', description: 'one row per (frequency, recency, T) with weights (rfm)' },
    mode: {
      type: 'string',
      value: '<on|onOrAfter>',
      description: 'retention mode (default on)',
      choices: ['on', 'onOrAfter'],
    },
    windows: {
      type: 'string',
      value: '<calendar|rolling>',
      description: 'calendar periods or rolling windows (retention)',
      choices: ['calendar', 'rolling'],
    },
    brackets: { type: 'string', value: '<from-to,…>', description: 'retention brackets of periods, e.g. 1-7,8-30' },
    fraction: { type: 'string', value: '<0-1>', description: 'hash sample of customers: share kept (sample; rfm)' },
    salt: { type: 'string', value: '<text>', description: 'text mixed into the sample hash (default empty)' },
    ...CALENDAR_FLAGS,
  },
  async execute(context): Promise<CommandOutput> {
    const query = context.subject as (typeof SQL_QUERIES)[number];
    const sql = sqlFor(query, context.flags);
    return { json: { sql }, table: () => sql, csv: () => sql };
  },
};
