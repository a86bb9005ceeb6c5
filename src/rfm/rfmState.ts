import { LOG_VALUES } from '../internal/input/values.ts';
import { runCohortKernel } from '../internal/cohortKernel.ts';
import { readEventLog, TRANSACTION_KEYS } from '../internal/input/eventLog.ts';
import { readCohortSettings } from '../internal/input/settings.ts';
import { encodeLists, listsFromKernel } from '../internal/state/periodLists.ts';
import { STATE_VERSION } from '../internal/state/stateFields.ts';
import { rangeFail, readOptions } from '../internal/validate.ts';
import type { EventLogColumns, EventLogOptions, EventValueOptions, PeriodGroupingOptions } from '../types.ts';
import type { RfmState } from './types.ts';

/** Options of {@link rfmState}: accessors and the calendar (`observationEnd` and `unit` are chosen at finish). */
export interface RfmStateOptions<Row = unknown>
  extends Omit<EventLogOptions<Row>, 'observationEnd'>,
    EventValueOptions<Row>,
    PeriodGroupingOptions {}

/**
 * The incremental state of the RFM summary of a transaction log: per customer, its purchase periods and the
 * value sum of each, as plain JSON-safe data that {@link mergeRfmStates} merges and {@link finishRfmState}
 * turns into the {@link rfmSummary} of all the transactions merged.
 *
 * A daily job keeps yesterday's state, builds the state of today's transactions, merges the two and finishes
 * the merge; for any split of a log into parts, merging the parts' states in any order and grouping gives the
 * state of the whole log, and finishing it gives what `rfmSummary` gives on the whole log with the same options.
 *
 * ```text
 * state  = { customer ↦ { period p ↦ Σ values in p } }      (periods of the calendar, as rfmSummary groups them)
 * merge  = union per customer; the sums of a period both parts have are added
 * finish = frequency = |P| − 1, recency, T and monetaryValue from P = periods ≤ period of observationEnd
 * ```
 *
 * What "exactly" means for the values: frequency, recency and T are integers of periods and always equal
 * `rfmSummary`'s. Each period's value sum is carried as a pair (rounded sum, rounding error) built by
 * error-free transformations (TwoSum), so the pair holds the exact sum whenever it fits in about 106 bits:
 * values that are multiples of a common power of two 2^q with totals below 2^(q + 100) in magnitude, which
 * covers money amounts (any amounts of at least 0.01 with per-customer totals below 10^12, or whole numbers).
 * Then merging is associative and commutative to the bit and `monetaryValue` equals `rfmSummary`'s to the bit
 * (both are the correctly rounded exact sum divided by the frequency). Beyond that (e.g. 1e100 + 1 − 1e100),
 * both are within the compensated-sum error bound of the exact value, but may differ in the last bits.
 *
 * Rows of the finished summary come in the state's canonical customer order, not in the order of first
 * appearance that `rfmSummary` uses (which depends on how the log is ordered, and a merge must not).
 *
 * @param transactions - Rows (array or iterable) read through the accessors, or columns `{ customer, time, value? }`.
 * @param options - `customer`, `time`, `value` (rows), `period` (default `'day'`), `timeZone` (`'UTC'`),
 *   `weekStartsOn` (1), `yearStartsOn` (1).
 * @returns The state; `latestEvent` is `null` for a log of no transactions.
 * @throws {TypeError} For an invalid accessor, timestamp, customer id or value (naming the row).
 * @throws {RangeError} For an unknown period or time zone, `weekStartsOn` outside 0–6, `yearStartsOn` outside
 *   1–12, columns of unequal length, a value that is not finite, a period's value sum beyond the range of
 *   numbers, or a span too long for the period.
 * @example
 * ```ts
 * import { finishRfmState, mergeRfmStates, rfmState, rfmSummary } from 'loyalty-metrics';
 *
 * const january = [
 *   { id: 'a', at: '2024-01-01', amount: 10 },
 *   { id: 'a', at: '2024-01-15', amount: 20.1 },
 *   { id: 'b', at: '2024-01-08', amount: 30 },
 * ];
 * const february = [{ id: 'a', at: '2024-01-29', amount: 40.2 }];
 * const options = { customer: 'id', time: 'at', value: 'amount' } as const;
 * const state = mergeRfmStates([rfmState(january, options), rfmState(february, options)]);
 * const summary = finishRfmState(JSON.parse(JSON.stringify(state)), { observationEnd: '2024-02-05', unit: 'week' });
 * summary[0]; // => { customer: 'a', frequency: 2, recency: 4, T: 5, monetaryValue: 30.15 }
 * summary; // => rfmSummary([...january, ...february], { ...options, observationEnd: '2024-02-05', unit: 'week' })
 * ```
 * @category RFM
 */
export function rfmState<Row = unknown>(
  transactions: Iterable<Row> | EventLogColumns,
  options?: RfmStateOptions<Row>,
): RfmState {
  const fn = 'rfmState';
  const opts = readOptions(fn, options, [...TRANSACTION_KEYS, 'period', 'timeZone', 'weekStartsOn', 'yearStartsOn']);
  const settings = readCohortSettings(fn, {
    period: opts.period,
    timeZone: opts.timeZone,
    weekStartsOn: opts.weekStartsOn,
    yearStartsOn: opts.yearStartsOn,
  });
  const log = readEventLog(fn, transactions, opts, {
    name: 'transactions',
    timeZone: settings.timeZone,
    value: LOG_VALUES,
  });
  const values = log.values !== null;
  const lists = listsFromKernel(runCohortKernel(fn, log, settings, values));
  const sums = lists.sums;
  if (sums !== null)
    for (let i = 0; i < sums.length; i++)
      if (!Number.isFinite(sums[i] as number))
        rangeFail(fn, 'a period value sum exceeds the range of numbers (values too large to add)', {
          argument: 'transactions',
        });
  const encoded = encodeLists(lists);
  return {
    kind: 'rfmState',
    version: STATE_VERSION,
    options: {
      period: settings.period,
      timeZone: settings.timeZone,
      weekStartsOn: settings.weekStartsOn,
      yearStartsOn: settings.yearStartsOn,
    },
    values,
    latestEvent: log.length === 0 ? null : log.maxMs,
    customers: encoded.customers,
    periodBase: encoded.periodBase,
    periods: encoded.periods,
    valueSums: encoded.valueSums,
    valueErrors: encoded.valueErrors,
  };
}
