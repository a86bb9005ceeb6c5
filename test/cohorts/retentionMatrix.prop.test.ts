import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortRetention, retentionMatrix, type RetentionMatrixOptions } from '../../src/index.ts';
import { deepFreeze } from '../helpers/expectClose.ts';
import { oraclePeriod, oracleRetention, type OracleEvent, type OraclePeriod } from './oracle.ts';

const HALF_HOUR = 1_800_000;
const FROM = Date.UTC(2023, 8, 1);
const SPAN = 580 * 48; // half-hours: covers the 2023/2024 DST transitions of Bucharest and New York and 2024-02-29

interface Ev extends OracleEvent {
  readonly kind: 'signup' | 'order' | 'visit';
}

const event: fc.Arbitrary<Ev> = fc
  .record({
    customer: fc.oneof(fc.integer({ min: 0, max: 7 }), fc.constantFrom('a', 'b', 'c', 'd')),
    slot: fc.integer({ min: 0, max: SPAN }),
    nudge: fc.constantFrom(0, 0, 0, -1, 1),
    kind: fc.constantFrom('signup' as const, 'order' as const, 'visit' as const),
    cohortSlot: fc.integer({ min: 0, max: SPAN }),
  })
  .map(({ customer, slot, nudge, kind, cohortSlot }) => ({
    customer,
    time: FROM + slot * HALF_HOUR + nudge,
    kind,
    start: kind !== 'visit',
    active: kind !== 'signup',
    cohort: FROM + cohortSlot * HALF_HOUR,
  }));

const setup = fc.record({
  period: fc.constantFrom<OraclePeriod>('day', 'week', 'month', 'quarter', 'year'),
  windows: fc.constantFrom('calendar' as const, 'rolling' as const),
  timeZone: fc.constantFrom('UTC', 'Europe/Bucharest', 'America/New_York', 'Asia/Kolkata'),
  weekStartsOn: fc.integer({ min: 0, max: 6 }),
  mode: fc.constantFrom('on' as const, 'onOrAfter' as const, 'brackets' as const),
  brackets: fc
    .array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 20 })), { minLength: 1, maxLength: 4 })
    .map((pairs) => pairs.map(([from, len]) => [from, from + len] as [number, number]).sort((a, b) => a[0] - b[0])),
  end: fc.option(
    fc.integer({ min: 0, max: SPAN }).map((s) => FROM + s * HALF_HOUR),
    { nil: undefined },
  ),
  // the observation end written as an instant, or as the date of its local day (the whole day: issue #16)
  endAs: fc.constantFrom('iso' as const, 'date' as const),
  filters: fc.constantFrom('none', 'start', 'return', 'both', 'cohort'),
  shape: fc.constantFrom('rows', 'columns'),
  timeAs: fc.constantFrom('ms', 'iso', 'date'),
});

describe('retentionMatrix against the brute-force oracle', () => {
  it('gives the oracle counts for every mode, period, window kind, zone, filter and input shape', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), setup, (events, s) => {
        const useStart = s.filters === 'start' || s.filters === 'both';
        const useReturn = s.filters === 'return' || s.filters === 'both';
        // A date-only end stands for its whole local day: the oracle gets the day's last millisecond, found by
        // bisection on Intl's local dates.
        const endDay = s.end === undefined ? '' : oraclePeriod(s.end, 'day', s.timeZone, 0).label;
        let end = s.end;
        if (s.end !== undefined && s.endAs === 'date') {
          let lo = s.end;
          let hi = s.end + 2 * 86_400_000;
          while (hi - lo > 1) {
            const mid = Math.floor((lo + hi) / 2);
            if (oraclePeriod(mid, 'day', s.timeZone, 0).label === endDay) lo = mid;
            else hi = mid;
          }
          end = lo;
        }
        const oracleEvents = events.map((e) => ({
          ...e,
          start: useStart ? e.start : true,
          active: useReturn ? e.active : true,
        }));
        const expected = oracleRetention(oracleEvents, {
          period: s.period,
          windows: s.windows,
          timeZone: s.timeZone,
          weekStartsOn: s.weekStartsOn,
          mode: s.mode,
          brackets: s.brackets,
          useCohortDates: s.filters === 'cohort',
          ...(end === undefined ? {} : { observationEnd: end }),
        });
        // buildCohorts takes the time settings, cohortRetention the retention mode, retentionMatrix both.
        const settings = {
          period: s.period,
          windows: s.windows,
          timeZone: s.timeZone,
          weekStartsOn: s.weekStartsOn,
          ...(s.end === undefined
            ? {}
            : { observationEnd: s.endAs === 'date' ? endDay : new Date(s.end).toISOString() }),
        };
        const retention = s.mode === 'brackets' ? { brackets: s.brackets } : { mode: s.mode };
        const common = { ...settings, ...retention };
        let actual: ReturnType<typeof retentionMatrix>;
        if (s.shape === 'rows') {
          const rows = deepFreeze(
            events.map((e) => ({
              id: e.customer,
              at: s.timeAs === 'ms' ? e.time : s.timeAs === 'iso' ? new Date(e.time).toISOString() : new Date(e.time),
              kind: e.kind,
              signup: e.cohort,
            })),
          );
          const options: RetentionMatrixOptions<(typeof rows)[number]> = {
            customer: 'id',
            time: 'at',
            ...common,
            ...(useStart ? { startEvent: (r) => r.kind !== 'visit' } : {}),
            ...(useReturn ? { returnEvent: (r) => r.kind !== 'signup' } : {}),
            ...(s.filters === 'cohort' ? { cohort: 'signup' } : {}),
          };
          actual = retentionMatrix(rows, options);
          const { mode: _m, brackets: _b, ...indexOptions } = options;
          expect(cohortRetention(buildCohorts(rows, indexOptions), retention)).toEqual(actual);
        } else {
          const kinds = events.map((e) => e.kind);
          const columns = {
            // Typed columns when every id is an integer (the fastest path), plain arrays otherwise.
            customer: events.every((e) => typeof e.customer === 'number')
              ? Int32Array.from(events.map((e) => e.customer as number))
              : events.map((e) => e.customer),
            time: Float64Array.from(events.map((e) => e.time)),
            ...(s.filters === 'cohort' ? { cohort: events.map((e) => e.cohort!) } : {}),
          };
          const options: RetentionMatrixOptions = {
            ...common,
            ...(useStart ? { startEvent: (_: unknown, i: number) => kinds[i] !== 'visit' } : {}),
            ...(useReturn ? { returnEvent: (_: unknown, i: number) => kinds[i] !== 'signup' } : {}),
          };
          actual = retentionMatrix(columns, options);
          const { mode: _m, brackets: _b, ...indexOptions } = options;
          expect(cohortRetention(buildCohorts(columns, indexOptions), retention)).toEqual(actual);
        }
        expect(
          actual.cohorts.map(({ label, size, counts, complete, final }) => ({ label, size, counts, complete, final })),
        ).toEqual(expected.cohorts);
        expect(actual.average).toEqual(expected.average);
        for (const c of actual.cohorts) expect(c.rates).toEqual(c.counts.map((x) => x / c.size));
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of events or on duplicated events', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 25 }), fc.integer(), setup, (events, seed, s) => {
        const options = {
          period: s.period,
          windows: s.windows,
          timeZone: s.timeZone,
          mode: s.mode === 'brackets' ? ('on' as const) : s.mode,
        };
        const columns = (list: readonly Ev[]) => ({
          customer: list.map((e) => e.customer),
          time: list.map((e) => e.time),
        });
        const shuffled = [...events, ...events.slice(0, 5)]
          .map((e, i) => ({ e, r: Math.sin(seed + i) }))
          .sort((a, b) => a.r - b.r)
          .map(({ e }) => e);
        expect(retentionMatrix(columns(shuffled), options)).toEqual(retentionMatrix(columns(events), options));
      }),
      { numRuns: 100 },
    );
  });

  it('keeps rates in [0, 1], on ≤ onOrAfter, onOrAfter non-increasing, and column 0 at 100 % for first-event cohorts', () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 30 }), setup, (events, s) => {
        const columns = { customer: events.map((e) => e.customer), time: events.map((e) => e.time) };
        const options = { period: s.period, windows: s.windows, timeZone: s.timeZone, weekStartsOn: s.weekStartsOn };
        const on = retentionMatrix(columns, { ...options, mode: 'on' });
        const after = retentionMatrix(columns, { ...options, mode: 'onOrAfter' });
        on.cohorts.forEach((c, r) => {
          const a = after.cohorts[r]!;
          expect(c.counts[0]).toBe(c.size);
          c.rates.forEach((x, k) => {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1);
            expect(c.counts[k]!).toBeLessThanOrEqual(a.counts[k]!);
            if (k > 0) expect(a.counts[k]!).toBeLessThanOrEqual(a.counts[k - 1]!);
          });
        });
        expect(on.cohorts.reduce((t, c) => t + c.size, 0)).toBe(new Set(events.map((e) => e.customer)).size);
      }),
      { numRuns: 100 },
    );
  });
});
