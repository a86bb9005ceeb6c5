/**
 * Public types of the SQL generators.
 * @module
 */
import type { DurationUnit, Period } from '../internal/time/periodKinds.ts';
import type { RetentionBracket } from '../cohorts/types.ts';
import type { PeriodGroupingOptions, Timestamp } from '../types.ts';

export type { SqlDialect, SqlTimeType } from '../internal/sql.ts';
import type { SqlDialect, SqlTimeType } from '../internal/sql.ts';

/**
 * A table reference: one name (a string is one identifier, even with a dot in it), or the parts of a qualified
 * name, e.g. `['analytics', 'orders']` or `['my-project', 'shop', 'orders']`.
 */
export type SqlTable = string | readonly string[];

/** Where the events are and how to read them: the options every generator takes. */
export interface SqlSourceOptions {
  /** The SQL dialect to write (required). */
  readonly dialect: SqlDialect;
  /** The table (or view) of events or transactions (required). */
  readonly table: SqlTable;
  /** Column of the customer id (required). */
  readonly customer: string;
  /** Column of the event time (required). */
  readonly time: string;
  /**
   * What the time column holds: `'timestamptz'` (default; an instant type), `'timestamp'` (a zone-less timestamp
   * holding UTC), `'epochMs'` (integer milliseconds since 1970), or `'date'` (a calendar date, local midnight in
   * `timeZone`).
   */
  readonly timeType?: SqlTimeType;
}

/** A deterministic hash sample of customers: `fraction` of them, chosen by MD5 of the id and `salt`. */
export interface SqlSample {
  /** Share of customers to keep, in (0, 1]. */
  readonly fraction: number;
  /** Text mixed into the hash (default `''`): another salt draws another, independent sample. */
  readonly salt?: string;
}

/** Options of {@link rfmSummarySql}: the source, and the options of `rfmSummary`. */
export interface RfmSummarySqlOptions extends SqlSourceOptions, PeriodGroupingOptions {
  /** Column of the transaction value; without it the result has no `monetaryValue` column. */
  readonly value?: string;
  /** Unit of `recency` and `T` (default: the period). */
  readonly unit?: DurationUnit;
  /** IANA time zone of the calendar (default `'UTC'`). */
  readonly timeZone?: string;
  /** End of observation (its whole period counts); default the latest transaction in the table. */
  readonly observationEnd?: Timestamp;
  /**
   * `true`: one row per distinct (frequency, recency, T) with the number of customers sharing it in `weights`,
   * what `compressCustomers` gives and the fits take as `weights`. Default `false`: one row per customer.
   */
  readonly compress?: boolean;
  /** Summarise a deterministic hash sample of the customers only (see {@link customerSampleSql}). */
  readonly sample?: SqlSample;
}

/** Options of {@link calibrationHoldoutSql}: those of {@link rfmSummarySql} plus the calibration end. */
export interface CalibrationHoldoutSqlOptions extends Omit<RfmSummarySqlOptions, 'compress'> {
  /** Last instant of the calibration window (required); its period belongs to calibration. */
  readonly calibrationEnd: Timestamp;
}

/** Options of {@link retentionCountsSql}: the source, and the options of `retentionMatrix`. */
export interface RetentionCountsSqlOptions extends SqlSourceOptions, PeriodGroupingOptions {
  /** `'calendar'` (default) periods, or `'rolling'` windows from each customer's first event. */
  readonly windows?: 'calendar' | 'rolling';
  /** IANA time zone of the calendar (default `'UTC'`). */
  readonly timeZone?: string;
  /** Events after this instant are ignored; default the latest event in the table. */
  readonly observationEnd?: Timestamp;
  /** `'on'` (default) or `'onOrAfter'`, as in `retentionMatrix`. */
  readonly mode?: 'on' | 'onOrAfter';
  /** Brackets of columns, as in `retentionMatrix`. */
  readonly brackets?: readonly RetentionBracket[];
}

/** Options of {@link retentionMatrixFromCounts}: the options given to {@link retentionCountsSql} (all may be repeated). */
export interface RetentionMatrixFromCountsOptions extends Partial<SqlSourceOptions>, PeriodGroupingOptions {
  readonly period?: Period;
  readonly windows?: 'calendar' | 'rolling';
  readonly timeZone?: string;
  readonly observationEnd?: Timestamp;
  readonly mode?: 'on' | 'onOrAfter';
  readonly brackets?: readonly RetentionBracket[];
}

/**
 * A row of the result of {@link retentionCountsSql}, as a database driver returns it: integers may come back as
 * numbers, `bigint`s or decimal strings (node-postgres returns `BIGINT` as strings), and are read exactly.
 */
export interface RetentionCountRow {
  /** Period number of the cohort (days, weeks, months, quarters or years since 1970, as the time kernel counts). */
  readonly cohort_period: number | bigint | string;
  /** Customers in the cohort. */
  readonly cohort_size: number | bigint | string;
  /** Column (periods or windows since the start), or bracket index. */
  readonly column_index: number | bigint | string;
  /** Customers counted in the cell (for `onOrAfter`: active in this column or a later one). */
  readonly customers: number | bigint | string;
  /** The observation end (epoch ms), for instant time columns. */
  readonly observation_end_ms?: number | bigint | string | null;
  /** The observation end's local day (days since 1970), for date columns. */
  readonly observation_end_day?: number | bigint | string | null;
  /** Rolling windows: the earliest and latest start (epoch ms) of the cohort's members. */
  readonly first_start_ms?: number | bigint | string | null;
  readonly last_start_ms?: number | bigint | string | null;
}

/** Options of {@link customerSampleSql}: the source (without `time`) and the sample. */
export interface CustomerSampleSqlOptions extends Omit<SqlSourceOptions, 'time' | 'timeType'>, SqlSample {
  /** `'events'` (default): every row of the sampled customers; `'customers'`: their distinct ids. */
  readonly select?: 'events' | 'customers';
}

/** Options of {@link quoteSqlIdentifier} and {@link quoteSqlLiteral}. */
export interface SqlQuoteOptions {
  readonly dialect: SqlDialect;
}

/** Options of {@link scoringUdfSql}. */
export interface ScoringUdfSqlOptions {
  /** `'bigquery'` or `'snowflake'` (the engines with JavaScript UDFs). */
  readonly dialect: 'bigquery' | 'snowflake';
  /** Fitted BG/NBD parameters (a `fitBgNbd` result's `params`). */
  readonly params: { readonly r: number; readonly alpha: number; readonly a: number; readonly b: number };
  /** Horizon of `expected_purchases`, in the model's time unit (default 1). */
  readonly t?: number;
  /** Gamma-Gamma parameters, for the CLV (with `clv`). */
  readonly spend?: { readonly p: number; readonly q: number; readonly v: number };
  /** The options of `modelClv` (`horizon`, `modelUnit`, `discountRate`, `horizonUnit`, `margin`, `daysPerMonth`). */
  readonly clv?: {
    readonly horizon: number;
    readonly modelUnit: Period;
    readonly discountRate: number;
    readonly horizonUnit?: Period;
    readonly margin?: number;
    readonly daysPerMonth?: number;
  };
  /** Name of the function (default `loyalty_metrics_score`). */
  readonly name?: string;
}
