import { resolveDiagnosticModel } from '../internal/diagnostics.ts';
import type { DiagnosticTransactionModel } from './types.ts';
import { DAYS_PER_UNIT, type DurationUnit } from '../internal/time/periodKinds.ts';
import { createPeriodIndexer } from '../internal/time/indexer.ts';
import { requireTimeZone } from '../internal/time/zones.ts';
import { toEpochMs } from '../internal/time/parse.ts';
import { readInstant } from '../internal/input/settings.ts';
import { collectPeriods, hasPurchase, summarizePeriods } from '../internal/purchases/periodSummary.ts';
import { readTransactions } from '../internal/transactions.ts';
import { describeValue, rangeFail, readOptions, requireOneOf, typeFail, withDefault } from '../internal/validate.ts';
import type { EventLogColumns, EventLogOptions, Timestamp } from '../types.ts';

/** Options for {@link trackingTransactions}. */
export interface TrackingTransactionsOptions<Row = unknown> extends EventLogOptions<Row> {
  /** Last instant of the calibration window (required): customers first seen by then are tracked. */
  readonly calibrationEnd: Timestamp;
  /** Time unit the model was fitted in (required). */
  readonly modelUnit: DurationUnit;
  /** Tracking period: `'day'` or `'week'` (7 days counted from the first purchase day; default). */
  readonly period?: 'day' | 'week';
}

/** One tracking period. */
export interface TrackingTransactionsRow {
  /** 1-based period number. */
  readonly period: number;
  /** ISO date of its first day. */
  readonly start: string;
  /** Days in the period (the last one may be shorter). */
  readonly days: number;
  /** True when the period starts after the calibration end. */
  readonly holdout: boolean;
  /** Repeat purchase days of the tracked customers in the period. */
  readonly actual: number;
  /** Expected repeat purchases in the period. */
  readonly expected: number;
  /** Running totals from the first period. */
  readonly cumulativeActual: number;
  readonly cumulativeExpected: number;
}

/**
 * Tracking plot data: repeat purchases of the customer base per day or week, actual against the model's
 * expectation, incremental and cumulative, over the calibration and the holdout window (Fader, Hardie &
 * Lee 2005, Figures 2–3; BTYD's `*.PlotTrackingInc`/`*.PlotTrackingCum`; lifetimes'
 * `expected_cumulative_transactions`).
 *
 * The tracked customers are those with a first purchase by `calibrationEnd`. Purchases are grouped per
 * calendar day (several on one day count once, as in the RFM summary); the first one starts the
 * customer's clock and every later purchase day up to `observationEnd` is a repeat purchase. With
 * day 0 = the earliest first purchase, customer i born on day dᵢ, period k ending at day bₖ:
 *
 * ```text
 * u = days per modelUnit,  n_d = customers born on day d
 * cumulativeExpected(k) = Σ_{d < bₖ} n_d · E[X((bₖ − d)/u)]        (the model's unconditional E[X(t)])
 * expected(k) = cumulativeExpected(k) − cumulativeExpected(k − 1)
 * actual(k)   = repeat purchase days of tracked customers in days [bₖ₋₁, bₖ)
 * ```
 *
 * Customers are grouped by birth day, so the cost is (days)² at most whatever the number of customers,
 * and E[X(t)] is evaluated once per lag in days. This is BTYD's `*.ExpectedCumulativeTransactions`
 * with birth period max(T) − Tᵢ; weekly periods run from the earliest first purchase, as the walkthrough's.
 * For BG/BB (`modelUnit` = one opportunity, e.g. `'year'`) a lag counts ⌊lag/u⌋ whole opportunities, so its
 * expectation steps once per unit after each birth day (BTYD's `bgbb.PlotTrackingInc`).
 *
 * @param transactions - Rows (array or iterable) read through the `customer` and `time` accessors, or columns.
 * @param transaction - A fitted transaction model `{ model, params }`.
 * @param options - `calibrationEnd`, `modelUnit` (required), `period`, `observationEnd`, `timeZone`, accessors.
 * @returns One row per period from the earliest first purchase to `observationEnd`; empty without tracked customers.
 * @throws {TypeError} When an argument has the wrong type or a required option is missing.
 * @throws {RangeError} When a value is out of its domain or `observationEnd` is before `calibrationEnd`.
 * @example
 * ```ts
 * import { bgNbdExpectedPurchases, trackingTransactions } from 'loyalty-metrics';
 *
 * const transaction = { model: 'bgNbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * const log = { customer: ['a', 'a', 'b', 'a'], time: ['2024-01-01', '2024-01-09', '2024-01-03', '2024-01-16'] };
 * const rows = trackingTransactions(log, transaction, { calibrationEnd: '2024-01-10', modelUnit: 'week' });
 * rows.map((r) => r.actual); // => [0, 1, 1]
 * rows[2]; // => { period: 3, start: '2024-01-15', days: 2, holdout: true, cumulativeActual: 2, cumulativeExpected: 0.2206 }
 * // a was born on day 0 and b on day 2; the last period ends after day 15 (16 days tracked)
 * bgNbdExpectedPurchases(transaction.params, 16 / 7) + bgNbdExpectedPurchases(transaction.params, 14 / 7); // => 0.2206
 * ```
 * @category Diagnostics
 */
export function trackingTransactions<Row = unknown>(
  transactions: Iterable<Row> | EventLogColumns,
  transaction: DiagnosticTransactionModel,
  options: TrackingTransactionsOptions<Row>,
): TrackingTransactionsRow[] {
  const fn = 'trackingTransactions';
  const model = resolveDiagnosticModel(fn, transaction);
  if (options === undefined) typeFail(fn, 'options must be an object with calibrationEnd and modelUnit, got undefined');
  const o = readOptions(fn, options, [
    'customer',
    'time',
    'timeZone',
    'observationEnd',
    'calibrationEnd',
    'modelUnit',
    'period',
  ]);
  if (o.calibrationEnd === undefined) typeFail(fn, 'calibrationEnd is required (a date or instant)');
  if (o.modelUnit === undefined) typeFail(fn, "modelUnit is required (the model's time unit, e.g. 'week')");
  const unit = requireOneOf<DurationUnit>(fn, 'modelUnit', o.modelUnit, Object.keys(DAYS_PER_UNIT) as DurationUnit[]);
  const length =
    requireOneOf<'day' | 'week'>(fn, 'period', withDefault(o.period, 'week'), ['day', 'week']) === 'day' ? 1 : 7;
  const timeZone = requireTimeZone(fn, 'timeZone', withDefault(o.timeZone, 'UTC'));
  const days = createPeriodIndexer(fn, { period: 'day', timeZone, weekStartsOn: 1, yearStartsOn: 1 });
  const calibrationMs = toEpochMs(fn, o.calibrationEnd, 'calibrationEnd', timeZone);
  const columns = readTransactions(fn, transactions, o, timeZone, false);
  const endMs = readInstant(fn, 'observationEnd', o.observationEnd, timeZone, columns);
  if (columns.length > 0 && endMs < calibrationMs)
    rangeFail(
      fn,
      `observationEnd (${describeValue(o.observationEnd ?? new Date(endMs))}) must not be before calibrationEnd (${describeValue(o.calibrationEnd)})`,
    );
  if (columns.length === 0) return [];
  const cutoff = days.index(calibrationMs);
  const end = days.index(endMs);
  const summary = summarizePeriods(fn, columns, days, cutoff, end, true);
  const selected = new Uint8Array(summary.count);
  let origin = Number.POSITIVE_INFINITY;
  for (let s = 0; s < summary.count; s++) {
    if (!hasPurchase(summary, s)) continue;
    selected[s] = 1;
    origin = Math.min(origin, summary.first[s] as number);
  }
  if (origin === Number.POSITIVE_INFINITY) return [];
  const span = end - origin + 1; // days tracked
  const births = new Float64Array(span);
  const repeats = new Float64Array(span);
  const lists = collectPeriods(summary, selected);
  for (let s = 0; s < summary.count; s++) {
    if (selected[s] === 0) continue;
    const from = lists.start[s] as number;
    const to = from + (lists.length[s] as number);
    const b = (lists.periods[from] as number) - origin;
    births[b] = (births[b] as number) + 1;
    for (let j = from + 1; j < to; j++) {
      const d = (lists.periods[j] as number) - origin;
      repeats[d] = (repeats[d] as number) + 1;
    }
  }
  const expectedAtLag = expectedByLag(model, span, DAYS_PER_UNIT[unit]);
  const cumulative = (boundary: number): number => {
    let sum = 0;
    for (let d = 0; d < boundary; d++) {
      const n = births[d] as number;
      if (n !== 0) sum += n * (expectedAtLag[boundary - d] as number);
    }
    return sum;
  };
  const periods = Math.ceil(span / length);
  const out: TrackingTransactionsRow[] = [];
  let previousExpected = 0;
  let cumulativeActual = 0;
  for (let k = 1; k <= periods; k++) {
    const lo = (k - 1) * length;
    const hi = Math.min(k * length, span);
    let actual = 0;
    for (let d = lo; d < hi; d++) actual += repeats[d] as number;
    cumulativeActual += actual;
    const cumulativeExpected = cumulative(hi);
    out.push({
      period: k,
      start: days.label(origin + lo),
      days: hi - lo,
      holdout: origin + lo > cutoff,
      actual,
      expected: cumulativeExpected - previousExpected,
      cumulativeActual,
      cumulativeExpected,
    });
    previousExpected = cumulativeExpected;
  }
  return out;
}

/** E[X(lag/u)] for lag = 0 … span days. */
function expectedByLag(model: ReturnType<typeof resolveDiagnosticModel>, span: number, unitDays: number): Float64Array {
  const out = new Float64Array(span + 1);
  for (let lag = 1; lag <= span; lag++) out[lag] = model.population.expectedPurchases(model.params, lag / unitDays);
  return out;
}
