/**
 * The fields every incremental state shares (`cohortState`, `rfmState`): its kind and version, the calendar
 * options it was built with, the latest event it holds; how they are read back from a state (a state may have
 * travelled through JSON, so every field is validated) and the rule that only states built with the same
 * options merge.
 * @internal
 * @module
 */
import { requireWeekStartsOn, requireYearStartsOn } from '../time/calendarRules.ts';
import { requirePeriod, type Period } from '../time/periodKinds.ts';
import { requireTimeZone } from '../time/zones.ts';
import { describeValue, rangeFail, requireArrayLike, requireObject, typeFail } from '../validate.ts';

/** The calendar options a state was built with. */
export interface StateCalendar {
  readonly period: Period;
  readonly timeZone: string;
  readonly weekStartsOn: number;
  readonly yearStartsOn: number;
}

/** Version of the encoded state layout; a state of another version is refused. */
export const STATE_VERSION = 1;

/** A state's header fields, validated, and the state as a record for the kind-specific fields. */
export interface StateHeader {
  readonly options: StateCalendar;
  readonly latestEvent: number | null;
  readonly record: Readonly<Record<string, unknown>>;
}

/**
 * Reads the header of a state of `kind` (`name`: its argument path in messages).
 * @throws {TypeError} When the state is not an object of that kind or a field has the wrong kind.
 * @throws {RangeError} For another version or an option outside its domain.
 * @example
 * ```ts
 * import { readStateHeader } from './stateFields.ts';
 *
 * const state = { kind: 'cohortState', version: 1, options: { period: 'week', timeZone: 'UTC', weekStartsOn: 1, yearStartsOn: 1 }, latestEvent: 0 };
 * readStateHeader('finishCohortState', 'state', state, 'cohortState'); // => { options: { period: 'week', timeZone: 'UTC', weekStartsOn: 1, yearStartsOn: 1 }, latestEvent: 0 }
 * readStateHeader('finishCohortState', 'state', { ...state, kind: 'rfmState' }, 'cohortState'); // => throws TypeError: finishCohortState: state.kind must be 'cohortState', got "rfmState"
 * ```
 */
export function readStateHeader(fn: string, name: string, value: unknown, kind: string): StateHeader {
  const record = requireObject(fn, name, value);
  if (record.kind !== kind)
    typeFail(fn, `${name}.kind must be '${kind}', got ${describeValue(record.kind)}`, {
      argument: `${name}.kind`,
      value: record.kind,
    });
  if (record.version !== STATE_VERSION)
    rangeFail(fn, `${name}.version (${describeValue(record.version)}) must be ${STATE_VERSION}`, {
      argument: `${name}.version`,
      value: record.version,
    });
  const o = requireObject(fn, `${name}.options`, record.options);
  const options: StateCalendar = {
    period: requirePeriod(fn, `${name}.options.period`, o.period),
    timeZone: requireTimeZone(fn, `${name}.options.timeZone`, o.timeZone),
    weekStartsOn: requireWeekStartsOn(fn, `${name}.options.weekStartsOn`, o.weekStartsOn),
    yearStartsOn: requireYearStartsOn(fn, `${name}.options.yearStartsOn`, o.yearStartsOn),
  };
  const latest = record.latestEvent;
  if (latest !== null && (typeof latest !== 'number' || !Number.isFinite(latest)))
    typeFail(fn, `${name}.latestEvent must be a finite number (epoch ms) or null, got ${describeValue(latest)}`, {
      argument: `${name}.latestEvent`,
      value: latest,
    });
  return { options, latestEvent: latest, record };
}

/**
 * The states of a merge, as an array of at least one.
 * @throws {TypeError} When `states` is not an array.
 * @throws {RangeError} When it is empty.
 */
export function readStateList(fn: string, states: unknown): readonly unknown[] {
  const list = requireArrayLike(fn, 'states', states);
  if (list.length === 0) rangeFail(fn, 'states must hold at least one state', { argument: 'states', value: states });
  return Array.from(list);
}

/**
 * Throws unless state `name` was built with the same options (and `values` flag) as the first state.
 * @example
 * ```ts
 * import { requireSameOptions } from './stateFields.ts';
 *
 * const day = { period: 'day', timeZone: 'UTC', weekStartsOn: 1, yearStartsOn: 1 } as const;
 * requireSameOptions('mergeCohortStates', 'states[1]', day, day); // => undefined
 * requireSameOptions('mergeCohortStates', 'states[1]', { ...day, period: 'week' }, day); // => throws RangeError: mergeCohortStates: states[1].options.period ("week") must equal states[0].options.period ("day"): states built with different options do not merge
 * ```
 */
export function requireSameOptions(
  fn: string,
  name: string,
  options: Readonly<Record<string, unknown>>,
  first: Readonly<Record<string, unknown>>,
): void {
  for (const key of Object.keys(first)) {
    if (options[key] !== first[key])
      rangeFail(
        fn,
        `${name}.options.${key} (${describeValue(options[key])}) must equal states[0].options.${key} (${describeValue(first[key])}): states built with different options do not merge`,
        { argument: `${name}.options.${key}`, value: options[key] },
      );
  }
}

/** The later of two latest events (`null` = none). */
export function laterEvent(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}
