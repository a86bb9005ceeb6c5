import { mergeEventTimes } from '../internal/state/eventTimes.ts';
import { encodeLists, mergeLists } from '../internal/state/periodLists.ts';
import { readCohortState } from '../internal/state/readStates.ts';
import { laterEvent, readStateList, requireSameOptions, STATE_VERSION } from '../internal/state/stateFields.ts';
import type { CohortState } from './types.ts';

/**
 * Merges cohort states (see {@link cohortState}) into the state of all their events: per customer, the union
 * of its active periods. Associative and commutative to the bit (the result does not depend on how the parts
 * were split, ordered or grouped), and idempotent (merging a state with itself changes nothing, so a part
 * counted twice is harmless for retention).
 *
 * ```text
 * merge(A, B)[c] = A[c] ∪ B[c]     eventTimes: per period, min of the earliest, max of the latest
 * ```
 *
 * Linear in the size of the states (a walk over two sorted dictionaries per pair).
 *
 * @param states - One or more states built with equal options (`period`, `timeZone`, `weekStartsOn`,
 *   `yearStartsOn`); states read back from JSON are fine.
 * @returns The merged state (a new object; the inputs are not changed).
 * @throws {TypeError} When `states` is not an array, or an element is not a cohort state.
 * @throws {RangeError} When `states` is empty, two states were built with different options, or a state's
 *   fields are not what `cohortState` writes (e.g. edited by hand).
 * @example
 * ```ts
 * import { cohortState, mergeCohortStates } from 'loyalty-metrics';
 *
 * const a = cohortState({ customer: [1, 2], time: ['2024-01-01', '2024-01-03'] });
 * const b = cohortState({ customer: [2, 3], time: ['2024-01-02', '2024-01-02'] });
 * mergeCohortStates([a, b]); // => mergeCohortStates([b, a])
 * mergeCohortStates([a, b]).customers; // => [1, 2, 3]
 * mergeCohortStates([a, cohortState({ customer: [1], time: [0] }, { period: 'week' })]); // => throws RangeError: mergeCohortStates: states[1].options.period ("week") must equal states[0].options.period ("day"): states built with different options do not merge
 * ```
 * @category Cohorts
 */
export function mergeCohortStates(states: readonly CohortState[]): CohortState {
  const fn = 'mergeCohortStates';
  const list = readStateList(fn, states);
  const first = readCohortState(fn, 'states[0]', list[0]);
  let { lists, eventTimes, latestEvent } = first;
  for (let i = 1; i < list.length; i++) {
    const s = readCohortState(fn, `states[${i}]`, list[i]);
    requireSameOptions(fn, `states[${i}]`, { ...s.options }, { ...first.options });
    lists = mergeLists(lists, s.lists);
    eventTimes = mergeEventTimes(eventTimes, s.eventTimes);
    latestEvent = laterEvent(latestEvent, s.latestEvent);
  }
  const { customers, periodBase, periods } = encodeLists(lists);
  return {
    kind: 'cohortState',
    version: STATE_VERSION,
    options: { ...first.options },
    latestEvent,
    eventTimes,
    customers,
    periodBase,
    periods,
  };
}
