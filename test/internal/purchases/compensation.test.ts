import { describe, expect, it } from 'vitest';
import { blockPeriods } from '../../../src/internal/purchases/blocks.ts';
import { summarizeSorted } from '../../../src/internal/purchases/inOrderPass.ts';
import { summarizePeriods } from '../../../src/internal/purchases/periodSummary.ts';
import { summarizeSpans } from '../../../src/internal/purchases/spansPass.ts';
import { summarizeWindow } from '../../../src/internal/purchases/windowPass.ts';
import { readTransactions, type TransactionColumns } from '../../../src/internal/transactions.ts';
import { createPeriodIndexer } from '../../../src/internal/time/indexer.ts';
import { compensationLogs } from '../../rfm/arbitraries.ts';

// Every value sum of every pass is compensated (addTwoSum): 1, 1e100, 1, −1e100 sum to 2, where a plain running
// sum gives 0. Each pass is called directly, so the test does not depend on which one the chooser would take.

const DAY = 86_400_000;
const day = createPeriodIndexer('test', { period: 'day', timeZone: 'UTC', weekStartsOn: 1 });
const BIG = [1, 1e100, 1, -1e100];

function columns(rows: readonly { c: number | string; d: number; v: number }[]): TransactionColumns {
  return readTransactions(
    'test',
    { customer: rows.map((r) => r.c), time: rows.map((r) => r.d * DAY), value: rows.map((r) => r.v) },
    {},
    'UTC',
    true,
  );
}

/** The three passes on the same columns (window: from the log's first period; cutoff and end as given). */
function passes(t: TransactionColumns, cutoff: number, end: number) {
  const periodsOf = blockPeriods(day, t.minMs, t.maxMs);
  return {
    inOrder: summarizeSorted('test', t, periodsOf, cutoff, end),
    window: summarizeWindow('test', t, periodsOf, day.index(t.minMs), cutoff, end),
    spans: summarizeSpans('test', t, periodsOf, cutoff, end),
  };
}

describe('compensated value sums of the purchase-period passes', () => {
  it('sums the holdout values with compensation on every pass (numeric and string ids)', () => {
    // First period day 10 (1, 1e100, 1, −1e100), a repeat period day 12 (5), holdout day 20 (1, 1e100, 1, −1e100).
    for (const c of [3, 'a']) {
      const rows = [...BIG.map((v) => ({ c, d: 10, v })), { c, d: 12, v: 5 }, ...BIG.map((v) => ({ c, d: 20, v }))];
      const all = passes(columns(rows), 15, 25);
      for (const [name, s] of Object.entries(all)) {
        expect(s, name).not.toBeNull();
        expect([s?.first[0], s?.last[0], s?.periods[0], s?.holdoutPeriods[0]], name).toEqual([10, 12, 2, 1]);
        expect([s?.repeatValue?.[0], s?.holdoutValue?.[0]], name).toEqual([5, 2]);
      }
    }
  });

  it('moves a compensated first-period sum to the repeat sum when an earlier period turns up (window pass)', () => {
    // Day 10 (1, 1e100, 1, −1e100) comes first in the log, then day 4 (7): day 10 is a repeat period worth 2.
    const rows = [...BIG.map((v) => ({ c: 0, d: 10, v })), { c: 0, d: 4, v: 7 }];
    const t = columns(rows);
    const { inOrder, window, spans } = passes(t, 30, 30);
    expect(inOrder).toBeNull(); // back in time: the in-order pass gives way
    for (const [name, s] of Object.entries({ window, spans })) {
      expect([s?.first[0], s?.last[0], s?.periods[0]], name).toEqual([4, 10, 2]);
      expect(s?.repeatValue?.[0], name).toBe(2);
    }
    // The same through the chooser: a general pass, with the same sum.
    expect(summarizePeriods('test', t, day, 30, 30, false).repeatValue?.[0]).toBe(2);
  });

  it('keeps first-period values out of the repeat sum however they are ordered', () => {
    // First period day 4 (1, 1e100, 1, −1e100, one of them after a later day), repeat day 6 (3).
    const rows = [
      { c: 0, d: 4, v: 1 },
      { c: 0, d: 6, v: 3 },
      { c: 0, d: 4, v: 1e100 },
      { c: 0, d: 4, v: 1 },
      { c: 0, d: 4, v: -1e100 },
    ];
    const { window, spans } = passes(columns(rows), 30, 30);
    expect(window?.repeatValue?.[0]).toBe(3);
    expect(spans.repeatValue?.[0]).toBe(3);
  });

  it('runs the logs of the rfm compensation tests through the passes they are named after', () => {
    // The in-order pass keeps no periods; the window pass keeps a bitset over the whole window (to the end, day
    // 25), the spans pass one over the customer's own span (to day 20).
    const kept = (s: ReturnType<typeof summarizePeriods>) =>
      s.store === null ? 'inOrderPass' : s.store.hi[0] === 25 ? 'windowPass' : 'spansPass';
    for (const { pass, columns } of compensationLogs()) {
      const t = readTransactions('test', columns, {}, 'UTC', true);
      const s = summarizePeriods('test', t, day, 15, 25, false);
      expect(kept(s)).toBe(pass);
      expect([s.repeatValue?.[0], s.holdoutValue?.[0]]).toEqual([0, 2]);
    }
  });
});
