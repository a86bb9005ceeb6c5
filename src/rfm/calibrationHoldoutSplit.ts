import { LOG_VALUES } from '../internal/input/values.ts';
import { toEpochMs } from '../internal/time/parse.ts';
import { readEventLog, TRANSACTION_KEYS } from '../internal/input/eventLog.ts';
import { PERIOD_SETTING_KEYS, readInstant, readPeriodSettings } from '../internal/input/settings.ts';
import { hasPurchase, summarizePeriods } from '../internal/purchases/periodSummary.ts';
import { describeValue, readOptions, rangeFail } from '../internal/validate.ts';
import type { EventLogColumns, Timestamp } from '../types.ts';
import type { RfmSummaryOptions, RfmSummaryRow } from './rfmSummary.ts';

/** Options for {@link calibrationHoldoutSplit}: those of {@link rfmSummary} plus the calibration end. */
export interface CalibrationHoldoutSplitOptions<Row = unknown> extends RfmSummaryOptions<Row> {
  /** Last instant of the calibration window (required); its period belongs to calibration. */
  readonly calibrationEnd: Timestamp;
  /** End of the holdout window; default the latest transaction time. */
  readonly observationEnd?: Timestamp;
}

/** Calibration-window RFM summary of one customer plus what happened in the holdout window. */
export interface CalibrationHoldoutRow extends RfmSummaryRow {
  /** Number of distinct purchase periods in the holdout window (every one counts, no "− 1"). */
  readonly holdoutFrequency: number;
  /** Length of the holdout window in `unit`: start(period of observationEnd) − start(period of calibrationEnd). */
  readonly holdoutDuration: number;
  /** Mean value per holdout purchase period; 0 without holdout purchases; `NaN` without values. */
  readonly holdoutMonetaryValue: number;
}

/**
 * Splits a transaction log at `calibrationEnd` into a calibration RFM summary (to fit a model on) and
 * the purchases each customer then made in the holdout window (to validate its predictions).
 *
 * The calibration fields (`frequency`, `recency`, `T`, `monetaryValue`) are those of
 * {@link rfmSummary} with `observationEnd = calibrationEnd`, so a row can be passed straight to a
 * model; the holdout fields follow `lifetimes.utils.calibration_and_holdout_data` (lifetimes 0.11):
 *
 * ```text
 * C = period of calibrationEnd,  E = period of observationEnd,  u = days per unit
 * calibration periods  = purchase periods ≤ C        → frequency, recency, T, monetaryValue
 * holdoutFrequency     = number of distinct purchase periods p with C < p ≤ E
 * holdoutDuration      = (start(E) − start(C)) / u                 (the same for every customer)
 * holdoutMonetaryValue = (Σ values in the holdout periods) / holdoutFrequency,  0 when it is 0
 * ```
 *
 * Only customers with a purchase in the calibration window are returned (a customer first seen in
 * the holdout cannot be scored by a model fitted on calibration; `lifetimes` also drops them), in
 * order of their first transaction up to `observationEnd`. Periods, time zones and units are handled
 * as in {@link rfmSummary}.
 *
 * Two deliberate differences from `lifetimes`, both invisible for date-only data with daily periods:
 * the windows are split by period (a purchase in the period of `calibrationEnd` is calibration, even
 * later that day), and `holdoutMonetaryValue` averages per purchase period like `monetaryValue` does
 * (lifetimes averages the raw transactions of the holdout), so the two are comparable. Unlike
 * `lifetimes`, an empty holdout window is not an error: every holdout count is then 0.
 *
 * @param transactions - Rows (array or iterable) read through the accessors, or columns.
 * @param options - `calibrationEnd` (required), `observationEnd`, and the options of {@link rfmSummary}.
 * @returns One row per customer with a calibration purchase; an empty array when there is none.
 * @throws {TypeError} As {@link rfmSummary}; also when `calibrationEnd` is missing or not a valid date.
 * @throws {RangeError} As {@link rfmSummary}; also when `observationEnd` is before `calibrationEnd`.
 * @example
 * ```ts
 * import { calibrationHoldoutSplit } from 'loyalty-metrics';
 *
 * const rows = calibrationHoldoutSplit(
 *   {
 *     customer: ['a', 'a', 'b', 'a', 'a', 'c'],
 *     time: ['2024-01-01', '2024-01-08', '2024-01-10', '2024-01-20', '2024-01-21', '2024-01-25'],
 *     value: [10, 20, 5, 30, 50, 7],
 *   },
 *   { calibrationEnd: '2024-01-14', observationEnd: '2024-01-28', unit: 'week' },
 * );
 * rows.length; // => 2
 * rows[0]; // => { customer: 'a', frequency: 1, recency: 1, T: 1.857, monetaryValue: 20, holdoutFrequency: 2, holdoutDuration: 2, holdoutMonetaryValue: 40 }
 * rows[1]; // => { customer: 'b', frequency: 0, recency: 0, T: 0.571, holdoutFrequency: 0 }
 * ```
 * @category RFM
 */
export function calibrationHoldoutSplit<Row = unknown>(
  transactions: Iterable<Row> | EventLogColumns,
  options: CalibrationHoldoutSplitOptions<Row>,
): CalibrationHoldoutRow[] {
  const fn = 'calibrationHoldoutSplit';
  const opts = readOptions(fn, options, [
    ...TRANSACTION_KEYS,
    ...PERIOD_SETTING_KEYS,
    'observationEnd',
    'calibrationEnd',
  ]);
  const settings = readPeriodSettings(fn, opts);
  const { indexer, unitDays } = settings;
  const calibrationMs = toEpochMs(fn, opts.calibrationEnd, 'calibrationEnd', settings.timeZone);
  const columns = readEventLog(fn, transactions, opts, {
    name: 'transactions',
    timeZone: settings.timeZone,
    value: LOG_VALUES,
    deferValueCheck: true,
  });
  const endMs = readInstant(fn, 'options.observationEnd', opts.observationEnd, settings.timeZone, columns);
  if (endMs < calibrationMs && columns.length > 0) {
    rangeFail(
      fn,
      `observationEnd (${describeValue(opts.observationEnd ?? new Date(endMs))}) must not be before calibrationEnd (${describeValue(
        opts.calibrationEnd,
      )})`,
    );
  }
  if (columns.length === 0) return [];
  const cutoff = indexer.index(calibrationMs);
  const end = indexer.index(endMs);
  const summary = summarizePeriods(fn, columns, indexer, cutoff, end, false);
  const calibrationDay = indexer.firstDay(cutoff);
  const holdoutDuration = (indexer.firstDay(end) - calibrationDay) / unitDays;
  const { first, last, periods, holdoutPeriods, repeatValue, holdoutValue, keys } = summary;
  const out: CalibrationHoldoutRow[] = [];
  for (let s = 0; s < summary.count; s++) {
    if (!hasPurchase(summary, s)) continue;
    const firstDay = indexer.firstDay(first[s] as number);
    const frequency = (periods[s] as number) - 1;
    const holdoutFrequency = holdoutPeriods[s] as number;
    out.push({
      customer: keys[s] as string | number,
      frequency,
      recency: (indexer.firstDay(last[s] as number) - firstDay) / unitDays,
      T: (calibrationDay - firstDay) / unitDays,
      monetaryValue: repeatValue === null ? Number.NaN : frequency === 0 ? 0 : (repeatValue[s] as number) / frequency,
      holdoutFrequency,
      holdoutDuration,
      holdoutMonetaryValue:
        holdoutValue === null
          ? Number.NaN
          : holdoutFrequency === 0
            ? 0
            : (holdoutValue[s] as number) / holdoutFrequency,
    });
  }
  return out;
}
