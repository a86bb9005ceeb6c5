import { describe, expect, it } from 'vitest';
import { readTransactions } from '../../src/internal/transactions.ts';
import { summarizePeriods } from '../../src/internal/purchases/periodSummary.ts';
import { createPeriodIndexer } from '../../src/internal/time/indexer.ts';
import { summaryFields } from '../helpers/periodSummary.ts';

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
    const shuffled = {
      customer: Int32Array.from(customer),
      time: Float64Array.from(time),
      value: Float64Array.from(value),
    };
    for (let i = n - 1; i > 0; i--) {
      const j = next(i + 1);
      [shuffled.customer[i], shuffled.customer[j]] = [shuffled.customer[j] as number, shuffled.customer[i] as number];
      [shuffled.time[i], shuffled.time[j]] = [shuffled.time[j] as number, shuffled.time[i] as number];
      [shuffled.value[i], shuffled.value[j]] = [shuffled.value[j] as number, shuffled.value[i] as number];
    }
    const day = createPeriodIndexer('test', { period: 'day', timeZone: 'UTC', weekStartsOn: 1 });
    // Calibration to day 40, holdout to day 55 (later transactions are ignored).
    const run = (columns: typeof shuffled) =>
      summarizePeriods('test', readTransactions('test', columns, {}, 'UTC', true), day, 40, 55, false);
    const inOrder = run({ customer, time, value });
    const general = run(shuffled);
    expect(inOrder.store).toBeNull();
    expect(general.store).not.toBeNull();

    // First-seen order of the shuffled log, straight from its rows (transactions up to day 55 only).
    const seen = new Set<number>();
    for (let i = 0; i < n; i++)
      if (Math.floor((shuffled.time[i] as number) / DAY) <= 55) seen.add(shuffled.customer[i] as number);
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

describe('in-order pass beyond its lead (2^16 transactions)', () => {
  const day = createPeriodIndexer('test', { period: 'day', timeZone: 'UTC', weekStartsOn: 1 });
  type Columns = { customer: Int32Array; time: Float64Array; value: Float64Array };

  /**
   * 300 000 transactions of 20 000 customers over 90 days, in time order, and 10 more customers who buy only
   * in the last 5 days; values in quarters (sums are exact).
   */
  function timeOrdered(): Columns {
    const n = 300_000;
    const next = lcg(11);
    const log = { customer: new Int32Array(n), time: new Float64Array(n), value: new Float64Array(n) };
    for (let i = 0; i < n; i++) {
      log.time[i] = Math.floor((i / n) * 90 * DAY);
      log.customer[i] = (log.time[i] as number) < 85 * DAY ? next(20_000) : 20_000 + next(10);
      log.value[i] = (next(40_000) - 1_000) / 4;
    }
    return log;
  }

  /** The in-order summary (store null when the in-order pass did it) and the general passes' (kept periods). */
  function bothWays(log: Columns, cutoff: number, end: number) {
    const columns = readTransactions('test', log, {}, 'UTC', true);
    return {
      inOrder: summarizePeriods('test', columns, day, cutoff, end, false),
      general: summarizePeriods('test', columns, day, cutoff, end, true),
    };
  }

  it('gives the general passes’ summary, in first-seen order, for a log in time order (customers taking turns)', () => {
    const log = timeOrdered();
    for (const [cutoff, end] of [
      [60, 80],
      [75, 75],
    ] as const) {
      const { inOrder, general } = bothWays(log, cutoff, end);
      expect(inOrder.store).toBeNull();
      expect(summaryFields(inOrder)).toEqual(summaryFields(general));
      const seen = new Set<number>();
      for (let i = 0; i < log.customer.length; i++)
        if ((log.time[i] as number) < (end + 1) * DAY) seen.add(log.customer[i] as number);
      expect(Array.from(inOrder.keys)).toEqual([...seen]);
    }
  });

  it('gives up for the general pass when a customer goes back in time after the lead', () => {
    const log = timeOrdered();
    // Row 200 000 (day 60) moves to day 1, before its customer's earlier purchases.
    log.time[200_000] = DAY;
    const { inOrder, general } = bothWays(log, 60, 80);
    expect(inOrder.store).not.toBeNull();
    expect(summaryFields(inOrder)).toEqual(summaryFields(general));
  });

  it('goes on in input order for a log grouped by customer', () => {
    const log = timeOrdered();
    const rows = Array.from(log.customer.keys()).sort(
      (a, b) => (log.customer[a] as number) - (log.customer[b] as number) || a - b,
    );
    const grouped = {
      customer: Int32Array.from(rows, (i) => log.customer[i] as number),
      time: Float64Array.from(rows, (i) => log.time[i] as number),
      value: Float64Array.from(rows, (i) => log.value[i] as number),
    };
    const { inOrder, general } = bothWays(grouped, 60, 80);
    expect(inOrder.store).toBeNull();
    expect(summaryFields(inOrder)).toEqual(summaryFields(general));
  });

  it('names the first invalid value after the lead', () => {
    const log = timeOrdered();
    log.value[150_000] = Number.NaN;
    log.value[250_000] = Number.POSITIVE_INFINITY;
    const columns = readTransactions('test', log, {}, 'UTC', true);
    expect(() => summarizePeriods('test', columns, day, 60, 80, false)).toThrow(/value\[150000\] \(NaN\)/);
  });
});
