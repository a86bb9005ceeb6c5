import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortRetention, retentionMatrix } from '../../src/index.ts';
import { expectThrows } from '../helpers/expectClose.ts';

describe('retentionMatrix variants: worked examples and errors', () => {
  // a: Jan ×2, Feb ×1, Mar ×2; b: Jan ×1, Mar ×3; c: Feb ×2
  const rows = [
    { u: 'a', t: '2024-01-02' },
    { u: 'a', t: '2024-01-20' },
    { u: 'a', t: '2024-02-05' },
    { u: 'a', t: '2024-03-01' },
    { u: 'a', t: '2024-03-02' },
    { u: 'b', t: '2024-01-09' },
    { u: 'b', t: '2024-03-10' },
    { u: 'b', t: '2024-03-11' },
    { u: 'b', t: '2024-03-12' },
    { u: 'c', t: '2024-02-07' },
    { u: 'c', t: '2024-02-08' },
  ];
  const base = { customer: 'u', time: 't', period: 'month', observationEnd: '2024-04-01' } as const;
  const index = buildCohorts(rows, base);
  it('minEvents: 2 counts the customers with two or more events in the month', () => {
    const m = cohortRetention(index, { minEvents: 2 });
    // January cohort {a, b}: January a (2); February nobody (a once); March a (2), b (3)
    expect(m.cohorts.map((c) => [c.label, c.size, c.counts.slice(0, 3)])).toEqual([
      ['2024-01-01', 2, [1, 0, 2]],
      ['2024-02-01', 1, [1, 0, 0]],
    ]);
  });
  it('recurring: every active month starts a membership', () => {
    const m = cohortRetention(index, { membership: 'recurring' });
    // January {a, b}: Feb a, Mar a, b; February {a, c}: Mar a; March {a, b}
    expect(m.cohorts.map((c) => [c.label, c.size, c.counts.slice(0, 3)])).toEqual([
      ['2024-01-01', 2, [2, 1, 2]],
      ['2024-02-01', 2, [2, 1, 0]],
      ['2024-03-01', 2, [2, 0]],
      // April starts at the observation end: observable, nobody there yet
    ]);
  });
  it("reference 'previous': month-to-month shares", () => {
    const m = cohortRetention(index, { mode: 'onOrAfter', reference: 'previous' });
    // January cohort onOrAfter counts [2, 2, 2, 0]: kept 1, 1, then 0 of 2 in April
    expect(m.cohorts[0]?.counts).toEqual([2, 2, 2, 0]);
    expect(m.cohorts[0]?.rates).toEqual([1, 1, 1, 0]);
    // February cohort {c}: counts [1, 0, 0]; 0 of 0 is NaN
    expect(m.cohorts[1]?.rates).toEqual([1, 0, Number.NaN]);
    // average: on or after, no cell is final yet (April, the matrix's last column, has only started), so
    // every cell is a lower bound and the average row is empty
    expect(m.cohorts[0]?.final).toEqual([false, false, false, false]);
    expect(m.average[1]).toBeNull();
    // observed to the end of April, January's row is final; February's stops a column short of the matrix
    const whole = cohortRetention(buildCohorts(rows, { ...base, observationEnd: '2024-04-30' }), {
      mode: 'onOrAfter',
      reference: 'previous',
    });
    expect(whole.cohorts.map((c) => c.final)).toEqual([
      [true, true, true, true],
      [false, false, false],
    ]);
    expect(whole.average[1]).toBe(1); // January alone: 2 of 2
  });
  it('rejects what the variants cannot do', () => {
    const fn = 'cohortRetention';
    expectThrows(() => cohortRetention(index, { minEvents: 0 }), RangeError, fn, 'minEvents');
    const rolling = buildCohorts(rows, { ...base, windows: 'rolling' });
    expectThrows(() => cohortRetention(rolling, { membership: 'recurring' }), RangeError, fn, 'calendar');
    expectThrows(
      () => cohortRetention(index, { reference: 'previous', confidenceLevel: 0.95 }),
      RangeError,
      fn,
      'onOrAfter',
    );
    expectThrows(() => cohortRetention(index, { membership: 'every' as never }), RangeError, fn);
    expectThrows(
      () => retentionMatrix(rows, { ...base, minEvents: 2 } as never),
      TypeError,
      'retentionMatrix',
      'minEvents',
    );
    const empty = buildCohorts({ customer: [], time: [] });
    expect(cohortRetention(empty, { membership: 'recurring', minEvents: 2 }).cohorts).toEqual([]);
  });
  it('cohortRetention intervals agree with retentionMatrix', () => {
    expect(cohortRetention(index, { confidenceLevel: 0.9 })).toEqual(
      retentionMatrix(rows, { ...base, confidenceLevel: 0.9 }),
    );
  });
});
