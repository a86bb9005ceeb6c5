import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cohortState,
  type CohortState,
  finishCohortState,
  mergeCohortStates,
  retentionMatrix,
} from '../../src/index.ts';
import { deepFreeze, thrown } from '../helpers/expectClose.ts';

// Incremental cohort states (issue 15, item 4): for any split of a log into parts, merging the parts' states in
// any order and grouping gives the state of the whole log, and finishing it gives retentionMatrix's result.

const HALF_HOUR = 1_800_000;
const FROM = Date.UTC(2023, 8, 1);
const SPAN = 580 * 48; // half-hours over the 2023/2024 DST transitions and 2024-02-29

interface Ev {
  readonly customer: string | number;
  readonly time: number;
  readonly part: number;
}

const event: fc.Arbitrary<Ev> = fc.record({
  customer: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constantFrom('a', 'b', 'c', 'd', 'é', '10')),
  time: fc
    .tuple(fc.integer({ min: 0, max: SPAN }), fc.constantFrom(0, 0, 0, -1, 1))
    .map(([slot, nudge]) => FROM + slot * HALF_HOUR + nudge),
  part: fc.integer({ min: 0, max: 3 }),
});

const calendar = fc.record({
  period: fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'quarter' as const, 'year' as const),
  timeZone: fc.constantFrom('UTC', 'Europe/Bucharest', 'America/New_York', 'Asia/Kolkata'),
  weekStartsOn: fc.integer({ min: 0, max: 6 }),
  yearStartsOn: fc.constantFrom(1, 4, 10),
});

const finish = fc.record({
  mode: fc.constantFrom('on' as const, 'onOrAfter' as const, 'brackets' as const),
  brackets: fc
    .array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 10 })), { minLength: 1, maxLength: 3 })
    .map((pairs) => pairs.map(([from, len]) => [from, from + len] as [number, number]).sort((a, b) => a[0] - b[0])),
  end: fc.option(
    fc.integer({ min: -48, max: SPAN + 48 }).map((slot) => FROM + slot * HALF_HOUR),
    { nil: undefined },
  ),
});

type Calendar = {
  period: 'day' | 'week' | 'month' | 'quarter' | 'year';
  timeZone: string;
  weekStartsOn: number;
  yearStartsOn: number;
};

const columns = (events: readonly Ev[]) => ({
  customer: events.map((e) => e.customer),
  time: events.map((e) => e.time),
});
const stateOf = (events: readonly Ev[], cal: Calendar): CohortState => cohortState(columns(events), cal);
const parts = (events: readonly Ev[], cal: Calendar): CohortState[] =>
  [0, 1, 2, 3].map((p) =>
    stateOf(
      events.filter((e) => e.part === p),
      cal,
    ),
  );

describe('cohortState', () => {
  it('merges the parts of any split into the state of the whole log', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), calendar, (events, cal) => {
        const whole = stateOf(events, cal);
        expect(mergeCohortStates(parts(events, cal))).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  it('merges commutatively and associatively, and merging a state with itself changes nothing', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 50 }), calendar, (events, cal) => {
        const [a, b, c] = parts(events, cal) as [CohortState, CohortState, CohortState];
        expect(mergeCohortStates([a, b])).toEqual(mergeCohortStates([b, a]));
        expect(mergeCohortStates([mergeCohortStates([a, b]), c])).toEqual(
          mergeCohortStates([a, mergeCohortStates([b, c])]),
        );
        expect(mergeCohortStates([a, b, c])).toEqual(mergeCohortStates([c, a, b]));
        expect(mergeCohortStates([a, a])).toEqual(a);
      }),
      { numRuns: 120 },
    );
  });

  it('survives a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), calendar, (events, cal) => {
        const state = stateOf(events, cal);
        const copy = JSON.parse(JSON.stringify(state)) as CohortState;
        expect(copy).toEqual(state);
        expect(finishCohortState(copy)).toEqual(finishCohortState(state));
      }),
      { numRuns: 100 },
    );
  });

  it("finishes to retentionMatrix's result on the whole log, or refuses an end between its period's events", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), calendar, finish, (events, cal, f) => {
        const mode = f.mode === 'brackets' ? { brackets: f.brackets } : { mode: f.mode };
        const end = f.end === undefined ? {} : { observationEnd: f.end };
        const merged = deepFreeze(mergeCohortStates(parts(events, cal)));
        const oneShot = retentionMatrix(deepFreeze(columns(events)), { ...cal, ...mode, ...end });
        let finished: ReturnType<typeof finishCohortState>;
        try {
          finished = finishCohortState(merged, { ...mode, ...end });
        } catch (error) {
          // Only an end inside a period with events before and after it may be refused.
          expect(error).toBeInstanceOf(RangeError);
          const e = f.end as number;
          const inPeriod = events.filter((x) => {
            const i = retentionMatrix(
              { customer: [0, 0], time: [x.time, e] },
              { ...cal, observationEnd: Math.max(x.time, e) },
            );
            return i.cohorts.length === 1 && i.cohorts[0]?.counts.length === 1;
          });
          expect(inPeriod.some((x) => x.time <= e) && inPeriod.some((x) => x.time > e)).toBe(true);
          return;
        }
        expect(finished).toEqual(oneShot);
      }),
      { numRuns: 200 },
    );
  });

  it('reads rows and columns alike', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), calendar, (events, cal) => {
        const rows = events.map((e) => ({ who: e.customer, at: new Date(e.time).toISOString() }));
        expect(cohortState(rows, { ...cal, customer: 'who', time: 'at' })).toEqual(stateOf(events, cal));
      }),
      { numRuns: 60 },
    );
  });

  it('refuses to merge states built with different options', () => {
    fc.assert(
      fc.property(calendar, calendar, (a, b) => {
        const same =
          a.period === b.period &&
          a.timeZone === b.timeZone &&
          a.weekStartsOn === b.weekStartsOn &&
          a.yearStartsOn === b.yearStartsOn;
        const x = cohortState({ customer: [1], time: [FROM] }, a);
        const y = cohortState({ customer: [2], time: [FROM] }, b);
        if (same) expect(mergeCohortStates([x, y]).customers).toEqual([1, 2]);
        else expect(thrown(() => mergeCohortStates([x, y]))).toBeInstanceOf(RangeError);
      }),
      { numRuns: 60 },
    );
  });
});
