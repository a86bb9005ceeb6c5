import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCohorts, retentionMatrix } from '../../../src/index.ts';

// The marking passes of the cohort kernel (src/internal/cohorts/activityBits.ts) against each other: rolling
// windows take a first pass then a mark pass that tests only the bit when every event starts and returns by the
// observation end (direct integer ids, or dense slots of text ids), and tests each event otherwise (a startEvent
// filter, or events after the end), in any order;
// calendar periods off the direct path read periods a block at a time. Every pair must give the same matrix.

const HOUR = 3_600_000;
const FROM = Date.UTC(2024, 2, 20); // spans the 2024 DST change of Bucharest and New York

const log = fc.array(
  fc.record({
    customer: fc.integer({ min: 0, max: 9 }),
    hour: fc.integer({ min: 0, max: 24 * 40 }),
    v: fc.double({ min: 0, max: 100, noNaN: true }),
  }),
  { minLength: 1, maxLength: 60 },
);
const setup = fc.record({
  period: fc.constantFrom('day' as const, 'week' as const, 'month' as const),
  timeZone: fc.constantFrom('UTC', 'Europe/Bucharest', 'America/New_York'),
  mode: fc.constantFrom('on' as const, 'onOrAfter' as const),
  seed: fc.integer(),
});

type Ev = { customer: number; hour: number; v: number };

function shuffled<T>(a: readonly T[], seed: number): T[] {
  const out = [...a];
  let x = seed | 1;
  for (let i = out.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1_103_515_245) + 12_345) | 0;
    const j = (x >>> 1) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
const columns = (evs: readonly Ev[], text: boolean) => ({
  customer: evs.map((e) => (text ? `c${e.customer}` : e.customer)),
  time: Float64Array.from(evs, (e) => FROM + e.hour * HOUR + (e.customer % 3) * 60_000),
  value: Float64Array.from(evs, (e) => e.v),
});
const cohorts = (m: ReturnType<typeof retentionMatrix>) =>
  m.cohorts.map((c) => [c.label, c.size, c.counts, c.complete]);

describe('cohort marking passes agree', () => {
  it('rolling windows: in order, shuffled, text ids, typed ids and a start filter give one matrix', () => {
    fc.assert(
      fc.property(log, setup, (events, s) => {
        const sorted = [...events].sort((a, b) => a.hour - b.hour || a.customer - b.customer);
        const options = { period: s.period, windows: 'rolling', timeZone: s.timeZone, mode: s.mode } as const;
        const reference = cohorts(retentionMatrix(columns(sorted, false), options));
        const mixed = shuffled(sorted, s.seed);
        expect(cohorts(retentionMatrix(columns(mixed, false), options))).toEqual(reference);
        expect(cohorts(retentionMatrix(columns(sorted, true), options))).toEqual(reference);
        expect(cohorts(retentionMatrix(columns(mixed, true), options))).toEqual(reference);
        const typed = columns(mixed, false);
        expect(
          cohorts(retentionMatrix({ ...typed, customer: Int32Array.from(typed.customer as number[]) }, options)),
        ).toEqual(reference);
        expect(cohorts(retentionMatrix(columns(mixed, false), { ...options, startEvent: () => true }))).toEqual(
          reference,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('rolling windows over longer logs: shuffled as in order, with events after the end and filters', () => {
    // Longer logs, some events after the observation end and, with a return filter, some events that do not
    // count as activity: the checked mark pass in every order and through the flags.
    const long = fc.record({
      seed: fc.integer(),
      n: fc.integer({ min: 1_025, max: 4_000 }),
      customers: fc.integer({ min: 1, max: 400 }),
      hours: fc.integer({ min: 1, max: 24 * 90 }),
      endHour: fc.integer({ min: 0, max: 24 * 90 }),
    });
    fc.assert(
      fc.property(long, setup, (g, s) => {
        let x = g.seed | 1;
        const next = (bound: number) => {
          x = (Math.imul(x, 1_103_515_245) + 12_345) | 0;
          return (x >>> 1) % bound;
        };
        const events: Ev[] = Array.from({ length: g.n }, () => ({
          customer: next(g.customers),
          hour: next(g.hours),
          v: next(100),
        }));
        const sorted = [...events].sort((a, b) => a.hour - b.hour || a.customer - b.customer);
        const options = {
          period: s.period,
          windows: 'rolling',
          timeZone: s.timeZone,
          mode: 'on',
          observationEnd: FROM + g.endHour * HOUR,
        } as const;
        const reference = cohorts(retentionMatrix(columns(sorted, false), options));
        const mixed = shuffled(sorted, s.seed);
        expect(cohorts(retentionMatrix(columns(mixed, false), options))).toEqual(reference);
        // Every event returns by the filter: the same matrix through the flags.
        const all = { ...options, returnEvent: () => true };
        expect(cohorts(retentionMatrix(columns(mixed, true), all))).toEqual(reference);
        // Every other event of the sorted log returns (the same events in the shuffled one): same matrix.
        const keep = sorted.map((_, i) => i % 2 === 0);
        const byOrder = new Map<Ev, boolean>(sorted.map((e, i) => [e, keep[i] as boolean]));
        const mixedKeep = mixed.map((e) => byOrder.get(e) as boolean);
        const filtered = (evs: readonly Ev[], flags: readonly boolean[]) =>
          cohorts(
            retentionMatrix(columns(evs, false), {
              ...options,
              returnEvent: (_: unknown, i: number) => flags[i] === true,
            }),
          );
        expect(filtered(mixed, mixedKeep)).toEqual(filtered(sorted, keep));
      }),
      { numRuns: 25 },
    );
  });

  it('calendar periods: the direct path and the block lookup of dense slots give one matrix and one build', () => {
    fc.assert(
      fc.property(log, setup, (events, s) => {
        const mixed = shuffled(events, s.seed);
        const options = { period: s.period, timeZone: s.timeZone, mode: s.mode } as const;
        const direct = cohorts(retentionMatrix(columns(mixed, false), options));
        expect(cohorts(retentionMatrix(columns(mixed, true), options))).toEqual(direct);
        expect(cohorts(retentionMatrix(columns(mixed, false), { ...options, returnEvent: () => true }))).toEqual(
          direct,
        );
        // per-cell totals (the block lookup of addTotals) against the cells of text ids
        const a = buildCohorts(columns(mixed, false), { period: s.period, timeZone: s.timeZone });
        const b = buildCohorts(columns(mixed, true), { period: s.period, timeZone: s.timeZone });
        expect(a.cohorts.map((c) => c.size)).toEqual(b.cohorts.map((c) => c.size));
        expect(JSON.stringify(a.cohorts)).toEqual(JSON.stringify(b.cohorts).replace(/"c(\d)"/g, '$1'));
      }),
      { numRuns: 200 },
    );
  });
});
