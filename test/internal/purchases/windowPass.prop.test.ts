import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockPeriods } from '../../../src/internal/purchases/blocks.ts';
import type { PeriodSummary } from '../../../src/internal/purchases/periodSummary.ts';
import { summarizeSpans } from '../../../src/internal/purchases/spansPass.ts';
import { summarizeWindow } from '../../../src/internal/purchases/windowPass.ts';
import { readTransactions } from '../../../src/internal/transactions.ts';
import { createPeriodIndexer } from '../../../src/internal/time/indexer.ts';
import type { Period } from '../../../src/internal/time/periodKinds.ts';
import { summaryFields } from '../../helpers/periodSummary.ts';

// The window pass (summarizeWindow: one bitset record per customer over the whole window) against the spans pass
// (summarizeSpans: a bitset or list per customer over its own span) as its oracle, in ANY order. With integer
// values the compensated sums are exact, so the two agree to the last bit even though the window pass moves a
// provisional first period's sum to the repeat sum when an earlier period turns up.

const DAY = 86_400_000;
const row = fc.record({
  c: fc.oneof(
    fc.nat(6),
    fc.nat(40).map((i) => `id${i}`),
  ),
  t: fc.tuple(fc.integer({ min: -20, max: 400 }), fc.integer({ min: 0, max: DAY - 1 })).map(([d, ms]) => d * DAY + ms),
  v: fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.constantFrom(1e15, -1e15, 3, -3)),
});
const log = fc.array(row, { maxLength: 80 });

/** Holdout fields as the passes report them; `last` matters only with a calibration purchase. */
function comparable(s: PeriodSummary): unknown[] {
  const fields = summaryFields(s);
  const first = fields[2] as number[];
  fields[3] = (fields[3] as number[]).map((last, j) => (first[j] === 0x7fffffff ? null : last));
  return fields;
}

describe('windowPass (summarizeWindow): the spans pass as its oracle', () => {
  it('gives the same summary and the same kept periods, bit for bit, for any order', () => {
    fc.assert(
      fc.property(
        log,
        fc.integer({ min: -30, max: 420 }),
        fc.nat(60),
        fc.constantFrom<Period>('day', 'week', 'month'),
        (rows, cut, extra, period) => {
          fc.pre(rows.length > 0);
          const timeZone = period === 'day' ? 'UTC' : 'Europe/Bucharest';
          const indexer = createPeriodIndexer('test', { period, timeZone, weekStartsOn: 1 });
          const columns = readTransactions(
            'test',
            { customer: rows.map((r) => r.c), time: rows.map((r) => r.t), value: rows.map((r) => r.v) },
            {},
            timeZone,
            true,
          );
          const scale = period === 'day' ? 1 : period === 'week' ? 7 : 30;
          const cutoff = Math.floor(cut / scale);
          const end = cutoff + Math.floor(extra / scale);
          const start = indexer.index(columns.minMs);
          fc.pre(start <= end);
          const periodsOf = blockPeriods(indexer, columns.minMs, columns.maxMs);
          const windowed = summarizeWindow('test', columns, periodsOf, start, cutoff, end);
          expect(windowed).not.toBeNull();
          const spans = summarizeSpans('test', columns, periodsOf, cutoff, end);
          expect(comparable(windowed as PeriodSummary)).toEqual(comparable(spans));
        },
      ),
      { numRuns: 400 },
    );
  });
});
