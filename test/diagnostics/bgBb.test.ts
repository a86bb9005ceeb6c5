import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aliveHistory,
  bgBbConditionalExpectedPurchases,
  bgBbPurchaseProbability,
  expectedTotals,
  fitBgBb,
  holdoutComparison,
  holdoutScorecard,
  modelSummary,
  periodTransactions,
  trackingTransactions,
} from '../../src/index.ts';
import { BG_BB_POPULATION, bgBbConditionalMoments } from '../../src/internal/models/bgBbDiagnostics.ts';
import { expectClose, expectThrows } from '../helpers/expectClose.ts';
import { BTYD_BG_BB, DONATIONS, donationRows, donationSplit } from './donations.ts';

// BG/BB through the diagnostics, against the figures the BTYD walkthrough (McCarthy & Wadsworth, BTYD 2.4.3
// vignette, §5) prints for the donations data (annual opportunities, n = 6, n* = 5), at its parameters
// p.matrix row 3 (α 1.203528, β 0.7497260, γ 0.6567808, δ 2.783796, ℓ −33225.58).

// §5.4, bgbb.PlotFreqVsConditionalExpectedFrequency (rows act, exp, bin; freq.0 … freq.6):
const FREQ_ACT = [0.1743649, 0.4328031, 0.8125874, 1.389862, 2.061776, 2.642521, 3.534497];
const FREQ_EXP = [0.07286318, 0.3248841, 0.7089417, 1.333666, 2.031203, 2.784482, 3.7525];
const FREQ_BIN = [3464, 1823, 1430, 1085, 1036, 1063, 1203];
// §5.4, bgbb.PlotRecVsConditionalExpectedFrequency (rec.0 … rec.6):
const REC_ACT = [0.1743649, 0.2181485, 0.3898876, 0.4872521, 0.8088685, 1.652289, 2.946886];
const REC_EXP = [0.07286318, 0.0856939, 0.1798423, 0.4041111, 0.8510811, 1.726323, 3.02719];
const REC_BIN = [3464, 1091, 890, 706, 654, 1136, 3163];
// §5.4, bgbb.PlotTrackingInc / bgbb.PlotTrackingCum, row exp, 1996 … 2006:
const INC_EXP = [
  5535.833, 4717.059, 4147.621, 3724.665, 3395.888, 3131.647, 2913.778, 2730.482, 2573.731, 2437.854, 2318.727,
];
const CUM_EXP = [
  5535.833, 10252.89, 14400.51, 18125.18, 21521.07, 24652.71, 27566.49, 30296.97, 32870.7, 35308.56, 37627.29,
];

/** A log consistent with the cohort's annual counts: everyone's first donation on 1995-12-31, repeats mid-year. */
function donationLog(): { customer: number[]; time: string[] } {
  const customer: number[] = [];
  const time: string[] = [];
  for (let c = 0; c < 11_104; c++) {
    customer.push(c);
    time.push('1995-12-31');
  }
  DONATIONS.annualRepeatTransactions.forEach((count, k) => {
    for (let c = 0; c < count; c++) {
      customer.push(c);
      time.push(`${DONATIONS.firstYear + k}-07-01`);
    }
  });
  return { customer, time };
}

describe('BG/BB in the diagnostics (donations, BTYD walkthrough §5)', () => {
  it('modelSummary: log-likelihood and the heterogeneity figures 14–15', () => {
    const s = modelSummary(BTYD_BG_BB, donationRows(), {
      weights: DONATIONS.customers,
    });
    expect(s.model).toBe('bgBb');
    expect(s.customers).toBe(11_104);
    expectClose(s.logLikelihood, -33225.58, { abs: 5e-3 });
    // "Mean: 0.6162 Var: 0.0801" (transaction) and "Mean: 0.1909 Var: 0.0348" (dropout), 4 decimals
    expectClose(s.heterogeneity.purchaseRate.mean, 0.6162, { abs: 5e-5 });
    expectClose(s.heterogeneity.purchaseRate.variance, 0.0801, { abs: 5e-5 });
    expect(s.heterogeneity.dropout.kind).toBe('probabilityPerOpportunity');
    expectClose(s.heterogeneity.dropout.mean, 0.1909, { abs: 5e-5 });
    expectClose(s.heterogeneity.dropout.variance, 0.0348, { abs: 5e-5 });
    expect(s.parameters.map((p) => p.name)).toStrictEqual(['alpha', 'beta', 'gamma', 'delta']);
  });

  it('modelSummary of a fitBgBb result has intervals around the estimates', () => {
    const rows = donationRows();
    const fit = fitBgBb(
      {
        frequency: rows.frequency,
        recency: rows.recency,
        opportunities: rows.T,
      },
      { weights: rows.weights },
    );
    const s = modelSummary(fit, rows, { weights: rows.weights });
    expectClose(s.logLikelihood, fit.logLikelihood, { rel: 1e-12 });
    for (const p of s.parameters) {
      expect(p.lower).toBeLessThan(p.estimate);
      expect(p.upper).toBeGreaterThan(p.estimate);
    }
  });

  it('holdoutComparison: the conditional expectation tables by frequency and by recency, to their printed digits', () => {
    const { byFrequency, byRecency } = holdoutComparison(donationSplit(), BTYD_BG_BB, {
      maxFrequency: 6,
      recencyBins: [0, 1, 2, 3, 4, 5, 6, 7],
    });
    expect(byFrequency.map((r) => r.customers)).toStrictEqual(FREQ_BIN);
    expect(byRecency.map((r) => r.customers)).toStrictEqual(REC_BIN);
    byFrequency.forEach((r, k) => {
      expectClose(r.actual, FREQ_ACT[k] as number, { rel: 5e-7 });
      // the parameters are printed to 7 digits, so the 7th digit of exp may move by one
      expectClose(r.expected, FREQ_EXP[k] as number, { rel: 1e-6 });
    });
    byRecency.forEach((r, k) => {
      expectClose(r.actual, REC_ACT[k] as number, { rel: 5e-7 });
      expectClose(r.expected, REC_EXP[k] as number, { rel: 1e-6 });
    });
  });

  it('trackingTransactions: the annual incremental and cumulative tracking (figures 18–19)', () => {
    const rows = trackingTransactions(donationLog(), BTYD_BG_BB, {
      calibrationEnd: '2001-12-31',
      modelUnit: 'year',
      period: 'day',
      observationEnd: '2006-12-31',
    });
    const byYear = new Map<number, { actual: number; cumulative: number }>();
    for (const r of rows)
      byYear.set(Number(r.start.slice(0, 4)), {
        actual: 0,
        cumulative: r.cumulativeExpected,
      });
    for (const r of rows) (byYear.get(Number(r.start.slice(0, 4))) as { actual: number }).actual += r.actual;
    INC_EXP.forEach((inc, k) => {
      const year = byYear.get(1996 + k) as {
        actual: number;
        cumulative: number;
      };
      const before = (byYear.get(1995 + k) as { cumulative: number }).cumulative;
      expect(year.actual).toBe(DONATIONS.annualRepeatTransactions[k]);
      expectClose(year.cumulative - before, inc, { rel: 5e-7 });
      expectClose(year.cumulative, CUM_EXP[k] as number, { rel: 5e-7 });
    });
    // §5.3: bgbb.Expectation(params, n = 10) = 3.179805 per customer
    expectClose((byYear.get(2005) as { cumulative: number }).cumulative / 11_104, 3.179805, { rel: 5e-7 });
  });

  it('periodTransactions: actual bins are the cohort counts and expected ones the BG/BB P(X(6) = x)', () => {
    const bins = periodTransactions(donationRows(), BTYD_BG_BB, {
      maxFrequency: 6,
      weights: DONATIONS.customers,
    });
    expect(bins.map((b) => b.actual)).toStrictEqual(FREQ_BIN);
    bins.forEach((b, x) => {
      expectClose(b.expected, 11_104 * bgBbPurchaseProbability(BTYD_BG_BB.params, 6, x), { rel: 1e-9 });
    });
    expectClose(
      bins.reduce((s, b) => s + b.expected, 0),
      11_104,
      { rel: 1e-12 },
    );
  });

  it('expectedTotals: the 5-year holdout total is Σ bin·exp of the printed table', () => {
    const fit = fitBgBb(
      {
        frequency: DONATIONS.frequency,
        recency: DONATIONS.recency,
        opportunities: DONATIONS.opportunities,
      },
      { weights: DONATIONS.customers },
    );
    const totals = expectedTotals(
      donationRows(),
      { ...fit, params: BTYD_BG_BB.params },
      {
        horizon: 5,
        weights: DONATIONS.customers,
      },
    );
    const printed = FREQ_EXP.reduce((s, e, k) => s + e * (FREQ_BIN[k] as number), 0);
    const row = totals.rows[4]!;
    expectClose(row.expected, printed, { rel: 1e-6 });
    expect(row.lower).toBeLessThan(row.expected);
    expect(row.upper).toBeGreaterThan(row.expected);
    // the actual holdout donations, Σ x.star = 13,260 (= the annual counts of 2002–2006), are 3.4 % above
    const actual = DONATIONS.holdoutTotal.reduce((s, v) => s + v, 0);
    expect(actual).toBe(DONATIONS.annualRepeatTransactions.slice(6).reduce((s, v) => s + v, 0));
    expect(totals.rows.map((r) => r.period)).toStrictEqual([1, 2, 3, 4, 5]);
  });

  it('holdoutScorecard scores BG/BB next to the baselines', () => {
    const rows = holdoutScorecard(donationSplit(), BTYD_BG_BB);
    expect(rows.map((r) => r.name)).toStrictEqual(['bgBb', 'calibrationRate', 'rfmCellMean']);
    const model = rows[0]!;
    expect(model.gini).toBeGreaterThan(0.5);
    expect(model.brier).toBeGreaterThan(0);
    expect(model.brier).toBeLessThan(0.25);
  });

  describe('properties', () => {
    const params = fc.record({
      alpha: fc.double({ min: 0.1, max: 5, noNaN: true }),
      beta: fc.double({ min: 0.1, max: 5, noNaN: true }),
      gamma: fc.double({ min: 0.1, max: 5, noNaN: true }),
      delta: fc.double({ min: 0.1, max: 5, noNaN: true }),
    });

    it('the count moments of a new customer match the mean and variance of P(X(m) = k)', () => {
      fc.assert(
        fc.property(params, fc.integer({ min: 1, max: 12 }), (p, m) => {
          let mean = 0;
          let second = 0;
          for (let k = 0; k <= m; k++) {
            const pk = bgBbPurchaseProbability(p, m, k);
            mean += k * pk;
            second += k * k * pk;
          }
          const out = { mean: 0, variance: 0 };
          bgBbConditionalMoments(p, m, 0, 0, 0, out);
          expectClose(out.mean, mean, { rel: 1e-9, abs: 1e-12 });
          expectClose(out.variance, second - mean * mean, {
            rel: 1e-8,
            abs: 1e-12,
          });
        }),
        { numRuns: 60 },
      );
    });

    it('agrees with bgBbConditionalExpectedPurchases, and P(buy at all) ≤ E[X] ≤ m', () => {
      const history = fc
        .integer({ min: 1, max: 8 })
        .chain((n) =>
          fc
            .integer({ min: 0, max: n })
            .chain((tx) => fc.tuple(fc.constant(n), fc.constant(tx), fc.integer({ min: tx === 0 ? 0 : 1, max: tx }))),
        );
      fc.assert(
        fc.property(params, history, fc.integer({ min: 1, max: 10 }), (p, [n, tx, x], m) => {
          const out = { mean: 0, variance: 0 };
          bgBbConditionalMoments(p, m, x, tx, n, out);
          const kernel = bgBbConditionalExpectedPurchases(
            p,
            { frequency: x, recency: tx, opportunities: n },
            { futurePeriods: m },
          );
          expectClose(out.mean, kernel, { rel: 1e-9, abs: 1e-14 });
          expect(out.variance).toBeGreaterThanOrEqual(0);
          const active = 1 - BG_BB_POPULATION.probabilityNoPurchase(p, m, x, tx, n);
          expect(active).toBeLessThanOrEqual(out.mean + 1e-12);
          expect(out.mean).toBeLessThanOrEqual(m);
        }),
        { numRuns: 80 },
      );
    });
  });

  describe('error policy', () => {
    it('rejects non-integer opportunities and histories BG/BB cannot have', () => {
      expectThrows(
        () => periodTransactions([{ frequency: 1, recency: 2, T: 6.5 }], BTYD_BG_BB),
        RangeError,
        'periodTransactions',
        'row 0: T (6.5) must be a whole number of opportunities for BG/BB',
      );
      expectThrows(
        () => modelSummary(BTYD_BG_BB, [{ frequency: 0, recency: 2, T: 6 }]),
        RangeError,
        'modelSummary',
        'row 0: recency (2) must be 0 exactly when frequency (0) is 0 for BG/BB',
      );
      expectThrows(
        () =>
          aliveHistory(['2020-01-01'], BTYD_BG_BB as never, {
            modelUnit: 'year',
          }),
        RangeError,
        'aliveHistory',
        "transaction.model ('bgBb') must be a continuous-time model",
      );
      expectThrows(
        () =>
          periodTransactions([], {
            model: 'bgBb',
            params: { alpha: 1, beta: -1, gamma: 1, delta: 1 },
          }),
        RangeError,
        'periodTransactions',
        'beta',
      );
    });
  });
});
