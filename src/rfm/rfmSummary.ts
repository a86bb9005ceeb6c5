import { LOG_VALUES } from '../internal/input/values.ts';
import type { DurationUnit } from '../internal/time/periodKinds.ts';
import { readEventLog, TRANSACTION_KEYS } from '../internal/input/eventLog.ts';
import { PERIOD_SETTING_KEYS, readInstant, readPeriodSettings } from '../internal/input/settings.ts';
import { type CustomerSink, hasPurchase, summarizePeriods } from '../internal/purchases/periodSummary.ts';
import { readOptions } from '../internal/validate.ts';
import type { PeriodGroupingOptions, EventLogColumns, EventLogOptions, EventValueOptions } from '../types.ts';

/** Options for {@link rfmSummary}. Without `value` (or a value column), `monetaryValue` is `NaN`. */
export interface RfmSummaryOptions<Row = unknown>
  extends EventLogOptions<Row>,
    EventValueOptions<Row>,
    PeriodGroupingOptions {
  /** Unit of `recency` and `T` (default: the period): day, week (7 days), month (365.25/12 days), quarter, year (365.25 days). */
  readonly unit?: DurationUnit;
}

/** The RFM summary of one customer, in the BTYD (Buy 'Til You Die) convention. */
export interface RfmSummaryRow {
  /** Customer identifier. */
  readonly customer: string | number;
  /** Repeat purchase periods: periods with a purchase − 1 (x). */
  readonly frequency: number;
  /** Time from the first to the last purchase period (t_x), in `unit`. */
  readonly recency: number;
  /** Time from the first purchase period to the period of `observationEnd` (T), in `unit`. */
  readonly T: number;
  /** Mean value of the repeat periods (values summed per period); 0 when frequency is 0; `NaN` without values. */
  readonly monetaryValue: number;
}

/**
 * The RFM summary (frequency, recency, T, monetary value) of every customer from a transaction log,
 * exactly as the BTYD literature and the Python `lifetimes` package define it, so that BG/NBD,
 * Pareto/NBD and Gamma-Gamma fits reproduce published figures.
 *
 * Transactions are first grouped into calendar periods (default: days in UTC), so several purchases
 * on one day count once and their values are summed — the library's one definition of a purchase, which the
 * cohort metrics share (see
 * [Orders and purchases](../../docs/guides/getting-started.md#orders-and-purchases)). A date-only
 * `observationEnd` covers that whole day, as in every function taking it. Then, per customer:
 *
 * ```text
 * P      = the customer's distinct purchase periods ≤ the period of observationEnd
 * start(p) = first day of period p;  E = period of observationEnd;  u = days per unit
 * frequency     x   = |P| − 1                                         (repeat periods)
 * recency       t_x = (start(max P) − start(min P)) / u
 * T                 = (start(E)     − start(min P)) / u
 * monetaryValue     = (Σ values in P \ {min P}) / x,   0 when x = 0
 * ```
 *
 * Durations are measured between period starts in whole calendar days of `timeZone` (a daylight-saving
 * day still counts as one day), then divided by the fixed unit length: a week is exactly 7 days, a
 * month 365.25/12, a quarter 365.25/4, a year 365.25 days (numpy, and so `lifetimes`, uses 365.2425/12
 * for a month: 0.002 % apart). When `observationEnd` falls inside a period,
 * T runs to the start of that period, as in `lifetimes` (`observation_period_end.to_period(freq)`); so
 * with weekly periods T counts whole weeks. Transactions after the period of `observationEnd` are
 * ignored (validated, not counted); a customer whose first purchase is after it is left out of the
 * result (`lifetimes` behaves the same), so every returned row has 0 ≤ recency ≤ T.
 *
 * Returns and negative values: a value may be any finite number. Negative values (refunds, returns booked as
 * negative orders) and zeros are summed with the purchases of their period as they are, and the row still
 * counts as a purchase in that period: a period whose values net to 0 or less is still a purchase period, so
 * `monetaryValue` can be 0 or negative for a repeat buyer. Nothing is dropped or clipped here; the spend
 * models decide (`fitGammaGamma` excludes and counts such customers by default, the predictions give them
 * `NaN`; see their `nonPositiveSpend` option). To leave returns out of frequency, filter them before the call.
 *
 * Input is either rows with `customer`/`time`/`value` accessors, or columns
 * `{ customer, time, value? }` (typed arrays of epoch milliseconds are the fast path, and small
 * non-negative integer customer ids such as an `Int32Array` the fastest: one pass over the events,
 * memory proportional to customers). Input order does not change the result, but a log with each
 * customer's transactions in time order (appended as purchases happen, or grouped by customer and sorted
 * by date) is summarised fastest, with 32 bytes per customer. Customers are returned
 * in the order of their first transaction up to `observationEnd`. Customer identifiers are compared
 * by value and type (1 and "1" are different customers).
 *
 * Reference: Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way", Marketing Science
 * 24(2); `lifetimes.utils.summary_data_from_transaction_data` (lifetimes 0.11).
 *
 * @param transactions - Rows (array or iterable) read through the accessors, or columns.
 * @param options - Accessors (row input), `observationEnd`, `period`, `unit`, `timeZone`, `weekStartsOn`,
 *   `yearStartsOn` (first month of quarter and year periods, default 1).
 * @returns One row per customer with a purchase up to `observationEnd`, in first-seen order; an empty
 *   array when there is none. `monetaryValue` is `NaN` when no `value` is given.
 * @throws {TypeError} When `transactions` is neither rows nor columns, an accessor is missing (rows) or
 *   given with columns, a time is not a valid date (`rfmSummary: row 17: time "x" is not a valid date`),
 *   a customer is not a string or number, or a value is not a number.
 * @throws {RangeError} When columns differ in length, a value or numeric customer is not finite, or an
 *   option is out of its domain (unknown period, unit or time zone, `weekStartsOn` outside 0–6,
 *   `yearStartsOn` outside 1–12).
 * @example
 * ```ts
 * import { rfmSummary } from 'loyalty-metrics';
 *
 * const transactions = [
 *   { id: 'a', at: '2024-01-01', amount: 10 },
 *   { id: 'a', at: '2024-01-01', amount: 5 },
 *   { id: 'a', at: '2024-01-15', amount: 20 },
 *   { id: 'a', at: '2024-01-29', amount: 40 },
 *   { id: 'b', at: '2024-01-08', amount: 30 },
 * ];
 * const summary = rfmSummary(transactions, {
 *   customer: 'id',
 *   time: 'at',
 *   value: 'amount',
 *   observationEnd: '2024-02-05',
 *   unit: 'week',
 * });
 * summary[0]; // => { customer: 'a', frequency: 2, recency: 4, T: 5, monetaryValue: 30 }
 * summary[1]; // => { customer: 'b', frequency: 0, recency: 0, T: 4, monetaryValue: 0 }
 * ```
 * @category RFM
 */
export function rfmSummary<Row = unknown>(
  transactions: Iterable<Row> | EventLogColumns,
  options?: RfmSummaryOptions<Row>,
): RfmSummaryRow[] {
  const fn = 'rfmSummary';
  const opts = readOptions(fn, options, [...TRANSACTION_KEYS, ...PERIOD_SETTING_KEYS, 'observationEnd']);
  const settings = readPeriodSettings(fn, opts);
  const { indexer, unitDays } = settings;
  const columns = readEventLog(fn, transactions, opts, {
    name: 'transactions',
    timeZone: settings.timeZone,
    value: LOG_VALUES,
    deferValueCheck: true,
  });
  const endMs = readInstant(fn, 'options.observationEnd', opts.observationEnd, settings.timeZone, columns);
  if (columns.length === 0 || !Number.isFinite(endMs)) return [];
  const end = indexer.index(endMs);
  const endDay = indexer.firstDay(end);
  const noValues = columns.values === null;
  const out: RfmSummaryRow[] = [];
  // One row literal for every pass: the in-order pass hands its customers straight to it (no summary arrays).
  const sink: CustomerSink = (customer, first, last, periods, repeatValue) => {
    const firstDay = indexer.firstDay(first);
    const frequency = periods - 1;
    out.push({
      customer: customer as string | number,
      frequency,
      recency: (indexer.firstDay(last) - firstDay) / unitDays,
      T: (endDay - firstDay) / unitDays,
      monetaryValue: noValues ? Number.NaN : frequency === 0 ? 0 : repeatValue / frequency,
    });
  };
  const summary = summarizePeriods(fn, columns, indexer, end, end, false, sink);
  const { first, last, periods, repeatValue, keys } = summary;
  for (let s = 0; s < summary.count; s++) {
    if (hasPurchase(summary, s))
      sink(keys[s], first[s] as number, last[s] as number, periods[s] as number, repeatValue?.[s] ?? 0);
  }
  return out;
}
