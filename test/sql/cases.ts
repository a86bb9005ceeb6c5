import {
  calibrationHoldoutSql,
  customerSampleSql,
  retentionCountsSql,
  rfmSummarySql,
  type SqlDialect,
} from '../../src/index.ts';

/** The golden SQL cases (test/fixtures/sql/<dialect>/<case>.sql), shared by golden.test.ts and parse.test.ts. */
export const DIALECTS: readonly SqlDialect[] = ['duckdb', 'postgres', 'bigquery', 'snowflake', 'spark', 'clickhouse'];

const source = { table: ['shop', 'orders'], customer: 'customer_id', time: 'ordered_at' } as const;

/** The golden cases: a name and the SQL for a dialect. */
export const CASES: Readonly<Record<string, (dialect: SqlDialect) => string>> = {
  'rfm-weeks-london': (dialect) =>
    rfmSummarySql({
      dialect,
      ...source,
      value: 'amount',
      unit: 'week',
      timeZone: 'Europe/London',
      observationEnd: '1997-09-30',
    }),
  'rfm-months-utc-timestamp': (dialect) =>
    rfmSummarySql({ dialect, ...source, timeType: 'timestamp', period: 'month', unit: 'day' }),
  'rfm-fiscal-quarters-epoch-ms': (dialect) =>
    rfmSummarySql({
      dialect,
      ...source,
      timeType: 'epochMs',
      period: 'quarter',
      yearStartsOn: 4,
      timeZone: 'Australia/Sydney',
    }),
  'rfm-compressed-dates': (dialect) =>
    rfmSummarySql({ dialect, ...source, timeType: 'date', unit: 'week', observationEnd: '1997-09-30', compress: true }),
  'rfm-sample': (dialect) =>
    rfmSummarySql({ dialect, ...source, value: 'amount', sample: { fraction: 0.1, salt: 'fit-2024' } }),
  'calibration-holdout': (dialect) =>
    calibrationHoldoutSql({
      dialect,
      ...source,
      value: 'amount',
      unit: 'week',
      timeZone: 'America/New_York',
      calibrationEnd: '1997-09-30',
      observationEnd: '1998-06-30',
    }),
  'retention-weeks-sunday': (dialect) =>
    retentionCountsSql({ dialect, ...source, period: 'week', weekStartsOn: 0, timeZone: 'America/New_York' }),
  'retention-months-on-or-after': (dialect) =>
    retentionCountsSql({ dialect, ...source, period: 'month', mode: 'onOrAfter', observationEnd: '2024-06-30' }),
  'retention-brackets-dates': (dialect) =>
    retentionCountsSql({
      dialect,
      ...source,
      timeType: 'date',
      brackets: [
        [1, 7],
        [8, 30],
      ],
    }),
  'retention-rolling-weeks': (dialect) =>
    retentionCountsSql({ dialect, ...source, period: 'week', windows: 'rolling', timeZone: 'Europe/London' }),
  'customer-sample': (dialect) =>
    customerSampleSql({ dialect, table: source.table, customer: source.customer, fraction: 0.25, salt: "it's" }),
};
