/**
 * Readers of whole states for the merge and finish functions: the header (`stateFields.ts`), the customer
 * lists (`periodLists.ts`) and, for a cohort state, its event-time table (`eventTimes.ts`); every field is
 * validated, since a state may have travelled through JSON or a database.
 * @internal
 * @module
 */
import { type EventTimes, readEventTimes } from './eventTimes.ts';
import { decodeLists, type PeriodLists } from './periodLists.ts';
import { readStateHeader, type StateCalendar } from './stateFields.ts';
import { describeValue, typeFail } from '../validate.ts';

/** A cohort state, decoded. */
export interface CohortStateData {
  readonly options: StateCalendar;
  readonly latestEvent: number | null;
  readonly eventTimes: EventTimes;
  readonly lists: PeriodLists;
}

/** An RFM state, decoded. */
export interface RfmStateData {
  readonly options: StateCalendar;
  readonly values: boolean;
  readonly latestEvent: number | null;
  readonly lists: PeriodLists;
}

/**
 * Reads a cohort state (`name`: its argument path).
 * @throws {TypeError} When it is not a cohort state or a field has the wrong kind.
 * @throws {RangeError} When a field is not what `cohortState` writes.
 * @example
 * ```ts
 * import { cohortState } from 'loyalty-metrics';
 * import { readCohortState } from './readStates.ts';
 *
 * const state = cohortState({ customer: ['a', 'b'], time: [0, 86_400_000] }, { period: 'day' });
 * readCohortState('finishCohortState', 'state', JSON.parse(JSON.stringify(state))).options.period; // => 'day'
 * readCohortState('finishCohortState', 'state', { kind: 'nope' }); // => throws TypeError
 * ```
 */
export function readCohortState(fn: string, name: string, value: unknown): CohortStateData {
  const { options, latestEvent, record } = readStateHeader(fn, name, value, 'cohortState');
  return {
    options,
    latestEvent,
    eventTimes: readEventTimes(fn, name, record.eventTimes),
    lists: decodeLists(fn, name, record, false),
  };
}

/**
 * Reads an RFM state (`name`: its argument path).
 * @throws {TypeError} When it is not an RFM state or a field has the wrong kind.
 * @throws {RangeError} When a field is not what `rfmState` writes.
 * @example
 * ```ts
 * import { rfmState } from 'loyalty-metrics';
 * import { readRfmState } from './readStates.ts';
 *
 * const state = rfmState({ customer: ['a', 'a'], time: [0, 86_400_000], value: [5, 7] });
 * readRfmState('finishRfmState', 'state', state).values; // => true
 * readRfmState('finishRfmState', 'state', 42); // => throws TypeError
 * ```
 */
export function readRfmState(fn: string, name: string, value: unknown): RfmStateData {
  const { options, latestEvent, record } = readStateHeader(fn, name, value, 'rfmState');
  const values = record.values;
  if (typeof values !== 'boolean')
    typeFail(fn, `${name}.values must be a boolean, got ${describeValue(values)}`, {
      argument: `${name}.values`,
      value: values,
    });
  return { options, values, latestEvent, lists: decodeLists(fn, name, record, values) };
}
