import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortRetention, retentionMatrix } from '../../../src/index.ts';
import { oracleRetention, type OraclePeriod } from '../../cohorts/oracle.ts';

// Rolling windows in mode `on` (src/internal/cohorts/activityBits.ts): retentionMatrix counts into a table by
// cohort key while it marks (a first-event pass, then one marking pass that tests nothing when every event
// starts and returns by the observation end); cohortRetention(buildCohorts(…)) takes the plain pass (bits
// tested per event, per-slot rows, counts from the cells). Both against the brute-force oracle of
// test/cohorts/oracle.ts, for logs shuffled and in time order, ties, one customer, empty logs, zones with DST
// changes, date-only logs and observation ends before, among and after the events; and the fallback that
// counts from the bits when the table by key would be too large (a span of years with few customers).

const HOUR = 3_600_000;
const DAY = 86_400_000;
const FROM = Date.UTC(2024, 2, 20); // spans the 2024 DST changes of Bucharest (March 31) and New York (March 10 / Nov 3)

interface Ev {
  readonly customer: number;
  readonly time: number;
}

const events = (maxHour: number, maxCustomer: number) =>
  fc.array(
    fc
      .record({
        customer: fc.integer({ min: 0, max: maxCustomer }),
        hour: fc.integer({ min: 0, max: maxHour }),
        nudge: fc.constantFrom(0, 0, -1, 1),
      })
      .map(
        ({ customer, hour, nudge }): Ev => ({
          customer,
          time: FROM + hour * HOUR + nudge,
        }),
      ),
    { minLength: 0, maxLength: 80 },
  );
const setup = fc.record({
  period: fc.constantFrom('day' as const, 'week' as const, 'month' as const),
  timeZone: fc.constantFrom('UTC', 'Europe/Bucharest', 'America/New_York'),
  order: fc.constantFrom('time' as const, 'shuffled' as const, 'reversed' as const),
  // observation end: none, or an instant in hours from FROM (before, among or after the events)
  endHour: fc.option(fc.integer({ min: -48, max: 24 * 70 }), {
    nil: undefined,
  }),
  seed: fc.integer(),
});

function ordered(evs: readonly Ev[], order: 'time' | 'shuffled' | 'reversed', seed: number): Ev[] {
  const sorted = [...evs].sort((a, b) => a.time - b.time || a.customer - b.customer);
  if (order === 'time') return sorted;
  if (order === 'reversed') return sorted.reverse();
  let x = seed | 1;
  for (let i = sorted.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1_103_515_245) + 12_345) | 0;
    const j = (x >>> 1) % (i + 1);
    [sorted[i], sorted[j]] = [sorted[j] as Ev, sorted[i] as Ev];
  }
  return sorted;
}

const rows = (m: {
  cohorts: readonly {
    label: string;
    size: number;
    counts: number[];
    complete: boolean[];
  }[];
}) =>
  m.cohorts.map((c) => ({
    label: c.label,
    size: c.size,
    counts: c.counts,
    complete: c.complete,
  }));

function check(evs: readonly Ev[], period: OraclePeriod, timeZone: string, end: number | undefined): void {
  const expected = oracleRetention(
    evs.map((e) => ({
      customer: e.customer,
      time: e.time,
      start: true,
      active: true,
    })),
    {
      period,
      windows: 'rolling',
      timeZone,
      weekStartsOn: 1,
      mode: 'on',
      ...(end === undefined ? {} : { observationEnd: end }),
    },
  );
  const options = {
    period,
    windows: 'rolling',
    timeZone,
    ...(end === undefined ? {} : { observationEnd: new Date(end).toISOString() }),
  } as const;
  const columns = {
    customer: Int32Array.from(evs, (e) => e.customer),
    time: Float64Array.from(evs, (e) => e.time),
  };
  const counted = rows(retentionMatrix(columns, options));
  expect(counted).toEqual(rows(expected));
  // the plain pass: per-slot rows and cells (no counting while marking)
  expect(rows(cohortRetention(buildCohorts(columns, options), { mode: 'on' }))).toEqual(counted);
  // dense slots (text ids) and plain arrays take the same counted pass through another door
  const text = {
    customer: evs.map((e) => `c${e.customer}`),
    time: evs.map((e) => e.time),
  };
  expect(rows(retentionMatrix(text, options))).toEqual(counted);
}

describe('rolling retention counted by cohort key', () => {
  it('equals the oracle and the plain pass: in order, shuffled, reversed, ties, zones, observation ends', () => {
    fc.assert(
      fc.property(events(24 * 60, 9), setup, (evs, s) => {
        const end = s.endHour === undefined ? undefined : FROM + s.endHour * HOUR;
        check(ordered(evs, s.order, s.seed), s.period, s.timeZone, end);
      }),
      { numRuns: 300 },
    );
  });

  it('one customer, and every event at one instant (ties)', () => {
    fc.assert(
      fc.property(events(24 * 30, 0), setup, (evs, s) => {
        check(ordered(evs, s.order, s.seed), s.period, s.timeZone, undefined);
        const tied = evs.map((_, i) => ({
          customer: i % 3,
          time: FROM + 5 * HOUR,
        }));
        check(tied, s.period, s.timeZone, undefined);
      }),
      { numRuns: 100 },
    );
  });

  it('an empty log, and a log whose events all come after the observation end', () => {
    expect(
      rows(retentionMatrix({ customer: new Int32Array(0), time: new Float64Array(0) }, { windows: 'rolling' })),
    ).toEqual([]);
    check([], 'day', 'UTC', FROM);
    check([{ customer: 0, time: FROM + DAY }], 'day', 'Europe/Bucharest', FROM);
    check(
      [
        { customer: 1, time: FROM + DAY },
        { customer: 0, time: FROM - DAY },
        { customer: 0, time: FROM + 2 * DAY },
      ],
      'day',
      'UTC',
      FROM,
    );
  });

  it('a date-only log: its latest day is observed whole, the same in every order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            customer: fc.integer({ min: 0, max: 5 }),
            day: fc.integer({ min: 0, max: 40 }),
          }),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        setup,
        (evs, s) => {
          const dates = ordered(
            evs.map((e) => ({
              customer: e.customer,
              time: FROM + e.day * DAY,
            })),
            s.order,
            s.seed,
          );
          const at = dates.map((e) => new Date(e.time).toISOString().slice(0, 10));
          const options = {
            period: s.period,
            windows: 'rolling',
            timeZone: s.timeZone,
          } as const;
          const m = rows(retentionMatrix({ customer: dates.map((e) => e.customer), time: at }, options));
          const sorted = ordered(dates, 'time', 0);
          const reference = rows(
            retentionMatrix(
              {
                customer: sorted.map((e) => e.customer),
                time: sorted.map((e) => new Date(e.time).toISOString().slice(0, 10)),
              },
              options,
            ),
          );
          expect(m).toEqual(reference);
          expect(
            rows(
              cohortRetention(buildCohorts({ customer: dates.map((e) => e.customer), time: at }, options), {
                mode: 'on',
              }),
            ),
          ).toEqual(m);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a span of years with few customers: counted from the bits (the table by key would be too large)', () => {
    // 2 customers over ~9 years of days: keys × windows ≈ 3,300² cells, more than the bitset or 8 M
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            customer: fc.integer({ min: 0, max: 1 }),
            day: fc.integer({ min: 0, max: 3_300 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        fc.constantFrom('UTC', 'Europe/Bucharest'),
        fc.integer(),
        (evs, timeZone, seed) => {
          const spread = [...evs, { customer: 0, day: 0 }, { customer: 1, day: 3_300 }].map((e) => ({
            customer: e.customer,
            time: FROM + e.day * DAY + 7 * HOUR,
          }));
          check(ordered(spread, 'shuffled', seed), 'day', timeZone, undefined);
        },
      ),
      { numRuns: 15 },
    );
  });
});
