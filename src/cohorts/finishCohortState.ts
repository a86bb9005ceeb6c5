import { completeAverage, retentionCohorts, withFinal } from '../internal/cohortKernel.ts';
import {
  observedUntil,
  RETENTION_MODE_KEYS,
  readCohortSettings,
  readRetentionMode,
} from '../internal/input/settings.ts';
import { lastCountedPeriod } from '../internal/state/eventTimes.ts';
import { readCohortState } from '../internal/state/readStates.ts';
import { readOptions } from '../internal/validate.ts';
import type { Timestamp } from '../types.ts';
import type { RetentionMatrixResult, RetentionModeOptions } from './retentionMatrix.ts';
import type { CohortState } from './types.ts';

/** Options of {@link finishCohortState}: the retention mode and the observation end. */
export interface FinishCohortStateOptions extends RetentionModeOptions {
  /** End of observation ("now"); later events are ignored. Default: the state's latest event. */
  readonly observationEnd?: Timestamp;
}

/**
 * The retention matrix of a cohort state (see {@link cohortState}): exactly what {@link retentionMatrix} gives
 * on all the events merged into the state, with the state's calendar options and the `mode`, `brackets` and
 * `observationEnd` given here.
 *
 * ```text
 * E = period of observationEnd;  P_c = periods of customer c that count (≤ E, see below)
 * cohort of c = min P_c;   counts[k] = #{ c in the cohort : cohort + k ∈ P_c }   (mode 'on'; onOrAfter, brackets as in retentionMatrix)
 * ```
 *
 * The observation end follows `retentionMatrix`'s rules (an event exactly at the end counts; a period that has
 * started by the end is observable and complete once it has ended; a date-only end is read in the state's time
 * zone as `retentionMatrix` reads it). A state keeps periods, not instants, so when the end falls inside a period,
 * that period counts whole when all of its events are at or before the end, and not at all when all are after
 * it; when it has events on both sides the state cannot tell who was active by then, and this throws.
 *
 * @param state - A state of {@link cohortState} or {@link mergeCohortStates} (also after a JSON round trip).
 * @param options - `mode` (`'on'`), `brackets`, `observationEnd` (default: the state's latest event).
 * @returns The matrix, as `retentionMatrix` returns it (`windows` is `'calendar'`); `observationEnd` is `null` and
 *   `cohorts` empty for a state of no events without an explicit end.
 * @throws {TypeError} When `state` is not a cohort state, or `observationEnd` is not a valid date.
 * @throws {RangeError} For an unknown mode or invalid brackets, a state whose fields are not what `cohortState`
 *   writes, or an `observationEnd` between two events of its period.
 * @example
 * ```ts
 * import { cohortState, finishCohortState } from 'loyalty-metrics';
 *
 * const state = cohortState(
 *   { customer: ['a', 'b', 'a', 'b', 'a'], time: ['2024-01-03', '2024-01-20', '2024-02-10', '2024-03-05', '2024-03-09'] },
 *   { period: 'month' },
 * );
 * finishCohortState(state).cohorts[0].counts; // => [2, 1, 2]
 * finishCohortState(state, { mode: 'onOrAfter' }).cohorts[0].counts; // => [2, 2, 2]
 * // an end at April 1: March is complete, April observable (it starts at the end) and not complete
 * finishCohortState(state, { observationEnd: '2024-04-01' }).cohorts[0].complete; // => [true, true, true, false]
 * // an end before every March event: March is observable, with nobody active yet
 * finishCohortState(state, { observationEnd: '2024-03-01' }).cohorts[0].counts; // => [2, 1, 0]
 * finishCohortState(state, { observationEnd: '2024-03-07' }); // => throws RangeError
 * ```
 * @category Cohorts
 */
export function finishCohortState(state: CohortState, options?: FinishCohortStateOptions): RetentionMatrixResult {
  const fn = 'finishCohortState';
  const opts = readOptions(fn, options, ['observationEnd', ...RETENTION_MODE_KEYS]);
  const s = readCohortState(fn, 'state', state);
  const settings = readCohortSettings(fn, { ...s.options, observationEnd: opts.observationEnd });
  const { mode, brackets } = readRetentionMode(fn, opts);
  const end = settings.observationEnd ?? s.latestEvent;
  const result = (observationEnd: number | null, cohorts: RetentionMatrixResult['cohorts']): RetentionMatrixResult => ({
    period: settings.period,
    windows: 'calendar',
    timeZone: settings.timeZone,
    weekStartsOn: settings.weekStartsOn,
    yearStartsOn: settings.yearStartsOn,
    observationEnd,
    mode,
    brackets,
    cohorts,
    average: completeAverage(cohorts),
  });
  if (end === null) return result(null, []);
  const { indexer } = settings;
  const endPeriod = indexer.index(end);
  // The period of the end is complete when the end closes it (a date-only end covers its whole day).
  const endDone = indexer.end(endPeriod) <= observedUntil(fn, end, settings.timeZone) ? 1 : 0;
  const last = lastCountedPeriod(fn, s.eventTimes, endPeriod, end);
  const { ids, offsets, periods } = s.lists;
  // Cells relative to each customer's cohort period, for the cohort kernel's retention counts.
  const n = ids.length;
  const customerRow = new Int32Array(n).fill(-1);
  const cellStart = new Int32Array(n + 1);
  const cellColumn = new Int32Array(periods.length);
  const firstOf = new Int32Array(n);
  const keys: number[] = [];
  const seen = new Set<number>();
  let cells = 0;
  for (let c = 0; c < n; c++) {
    const lo = offsets[c] as number;
    const hi = offsets[c + 1] as number;
    const f = periods[lo] as number;
    cellStart[c] = cells;
    if (f > last) continue;
    firstOf[c] = f;
    customerRow[c] = 0;
    if (!seen.has(f)) {
      seen.add(f);
      keys.push(f);
    }
    for (let i = lo; i < hi && (periods[i] as number) <= last; i++) cellColumn[cells++] = (periods[i] as number) - f;
  }
  cellStart[n] = cells;
  keys.sort((a, b) => a - b);
  const rowOf = new Map<number, number>();
  keys.forEach((key, r) => {
    rowOf.set(key, r);
  });
  const sizes = new Array<number>(keys.length).fill(0);
  for (let c = 0; c < n; c++) {
    if ((customerRow[c] as number) < 0) continue;
    const r = rowOf.get(firstOf[c] as number) as number;
    customerRow[c] = r;
    sizes[r]!++;
  }
  const rows = keys.map((key, r) => ({
    label: indexer.label(key),
    start: indexer.start(key),
    size: sizes[r] as number,
    columns: endPeriod - key + 1,
    completeColumns: endPeriod - key + endDone,
  }));
  return result(
    end,
    withFinal(retentionCohorts({ rows, customerRow, cellStart, cellColumn }, mode, brackets), mode === 'onOrAfter'),
  );
}
