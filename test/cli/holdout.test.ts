import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  calibrationHoldoutSplit,
  fitBgNbd,
  fitParetoNbd,
  holdoutScorecard,
  rfmSummary,
} from '../../src/index.ts';
import { expectClose } from '../helpers/expectClose.ts';
import { root } from '../package/build.ts';
import { runCli, simpleCsv } from './helpers.ts';

// examples/data/orders.csv is the CDNOW sample (examples/data/README.md) as CSV; the BTYD walkthrough's
// split: calibration to 1997-09-30, holdout to 1998-06-30, weeks.
const ordersFile = 'examples/data/orders.csv';
const orders = simpleCsv(readFileSync(join(root, ordersFile), 'utf8'));
const log = { customer: orders.map((r) => r.customer_id as string), time: orders.map((r) => r.ordered_on as string) };
const flags = ['--customer', 'customer_id', '--time', 'ordered_on'];
const splitFlags = [...flags, '--calibration-end', '1997-09-30', '--observation-end', '1998-06-30'];

describe('loyalty-metrics holdout', () => {
  it('prints the library scorecard with --format json, and the tables as text', { timeout: 60_000 }, async () => {
    const run = await runCli(['holdout', ordersFile, ...splitFlags, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    const split = calibrationHoldoutSplit(log, {
      calibrationEnd: '1997-09-30',
      observationEnd: '1998-06-30',
      unit: 'week',
    });
    expect(out.customers).toBe(2357);
    const expected = holdoutScorecard(split, [fitBgNbd(split), fitParetoNbd(split)], { names: ['bgnbd', 'paretonbd'] });
    expect(out.scorecard.map((r: { name: string }) => r.name)).toStrictEqual(expected.map((r) => r.name));
    out.scorecard.forEach((r: { mae: number; gini: number }, i: number) => {
      expectClose(r.mae, expected[i]!.mae, { rel: 1e-9 });
      expectClose(r.gini, expected[i]!.gini, { rel: 1e-9 });
    });
    // BTYD walkthrough bin sizes of the holdout comparison (calibration frequency 0 … 7+)
    expect(out.holdoutComparison[0].byFrequency.map((r: { customers: number }) => r.customers)).toStrictEqual([
      1411, 439, 214, 100, 62, 38, 29, 64,
    ]);
    const table = await runCli(['holdout', ordersFile, ...splitFlags]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Holdout scorecard');
    expect(table.stdout).toContain('rfmCellMean');
    expect(table.stdout).toContain('bgnbd: mean holdout purchases by calibration frequency');
    const csv = await runCli(['holdout', ordersFile, ...splitFlags, '--models', 'mbgnbd', '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe('predictor,kind,mae,rmse,decile_mape,gini,brier');
    expect(csv.stdout.split('\n')[1]).toMatch(/^mbgnbd,model,/);
  });

  it('without --observation-end, splits a log of dates as the library splits the same date strings', {
    timeout: 60_000,
  }, async () => {
    // No --observation-end: the reader sees calendar dates only (dateOnly), so the CLI ends the split with the
    // whole of 1998-06-30, the latest date, as calibrationHoldoutSplit does for the same log of date strings.
    // (In day periods this is the same split as ending at the latest instant; the rule matters for retention.)
    const run = await runCli(['holdout', ordersFile, ...flags, '--calibration-end', '1997-09-30', '--format', 'json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    const split = calibrationHoldoutSplit(log, { calibrationEnd: '1997-09-30', unit: 'week' });
    const withEnd = calibrationHoldoutSplit(log, {
      calibrationEnd: '1997-09-30',
      observationEnd: '1998-06-30',
      unit: 'week',
    });
    expect(split[0]?.holdoutDuration).toBe(withEnd[0]?.holdoutDuration);
    const expected = holdoutScorecard(split, [fitBgNbd(split), fitParetoNbd(split)], { names: ['bgnbd', 'paretonbd'] });
    out.scorecard.forEach((r: { mae: number }, i: number) => {
      expectClose(r.mae, expected[i]!.mae, { rel: 1e-9 });
    });
  });

  it('saves a fit that score reads: P(alive), expected purchases and CLV per customer as CSV and NDJSON', {
    timeout: 60_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lm-holdout-'));
    const file = join(dir, 'fit.json');
    const run = await runCli(['holdout', ordersFile, ...splitFlags, '--models', 'bgnbd', '--save-fit', file]);
    expect(run.code).toBe(0);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved).toMatchObject({ model: 'bgNbd', unit: 'week', customers: 2357, fittedThrough: '1997-09-30' });
    const ndjson = await runCli([
      'score',
      ordersFile,
      ...flags,
      '--observation-end',
      '1997-09-30',
      '--fit',
      file,
      '--horizon',
      '39',
      '--format',
      'ndjson',
    ]);
    expect(ndjson.stderr).toBe('');
    expect(ndjson.code).toBe(0);
    const rows = ndjson.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(2357);
    const summary = rfmSummary(log, { observationEnd: '1997-09-30', unit: 'week' });
    const first = summary[0]!;
    expect(rows[0].customer).toBe('00004');
    expectClose(rows[0].probabilityAlive, bgNbdProbabilityAlive(saved.params, first), { rel: 1e-12 });
    expectClose(rows[0].expectedPurchases, bgNbdConditionalExpectedPurchases(saved.params, 39, first), { rel: 1e-12 });
    const csv = await runCli([
      'score',
      ordersFile,
      ...flags,
      '--value',
      'amount',
      '--observation-end',
      '1997-09-30',
      '--fit',
      file,
      '--horizon',
      '12',
      '--spend',
      '6.25,3.74,15.44',
      '--discount-rate',
      '0.002',
      '--format',
      'csv',
    ]);
    expect(csv.code).toBe(0);
    const [header, line] = csv.stdout.split('\n');
    expect(header).toBe('customer,frequency,recency,T,probabilityAlive,expectedPurchases,clv');
    expect(Number(line!.split(',')[6])).toBeGreaterThan(0);
  });

  it('rejects a fit without its time unit, --format ndjson elsewhere, and unknown models', {
    timeout: 60_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lm-score-'));
    const file = join(dir, 'fit.json');
    writeFileSync(file, JSON.stringify({ model: 'bgNbd', params: { r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 } }));
    const noUnit = await runCli(['score', ordersFile, ...flags, '--fit', file, '--horizon', '4']);
    expect(noUnit.code).toBe(1);
    expect(noUnit.stderr).toContain('the saved fit must record its time unit');
    const ndjson = await runCli(['rfm', ordersFile, ...flags, '--format', 'ndjson']);
    expect(ndjson.code).toBe(2);
    expect(ndjson.stderr).toContain('--format ndjson is not available for rfm');
    const models = await runCli(['holdout', ordersFile, ...splitFlags, '--models', 'nbd']);
    expect(models.code).toBe(2);
    expect(models.stderr).toContain('--models must list bgnbd, paretonbd, mbgnbd');
  });
});
