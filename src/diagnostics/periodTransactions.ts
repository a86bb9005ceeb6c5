import { readCustomers, readWeights } from '../internal/input/customerSummary.ts';
import { readCount, requireDiscreteCustomers, resolveDiagnosticModel } from '../internal/diagnostics.ts';
import type { DiagnosticTransactionModel } from './types.ts';
import { readOptions } from '../internal/validate.ts';
import type { DiagnosticCustomer, DiagnosticCustomerColumns } from './types.ts';

/** Options for {@link periodTransactions}. */
export interface PeriodTransactionsOptions {
  /** Frequencies from this one up are pooled into one open bin "k+" (default 7, as BTYD's `censor`). */
  readonly maxFrequency?: number;
  /** Non-negative weight per customer row (e.g. the counts of `compressCustomers`); default 1 each. */
  readonly weights?: ArrayLike<number>;
}

/** One bin of {@link periodTransactions}. */
export interface PeriodTransactionsRow {
  /** Number of repeat purchases in the calibration period; the last bin means "this many or more". */
  readonly frequency: number;
  /** True for the open last bin (`frequency`+). */
  readonly orMore: boolean;
  /** Customers (weighted) observed with this frequency. */
  readonly actual: number;
  /** Customers the model expects with this frequency: Σᵢ P(X(Tᵢ) = frequency). */
  readonly expected: number;
}

/**
 * Calibration fit histogram: how many customers made 0, 1, …, k+ repeat purchases in the calibration
 * period, against the number the fitted model expects. The first diagnostic of a BTYD fit (BTYD's
 * `*.PlotFrequencyInCalibration`, lifetimes' `plot_period_transactions` without the simulation).
 *
 * Each customer i was observed for Tᵢ, so the expected count in bin n sums the model's
 * P(X(t) = n) at each customer's own T (Fader, Hardie & Lee 2007, "Creating a Fit Histogram for the
 * BG/NBD Model", note 014):
 *
 * ```text
 * expected(n)  = Σᵢ wᵢ · P(X(Tᵢ) = n)                      n = 0 … k − 1
 * expected(k+) = Σᵢ wᵢ · (1 − Σ_{n<k} P(X(Tᵢ) = n))
 * actual(n)    = Σᵢ wᵢ · 1{xᵢ = n}   (xᵢ ≥ k for the last bin)
 * ```
 *
 * Expected counts add up to the number of customers, like the actual ones. T is in the model's time
 * unit. P(X(t) = n) is the model's own: FHL (2005) eq. 8 for BG/NBD, Batislam et al. (2007) for
 * MBG/NBD, Fader & Hardie (2006) for Pareto/NBD, Fader, Hardie & Shang (2010) eq. 7 for BG/BB. Customers
 * sharing a T are evaluated once.
 * BG/BB (discrete opportunities, `{ model: 'bgBb' }`, a `fitBgBb` result) works too: T is then the number n of
 * opportunities observed and recency the last one with a transaction (whole numbers; a horizon counts ⌊t⌋ whole
 * opportunities).
 *
 * @param customers - `{ frequency, recency, T }` rows or columns (an `rfmSummary` result works as is).
 * @param transaction - A fitted transaction model `{ model, params }`.
 * @param options - `maxFrequency` (default 7), `weights`.
 * @returns `maxFrequency + 1` bins, frequency 0 … k (the last open); all 0 without customers.
 * @throws {TypeError} When an argument has the wrong type.
 * @throws {RangeError} When a customer, parameter or option is out of its domain.
 * @example
 * ```ts
 * import { periodTransactions } from 'loyalty-metrics';
 *
 * const transaction = { model: 'bgNbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * const customers = [
 *   { frequency: 0, recency: 0, T: 39 },
 *   { frequency: 2, recency: 30.43, T: 39 },
 * ];
 * const bins = periodTransactions(customers, transaction, { maxFrequency: 2 });
 * // FHL (2005): P(X(39) = 0) = 0.5737864 for each of the two customers
 * bins[0]; // => { frequency: 0, orMore: false, actual: 1, expected: 1.147573 }
 * bins[2].orMore; // => true
 * bins.reduce((sum, bin) => sum + bin.expected, 0); // => 2
 * ```
 * @category Diagnostics
 */
export function periodTransactions(
  customers: readonly DiagnosticCustomer[] | DiagnosticCustomerColumns,
  transaction: DiagnosticTransactionModel,
  options: PeriodTransactionsOptions = {},
): PeriodTransactionsRow[] {
  const fn = 'periodTransactions';
  const model = resolveDiagnosticModel(fn, transaction);
  const o = readOptions(fn, options, ['maxFrequency', 'weights']);
  const k = readCount(fn, 'maxFrequency', o.maxFrequency, 7, 1000);
  const data = readCustomers(fn, 'customers', customers, { allowSingle: false });
  requireDiscreteCustomers(fn, model, data);
  const w = readWeights(fn, o.weights, data.length);
  const actual = new Float64Array(k + 1);
  const weightByT = new Map<number, number>();
  for (let i = 0; i < data.length; i++) {
    const wi = w[i] as number;
    if (wi === 0) continue;
    const bin = Math.min(k, data.frequency[i] as number);
    actual[bin] = (actual[bin] as number) + wi;
    const T = data.T[i] as number;
    weightByT.set(T, (weightByT.get(T) ?? 0) + wi);
  }
  const expected = new Float64Array(k + 1);
  for (const [T, wt] of weightByT) {
    let below = 0;
    for (let n = 0; n < k; n++) {
      const p = model.population.purchaseProbability(model.params, T, n);
      expected[n] = (expected[n] as number) + wt * p;
      below += p;
    }
    expected[k] = (expected[k] as number) + wt * Math.max(0, 1 - below);
  }
  return Array.from({ length: k + 1 }, (_, n) => ({
    frequency: n,
    orMore: n === k,
    actual: actual[n] as number,
    expected: expected[n] as number,
  }));
}
