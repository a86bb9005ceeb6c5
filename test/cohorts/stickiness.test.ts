import { describe, expect, it } from 'vitest';
import { stickiness } from '../../src/index.ts';
import { expectThrows } from '../helpers/expectClose.ts';

const D = 86_400_000;

describe('stickiness', () => {
  it('worked example: DAU/MAU of a hand-counted week', () => {
    // Monday 2024-01-01 … Sunday 2024-01-07: a on Mon, Tue, Wed; b on Wed; c on Sun (twice)
    const rows = [
      { u: 'a', t: '2024-01-01T09:00:00Z' },
      { u: 'a', t: '2024-01-02T09:00:00Z' },
      { u: 'a', t: '2024-01-03T09:00:00Z' },
      { u: 'b', t: '2024-01-03T10:00:00Z' },
      { u: 'c', t: '2024-01-07T08:00:00Z' },
      { u: 'c', t: '2024-01-07T20:00:00Z' },
    ];
    const [week] = stickiness(rows, { customer: 'u', time: 't', period: 'week', observationEnd: '2024-01-08' }).windows;
    expect(week).toMatchObject({ label: '2024-01-01', complete: true, periods: 7, activeCustomers: 3 });
    expect(week?.distribution).toEqual([2, 0, 1, 0, 0, 0, 0]);
    // DAUs 1, 1, 2, 0, 0, 0, 1 over a WAU of 3: (5/3)/7
    expect(week?.ratio).toBeCloseTo(5 / 21, 12);
    expect(week?.meanActivePeriods).toBeCloseTo(5 / 3, 12);
  });
  it('counts only the short periods started by the observation end in the last window', () => {
    const w = stickiness({ customer: [1, 1], time: [0, 9 * D + 5] }, { period: 'month' }).windows;
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ periods: 10, complete: false, distribution: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0] });
  });
  it('follows the time zone', () => {
    // 22:30 UTC on January 31 is already February 1 in Bucharest
    const cols = { customer: [1], time: [Date.UTC(2024, 0, 31, 22, 30)] };
    expect(stickiness(cols, { timeZone: 'Europe/Bucharest' }).windows[0]?.label).toBe('2024-02-01');
    expect(stickiness(cols).windows[0]?.label).toBe('2024-01-01');
  });
  it('rejects periods that do not nest, and handles an empty log', () => {
    expectThrows(
      () => stickiness({ customer: [1], time: [0] }, { period: 'month', activeIn: 'week' }),
      RangeError,
      'stickiness',
      'nests',
    );
    expectThrows(
      () => stickiness({ customer: [1], time: [0] }, { period: 'day', activeIn: 'day' }),
      RangeError,
      'stickiness',
    );
    expectThrows(
      () => stickiness({ customer: [1], time: [0] }, { activeIn: 'hour' as never }),
      RangeError,
      'stickiness',
    );
    expect(stickiness({ customer: [], time: [] }).windows).toEqual([]);
    expect(stickiness({ customer: [], time: [] }).observationEnd).toBeNull();
  });
});
