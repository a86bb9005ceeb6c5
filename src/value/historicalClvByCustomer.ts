import { readLogTime, requireLogValue } from '../internal/input/fields.ts';
import { readPurchasePeriod } from '../internal/input/settings.ts';
import { requireTimeZone } from '../internal/time/zones.ts';
import { resolveAccessor, rowsOf } from '../internal/rows.ts';
import type { Accessor, Period } from '../types.ts';
import { requireCustomerId } from '../internal/input/customerId.ts';
import { NeumaierSum } from '../internal/sum.ts';
import { readOptions, requireFraction, requireObject, withDefault } from '../internal/validate.ts';

/** Options for {@link historicalClvByCustomer}. */
export interface HistoricalClvByCustomerOptions<Row> {
  /** The customer of a row: a property name or `(row, index) => id`; ids are non-empty strings or finite numbers. */
  readonly customer: Accessor<Row, string | number>;
  /** The purchase value of a row: a property name or `(row, index) => value`; a finite amount of money. */
  readonly value: Accessor<Row, number>;
  /** Gross margin as a fraction of each purchase value, in [0, 1]. Default 1 (revenue, not profit). */
  readonly margin?: number;
  /**
   * The time of a row (property name or function; a timestamp): with it, `orders` counts purchases — the rows
   * of one customer in one `purchasePeriod` are one, as `rfmSummary` counts them. Without it, every row.
   */
  readonly time?: Accessor<Row>;
  /** With `time`: the purchase period, default `'day'`; any period, or `'event'` for every row. */
  readonly purchasePeriod?: Period | 'event';
  /** With `time`: the IANA zone of the purchase periods. Default `'UTC'`. */
  readonly timeZone?: string;
}

/** One customer's entry in the result of {@link historicalClvByCustomer}. */
export interface HistoricalClvByCustomerRow {
  /** The customer id, as the accessor first returned it. */
  readonly customer: string | number;
  /** margin · the customer's summed purchase values. */
  readonly clv: number;
  /**
   * Purchases of the customer: with `time`, its distinct purchase periods (days by default); without, its rows.
   * Refund rows included.
   */
  readonly orders: number;
}

/**
 * Historical customer lifetime value of every customer in a transaction log.
 *
 * The per-customer version of {@link historicalClv}: rows are grouped by customer and each group's
 * values are summed with compensated (Neumaier) summation, then multiplied by the margin (a total beyond the double range is ±Infinity, as in
 * `historicalClv`; a partial sum that overflows is not). One entry
 * per customer, in the order customers first appear in the log, so the result is stable and easy to
 * join back.
 *
 * ```text
 * CLV_c = margin · Σ_{rows j of customer c} v_j        (currency)
 * orders_c = #{ distinct purchase periods (days) of c's rows }   (with `time`; else the number of rows of c)
 * ```
 *
 * With a `time` accessor, the rows of one customer on one day are one purchase, the library's one definition
 * (see "Orders and purchases" in the getting-started guide; `purchasePeriod` and `timeZone` choose the day).
 *
 * Ids are compared without coercion: the number 1 and the string "1" are two customers. An empty
 * string is rejected as a missing id rather than grouped. Negative values (refunds) are allowed.
 *
 * @param transactions - An array or iterable of rows (objects, or anything the accessors can read).
 * @param options - `customer` and `value` accessors (a property name or a function `(row, index) => …`),
 *   `margin`, a fraction in [0, 1] (default 1), and optionally `time`, `purchasePeriod` (`'day'`), `timeZone`
 *   (`'UTC'`).
 * @returns `{ customer, clv, orders }` per customer in first-seen order; `[]` for no rows.
 * @throws {TypeError} When `transactions` is not iterable, an accessor is neither a property name nor a
 *   function, a row cannot be read, a customer id is not a string or number, or a value is not a number.
 *   Row errors name the 0-based row index: `historicalClvByCustomer: row 2: value must be a number, got "20"`.
 * @throws {RangeError} When a value or numeric id is not finite, an id is an empty string, or `margin`
 *   is outside [0, 1].
 * @example
 * ```ts
 * import { historicalClvByCustomer } from 'loyalty-metrics';
 *
 * const orders = [
 *   { id: 'ann', amount: 100 },
 *   { id: 'bob', amount: 40 },
 *   { id: 'ann', amount: 200 },
 *   { id: 'ann', amount: 300 },
 * ];
 * const clv = historicalClvByCustomer(orders, { customer: 'id', value: 'amount', margin: 0.5 });
 * clv; // => [{ customer: 'ann', clv: 300, orders: 3 }, { customer: 'bob', clv: 20, orders: 1 }]
 * // with times, two orders of one day are one purchase
 * const dated = [{ id: 'ann', on: '2024-05-01', amount: 10 }, { id: 'ann', on: '2024-05-01', amount: 5 }];
 * historicalClvByCustomer(dated, { customer: 'id', value: 'amount', time: 'on' }); // => [{ customer: 'ann', clv: 15, orders: 1 }]
 * historicalClvByCustomer(dated, { customer: 'id', value: 'amount', time: 'on', purchasePeriod: 'event' }); // => [{ customer: 'ann', clv: 15, orders: 2 }]
 * ```
 * @category Value
 */
export function historicalClvByCustomer<Row>(
  transactions: Iterable<Row>,
  options: HistoricalClvByCustomerOptions<Row>,
): HistoricalClvByCustomerRow[] {
  const fn = 'historicalClvByCustomer';
  const opts = readOptions(fn, requireObject(fn, 'options', options), [
    'customer',
    'value',
    'margin',
    'time',
    'purchasePeriod',
    'timeZone',
  ]);
  const customerOf = resolveAccessor<Row>(fn, 'options.customer', opts.customer, 'transactions');
  const amountOf = resolveAccessor<Row>(fn, 'options.value', opts.value, 'transactions');
  const margin = requireFraction(fn, 'options.margin', withDefault(opts.margin, 1));
  const timeZone = requireTimeZone(fn, 'options.timeZone', withDefault(opts.timeZone, 'UTC'));
  const timeOf = opts.time === undefined ? null : resolveAccessor<Row>(fn, 'options.time', opts.time, 'transactions');
  const purchases = readPurchasePeriod(fn, opts.purchasePeriod, { timeZone, weekStartsOn: 1, yearStartsOn: 1 });
  const grouping = timeOf === null ? null : purchases;
  const rows = rowsOf(fn, 'transactions', transactions) as readonly Row[];

  const groups = new Map<
    string | number,
    { readonly customer: string | number; readonly sum: NeumaierSum; orders: number; periods: Set<number> | null }
  >();
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as Row;
    const id = requireCustomerId(fn, customerOf(row, index), index, true, 'transactions');
    const value = requireLogValue(fn, 'transactions', amountOf(row, index), index, true, id);
    let group = groups.get(id);
    if (group === undefined) {
      group = { customer: id, sum: new NeumaierSum(), orders: 0, periods: grouping === null ? null : new Set() };
      groups.set(id, group);
    }
    group.sum.add(value);
    if (timeOf !== null) {
      const t = readLogTime(fn, 'transactions', 'time', timeOf(row, index), index, true, timeZone, id);
      if (group.periods !== null && grouping !== null) {
        const size = group.periods.size;
        group.periods.add(grouping.index(t));
        if (group.periods.size === size) continue;
      }
    }
    group.orders++;
  }

  const result: HistoricalClvByCustomerRow[] = [];
  for (const { customer, sum, orders } of groups.values()) result.push({ customer, clv: sum.value(margin), orders });
  return result;
}
