import { describe, expect, it } from 'vitest';
import { retentionMatrix, rfmSummary } from '../../src/index.ts';
import { runCli } from './helpers.ts';

// --year-starts-on: fiscal quarters and years for the retention and rfm commands, checked by the library's rule.
describe('loyalty-metrics --year-starts-on', () => {
  // a buys on 2024-03-31 and 2024-04-01, b on 2024-04-15 and 2024-07-01 (UTC dates).
  const log = 'user,at\na,2024-03-31\na,2024-04-01\nb,2024-04-15\nb,2024-07-01\n';
  const rows = [
    { user: 'a', at: '2024-03-31' },
    { user: 'a', at: '2024-04-01' },
    { user: 'b', at: '2024-04-15' },
    { user: 'b', at: '2024-07-01' },
  ];

  it('retention: groups by UK fiscal years (April) and labels each by its first day', async () => {
    const run = await runCli(
      [
        'retention',
        '--customer',
        'user',
        '--time',
        'at',
        '--period',
        'year',
        '--year-starts-on',
        '4',
        '--format',
        'json',
      ],
      log,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const matrix = JSON.parse(run.stdout) as ReturnType<typeof retentionMatrix>;
    // a starts in the fiscal year 2023-04-01 … 2024-03-31 and returns in the next one (2024-04-01 …);
    // b's two purchases both lie in the fiscal year starting 2024-04-01.
    expect(matrix.yearStartsOn).toBe(4);
    expect(matrix.cohorts.map((c) => [c.label, c.size, c.counts])).toEqual([
      ['2023-04-01', 1, [1, 1]],
      ['2024-04-01', 1, [1]],
    ]);
    expect(matrix).toEqual(
      JSON.parse(
        JSON.stringify(
          retentionMatrix(rows, { customer: 'user', time: 'at', period: 'year', yearStartsOn: 4, timeZone: 'UTC' }),
        ),
      ),
    );
    // calendar years: all four purchases are in 2024
    const calendar = await runCli(
      ['retention', '--customer', 'user', '--time', 'at', '--period', 'year', '--format', 'json'],
      log,
    );
    expect(
      (JSON.parse(calendar.stdout) as ReturnType<typeof retentionMatrix>).cohorts.map((c) => [
        c.label,
        c.size,
        c.counts,
      ]),
    ).toEqual([['2024-01-01', 2, [2]]]);
  });

  it('rfm: counts repeat purchases per fiscal quarter', async () => {
    // Quarters of a year starting in February: Nov–Jan, Feb–Apr, May–Jul. 2024-01-31 and 2024-02-01 fall in two
    // quarters (one repeat period for c), although both are in the calendar quarter Jan–Mar.
    const input = 'user,at\nc,2024-01-31\nc,2024-02-01\n';
    const fiscal = await runCli(
      ['rfm', '--customer', 'user', '--time', 'at', '--period', 'quarter', '--year-starts-on', '2', '--format', 'json'],
      input,
    );
    expect(fiscal.stderr).toBe('');
    expect(fiscal.code).toBe(0);
    const summary = JSON.parse(fiscal.stdout) as { customer: string; frequency: number }[];
    expect(summary.map((r) => [r.customer, r.frequency])).toEqual([['c', 1]]);
    const expected = rfmSummary(
      [
        { user: 'c', at: '2024-01-31' },
        { user: 'c', at: '2024-02-01' },
      ],
      { customer: 'user', time: 'at', period: 'quarter', yearStartsOn: 2 },
    );
    expect(summary).toEqual(JSON.parse(JSON.stringify(expected)));
    const calendar = await runCli(
      ['rfm', '--customer', 'user', '--time', 'at', '--period', 'quarter', '--format', 'json'],
      input,
    );
    expect((JSON.parse(calendar.stdout) as { frequency: number }[]).map((r) => r.frequency)).toEqual([0]);
  });

  it('lists the flag in the help of retention, rfm and fit-bgnbd', async () => {
    for (const command of ['retention', 'rfm', 'fit-bgnbd']) {
      const help = await runCli([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/--year-starts-on <1-12>\s+first month of quarter/);
    }
  });

  it('exits 2 naming the flag and the value for a month outside 1–12, a fraction or a word', async () => {
    for (const command of ['retention', 'rfm']) {
      for (const [value, message] of [
        ['0', '--year-starts-on (0) must be an integer from 1 (January) to 12 (December)'],
        ['13', '--year-starts-on (13) must be an integer from 1 (January) to 12 (December)'],
        ['2.5', '--year-starts-on (2.5) must be an integer from 1 (January) to 12 (December)'],
        ['April', '--year-starts-on expects a number, got "April"'],
      ] as const) {
        const run = await runCli(
          [command, '--customer', 'user', '--time', 'at', '--period', 'year', '--year-starts-on', value],
          log,
        );
        expect(run.code, `${command} --year-starts-on ${value}`).toBe(2);
        expect(run.stderr.startsWith(`loyalty-metrics: ${message}\n`), run.stderr).toBe(true);
      }
    }
  });
});
