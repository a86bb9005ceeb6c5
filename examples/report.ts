/**
 * A self-contained HTML retention report from the sample data (examples/data/): cohort heatmap, retention
 * and survival curves as inline SVG, the numbers behind them, RFM + BG/NBD + Gamma-Gamma CLV, the holdout
 * validation (scorecard against naive rules, holdout comparison, tracking), the base's totals with intervals,
 * and NPS.
 * No script, stylesheet or font is loaded: the file opens anywhere, offline.
 *
 *   npx tsx --tsconfig tsconfig.test.json examples/report.ts [out.html]     (default: report.html)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  calibrationHoldoutSplit,
  cohortHeatmapSvg,
  expectedTotals,
  holdoutComparison,
  holdoutScorecard,
  customerLifetimes,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  kaplanMeier,
  modelClv,
  netPromoterScore,
  parseCsvLog,
  bgNbdProbabilityAlive,
  retentionCurveSvg,
  retentionMatrix,
  rfmSummary,
  survivalCurveSvg,
  trackingTransactions,
} from 'loyalty-metrics';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
const pct = (x: number | null | undefined, digits = 1): string =>
  x === null || x === undefined || Number.isNaN(x) ? '–' : `${(100 * x).toFixed(digits)}%`;
const num = (x: number, digits = 2): string =>
  Number.isFinite(x)
    ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '–';

/** Builds the report from the two sample CSV texts. */
export function buildReport(ordersCsv: string, surveyCsv: string): string {
  // The library's CSV reader: columns of customer codes (ids in customerIds), epoch-ms times and values.
  const orders = parseCsvLog(ordersCsv, { customer: 'customer_id', time: 'ordered_on', value: 'amount' });
  const survey = Array.from(
    parseCsvLog(surveyCsv, { customer: 'customer_id', time: 'answered_on', value: 'score' }).value ?? [],
  );

  // Cohorts: monthly acquisition cohorts, active in month k.
  const matrix = retentionMatrix(orders, { period: 'month' });
  const heatmap = cohortHeatmapSvg(matrix, {
    title: 'Share of each monthly cohort ordering again, by month since first order',
  });
  const curves = retentionCurveSvg(matrix, { title: 'Retention curves (complete months only)', width: 720 });

  // Survival: a customer has churned after 180 days without an order.
  const lifetimes = customerLifetimes(orders, { churnAfter: 180, unit: 'day' });
  const km = kaplanMeier(lifetimes);
  const survival = survivalCurveSvg(km, {
    title: 'Customer survival (churn = 180 days without an order)',
    timeTitle: 'days since first order',
    width: 720,
  });

  // Models, calibrated on the first 39 weeks as in Fader, Hardie & Lee (2005).
  const summary = rfmSummary(orders, { observationEnd: '1997-09-30', unit: 'week' });
  const bgNbd = fitBgNbd(summary);
  const gammaGamma = fitGammaGamma(summary);
  const alive = bgNbdProbabilityAlive(bgNbd.params, summary);
  const clv = modelClv(bgNbd, gammaGamma.params, summary, {
    horizon: 12,
    horizonUnit: 'month',
    modelUnit: 'week',
    discountRate: 0.01,
  });
  const ranked = summary
    .map((c, i) => ({
      ...c,
      customer: orders.customerIds[c.customer as number] ?? '',
      alive: alive[i] as number,
      clv: clv[i] as number,
    }))
    .sort((a, b) => b.clv - a.clv)
    .slice(0, 10);

  // Is the model any good? Fit on the calibration window, score on the 39-week holdout (BTYD walkthrough split).
  const split = calibrationHoldoutSplit(orders, {
    calibrationEnd: '1997-09-30',
    observationEnd: '1998-06-30',
    unit: 'week',
  });
  const splitFits = [fitBgNbd(split), fitParetoNbd(split)];
  const scorecard = holdoutScorecard(split, splitFits, { names: ['BG/NBD', 'Pareto/NBD'] });
  const comparison = holdoutComparison(split, splitFits[0] as (typeof splitFits)[0]);
  // FHL (2005) tracking: weekly repeat purchases, cumulative, shown every 13 weeks and at the end
  const tracking = trackingTransactions(orders, splitFits[0] as (typeof splitFits)[0], {
    calibrationEnd: '1997-09-30',
    observationEnd: '1998-06-30',
    modelUnit: 'week',
  }).filter((r, k, all) => r.period % 13 === 0 || k === all.length - 1);
  const spendCustomers = summary.map((c) => ({ ...c, monetaryValue: c.frequency > 0 ? c.monetaryValue : 0 }));
  const totals = expectedTotals(spendCustomers, bgNbd, {
    horizon: 4,
    periodLength: 13,
    spend: gammaGamma.params,
    discountRate: 0.03,
  });

  const nps = netPromoterScore(survey);
  const customers = orders.customerIds.length;
  const revenue = Array.from(orders.value ?? []).reduce((s, amount) => s + amount, 0);

  const matrixTable = [
    `<tr><th>cohort</th><th>size</th>${matrix.average.map((_a, k) => `<th>${k}</th>`).join('')}</tr>`,
    ...matrix.cohorts.map(
      (c) =>
        `<tr><td>${c.label}</td><td>${c.size}</td>${c.rates.map((r, k) => `<td${c.complete[k] ? '' : ' class="partial"'}>${pct(r)}</td>`).join('')}</tr>`,
    ),
    `<tr class="avg"><td>average</td><td>${customers}</td>${matrix.average.map((a) => `<td>${pct(a)}</td>`).join('')}</tr>`,
  ].join('\n');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Retention report: CDNOW sample</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 24px auto; max-width: 1180px; color: #222; padding: 0 16px; }
  h1 { font-size: 24px; margin-bottom: 4px; } h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
  .kpis { display: flex; gap: 16px; flex-wrap: wrap; margin: 16px 0; }
  .kpi { border: 1px solid #ddd; border-radius: 6px; padding: 10px 14px; min-width: 150px; } .kpi b { display: block; font-size: 22px; }
  table { border-collapse: collapse; font-size: 12px; font-variant-numeric: tabular-nums; } td, th { padding: 3px 6px; text-align: right; border-bottom: 1px solid #eee; }
  td:first-child, th:first-child { text-align: left; } .partial { color: #888; font-style: italic; } .avg td { font-weight: 600; }
  figure { margin: 12px 0; overflow-x: auto; } .note { color: #666; font-size: 13px; }
</style>
</head>
<body>
<h1>Retention report: CDNOW sample</h1>
<p class="note">${orders.time.length.toLocaleString('en-US')} orders from ${customers.toLocaleString('en-US')} customers who first bought in January–March 1997, observed to ${new Date(matrix.observationEnd ?? 0).toISOString().slice(0, 10)}. Computed with loyalty-metrics.</p>
<div class="kpis">
  <div class="kpi">customers<b>${customers.toLocaleString('en-US')}</b></div>
  <div class="kpi">revenue<b>$${num(revenue, 0)}</b></div>
  <div class="kpi">month-1 retention<b>${pct(matrix.average[1])}</b></div>
  <div class="kpi">median lifetime (180-day rule)<b>${Number.isFinite(km.median) ? `${num(km.median, 0)} days` : '> observed'}</b></div>
  <div class="kpi">NPS (synthetic survey)<b>${num(nps.score, 1)}</b><span class="note">95% CI ${num(nps.confidenceInterval[0], 1)} to ${num(nps.confidenceInterval[1], 1)}, n = ${nps.n}</span></div>
</div>

<h2>Cohort retention</h2>
<figure id="heatmap">${heatmap}</figure>
<table id="matrix">${matrixTable}</table>
<p class="note">Italic cells: months still in progress at the end of observation. The average weights cohorts by size and uses complete months only.</p>
<figure id="curves">${curves}</figure>

<h2>Survival</h2>
<figure id="survival">${survival}</figure>

<h2>Who will buy again, and what they are worth</h2>
<p>BG/NBD on the 39-week calibration period (weeks): r = ${num(bgNbd.params.r, 3)}, α = ${num(bgNbd.params.alpha, 3)}, a = ${num(bgNbd.params.a, 3)}, b = ${num(bgNbd.params.b, 3)}
(log-likelihood ${num(bgNbd.logLikelihood, 1)}, ${bgNbd.converged ? 'converged' : 'not converged'}). Gamma-Gamma spend: p = ${num(gammaGamma.params.p, 2)}, q = ${num(gammaGamma.params.q, 2)}, v = ${num(gammaGamma.params.v, 2)}.</p>
<table id="top-clv">
<tr><th>customer</th><th>repeat purchases</th><th>recency (weeks)</th><th>age T (weeks)</th><th>mean spend</th><th>P(alive)</th><th>12-month CLV</th></tr>
${ranked.map((c) => `<tr><td>${escapeHtml(String(c.customer))}</td><td>${c.frequency}</td><td>${num(c.recency)}</td><td>${num(c.T)}</td><td>$${num(c.monetaryValue)}</td><td>${pct(c.alive)}</td><td>$${num(c.clv)}</td></tr>`).join('\n')}
</table>
<p class="note">CLV: expected purchases over the next 12 months (BG/NBD) × expected spend (Gamma-Gamma), discounted 1% a month.</p>

<h2>Is the model any good?</h2>
<p>Fitted on the orders to 1997-09-30, scored on the 39 weeks after (${split.length.toLocaleString('en-US')} customers). Baselines: each customer's calibration rate carried forward, and the mean of their RFM cell.</p>
<table id="scorecard">
<tr><th>predictor</th><th>MAE</th><th>RMSE</th><th>decile MAPE</th><th>Gini</th><th>Brier</th></tr>
${scorecard.map((r) => `<tr><td>${escapeHtml(r.name)}</td><td>${num(r.mae, 3)}</td><td>${num(r.rmse, 3)}</td><td>${pct(r.decileMape)}</td><td>${num(r.gini, 3)}</td><td>${num(r.brier, 3)}</td></tr>`).join('\n')}
</table>
<table id="holdout-comparison">
<tr><th>calibration purchases</th><th>customers</th><th>holdout: actual</th><th>BG/NBD expected</th></tr>
${comparison.byFrequency.map((r) => `<tr><td>${r.frequency}${r.orMore ? '+' : ''}</td><td>${r.customers}</td><td>${num(r.actual, 3)}</td><td>${num(r.expected, 3)}</td></tr>`).join('\n')}
</table>
<table id="tracking">
<tr><th>week</th><th>starts</th><th>window</th><th>cumulative repeat purchases: actual</th><th>BG/NBD expected</th></tr>
${tracking.map((r) => `<tr><td>${r.period}</td><td>${r.start}</td><td>${r.holdout ? 'holdout' : 'calibration'}</td><td>${num(r.cumulativeActual, 0)}</td><td>${num(r.cumulativeExpected, 0)}</td></tr>`).join('\n')}
</table>
<p class="note">Tracking (Fader, Hardie &amp; Lee 2005): repeat purchases of the customers first seen by 1997-09-30, week by week from the first purchase day; the model's expectation runs on from each first purchase.</p>
<h2>The whole base, next four quarters</h2>
<table id="totals">
<tr><th>quarter</th><th>purchases</th><th>95% interval</th><th>revenue</th><th>95% interval</th><th>CLV (3% a quarter)</th></tr>
${totals.rows.map((r) => `<tr><td>${r.period}</td><td>${num(r.expected, 0)}</td><td>${num(r.lower, 0)} – ${num(r.upper, 0)}</td><td>$${num(r.revenue?.expected ?? Number.NaN, 0)}</td><td>$${num(r.revenue?.lower ?? Number.NaN, 0)} – $${num(r.revenue?.upper ?? Number.NaN, 0)}</td><td>$${num(r.clv?.expected ?? Number.NaN, 0)}</td></tr>`).join('\n')}
</table>
<p class="note">Cumulative from 1997-09-30, BG/NBD with Gamma-Gamma spend; intervals share the parameter draws across customers and add the model's process noise.</p>
</body>
</html>
`;
}

// Run as a script: write the report next to the caller.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const data = (file: string): string => readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8');
  const out = process.argv[2] ?? 'report.html';
  writeFileSync(out, buildReport(data('orders.csv'), data('survey.csv')));
  console.log(`wrote ${out}`);
}
