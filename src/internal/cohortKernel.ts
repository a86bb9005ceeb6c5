/**
 * The cohort kernel behind `buildCohorts`, `retentionMatrix` and every `cohort*` metric.
 *
 * One validation pass over the times (range, observation end), then one pass that gives every customer a dense
 * integer, finds each customer's first start event and sets one bit per (customer, active period) in a bitset of
 * customers × periods. Rolling windows need the first event before they can number windows, so they take one
 * more pass. On the hot path (calendar periods, no filters or cohort dates, small non-negative integer ids) the
 * id itself is the slot and a slot's start is its lowest set bit.
 *
 * Two readers of the bitset: `buildCohorts` extracts, per customer, the sorted list of active columns (periods
 * since the customer's cohort start) in CSR form, and when per-cell totals are asked for (event counts and
 * values) a last pass adds each event to its cell, found by rank (popcount) in the bitset; `retentionMatrix`
 * counts retention straight from the bits (on the hot path in the same pass that finds each start), without
 * per-customer lists. Memory: the input columns, 4 bytes per event for dense customer ids (not on the hot
 * path), customers × periods bits, and tables of cohorts × periods; never a per-event object.
 *
 * Events enter through the one event-log reader (`input/eventLog.ts`); the settings readers are in
 * `input/settings.ts` and the dense-id rule in `input/denseIds.ts`. The passes live in `./cohorts/`: the
 * activity bitset (`activityBits.ts`, layout in `activityLayout.ts`), the CSR cell lists (`cellLists.ts`), the
 * retention counts (`retentionCounts.ts`) and the average row (`cohortAverage.ts`).
 *
 * The long loops (over events, customers or cells) live in small functions taking only arrays and numbers
 * (and, off the hot path, the period indexer): V8 then optimises each loop on its own, and the optimised code
 * depends on no short-lived hidden class, so garbage collections between calls do not throw it away.
 * @internal
 * @module
 */
import { LOG_VALUES } from './input/values.ts';
import type { RetentionBracket } from '../cohorts/types.ts';
import type { CountRowDraft } from './cohorts/cohortAverage.ts';
import { cohortActivity, type DenseSlots, usesDirectSlots } from './cohorts/activityBits.ts';
import { type CohortKernelResult, cellLists } from './cohorts/cellLists.ts';
import { retentionCounts } from './cohorts/retentionCounts.ts';
import { readCohortExtras } from './input/cohortExtras.ts';
import { denseCustomers } from './input/denseIds.ts';
import { type CohortEventOptions, type EventLog, readEventLog } from './input/eventLog.ts';
import type { CohortSettings } from './input/settings.ts';
import type { PeriodIndexer } from './time/indexer.ts';

// The passes over the activity bitset live in ./cohorts/ (one strategy, one file); re-exported for the importers.
export type { CohortRowInfo } from './cohorts/activityLayout.ts';
export type { CohortKernelResult } from './cohorts/cellLists.ts';
export { completeAverage, withFinal } from './cohorts/cohortAverage.ts';
export { type CohortCells, retentionCohorts } from './cohorts/retentionCounts.ts';

export { readCohortSettings } from './input/settings.ts';

/** Events as the cohort kernel reads them: the validated columns of the one event-log reader. */
export type CohortEvents = EventLog;

/**
 * The cohort functions' event log, read by `readEventLog` with the name `events`, cohort dates and filters
 * (`readValue`: whether `value` is read).
 * @example
 * ```ts
 * import { readCohortEvents } from './cohortKernel.ts';
 *
 * readCohortEvents('retentionMatrix', { customer: [3, 1, 3], time: [0, 86_400_000, 172_800_000] }, {}, 'UTC', false); // => { name: 'events', length: 3, smallIdMax: 3, minMs: 0, maxMs: 172800000, rowInput: false }
 * ```
 */
export function readCohortEvents(
  fn: string,
  events: unknown,
  opts: CohortEventOptions,
  timeZone: string,
  readValue: boolean,
): CohortEvents {
  return readEventLog(fn, events, opts, {
    name: 'events',
    timeZone,
    value: readValue && LOG_VALUES,
    extras: readCohortExtras,
  });
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * The customer slots of a build, for `cohortActivity` (`./cohorts/activityBits.ts`): `null` on the direct path
 * (the integer id is the slot), else dense slots in first-seen order.
 */
function slotsOf(fn: string, events: CohortEvents, settings: CohortSettings, totals: boolean): DenseSlots | null {
  return usesDirectSlots(events, settings, totals) ? null : denseCustomers(fn, events, events.smallIdMax);
}

/**
 * Builds cohorts from validated events; `totals` adds per-cell event counts and value sums.
 * @throws {RangeError} When the events span more periods, or customers × periods, than supported.
 * @example
 * ```ts
 * import { readCohortEvents, readCohortSettings, runCohortKernel } from './cohortKernel.ts';
 *
 * const settings = readCohortSettings('buildCohorts', { period: 'month' });
 * const rows = [
 *   { user: 'a', at: '2024-01-03', total: 20 },
 *   { user: 'a', at: '2024-02-10', total: 35 },
 *   { user: 'b', at: '2024-01-20', total: 15 },
 *   { user: 'c', at: '2024-02-05', total: 10 },
 *   { user: 'c', at: '2024-02-25', total: 5 },
 * ];
 * const events = readCohortEvents('buildCohorts', rows, { customer: 'user', time: 'at', value: 'total' }, settings.timeZone, true);
 * const result = runCohortKernel('buildCohorts', events, settings, true);
 * // months since January 1970: January 2024 = 54·12 = 648. The observation end is the last event (February 25):
 * // the January cohort (a, b) has two observable columns, of which only January has ended; February (c) one
 * result.rows; // => [{ key: 648, label: '2024-01-01', size: 2, columns: 2, completeColumns: 1 }, { key: 649, label: '2024-02-01', size: 1, columns: 1, completeColumns: 0 }]
 * result.ids; // => ['a', 'b', 'c']
 * result.customerRow; // => [0, 0, 1]
 * // cells: a in columns 0 and 1, b in column 0, c in column 0 (twice: 10 + 5)
 * result.cellStart; // => [0, 2, 3, 4]
 * result.cellColumn; // => [0, 1, 0, 0]
 * result.cellEvents; // => [1, 1, 1, 2]
 * result.cellValue; // => [20, 35, 15, 15]
 * new Date(result.customerStart[2] ?? Number.NaN).toISOString(); // => '2024-02-05T00:00:00.000Z'
 * runCohortKernel('buildCohorts', events, settings, false).cellEvents; // => null
 * ```
 */
export function runCohortKernel(
  fn: string,
  events: CohortEvents,
  settings: CohortSettings,
  totals: boolean,
  purchases: PeriodIndexer | null = null,
): CohortKernelResult {
  return cellLists(
    cohortActivity(fn, events, settings, null, slotsOf(fn, events, settings, totals)),
    events,
    settings,
    totals,
    purchases,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Retention assembly, shared by retentionMatrix and cohortRetention.

/**
 * Retention straight from the activity bitset (the one-call path of `retentionMatrix`): per slot, its set bits
 * (mode `on`), its highest set bit (`onOrAfter`, then suffix sums), or a masked word test per bracket, added to
 * one flat table of counts — no per-customer cell lists. Gives what {@link retentionCohorts} gives on the cells.
 * @throws {RangeError} When the events span more periods, or customers × periods, than supported.
 * @example
 * ```ts
 * import { readCohortEvents, readCohortSettings, runRetentionKernel } from './cohortKernel.ts';
 *
 * const settings = readCohortSettings('retentionMatrix', { period: 'month' });
 * const rows = [
 *   { id: 1, at: '2024-01-05' },
 *   { id: 2, at: '2024-01-09' },
 *   { id: 3, at: '2024-01-30' },
 *   { id: 4, at: '2024-02-03' },
 *   { id: 2, at: '2024-02-14' },
 *   { id: 1, at: '2024-03-02' },
 *   { id: 4, at: '2024-03-20' },
 * ];
 * const events = readCohortEvents('retentionMatrix', rows, { customer: 'id', time: 'at' }, settings.timeZone, false);
 * // January cohort {1, 2, 3}: all active in January, 2 in February, 1 in March; February cohort {4}: February
 * // and March. March has not ended by the last event (March 20), so the last column of each is incomplete.
 * const on = runRetentionKernel('retentionMatrix', events, settings, 'on', null);
 * on.cohorts; // => [{ label: '2024-01-01', size: 3, counts: [3, 1, 1], complete: [true, true, false] }, { label: '2024-02-01', size: 1, counts: [1, 1], complete: [true, false] }]
 * on.cohorts[0].rates; // => [1, 0.333333, 0.333333]
 * new Date(on.observationEnd).toISOString(); // => '2024-03-20T23:59:59.999Z'
 * // last active column: 1 → 2 (March), 2 → 1, 3 → 0; active in column k or later: 3, 2, 1
 * runRetentionKernel('retentionMatrix', events, settings, 'onOrAfter', null).cohorts[0].counts; // => [3, 2, 1]
 * // brackets [0, 0] and [1, 2]: customers 1 and 2 were back within months 1–2; that bracket ends with March
 * runRetentionKernel('retentionMatrix', events, settings, 'brackets', [[0, 0], [1, 2]]).cohorts; // => [{ counts: [3, 2], complete: [true, false] }, { counts: [1, 1], complete: [true, false] }]
 * ```
 */
export function runRetentionKernel(
  fn: string,
  events: CohortEvents,
  settings: CohortSettings,
  mode: 'on' | 'onOrAfter' | 'brackets',
  brackets: readonly RetentionBracket[] | null,
): { observationEnd: number; cohorts: CountRowDraft[] } {
  const act = cohortActivity(
    fn,
    events,
    settings,
    mode === 'brackets' ? null : mode,
    slotsOf(fn, events, settings, false),
  );
  return retentionCounts(act, mode, brackets);
}
