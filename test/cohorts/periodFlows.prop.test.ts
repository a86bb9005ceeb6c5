import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerLifecycle, periodRetention } from '../../src/index.ts';
import { deepFreeze } from '../helpers/expectClose.ts';
import { oraclePeriod, type OraclePeriod } from './oracle.ts';

// periodRetention and customerLifecycle against a brute-force reference that shares no code with src/: local
// periods from Intl (oracle.ts), per customer the set of active period keys, and every count taken straight
// from its definition by set lookups (no difference arrays, no bitset).

const HALF_HOUR = 1_800_000;
const FROM = Date.UTC(2023, 8, 1);
const SPAN = 500 * 48;

const log = fc.array(
  fc.record({
    customer: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constantFrom('a', 'b', 'c')),
    slot: fc.integer({ min: 0, max: SPAN }),
    nudge: fc.constantFrom(0, 0, -1, 1),
  }),
  { maxLength: 60 },
);

const setup = fc.record({
  period: fc.constantFrom<OraclePeriod>('day', 'week', 'month', 'quarter'),
  timeZone: fc.constantFrom('UTC', 'Europe/Bucharest', 'America/New_York'),
  weekStartsOn: fc.integer({ min: 0, max: 6 }),
  window: fc.integer({ min: 1, max: 4 }),
  end: fc.option(
    fc.integer({ min: 0, max: SPAN }).map((s) => FROM + s * HALF_HOUR),
    { nil: undefined },
  ),
  from: fc.option(
    fc.integer({ min: 0, max: SPAN }).map((s) => FROM + s * HALF_HOUR),
    { nil: undefined },
  ),
  shape: fc.constantFrom('rows', 'columns'),
});

interface Expected {
  label: string;
  S: number;
  E: number;
  N: number;
  retained: number;
  reactivated: number;
  lost: number;
  active: number;
}

function reference(
  events: { customer: string | number; time: number }[],
  o: {
    period: OraclePeriod;
    timeZone: string;
    weekStartsOn: number;
    window: number;
    end?: number | undefined;
    from?: number | undefined;
  },
): Expected[] {
  const end = o.end ?? Math.max(...events.map((e) => e.time));
  const kept = events.filter((e) => e.time <= end);
  if (kept.length === 0) return [];
  const key = (t: number) => oraclePeriod(t, o.period, o.timeZone, o.weekStartsOn);
  const sets = new Map<string | number, Set<number>>();
  for (const e of kept) {
    const k = key(e.time).key;
    let s = sets.get(e.customer);
    if (s === undefined) {
      s = new Set();
      sets.set(e.customer, s);
    }
    s.add(k);
  }
  const firstKey = Math.min(...kept.map((e) => key(e.time).key));
  const endKey = key(end).key;
  const fromKey = o.from === undefined ? firstKey : Math.max(firstKey, key(o.from).key);
  // labels of every key: step through instants by half hours is too slow; find one instant per key instead
  const labels = new Map<number, string>();
  for (let t = FROM - 400 * 86_400_000; t <= end + 86_400_000; t += 6 * 3_600_000) {
    const p = key(t);
    if (!labels.has(p.key)) labels.set(p.key, p.label);
  }
  const w = o.window;
  const any = (s: Set<number>, lo: number, hi: number) => {
    for (let k = lo; k <= hi; k++) if (s.has(k)) return true;
    return false;
  };
  const out: Expected[] = [];
  for (let p = fromKey; p <= endKey; p++) {
    const row: Expected = {
      label: labels.get(p) as string,
      S: 0,
      E: 0,
      N: 0,
      retained: 0,
      reactivated: 0,
      lost: 0,
      active: 0,
    };
    for (const s of sets.values()) {
      const first = Math.min(...s);
      const atStart = any(s, p - w, p - 1);
      const atEnd = any(s, p - w + 1, p);
      const isNew = first === p;
      if (s.has(p)) row.active++;
      if (atStart) row.S++;
      if (atEnd) row.E++;
      if (isNew) row.N++;
      if (atStart && atEnd) row.retained++;
      if (atStart && !atEnd) row.lost++;
      if (atEnd && !atStart && !isNew && first < p - w) row.reactivated++;
    }
    out.push(row);
  }
  return out;
}

describe('periodRetention and customerLifecycle against a brute-force reference', () => {
  it('agree on every period, for rows and columns, in any zone and window', () => {
    fc.assert(
      fc.property(log, setup, (raw, o) => {
        const events = raw.map((e) => ({ customer: e.customer, time: FROM + e.slot * HALF_HOUR + e.nudge }));
        const expected = reference(events, o);
        const settings = {
          period: o.period,
          timeZone: o.timeZone,
          weekStartsOn: o.weekStartsOn,
          ...(o.end === undefined ? {} : { observationEnd: o.end }),
          ...(o.from === undefined ? {} : { from: o.from }),
        };
        const input =
          o.shape === 'rows'
            ? deepFreeze(events.map((e) => ({ id: e.customer, at: new Date(e.time).toISOString() })))
            : { customer: events.map((e) => e.customer), time: events.map((e) => e.time) };
        const accessors = o.shape === 'rows' ? { customer: 'id', time: 'at' } : {};
        const pr = periodRetention(input as never, { ...accessors, ...settings, activityWindow: o.window });
        expect(
          pr.periods.map((r) => ({
            label: r.label,
            S: r.customersAtStart,
            E: r.customersAtEnd,
            N: r.newCustomers,
            retained: r.retained,
            reactivated: r.reactivated,
            lost: r.lost,
          })),
        ).toEqual(expected.map(({ active: _, ...rest }) => rest));
        for (const r of pr.periods) {
          // the identities of the contract
          expect(r.customersAtEnd).toBe(r.retained + r.reactivated + r.newCustomers);
          expect(r.customersAtStart).toBe(r.retained + r.lost);
          if (r.customersAtStart > 0) {
            expect(r.retentionRate).toBeCloseTo((r.customersAtEnd - r.newCustomers) / r.customersAtStart, 12);
            expect(r.retainedRate).toBeLessThanOrEqual(r.retentionRate);
          } else expect(r.retentionRate).toBeNaN();
          expect(r.complete).toBe(pr.observationEnd !== null && r.end <= pr.observationEnd);
        }
        if (o.window === 1) {
          const lc = customerLifecycle(input as never, { ...accessors, ...settings });
          expect(lc.periods.map((r) => r.active)).toEqual(expected.map((r) => r.active));
          lc.periods.forEach((r, i) => {
            expect(r.new + r.returning + r.resurrecting).toBe(r.active);
            const prev = pr.periods[i] as (typeof pr.periods)[number];
            expect([r.new, r.returning, r.resurrecting, r.dormant]).toEqual([
              prev.newCustomers,
              prev.retained,
              prev.reactivated,
              prev.lost,
            ]);
            const before = lc.periods[i - 1];
            if (before !== undefined) expect(r.returning + r.dormant).toBe(before.active);
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a longer activity window never loses more customers in a period than a shorter one starts with', () => {
    fc.assert(
      fc.property(log, fc.integer({ min: 1, max: 3 }), (raw, w) => {
        const columns = { customer: raw.map((e) => e.customer), time: raw.map((e) => FROM + e.slot * HALF_HOUR) };
        const a = periodRetention(columns, { period: 'week', activityWindow: w }).periods;
        const b = periodRetention(columns, { period: 'week', activityWindow: w + 1 }).periods;
        a.forEach((r, i) => {
          const s = b[i] as (typeof b)[number];
          // a wider window keeps everyone the narrower one counts at the start and at the end
          expect(s.customersAtStart).toBeGreaterThanOrEqual(r.customersAtStart);
          expect(s.customersAtEnd).toBeGreaterThanOrEqual(r.customersAtEnd);
          expect(s.newCustomers).toBe(r.newCustomers);
        });
      }),
      { numRuns: 100 },
    );
  });
});
