/**
 * Period kinds as data: one table entry per kind (day, week, month, quarter, year) holds its calendar functions,
 * its length as a duration unit and its rolling-window length. The `Period` union, the `PERIODS` list, the
 * duration units, `DAYS_PER_UNIT`, `ROLLING_WINDOW_MS`, the CLI's choices and the indexer's fast paths all derive
 * from it: adding a kind is one entry.
 *
 * Periods are numbered by integers, consecutive periods differing by 1: days since 1970-01-01 (local calendar),
 * weeks since the week containing 1970-01-01, months since January 1970, quarters and years since the (fiscal)
 * year starting in month `yearStartsOn` of 1970.
 * @internal
 * @module
 */
import type { DurationUnit, Period } from '../../types.ts';

// The public words (declared in src/types.ts, for the API reference) are exactly the kinds of the table below.
export type { DurationUnit, Period } from '../../types.ts';
import { requireOneOf } from '../validate.ts';
import type { CalendarRules } from './calendarRules.ts';
import { firstDayOfMonth, monthOfDay } from './civil.ts';

/** The calendar functions and fixed lengths of one period kind. */
export interface PeriodKind {
  /** Floors a local day (days since 1970-01-01) to the number of the period containing it. */
  readonly periodOfDay: (day: number, rules: CalendarRules) => number;
  /**
   * The first local day of period `index`; `firstDay(index + 1)` steps to the next period's start, and the label
   * of a period is the ISO date of its first day.
   */
  readonly firstDay: (index: number, rules: CalendarRules) => number;
  /**
   * True when `periodOfDay` is plain arithmetic on the day number (no civil calendar): in UTC the indexer then
   * computes periods directly and builds no lookup table.
   */
  readonly arithmetic: boolean;
  /** Length as a duration unit (recency, T, gaps), in days: 365.25-day years, 12 months, 4 quarters. */
  readonly days: number;
  /** Rolling-window length in milliseconds: window n of a customer covers [first + n·w, first + (n + 1)·w). */
  readonly rollingMs: number;
}

// Literal values throughout (not `7 * MS_PER_DAY`, not `365.25 / 12`): bundlers can only drop an unused constant
// whose initialiser is pure. Both month and quarter day counts are exact in binary.
const kinds = {
  day: {
    periodOfDay: (day: number): number => day,
    firstDay: (index: number): number => index,
    arithmetic: true,
    days: 1,
    rollingMs: 86_400_000,
  },
  week: {
    // 1970-01-01 was a Thursday: week 0 is the week containing it.
    periodOfDay: (day: number, rules: CalendarRules): number => Math.floor((day + 4 - rules.weekStartsOn) / 7),
    firstDay: (index: number, rules: CalendarRules): number => 7 * index - 4 + rules.weekStartsOn,
    arithmetic: true,
    days: 7,
    rollingMs: 604_800_000,
  },
  month: {
    periodOfDay: (day: number): number => monthOfDay(day),
    firstDay: (index: number): number => firstDayOfMonth(index),
    arithmetic: false,
    days: 30.4375,
    rollingMs: 2_592_000_000, // 30 days
  },
  quarter: {
    // Quarters of the (fiscal) year starting in month yearStartsOn: months counted from that month of 1970.
    periodOfDay: (day: number, rules: CalendarRules): number =>
      Math.floor((monthOfDay(day) - rules.yearStartsOn + 1) / 3),
    firstDay: (index: number, rules: CalendarRules): number => firstDayOfMonth(3 * index + rules.yearStartsOn - 1),
    arithmetic: false,
    days: 91.3125,
    rollingMs: 7_862_400_000, // 91 days
  },
  year: {
    periodOfDay: (day: number, rules: CalendarRules): number =>
      Math.floor((monthOfDay(day) - rules.yearStartsOn + 1) / 12),
    firstDay: (index: number, rules: CalendarRules): number => firstDayOfMonth(12 * index + rules.yearStartsOn - 1),
    arithmetic: false,
    days: 365.25,
    rollingMs: 31_536_000_000, // 365 days
  },
} satisfies Record<Period, PeriodKind>;

/**
 * The table of period kinds, shortest first.
 * @example
 * ```ts
 * import { PERIOD_KINDS } from './periodKinds.ts';
 *
 * const rules = { weekStartsOn: 1, yearStartsOn: 4 };
 * // 2024-03-05 (day 19787) lies in the fiscal year that started on 2023-04-01 (day 19448)
 * PERIOD_KINDS.year.periodOfDay(19787, rules); // => 53
 * PERIOD_KINDS.year.firstDay(53, rules); // => 19448
 * PERIOD_KINDS.week.days; // => 7
 * ```
 */
export const PERIOD_KINDS: Readonly<Record<Period, PeriodKind>> = kinds;

/** Every calendar period kind, shortest first (the keys of {@link PERIOD_KINDS}). */
export const PERIODS: readonly Period[] = /* @__PURE__ */ Object.keys(kinds) as Period[];

/** The duration units, in increasing length. */
export const DURATION_UNITS: readonly DurationUnit[] = PERIODS;

/**
 * One number per kind, read from the table (called once at load, marked pure so that bundlers drop it unused).
 * @example
 * ```ts
 * import { periodField } from './periodKinds.ts';
 *
 * periodField('days'); // => { day: 1, week: 7, month: 30.4375, quarter: 91.3125, year: 365.25 }
 * ```
 */
export function periodField(field: 'days' | 'rollingMs'): Readonly<Record<Period, number>> {
  const out: Partial<Record<Period, number>> = {};
  for (const period of PERIODS) out[period] = PERIOD_KINDS[period][field];
  return out as Record<Period, number>;
}

/**
 * Length of each duration unit in days: a week is exactly 7 days, a month 365.25/12 = 30.4375, a quarter
 * 365.25/4 = 91.3125, a year 365.25 (from {@link PERIOD_KINDS}).
 */
export const DAYS_PER_UNIT: Readonly<Record<DurationUnit, number>> = /* @__PURE__ */ periodField('days');

/**
 * Rolling-window length per period, in milliseconds: 24 h, 7 days, 30 days (month), 91 days (quarter),
 * 365 days (year), from {@link PERIOD_KINDS}. Rolling window n of a customer covers [first + n·w, first + (n + 1)·w).
 */
export const ROLLING_WINDOW_MS: Readonly<Record<Period, number>> = /* @__PURE__ */ periodField('rollingMs');

/**
 * Validates a period option: one of {@link PERIODS}. Returns it unchanged.
 * @throws {TypeError} When `value` is not a string.
 * @throws {RangeError} When it is not a known period.
 * @example
 * ```ts
 * import { requirePeriod } from './periodKinds.ts';
 *
 * requirePeriod('buildCohorts', 'period', 'month'); // => 'month'
 * requirePeriod('buildCohorts', 'period', 'fortnight'); // => throws RangeError: buildCohorts: period ("fortnight") must be one of 'day', 'week', 'month', 'quarter', 'year'
 * requirePeriod('buildCohorts', 'options.period', 30); // => throws TypeError: buildCohorts: period must be one of 'day', 'week', 'month', 'quarter', 'year', got 30
 * ```
 */
export function requirePeriod(fn: string, name: string, value: unknown): Period {
  return requireOneOf(fn, name, value, PERIODS);
}
