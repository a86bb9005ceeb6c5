import type { DurationUnit } from '../internal/time/periodKinds.ts';
import { readEventLog } from '../internal/input/eventLog.ts';
import { PERIOD_SETTING_KEYS, readInstant, readPeriodSettings } from '../internal/input/settings.ts';
import { collectPeriods, summarizePeriods } from '../internal/purchases/periodSummary.ts';
import { readOptions, requirePositive } from '../internal/validate.ts';
import type { PeriodGroupingOptions, EventLogColumns, EventLogOptions } from '../types.ts';

/** Options for {@link overdueCustomers}. Each period with a purchase counts as one purchase. */
export interface OverdueCustomersOptions<Row = unknown> extends EventLogOptions<Row>, PeriodGroupingOptions {
  /** A customer is overdue when the time since the last purchase exceeds `multiple` × their median gap (> 0). */
  readonly multiple: number;
  /** Unit of the reported durations (default: the period); a week is 7 days, a month 365.25/12. */
  readonly unit?: DurationUnit;
}

/** A customer who has waited longer than usual since their last purchase. */
export interface OverdueCustomer {
  /** Customer identifier. */
  readonly customer: string | number;
  /** Number of distinct purchase periods up to `observationEnd` (at least 2). */
  readonly purchases: number;
  /** ISO date of the first day of the last purchase period. */
  readonly lastPurchase: string;
  /** Time from the last purchase period to the period of `observationEnd`, in `unit`. */
  readonly timeSinceLastPurchase: number;
  /** Median time between consecutive purchase periods, in `unit`. */
  readonly medianGap: number;
  /** timeSinceLastPurchase / medianGap (> multiple). */
  readonly overdueRatio: number;
}

/**
 * Customers whose time since their last purchase exceeds a multiple of their own typical gap between
 * purchases: a simple, model-free "they should have been back by now" list for win-back campaigns.
 *
 * Purchases are grouped into calendar periods as in {@link rfmSummary} (several purchases on one day
 * are one purchase, so same-day duplicates do not create zero gaps). For each customer:
 *
 * ```text
 * p₁ < p₂ < … < p_k   distinct purchase periods ≤ period E of observationEnd
 * gaps         = start(p_{j+1}) − start(p_j),  j = 1 … k − 1         (whole calendar days)
 * medianGap    = median(gaps)            (mean of the two middle gaps when k − 1 is even)
 * since        = start(E) − start(p_k)
 * overdue     ⇔  since > multiple · medianGap
 * ```
 *
 * Customers with fewer than two purchase periods have no gap to compare with and are never listed
 * (use {@link rfmSummary} with `frequency === 0` to find them). A purchase in the period of
 * `observationEnd` makes `since` 0, so such customers are not overdue. Durations are reported in
 * `unit`; the comparison itself is made in days, so the unit does not change who is listed.
 *
 * @param transactions - Rows (array or iterable) read through the accessors, or columns
 *   `{ customer, time }`.
 * @param options - `multiple` (required), accessors (row input), `observationEnd`, `period`, `unit`,
 *   `timeZone`, `weekStartsOn`, `yearStartsOn`.
 * @returns The overdue customers, most overdue (highest `overdueRatio`) first; ties keep the order of
 *   the customers' first transactions. An empty array when nobody is overdue.
 * @throws {TypeError} When `transactions` is neither rows nor columns, an accessor is missing, a time is
 *   not a valid date, a customer is not a string or number, or `multiple` is not a number.
 * @throws {RangeError} When `multiple` is not a finite number > 0, columns differ in length, or an option
 *   is out of its domain.
 * @example
 * ```ts
 * import { overdueCustomers } from 'loyalty-metrics';
 *
 * const overdue = overdueCustomers(
 *   [
 *     { id: 'weekly', at: '2024-03-01' },
 *     { id: 'weekly', at: '2024-03-08' },
 *     { id: 'weekly', at: '2024-03-15' },
 *     { id: 'monthly', at: '2024-02-01' },
 *     { id: 'monthly', at: '2024-03-02' },
 *   ],
 *   { customer: 'id', time: 'at', multiple: 2, observationEnd: '2024-04-01' },
 * );
 * overdue.length; // => 1
 * overdue[0]; // => { customer: 'weekly', purchases: 3, lastPurchase: '2024-03-15', timeSinceLastPurchase: 17, medianGap: 7, overdueRatio: 2.43 }
 * ```
 * @category RFM
 */
export function overdueCustomers<Row = unknown>(
  transactions: Iterable<Row> | EventLogColumns,
  options: OverdueCustomersOptions<Row>,
): OverdueCustomer[] {
  const fn = 'overdueCustomers';
  const opts = readOptions(fn, options, ['customer', 'time', ...PERIOD_SETTING_KEYS, 'observationEnd', 'multiple']);
  const multiple = requirePositive(fn, 'options.multiple', opts.multiple);
  const settings = readPeriodSettings(fn, opts);
  const { indexer, unitDays } = settings;
  const columns = readEventLog(fn, transactions, opts, {
    name: 'transactions',
    timeZone: settings.timeZone,
    value: false,
  });
  const endMs = readInstant(fn, 'options.observationEnd', opts.observationEnd, settings.timeZone, columns);
  if (columns.length === 0 || !Number.isFinite(endMs)) return [];
  const end = indexer.index(endMs);
  const summary = summarizePeriods(fn, columns, indexer, end, end, true);
  const selected = new Uint8Array(summary.count);
  for (let s = 0; s < summary.count; s++) if ((summary.periods[s] as number) >= 2) selected[s] = 1;
  const lists = collectPeriods(summary, selected);
  const endDay = indexer.firstDay(end);
  const found: Array<{ row: OverdueCustomer; slot: number }> = [];
  for (let s = 0; s < summary.count; s++) {
    if (selected[s] === 0) continue;
    const start = lists.start[s] as number;
    const k = lists.length[s] as number;
    const gaps = new Float64Array(k - 1);
    let previous = indexer.firstDay(lists.periods[start] as number);
    for (let j = 1; j < k; j++) {
      const day = indexer.firstDay(lists.periods[start + j] as number);
      gaps[j - 1] = day - previous;
      previous = day;
    }
    gaps.sort();
    const mid = (k - 1) >> 1;
    const medianDays =
      (k - 1) % 2 === 1 ? (gaps[mid] as number) : ((gaps[mid - 1] as number) + (gaps[mid] as number)) / 2;
    const sinceDays = endDay - previous;
    if (!(sinceDays > multiple * medianDays)) continue;
    found.push({
      slot: s,
      row: {
        customer: summary.keys[s] as string | number,
        purchases: k,
        lastPurchase: indexer.label(lists.periods[start + k - 1] as number),
        timeSinceLastPurchase: sinceDays / unitDays,
        medianGap: medianDays / unitDays,
        overdueRatio: sinceDays / medianDays,
      },
    });
  }
  found.sort((a, b) => b.row.overdueRatio - a.row.overdueRatio || a.slot - b.slot);
  return found.map((f) => f.row);
}
