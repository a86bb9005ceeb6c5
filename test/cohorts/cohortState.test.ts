import { describe, expect, it } from 'vitest';
import { cohortState, finishCohortState, mergeCohortStates, retentionMatrix } from '../../src/index.ts';
import { deepFreeze, thrown } from '../helpers/expectClose.ts';

const D = 86_400_000;
const jan = Date.UTC(2024, 0, 1);

describe('cohortState', () => {
  // Worked by hand: month cohorts of a daily job, three days of events.
  const day1 = [
    { user: 'ann', at: '2024-01-05T10:00:00Z' },
    { user: 'bob', at: '2024-01-20T10:00:00Z' },
  ];
  const day2 = [
    { user: 'ann', at: '2024-02-03T09:00:00Z' },
    { user: 'cy', at: '2024-02-10T09:00:00Z' },
  ];
  const day3 = [
    { user: 'bob', at: '2024-03-01T08:00:00Z' },
    { user: 'cy', at: '2024-03-02T08:00:00Z' },
  ];
  const options = { customer: 'user', time: 'at', period: 'month' } as const;

  it('builds the matrix of a daily job from yesterday state plus today', () => {
    let state = cohortState(day1, options);
    for (const today of [day2, day3]) {
      state = mergeCohortStates([JSON.parse(JSON.stringify(state)), cohortState(today, options)]);
    }
    const m = finishCohortState(state);
    // January cohort {ann, bob}: both in January, ann in February, bob in March; February cohort {cy}: Feb, Mar.
    expect(m.cohorts.map((c) => [c.label, c.size, c.counts, c.complete])).toEqual([
      ['2024-01-01', 2, [2, 1, 1], [true, true, false]],
      ['2024-02-01', 1, [1, 1], [true, false]],
    ]);
    expect(m.average).toEqual([1, 0.5, null]);
    expect(m).toEqual(retentionMatrix([...day1, ...day2, ...day3], options));
  });

  it('applies mode, brackets and an end at finish time', () => {
    const state = cohortState([...day1, ...day2, ...day3], options);
    expect(finishCohortState(state, { mode: 'onOrAfter' }).cohorts[0]?.counts).toEqual([2, 2, 1]);
    expect(finishCohortState(state, { brackets: [[1, 2]] }).cohorts[0]?.counts).toEqual([2]);
    // An end in February, after every February event: March is not observable yet.
    const feb = finishCohortState(state, { observationEnd: '2024-02-20' });
    expect(feb.cohorts.map((c) => c.counts)).toEqual([[2, 1], [1]]);
    expect(feb).toEqual(retentionMatrix([...day1, ...day2, ...day3], { ...options, observationEnd: '2024-02-20' }));
  });

  it('refuses an end between two events of its period, naming the option', () => {
    const state = cohortState([...day1, ...day2, ...day3], options);
    const error = thrown(() => finishCohortState(state, { observationEnd: '2024-02-05' }));
    expect(error).toBeInstanceOf(RangeError);
    expect(error).toMatchObject({ function: 'finishCohortState', argument: 'options.observationEnd' });
  });

  describe('edge cases', () => {
    it('keeps an empty log as an empty state that merges as the identity', () => {
      const empty = cohortState([], options);
      expect(empty).toMatchObject({ latestEvent: null, customers: [], periods: '' });
      expect(finishCohortState(empty)).toMatchObject({ observationEnd: null, cohorts: [], average: [] });
      const s = cohortState(day1, options);
      expect(mergeCohortStates([empty, s])).toEqual(s);
      expect(mergeCohortStates([s])).toEqual(s);
    });

    it('gives a state of no events and an explicit end the empty matrix of retentionMatrix', () => {
      const end = '2024-01-31';
      expect(finishCohortState(cohortState([], options), { observationEnd: end })).toEqual(
        retentionMatrix([], { ...options, observationEnd: end }),
      );
    });

    it('treats -0 and 0 as one customer and keeps numbers before strings', () => {
      const state = cohortState({ customer: [-0, 'b', 0, 2, 'a'], time: [0, D, 2 * D, 3 * D, 4 * D] });
      expect(state.customers).toEqual([0, 2, 'a', 'b']);
      expect(finishCohortState(state).cohorts[0]?.size).toBe(1);
    });

    it('does not depend on event order or duplicates', () => {
      const events = { customer: [1, 2, 1, 1, 2], time: [jan + 40 * D, jan, jan, jan + 40 * D, jan + 70 * D] };
      const shuffled = { customer: [2, 1, 1, 2, 1], time: [jan + 70 * D, jan + 40 * D, jan, jan, jan + 40 * D] };
      expect(cohortState(events)).toEqual(cohortState(shuffled));
    });

    it('never mutates its inputs', () => {
      const events = deepFreeze({ customer: [1, 2], time: [jan, jan + D] });
      const state = deepFreeze(cohortState(events));
      expect(() => mergeCohortStates(deepFreeze([state, state]))).not.toThrow();
      expect(() => finishCohortState(state, deepFreeze({ mode: 'onOrAfter' }))).not.toThrow();
    });

    it('handles a large span of ids and periods compactly', () => {
      const n = 5000;
      const customer = Array.from({ length: 2 * n }, (_, i) => i % n);
      const time = Array.from({ length: 2 * n }, (_, i) => jan + (i < n ? 0 : (i % 30) * D));
      const state = cohortState({ customer, time });
      // 5000 customers: a count, a first period and one gap each for most of them — under 4 bytes a customer.
      expect(state.periods.length).toBeLessThan(4 * n * (4 / 3));
      expect(finishCohortState(state)).toEqual(retentionMatrix({ customer, time }));
    });
  });

  describe('errors', () => {
    const state = cohortState(day1, options);

    it('rejects options it cannot keep (rolling windows, filters, cohort dates, an end)', () => {
      for (const key of ['windows', 'startEvent', 'cohort', 'observationEnd']) {
        const error = thrown(() => cohortState(day1, { ...options, [key]: 'x' } as never));
        expect(error).toBeInstanceOf(TypeError);
        expect(error).toMatchObject({ function: 'cohortState', argument: `options.${key}` });
      }
    });

    it('rejects states of other options, kinds or versions', () => {
      expect(thrown(() => mergeCohortStates([state, cohortState(day1, { ...options, period: 'week' })]))).toMatchObject(
        {
          function: 'mergeCohortStates',
          argument: 'states[1].options.period',
        },
      );
      expect(thrown(() => mergeCohortStates([]))).toBeInstanceOf(RangeError);
      expect(thrown(() => mergeCohortStates(state as never))).toBeInstanceOf(TypeError);
      expect(thrown(() => finishCohortState({ ...state, kind: 'rfmState' } as never))).toBeInstanceOf(TypeError);
      expect(thrown(() => finishCohortState({ ...state, version: 2 } as never))).toBeInstanceOf(RangeError);
    });

    it('rejects states whose encoded fields were tampered with', () => {
      const bad = [
        { ...state, customers: ['bob', 'ann'] },
        { ...state, customers: ['ann'] },
        { ...state, periods: `${state.periods}AAAA` },
        { ...state, periods: '!!!!' },
        { ...state, periodBase: 0.5 },
        { ...state, eventTimes: { periods: [1], earliest: [2], latest: [1] } },
      ];
      for (const s of bad) {
        const error = thrown(() => finishCohortState(s as never));
        expect(error).toBeInstanceOf(RangeError);
        expect((error as Error & { argument: string }).argument).toMatch(/^state\./);
      }
      expect(thrown(() => finishCohortState({ ...state, customers: [null] } as never))).toBeInstanceOf(TypeError);
    });
  });
});
