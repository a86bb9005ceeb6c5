import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stickiness } from '../../src/index.ts';
import { oraclePeriod, type OraclePeriod } from './oracle.ts';

// stickiness against a brute-force reference (no code shared with src/): local periods from Intl (oracle.ts),
// per (window, customer) the set of active short periods, and each window's short periods found by stepping
// through its instants hour by hour.

const HOUR = 3_600_000;
const FROM = Date.UTC(2023, 9, 1);
const SPAN = 200 * 24;

const log = fc.array(fc.record({ customer: fc.integer({ min: 0, max: 6 }), hour: fc.integer({ min: 0, max: SPAN }) }), {
  maxLength: 50,
});
const setup = fc.record({
  pair: fc.constantFrom<[OraclePeriod, OraclePeriod]>(
    ['day', 'week'],
    ['day', 'month'],
    ['day', 'quarter'],
    ['month', 'quarter'],
    ['month', 'year'],
  ),
  timeZone: fc.constantFrom('UTC', 'Europe/Bucharest', 'America/New_York'),
  weekStartsOn: fc.integer({ min: 0, max: 6 }),
  end: fc.option(
    fc.integer({ min: 0, max: SPAN }).map((h) => FROM + h * HOUR),
    { nil: undefined },
  ),
});

describe('stickiness against a brute-force reference', () => {
  it('gives every window its distribution of active short periods, MAU and ratio', () => {
    fc.assert(
      fc.property(log, setup, (raw, o) => {
        const [inner, outer] = o.pair;
        const events = raw.map((e) => ({ customer: e.customer, time: FROM + e.hour * HOUR }));
        const result = stickiness(
          { customer: events.map((e) => e.customer), time: events.map((e) => e.time) },
          {
            period: outer,
            activeIn: inner,
            timeZone: o.timeZone,
            weekStartsOn: o.weekStartsOn,
            ...(o.end === undefined ? {} : { observationEnd: o.end }),
          },
        );
        const end = o.end ?? Math.max(...events.map((e) => e.time));
        const kept = events.filter((e) => e.time <= end);
        if (kept.length === 0) {
          expect(result.windows).toEqual([]);
          return;
        }
        const per = (t: number, p: OraclePeriod) => oraclePeriod(t, p, o.timeZone, o.weekStartsOn);
        const active = new Map<number, Map<number, Set<number>>>();
        for (const e of kept) {
          const w = per(e.time, outer).key;
          let byCustomer = active.get(w);
          if (byCustomer === undefined) {
            byCustomer = new Map();
            active.set(w, byCustomer);
          }
          let set = byCustomer.get(e.customer);
          if (set === undefined) {
            set = new Set();
            byCustomer.set(e.customer, set);
          }
          set.add(per(e.time, inner).key);
        }
        const first = Math.min(...kept.map((e) => per(e.time, outer).key));
        const last = per(end, outer).key;
        expect(result.windows).toHaveLength(last - first + 1);
        for (const w of result.windows) {
          const key = per(w.start, outer).key;
          // short periods of the window started by the end: step through its hours
          const shorts = new Set<number>();
          for (let t = w.start; t < w.end && t <= end; t += HOUR) shorts.add(per(t, inner).key);
          expect(w.periods).toBe(shorts.size);
          const byCustomer = active.get(key) ?? new Map<number, Set<number>>();
          const dist = new Array<number>(shorts.size).fill(0);
          for (const s of byCustomer.values()) dist[s.size - 1]!++;
          expect(w.distribution).toEqual(dist);
          expect(w.activeCustomers).toBe(byCustomer.size);
          if (byCustomer.size === 0) expect(w.ratio).toBeNaN();
          else {
            // DAU/MAU the long way: mean over the short periods of (active in it) / MAU
            let sum = 0;
            for (const d of shorts) {
              let dau = 0;
              for (const s of byCustomer.values()) if (s.has(d)) dau++;
              sum += dau / byCustomer.size;
            }
            expect(w.ratio).toBeCloseTo(sum / shorts.size, 12);
            expect(w.ratio > 0 && w.ratio <= 1).toBe(true);
          }
          expect(w.complete).toBe(w.end <= end);
        }
      }),
      { numRuns: 120 },
    );
  });
});
