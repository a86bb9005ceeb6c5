import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { retentionMatrix } from '../../src/index.ts';
import { root } from '../package/build.ts';
import { runCli, simpleCsv } from './helpers.ts';

const ordersFile = 'examples/data/orders.csv';
const orders = simpleCsv(readFileSync(join(root, ordersFile), 'utf8'));
const columns = ['--customer', 'customer_id', '--time', 'ordered_on'];

describe('loyalty-metrics retention', () => {
  it('prints exactly retentionMatrix of the rows with --format json (month, onOrAfter, a non-UTC zone)', async () => {
    const run = await runCli([
      'retention',
      ordersFile,
      ...columns,
      '--period',
      'month',
      '--mode',
      'onOrAfter',
      '--time-zone',
      'Europe/Bucharest',
      '--format',
      'json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const expected = retentionMatrix(orders, {
      customer: 'customer_id',
      time: 'ordered_on',
      period: 'month',
      mode: 'onOrAfter',
      timeZone: 'Europe/Bucharest',
    });
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('passes brackets, rolling windows, weekStartsOn and observationEnd through to the library', async () => {
    const flags = [
      '--period',
      'week',
      '--brackets',
      '1-4,5-12',
      '--windows',
      'rolling',
      '--week-starts-on',
      '0',
      '--observation-end',
      '1997-12-31',
    ];
    const run = await runCli(['retention', ordersFile, ...columns, ...flags, '--format', 'json']);
    expect(run.code).toBe(0);
    const expected = retentionMatrix(orders, {
      customer: 'customer_id',
      time: 'ordered_on',
      period: 'week',
      brackets: [
        [1, 4],
        [5, 12],
      ],
      windows: 'rolling',
      weekStartsOn: 0,
      observationEnd: '1997-12-31',
    });
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('shows rates in % with incomplete cells starred, and an average row, in the table', async () => {
    // a and b start on day 0; a returns on day 1, b on day 2; c starts on day 1 and returns on day 2.
    const input =
      'user,at\na,2024-01-01\na,2024-01-02\nb,2024-01-01\nb,2024-01-03T12:00:00Z\nc,2024-01-02\nc,2024-01-03\n';
    const run = await runCli(['retention', '--customer', 'user', '--time', 'at'], input);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^cohort\s+size\s+0\s+1\s+2$/);
    // Observation ends at 2024-01-03T12:00Z, so day 2 (Jan 3) is observable but not complete.
    expect(lines[2]).toMatch(/^2024-01-01\s+2\s+100\.0\s+50\.0\s+50\.0\*$/);
    expect(lines[3]).toMatch(/^2024-01-02\s+1\s+100\.0\s+100\.0\*$/);
    // average[1] = (1 + 0)/(2) from the complete cell only = 50 %; average[2] has no complete cell.
    expect(lines[4]).toMatch(/^average\s+3\s+100\.0\s+50\.0\s*$/);
  });

  it('writes one tidy CSV row per cohort and column', async () => {
    const run = await runCli(
      ['retention', '--customer', 'user', '--time', 'at', '--format', 'csv'],
      'user,at\na,2024-01-01\na,2024-01-02\n',
    );
    // the latest cell is the date 2024-01-02: that whole day is observed, so day 1 is complete (issue #16)
    expect(run.stdout).toBe(
      'cohort,cohort_start,size,column,customers,rate,complete,final\n2024-01-01,2024-01-01T00:00:00.000Z,1,0,1,1,true,true\n2024-01-01,2024-01-01T00:00:00.000Z,1,1,1,1,true,true\n',
    );
    // with the end at that day's first instant, day 1 has only started
    const instant = await runCli(
      ['retention', '--customer', 'user', '--time', 'at', '--format', 'csv', '--observation-end', '2024-01-02T00:00Z'],
      'user,at\na,2024-01-01\na,2024-01-02\n',
    );
    expect(instant.stdout.endsWith(',1,1,1,1,false,false\n')).toBe(true);
  });

  it('writes the final flag of on-or-after cells that are lower bounds (complete, not final)', async () => {
    // a: days 1, 3; b: day 2 only, so b's day-1 cell (day 3) is complete at the end (day 3) and
    // on-or-after it is still a lower bound: b's cohort is not observed to the matrix's last column.
    const input = 'user,at\na,2024-01-01\na,2024-01-03\nb,2024-01-02\n';
    const args = ['retention', '--customer', 'user', '--time', 'at', '--mode', 'onOrAfter'];
    const csv = (await runCli([...args, '--format', 'csv'], input)).stdout.trim().split('\n');
    const json = JSON.parse((await runCli([...args, '--format', 'json'], input)).stdout);
    expect(csv[0]?.endsWith(',complete,final')).toBe(true);
    const rows = csv.slice(1).map((line) => line.split(','));
    const cells = json.cohorts.flatMap((c: { complete: boolean[]; final: boolean[] }) =>
      c.complete.map((complete, k) => [String(complete), String(c.final[k])]),
    );
    expect(rows.map((r) => r.slice(-2))).toEqual(cells);
    expect(cells).toContainEqual(['true', 'false']);
  });

  it('takes the whole latest day only when the reader saw dates, not midnight date-times or epochs', async () => {
    const args = ['retention', '--customer', 'user', '--time', 'at', '--format', 'json'];
    const last = (stdout: string) => JSON.parse(stdout).observationEnd;
    // dates: the end is the last millisecond of 2024-01-02
    const dates = await runCli(args, 'user,at\na,2024-01-01\na,2024-01-02\n');
    expect(last(dates.stdout)).toBe(Date.UTC(2024, 0, 3) - 1);
    // the same instants written as date-times are instants: the end is the latest one
    const times = await runCli(args, 'user,at\na,2024-01-01T00:00Z\na,2024-01-02T00:00Z\n');
    expect(last(times.stdout)).toBe(Date.UTC(2024, 0, 2));
    const epochs = await runCli(args, `user,at\na,${Date.UTC(2024, 0, 1)}\na,${Date.UTC(2024, 0, 2)}\n`);
    expect(last(epochs.stdout)).toBe(Date.UTC(2024, 0, 2));
  });

  describe('errors and exit codes', () => {
    it('exits 2 for a malformed --brackets, --brackets with --mode, or a bad --week-starts-on', async () => {
      const bad = await runCli(['retention', ...columns, '--brackets', '1-x'], 'customer_id,ordered_on\n');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(
        /^loyalty-metrics: --brackets expects ranges of periods such as 1-7,8-30; got "1-x"\n/,
      );
      expect(
        (await runCli(['retention', ...columns, '--brackets', '1-7', '--mode', 'on'], 'customer_id,ordered_on\n')).code,
      ).toBe(2);
      expect((await runCli(['retention', ...columns, '--week-starts-on', '7'], 'customer_id,ordered_on\n')).code).toBe(
        2,
      );
      expect((await runCli(['retention', ...columns, '--mode', 'after'], 'customer_id,ordered_on\n')).code).toBe(2);
    });

    it('exits 1 with the line of an empty customer id or a bad time', async () => {
      const run = await runCli(
        ['retention', '--customer', 'user', '--time', 'at'],
        'user,at\na,2024-01-01\n,2024-01-02\n',
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        'loyalty-metrics: standard input: line 3, column "user": customer id must be a non-empty string, got ""\n',
      );
      const time = await runCli(['retention', '--customer', 'user', '--time', 'at'], 'user,at\na,yesterday\n');
      expect(time.stderr).toMatch(
        /^loyalty-metrics: standard input: line 2, column "at": "yesterday" is not a valid date/,
      );
    });

    it('exits 2 naming the flag for an observation end that is not a date (issue 16 item 14)', async () => {
      const run = await runCli(
        ['retention', '--customer', 'user', '--time', 'at', '--observation-end', 'soon'],
        'user,at\na,2024-01-01\n',
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^loyalty-metrics: --observation-end "soon" is not a valid date or time/);
      expect(run.stderr).not.toContain('observationEnd');
    });
  });
});
