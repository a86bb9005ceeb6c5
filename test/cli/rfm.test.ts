import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rfmSummary } from '../../src/index.ts';
import { root } from '../package/build.ts';
import { runCli, simpleCsv } from './helpers.ts';

// examples/data/orders.csv is the CDNOW sample (examples/data/README.md) as CSV.
const ordersFile = 'examples/data/orders.csv';
const orders = simpleCsv(readFileSync(join(root, ordersFile), 'utf8')).map((row) => ({
  ...row,
  amount: Number(row.amount),
}));
const cdnowFlags = [
  '--customer',
  'customer_id',
  '--time',
  'ordered_on',
  '--observation-end',
  '1997-09-30',
  '--unit',
  'week',
];

describe('loyalty-metrics rfm', () => {
  it('prints exactly rfmSummary of the rows with --format json', async () => {
    const run = await runCli(['rfm', ordersFile, ...cdnowFlags, '--value', 'amount', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const expected = rfmSummary(orders, {
      customer: 'customer_id',
      time: 'ordered_on',
      value: 'amount',
      observationEnd: '1997-09-30',
      unit: 'week',
    });
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('reproduces the first rows of cdnow_customers_summary.csv (lifetimes, weekly units) in CSV output', async () => {
    const run = await runCli(['rfm', ordersFile, ...cdnowFlags, '--format', 'csv']);
    expect(run.code).toBe(0);
    const [header, first] = run.stdout.split('\n');
    expect(header).toBe('customer,frequency,recency,T,monetaryValue');
    // test/fixtures/cdnow_customers_summary.csv, first row (ID 1, the first customer: 00004): 2, 30.43, 38.86 (weeks).
    const [id, frequency, recency, T] = (first ?? '').split(',');
    expect([id, frequency]).toEqual(['00004', '2']);
    expect(Number(recency)).toBeCloseTo(30.43, 2);
    expect(Number(T)).toBeCloseTo(38.86, 2);
  });

  it('takes NDJSON with epoch-millisecond times and numeric customer ids', async () => {
    const day = 86_400_000;
    const lines = [
      { c: 1, t: 0, v: 10 },
      { c: 1, t: 7 * day, v: 20 },
      { c: 2, t: 14 * day, v: 5 },
    ].map((r) => JSON.stringify(r));
    const run = await runCli(
      [
        'rfm',
        '--input-format',
        'ndjson',
        '--customer',
        'c',
        '--time',
        't',
        '--value',
        'v',
        '--unit',
        'week',
        '--format',
        'json',
      ],
      lines.join('\n'),
    );
    expect(run.code).toBe(0);
    // Customer 1: purchases in weeks 0 and 1 → frequency 1, recency 1 week, T 2 weeks (to day 14), mean repeat value 20.
    expect(JSON.parse(run.stdout)).toEqual([
      { customer: '1', frequency: 1, recency: 1, T: 2, monetaryValue: 20 },
      { customer: '2', frequency: 0, recency: 0, T: 0, monetaryValue: 0 },
    ]);
  });

  it('exits 1 with the line of an unparseable date, and 2 for an unknown period or time zone', async () => {
    const bad = await runCli(['rfm', '--customer', 'id', '--time', 'at'], 'id,at\na,2024-01-01\nb,2024-13-01\n');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      'loyalty-metrics: standard input: line 3, column "at": "2024-13-01" is not a valid date (ISO 8601, e.g. 2024-03-05, 2024-03-05T14:30:00Z or 20240305T143000Z, or epoch milliseconds)\n',
    );
    const value = await runCli(
      ['rfm', '--customer', 'id', '--time', 'at', '--value', 'amount'],
      'id,at,amount\na,2024-01-01,$5\n',
    );
    expect(value.stderr).toBe(
      'loyalty-metrics: standard input: line 2, column "amount": value must be a number, got "$5"\n',
    );
    expect((await runCli(['rfm', '--customer', 'id', '--time', 'at', '--period', 'fortnight'], 'id,at\n')).code).toBe(
      2,
    );
    const zone = await runCli(['rfm', '--customer', 'id', '--time', 'at', '--time-zone', 'Mars/Olympus'], 'id,at\n');
    expect(zone.code).toBe(2);
    expect(zone.stderr).toMatch(/^loyalty-metrics: --time-zone "Mars\/Olympus" is not an IANA time zone/);
    // the calendar flags are read by the one reader of the log commands (readCommandLog), as for retention
    const week = await runCli(['rfm', '--customer', 'id', '--time', 'at', '--week-starts-on', '7'], 'id,at\n');
    expect(week.code).toBe(2);
    expect(week.stderr.split('\n')[0]).toBe(
      'loyalty-metrics: --week-starts-on must be an integer from 0 (Sunday) to 6; got 7',
    );
  });
});

describe('loyalty-metrics fit-bgnbd', () => {
  it('fits BG/NBD to the CDNOW sample and reproduces the published parameters', async () => {
    const run = await runCli(['fit-bgnbd', ordersFile, ...cdnowFlags, '--format', 'json']);
    expect(run.code).toBe(0);
    const fit = JSON.parse(run.stdout) as {
      model: string;
      params: Record<string, number>;
      logLikelihood: number;
      converged: boolean;
    };
    expect(fit.model).toBe('bgNbd');
    expect(fit.converged).toBe(true);
    // Fader, Hardie & Lee (2005), via /work/shared/data/README.md: r = 0.243, α = 4.414, a = 0.793, b = 2.426; LL −9582.4.
    expect(fit.params.r).toBeCloseTo(0.243, 3);
    expect(fit.params.alpha).toBeCloseTo(4.414, 3);
    expect(fit.params.a).toBeCloseTo(0.793, 3);
    expect(fit.params.b).toBeCloseTo(2.426, 3);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  it('prints parameters with standard errors as a table', async () => {
    const run = await runCli(['fit-bgnbd', ordersFile, ...cdnowFlags]);
    expect(run.stdout).toMatch(/^alpha\s+4\.41\d\d\s+\d\.\d{4}$/m);
    expect(run.stdout).toContain('2357 customers, time unit: week');
  });

  it('prints the warnings of a degenerate fit on stderr and says NOT converged (issue 16 item 6)', async () => {
    // Two customers without repeat purchases: r runs towards 0 and the Hessian is not positive definite.
    const csv = 'customer_id,ordered_on\na,1997-01-01\nb,1997-01-01\n';
    const run = await runCli(['fit-bgnbd', ...cdnowFlags], csv);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('NOT converged');
    expect(run.stderr).toMatch(
      /^loyalty-metrics: warning: the Hessian of the negative log-likelihood is not positive definite/m,
    );
    const clean = await runCli(['fit-bgnbd', ordersFile, ...cdnowFlags]);
    expect(clean.stderr).toBe('');
  });
});
