import { encodeLists, mergeLists } from '../internal/state/periodLists.ts';
import { readRfmState } from '../internal/state/readStates.ts';
import { laterEvent, readStateList, requireSameOptions, STATE_VERSION } from '../internal/state/stateFields.ts';
import { rangeFail } from '../internal/validate.ts';
import type { RfmState } from './types.ts';

/**
 * Merges RFM states (see {@link rfmState}) into the state of all their transactions: per customer, the union
 * of its purchase periods, with the value sums of a period both states have added as exact pairs.
 * Commutative to the bit; associative to the bit whenever the sums are exact in the pair (money amounts: see
 * {@link rfmState}), so the result does not depend on how the log was split, ordered or grouped. Unlike the
 * cohort state, a part merged twice counts its values twice.
 *
 * ```text
 * merge(A, B)[c][p] = A[c][p] + B[c][p]   (a missing period adds nothing)
 * ```
 *
 * @param states - One or more states built with equal options (`period`, `timeZone`, `weekStartsOn`,
 *   `yearStartsOn`) and all with or all without values.
 * @returns The merged state (a new object; the inputs are not changed).
 * @throws {TypeError} When `states` is not an array, or an element is not an RFM state.
 * @throws {RangeError} When `states` is empty, two states were built with different options, or a state's
 *   fields are not what `rfmState` writes.
 * @example
 * ```ts
 * import { mergeRfmStates, rfmState } from 'loyalty-metrics';
 *
 * const a = rfmState({ customer: [7, 7], time: ['2024-01-01', '2024-01-02'], value: [0.1, 5] });
 * const b = rfmState({ customer: [7, 8], time: ['2024-01-01', '2024-01-03'], value: [0.2, 1] });
 * const merged = mergeRfmStates([a, b]);
 * merged; // => mergeRfmStates([b, a])
 * // customer 7 on January 1: 0.1 + 0.2 = 0.30000000000000004 rounded, and the exact error beside it
 * [merged.valueSums, merged.valueErrors]; // => [[0.30000000000000004, 5, 1], [0, -2.7755575615628914e-17]]
 * mergeRfmStates([a, rfmState({ customer: [1], time: [0] })]); // => throws RangeError: mergeRfmStates: states[1].values (false) must equal states[0].values (true): states built with different options do not merge
 * ```
 * @category RFM
 */
export function mergeRfmStates(states: readonly RfmState[]): RfmState {
  const fn = 'mergeRfmStates';
  const list = readStateList(fn, states);
  const first = readRfmState(fn, 'states[0]', list[0]);
  let { lists, latestEvent } = first;
  for (let i = 1; i < list.length; i++) {
    const s = readRfmState(fn, `states[${i}]`, list[i]);
    requireSameOptions(fn, `states[${i}]`, { ...s.options }, { ...first.options });
    if (s.values !== first.values)
      rangeFail(
        fn,
        `states[${i}].values (${s.values}) must equal states[0].values (${first.values}): states built with different options do not merge`,
        { argument: `states[${i}].values`, value: s.values },
      );
    lists = mergeLists(lists, s.lists);
    latestEvent = laterEvent(latestEvent, s.latestEvent);
  }
  const encoded = encodeLists(lists);
  return {
    kind: 'rfmState',
    version: STATE_VERSION,
    options: { ...first.options },
    values: first.values,
    latestEvent,
    customers: encoded.customers,
    periodBase: encoded.periodBase,
    periods: encoded.periods,
    valueSums: encoded.valueSums,
    valueErrors: encoded.valueErrors,
  };
}
