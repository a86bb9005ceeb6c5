import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netPromoterScore } from '../../src/index.ts';
import { root } from '../package/build.ts';
import { runCli, simpleCsv } from './helpers.ts';

const surveyFile = 'examples/data/survey.csv';
const survey = simpleCsv(readFileSync(join(root, surveyFile), 'utf8'));
const scores = survey.map((row) => Number(row.score));

describe('loyalty-metrics nps', () => {
  it('prints exactly the result of netPromoterScore on the column with --format json', async () => {
    const run = await runCli(['nps', surveyFile, '--score', 'score', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(netPromoterScore(scores))));
  });

  it('reads CSV from standard input and passes --confidence-level on', async () => {
    const run = await runCli(
      ['nps', '--score', 'score', '--format', 'json', '--confidence-level', '0.9'],
      readFileSync(join(root, surveyFile), 'utf8'),
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(
      JSON.parse(JSON.stringify(netPromoterScore(scores, { confidenceLevel: 0.9 }))),
    );
  });

  it('reads NDJSON (numbers or numeric strings) with --input-format ndjson', async () => {
    const ndjson = '{"id":1,"q":10}\n{"id":2,"q":"9"}\n\n{"id":3,"q":3}\r\n{"id":4,"q":7}';
    // Empty NDJSON is zero answers (CSV would need its header line).
    const empty = await runCli(['nps', '-', '--score', 'q', '--input-format', 'ndjson', '--format', 'json']);
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toMatchObject({ n: 0, score: null });
    const ok = await runCli(['nps', '--score', 'q', '--input-format', 'ndjson', '--format', 'json'], ndjson);
    expect(ok.code).toBe(0);
    // 2 promoters, 1 passive, 1 detractor of 4: NPS = 100·(2 − 1)/4 = 25.
    expect(JSON.parse(ok.stdout)).toMatchObject({ score: 25, n: 4, promoters: 2, passives: 1, detractors: 1 });
  });

  it('prints a readable table by default and RFC 4180 CSV with --format csv', async () => {
    const input = 'who,score\na,10\nb,9\nc,8\nd,3\n';
    const table = await runCli(['nps', '--score', 'score'], input);
    expect(table.code).toBe(0);
    // 2 promoters and 1 detractor of 4 answers: 100·(2 − 1)/4 = 25.
    expect(table.stdout).toMatch(/^NPS\s+25\.0$/m);
    expect(table.stdout).toMatch(/^responses\s+4$/m);
    const csv = await runCli(['nps', '--score', 'score', '--format', 'csv'], input);
    const [header, row] = csv.stdout.trim().split('\n');
    expect(header).toBe('score,n,promoters,passives,detractors,standard_error,ci_low,ci_high,confidence_level');
    expect(row?.split(',').slice(0, 5)).toEqual(['25', '4', '2', '1', '1']);
  });

  describe('edge cases', () => {
    it('returns NaN (null in JSON) for a file with a header and no answers', async () => {
      const run = await runCli(['nps', '--score', 'score', '--format', 'json'], 'score\n');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ score: null, n: 0 });
    });

    it('handles quoted fields and CRLF line ends', async () => {
      const run = await runCli(
        ['nps', '--score', 'score', '--format', 'json'],
        'comment,score\r\n"great, really",10\r\n"said ""meh""\nthen left",0\r\n',
      );
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ score: 0, n: 2, promoters: 1, detractors: 1 });
    });

    it('streams a large input in constant memory (2 million answers under a 48 MB heap)', async () => {
      const rows = 2_000_000;
      function* chunks(): Generator<string> {
        yield 'id,score\n';
        for (let i = 0; i < rows; i += 10_000) {
          let chunk = '';
          for (let j = i; j < i + 10_000; j++) chunk += `${j},${j % 11}\n`;
          yield chunk;
        }
      }
      const run = await runCli(['nps', '--score', 'score', '--format', 'json'], chunks(), ['--max-old-space-size=48']);
      expect(run.stderr).toBe('');
      // Scores cycle through 0..10: per 11 rows 2 promoters, 2 passives, 7 detractors.
      const result = JSON.parse(run.stdout) as { n: number; promoters: number; passives: number; detractors: number };
      expect(result.n).toBe(rows);
      const full = Math.floor(rows / 11);
      const rest = rows % 11; // the first `rest` scores 0..rest−1 of an unfinished cycle, all detractors when rest ≤ 7
      expect(result).toMatchObject({ promoters: 2 * full, passives: 2 * full, detractors: 7 * full + rest });
    }, 60_000);
  });

  describe('errors and exit codes', () => {
    it('exits 1 and names the line of a score outside 0–10', async () => {
      const run = await runCli(['nps', '--score', 'score'], 'id,score\na,9\nb,11\n');
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe('loyalty-metrics: standard input: line 3: score "11" must be an integer from 0 to 10\n');
    });

    it('exits 1 for a cell that is not a number, a missing column, or a malformed CSV line', async () => {
      expect((await runCli(['nps', '--score', 'score'], 'score\n9\n\n"8"\nten\n')).stderr).toBe(
        'loyalty-metrics: standard input: line 5: score "ten" is not a number\n',
      );
      const missing = await runCli(['nps', '--score', 'nps'], 'id,score\na,9\n');
      expect(missing.code).toBe(1);
      expect(missing.stderr).toBe(
        'loyalty-metrics: standard input: line 1: no column "nps" in the header (columns: "id", "score")\n',
      );
      const ragged = await runCli(['nps', '--score', 'score'], 'id,score\na,9\nb\n');
      expect(ragged.stderr).toBe('loyalty-metrics: standard input: line 3: 1 fields where the header has 2\n');
      const quote = await runCli(['nps', '--score', 'score'], 'id,score\na,9\n"b,9\n');
      expect(quote.code).toBe(1);
      expect(quote.stderr).toBe('loyalty-metrics: standard input: line 3: a quoted field is never closed\n');
    });

    it('exits 1 for NDJSON lines that are not JSON objects or lack the field', async () => {
      const bad = await runCli(['nps', '--score', 'q', '--input-format', 'ndjson'], '{"q":9}\n{"q":9,}\n');
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/^loyalty-metrics: standard input: line 2: not valid JSON \(/);
      const array = await runCli(['nps', '--score', 'q', '--input-format', 'ndjson'], '[9]\n');
      expect(array.stderr).toBe('loyalty-metrics: standard input: line 1: expected a JSON object, got [9]\n');
      const missing = await runCli(['nps', '--score', 'q', '--input-format', 'ndjson'], '{"q":9}\n\n{"score":9}\n');
      expect(missing.stderr).toBe('loyalty-metrics: standard input: line 3: no field "q" (fields: "score")\n');
    });

    it('exits 1 for a file that does not exist', async () => {
      const run = await runCli(['nps', 'no/such/file.csv', '--score', 'score']);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^loyalty-metrics: cannot read no\/such\/file\.csv: ENOENT/);
    });

    it('exits 2 for usage mistakes: unknown command or flag, missing required flag, bad choice', async () => {
      const unknownCommand = await runCli(['promoters']);
      expect(unknownCommand.code).toBe(2);
      expect(unknownCommand.stderr).toMatch(
        /^loyalty-metrics: unknown command "promoters"; commands: retention, rfm, fit-bgnbd, holdout, score, nps, sql\n/,
      );
      const unknownFlag = await runCli(['nps', '--score', 'score', '--colour'], 'score\n9\n');
      expect(unknownFlag.code).toBe(2);
      expect(unknownFlag.stderr).toMatch(/^loyalty-metrics: unknown flag --colour\n/);
      const missing = await runCli(['nps'], 'score\n9\n');
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/^loyalty-metrics: --score is required\n/);
      const format = await runCli(['nps', '--score', 'score', '--format', 'xml'], 'score\n9\n');
      expect(format.code).toBe(2);
      expect(format.stderr).toMatch(/^loyalty-metrics: --format must be one of table, csv, json, ndjson; got "xml"\n/);
      const level = await runCli(['nps', '--score', 'score', '--confidence-level', 'high'], 'score\n9\n');
      expect(level.code).toBe(2);
      expect((await runCli([])).code).toBe(2);
    });

    it('prints help and the version with exit code 0', async () => {
      const help = await runCli(['nps', '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('--score <column>');
      const version = await runCli(['--version']);
      expect(version.stdout.trim()).toBe(
        (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version,
      );
    });
  });

  describe('progress', () => {
    it('writes nothing to stderr when stderr is not a terminal', async () => {
      const run = await runCli(['nps', surveyFile, '--score', 'score']);
      expect(run.stderr).toBe('');
    });

    it('shows rows read on stderr when stderr is a terminal, and clears the line at the end', async () => {
      // Pretend stderr is a TTY: progress is a terminal nicety and must never reach stdout.
      const run = await runCli(['nps', surveyFile, '--score', 'score', '--format', 'json'], '', [
        '--import',
        'data:text/javascript,process.stderr.isTTY=true',
      ]);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/reading examples\/data\/survey\.csv: [\d,]+ rows, [\d.]+ MB/);
      expect(run.stderr.endsWith('\r\u001b[K')).toBe(true);
      expect(JSON.parse(run.stdout)).toMatchObject({ n: 719 });
    });
  });
});
