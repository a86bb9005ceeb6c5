/**
 * Customer flows per calendar period, read from the activity bitset of a cohort build (`activityBits.ts`, absolute
 * periods from `base`): who was a customer at the start and at the end of each period by an activity window of
 * `w` periods, who was new, retained, reactivated or lost. `periodRetention` reads it with any window,
 * `customerLifecycle` with `w = 1` (returning = retained, resurrecting = reactivated, dormant = lost).
 *
 * ```text
 * customer at the start of p ⇔ active in some period of p − w … p − 1
 * customer at the end of p   ⇔ active in some period of p − w + 1 … p
 * new in p         ⇔ first active period is p
 * retained in p    ⇔ customer at the start and at the end of p
 * lost in p        ⇔ customer at the start, not at the end (last activity exactly p − w, none since)
 * reactivated in p ⇔ customer at the end, not at the start, not new (active in p, none in p − w … p − 1,
 *                    some before p − w)
 * end = retained + reactivated + new;  start = retained + lost
 * ```
 *
 * One pass over the set bits of each customer, in order: with a customer's active periods a₁ < a₂ < …, aᵢ makes
 * it a customer at the start of aᵢ + 1 … min(aᵢ + w, aᵢ₊₁) and at the end of aᵢ … min(aᵢ + w − 1, aᵢ₊₁ − 1)
 * (disjoint pieces, added to difference arrays), a gap aᵢ₊₁ − aᵢ > w loses it at aᵢ + w and reactivates it at
 * aᵢ₊₁. Work is proportional to the bitset words plus the active (customer, period) pairs.
 * @internal
 * @module
 */
import type { CohortActivity } from './activityLayout.ts';

/** Counts per absolute period base … base + span − 1 (index = period − base). */
export interface PeriodFlows {
  readonly span: number;
  /** Customers with an event in the period. */
  readonly active: Int32Array;
  readonly atStart: Int32Array;
  readonly atEnd: Int32Array;
  readonly newCustomers: Int32Array;
  readonly retained: Int32Array;
  readonly reactivated: Int32Array;
  readonly lost: Int32Array;
}

/**
 * Flows of every period of an activity bitset with calendar columns, for an activity window of `w` periods.
 * `span` is the number of periods from `act.base` to the observation end's period.
 * @example
 * ```ts
 * import { readCohortEvents, readCohortSettings } from '../cohortKernel.ts';
 * import { cohortActivity } from './activityBits.ts';
 * import { periodFlows } from './periodFlows.ts';
 *
 * const D = 86_400_000;
 * const settings = readCohortSettings('customerLifecycle', { period: 'day' });
 * // customer 0 on days 0, 1 and 3; customer 1 on day 1
 * const events = readCohortEvents('customerLifecycle', { customer: [0, 0, 0, 1], time: [0, D, 3 * D, D] }, {}, 'UTC', false);
 * const flows = periodFlows(cohortActivity('customerLifecycle', events, settings, null, null), 4, 1);
 * flows.active; // => [1, 2, 0, 1]
 * flows.newCustomers; // => [1, 1, 0, 0]
 * flows.retained; // => [0, 1, 0, 0]
 * flows.lost; // => [0, 0, 2, 0]
 * flows.reactivated; // => [0, 0, 0, 1]
 * ```
 */
export function periodFlows(act: CohortActivity, span: number, w: number): PeriodFlows {
  const active = new Int32Array(span);
  const newCustomers = new Int32Array(span);
  const reactivated = new Int32Array(span);
  const lost = new Int32Array(span);
  const dStart = new Int32Array(span + 1);
  const dEnd = new Int32Array(span + 1);
  if (act.words > 0)
    flowPass(act.bits, act.words, act.slots, span, w, active, newCustomers, reactivated, lost, dStart, dEnd);
  const atStart = new Int32Array(span);
  const atEnd = new Int32Array(span);
  const retained = new Int32Array(span);
  let s = 0;
  let e = 0;
  for (let p = 0; p < span; p++) {
    s += dStart[p] as number;
    e += dEnd[p] as number;
    atStart[p] = s;
    atEnd[p] = e;
    retained[p] = s - (lost[p] as number);
  }
  return { span, active, atStart, atEnd, newCustomers, retained, reactivated, lost };
}

/** The per-customer walk over set bits (arrays and numbers only, so V8 optimises it on its own). */
function flowPass(
  bits: Int32Array,
  words: number,
  slots: number,
  span: number,
  w: number,
  active: Int32Array,
  newCustomers: Int32Array,
  reactivated: Int32Array,
  lost: Int32Array,
  dStart: Int32Array,
  dEnd: Int32Array,
): void {
  for (let c = 0, row = 0; c < slots; c++, row += words) {
    let prev = -1;
    for (let wd = 0; wd < words; wd++) {
      let x = bits[row + wd] as number;
      while (x !== 0) {
        const low = x & -x;
        const b = (wd << 5) + 31 - Math.clz32(low);
        x ^= low;
        if (b >= span) break;
        active[b]!++;
        if (prev < 0) newCustomers[b]!++;
        else {
          // prev's pieces end where b's begin
          dStart[prev + 1]!++;
          dStart[Math.min(prev + w, b) + 1]!--;
          dEnd[prev]!++;
          dEnd[Math.min(prev + w - 1, b - 1) + 1]!--;
          if (b - prev > w) {
            lost[prev + w]!++;
            reactivated[b]!++;
          }
        }
        prev = b;
      }
    }
    if (prev < 0) continue;
    dEnd[prev]!++;
    dEnd[Math.min(prev + w - 1, span - 1) + 1]!--;
    if (prev + 1 < span) {
      dStart[prev + 1]!++;
      dStart[Math.min(prev + w, span - 1) + 1]!--;
    }
    if (prev + w < span) lost[prev + w]!++;
  }
}
