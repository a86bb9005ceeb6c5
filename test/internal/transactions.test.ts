import { describe, expect, it } from 'vitest';
import { readTransactions, summarizePeriods } from '../../src/internal/transactions.ts';
import { createPeriodIndexer } from '../../src/internal/time.ts';

const DAY = 86_400_000;

/** A seeded LCG (Numerical Recipes constants): uniform integers in [0, bound). */
function lcg(seed: number): (bound: number) => number {
  let state = seed >>> 0;
  return (bound) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return Math.floor((state / 4_294_967_296) * bound);
  };
}

describe('transaction kernel across chunk boundaries', () => {
  it('gives the in-order result for a shuffled log longer than one chunk (2^21 transactions)', () => {
    // 2^21 + 150 000 transactions of 40 000 customers over 60 days: the shuffled log takes the bitset pass in
    // two chunks, the same log in time order the in-order pass. Both must give every customer the same periods.
    const n = 2_097_152 + 150_000;
    const next = lcg(7);
    const customer = new Int32Array(n);
    const time = new Float64Array(n);
    const value = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      customer[i] = next(40_000);
      time[i] = Math.floor((i / n) * 60 * DAY);
      value[i] = next(10_000) / 100;
    }
    const shuffled = { customer: Int32Array.from(customer), time: Float64Array.from(time), value: Float64Array.from(value) };
    for (let i = n - 1; i > 0; i--) {
      const j = next(i + 1);
      [shuffled.customer[i], shuffled.customer[j]] = [shuffled.customer[j] as number, shuffled.customer[i] as number];
      [shuffled.time[i], shuffled.time[j]] = [shuffled.time[j] as number, shuffled.time[i] as number];
      [shuffled.value[i], shuffled.value[j]] = [shuffled.value[j] as number, shuffled.value[i] as number];
    }
    const day = createPeriodIndexer('test', { period: 'day', timeZone: 'UTC', weekStartsOn: 1 });
    // Calibration to day 40, holdout to day 55 (later transactions are ignored).
    const run = (columns: typeof shuffled) => summarizePeriods('test', readTransactions('test', columns, {}, 'UTC', true), day, 40, 55, false);
    const inOrder = run({ customer, time, value });
    const general = run(shuffled);
    expect(inOrder.store).toBeNull();
    expect(general.store).not.toBeNull();

    // First-seen order of the shuffled log, straight from its rows (transactions up to day 55 only).
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) if (Math.floor((shuffled.time[i] as number) / DAY) <= 55) seen.add(shuffled.customer[i] as number);
    expect(Array.from(general.keys)).toEqual([...seen]);

    const at = new Map(Array.from(inOrder.keys, (k, j) => [k as number, j]));
    expect(general.count).toBe(inOrder.count);
    const mismatches: number[] = [];
    for (let j = 0; j < general.count; j++) {
      const i = at.get(general.keys[j] as number) as number;
      const same =
        general.first[j] === inOrder.first[i] &&
        general.periods[j] === inOrder.periods[i] &&
        general.holdoutPeriods[j] === inOrder.holdoutPeriods[i] &&
        (general.first[j] === 0x7fffffff || general.last[j] === inOrder.last[i]) &&
        // Values added in another order: equal to rounding.
        Math.abs((general.repeatValue?.[j] as number) - (inOrder.repeatValue?.[i] as number)) < 1e-9 &&
        Math.abs((general.holdoutValue?.[j] as number) - (inOrder.holdoutValue?.[i] as number)) < 1e-9;
      if (!same) mismatches.push(general.keys[j] as number);
    }
    expect(mismatches).toEqual([]);
    expect(inOrder.periods.reduce((a, b) => a + b, 0)).toBeGreaterThan(40_000 * 20); // about 25 purchase days each
  });
});
