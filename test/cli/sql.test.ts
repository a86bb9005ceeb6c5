import { describe, expect, it } from 'vitest';
import { calibrationHoldoutSql, customerSampleSql, retentionCountsSql, rfmSummarySql } from '../../src/index.ts';
import { runCli } from './helpers.ts';

// `loyalty-metrics sql …` prints exactly what the library's generators return for the same options.

const source = ['--dialect', 'postgres', '--table', 'shop.orders', '--customer', 'customer_id', '--time', 'ordered_at'];

describe('loyalty-metrics sql', () => {
  it('rfm: the SQL of rfmSummarySql for the same options (a dotted table is schema.table)', async () => {
    const run = await runCli([
      'sql',
      'rfm',
      ...source,
      '--value',
      'amount',
      '--unit',
      'week',
      '--time-zone',
      'Europe/London',
      '--observation-end',
      '1997-09-30',
      '--compress',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      rfmSummarySql({
        dialect: 'postgres',
        table: ['shop', 'orders'],
        customer: 'customer_id',
        time: 'ordered_at',
        value: 'amount',
        unit: 'week',
        timeZone: 'Europe/London',
        observationEnd: '1997-09-30',
        compress: true,
      }),
    );
  });

  it('retention, calibration and sample, and --format json', async () => {
    const base = {
      dialect: 'postgres',
      table: ['shop', 'orders'],
      customer: 'customer_id',
      time: 'ordered_at',
    } as const;
    const retention = await runCli([
      'sql',
      'retention',
      ...source,
      '--period',
      'week',
      '--week-starts-on',
      '0',
      '--brackets',
      '1-4,5-12',
      '--format',
      'json',
    ]);
    expect(retention.code).toBe(0);
    expect(JSON.parse(retention.stdout)).toEqual({
      sql: retentionCountsSql({
        ...base,
        period: 'week',
        weekStartsOn: 0,
        brackets: [
          [1, 4],
          [5, 12],
        ],
      }),
    });
    const calibration = await runCli([
      'sql',
      'calibration',
      ...source,
      '--calibration-end',
      '1997-09-30',
      '--time-type',
      'date',
    ]);
    expect(calibration.stdout).toBe(calibrationHoldoutSql({ ...base, calibrationEnd: '1997-09-30', timeType: 'date' }));
    const sample = await runCli([
      'sql',
      'sample',
      '--dialect',
      'bigquery',
      '--table',
      'orders',
      '--customer',
      'id',
      '--fraction',
      '0.1',
      '--salt',
      'x',
    ]);
    expect(sample.stdout).toBe(
      customerSampleSql({ dialect: 'bigquery', table: 'orders', customer: 'id', fraction: 0.1, salt: 'x' }),
    );
  });

  it('usage errors exit with 2, invalid values with 1', async () => {
    expect((await runCli(['sql', ...source])).code).toBe(2);
    expect((await runCli(['sql', 'churn', ...source])).code).toBe(2);
    expect((await runCli(['sql', 'rfm', ...source.slice(0, 2)])).code).toBe(2);
    expect((await runCli(['sql', 'rfm', ...source, '--dialect', 'mysql'])).code).toBe(2);
    // 64 bytes: PostgreSQL would silently truncate the name, so the generator refuses it.
    const bad = await runCli(['sql', 'rfm', ...source, '--customer', 'x'.repeat(64)]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is longer than 63 bytes, the postgres identifier limit');
    expect((await runCli(['sql', 'sample', ...source, '--fraction', '2'])).code).toBe(1);
  });
});
