import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.ts';
import { thrown } from './helpers/expectClose.ts';

// One options idiom for every export (issue #11, item 5): a valid call succeeds, an unknown key is a TypeError
// with the structured fields `function` and `argument` (`options.zzz`) that lists the accepted keys, and a
// near miss of a real key gets a "did you mean". An export added to src/index.ts must be put in one of the two
// lists below, or this test fails.

type Options = Record<string, unknown>;

interface Nested {
  readonly key: string;
  readonly value: Options;
}

interface Case {
  /** A valid options object for `call`. */
  readonly options: Options;
  /** The export called with the given options (and otherwise valid arguments). */
  readonly call: (options: Options) => unknown;
  /** Nested options objects: the key, a valid value, and the key list its unknown-key message names. */
  readonly nested?: readonly Nested[];
}

const day = 86_400_000;
const rows = [
  { user: 'a', at: '2024-01-05', amount: 10 },
  { user: 'a', at: '2024-02-11', amount: 20 },
  { user: 'b', at: '2024-01-20', amount: 5 },
];
const columns = { customer: ['a', 'a', 'b'], time: [0, 40 * day, 10 * day], value: [10, 20, 5] };
const index = lib.buildCohorts(columns, { period: 'month' });
const matrix = lib.retentionMatrix(columns, { period: 'month' });
const km = lib.kaplanMeier({ durations: [3, 5, 6, 7, 8, 10, 12, 12], events: [1, 0, 1, 1, 0, 1, 1, 0] });
const bgNbd = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const transaction = {
  model: 'bgNbd',
  params: { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 },
  logCovariance: [
    [0.00268, 0.00346, -0.00046, 0.00011],
    [0.00346, 0.00734, -0.00082, 0.00098],
    [-0.00046, -0.00082, 0.0549, 0.0641],
    [0.00011, 0.00098, 0.0641, 0.0845],
  ],
} as const;
const spend = { p: 6.25, q: 3.74, v: 15.44 };
const clvCustomer = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };
const modelCustomers = {
  frequency: [0, 1, 2, 5, 1, 0, 3],
  recency: [0, 5, 20, 30, 2, 0, 25],
  T: [38, 38, 38, 38, 30, 30, 30],
};
const clvOptions = { horizon: 12, modelUnit: 'week', discountRate: 0.01 };
const bgBb = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
const initialParams = (names: string): Nested[] => [
  { key: 'initialParams', value: Object.fromEntries(names.split(' ').map((n) => [n, 1])) },
];
const fn = lib as unknown as Record<string, (...args: unknown[]) => unknown>;

/** Every export that takes an options object, with one valid call. */
const withOptions: Record<string, Case> = {
  // Rates and value
  convertChurnRate: { options: { fromPeriods: 1, toPeriods: 12 }, call: (o) => fn.convertChurnRate!(0.05, o) },
  historicalClv: { options: { margin: 0.5 }, call: (o) => fn.historicalClv!([10, 20], o) },
  historicalClvByCustomer: {
    options: { customer: 'user', value: 'amount', margin: 0.5 },
    call: (o) => fn.historicalClvByCustomer!(rows, o),
  },
  // Survey
  netPromoterScore: {
    options: { confidenceLevel: 0.9, interval: 'wald' },
    call: (o) => fn.netPromoterScore!([10, 9, 3], o),
  },
  netPromoterScoreFromCounts: {
    options: { confidenceLevel: 0.9, interval: 'wald' },
    call: (o) => fn.netPromoterScoreFromCounts!({ promoters: 5, passives: 3, detractors: 2 }, o),
  },
  compareNetPromoterScores: {
    options: { confidenceLevel: 0.9, interval: 'wald' },
    call: (o) =>
      fn.compareNetPromoterScores!(
        { promoters: 5, passives: 3, detractors: 2 },
        { promoters: 2, passives: 3, detractors: 5 },
        o,
      ),
  },
  customerSatisfactionScore: {
    options: { scale: [1, 5], satisfiedAt: 4, confidenceLevel: 0.9 },
    call: (o) => fn.customerSatisfactionScore!([5, 4, 2], o),
  },
  customerSatisfactionIndex: {
    options: { scale: [1, 5] },
    call: (o) => fn.customerSatisfactionIndex!([{ name: 'quality', scores: [5, 4], weight: 1 }], o),
  },
  customerSatisfactionIndexByRespondent: {
    options: { scale: [1, 5] },
    call: (o) => fn.customerSatisfactionIndexByRespondent!([{ name: 'quality', scores: [5, 4], weight: 1 }], o),
  },
  customerEffortScore: { options: { scale: [1, 7], easyAt: 5 }, call: (o) => fn.customerEffortScore!([7, 5, 2], o) },
  wilsonInterval: {
    options: { confidenceLevel: 0.9 },
    call: (o) => fn.wilsonInterval!({ successes: 4, trials: 10 }, o),
  },
  // Time
  parseTimestamp: { options: { timeZone: 'Europe/Berlin' }, call: (o) => fn.parseTimestamp!('2024-03-05T10:00', o) },
  calendarPeriod: {
    options: { period: 'week', timeZone: 'UTC', weekStartsOn: 0 },
    call: (o) => fn.calendarPeriod!('2024-03-05', o),
  },
  // Cohorts
  buildCohorts: {
    options: { customer: 'user', time: 'at', period: 'month', observationEnd: '2024-03-01' },
    call: (o) => fn.buildCohorts!(rows, o),
  },
  retentionMatrix: {
    options: {
      customer: 'user',
      time: 'at',
      period: 'month',
      mode: 'onOrAfter',
      confidenceLevel: 0.9,
    },
    call: (o) => fn.retentionMatrix!(rows, o),
  },
  cohortRetention: {
    options: { mode: 'onOrAfter', confidenceLevel: 0.9, minEvents: 1, membership: 'recurring', reference: 'previous' },
    call: (o) => fn.cohortRetention!(index, o),
  },
  periodRetention: {
    options: { customer: 'user', time: 'at', period: 'month', activityWindow: 2, from: '2024-02-01' },
    call: (o) => fn.periodRetention!(rows, o),
  },
  customerLifecycle: {
    options: { customer: 'user', time: 'at', period: 'month', from: '2024-02-01', observationEnd: '2024-03-01' },
    call: (o) => fn.customerLifecycle!(rows, o),
  },
  compareRetention: {
    options: { confidenceLevel: 0.9 },
    call: (o) =>
      fn.compareRetention!(
        {
          cohorts: [
            { label: 'A', size: 10, counts: [10, 4], complete: [true, true] },
            { label: 'B', size: 10, counts: [10, 6], complete: [true, true] },
          ],
        },
        { cohort: 'A', column: 1 },
        { cohort: 'B', column: 1 },
        o,
      ),
  },
  stickiness: {
    options: { customer: 'user', time: 'at', period: 'month', activeIn: 'day', timeZone: 'Europe/Bucharest' },
    call: (o) => fn.stickiness!(rows, o),
  },
  retentionTrend: { options: { confidenceLevel: 0.9 }, call: (o) => fn.retentionTrend!(matrix, 0, o) },
  cohortState: {
    options: { customer: 'user', time: 'at', period: 'month', timeZone: 'UTC', weekStartsOn: 1, yearStartsOn: 1 },
    call: (o) => fn.cohortState!(rows, o),
  },
  finishCohortState: {
    options: { mode: 'onOrAfter', observationEnd: '2024-03-01' },
    call: (o) => fn.finishCohortState!(lib.cohortState(columns), o),
  },
  cohortNetPromoterScore: {
    options: { customer: 'who', score: 'nps', confidenceLevel: 0.9 },
    call: (o) =>
      fn.cohortNetPromoterScore!(
        index,
        [
          { who: 'a', nps: 10 },
          { who: 'b', nps: 3 },
        ],
        o,
      ),
  },
  // RFM
  rfmSummary: {
    options: { customer: 'user', time: 'at', value: 'amount', unit: 'week' },
    call: (o) => fn.rfmSummary!(rows, o),
  },
  rfmState: {
    options: { customer: 'user', time: 'at', value: 'amount', period: 'day', timeZone: 'UTC', weekStartsOn: 1 },
    call: (o) => fn.rfmState!(rows, o),
  },
  finishRfmState: {
    options: { unit: 'week', observationEnd: '2024-03-01' },
    call: (o) => fn.finishRfmState!(lib.rfmState(columns), o),
  },
  rfmScores: {
    options: { bins: 3, recencyCutoffs: [1, 4] },
    call: (o) => fn.rfmScores!([{ customer: 'a', frequency: 1, recency: 2, T: 5, monetaryValue: 10 }], o),
  },
  calibrationHoldoutSplit: {
    options: { customer: 'user', time: 'at', calibrationEnd: '2024-01-31', observationEnd: '2024-03-01', unit: 'week' },
    call: (o) => fn.calibrationHoldoutSplit!(rows, o),
  },
  overdueCustomers: {
    options: { customer: 'user', time: 'at', multiple: 2, observationEnd: '2024-06-01' },
    call: (o) => fn.overdueCustomers!(rows, o),
  },
  // SQL
  rfmSummarySql: {
    options: { dialect: 'duckdb', table: 'orders', customer: 'id', time: 'at', value: 'amount', unit: 'week' },
    call: (o) => fn.rfmSummarySql!(o),
    nested: [{ key: 'sample', value: { fraction: 0.5, salt: 'x' } }],
  },
  calibrationHoldoutSql: {
    options: { dialect: 'postgres', table: 'orders', customer: 'id', time: 'at', calibrationEnd: '2024-01-31' },
    call: (o) => fn.calibrationHoldoutSql!(o),
    nested: [{ key: 'sample', value: { fraction: 0.5, salt: 'x' } }],
  },
  retentionCountsSql: {
    options: { dialect: 'bigquery', table: 'events', customer: 'id', time: 'at', period: 'month', mode: 'onOrAfter' },
    call: (o) => fn.retentionCountsSql!(o),
  },
  retentionMatrixFromCounts: {
    options: { period: 'month', observationEnd: '2024-03-01', dialect: 'duckdb' },
    call: (o) =>
      fn.retentionMatrixFromCounts!([{ cohort_period: 648, cohort_size: 1, column_index: 0, customers: 1 }], o),
  },
  customerSampleSql: {
    options: { dialect: 'snowflake', table: 'orders', customer: 'id', fraction: 0.1, salt: 's' },
    call: (o) => fn.customerSampleSql!(o),
  },
  scoringUdfSql: {
    options: {
      dialect: 'bigquery',
      params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
      t: 39,
      spend: { p: 6.25, q: 3.74, v: 15.44 },
      clv: { horizon: 12, modelUnit: 'week', discountRate: 0.01 },
    },
    call: (o) => fn.scoringUdfSql!(o),
    nested: [
      { key: 'params', value: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
      { key: 'spend', value: { p: 6.25, q: 3.74, v: 15.44 } },
      {
        key: 'clv',
        value: {
          horizon: 12,
          horizonUnit: 'month',
          modelUnit: 'week',
          discountRate: 0.01,
          margin: 1,
          daysPerMonth: 30.4,
        },
      },
    ],
  },
  quoteSqlIdentifier: { options: { dialect: 'spark' }, call: (o) => fn.quoteSqlIdentifier!('a`b', o) },
  quoteSqlLiteral: { options: { dialect: 'clickhouse' }, call: (o) => fn.quoteSqlLiteral!("it's", o) },
  // Models
  fitBgNbd: {
    options: { maxIterations: 50, initialParams: { r: 1 } },
    call: (o) => fn.fitBgNbd!(modelCustomers, o),
    nested: initialParams('r alpha a b'),
  },
  fitMbgNbd: {
    options: { maxIterations: 50 },
    call: (o) => fn.fitMbgNbd!(modelCustomers, o),
    nested: initialParams('r alpha a b'),
  },
  fitParetoNbd: {
    options: { maxIterations: 50 },
    call: (o) => fn.fitParetoNbd!(modelCustomers, o),
    nested: initialParams('r alpha s beta'),
  },
  fitGammaGamma: {
    options: { maxIterations: 50, penalty: 0.001 },
    call: (o) => fn.fitGammaGamma!({ frequency: [1, 2, 3], monetaryValue: [12, 20, 30] }, o),
    nested: initialParams('p q v'),
  },
  fitShiftedBetaGeometric: {
    options: { maxIterations: 50 },
    call: (o) => fn.fitShiftedBetaGeometric!([1000, 631, 468, 382], o),
    nested: initialParams('alpha beta'),
  },
  projectRetentionMatrix: {
    options: {
      horizon: 4,
      projectWith: 'cohort',
      discountRate: 0.1,
      draws: 20,
      confidenceLevel: 0.9,
      seed: 3,
      maxIterations: 100,
    },
    call: (o) => fn.projectRetentionMatrix!(matrix, o),
  },
  fitBgBb: {
    options: { maxIterations: 50 },
    call: (o) => fn.fitBgBb!({ frequency: [0, 1, 2], recency: [0, 1, 4], opportunities: [4, 4, 4] }, o),
    nested: initialParams('alpha beta gamma delta'),
  },
  bgBbProbabilityAlive: {
    options: { futurePeriods: 1 },
    call: (o) => fn.bgBbProbabilityAlive!(bgBb, { frequency: 2, recency: 4, opportunities: 6 }, o),
  },
  bgBbConditionalExpectedPurchases: {
    options: { futurePeriods: 5 },
    call: (o) => fn.bgBbConditionalExpectedPurchases!(bgBb, { frequency: 2, recency: 4, opportunities: 6 }, o),
  },
  sbgDiscountedExpectedResidualLifetime: {
    options: { discountRate: 0.1, renewals: 4 },
    call: (o) => fn.sbgDiscountedExpectedResidualLifetime!({ alpha: 0.668, beta: 3.806 }, o),
  },
  gammaGammaExpectedSpend: {
    options: { nonPositiveSpend: 'nan' },
    call: (o) => fn.gammaGammaExpectedSpend!(spend, clvCustomer, o),
  },
  modelClv: { options: clvOptions, call: (o) => fn.modelClv!(transaction, spend, clvCustomer, o) },
  modelClvInterval: {
    options: { ...clvOptions, draws: 20 },
    call: (o) => fn.modelClvInterval!(transaction, spend, clvCustomer, o),
  },
  probabilityAliveInterval: {
    options: { draws: 20, seed: 7 },
    call: (o) => fn.probabilityAliveInterval!(transaction, clvCustomer, o),
  },
  conditionalExpectedPurchasesInterval: {
    options: { draws: 20, confidenceLevel: 0.9 },
    call: (o) => fn.conditionalExpectedPurchasesInterval!(transaction, 39, clvCustomer, o),
  },
  atRiskCustomers: { options: { threshold: 0.5 }, call: (o) => fn.atRiskCustomers!([clvCustomer], transaction, o) },
  // Survival
  customerLifetimes: {
    options: { customer: 'user', time: 'at', churnAfter: 35, unit: 'day' },
    call: (o) => fn.customerLifetimes!(rows, o),
  },
  kaplanMeier: {
    options: { confidenceLevel: 0.9, interval: 'log' },
    call: (o) => fn.kaplanMeier!({ durations: [3, 5, 6], events: [1, 0, 1] }, o),
  },
  // Compare
  compareRates: {
    options: { confidenceLevel: 0.9 },
    call: (o) => fn.compareRates!({ successes: 42, trials: 100 }, { successes: 38, trials: 100 }, o),
  },
  compareToBenchmark: {
    options: { higherIsBetter: false, tolerance: 0.001, sampleSize: 100, confidenceLevel: 0.9 },
    call: (o) => fn.compareToBenchmark!(0.05, 0.04, o),
  },
  metricTrend: { options: { lookback: 3 }, call: (o) => fn.metricTrend!([0.81, 0.82, 0.8, 0.81, 0.74], o) },
  percentileRank: { options: { ties: 'strict' }, call: (o) => fn.percentileRank!(0.82, [0.7, 0.8, 0.82, 0.9], o) },
  // Charts
  cohortHeatmapSpec: {
    options: { title: 'Retention', periodZero: false, significance: true, confidenceLevel: 0.9 },
    call: (o) => fn.cohortHeatmapSpec!(matrix, o),
  },
  cohortHeatmapSvg: {
    options: { title: 'Retention', cellWidth: 40, showValues: true },
    call: (o) => fn.cohortHeatmapSvg!(matrix, o),
  },
  cohortRevenueSpec: {
    options: { currency: '$', cohorts: true },
    call: (o) => fn.cohortRevenueSpec!(lib.cohortRevenue(index), o),
  },
  retentionCurveSpec: {
    options: { title: 'Curves', xTitle: 'month', band: false },
    call: (o) => fn.retentionCurveSpec!(matrix, o),
  },
  retentionCurveSvg: {
    options: { title: 'Curves', width: 400, band: true },
    call: (o) => fn.retentionCurveSvg!(matrix, o),
  },
  survivalCurveSpec: { options: { timeTitle: 'months', band: true }, call: (o) => fn.survivalCurveSpec!(km, o) },
  survivalCurveSvg: { options: { timeTitle: 'months', height: 200 }, call: (o) => fn.survivalCurveSvg!(km, o) },
  // Diagnostics
  periodTransactions: {
    options: { maxFrequency: 3, weights: [1, 1, 1, 1, 1, 1, 1] },
    call: (o) => fn.periodTransactions!(modelCustomers, transaction, o),
  },
  holdoutComparison: {
    options: { maxFrequency: 3, recencyBins: 4, weights: [1] },
    call: (o) => fn.holdoutComparison!([{ ...clvCustomer, holdoutFrequency: 1, holdoutDuration: 39 }], transaction, o),
  },
  trackingTransactions: {
    options: {
      customer: 'user',
      time: 'at',
      calibrationEnd: '2024-01-31',
      modelUnit: 'week',
      period: 'day',
      timeZone: 'UTC',
    },
    call: (o) => fn.trackingTransactions!(rows, transaction, o),
  },
  modelSummary: {
    options: {
      confidenceLevel: 0.9,
      weights: [1, 1, 1, 1, 1, 1, 1],
      restricted: { logLikelihood: -100, parameters: 2 },
    },
    call: (o) => fn.modelSummary!(transaction, modelCustomers, o),
  },
  holdoutScorecard: {
    options: { names: ['mine'] },
    call: (o) => fn.holdoutScorecard!([{ ...clvCustomer, holdoutFrequency: 1, holdoutDuration: 39 }], [transaction], o),
  },
  aliveHistory: {
    options: { modelUnit: 'week', end: '2024-03-01', step: 'week', timeZone: 'UTC' },
    call: (o) => fn.aliveHistory!(['2024-01-05', '2024-02-11'], transaction, o),
  },
  expectedTotals: {
    options: {
      horizon: 2,
      periodLength: 4,
      draws: 20,
      confidenceLevel: 0.9,
      seed: 2,
      weights: [1, 1, 1, 1, 1, 1, 1],
      parameterDraws: 'exact',
    },
    call: (o) => fn.expectedTotals!(modelCustomers, transaction, o),
  },
  probabilityAliveMatrixSpec: {
    options: { maxFrequency: 3, maxRecency: 5, T: 6, title: 'P(alive)' },
    call: (o) => fn.probabilityAliveMatrixSpec!(bgNbd, o),
  },
  // Input readers (the streaming ones check their options before returning the promise)
  parseCsvLog: {
    options: {
      customer: 'id',
      time: 'at',
      value: 'v',
      delimiter: ';',
      timeZone: 'UTC',
      epoch: 'seconds',
      onBadRow: 'skip',
    },
    call: (o) => fn.parseCsvLog!('id;at;v\na;0;1\n', o),
  },
  readCsvLog: {
    options: {
      customer: 'id',
      time: 'at',
      value: 'v',
      delimiter: ';',
      timeZone: 'UTC',
      epoch: 'seconds',
      onBadRow: 'skip',
    },
    call: (o) => fn.readCsvLog!('id;at;v\na;0;1\n', o),
  },
  parseNdjsonLog: {
    options: { customer: 'id', time: 'at', value: 'v', timeZone: 'UTC', epoch: 'seconds', onBadRow: 'skip' },
    call: (o) => fn.parseNdjsonLog!('{"id":"a","at":0,"v":1}\n', o),
  },
  readNdjsonLog: {
    options: { customer: 'id', time: 'at', value: 'v', timeZone: 'UTC', epoch: 'seconds', onBadRow: 'skip' },
    call: (o) => fn.readNdjsonLog!('{"id":"a","at":0,"v":1}\n', o),
  },
  arrowLogColumns: {
    options: { customer: 'id', time: 'at', value: 'v', timeUnit: 'second', timeZone: 'UTC' },
    call: (o) =>
      fn.arrowLogColumns!({ getChild: (name: string) => ({ toArray: () => (name === 'id' ? ['a'] : [0]) }) }, o),
  },
};

/**
 * Exports that take no options object: inputs are required parameters or one argument bag of required fields
 * (`retentionRate({ start, end, acquired })`), parameters of a model (`params`), or not a function.
 */
const withoutOptions = [
  'acquisitionToRetentionCostRatio',
  'averageOrderValue',
  'churnRate',
  'conversionRate',
  'customerAcquisitionCost',
  'expectedLifetime',
  'grossRevenueRetention',
  'ltvToCac',
  'netRevenueRetention',
  'purchaseFrequency',
  'repeatPurchaseRate',
  'retentionRate',
  'retentionClv',
  'simpleClv',
  'cohortChurn',
  'mergeCohortStates',
  'mergeRfmStates',
  'cohortRevenue',
  'cohortRepeatPurchaseRate',
  'cohortPurchaseFrequency',
  'cohortAverageOrderValue',
  'segmentBy',
  'rfmSegment',
  'rfmSegmentRules',
  'bgNbdExpectedPurchases',
  'bgNbdConditionalExpectedPurchases',
  'bgNbdProbabilityAlive',
  'bgNbdPurchaseProbability',
  'sbgRetentionRate',
  'sbgSurvival',
  'sbgChurnProbability',
  'sbgExpectedLifetime',
  'compressCustomers',
  'paretoNbdExpectedPurchases',
  'paretoNbdConditionalExpectedPurchases',
  'paretoNbdProbabilityAlive',
  'bgBbExpectedPurchases',
  'bgBbPurchaseProbability',
  'mbgNbdExpectedPurchases',
  'mbgNbdConditionalExpectedPurchases',
  'mbgNbdProbabilityAlive',
  'mbgNbdPurchaseProbability',
  'paretoNbdPurchaseProbability',
];

/** The accepted keys an unknown-key message lists. */
function acceptedKeys(message: string): string[] {
  const m = /accepted options: (.*)$/.exec(message);
  return m ? (m[1] as string).split(', ') : [];
}

/** A near miss of `key`: its second-to-last letter dropped (`period` → `perid`). */
function typo(key: string): string {
  return key.slice(0, -2) + key.slice(-1);
}

describe('every export is listed once', () => {
  it('in withOptions or withoutOptions', () => {
    const listed = [...Object.keys(withOptions), ...withoutOptions];
    expect(new Set(listed).size, 'listed twice').toBe(listed.length);
    expect(Object.keys(lib).sort()).toStrictEqual([...listed].sort());
  });
});

describe.each(Object.entries(withOptions))('%s options', (name, { options, call, nested = [] }) => {
  it('accepts the valid call', () => {
    expect(() => call(options)).not.toThrow();
  });

  it('rejects an unknown key with the function, the argument path and the accepted keys', () => {
    const error = thrown(() => call({ ...options, zzz: 1 }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(new RegExp(`^${name}: unknown option "zzz"; accepted options: `));
    expect({ ...error }).toMatchObject({ function: name, argument: 'options.zzz', value: '1' });
    const accepted = acceptedKeys(error.message);
    for (const key of Object.keys(options)) expect(accepted).toContain(key);
    expect(() => JSON.stringify({ ...error })).not.toThrow();
  });

  it('suggests the accepted key for a near miss', () => {
    const accepted = acceptedKeys(thrown(() => call({ ...options, zzz: 1 })).message);
    const key = [...accepted].sort((a, b) => b.length - a.length)[0] as string;
    const { [key]: valid, ...rest } = options;
    const error = thrown(() => call({ ...rest, [typo(key)]: valid ?? 1 }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain(`unknown option "${typo(key)}" (did you mean "${key}"?)`);
    expect(error).toMatchObject({ function: name, argument: `options.${typo(key)}` });
  });

  for (const { key, value } of nested) {
    it(`rejects an unknown key in options.${key}`, () => {
      expect(() => call({ ...options, [key]: value })).not.toThrow();
      const error = thrown(() => call({ ...options, [key]: { ...value, zzz: 1 } }));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toContain(
        `${name}: unknown option "zzz" in ${key}; accepted options: ${Object.keys(value).join(', ')}`,
      );
      expect({ ...error }).toMatchObject({ function: name, argument: `options.${key}.zzz` });
    });
  }
});
