import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rfmSummary, type RfmSummaryRow } from '../../../src/index.ts';
import { readTransactions } from '../../../src/internal/transactions.ts';
import { LOG_VALUES } from '../../../src/internal/input/values.ts';
import { readEventLog, type EventLog } from '../../../src/internal/input/eventLog.ts';
import { readPeriodSettings, readInstant } from '../../../src/internal/input/settings.ts';
import { blockPeriods } from '../../../src/internal/purchases/blocks.ts';
import { summarizeSorted } from '../../../src/internal/purchases/inOrderPass.ts';
import { hasPurchase, summarizePeriods, type PeriodSummary } from '../../../src/internal/purchases/periodSummary.ts';
import { createPeriodIndexer } from '../../../src/internal/time/indexer.ts';
import type { Period } from '../../../src/internal/time/periodKinds.ts';

// The sink of the in-order and window passes (summarizeSorted, summarizeWindow, via summarizePeriods with a
// sink: each customer straight from its record, in first-seen order, without the summary arrays; what
// rfmSummary builds its rows from) against
// the plain pass it replaces: the same pass without a sink (its summary arrays), and the general passes
// (keepPeriods), to the last bit. Then rfmSummary itself against rows built from the general summary by the
// formulas of the former rfmSummary, on shuffled and in-order logs, in UTC, in a zone with daylight saving time
// and with date-only strings.

const DAY = 86_400_000;

interface Tx {
  c: string | number;
  t: number;
  v: number;
}
type Order = 'as generated' | 'time' | 'customer';

const ids = fc.oneof(
  fc.nat(8), // direct-indexed ids
  fc.nat(70).map((i) => (i % 3 === 0 ? i : `id${i}`)), // Map path
  fc.nat(5).map((i) => i + 60_000), // direct ids with a large range
);
// Few distinct days and instants, so that ties (several transactions at one instant or on one day) are common.
const instant = fc.oneof(
  fc.tuple(fc.integer({ min: -5, max: 40 }), fc.constantFrom(0, 1, 3_600_000, DAY - 1)),
  fc.tuple(fc.integer({ min: -3_000, max: 3_000 }), fc.integer({ min: 0, max: DAY - 1 })),
);
const tx = (id: fc.Arbitrary<string | number>) =>
  fc.record({
    c: id,
    t: instant.map(([d, ms]) => d * DAY + ms),
    v: fc.integer({ min: -100_000, max: 100_000 }).map((cents) => cents / 100),
  });
const key = (c: unknown): string => `${typeof c}:${String(c)}`;
const logs = fc
  .tuple(
    fc.oneof(
      fc.array(tx(ids), { maxLength: 80 }),
      fc.array(tx(fc.nat(8)), { maxLength: 80 }),
      fc.array(tx(fc.constant('solo')), { maxLength: 20 }), // one customer
      fc.constant([] as Tx[]), // empty
    ),
    fc.constantFrom<Order>('as generated', 'time', 'customer'),
  )
  .map(([rows, order]) => {
    if (order === 'as generated') return rows;
    const byTime = [...rows].sort((a, b) => a.t - b.t);
    return order === 'time' ? byTime : byTime.sort((a, b) => (key(a.c) < key(b.c) ? -1 : key(a.c) > key(b.c) ? 1 : 0));
  });
const window = fc
  .tuple(fc.integer({ min: -3_000, max: 3_000 }), fc.integer({ min: 0, max: 60 }))
  .map(([cutoff, extra]) => ({ cutoff, end: cutoff + extra }));

type SunkRow = [unknown, number, number, number, number];

/** The customers with a purchase ≤ cutoff of a summary, as the sink receives them (repeat sum 0 without values). */
function summaryRows(s: PeriodSummary): SunkRow[] {
  const out: SunkRow[] = [];
  for (let j = 0; j < s.count; j++) {
    if (!hasPurchase(s, j)) continue;
    out.push([
      s.keys[j],
      s.first[j] as number,
      s.last[j] as number,
      s.periods[j] as number,
      s.repeatValue === null ? 0 : (s.repeatValue[j] as number),
    ]);
  }
  return out;
}

function columnsOf(rows: readonly Tx[], withValues: boolean, timeZone: string, typed: boolean): EventLog {
  const direct = typed && rows.every((r) => typeof r.c === 'number');
  return readTransactions(
    'test',
    {
      customer: direct ? Int32Array.from(rows, (r) => r.c as number) : rows.map((r) => r.c),
      time: Float64Array.from(rows, (r) => r.t),
      ...(withValues ? { value: typed ? Float64Array.from(rows, (r) => r.v) : rows.map((r) => r.v) } : {}),
    },
    {},
    timeZone,
    withValues,
  );
}

/** summarizePeriods with a sink: what the sink received, then the rows of the summary it returned. */
function withSink(columns: EventLog, period: Period, timeZone: string, cutoff: number, end: number) {
  const indexer = createPeriodIndexer('test', { period, timeZone, weekStartsOn: 1 });
  const sunk: SunkRow[] = [];
  const summary = summarizePeriods('test', columns, indexer, cutoff, end, false, (c, f, l, p, r) =>
    sunk.push([c, f, l, p, r]),
  );
  return { sunk, summary, indexer };
}

describe('the in-order and window passes with a sink: the plain passes as their oracle', () => {
  it('hands over exactly the customers of the summary, in its order and to the last bit, on any log (days, UTC)', () => {
    fc.assert(
      fc.property(logs, window, fc.boolean(), fc.boolean(), (rows, { cutoff, end }, withValues, typed) => {
        const columns = columnsOf(rows, withValues, 'UTC', typed);
        const { sunk, summary, indexer } = withSink(columns, 'day', 'UTC', cutoff, end);
        // Either the in-order pass took the log (all rows sunk, an empty summary) or a general pass did (none sunk).
        if (sunk.length > 0) expect(summary.count).toBe(0);
        const plain = summarizePeriods('test', columns, indexer, cutoff, end, false);
        const general = summarizePeriods('test', columns, indexer, cutoff, end, true);
        // Object.is semantics: the same bits (−0 and 0 differ).
        expect([...sunk, ...summaryRows(summary)]).toEqual(summaryRows(plain));
        expect([...sunk, ...summaryRows(summary)]).toEqual(summaryRows(general));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees on weeks and months in a zone with daylight saving time', () => {
    fc.assert(
      fc.property(logs, window, fc.constantFrom<Period>('week', 'month'), (rows, { cutoff, end }, period) => {
        const scale = period === 'week' ? 7 : 30;
        const [c, e] = [Math.floor(cutoff / scale), Math.floor(end / scale)];
        const columns = columnsOf(rows, true, 'America/New_York', true);
        const { sunk, summary, indexer } = withSink(columns, period, 'America/New_York', c, e);
        const general = summarizePeriods('test', columns, indexer, c, e, true);
        expect([...sunk, ...summaryRows(summary)]).toEqual(summaryRows(general));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees on logs in time order longer than its lead (2^16 rows), in place and partitioned by customer', () => {
    const log = fc.record({
      seed: fc.nat(),
      n: fc.integer({ min: 66_000, max: 80_000 }),
      customers: fc.integer({ min: 1, max: 5_000 }),
      days: fc.integer({ min: 1, max: 400 }),
    });
    fc.assert(
      fc.property(log, fc.double({ min: 0, max: 1, noNaN: true }), (g, a) => {
        let state = g.seed >>> 0;
        const next = (bound: number) => {
          state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
          return Math.floor((state / 4_294_967_296) * bound);
        };
        const rows: Tx[] = [];
        for (let i = 0; i < g.n; i++)
          rows.push({ c: next(g.customers), t: Math.floor((i / g.n) * g.days * DAY), v: (next(20_000) - 5_000) / 100 });
        const end = Math.floor(a * g.days);
        const indexer = createPeriodIndexer('test', { period: 'day', timeZone: 'UTC', weekStartsOn: 1 });
        const columns = columnsOf(rows, true, 'UTC', true);
        const periodsOf = blockPeriods(indexer, columns.minMs, columns.maxMs, end, columns.length);
        const general = summaryRows(summarizePeriods('test', columns, indexer, end, end, true));
        for (const cached of [undefined, 0]) {
          const sunk: SunkRow[] = [];
          const s = summarizeSorted('test', columns, periodsOf, end, end, cached, (c, f, l, p, r) =>
            sunk.push([c, f, l, p, r]),
          );
          expect(s?.count).toBe(0);
          expect(sunk).toEqual(general);
        }
      }),
      { numRuns: 6 },
    );
  });

  it('hands over nothing and returns an empty summary for an empty log, and skips customers with only holdout periods', () => {
    const columns = columnsOf([], true, 'UTC', true);
    expect(withSink(columns, 'day', 'UTC', 5, 5).sunk).toEqual([]);
    const late = columnsOf(
      [
        { c: 1, t: 2 * DAY, v: 1 },
        { c: 2, t: 7 * DAY, v: 2 }, // holdout only
        { c: 1, t: 8 * DAY, v: 3 },
      ],
      true,
      'UTC',
      true,
    );
    const { sunk, summary } = withSink(late, 'day', 'UTC', 5, 10);
    expect(summary.count).toBe(0);
    expect(sunk).toEqual([[1, 2, 2, 1, 0]]);
  });
});

/** rfmSummary as it was built before the sink: rows from the general summary (keepPeriods), same formulas. */
function formerRfmSummary(input: unknown, options: Record<string, unknown>): RfmSummaryRow[] {
  const settings = readPeriodSettings('rfmSummary', options);
  const columns = readEventLog('rfmSummary', input, options, {
    name: 'transactions',
    timeZone: settings.timeZone,
    value: LOG_VALUES,
    deferValueCheck: true,
  });
  const endMs = readInstant('rfmSummary', 'options.observationEnd', options.observationEnd, settings.timeZone, columns);
  if (columns.length === 0 || !Number.isFinite(endMs)) return [];
  const { indexer, unitDays } = settings;
  const end = indexer.index(endMs);
  const s = summarizePeriods('rfmSummary', columns, indexer, end, end, true);
  const endDay = indexer.firstDay(end);
  const out: RfmSummaryRow[] = [];
  for (let j = 0; j < s.count; j++) {
    if (!hasPurchase(s, j)) continue;
    const firstDay = indexer.firstDay(s.first[j] as number);
    const frequency = (s.periods[j] as number) - 1;
    out.push({
      customer: s.keys[j] as string | number,
      frequency,
      recency: (indexer.firstDay(s.last[j] as number) - firstDay) / unitDays,
      T: (endDay - firstDay) / unitDays,
      monetaryValue:
        s.repeatValue === null ? Number.NaN : frequency === 0 ? 0 : (s.repeatValue[j] as number) / frequency,
    });
  }
  return out;
}

describe('rfmSummary on the sink: the former row building as its oracle', () => {
  it('gives the same rows, bit for bit, for rows and columns, in UTC and New York, with dates and date-only strings', () => {
    fc.assert(
      fc.property(
        logs,
        fc.integer({ min: -10, max: 50 }),
        fc.constantFrom('UTC', 'America/New_York'),
        fc.constantFrom('day', 'week', 'month'),
        fc.constantFrom('day', 'week', 'year'),
        fc.boolean(),
        fc.boolean(),
        (rows, endDay, timeZone, period, unit, withValues, dateOnly) => {
          // Date-only strings: every transaction at the start of its (UTC) day, written as `YYYY-MM-DD`.
          const times = rows.map((r) =>
            dateOnly ? new Date(Math.floor(r.t / DAY) * DAY).toISOString().slice(0, 10) : r.t,
          );
          const observationEnd = dateOnly
            ? new Date(endDay * DAY).toISOString().slice(0, 10)
            : endDay * DAY + 7_200_000;
          const settings = { observationEnd, timeZone, period, unit } as const;
          const asRows = rows.map((r, i) => ({ c: r.c, t: times[i], v: r.v }));
          const rowOptions = { ...settings, customer: 'c', time: 't', ...(withValues ? { value: 'v' } : {}) };
          expect(rfmSummary(asRows, rowOptions)).toEqual(formerRfmSummary(asRows, rowOptions));
          const direct = rows.every((r) => typeof r.c === 'number');
          const columns = {
            customer: direct ? Int32Array.from(rows, (r) => r.c as number) : rows.map((r) => r.c),
            time: dateOnly ? times : Float64Array.from(rows, (r) => r.t),
            ...(withValues ? { value: Float64Array.from(rows, (r) => r.v) } : {}),
          };
          expect(rfmSummary(columns, settings)).toEqual(formerRfmSummary(columns, settings));
        },
      ),
      { numRuns: 300 },
    );
  });
});
