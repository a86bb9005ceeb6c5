import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  calibrationHoldoutSql,
  customerSampleSql,
  retentionCountsSql,
  rfmSummarySql,
  type SqlDialect,
} from '../../src/index.ts';

// Golden SQL for every dialect (test/fixtures/sql/<dialect>/<case>.sql). DuckDB and PostgreSQL SQL is also
// executed (engines.test.ts); BigQuery, Snowflake, Spark SQL and ClickHouse are generated only, so these files
// are what a reviewer reads and what a change to the generators must update on purpose:
//   UPDATE_SQL_GOLDEN=1 npx vitest run test/sql/golden.test.ts

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
    rfmSummarySql({ dialect, ...source, timeType: 'epochMs', period: 'quarter', yearStartsOn: 4, timeZone: 'Australia/Sydney' }),
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

const dir = fileURLToPath(new URL('../fixtures/sql/', import.meta.url));

describe('golden SQL per dialect', () => {
  for (const dialect of DIALECTS) {
    it(`${dialect}: every case equals its file in test/fixtures/sql/${dialect}/`, () => {
      for (const [name, make] of Object.entries(CASES)) {
        const file = `${dir}${dialect}/${name}.sql`;
        const sql = make(dialect);
        if (process.env.UPDATE_SQL_GOLDEN === '1') {
          mkdirSync(`${dir}${dialect}`, { recursive: true });
          writeFileSync(file, sql);
        }
        expect(existsSync(file), `${file} (UPDATE_SQL_GOLDEN=1 writes it)`).toBe(true);
        expect(sql, file).toBe(readFileSync(file, 'utf8'));
      }
    });
  }
});
