import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTransactions } from '../../../src/internal/transactions.ts';
import { summarizePeriods, type PeriodSummary } from '../../../src/internal/purchases/periodSummary.ts';
import { createPeriodIndexer } from '../../../src/internal/time/indexer.ts';
import type { Period } from '../../../src/internal/time/periodKinds.ts';
import { summaryFields } from '../../helpers/periodSummary.ts';
import { blockPeriods } from '../../../src/internal/purchases/blocks.ts';
import { summarizeSorted } from '../../../src/internal/purchases/inOrderPass.ts';
import { summarizeSpans } from '../../../src/internal/purchases/spansPass.ts';
import { MAX_WINDOW, summarizeWindow } from '../../../src/internal/purchases/windowPass.ts';

// The in-order pass (summarizeSorted: each customer's transactions in time order, and the caller does not need
// the periods themselves) against the general passes (whole-window bitsets, per-customer spans, sparse lists),
// which the rfm property tests check against brute-force oracles: the same summary to the last bit.

const DAY = 86_400_000;

interface Tx {
  c: string | number;
  t: number;
  v: number;
}

const ids = fc.oneof(
  fc.nat(8), // direct-indexed ids
  fc.nat(70).map((i) => (i % 3 === 0 ? i : `id${i}`)), // Map path, more than the initial 16 slots
  fc.nat(5).map((i) => i + 60_000), // direct ids with a large range (per-customer-span pass on the general side)
);
const days = fc.oneof(fc.integer({ min: -5, max: 40 }), fc.integer({ min: -3_000, max: 3_000 }));
const tx = (id: fc.Arbitrary<string | number>) =>
  fc.record({
    c: id,
    t: fc.tuple(days, fc.integer({ min: 0, max: DAY - 1 })).map(([d, ms]) => d * DAY + ms),
    // Cents, negative values included, so that compensation and the sign of zero are exercised.
    v: fc.integer({ min: -100_000, max: 100_000 }).map((cents) => cents / 100),
  });
const key = (c: string | number): string => `${typeof c}:${c}`;
/**
 * A log with each customer's transactions in time order: sorted by time, or grouped by customer and sorted
 * by time within (ties keep their generated order); every row with one kind of id, or mixed.
 */
const sortedLog = fc
  .tuple(
    fc.oneof(
      ids.chain((first) => fc.array(tx(typeof first === 'number' && first < 9 ? fc.nat(8) : ids), { maxLength: 80 })),
      fc.array(tx(ids), { maxLength: 80 }),
    ),
    fc.boolean(),
  )
  .map(([rows, grouped]) => {
    const byTime = [...rows].sort((a, b) => a.t - b.t);
    return grouped ? byTime.sort((a, b) => (key(a.c) < key(b.c) ? -1 : key(a.c) > key(b.c) ? 1 : 0)) : byTime;
  });
const window = fc
  .tuple(fc.integer({ min: -3_000, max: 3_000 }), fc.integer({ min: 0, max: 60 }))
  .map(([cutoff, extra]) => ({
    cutoff,
    end: cutoff + extra,
  }));

/** Both passes on the same columns: [time-order pass, general pass]. */
function bothPasses(
  rows: readonly Tx[],
  withValues: boolean,
  period: Period,
  timeZone: string,
  cutoff: number,
  end: number,
) {
  const indexer = createPeriodIndexer('test', { period, timeZone, weekStartsOn: 1 });
  const columns = readTransactions(
    'test',
    {
      customer: rows.map((r) => r.c),
      time: Float64Array.from(rows, (r) => r.t),
      ...(withValues ? { value: rows.map((r) => r.v) } : {}),
    },
    {},
    timeZone,
    withValues,
  );
  return [
    summarizePeriods('test', columns, indexer, cutoff, end, false),
    summarizePeriods('test', columns, indexer, cutoff, end, true),
  ] as const;
}

/** The holdout fields of a customer with no period after the cutoff are 0 on every pass; `last` matters only with a purchase. */
function comparable(s: PeriodSummary): unknown[] {
  const fields = summaryFields(s);
  const first = fields[2] as number[];
  fields[3] = (fields[3] as number[]).map((last, j) => (first[j] === 0x7fffffff ? null : last));
  return fields;
}

describe('inOrderPass (summarizeSorted): the general passes as its oracle', () => {
  it('gives the same summary, bit for bit, as the general passes on logs in order (days, UTC)', () => {
    fc.assert(
      fc.property(sortedLog, window, fc.boolean(), (rows, { cutoff, end }, withValues) => {
        const [sorted, general] = bothPasses(rows, withValues, 'day', 'UTC', cutoff, end);
        if (rows.length > 0) expect(sorted.store).toBeNull();
        expect(general.store).not.toBeNull();
        const a = comparable(sorted);
        const b = comparable(general);
        // Object.is semantics (toEqual distinguishes −0 from 0 and NaN from numbers): the same bits.
        expect(a).toEqual(b);
      }),
      { numRuns: 400 },
    );
  });

  it('gives summarizeWindow and summarizeSpans their summary, bit for bit, called directly on logs in order', () => {
    fc.assert(
      fc.property(sortedLog, window, fc.boolean(), (rows, { cutoff, end }, withValues) => {
        fc.pre(rows.length > 0);
        const indexer = createPeriodIndexer('test', { period: 'day', timeZone: 'UTC', weekStartsOn: 1 });
        const columns = readTransactions(
          'test',
          {
            customer: rows.map((r) => r.c),
            time: Float64Array.from(rows, (r) => r.t),
            ...(withValues ? { value: rows.map((r) => r.v) } : {}),
          },
          {},
          'UTC',
          withValues,
        );
        const periodsOf = blockPeriods(indexer, columns.minMs, columns.maxMs);
        const sorted = summarizeSorted('test', columns, periodsOf, cutoff, end);
        expect(sorted).not.toBeNull();
        expect(comparable(sorted as PeriodSummary)).toEqual(
          comparable(summarizeSpans('test', columns, periodsOf, cutoff, end)),
        );
        const start = indexer.index(columns.minMs);
        if (start <= end && end - start < MAX_WINDOW) {
          const windowed = summarizeWindow('test', columns, periodsOf, start, cutoff, end);
          if (windowed !== null) expect(comparable(sorted as PeriodSummary)).toEqual(comparable(windowed));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on weeks and months in a zone with daylight saving time', () => {
    fc.assert(
      fc.property(sortedLog, window, fc.constantFrom<Period>('week', 'month'), (rows, { cutoff, end }, period) => {
        const scale = period === 'week' ? 7 : 30;
        const [sorted, general] = bothPasses(
          rows,
          true,
          period,
          'Europe/Bucharest',
          Math.floor(cutoff / scale),
          Math.floor(end / scale),
        );
        expect(comparable(sorted)).toEqual(comparable(general));
      }),
      { numRuns: 200 },
    );
  });

  it('gives way to the general pass when a customer goes back in time, with the same summary', () => {
    fc.assert(
      fc.property(sortedLog, fc.nat(), fc.nat(), window, (rows, at, to, { cutoff, end }) => {
        // Move one transaction before an earlier-in-time transaction of the same customer (within the end).
        const i = rows.length === 0 ? 0 : at % rows.length;
        const later = rows[i] as Tx;
        const earlier = rows.findIndex(
          (r, j) => j < i && key(r.c) === key(later.c) && Math.floor(r.t / DAY) < Math.floor(later.t / DAY),
        );
        fc.pre(earlier >= 0 && Math.floor(later.t / DAY) <= end);
        const moved = [...rows];
        moved.splice(i, 1);
        moved.splice(earlier - (to % (earlier + 1)), 0, later);
        const [summary, general] = bothPasses(moved, true, 'day', 'UTC', cutoff, end);
        expect(summary.store).not.toBeNull();
        expect(comparable(summary)).toEqual(comparable(general));
      }),
      { numRuns: 150 },
    );
  });

  it('agrees on logs in time order longer than its lead (2^16 rows), the rest in place or partitioned by customer', () => {
    // Direct ids that take turns, so the in-order pass partitions what follows its first 65 536 rows; some
    // transactions go past the end, and with moveBack one row after the lead goes back in time.
    const log = fc.record({
      seed: fc.nat(),
      n: fc.integer({ min: 71_000, max: 90_000 }),
      customers: fc.integer({ min: 1, max: 5_000 }),
      days: fc.integer({ min: 1, max: 400 }),
      moveBack: fc.boolean(),
    });
    fc.assert(
      fc.property(
        log,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom<Period>('day', 'week', 'month'),
        (g, a, b, period) => {
          let state = g.seed >>> 0;
          const next = (bound: number) => {
            state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
            return Math.floor((state / 4_294_967_296) * bound);
          };
          const rows: Tx[] = [];
          for (let i = 0; i < g.n; i++)
            rows.push({
              c: next(g.customers),
              t: Math.floor((i / g.n) * g.days * DAY),
              v: (next(20_000) - 5_000) / 100,
            });
          const i = 70_000 + next(g.n - 70_000);
          if (g.moveBack) rows[i] = { ...(rows[i] as Tx), t: 0 };
          const scale = period === 'day' ? 1 : period === 'week' ? 7 : 30;
          const cutoff = Math.floor((Math.min(a, b) * g.days) / scale);
          const end = Math.floor((Math.max(a, b) * g.days) / scale);
          const timeZone = period === 'day' ? 'UTC' : 'Europe/Bucharest';
          const [sorted, general] = bothPasses(rows, true, period, timeZone, cutoff, end);
          expect(comparable(sorted)).toEqual(comparable(general));
          // The same log with the rest partitioned by customer (records this small are otherwise updated in
          // place: cachedRecords 0 forces the partitioned pass), against the same oracle.
          const indexer = createPeriodIndexer('test', { period, timeZone, weekStartsOn: 1 });
          const columns = readTransactions(
            'test',
            {
              customer: Int32Array.from(rows, (r) => r.c as number),
              time: Float64Array.from(rows, (r) => r.t),
              value: Float64Array.from(rows, (r) => r.v),
            },
            {},
            timeZone,
            true,
          );
          const periodsOf = blockPeriods(indexer, columns.minMs, columns.maxMs, end, columns.length);
          const partitioned = summarizeSorted('test', columns, periodsOf, cutoff, end, 0);
          if (g.moveBack && partitioned === null) return;
          expect(partitioned).not.toBeNull();
          expect(comparable(partitioned as PeriodSummary)).toEqual(comparable(general));
        },
      ),
      { numRuns: 8 },
    );
  });

  it('takes the in-order pass for a log grouped by customer (a transaction past the end does not matter)', () => {
    const t = (day: number) => day * DAY;
    const rows: Tx[] = [
      { c: 'b', t: t(1), v: 1 },
      { c: 'b', t: t(4), v: 2 },
      { c: 'b', t: t(99), v: 3 }, // after the end, ignored
      { c: 'a', t: t(0), v: 4 },
      { c: 'a', t: t(0), v: 5 },
      { c: 'a', t: t(6), v: 6 }, // holdout
    ];
    const [summary, general] = bothPasses(rows, true, 'day', 'UTC', 5, 10);
    expect(summary.store).toBeNull();
    expect(comparable(summary)).toEqual(comparable(general));
    expect(Array.from(summary.keys)).toEqual(['b', 'a']);
    expect([Array.from(summary.periods), Array.from(summary.holdoutPeriods)]).toEqual([
      [2, 1],
      [0, 1],
    ]);
  });

  it('reports invalid values and customers at the first offending row, as the general passes do', () => {
    const bad = fc.constantFrom<unknown>(Number.NaN, Infinity, -Infinity, '3', null, true);
    fc.assert(
      fc.property(sortedLog, bad, fc.nat(), fc.constantFrom('v', 'c'), (rows, value, at, field) => {
        fc.pre(rows.length > 0);
        fc.pre(!(field === 'c' && typeof value === 'string'));
        const i = at % rows.length;
        const customer: unknown[] = rows.map((r) => r.c);
        const values: unknown[] = rows.map((r) => r.v);
        (field === 'c' ? customer : values)[i] = value;
        const run = (keep: boolean) => () => {
          const indexer = createPeriodIndexer('test', { period: 'day', timeZone: 'UTC', weekStartsOn: 1 });
          const columns = readTransactions(
            'test',
            { customer, time: Float64Array.from(rows, (r) => r.t), value: values },
            {},
            'UTC',
            true,
          );
          summarizePeriods('test', columns, indexer, 3_000, 3_000, keep);
        };
        let expected: unknown;
        try {
          run(true)();
        } catch (e) {
          expected = e;
        }
        expect(expected).toBeInstanceOf(Error);
        expect(run(false)).toThrow((expected as Error).message);
        expect((expected as Error).message).toContain(`[${i}]`);
      }),
      { numRuns: 150 },
    );
  });
});
