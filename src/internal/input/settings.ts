/**
 * The settings readers of the event-log functions: the cohort time settings (`period`, `windows`, `timeZone`,
 * `weekStartsOn`, `yearStartsOn`, `observationEnd`), the RFM period settings (`period`, `unit`, `timeZone`,
 * `weekStartsOn`, `yearStartsOn`),
 * the retention mode (`mode`, `brackets`) and optional instants (`observationEnd`, `calibrationEnd`, …).
 * Each validates its options and returns them with defaults applied; the key lists are what the public
 * functions pass to `readOptions`.
 * @internal
 * @module
 */
import type { CohortWindows, RetentionBracket } from '../../cohorts/types.ts';
import { createPeriodIndexer, type PeriodIndexer } from '../time/indexer.ts';
import {
  DAYS_PER_UNIT,
  DURATION_UNITS as UNITS,
  requirePeriod,
  type DurationUnit,
  type Period,
} from '../time/periodKinds.ts';
import { requireTimeZone } from '../time/zones.ts';
import { requireWeekStartsOn, requireYearStartsOn } from '../time/calendarRules.ts';
import { isDateOnly, toEpochMs } from '../time/parse.ts';
import { MAX_EPOCH_MS } from '../time/civil.ts';
import { describeValue, rangeFail, requireArrayLike, requireOneOf, typeFail, withDefault } from '../validate.ts';

/** Option keys of the cohort time settings. */
export const COHORT_SETTING_KEYS = [
  'period',
  'windows',
  'timeZone',
  'weekStartsOn',
  'yearStartsOn',
  'observationEnd',
] as const;
/** Option keys of the retention mode. */
export const RETENTION_MODE_KEYS = ['mode', 'brackets'] as const;
/** Option keys of the period settings of the RFM functions. */
export const PERIOD_SETTING_KEYS = ['period', 'unit', 'timeZone', 'weekStartsOn', 'yearStartsOn'] as const;

/** Options as `readOptions` returns them: each known key, not yet validated. */
export type CohortSettingOptions = { readonly [K in (typeof COHORT_SETTING_KEYS)[number]]?: unknown };
export type RetentionModeOptionValues = { readonly [K in (typeof RETENTION_MODE_KEYS)[number]]?: unknown };
export type PeriodSettingOptions = { readonly [K in (typeof PERIOD_SETTING_KEYS)[number]]?: unknown };

/** Validated time settings of a cohort build. */
export interface CohortSettings {
  readonly period: Period;
  readonly windows: CohortWindows;
  readonly timeZone: string;
  readonly weekStartsOn: number;
  /** First month of quarters and years, 1 = January … 12 = December. */
  readonly yearStartsOn: number;
  readonly indexer: PeriodIndexer;
  /** Explicit observation end (epoch ms), or `undefined` for "the latest event". */
  readonly observationEnd: number | undefined;
}

/**
 * Reads `period` (default `'day'`), `windows` (`'calendar'`), `timeZone` (`'UTC'`), `weekStartsOn` (1),
 * `yearStartsOn` (1), `observationEnd`.
 * @throws {TypeError} When an option has the wrong kind or `observationEnd` is not a valid date.
 * @throws {RangeError} For an unknown period, windows or time zone, `weekStartsOn` outside 0–6 or `yearStartsOn`
 *   outside 1–12.
 * @example
 * ```ts
 * import { readCohortSettings } from './settings.ts';
 *
 * readCohortSettings('buildCohorts', {}); // => { period: 'day', windows: 'calendar', timeZone: 'UTC', weekStartsOn: 1, yearStartsOn: 1, observationEnd: undefined }
 * const settings = readCohortSettings('buildCohorts', { period: 'month', timeZone: 'Europe/Bucharest', observationEnd: '2024-03-01' });
 * // a date is that whole local day, here up to 23:59:59.999 EET (UTC+2)
 * new Date(settings.observationEnd ?? Number.NaN).toISOString(); // => '2024-03-01T21:59:59.999Z'
 * settings.indexer.label(settings.indexer.index(settings.observationEnd ?? Number.NaN)); // => '2024-03-01'
 * readCohortSettings('buildCohorts', { windows: 'sliding' }); // => throws RangeError: buildCohorts: windows ("sliding") must be one of 'calendar', 'rolling'
 * readCohortSettings('buildCohorts', { observationEnd: 'soon' }); // => throws TypeError: buildCohorts: observationEnd "soon" is not a valid date
 * ```
 */
export function readCohortSettings(fn: string, opts: CohortSettingOptions): CohortSettings {
  const period = requirePeriod(fn, 'options.period', withDefault(opts.period, 'day'));
  const windows = requireOneOf<CohortWindows>(fn, 'options.windows', withDefault(opts.windows, 'calendar'), [
    'calendar',
    'rolling',
  ]);
  const timeZone = requireTimeZone(fn, 'options.timeZone', withDefault(opts.timeZone, 'UTC'));
  const weekStartsOn = requireWeekStartsOn(fn, 'options.weekStartsOn', withDefault(opts.weekStartsOn, 1));
  const yearStartsOn = requireYearStartsOn(fn, 'options.yearStartsOn', withDefault(opts.yearStartsOn, 1));
  const indexer = createPeriodIndexer(fn, { period, timeZone, weekStartsOn, yearStartsOn });
  const observationEnd = readObservationEnd(fn, 'options.observationEnd', opts.observationEnd, timeZone);
  return { period, windows, timeZone, weekStartsOn, yearStartsOn, indexer, observationEnd };
}

/** Time options shared by the RFM functions, validated. */
export interface PeriodSettings {
  readonly period: Period;
  readonly unit: DurationUnit;
  readonly unitDays: number;
  readonly timeZone: string;
  /** First month of quarters and years, 1 = January … 12 = December. */
  readonly yearStartsOn: number;
  readonly indexer: PeriodIndexer;
}

/**
 * Reads `period` (default `'day'`), `unit` (default: the period), `timeZone` (`'UTC'`), `weekStartsOn` (1) and
 * `yearStartsOn` (1).
 * @example
 * ```ts
 * import { readPeriodSettings } from './settings.ts';
 *
 * readPeriodSettings('rfmSummary', { unit: 'week' }); // => { period: 'day', unit: 'week', unitDays: 7, timeZone: 'UTC', yearStartsOn: 1 }
 * readPeriodSettings('rfmSummary', { unit: 'fortnight' }); // => throws RangeError
 * ```
 */
export function readPeriodSettings(fn: string, opts: PeriodSettingOptions): PeriodSettings {
  const period = requirePeriod(fn, 'options.period', withDefault(opts.period, 'day'));
  const unit = requireOneOf<DurationUnit>(fn, 'options.unit', withDefault(opts.unit, period), UNITS);
  const timeZone = requireTimeZone(fn, 'options.timeZone', withDefault(opts.timeZone, 'UTC'));
  const weekStartsOn = requireWeekStartsOn(fn, 'options.weekStartsOn', withDefault(opts.weekStartsOn, 1));
  const yearStartsOn = requireYearStartsOn(fn, 'options.yearStartsOn', withDefault(opts.yearStartsOn, 1));
  const indexer = createPeriodIndexer(fn, { period, timeZone, weekStartsOn, yearStartsOn });
  return { period, unit, unitDays: DAYS_PER_UNIT[unit], timeZone, yearStartsOn, indexer };
}

/**
 * Validates `mode` (default `'on'`) and `brackets` (sorted by `from`; they imply mode `'brackets'`).
 * @throws {TypeError} When `brackets` or a bracket has the wrong kind.
 * @throws {RangeError} For an unknown mode, a mode other than `'on'` with brackets, or an invalid bracket list.
 * @example
 * ```ts
 * import { readRetentionMode } from './settings.ts';
 *
 * readRetentionMode('retentionMatrix', {}); // => { mode: 'on', brackets: null }
 * readRetentionMode('retentionMatrix', { mode: 'onOrAfter' }); // => { mode: 'onOrAfter', brackets: null }
 * readRetentionMode('retentionMatrix', { brackets: [[0, 0], [1, 3], [4, 12]] }); // => { mode: 'brackets', brackets: [[0, 0], [1, 3], [4, 12]] }
 * readRetentionMode('retentionMatrix', { brackets: [[2, 1]] }); // => throws RangeError: retentionMatrix: brackets[0] to (1) must not be less than from (2)
 * readRetentionMode('retentionMatrix', { brackets: [[1, 3], [0, 0]] }); // => throws RangeError: retentionMatrix: brackets[1] from (0) must not be less than the previous bracket's from (1)
 * readRetentionMode('retentionMatrix', { brackets: [] }); // => throws RangeError: retentionMatrix: brackets must not be empty
 * readRetentionMode('retentionMatrix', { mode: 'onOrAfter', brackets: [[0, 0]] }); // => throws RangeError: retentionMatrix: mode ("onOrAfter") cannot be combined with brackets (a bracket counts activity in any of its periods)
 * readRetentionMode('retentionMatrix', { mode: 'always' }); // => throws RangeError: retentionMatrix: mode ("always") must be one of 'on', 'onOrAfter'
 * ```
 */
export function readRetentionMode(
  fn: string,
  opts: RetentionModeOptionValues,
): { mode: 'on' | 'onOrAfter' | 'brackets'; brackets: RetentionBracket[] | null } {
  const raw = opts.brackets;
  if (raw === undefined) {
    return {
      mode: requireOneOf(fn, 'options.mode', withDefault(opts.mode, 'on'), ['on', 'onOrAfter'] as const),
      brackets: null,
    };
  }
  if (opts.mode !== undefined && opts.mode !== 'on')
    rangeFail(
      fn,
      `mode (${describeValue(opts.mode)}) cannot be combined with brackets (a bracket counts activity in any of its periods)`,
      { argument: 'options.mode', value: opts.mode },
    );
  const list = requireArrayLike(fn, 'options.brackets', raw);
  if (list.length === 0) rangeFail(fn, 'brackets must not be empty', { argument: 'options.brackets', value: raw });
  if (list.length > 10_000)
    rangeFail(fn, `brackets (${list.length} of them) must number at most 10000`, { argument: 'options.brackets' });
  const brackets: RetentionBracket[] = [];
  for (let j = 0; j < list.length; j++) {
    const b = list[j];
    // Every error of bracket j: `brackets[j] …`, argument `options.brackets[j]`.
    const bad = (fail: typeof typeFail, message: string, value: unknown): never =>
      fail(fn, `brackets[${j}]${message}`, { argument: `options.brackets[${j}]`, value });
    if (!Array.isArray(b) || b.length !== 2) bad(typeFail, ` must be a [from, to] pair, got ${describeValue(b)}`, b);
    const [from, to] = b as [number, number];
    for (const [name, v] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (typeof v !== 'number') bad(typeFail, ` ${name} must be a number, got ${describeValue(v)}`, v);
      if (!Number.isInteger(v) || v < 0)
        bad(rangeFail, ` ${name} (${describeValue(v)}) must be a non-negative integer`, v);
    }
    if (to < from) bad(rangeFail, ` to (${to}) must not be less than from (${from})`, b);
    const prev = brackets[j - 1];
    if (prev !== undefined && from < prev[0])
      bad(rangeFail, ` from (${from}) must not be less than the previous bracket's from (${prev[0]})`, b);
    brackets.push([from, to]);
  }
  return { mode: 'brackets', brackets };
}

/**
 * Reads `purchasePeriod`, THE purchase rule of the event-log metrics (see "Orders and purchases" in the
 * getting-started guide): orders of the same customer in the same purchase period count as one purchase, as the
 * RFM summary and the BTYD models count them. Default `'day'`; any period; `'event'` counts every row. Returns
 * the indexer of the purchase period in the settings' zone and calendar rules, or `null` for `'event'`.
 * @throws {RangeError} For an unknown period.
 * @example
 * ```ts
 * import { readPurchasePeriod } from './settings.ts';
 *
 * readPurchasePeriod('buildCohorts', undefined, { timeZone: 'UTC', weekStartsOn: 1, yearStartsOn: 1 })?.period; // => 'day'
 * readPurchasePeriod('buildCohorts', 'event', { timeZone: 'UTC', weekStartsOn: 1, yearStartsOn: 1 }); // => null
 * readPurchasePeriod('buildCohorts', 'hour', { timeZone: 'UTC', weekStartsOn: 1, yearStartsOn: 1 }); // => throws RangeError
 * ```
 */
export function readPurchasePeriod(
  fn: string,
  value: unknown,
  calendar: { readonly timeZone: string; readonly weekStartsOn: number; readonly yearStartsOn: number },
): PeriodIndexer | null {
  const raw = withDefault(value, 'day');
  if (raw === 'event') return null;
  const period = requirePeriod(fn, 'options.purchasePeriod', raw);
  return createPeriodIndexer(fn, { ...calendar, period });
}

const dayIndexers = new Map<string, PeriodIndexer>();
function dayIndexer(fn: string, timeZone: string): PeriodIndexer {
  let days = dayIndexers.get(timeZone);
  if (days === undefined) {
    days = createPeriodIndexer(fn, { period: 'day', timeZone, weekStartsOn: 1, yearStartsOn: 1 });
    if (dayIndexers.size > 64) dayIndexers.clear();
    dayIndexers.set(timeZone, days);
  }
  return days;
}

/** The last millisecond of the local day holding `ms` (capped to the `Date` range). */
function lastMsOfDay(fn: string, ms: number, timeZone: string): number {
  const days = dayIndexer(fn, timeZone);
  return Math.min(days.start(days.index(ms) + 1) - 1, MAX_EPOCH_MS);
}

/**
 * THE observation-end rule of the library (SPEC §1, every function that takes `observationEnd`, in process and
 * in the SQL generators): a date-only string (`'2024-02-29'`) includes that whole day in `timeZone`, so the
 * value is the day's last millisecond; a date-time, a `Date` or epoch milliseconds is that instant. Events at or
 * before the returned instant count. `undefined` stays `undefined` (see {@link defaultObservationEnd}).
 * @throws {TypeError} When the value is not a valid timestamp.
 * @example
 * ```ts
 * import { readObservationEnd } from './settings.ts';
 *
 * const iso = (ms: number | undefined): string => new Date(ms ?? Number.NaN).toISOString();
 * iso(readObservationEnd('f', 'options.observationEnd', '2024-02-29', 'UTC')); // => '2024-02-29T23:59:59.999Z'
 * // the whole local day: Bucharest is UTC+2 in February
 * iso(readObservationEnd('f', 'options.observationEnd', '2024-02-29', 'Europe/Bucharest')); // => '2024-02-29T21:59:59.999Z'
 * iso(readObservationEnd('f', 'options.observationEnd', '2024-02-29T00:00Z', 'UTC')); // => '2024-02-29T00:00:00.000Z'
 * iso(readObservationEnd('f', 'options.observationEnd', Date.UTC(2024, 1, 29), 'UTC')); // => '2024-02-29T00:00:00.000Z'
 * readObservationEnd('f', 'options.observationEnd', undefined, 'UTC'); // => undefined
 * ```
 */
export function readObservationEnd(fn: string, name: string, value: unknown, timeZone: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = toEpochMs(fn, value, name, timeZone);
  return isDateOnly(value) ? lastMsOfDay(fn, ms, timeZone) : ms;
}

/**
 * The observation end when none is given: the latest event's time, read by the same rule as an explicit one
 * ({@link readObservationEnd}): when it was written as a date only (`latestIsDate`: a log of dates, or a
 * `'date'` column in SQL), the last millisecond of its local day, so that a date-only log's last day is observed
 * whole; else that instant. NaN stays NaN (an empty log).
 * @example
 * ```ts
 * import { defaultObservationEnd } from './settings.ts';
 *
 * new Date(defaultObservationEnd('f', Date.UTC(1998, 5, 30), true, 'UTC')).toISOString(); // => '1998-06-30T23:59:59.999Z'
 * defaultObservationEnd('f', Date.UTC(1998, 5, 30), false, 'UTC') === Date.UTC(1998, 5, 30); // => true
 * defaultObservationEnd('f', Number.NaN, true, 'UTC'); // => NaN
 * ```
 */
export function defaultObservationEnd(fn: string, latestMs: number, latestIsDate: boolean, timeZone: string): number {
  if (!Number.isFinite(latestMs)) return latestMs;
  return latestIsDate ? lastMsOfDay(fn, latestMs, timeZone) : latestMs;
}

/**
 * Until when an observation end (as {@link readObservationEnd} returns it) has observed: the next local midnight
 * when it is the last millisecond of a local day (the whole day is observed), else the end itself. A period or
 * window is complete when it ends at or before this instant; a duration censored at the end runs to it.
 * @example
 * ```ts
 * import { observedUntil } from './settings.ts';
 *
 * observedUntil('f', Date.UTC(2024, 1, 29) - 1, 'UTC') === Date.UTC(2024, 1, 29); // => true
 * observedUntil('f', Date.UTC(2024, 1, 29, 12), 'UTC') === Date.UTC(2024, 1, 29, 12); // => true
 * ```
 */
export function observedUntil(fn: string, endMs: number, timeZone: string): number {
  if (!Number.isFinite(endMs)) return endMs;
  const days = dayIndexer(fn, timeZone);
  const next = endMs + 1;
  return Number.isInteger(endMs) && days.start(days.index(next)) === next ? next : endMs;
}

/**
 * Reads an `observationEnd` option by {@link readObservationEnd}, with {@link defaultObservationEnd} of the
 * log's latest event when it is not given; returns epoch ms.
 * @example
 * ```ts
 * import { readInstant } from './settings.ts';
 *
 * readInstant('rfmSummary', 'observationEnd', undefined, 'UTC', { maxMs: 42, latestIsDate: false }); // => 42
 * // a date is its whole day
 * readInstant('rfmSummary', 'observationEnd', '1997-09-30', 'UTC', { maxMs: 0, latestIsDate: false }); // => 875663999999
 * readInstant('rfmSummary', 'observationEnd', '1997-09-30', 'America/New_York', { maxMs: 0, latestIsDate: false }); // => 875678399999
 * readInstant('rfmSummary', 'observationEnd', '1997-09-30T00:00Z', 'UTC', { maxMs: 0, latestIsDate: false }); // => 875577600000
 * ```
 */
export function readInstant(
  fn: string,
  name: string,
  value: unknown,
  timeZone: string,
  log: { readonly maxMs: number; readonly latestIsDate: boolean },
): number {
  return value === undefined
    ? defaultObservationEnd(fn, log.maxMs, log.latestIsDate, timeZone)
    : (readObservationEnd(fn, name, value, timeZone) as number);
}
