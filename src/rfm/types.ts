/**
 * Public types of the RFM area shared by several of its functions: the incremental RFM state.
 * @module
 */
import type { Period } from '../types.ts';

/**
 * The incremental state of the RFM summary (`rfmState`, `mergeRfmStates`, `finishRfmState`): plain JSON-safe
 * data. Customers are kept in one canonical order (numbers ascending, then strings), each with its purchase
 * periods and, per period, the value sum as an unevaluated pair `valueSums[i] + error` (exact). Treat the
 * encoded fields as opaque.
 */
export interface RfmState {
  readonly kind: 'rfmState';
  /** Layout version (1). */
  readonly version: number;
  /** The calendar options the state was built with; only states with equal options merge. */
  readonly options: {
    readonly period: Period;
    readonly timeZone: string;
    readonly weekStartsOn: number;
    readonly yearStartsOn: number;
  };
  /** Whether values were read (without them `monetaryValue` is `NaN`); only states that agree merge. */
  readonly values: boolean;
  /** Latest transaction instant (epoch ms), `null` for a state of no transactions: the default `observationEnd`. */
  readonly latestEvent: number | null;
  /** Customer ids, sorted: numbers ascending, then strings by UTF-16 code units. */
  readonly customers: readonly (string | number)[];
  /** Smallest period number of any customer (the varints of `periods` count from it). */
  readonly periodBase: number;
  /** Base64 of unsigned LEB128 varints, per customer: count of periods, first − periodBase, then gaps − 1. */
  readonly periods: string;
  /** Rounded value sum of every (customer, period) cell, in the order of `periods`; `null` without values. */
  readonly valueSums: readonly number[] | null;
  /** Pairs (cell index, rounding error) for the cells whose sum is not exact in one number; `null` without values. */
  readonly valueErrors: readonly number[] | null;
}
