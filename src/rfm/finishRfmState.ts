import type { DurationUnit } from '../internal/time/periodKinds.ts';
import { readInstant, readPeriodSettings } from '../internal/input/settings.ts';
import { readRfmState } from '../internal/state/readStates.ts';
import { addPairs } from '../internal/sum.ts';
import { readOptions } from '../internal/validate.ts';
import type { Timestamp } from '../types.ts';
import type { RfmSummaryRow } from './rfmSummary.ts';
import type { RfmState } from './types.ts';

/** Options of {@link finishRfmState}. */
export interface FinishRfmStateOptions {
  /** End of observation ("now"): purchases after its period are ignored. Default: the state's latest transaction. */
  readonly observationEnd?: Timestamp;
  /** Unit of `recency` and `T` (default: the state's period), as in `rfmSummary`. */
  readonly unit?: DurationUnit;
}

/**
 * The RFM summary of an RFM state (see {@link rfmState}): the rows {@link rfmSummary} gives on all the
 * transactions merged into the state, with the state's calendar options and the `observationEnd` and `unit`
 * given here, in the state's customer order (numbers ascending, then strings).
 *
 * ```text
 * P = the customer's purchase periods ≤ E (the period of observationEnd);  u = days per unit
 * frequency = |P| − 1;   recency = (start(max P) − start(min P)) / u;   T = (start(E) − start(min P)) / u
 * monetaryValue = (Σ of the period sums of P \ {min P}, added exactly, then rounded) / frequency;  0 when frequency is 0
 * ```
 *
 * Equal to `rfmSummary` row for row (frequency, recency and T always; `monetaryValue` to the bit when the value
 * sums are exact in a pair, as for money amounts: see {@link rfmState}). `monetaryValue` is `NaN` for a state
 * built without values. Customers whose first purchase is after the period of `observationEnd` are left out.
 *
 * @param state - A state of {@link rfmState} or {@link mergeRfmStates} (also after a JSON round trip).
 * @param options - `observationEnd` (default: the latest transaction), `unit` (default: the state's period).
 * @returns One row per customer with a purchase up to `observationEnd`; an empty array when there is none.
 * @throws {TypeError} When `state` is not an RFM state, or `observationEnd` is not a valid date.
 * @throws {RangeError} For an unknown unit, or a state whose fields are not what `rfmState` writes.
 * @example
 * ```ts
 * import { finishRfmState, rfmState } from 'loyalty-metrics';
 *
 * const state = rfmState(
 *   { customer: ['a', 'a', 'a', 'b'], time: ['2024-01-01', '2024-01-01', '2024-01-15', '2024-01-08'], value: [10, 5, 20, 30] },
 * );
 * finishRfmState(state, { unit: 'week' }); // => [{ customer: 'a', frequency: 1, recency: 2, T: 2, monetaryValue: 20 }, { customer: 'b', frequency: 0, recency: 0, T: 1, monetaryValue: 0 }]
 * // an earlier end leaves out the later periods
 * finishRfmState(state, { observationEnd: '2024-01-10' }); // => [{ customer: 'a', frequency: 0, recency: 0, T: 9, monetaryValue: 0 }, { customer: 'b', frequency: 0, recency: 0, T: 2, monetaryValue: 0 }]
 * ```
 * @category RFM
 */
export function finishRfmState(state: RfmState, options?: FinishRfmStateOptions): RfmSummaryRow[] {
  const fn = 'finishRfmState';
  const opts = readOptions(fn, options, ['observationEnd', 'unit']);
  const s = readRfmState(fn, 'state', state);
  const settings = readPeriodSettings(fn, { ...s.options, unit: opts.unit });
  const { indexer, unitDays } = settings;
  const endMs = readInstant(
    fn,
    'options.observationEnd',
    opts.observationEnd,
    settings.timeZone,
    // a state keeps instants: its latest event is an instant (periods make T the same either way)
    { maxMs: s.latestEvent ?? Number.NaN, latestIsDate: false },
  );
  const { ids, offsets, periods, sums } = s.lists;
  if (ids.length === 0 || !Number.isFinite(endMs)) return [];
  const end = indexer.index(endMs);
  const endDay = indexer.firstDay(end);
  const acc = new Float64Array(2);
  const out: RfmSummaryRow[] = [];
  for (let c = 0; c < ids.length; c++) {
    const lo = offsets[c] as number;
    const hi = offsets[c + 1] as number;
    const first = periods[lo] as number;
    if (first > end) continue;
    let last = lo;
    while (last + 1 < hi && (periods[last + 1] as number) <= end) last++;
    const frequency = last - lo;
    let monetaryValue = Number.NaN;
    if (sums !== null) {
      acc[0] = 0;
      acc[1] = 0;
      for (let i = lo + 1; i <= last; i++)
        addPairs(acc[0] as number, acc[1] as number, sums[2 * i] as number, sums[2 * i + 1] as number, acc, 0);
      monetaryValue = frequency === 0 ? 0 : ((acc[0] as number) + (acc[1] as number)) / frequency;
    }
    const firstDay = indexer.firstDay(first);
    out.push({
      customer: ids[c] as string | number,
      frequency,
      recency: (indexer.firstDay(periods[last] as number) - firstDay) / unitDays,
      T: (endDay - firstDay) / unitDays,
      monetaryValue,
    });
  }
  return out;
}
