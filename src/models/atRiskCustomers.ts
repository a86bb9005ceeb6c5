import { readCustomers } from '../internal/input/customerSummary.ts';
import { readOptions, requireFraction, typeFail } from '../internal/validate.ts';
import { resolveTransactionModel, type TransactionModel } from '../internal/models/transactionModel.ts';
import type { ModelCustomer, ModelCustomers } from './types.ts';

/** Options for {@link atRiskCustomers}. */
export interface AtRiskCustomersOptions {
  /** Customers with P(alive) strictly below this fraction are returned. Required. */
  readonly threshold: number;
}

/** One at-risk customer. */
export interface AtRiskCustomer<Customer = ModelCustomer> {
  /** Position in the input. */
  readonly index: number;
  /** The input row itself (absent for columnar input). */
  readonly customer?: Customer;
  /** P(alive) under the transaction model. */
  readonly probabilityAlive: number;
}

/**
 * Customers whose probability of still being alive has fallen below a threshold, most at risk first:
 * the list to hand to a win-back campaign.
 *
 * P(alive) comes from the fitted transaction model (any model of the transaction-model interface).
 * Ties keep input order.
 *
 * **Under BG/NBD one-time buyers are never listed.** BG/NBD lets a customer drop out only right after a
 * repeat purchase, so a customer with `frequency` 0 has P(alive) = 1 by construction, however long ago the
 * only purchase was: on the full CDNOW log (weekly units) that is 12,054 of the 23,570 customers, none of whom
 * this list can ever contain, whatever the threshold. To rank them too, fit a model in which they can drop out:
 * MBG/NBD (`model: 'mbgNbd'`, a drop-out chance at time 0 as well) or Pareto/NBD (`'paretoNbd'`, drop-out at any
 * time). For a model-free list, `overdueCustomers` names the repeat buyers who are late by their own rhythm;
 * one-time buyers whose only purchase was long ago are the `rfmSummary` rows with `frequency` 0 and a large `T`.
 *
 * ```text
 * at risk ⇔ P(alive | x, tₓ, T) < threshold;   sorted by P(alive) ascending, then index
 * ```
 *
 * @param customers - `{ frequency, recency, T }` rows or columns, in the model's time unit.
 * @param transaction - A fitted transaction model `{ model, params }`.
 * @param options - `threshold`, a fraction in [0, 1].
 * @returns `{ index, customer?, probabilityAlive }[]`, lowest P(alive) first; empty when nobody is below the
 *   threshold. Under BG/NBD it never holds a customer with `frequency` 0 (see above).
 * @throws {TypeError} When an argument has the wrong type or `threshold` is missing.
 * @throws {RangeError} When threshold is outside [0, 1] or a customer or parameter is invalid.
 * @example
 * ```ts
 * import { atRiskCustomers } from 'loyalty-metrics';
 *
 * const transaction = { model: 'bgNbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * const customers = [
 *   { frequency: 2, recency: 30.43, T: 38.86 },
 *   { frequency: 6, recency: 5, T: 38.86 },
 *   { frequency: 0, recency: 0, T: 38.86 },
 * ];
 * atRiskCustomers(customers, transaction, { threshold: 0.5 }); // => [{ index: 1, probabilityAlive: 0.0007 }]
 * ```
 * @category Models
 */
export function atRiskCustomers<Customer extends ModelCustomer>(
  customers: readonly Customer[] | ModelCustomers,
  transaction: TransactionModel,
  options: AtRiskCustomersOptions,
): AtRiskCustomer<Customer>[] {
  const fn = 'atRiskCustomers';
  const model = resolveTransactionModel(fn, transaction);
  if (options === undefined) typeFail(fn, 'options must be an object with a threshold, got undefined');
  const o = readOptions(fn, options, ['threshold']);
  if (o.threshold === undefined) typeFail(fn, 'threshold is required (a fraction in [0, 1])');
  const threshold = requireFraction(fn, 'threshold', o.threshold);
  const data = readCustomers(fn, 'customers', customers, { allowSingle: false });
  const rows = Array.isArray(customers) ? (customers as readonly Customer[]) : null;
  const out: AtRiskCustomer<Customer>[] = [];
  for (let i = 0; i < data.length; i++) {
    const pa = model.kernel.probabilityAlive(
      model.params,
      data.frequency[i] as number,
      data.recency[i] as number,
      data.T[i] as number,
    );
    if (pa < threshold)
      out.push(
        rows ? { index: i, customer: rows[i] as Customer, probabilityAlive: pa } : { index: i, probabilityAlive: pa },
      );
  }
  out.sort((x, y) => x.probabilityAlive - y.probabilityAlive || x.index - y.index);
  return out;
}
