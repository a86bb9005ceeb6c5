import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.ts';
import { bgNbdParamsWide, bgBbParamsWide, logUniform, modelCustomerWide, positive } from './models/arbitraries.ts';

// Issue #16, "done when": next to robustness.prop.test.ts (which checks the error signal of every export on
// hostile input), this file roams the *documented* domain of every export that has one — parameters 1e-6…1e6,
// frequency to 10,000, the longest horizons, huge and zero values, one customer, ties — and checks the values:
// finite where documented, within documented bounds (probabilities in [0, 1], expected purchases ≥ 0 and
// below closed-form caps, BG/BB below the opportunities, NPS in [−100, 100], intervals around their estimates,
// retention in [0, 1]), and that the cost of a call does not grow with the extreme value.
//
// Cost: the house rule forbids asserting wall-clock times. The checks below compare the same call at a small
// and at the extreme value within one run (medians of a few repetitions) and require the ratio to stay under
// 50: an O(n) or O(value) algorithm at n = 10⁶ against n = 10 fails by a factor of 10⁴ or more, while timer
// noise and JIT warm-up on a loaded 2-core machine stay within a factor of a few. Each is a ratio, never a
// time limit.

const exported = Object.entries(lib as Record<string, unknown>)
  .filter(([, v]) => typeof v === 'function')
  .map(([k]) => k);

/** Exports without one (structure in, structure out), or whose domain lies in another export's check. */
const noNumericDomain: Record<string, string> = {
  arrowLogColumns: 'a reader: its domain is a table; test/io',
  parseCsvLog: 'a reader; test/io',
  parseNdjsonLog: 'a reader; test/io',
  readCsvLog: 'a reader; test/io',
  readNdjsonLog: 'a reader; test/io',
  parseTimestamp: 'timestamps to the Date range; test/time',
  calendarPeriod: 'calendar arithmetic; test/time',
  quoteSqlIdentifier: 'strings; test/sql',
  quoteSqlLiteral: 'strings; test/sql',
  calibrationHoldoutSql: 'SQL text; test/sql',
  customerSampleSql: 'SQL text; test/sql',
  retentionCountsSql: 'SQL text; test/sql',
  rfmSummarySql: 'SQL text; test/sql',
  scoringUdfSql: 'SQL text; test/sql',
  cohortHeatmapSpec: 'a chart of a matrix; test/charts and test/extremeInputs',
  cohortHeatmapSvg: 'a chart; test/charts and test/extremeInputs',
  cohortRevenueSpec: 'a chart; test/charts',
  probabilityAliveMatrixSpec: 'a chart; test/charts',
  retentionCurveSpec: 'a chart; test/charts',
  retentionCurveSvg: 'a chart; test/charts and test/extremeInputs',
  survivalCurveSpec: 'a chart; test/charts',
  survivalCurveSvg: 'a chart; test/charts',
  cohortState: 'the state form of buildCohorts (its bounds below)',
  mergeCohortStates: 'state merging; test/cohorts/cohortState',
  finishCohortState: 'state merging; test/cohorts/cohortState',
  rfmState: 'the state form of rfmSummary; test/rfm/rfmState',
  mergeRfmStates: 'state merging; test/rfm/rfmState',
  finishRfmState: 'state merging; test/rfm/rfmState',
  segmentBy: 'grouping; test/cohorts/segmentBy',
  compressCustomers: 'grouping of model rows; test/models/compressCustomers',
  buildCohorts: 'its rates are checked through cohortRetention',
  modelSummary: 'formats a fit; test/diagnostics',
  holdoutScorecard: 'model diagnostics; test/diagnostics',
  holdoutComparison: 'model diagnostics; test/diagnostics',
  trackingTransactions: 'model diagnostics; test/diagnostics',
  periodTransactions: 'model diagnostics; test/diagnostics',
  aliveHistory: 'model diagnostics (P(alive) bounds below); test/diagnostics',
  expectedTotals: 'model diagnostics; test/diagnostics',
  fitBgNbd: 'fits: test/models/fitLogLikelihood and extremeParams (log-likelihoods at the returned parameters)',
  fitMbgNbd: 'fits: test/models/fitLogLikelihood',
  fitParetoNbd: 'fits: test/models/fitLogLikelihood',
  fitBgBb: 'fits: test/models/bgBb/fitBgBb (10⁶ opportunities)',
  fitGammaGamma: 'fits: test/models/gammaGamma',
  fitShiftedBetaGeometric: 'fits: test/models/shiftedBetaGeometric',
  projectRetentionMatrix: 'sBG projection; test/models/shiftedBetaGeometric/projectRetentionMatrix.prop',
  calibrationHoldoutSplit: 'a split of a log; test/rfm (far-future dates)',
  overdueCustomers: 'test/rfm/overdueCustomers.prop and farFutureDates',
  rfmScores: 'quantile scores 1…k; test/rfm/rfmScores.prop',
  rfmSegment: 'segment names; test/rfm/rfmSegment.prop',
  customerLifecycle: 'state counts; test/cohorts',
  retentionTrend: 'a trend over a matrix; test/cohorts',
  stickiness: 'test/cohorts/stickiness.prop',
  periodRetention: 'test/cohorts/periodRetention',
  metricTrend: 'test/compare/metricTrend.prop',
  percentileRank: 'test/compare/percentileRank.prop',
  compareToBenchmark: 'test/compare/compareToBenchmark.prop',
  cohortAverageOrderValue: 'currency, unbounded; test/cohorts',
  cohortRevenue: 'currency, unbounded; test/cohorts',
  cohortPurchaseFrequency: 'counts, unbounded; test/cohorts',
  cohortNetPromoterScore: 'NPS per cohort (netPromoterScore bounds below); test/cohorts',
  customerSatisfactionIndex: 'weighted means on the scale; test/survey',
  customerSatisfactionIndexByRespondent: 'weighted means on the scale; test/survey',
  customerEffortScore: 'a mean on the scale; test/survey',
  kaplanMeier: 'test/survival/kaplanMeier.prop (curve in [0, 1], bands contain it)',
  customerLifetimes: 'test/survival/customerLifetimes.prop',
  historicalClv: 'sums; overflow rule in test/extremeInputs',
  historicalClvByCustomer: 'sums; overflow rule in test/extremeInputs',
  retentionClv: 'test/value/retentionClv.prop',
  simpleClv: 'test/value/simpleClv.prop',
  acquisitionToRetentionCostRatio: 'a ratio, unbounded; test/rates',
  averageOrderValue: 'a ratio, unbounded; test/rates',
  customerAcquisitionCost: 'a ratio, unbounded; test/rates',
  expectedLifetime: '1/churn, unbounded; test/rates',
  ltvToCac: 'a ratio, unbounded; test/rates',
  netRevenueRetention: 'may exceed 1; test/rates',
  grossRevenueRetention: 'test/rates/grossRevenueRetention.prop',
  purchaseFrequency: 'a ratio, unbounded; test/rates',
  convertChurnRate: 'test/rates/convertChurnRate.prop',
  atRiskCustomers: 'a filter on P(alive) (bounds below); test/models/atRiskCustomers',
  modelClvInterval: 'modelClv bounds below; interval in test/models/modelClvInterval',
  retentionMatrixFromCounts: 'the warehouse path of retentionMatrix; test/sql',
  compareRetention: 'a two-proportion test (compareRates below); test/cohorts',
  cohortRepeatPurchaseRate: 'rates in [0, 1]; test/cohorts/cohortRepeatPurchaseRate.prop',
  cohortChurn: '1 − on-or-after retention (cohortRetention below); test/cohorts',
  sbgDiscountedExpectedResidualLifetime: 'bounds over 1e-6…1e6 in test/models/extremeParams.prop',
};

/** Median wall-clock of `reps` calls (after one warm-up): only ever compared with another in the same run. */
function medianTime(call: () => unknown, reps = 5): number {
  call();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    call();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.max(times[Math.floor(reps / 2)] as number, 0.05); // timer resolution floor
}

/** The extreme call costs at most 50× the small one (see the file notes: a ratio in one run, not a time limit). */
function expectCostDoesNotScale(small: () => unknown, extreme: () => unknown): void {
  const base = medianTime(small);
  const big = medianTime(extreme);
  expect(
    big / base,
    `cost ratio ${(big / base).toFixed(1)} (${big.toFixed(2)} ms vs ${base.toFixed(2)} ms)`,
  ).toBeLessThan(50);
}

const slack = (v: number) => v * (1 + 1e-9) + 1e-12;
const prob = (v: unknown, what: string) => {
  expect(typeof v === 'number' && v >= 0 && v <= 1, `${what} = ${String(v)} is a probability`).toBe(true);
};
const horizon = logUniform(1e-6, 1e5);
const paretoParamsWide = fc.record({
  r: logUniform(1e-6, 1e6),
  alpha: logUniform(1e-6, 1e6),
  s: logUniform(1e-6, 1e6),
  beta: logUniform(1e-6, 1e6),
});
const bgBbCustomerWide = fc.integer({ min: 1, max: 1_000_000 }).chain((n) =>
  fc.integer({ min: 0, max: n }).chain((tx) =>
    fc.record({
      frequency: tx === 0 ? fc.constant(0) : fc.integer({ min: 1, max: tx }),
      recency: fc.constant(tx),
      opportunities: fc.constant(n),
    }),
  ),
);

/** Names checked in this file (kept in step with the describe blocks below). */
const domainChecks = [
  'bgNbdProbabilityAlive',
  'bgNbdConditionalExpectedPurchases',
  'bgNbdExpectedPurchases',
  'bgNbdPurchaseProbability',
  'mbgNbdProbabilityAlive',
  'mbgNbdConditionalExpectedPurchases',
  'mbgNbdExpectedPurchases',
  'mbgNbdPurchaseProbability',
  'paretoNbdProbabilityAlive',
  'paretoNbdConditionalExpectedPurchases',
  'paretoNbdExpectedPurchases',
  'paretoNbdPurchaseProbability',
  'bgBbProbabilityAlive',
  'bgBbConditionalExpectedPurchases',
  'bgBbExpectedPurchases',
  'bgBbPurchaseProbability',
  'sbgSurvival',
  'sbgRetentionRate',
  'sbgChurnProbability',
  'sbgExpectedLifetime',
  'gammaGammaExpectedSpend',
  'modelClv',
  'probabilityAliveInterval',
  'conditionalExpectedPurchasesInterval',
  'netPromoterScore',
  'netPromoterScoreFromCounts',
  'compareNetPromoterScores',
  'customerSatisfactionScore',
  'wilsonInterval',
  'compareRates',
  'retentionRate',
  'churnRate',
  'conversionRate',
  'repeatPurchaseRate',
  'retentionMatrix',
  'cohortRetention',
  'rfmSummary',
];

describe('every export with a documented domain is checked here or named with where it is checked', () => {
  it('covers the exports', () => {
    const missing = exported.filter((name) => !(name in noNumericDomain) && !domainChecks.includes(name));
    expect(missing, 'exports with neither a domain check here nor a reason').toEqual([]);
    const stale = [...Object.keys(noNumericDomain), ...domainChecks].filter((name) => !exported.includes(name));
    expect(stale, 'names that are not exports').toEqual([]);
  });
});

describe('BG/NBD, MBG/NBD and Pareto/NBD over parameters 1e-6…1e6, frequency to 10,000, t to 1e5', () => {
  const families = [
    {
      name: 'bgNbd',
      alive: lib.bgNbdProbabilityAlive,
      cond: lib.bgNbdConditionalExpectedPurchases,
      exp: lib.bgNbdExpectedPurchases,
      pmf: lib.bgNbdPurchaseProbability,
    },
    {
      name: 'mbgNbd',
      alive: lib.mbgNbdProbabilityAlive,
      cond: lib.mbgNbdConditionalExpectedPurchases,
      exp: lib.mbgNbdExpectedPurchases,
      pmf: lib.mbgNbdPurchaseProbability,
    },
  ] as const;
  for (const f of families) {
    it(`${f.name}: P(alive) in [0, 1]; 0 ≤ E[X | x, T] ≤ (r + x)·t/(α + T); 0 ≤ E[X(t)] ≤ r·t/α; P(X(t) = n) in [0, 1]`, () => {
      fc.assert(
        fc.property(bgNbdParamsWide, modelCustomerWide, horizon, fc.integer({ min: 0, max: 10_000 }), (p, c, t, n) => {
          prob(f.alive(p, c), 'P(alive)');
          const e = f.cond(p, t, c);
          expect(Number.isFinite(e)).toBe(true);
          expect(e).toBeGreaterThanOrEqual(0);
          expect(e).toBeLessThanOrEqual(slack(((p.r + c.frequency) * t) / (p.alpha + c.T)));
          const u = f.exp(p, t);
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThanOrEqual(slack((p.r * t) / p.alpha));
          prob(f.pmf(p, t, n), `P(X(${t}) = ${n})`);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('paretoNbd: P(alive) in [0, 1]; 0 ≤ E[X | x, T] ≤ (r + x)·t/(α + T); 0 ≤ E[X(t)] ≤ r·t/α; P(X(t) = n) in [0, 1]', () => {
    fc.assert(
      fc.property(paretoParamsWide, modelCustomerWide, horizon, fc.integer({ min: 0, max: 200 }), (p, c, t, n) => {
        prob(lib.paretoNbdProbabilityAlive(p, c), 'P(alive)');
        const e = lib.paretoNbdConditionalExpectedPurchases(p, t, c);
        expect(Number.isFinite(e)).toBe(true);
        expect(e).toBeGreaterThanOrEqual(0);
        expect(e).toBeLessThanOrEqual(slack(((p.r + c.frequency) * t) / (p.alpha + c.T)));
        const u = lib.paretoNbdExpectedPurchases(p, t);
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThanOrEqual(slack((p.r * t) / p.alpha));
        prob(lib.paretoNbdPurchaseProbability(p, t, n), `P(X(${t}) = ${n})`);
      }),
      { numRuns: 100 },
    );
  });

  it('the cost of a conditional expectation or P(alive) does not grow with frequency, T or the parameters', () => {
    const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const big = { r: 9e5, alpha: 1e-6, a: 1e-6, b: 9e5 };
    const small = { frequency: 2, recency: 30, T: 39 };
    const huge = { frequency: 10_000, recency: 9_999, T: 10_000 };
    for (const [cond, alive] of [
      [lib.bgNbdConditionalExpectedPurchases, lib.bgNbdProbabilityAlive],
      [lib.mbgNbdConditionalExpectedPurchases, lib.mbgNbdProbabilityAlive],
    ] as const) {
      expectCostDoesNotScale(
        () => cond(p, 10, small),
        () => cond(big, 1e5, huge),
      );
      expectCostDoesNotScale(
        () => alive(p, small),
        () => alive(big, huge),
      );
    }
    const pp = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
    const ppBig = { r: 9e5, alpha: 1e-6, s: 1e-6, beta: 9e5 };
    expectCostDoesNotScale(
      () => lib.paretoNbdConditionalExpectedPurchases(pp, 10, small),
      () => lib.paretoNbdConditionalExpectedPurchases(ppBig, 1e5, huge),
    );
  });
});

describe('BG/BB over parameters 1e-6…1e6 and up to 10⁶ opportunities', () => {
  it('P(alive) in [0, 1]; E[X(n, n + n*) | …] in [0, n*]; E[X(n)] in [0, n]; P(X(n) = x) in [0, 1]', () => {
    fc.assert(
      fc.property(
        bgBbParamsWide,
        bgBbCustomerWide,
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 60 }),
        (p, c, future, n) => {
          prob(lib.bgBbProbabilityAlive(p, c, { futurePeriods: Math.min(future, 1000) }), 'P(alive)');
          const e = lib.bgBbConditionalExpectedPurchases(p, c, { futurePeriods: future });
          expect(e).toBeGreaterThanOrEqual(0);
          expect(e).toBeLessThanOrEqual(future);
          const u = lib.bgBbExpectedPurchases(p, future);
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThanOrEqual(future);
          // P(X(n) = x) is O(n − x) by nature (eq. 7 has n − x terms): small n here, 10⁶ in its own test
          prob(lib.bgBbPurchaseProbability(p, n, Math.min(n, future % 61)), 'P(X(n) = x)');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the cost of P(alive), the conditional and unconditional expectations does not grow with 10⁶ opportunities', () => {
    const p = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
    const small = { frequency: 2, recency: 4, opportunities: 6 };
    const huge = { frequency: 500_000, recency: 900_000, opportunities: 1_000_000 };
    expectCostDoesNotScale(
      () => lib.bgBbProbabilityAlive(p, small),
      () => lib.bgBbProbabilityAlive(p, huge),
    );
    expectCostDoesNotScale(
      () => lib.bgBbConditionalExpectedPurchases(p, small, { futurePeriods: 10 }),
      () => lib.bgBbConditionalExpectedPurchases(p, huge, { futurePeriods: 1_000_000 }),
    );
    expectCostDoesNotScale(
      () => lib.bgBbExpectedPurchases(p, 10),
      () => lib.bgBbExpectedPurchases(p, 1_000_000),
    );
  });
});

describe('shifted-beta-geometric over parameters 1e-6…1e6 and t to 1e6', () => {
  it('survival, retention and churn are probabilities; survival does not increase; E[lifetime] ≥ 1', () => {
    const t = fc.integer({ min: 0, max: 1_000_000 });
    fc.assert(
      fc.property(logUniform(1e-6, 1e6), logUniform(1e-6, 1e6), t, t, (alpha, beta, t1, t2) => {
        const p = { alpha, beta };
        const [a, b] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const sa = lib.sbgSurvival(p, a);
        const sb = lib.sbgSurvival(p, b);
        prob(sa, 'S(t)');
        prob(sb, 'S(t)');
        expect(sb).toBeLessThanOrEqual(slack(sa));
        prob(lib.sbgRetentionRate(p, Math.max(1, b)), 'r(t)');
        prob(lib.sbgChurnProbability(p, Math.max(1, b)), 'P(churn at t)');
        expect(lib.sbgExpectedLifetime(p)).toBeGreaterThanOrEqual(1 - 1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('the cost of S(t) does not grow with t', () => {
    const p = { alpha: 0.668, beta: 3.806 };
    expectCostDoesNotScale(
      () => lib.sbgSurvival(p, 10),
      () => lib.sbgSurvival(p, 1_000_000),
    );
  });
});

describe('Gamma-Gamma and model CLV', () => {
  it('E[spend] lies between the population mean and the customer mean (a credibility-weighted average)', () => {
    fc.assert(
      fc.property(
        logUniform(1e-6, 1e6),
        logUniform(1 + 1e-6, 1e6),
        logUniform(1e-6, 1e6),
        fc.integer({ min: 0, max: 10_000 }),
        logUniform(1e-6, 1e9),
        (gp, q, v, x, m) => {
          const e = lib.gammaGammaExpectedSpend({ p: gp, q, v }, { frequency: x, monetaryValue: x === 0 ? 0 : m });
          const population = (gp * v) / (q - 1);
          const own = x === 0 ? population : m;
          expect(Number.isFinite(e)).toBe(true);
          expect(e).toBeGreaterThanOrEqual(Math.min(population, own) * (1 - 1e-9));
          expect(e).toBeLessThanOrEqual(Math.max(population, own) * (1 + 1e-9));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('modelClv is finite and non-negative over the domain, and its cost does not grow with the horizon', () => {
    const spend = { p: 6.25, q: 3.74, v: 15.44 };
    fc.assert(
      fc.property(
        bgNbdParamsWide,
        modelCustomerWide,
        fc.integer({ min: 1, max: 100_000 }),
        positive(0, 1),
        (params, c, h, d) => {
          const customer = { ...c, monetaryValue: c.frequency === 0 ? 0 : 20 };
          for (const model of ['bgNbd', 'mbgNbd'] as const) {
            const v = lib.modelClv({ model, params }, spend, customer, {
              horizon: h,
              modelUnit: 'week',
              discountRate: d,
            });
            expect(Number.isFinite(v), `${model} CLV ${v}`).toBe(true);
            expect(v).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 40 },
    );
    const transaction = { model: 'bgNbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
    const customer = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };
    const at = (horizon: number) => () =>
      lib.modelClv(transaction, spend, customer, { horizon, modelUnit: 'week', discountRate: 0.01 });
    // 100,000 periods are 10⁴ times 10: a per-period sum may cost a little per period, not a model call each
    const base = medianTime(at(10));
    const big = medianTime(at(100_000));
    expect(big / base, `cost ratio ${(big / base).toFixed(1)}`).toBeLessThan(500);
  });

  it('probabilityAliveInterval and conditionalExpectedPurchasesInterval: bounds ordered, in range, around the estimate', () => {
    const logCovariance = [
      [0.00268, 0.00346, -0.00046, 0.00011],
      [0.00346, 0.00734, -0.00082, 0.00098],
      [-0.00046, -0.00082, 0.0549, 0.0641],
      [0.00011, 0.00098, 0.0641, 0.0845],
    ];
    const transaction = {
      model: 'bgNbd',
      params: { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 },
      logCovariance,
    } as const;
    fc.assert(
      fc.property(modelCustomerWide, horizon, (c, t) => {
        const a = lib.probabilityAliveInterval(transaction, c, { draws: 200 });
        prob(a.lower, 'lower');
        prob(a.upper, 'upper');
        expect(a.lower).toBeLessThanOrEqual(a.upper);
        const e = lib.conditionalExpectedPurchasesInterval(transaction, t, c, { draws: 200 });
        expect(e.lower).toBeGreaterThanOrEqual(0);
        expect(e.lower).toBeLessThanOrEqual(e.upper);
        expect(Number.isFinite(e.upper)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});

describe('surveys and rates at their edges (zero, one respondent, unanimous, huge counts)', () => {
  const count = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1e6 }), fc.constant(2 ** 40));

  it('NPS in [−100, 100]; its interval inside [−100, 100] contains the adjusted centre and the score; SE ≥ 0', () => {
    fc.assert(
      fc.property(count, count, count, positive(0.5, 0.999), (pr, pa, de, level) => {
        fc.pre(pr + pa + de > 0);
        for (const interval of ['adjustedWald', 'wald'] as const) {
          const r = lib.netPromoterScoreFromCounts(
            { promoters: pr, passives: pa, detractors: de },
            { confidenceLevel: level, interval },
          );
          expect(r.score).toBeGreaterThanOrEqual(-100);
          expect(r.score).toBeLessThanOrEqual(100);
          expect(r.standardError).toBeGreaterThanOrEqual(0);
          const [lo, hi] = r.confidenceInterval;
          expect(lo).toBeGreaterThanOrEqual(-100);
          expect(hi).toBeLessThanOrEqual(100);
          expect(lo).toBeLessThanOrEqual(hi);
          const n = pr + pa + de;
          const centre = interval === 'wald' ? r.score : (100 * (pr - de)) / (n + 3);
          expect(lo).toBeLessThanOrEqual(centre + 1e-9);
          expect(hi).toBeGreaterThanOrEqual(centre - 1e-9);
          // and the observed score (the adjusted interval is widened to reach it: one answer, unanimous answers)
          expect(lo).toBeLessThanOrEqual(r.score);
          expect(hi).toBeGreaterThanOrEqual(r.score);
        }
      }),
      { numRuns: 300 },
    );
    // netPromoterScore on answers agrees with the counts
    expect(lib.netPromoterScore([10]).score).toBe(100);
  });

  it('compareNetPromoterScores: p in [0, 1], difference in [−200, 200] and inside its interval', () => {
    fc.assert(
      fc.property(count, count, count, count, count, count, positive(0.5, 0.999), (a, b, c, d, e, f, level) => {
        fc.pre(a + b + c > 0 && d + e + f > 0);
        const r = lib.compareNetPromoterScores(
          { promoters: a, passives: b, detractors: c },
          { promoters: d, passives: e, detractors: f },
          { confidenceLevel: level },
        );
        prob(r.pValue, 'p');
        expect(Math.abs(r.difference)).toBeLessThanOrEqual(200);
        expect(r.confidenceInterval[0]).toBeLessThanOrEqual(r.difference);
        expect(r.confidenceInterval[1]).toBeGreaterThanOrEqual(r.difference);
      }),
      { numRuns: 200 },
    );
  });

  it('Wilson, CSAT and compareRates: intervals in [0, 1] containing the share; p in [0, 1]', () => {
    fc.assert(
      fc.property(count, count, positive(0.5, 0.999), (s, extra, level) => {
        const trials = s + extra;
        fc.pre(trials > 0);
        const [lo, hi] = lib.wilsonInterval({ successes: s, trials }, { confidenceLevel: level });
        prob(lo, 'lower');
        prob(hi, 'upper');
        expect(lo).toBeLessThanOrEqual(s / trials + 1e-12);
        expect(hi).toBeGreaterThanOrEqual(s / trials - 1e-12);
        const r = lib.compareRates({ successes: s, trials }, { successes: extra, trials });
        prob(r.pValue, 'p');
        prob(lib.conversionRate({ conversions: s, opportunities: trials }), 'conversion');
        prob(lib.repeatPurchaseRate({ customers: trials, repeatCustomers: s }), 'repeat');
        prob(lib.churnRate({ start: trials, lost: s }), 'churn');
        prob(lib.retentionRate({ start: trials, end: trials - s, acquired: 0 }), 'retention');
      }),
      { numRuns: 200 },
    );
    const scores = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(scores, (answers) => {
        const c = lib.customerSatisfactionScore(answers);
        prob(c.score, 'CSAT');
        expect(c.confidenceInterval[0]).toBeLessThanOrEqual(c.score + 1e-12);
        expect(c.confidenceInterval[1]).toBeGreaterThanOrEqual(c.score - 1e-12);
      }),
      { numRuns: 100 },
    );
  });
});

describe('cohorts and RFM at their edges (one customer, ties, far-future rows)', () => {
  const event = fc.record({
    user: fc.constantFrom('a', 'b', 'c'),
    // ties: many events on the same few days
    at: fc.integer({ min: 0, max: 40 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString()),
  });

  it('retention and cohortRetention rates are in [0, 1]; on-or-after rates do not increase across a row', () => {
    fc.assert(
      fc.property(
        fc.array(event, { minLength: 1, maxLength: 30 }),
        fc.constantFrom('day', 'week'),
        (events, period) => {
          for (const mode of ['on', 'onOrAfter'] as const) {
            const m = lib.retentionMatrix(events, { customer: 'user', time: 'at', period, mode });
            for (const c of m.cohorts) {
              for (const r of c.rates) prob(r, 'retention');
              if (mode === 'onOrAfter')
                for (let k = 2; k < c.rates.length; k++)
                  expect(c.rates[k] as number).toBeLessThanOrEqual((c.rates[k - 1] as number) + 1e-12);
            }
            for (const a of m.average) if (a !== null) prob(a, 'average');
          }
          const index = lib.buildCohorts(events, { customer: 'user', time: 'at', period });
          for (const c of lib.cohortRetention(index).cohorts) for (const r of c.rates) prob(r, 'cohortRetention');
        },
      ),
      { numRuns: 100 },
    );
    // one customer, one event: a single cohort of one at 100 %
    const one = lib.retentionMatrix([{ user: 'a', at: '2024-01-01' }], { customer: 'user', time: 'at' });
    expect(one.cohorts).toHaveLength(1);
    expect(one.cohorts[0]?.rates).toEqual([1]);
  });

  it('rfmSummary: frequency ≤ events, 0 ≤ recency ≤ T; cost does not grow with a 9999-12-31 row beyond the end', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({
      user: `u${i % 20}`,
      at: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000 * 7).toISOString(),
    }));
    const options = { customer: 'user', time: 'at', observationEnd: '2024-03-01', timeZone: 'Europe/Bucharest' };
    for (const r of lib.rfmSummary(rows, options)) {
      expect(r.frequency).toBeGreaterThanOrEqual(0);
      expect(r.recency).toBeGreaterThanOrEqual(0);
      expect(r.recency).toBeLessThanOrEqual(r.T);
    }
    const far = [...rows, { user: 'u0', at: '9999-12-31' }];
    expectCostDoesNotScale(
      () => lib.rfmSummary(rows, options),
      () => lib.rfmSummary(far, options),
    );
  });
});
