/**
 * Public types of the cohort functions: the cohort index, its cohorts, retention rows and brackets.
 * @module
 */
import type { Period } from '../types.ts';
import type { EventLogColumns, Timestamp } from '../types.ts';

/** Calendar periods or rolling windows measured from each customer's own start. */
export type CohortWindows = 'calendar' | 'rolling';

/**
 * An event log as columns, for the cohort functions: {@link EventLogColumns} plus an optional cohort date per
 * event; a customer's cohort date is the earliest of their events'.
 */
export interface CohortEventLogColumns extends EventLogColumns {
  /** Cohort date per event (epoch ms fastest, or timestamps); a customer's cohort date is the earliest of their events'. */
  readonly cohort?: ArrayLike<number> | ArrayLike<Timestamp>;
}

/** Settings every cohort result repeats, so it can be read on its own. */
export interface CohortMeta {
  readonly period: Period;
  readonly windows: CohortWindows;
  readonly timeZone: string;
  readonly weekStartsOn: number;
  /** First month of quarters and years (1 = January … 12 = December; fiscal years otherwise). */
  readonly yearStartsOn: number;
  /** Observation end used (epoch ms); `null` for an empty log without an explicit end. */
  readonly observationEnd: number | null;
}

/** One cohort of a {@link CohortIndex}. */
export interface CohortIndexCohort {
  /** ISO date of the cohort period's first local day. */
  readonly label: string;
  /** First instant of the cohort period (epoch ms). */
  readonly start: number;
  /** Number of customers. */
  readonly size: number;
  /** Observable columns: 0 … columns − 1 (a column is observable once it has started by the observation end). */
  readonly columns: number;
  /** Columns 0 … completeColumns − 1 had fully ended by the observation end. */
  readonly completeColumns: number;
}

/**
 * A reusable cohort index: plain arrays, JSON-serialisable. Customer i (in first-seen order) belongs to cohort
 * `customerCohort[i]`, started at `customerStart[i]` (epoch ms) and was active in the columns
 * `cellColumn[cellStart[i] … cellStart[i + 1] − 1]` (increasing), with `cellEvents` events worth `cellValue`
 * in each of them.
 */
export interface CohortIndex extends CohortMeta {
  /**
   * First month of quarters and years, 1 = January … 12 = December (fiscal years otherwise). An index without
   * this field (built before it existed) reads as 1.
   */
  readonly yearStartsOn: number;
  /**
   * How `cellEvents` counts purchases: orders of one customer in the same purchase period are one (default
   * `'day'`), or `'event'`: every row. An index without this field (built before it existed) counted rows.
   */
  readonly purchasePeriod?: Period | 'event';
  /** Cohorts in time order; cohorts without customers are not listed. */
  readonly cohorts: readonly CohortIndexCohort[];
  /** Identifiers of the customers that belong to a cohort. */
  readonly customers: readonly (string | number)[];
  /** Cohort (index into `cohorts`) of each customer. */
  readonly customerCohort: readonly number[];
  /** Start instant of each customer: first start event, or cohort date (epoch ms). */
  readonly customerStart: readonly number[];
  /** CSR offsets into the cell arrays, length customers + 1. */
  readonly cellStart: readonly number[];
  /** Column of each (customer, active column) cell. */
  readonly cellColumn: readonly number[];
  /** Purchases in each cell: activity events, those of one purchase period (`purchasePeriod`) counted once. */
  readonly cellEvents: readonly number[];
  /** Sum of event values in each cell, or `null` when no `value` was read. */
  readonly cellValue: readonly number[] | null;
}

/** A retention bracket: columns `from` … `to`, inclusive. */
export type RetentionBracket = readonly [from: number, to: number];

/**
 * One cohort row of a table of counts per cohort and column: retention (`retentionMatrix`, `cohortRetention`),
 * churn (`cohortChurn`) and repeat purchase (`cohortRepeatPurchaseRate`). What a count counts is the function's
 * formula.
 */
export interface CohortCountRow {
  /** ISO date of the cohort period's first day. */
  readonly label: string;
  /** First instant of the cohort period (epoch ms). */
  readonly start: number;
  /** Customers in the cohort. */
  readonly size: number;
  /** Customers counted per column (see the function's formula). */
  readonly counts: number[];
  /** counts[k] / size. */
  readonly rates: number[];
  /** Whether column k had fully ended by the observation end ("period not ended" when false). */
  readonly complete: boolean[];
  /**
   * Whether counts[k] is final: it can no longer change as more data arrives. Equal to `complete` for counts
   * of one column or bracket and for cumulative counts; for counts over "column k or any later one"
   * (`retentionMatrix` with mode `'onOrAfter'`, `cohortChurn`) a complete cell stays a bound (a lower bound of
   * retention, an upper bound of churn) until its cohort has been observed to the end of the table (its last
   * column, the table's widest, is complete). Averages use final cells only.
   */
  readonly final: boolean[];
}

/** One cohort row of a retention matrix: customers active per column (see the mode). */
export type RetentionCohort = CohortCountRow;

/** A table of {@link CohortCountRow}s and its average row. */
export interface CohortCountTable extends CohortMeta {
  readonly cohorts: CohortCountRow[];
  /** Per column: Σ counts / Σ size over cohorts whose cell is final; `null` where none is. */
  readonly average: (number | null)[];
}

/** The calendar options an incremental state was built with (see `cohortState`, `rfmState`). */
export interface StateCalendarOptions {
  readonly period: Period;
  readonly timeZone: string;
  readonly weekStartsOn: number;
  /** First month of quarters and years, 1 = January … 12 = December. */
  readonly yearStartsOn: number;
}

/**
 * The incremental state of cohort activity (`cohortState`, `mergeCohortStates`, `finishCohortState`): plain
 * JSON-safe data. Customers are kept in one canonical order (numbers ascending, then strings), each with the
 * calendar periods it was active in; the per-period range of event instants lets `finishCohortState` apply an
 * `observationEnd` that falls inside a period. Treat the encoded fields as opaque.
 */
export interface CohortState {
  readonly kind: 'cohortState';
  /** Layout version (1). */
  readonly version: number;
  /** The options the state was built with; only states with equal options merge. */
  readonly options: StateCalendarOptions;
  /**
   * Latest event instant (epoch ms), `null` for a state of no events: the default `observationEnd` (the last
   * millisecond of its day when that event's time was written as a date, as `retentionMatrix` reads it).
   */
  readonly latestEvent: number | null;
  /** Per period with events (period numbers, ascending): the earliest and latest event instant in it. */
  readonly eventTimes: {
    readonly periods: readonly number[];
    readonly earliest: readonly number[];
    readonly latest: readonly number[];
  };
  /** Customer ids, sorted: numbers ascending, then strings by UTF-16 code units. */
  readonly customers: readonly (string | number)[];
  /** Smallest period number of any customer (the varints of `periods` count from it). */
  readonly periodBase: number;
  /** Base64 of unsigned LEB128 varints, per customer: count of periods, first − periodBase, then gaps − 1. */
  readonly periods: string;
}
