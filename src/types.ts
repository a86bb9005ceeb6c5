/**
 * Types shared by the options of several areas: how a row is read, what a timestamp is, and the event log
 * (rows or parallel columns) that the cohort, RFM, survival and value functions take.
 * @module
 */

/** A property name of the row, or a function reading the value from a row and its index. */
export type Accessor<Row, Value = unknown> = string | ((row: Row, index: number) => Value);

/** A timestamp: `Date`, epoch milliseconds, or ISO 8601 string (SPEC §1). */
export type Timestamp = Date | number | string;

/**
 * A customer identifier: a non-empty string or a finite number (`1` and `"1"` are different customers,
 * `-0` and `0` the same). Anything else is a `TypeError` (wrong kind, empty string) or a `RangeError`
 * (`NaN`, ±Infinity), naming the row.
 */
export type CustomerId = string | number;

/** An event (transaction, activity) log as parallel columns (arrays or typed arrays) of equal length. */
export interface EventLogColumns {
  /** Customer identifier of each event (see {@link CustomerId}; small non-negative integers are fastest). */
  readonly customer: ArrayLike<CustomerId>;
  /** Time of each event: epoch milliseconds (fastest), or `Date`s / ISO strings. */
  readonly time: ArrayLike<number> | ArrayLike<Timestamp>;
  /** Value (order revenue) of each event, finite numbers; read by the functions that use values. */
  readonly value?: ArrayLike<number>;
}

/**
 * How an event log is read: the accessors of row input (omit them for {@link EventLogColumns}), the calendar
 * time zone and the end of observation. Every function that takes an event log extends this.
 */
export interface EventLogOptions<Row = unknown> {
  /** Row input: the customer identifier of a row ({@link CustomerId}), a property name or `(row, index) => id`. */
  readonly customer?: Accessor<Row>;
  /** Row input: the event time of a row ({@link Timestamp}), a property name or `(row, index) => time`. */
  readonly time?: Accessor<Row>;
  /** IANA time zone of the calendar, and of date-times written without an offset. Default `'UTC'`. */
  readonly timeZone?: string;
  /** End of observation ("now"); later events are ignored. Default: the latest event. */
  readonly observationEnd?: Timestamp;
}

/** Row input: the value (a finite number, e.g. order revenue) of a row. */
export interface EventValueOptions<Row = unknown> {
  /** Row input: the event value of a row (a finite number): property name or function. */
  readonly value?: Accessor<Row>;
}

/** Calendar periods events are grouped by. */
export interface PeriodGroupingOptions {
  /** Calendar period of the grouping. Default `'day'`. */
  readonly period?: Period;
  /** First day of a week period, 0 = Sunday … 6 = Saturday. Default 1 (Monday, ISO). */
  readonly weekStartsOn?: number;
  /**
   * First month of `quarter` and `year` periods, 1 = January … 12 = December: fiscal years, e.g. 4 (April) for
   * the UK tax year, 7 (July) for Australia, 10 (October) for the US federal government. Default 1 (calendar
   * years). A fiscal period is labelled, like every period, by the ISO date of its first day: the UK fiscal
   * year from 2024-04-01 to 2025-03-31 is `'2024-04-01'`, and the US federal fiscal year 2025 (2024-10-01 to
   * 2025-09-30) is `'2024-10-01'`. Other periods ignore it.
   */
  readonly yearStartsOn?: number;
}

/**
 * The fields every error thrown by loyalty-metrics carries, besides its message: own enumerable properties of
 * the `TypeError` (wrong kind) or `RangeError` (out of domain), so a program can point at the bad input without
 * parsing the English message, and `JSON.stringify({ ...error })` gives a plain record. See the error-policy guide.
 */
export interface ErrorFields {
  /** The public function you called (the first word of the message): `'retentionRate'`. */
  readonly function: string;
  /**
   * The argument path, never empty: a parameter (`'acquired'` of an input object, `'scores'`), an element
   * (`'scores[2]'`), an option (`'options.period'`, `'options.initialParams.r'`), or a row's column
   * (`'rows[4].at'`, `'events.time[3]'`).
   */
  readonly argument: string;
  /** The offending value in printable form (strings quoted, `-0` kept, objects summarised), where there is one. */
  readonly value?: string;
  /** Zero-based row index, for row and column input (event logs, transactions, customers). */
  readonly row?: number;
  /** Customer id of that row, where the input has one and it is valid. */
  readonly customer?: CustomerId;
}

/**
 * A calendar period: `day`, `week` (starting on `weekStartsOn`), `month`, `quarter` and `year` (of the year
 * starting in month `yearStartsOn`). Written out for the reader of the API reference; the compiler checks that
 * these words are exactly the kinds in the table of `src/internal/time/periodKinds.ts` (`satisfies`), so adding a kind is one entry there.
 */
export type Period = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Time units for durations (recency, T, gaps): the period kinds, as fixed lengths in days. */
export type DurationUnit = Period;

/**
 * The figures of a two-proportion z-test (`compareRates`, `compareRetention`): rates, their difference with
 * an unpooled (Wald) interval, and the pooled test of equal rates.
 */
export interface TwoProportionTest {
  /** p_A = successes / trials of the first sample (side a). */
  readonly rateA: number;
  /** p_B of the second sample. */
  readonly rateB: number;
  /** p_A − p_B, a fraction in [−1, 1]. */
  readonly difference: number;
  /** Unpooled standard error of the difference, √(p_A(1 − p_A)/n_A + p_B(1 − p_B)/n_B); used for the interval. */
  readonly standardError: number;
  /** Pooled rate p = (x_A + x_B)/(n_A + n_B), the common rate under the null hypothesis. */
  readonly pooledRate: number;
  /** Pooled standard error √(p(1 − p)(1/n_A + 1/n_B)); used for the test. */
  readonly pooledStandardError: number;
  /** Test statistic (p_A − p_B) / pooledStandardError. */
  readonly z: number;
  /** Two-sided p-value of the test of p_A = p_B, in [0, 1]. */
  readonly pValue: number;
  /** z-critical value × standardError at `confidenceLevel`. */
  readonly marginOfError: number;
  /** difference ± marginOfError, clipped to [−1, 1]. */
  readonly confidenceInterval: readonly [number, number];
}
