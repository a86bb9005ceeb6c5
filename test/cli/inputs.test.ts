import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../package/build.ts';
import { runCli } from './helpers.ts';

// Issue 16 item 14 and issue 14 item 1: the CLI reads logs with the library's readers (src/io), so digit-only
// CSV time cells are epoch milliseconds as its --help promises, basic ISO 8601 dates read with --epoch none,
// duplicate header names are an error, bad values are never echoed whole, and bad flags are usage errors.

// test/fixtures/CDNOW_sample.txt: master_id, sample_id, date YYYYMMDD, CDs, dollars (see test/fixtures/README.md),
// written here as CSV with the dates as they are (ISO 8601 basic format), independently of the tool's reader.
const sample = readFileSync(join(root, 'test/fixtures/CDNOW_sample.txt'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/));
const basicCsv = `customer_id,ordered_on,amount\n${sample.map(([id, , day, , usd]) => `${id},${day},${usd}`).join('\n')}\n`;
const weekly = ['--customer', 'customer_id', '--time', 'ordered_on', '--unit', 'week'];

const day = 86_400_000;

describe('time cells of the CLI', () => {
  it('reads digit-only CSV time cells as epoch milliseconds, as --help promises', async () => {
    const t0 = Date.UTC(2024, 0, 1);
    const epoch = `id,at\na,${t0}\na,${t0 + 7 * day}\nb,${t0 + 14 * day}\n`;
    const iso = 'id,at\na,2024-01-01\na,2024-01-08\nb,2024-01-15\n';
    const args = ['rfm', '--customer', 'id', '--time', 'at', '--unit', 'week', '--format', 'json'];
    const fromEpoch = await runCli(args, epoch);
    expect(fromEpoch.stderr).toBe('');
    expect(fromEpoch.code).toBe(0);
    // a buys in weeks 0 and 1 and is observed to day 14: frequency 1, recency 1, T 2 weeks.
    expect(JSON.parse(fromEpoch.stdout)).toMatchObject([
      { customer: 'a', frequency: 1, recency: 1, T: 2 },
      { customer: 'b', frequency: 0, recency: 0, T: 0 },
    ]);
    expect(fromEpoch.stdout).toBe((await runCli(args, iso)).stdout);
    // and with --epoch seconds, seconds
    const seconds = epoch.replace(/\d{13}/g, (ms) => String(Number(ms) / 1000));
    expect((await runCli([...args, '--epoch', 'seconds'], seconds)).stdout).toBe(fromEpoch.stdout);
    // the --help says so
    const help = await runCli(['rfm', '--help']);
    expect(help.stdout).toMatch(/--epoch <milliseconds\|seconds\|none>\s+digit-only time cells are epoch milliseconds/);
  });

  it('reads CDNOW basic dates (19970101) with --epoch none exactly as the ISO dates of examples/data/orders.csv', async () => {
    const flags = [...weekly, '--value', 'amount', '--observation-end', '1997-09-30', '--format', 'csv'];
    const iso = await runCli(['rfm', 'examples/data/orders.csv', ...flags]);
    expect(iso.code).toBe(0);
    const basic = await runCli(['rfm', ...flags, '--epoch', 'none'], basicCsv);
    expect(basic.stderr).toBe('');
    expect(basic.code).toBe(0);
    expect(basic.stdout).toBe(iso.stdout);
    // the observation end in basic format too
    const basicEnd = await runCli(
      [
        'rfm',
        ...flags.filter((f) => f !== '1997-09-30' && f !== '--observation-end'),
        '--observation-end',
        '19970930',
        '--epoch',
        'none',
      ],
      basicCsv,
    );
    expect(basicEnd.stdout).toBe(iso.stdout);
    // test/fixtures/cdnow_customers_summary.csv, first row (customer 00004): frequency 2, recency 30.43, T 38.86 weeks.
    const first = (basic.stdout.split('\n')[1] ?? '').split(',');
    expect(first[0]).toBe('00004');
    expect(Number(first[2])).toBeCloseTo(30.43, 2);
    expect(Number(first[3])).toBeCloseTo(38.86, 2);
  });

  it('warns when every time, read as epoch milliseconds, falls on 1970-01-01 (basic dates without --epoch none)', async () => {
    const run = await runCli(['rfm', ...weekly, '--format', 'csv'], basicCsv);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^loyalty-metrics: warning: every ordered_on is within 28 hours of 1970-01-01.*--epoch none\n$/,
    );
  });

  it('reads basic date-times with an offset in CSV and NDJSON', async () => {
    const csv = 'id,at\na,19970101T120000Z\na,19970108T1400+0200\n';
    const args = ['retention', '--customer', 'id', '--time', 'at', '--format', 'json', '--epoch', 'none'];
    const run = await runCli(args, csv);
    expect(run.code).toBe(0);
    const ndjson = '{"id":"a","at":"19970101T120000Z"}\n{"id":"a","at":"1997-01-08T12:00:00Z"}\n';
    const fromJson = await runCli([...args, '--input-format', 'ndjson'], ndjson);
    expect(JSON.parse(fromJson.stdout)).toEqual(JSON.parse(run.stdout));
    // one cohort of 1997-01-01, active again 7 days later
    expect(JSON.parse(run.stdout).cohorts[0]).toMatchObject({ label: '1997-01-01', size: 1 });
    expect(JSON.parse(run.stdout).cohorts[0].counts[7]).toBe(1);
  });
});

describe('bad input to the CLI', () => {
  it('exits 1 for a header that names a column twice (CSV log commands and nps)', async () => {
    const dup = await runCli(['rfm', '--customer', 'id', '--time', 'at'], 'id,at,at\na,2024-01-01,2024-01-02\n');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toBe('loyalty-metrics: standard input: line 1: the header names column "at" more than once\n');
    // a repeated column the command does not read is as ambiguous
    const other = await runCli(['retention', '--customer', 'id', '--time', 'at'], 'id,at,x,x\na,2024-01-01,1,2\n');
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('the header names column "x" more than once');
    const nps = await runCli(['nps', '--score', 'score'], 'score,score\n9,1\n');
    expect(nps.code).toBe(1);
    expect(nps.stderr).toBe(
      'loyalty-metrics: standard input: line 1: the header names column "score" more than once\n',
    );
  });

  it('does not echo a 10 MB bad field whole to stderr', async () => {
    const huge = 'x'.repeat(10_000_000);
    const cases: [string[], string][] = [
      [['rfm', '--customer', 'id', '--time', 'at'], `id,at\na,${huge}\n`],
      [['rfm', '--customer', 'id', '--time', 'at', '--value', 'v'], `id,at,v\na,2024-01-01,${huge}\n`],
      [['retention', '--customer', 'id', '--time', 'at', '--input-format', 'ndjson'], `{"id":"a","at":"${huge}"}\n`],
      [['retention', '--customer', 'id', '--time', 'at', '--input-format', 'ndjson'], `${huge}\n`],
      [['rfm', '--customer', 'id', '--time', 'at'], `${huge},at\na,2024-01-01\n`],
      [['nps', '--score', 'q'], `q\n${huge}\n`],
      [['nps', '--score', 'q', '--input-format', 'ndjson'], `{"q":"${huge}"}\n`],
      [['nps', '--score', 'q', '--input-format', 'ndjson'], `[${huge}]\n`],
      [['nps', '--score', 'q'], `${huge}\n9\n`],
    ];
    for (const [args, input] of cases) {
      const run = await runCli(args, input);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr.length, run.stderr.slice(0, 200)).toBeLessThan(1500);
      expect(run.stderr).toMatch(/^loyalty-metrics: standard input: line [12]/);
    }
    // a bad flag value too (100 kB: about the longest argument a process takes)
    const flag = await runCli(
      ['rfm', '--customer', 'id', '--time', 'at', '--observation-end', huge.slice(0, 100_000)],
      'id,at\n',
    );
    expect(flag.code).toBe(2);
    expect(flag.stderr.length).toBeLessThan(500);
  }, 120_000);
});

describe('bad flags are command-line errors (exit 2) that name the flag', () => {
  it('--observation-end tomorrow', async () => {
    for (const command of ['rfm', 'fit-bgnbd', 'retention']) {
      const run = await runCli(
        [command, '--customer', 'id', '--time', 'at', '--observation-end', 'tomorrow'],
        'id,at\na,2024-01-01\n',
      );
      expect(run.code, command).toBe(2);
      expect(run.stderr).toMatch(
        /^loyalty-metrics: --observation-end "tomorrow" is not a valid date or time \(ISO 8601, e.g\. 2024-03-05, 2024-03-05T14:30:00Z or 20240305, or epoch milliseconds\)\n/,
      );
      expect(run.stderr).not.toContain('observationEnd');
    }
    // an impossible date is as bad; epoch milliseconds and ISO dates are fine
    expect(
      (await runCli(['rfm', '--customer', 'id', '--time', 'at', '--observation-end', '2024-02-30'], 'id,at\n')).code,
    ).toBe(2);
    const ms = await runCli(
      [
        'rfm',
        '--customer',
        'id',
        '--time',
        'at',
        '--observation-end',
        String(Date.UTC(2024, 0, 11)),
        '--format',
        'json',
      ],
      'id,at\na,2024-01-01\n',
    );
    expect(ms.code).toBe(0);
    expect(JSON.parse(ms.stdout)).toMatchObject([{ customer: 'a', frequency: 0, recency: 0, T: 10 }]);
  });

  it('--confidence-level 2', async () => {
    for (const level of ['2', '0', '1', '-0.5']) {
      const run = await runCli(['nps', '--score', 'score', `--confidence-level=${level}`], 'score\n9\n');
      expect(run.code, level).toBe(2);
      expect(run.stderr).toMatch(
        new RegExp(`^loyalty-metrics: --confidence-level \\(${level}\\) must be strictly between 0 and 1\\n`),
      );
      expect(run.stderr).not.toContain('confidenceLevel');
    }
  });
});
