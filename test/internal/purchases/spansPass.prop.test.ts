import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockPeriods } from '../../../src/internal/purchases/blocks.ts';
import { summarizeSorted } from '../../../src/internal/purchases/inOrderPass.ts';
import { collectPeriods, type PeriodSummary } from '../../../src/internal/purchases/periodSummary.ts';
import { summarizeSpans } from '../../../src/internal/purchases/spansPass.ts';
import { readTransactions } from '../../../src/internal/transactions.ts';
import { createPeriodIndexer } from '../../../src/internal/time/indexer.ts';
import { summaryFields } from '../../helpers/periodSummary.ts';

// The spans pass (summarizeSpans) on long, sparse histories (±60 years of days: per-customer bitsets and sorted
// lists), against the in-order pass on the same log in time order as its oracle: both add each customer's values
// in input order, so the summaries agree to the last bit (cents, negative values and the sign of zero included).

const DAY = 86_400_000;
const row = fc.record({
  c: fc.oneof(
    fc.nat(5),
    fc.nat(5).map((i) => 60_000 + i),
    fc.constantFrom('a', 'b'),
  ),
  t: fc
    .oneof(fc.integer({ min: -5, max: 40 }), fc.integer({ min: -22_000, max: 22_000 }))
    .map((d) => d * DAY + 3_600_000),
  v: fc.integer({ min: -100_000, max: 100_000 }).map((cents) => cents / 100),
});

function comparable(s: PeriodSummary): unknown[] {
  const fields = summaryFields(s);
  const first = fields[2] as number[];
  fields[3] = (fields[3] as number[]).map((last, j) => (first[j] === 0x7fffffff ? null : last));
  return fields;
}

describe('spansPass (summarizeSpans): the in-order pass as its oracle', () => {
  it('gives the in-order summary, bit for bit, on long sparse histories in time order, and keeps their periods', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 60 }),
        fc.integer({ min: -22_000, max: 22_000 }),
        fc.nat(20_000),
        (rows, cutoff, extra) => {
          fc.pre(rows.length > 0);
          const sorted = [...rows].sort((a, b) => a.t - b.t);
          const indexer = createPeriodIndexer('test', { period: 'day', timeZone: 'UTC', weekStartsOn: 1 });
          const columns = readTransactions(
            'test',
            { customer: sorted.map((r) => r.c), time: sorted.map((r) => r.t), value: sorted.map((r) => r.v) },
            {},
            'UTC',
            true,
          );
          const end = cutoff + extra;
          const periodsOf = blockPeriods(indexer, columns.minMs, columns.maxMs);
          const spans = summarizeSpans('test', columns, periodsOf, cutoff, end);
          const inOrder = summarizeSorted('test', columns, periodsOf, cutoff, end);
          expect(inOrder).not.toBeNull();
          expect(comparable(spans)).toEqual(comparable(inOrder as PeriodSummary));
          // The kept periods: each customer's distinct purchase days ≤ end, ascending.
          const lists = collectPeriods(spans, new Uint8Array(spans.count).fill(1));
          for (let s = 0; s < spans.count; s++) {
            const key = spans.keys[s];
            const days = [
              ...new Set(
                sorted.filter((r) => r.c === key && Math.floor(r.t / DAY) <= end).map((r) => Math.floor(r.t / DAY)),
              ),
            ];
            const start = lists.start[s] as number;
            expect(Array.from(lists.periods.subarray(start, start + (lists.length[s] as number)))).toEqual(days);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
