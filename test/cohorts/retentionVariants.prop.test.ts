import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortRetention } from '../../src/index.ts';
import { oraclePeriod, type OraclePeriod } from './oracle.ts';

// minEvents, membership: 'recurring' and reference: 'previous' against a brute-force reference sharing no code
// with src/: local periods from Intl (oracle.ts), per customer a map period → number of events, and every
// count taken from its definition.

const HOUR = 3_600_000;
const FROM = Date.UTC(2023, 10, 1);
const SPAN = 120 * 24;

const log = fc.array(fc.record({ customer: fc.integer({ min: 0, max: 8 }), hour: fc.integer({ min: 0, max: SPAN }) }), {
  minLength: 1,
  maxLength: 60,
});
const setup = fc.record({
  period: fc.constantFrom<OraclePeriod>('day', 'week', 'month'),
  timeZone: fc.constantFrom('UTC', 'Europe/Bucharest', 'America/New_York'),
  minEvents: fc.integer({ min: 1, max: 3 }),
  recurring: fc.boolean(),
  mode: fc.constantFrom('on' as const, 'onOrAfter' as const),
});

function reference(
  events: { customer: number; time: number }[],
  o: { period: OraclePeriod; timeZone: string; minEvents: number; recurring: boolean; mode: 'on' | 'onOrAfter' },
): Map<string, { size: number; counts: number[] }> {
  const key = (t: number) => oraclePeriod(t, o.period, o.timeZone, 1);
  const end = Math.max(...events.map((e) => e.time));
  const endKey = key(end).key;
  const perCustomer = new Map<number, Map<number, number>>();
  const labels = new Map<number, string>();
  for (const e of events) {
    const p = key(e.time);
    labels.set(p.key, p.label);
    let m = perCustomer.get(e.customer);
    if (m === undefined) {
      m = new Map();
      perCustomer.set(e.customer, m);
    }
    m.set(p.key, (m.get(p.key) ?? 0) + 1);
  }
  const rows = new Map<string, { size: number; counts: number[] }>();
  for (const m of perCustomer.values()) {
    const activeKeys = [...m.entries()].filter(([, n]) => n >= o.minEvents).map(([p]) => p);
    const starts = o.recurring ? activeKeys : [Math.min(...m.keys())];
    for (const s of starts) {
      const label = labels.get(s) as string;
      let row = rows.get(label);
      if (row === undefined) {
        row = { size: 0, counts: new Array<number>(endKey - s + 1).fill(0) };
        rows.set(label, row);
      }
      row.size++;
      for (let k = 0; k <= endKey - s; k++) {
        const hit = o.mode === 'on' ? activeKeys.includes(s + k) : activeKeys.some((p) => p >= s + k);
        if (hit) row.counts[k]!++;
      }
    }
  }
  return rows;
}

describe('cohortRetention variants against a brute-force reference', () => {
  it('minEvents and recurring memberships give the reference counts, for rows and columns', () => {
    fc.assert(
      fc.property(log, setup, fc.boolean(), (raw, o, asRows) => {
        const events = raw.map((e) => ({ customer: e.customer, time: FROM + e.hour * HOUR }));
        // minEvents counts what the index counts: rows here (purchasePeriod 'event'), as the reference does.
        const settings = { period: o.period, timeZone: o.timeZone, purchasePeriod: 'event' as const };
        const index = asRows
          ? buildCohorts(
              events.map((e) => ({ id: e.customer, at: new Date(e.time) })),
              { customer: 'id', time: 'at', ...settings },
            )
          : buildCohorts({ customer: events.map((e) => e.customer), time: events.map((e) => e.time) }, settings);
        const m = cohortRetention(JSON.parse(JSON.stringify(index)), {
          minEvents: o.minEvents,
          membership: o.recurring ? 'recurring' : 'first',
          mode: o.mode,
        });
        const expected = reference(events, o);
        expect(new Map(m.cohorts.map((c) => [c.label, { size: c.size, counts: c.counts }]))).toEqual(expected);
        for (const c of m.cohorts) for (const r of c.rates) expect(r >= 0 && r <= 1).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('minEvents with rolling windows counts the cells of the index with enough events', () => {
    fc.assert(
      fc.property(log, fc.integer({ min: 1, max: 3 }), (raw, n) => {
        const columns = { customer: raw.map((e) => e.customer), time: raw.map((e) => FROM + e.hour * HOUR) };
        const opts = { period: 'week' as const, windows: 'rolling' as const };
        const index = buildCohorts(columns, opts);
        const m = cohortRetention(index, { minEvents: n });
        const counts = index.cohorts.map((c) => new Array<number>(c.columns).fill(0));
        index.customers.forEach((_id, i) => {
          const row = counts[index.customerCohort[i] as number] as number[];
          for (let j = index.cellStart[i] as number; j < (index.cellStart[i + 1] as number); j++)
            if ((index.cellEvents[j] as number) >= n) row[index.cellColumn[j] as number]!++;
        });
        expect(m.cohorts.map((c) => c.counts)).toEqual(counts);
      }),
      { numRuns: 100 },
    );
  });

  it("reference 'previous' divides each column by the one before, and its intervals hold the rate", () => {
    fc.assert(
      fc.property(log, (raw) => {
        const columns = { customer: raw.map((e) => e.customer), time: raw.map((e) => FROM + e.hour * HOUR) };
        const index = buildCohorts(columns, { period: 'week' });
        const base = cohortRetention(index, { mode: 'onOrAfter' });
        const prev = cohortRetention(index, {
          mode: 'onOrAfter',
          reference: 'previous',
          confidenceLevel: 0.9,
        });
        prev.cohorts.forEach((c, i) => {
          const b = base.cohorts[i] as (typeof base.cohorts)[number];
          expect(c.counts).toEqual(b.counts);
          c.rates.forEach((r, k) => {
            const d = k === 0 ? c.size : (c.counts[k - 1] as number);
            if (d === 0) expect(r).toBeNaN();
            else {
              expect(r).toBeCloseTo((c.counts[k] as number) / d, 12);
              expect((c.lower?.[k] as number) <= r && r <= (c.upper?.[k] as number)).toBe(true);
            }
          });
        });
      }),
      { numRuns: 100 },
    );
  });
});
