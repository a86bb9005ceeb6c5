/**
 * The transaction log of the RFM functions (`rfmSummary`, `calibrationHoldoutSplit`, `overdueCustomers`):
 * read through the one event-log reader (`input/eventLog.ts`), with the checks the purchase-period passes
 * (`./purchases/`, entry `summarizePeriods` in `purchases/periodSummary.ts`) run a block at a time. The passes
 * give each customer a dense slot in first-seen order and find each customer's distinct purchase periods,
 * value sums, first and last period; how they choose between them:
 *
 * A log in which each customer's transactions come in time order (the usual cases: a log appended as
 * purchases happen, or one grouped by customer and sorted by date) takes the fastest pass: a period is new
 * exactly when it differs from the customer's last one, so each customer needs only a 32-byte record and
 * each transaction touches one cache line (in a log in time order, whose customers take turns, after the
 * log is partitioned by customer as below). Unless the caller needs the periods themselves
 * (`overdueCustomers` does), that pass does it all; it gives up, for the passes below, at the first
 * transaction that goes back in time for its customer (for a shuffled log, within the first few thousand).
 *
 * Otherwise distinct periods are bits: a period is new when its bit was not set yet, so the input may come
 * in any order, with no sorting and no per-event memory. Usually one pass does it all: each
 * customer has a fixed-size record (value sums, counts, and a bitset over the whole window from the first
 * period of the log to `end`). Transactions are read in chunks of 2^21, and each chunk is partitioned by
 * customer-id range (a stable counting sort) before it is applied, so that the records being updated stay
 * in the cache and their pages in the TLB; with customers in random order the pass is otherwise bound by
 * memory latency, not arithmetic. Each bucket's records are read in address order before its transactions
 * are applied, and each chunk is read twice (bucket counts, then the partition itself) rather than copied,
 * so that the pass streams as few bytes as it can: at 10M transactions, every 8 bytes per transaction
 * streamed or freshly allocated costs tens of milliseconds. When those records would exceed about 32 bytes
 * per event (a long, sparse history), two passes size each customer's bitset to its own span instead (or
 * keep a sorted list of its periods when even that span is long for its number of purchases).
 *
 * When every customer id is a small non-negative integer the state is indexed by the id itself (no lookup
 * table at all); otherwise ids map to slots through a direct table or a `Map` (the rule: `input/denseIds.ts`).
 * Transactions enter through the one event-log reader (`input/eventLog.ts`). Memory is proportional to
 * customers × periods, plus a chunk buffer of 16 bytes per transaction (20 when ids go through the table;
 * 32 or 40 MB at most); row input is materialised once as typed columns.
 * @internal
 * @module
 */
import { LOG_VALUES } from './input/values.ts';
import { isCustomerId, failCustomerId } from './input/customerId.ts';
import { readEventLog, type EventLog, type TransactionOptions } from './input/eventLog.ts';
import { requireLogValue } from './input/fields.ts';

export { CustomerSlots } from './input/denseIds.ts';

/**
 * Transactions as the RFM passes read them: the validated columns of the one event-log reader (`idRange`:
 * 1 + the largest id when the passes may index their state by id, else −1; see `input/denseIds.ts`).
 */
export type TransactionColumns = EventLog;

/**
 * The RFM functions' transaction log, read by `readEventLog` with the name `transactions`, no cohort dates and
 * no filters (`readValue`: whether `value` is read); the passes check a value column themselves.
 * @example
 * ```ts
 * import { readTransactions } from './transactions.ts';
 *
 * const rows = [{ id: 'a', at: '2024-01-02', v: 5 }, { id: 7, at: 0, v: 1 }];
 * const t = readTransactions('rfmSummary', rows, { customer: 'id', time: 'at', value: 'v' }, 'UTC', true);
 * [t.length, t.minMs, t.maxMs, t.rowInput]; // => [2, 0, 1704153600000, true]
 * readTransactions('rfmSummary', [{ id: 'a', at: '2024-13-01' }], { customer: 'id', time: 'at' }, 'UTC', false); // => throws TypeError: rfmSummary: row 0: time "2024-13-01" is not a valid date
 * ```
 */
export function readTransactions(
  fn: string,
  transactions: unknown,
  opts: TransactionOptions,
  timeZone: string,
  readValue: boolean,
): TransactionColumns {
  return readEventLog(fn, transactions, opts, {
    name: 'transactions',
    timeZone,
    value: readValue && LOG_VALUES,
    deferValueCheck: true,
  });
}

/** The event-log value rule (`input/fields.ts`), for the passes' checks of transaction `i`. */
function requireValue(fn: string, value: unknown, i: number, rowInput: boolean): number {
  return requireLogValue(fn, 'transactions', value, i, rowInput, undefined);
}

/** The customer-id rule (`input/customerId.ts`), for the passes' checks of transaction `i`. */
export function validateCustomer(fn: string, customer: unknown, i: number, rowInput: boolean): void {
  if (!isCustomerId(customer)) failCustomerId(fn, customer, i, rowInput, 'transactions');
}

/**
 * Validates the values (when given) and customers (when given) of transactions [from, to), in input order:
 * the passes over the log (`./purchases/`) call it a block at a time, so that errors name the first bad row.
 * @throws {TypeError} For a value that is not a number, or an invalid customer id.
 * @throws {RangeError} For a value that is not finite.
 * @example
 * ```ts
 * import { validateBlock } from './transactions.ts';
 *
 * validateBlock('rfmSummary', 0, 2, [5, 7.5], ['a', 3], false); // => undefined
 * validateBlock('rfmSummary', 0, 2, [5, Number.NaN], null, false); // => throws RangeError: rfmSummary: value[1] (NaN) must be a finite number
 * validateBlock('rfmSummary', 1, 2, null, ['a', null], true); // => throws TypeError
 * ```
 */
export function validateBlock(
  fn: string,
  from: number,
  to: number,
  values: ArrayLike<unknown> | null,
  customers: ArrayLike<unknown> | null,
  rowInput: boolean,
): void {
  for (let i = from; i < to; i++) {
    if (values !== null) {
      const raw = values[i];
      if (typeof raw !== 'number' || raw - raw !== 0) requireValue(fn, raw, i, rowInput);
    }
    if (customers !== null) validateCustomer(fn, customers[i], i, rowInput);
  }
}
