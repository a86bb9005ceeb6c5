/**
 * Customer input shared by the probabilistic models (BG/NBD, Gamma-Gamma, and the transaction-model
 * interface used by model-based CLV and at-risk ranking).
 * @module
 */

/**
 * One customer's repeat-purchase summary, as produced by `rfmSummary`: `frequency` = number of repeat
 * purchases (x), `recency` = time of the last purchase since the first (tₓ), `T` = time from the first
 * purchase to the end of observation, both in the model's time unit.
 */
export interface ModelCustomer {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
}

/** The same summary as parallel columns of equal length (plain or typed arrays): the fast path. */
export interface ModelCustomerColumns {
  readonly frequency: ArrayLike<number>;
  readonly recency: ArrayLike<number>;
  readonly T: ArrayLike<number>;
}

/** Many customers: an array of {@link ModelCustomer} or an object of columns. */
export type ModelCustomers = readonly ModelCustomer[] | ModelCustomerColumns;

/** A customer with the mean value of their repeat purchases (0 when there are none). */
export interface SpendCustomer {
  readonly frequency: number;
  readonly monetaryValue: number;
}

/** Spend summaries as parallel columns. */
export interface SpendCustomerColumns {
  readonly frequency: ArrayLike<number>;
  readonly monetaryValue: ArrayLike<number>;
}

/** Many spend summaries: an array of {@link SpendCustomer} or an object of columns. */
export type SpendCustomers = readonly SpendCustomer[] | SpendCustomerColumns;

/**
 * What a spend-model fit does with a repeat buyer (frequency > 0) whose monetaryValue is 0 or negative (orders
 * of $0, or returns netted against purchases): `'exclude'` leaves the customer out and counts them in the
 * result's `excluded` (and `warnings`); `'throw'` throws a `RangeError` naming the row and customer id.
 */
export type NonPositiveSpendFit = 'exclude' | 'throw';

/**
 * What a spend prediction (Gamma-Gamma expected spend, model-based CLV) gives a repeat buyer (frequency > 0)
 * whose monetaryValue is 0 or negative: `'nan'` gives that customer `NaN` (the Gamma-Gamma model has positive
 * spend only, so its conditional mean is undefined there, the NaN of 0/0) and the others their values; `'throw'`
 * throws a `RangeError` naming the row and customer id.
 */
export type NonPositiveSpendPrediction = 'nan' | 'throw';

/**
 * The `out` option of the per-customer predictions (P(alive), conditional expected purchases, expected spend).
 */
export interface PredictionOutputOptions {
  /**
   * A caller-owned `Float64Array` with one element per customer: the results are written into it and it is
   * returned in place of a new `number[]`, like numpy's `out=`. For code that predicts again and again over
   * the same customers: filling a fresh array of 235,700 results costs about 1 ms, as much as a closed-form
   * prediction's arithmetic. It must not share memory with the input columns; needs many customers (an array
   * or columns), not one customer object. If the call throws, the buffer's contents are unspecified.
   */
  readonly out?: Float64Array;
}

/** {@link PredictionOutputOptions} with the buffer given: the prediction returns it. */
export interface PredictionInto {
  /** See {@link PredictionOutputOptions.out}. */
  readonly out: Float64Array;
}
