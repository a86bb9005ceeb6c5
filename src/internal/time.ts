/**
 * The time kernel, re-exported from its files under `./time/` (kept while other branches still import
 * `./time.ts`; import from the files themselves in new code):
 * - `time/civil.ts`: days ↔ civil dates, ISO date labels, millisecond constants;
 * - `time/zones.ts`: IANA time-zone offsets and wall-clock → instant conversion;
 * - `time/parse.ts`: timestamp parsing (`toEpochMs`);
 * - `time/calendarRules.ts`: `weekStartsOn` / `yearStartsOn` and their validators;
 * - `time/periodKinds.ts`: the table of period kinds, from which `Period`, `PERIODS`, the duration units,
 *   `DAYS_PER_UNIT` and `ROLLING_WINDOW_MS` derive;
 * - `time/indexer.ts`: `createPeriodIndexer`;
 * - `time/timeColumn.ts`: `readTimeColumn`.
 * @internal
 * @module
 */
export {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  firstDayOfMonth,
  isoDateOfDay,
  MAX_EPOCH_MS,
  monthOfDay,
  MS_PER_DAY,
  MS_PER_HOUR,
} from './time/civil.ts';
export { requireWeekStartsOn, requireYearStartsOn, type CalendarRules } from './time/calendarRules.ts';
export {
  DAYS_PER_UNIT,
  DURATION_UNITS,
  PERIOD_KINDS,
  PERIODS,
  requirePeriod,
  ROLLING_WINDOW_MS,
  type DurationUnit,
  type Period,
  type PeriodKind,
} from './time/periodKinds.ts';
export { requireTimeZone, wallClockToEpochMs, zoneOffsetMs } from './time/zones.ts';
export { toEpochMs } from './time/parse.ts';
export {
  createPeriodIndexer,
  type PeriodIndexer,
  type PeriodIndexerOptions,
  type PeriodTable,
} from './time/indexer.ts';
export { readTimeColumn, type TimeColumn } from './time/timeColumn.ts';
