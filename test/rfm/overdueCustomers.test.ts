import { describe, expect, it } from 'vitest';
import { overdueCustomers } from 'loyalty-metrics';
import { deepFreeze, expectThrows } from '../helpers/expectClose.ts';

const DAY = 86_400_000;
/** Columns from [customer, day number] pairs (UTC days since 1970). */
const columns = (pairs: Array<[string | number, number]>) => ({
  customer: pairs.map(([c]) => c),
  time: pairs.map(([, d]) => d * DAY),
});

describe('overdueCustomers', () => {
  it('lists a customer whose absence exceeds the multiple of their median gap (even number of gaps)', () => {
    // Days 0, 2, 10: gaps 2 and 8, median 5. At day 21 the absence is 11 days: 11 > 2 · 5 but not > 2.2 · 5.
    const log = columns([
      ['a', 0],
      ['a', 2],
      ['a', 10],
    ]);
    expect(overdueCustomers(log, { multiple: 2, observationEnd: 21 * DAY })).toEqual([
      {
        customer: 'a',
        purchases: 3,
        lastPurchase: '1970-01-11',
        timeSinceLastPurchase: 11,
        medianGap: 5,
        overdueRatio: 2.2,
      },
    ]);
    expect(overdueCustomers(log, { multiple: 2.2, observationEnd: 21 * DAY })).toEqual([]);
  });

  it('uses the middle gap for an odd number of gaps', () => {
    // Days 0, 1, 3, 13: gaps 1, 2, 10, median 2. At day 16 the absence is 3 > 1 · 2; ratio 1.5.
    const out = overdueCustomers(
      columns([
        ['a', 0],
        ['a', 1],
        ['a', 3],
        ['a', 13],
      ]),
      { multiple: 1, observationEnd: 16 * DAY },
    );
    expect(out[0]).toMatchObject({ medianGap: 2, timeSinceLastPurchase: 3, overdueRatio: 1.5 });
  });

  it('treats several purchases on one day as one purchase (no zero gaps)', () => {
    // Days 0, 0, 10: one gap of 10 (not gaps 0 and 10 with median 5). At day 25: 15 > 1 · 10, ratio 1.5.
    const out = overdueCustomers(
      columns([
        ['a', 0],
        ['a', 0],
        ['a', 10],
      ]),
      { multiple: 1, observationEnd: 25 * DAY },
    );
    expect(out).toEqual([
      {
        customer: 'a',
        purchases: 2,
        lastPurchase: '1970-01-11',
        timeSinceLastPurchase: 15,
        medianGap: 10,
        overdueRatio: 1.5,
      },
    ]);
  });

  it('sorts the most overdue first, ties in order of first transaction', () => {
    // At day 20: b (days 0, 4; gap 4, absence 16, ratio 4), c (days 8, 12; ratio 2), a (days 10, 14; absence 6, ratio 1.5),
    // d (days 15, 17; gap 2, absence 3, ratio 1.5) — a and d tie, a was seen first.
    const log = columns([
      ['a', 10],
      ['b', 0],
      ['c', 8],
      ['d', 15],
      ['b', 4],
      ['c', 12],
      ['a', 14],
      ['d', 17],
    ]);
    expect(
      overdueCustomers(log, { multiple: 1, observationEnd: 20 * DAY }).map((o) => [o.customer, o.overdueRatio]),
    ).toEqual([
      ['b', 4],
      ['c', 2],
      ['a', 1.5],
      ['d', 1.5],
    ]);
  });

  it('reports durations in the requested unit without changing who is listed', () => {
    const log = columns([
      ['a', 0],
      ['a', 7],
      ['a', 14],
    ]);
    const weeks = overdueCustomers(log, { multiple: 2, observationEnd: 35 * DAY, unit: 'week' });
    expect(weeks).toEqual([
      {
        customer: 'a',
        purchases: 3,
        lastPurchase: '1970-01-15',
        timeSinceLastPurchase: 3,
        medianGap: 1,
        overdueRatio: 3,
      },
    ]);
  });

  it('reads rows through accessors and defaults observationEnd to the latest transaction', () => {
    const rows = deepFreeze([
      { id: 'a', at: '2024-01-01' },
      { id: 'a', at: '2024-01-02' },
      { id: 'b', at: '2024-01-10' },
    ]);
    // At 2024-01-10: a has gap 1 and absence 8.
    expect(overdueCustomers(rows, { customer: 'id', time: 'at', multiple: 5 }).map((o) => o.customer)).toEqual(['a']);
  });

  describe('edge cases', () => {
    it('returns an empty array without transactions', () => {
      expect(overdueCustomers([], { customer: 'c', time: 't', multiple: 1 })).toEqual([]);
      expect(overdueCustomers({ customer: [], time: [] }, { multiple: 1 })).toEqual([]);
    });

    it('never lists customers with fewer than two purchase days', () => {
      expect(
        overdueCustomers(
          columns([
            ['once', 0],
            ['twice-same-day', 0],
            ['twice-same-day', 0],
          ]),
          { multiple: 1, observationEnd: 1000 * DAY },
        ),
      ).toEqual([]);
    });

    it('does not list a customer who bought in the period of observationEnd, and ignores later purchases', () => {
      const log = columns([
        ['a', 0],
        ['a', 1],
        ['a', 30],
        ['b', 0],
        ['b', 1],
        ['b', 40],
      ]);
      // At day 30: a bought that day (absence 0); b's purchase on day 40 is after the end, so b's absence is 29 > 1.
      expect(overdueCustomers(log, { multiple: 1, observationEnd: 30 * DAY + 5 }).map((o) => o.customer)).toEqual([
        'b',
      ]);
    });

    it('gives the same answer for unsorted input', () => {
      const sorted = columns([
        ['a', 0],
        ['a', 2],
        ['a', 10],
        ['b', 1],
        ['b', 3],
      ]);
      const unsorted = columns([
        ['a', 10],
        ['b', 3],
        ['a', 0],
        ['b', 1],
        ['a', 2],
      ]);
      const ids = (log: ReturnType<typeof columns>) =>
        overdueCustomers(log, { multiple: 2, observationEnd: 21 * DAY }).map((o) => [o.customer, o.overdueRatio]);
      expect(ids(unsorted)).toEqual(ids(sorted));
    });
  });

  describe('errors', () => {
    it('requires a finite multiple > 0', () => {
      expectThrows(
        () => overdueCustomers({ customer: [], time: [] }, {} as never),
        TypeError,
        'overdueCustomers',
        'overdueCustomers: multiple must be a number, got undefined',
      );
      expectThrows(
        () => overdueCustomers({ customer: [], time: [] }, { multiple: 0 }),
        RangeError,
        'overdueCustomers',
        'multiple (0) must be greater than 0',
      );
      expectThrows(
        () => overdueCustomers({ customer: [], time: [] }, { multiple: Infinity }),
        RangeError,
        'overdueCustomers',
        'multiple (Infinity) must be a finite number',
      );
      expectThrows(
        () => overdueCustomers({ customer: [], time: [] }, undefined as never),
        TypeError,
        'overdueCustomers',
        'multiple must be a number',
      );
    });

    it('names the row of an invalid transaction', () => {
      expectThrows(
        () => overdueCustomers([{ c: 'a', t: '2024-02-30' }], { customer: 'c', time: 't', multiple: 1 }),
        TypeError,
        'overdueCustomers',
        'row 0: time "2024-02-30" is not a valid date',
      );
      expectThrows(
        () => overdueCustomers({ customer: [true], time: [0] } as never, { multiple: 1 }),
        TypeError,
        'overdueCustomers',
        'customer[0] must be a non-empty string or a finite number, got true',
      );
    });
  });
});
