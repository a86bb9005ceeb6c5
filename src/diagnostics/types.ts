/**
 * Public types of the model diagnostics: customer summaries (the shape `rfmSummary` and
 * `calibrationHoldoutSplit` return) and the result rows.
 * @module
 */

/** One customer's calibration summary in the model's time unit: repeat purchases x, recency tₓ, age T. */
export interface DiagnosticCustomer {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  /** Mean repeat-purchase value (0 when frequency is 0); read only by `expectedTotals` with `spend`. */
  readonly monetaryValue?: number;
}

/** The same as parallel columns. */
export interface DiagnosticCustomerColumns {
  readonly frequency: ArrayLike<number>;
  readonly recency: ArrayLike<number>;
  readonly T: ArrayLike<number>;
  readonly monetaryValue?: ArrayLike<number>;
}

/** A row of `calibrationHoldoutSplit`: the calibration summary plus the holdout count and window length. */
export interface HoldoutCustomer extends DiagnosticCustomer {
  /** Purchase periods in the holdout window (every one counts). */
  readonly holdoutFrequency: number;
  /** Length of the holdout window, in the model's time unit. */
  readonly holdoutDuration: number;
}

/** The same as parallel columns. */
export interface HoldoutCustomerColumns extends DiagnosticCustomerColumns {
  readonly holdoutFrequency: ArrayLike<number>;
  readonly holdoutDuration: ArrayLike<number>;
}

export type { BgBbTransactionModel, DiagnosticTransactionModel } from '../internal/models/bgBbDiagnostics.ts';
