import { describe, expect, it } from 'vitest';
import { customerLifetimes, kaplanMeier } from '../../src/index.ts';
import { deepFreeze, expectClose, expectThrows } from '../helpers/expectClose.ts';

const DAY = 86_400_000;
const day = (n: number) => Date.UTC(2024, 0, 1) + n * DAY;

describe('customerLifetimes', () => {
  it('ends a lifetime churnAfter after the last activity and censors active customers at observationEnd', () => {
    const log = [
      { id: 'a', t: day(0) },
      { id: 'a', t: day(20) },
      { id: 'b', t: day(5) },
      { id: 'a', t: day(40) },
      { id: 'c', t: day(80) },
    ];
    const result = customerLifetimes(log, { customer: 'id', time: 't', churnAfter: 30, observationEnd: day(100) });
    // a: last activity day 40, churn at day 70 ≤ 100 → 70 − 0 = 70, observed.
    // b: churn at day 35 → 30, observed.  c: churn would be day 110 > 100 → censored at 100 − 80 = 20.
    expect(result).toEqual({ customers: ['a', 'b', 'c'], durations: [70, 30, 20], events: [1, 1, 0] });
  });

  it('ends the first lifetime at a gap longer than churnAfter (a returning customer is not revived)', () => {
    const log = [0, 10, 60, 70].map((n) => ({ id: 1, t: day(n) }));
    expect(customerLifetimes(log, { customer: 'id', time: 't', churnAfter: 30 })).toEqual({
      customers: [1],
      durations: [40],
      events: [1],
    });
  });

  it('keeps a customer active when the next activity comes exactly churnAfter later', () => {
    const log = [0, 30, 60].map((n) => ({ id: 'x', t: day(n) }));
    const result = customerLifetimes(log, { customer: 'id', time: 't', churnAfter: 30, observationEnd: day(89) });
    expect(result.events).toEqual([0]);
    expect(result.durations).toEqual([89]);
    // With observationEnd exactly 30 days after the last activity the churn is observed.
    expect(
      customerLifetimes(log, { customer: 'id', time: 't', churnAfter: 30, observationEnd: day(90) }).events,
    ).toEqual([1]);
  });

  it('defaults observationEnd to the latest activity in the log', () => {
    const log = [
      { id: 'a', t: day(0) },
      { id: 'b', t: day(50) },
    ];
    // End = day 50: a churned at day 30 (duration 30); b censored at 0 days.
    expect(customerLifetimes(log, { customer: 'id', time: 't', churnAfter: 30 })).toEqual({
      customers: ['a', 'b'],
      durations: [30, 0],
      events: [1, 0],
    });
  });

  it('expresses durations in days, weeks (7 days) or months (365.25/12 days), like rfmSummary', () => {
    const log = [{ id: 'a', t: day(0) }];
    const weeks = customerLifetimes(log, {
      customer: 'id',
      time: 't',
      churnAfter: 2,
      unit: 'week',
      observationEnd: day(70),
    });
    expect(weeks.durations).toEqual([2]);
    const months = customerLifetimes(log, {
      customer: 'id',
      time: 't',
      churnAfter: 3,
      unit: 'month',
      observationEnd: day(61),
    });
    // Censored at 61 days = 61/30.4375 months.
    expect(months.events).toEqual([0]);
    expectClose(months.durations[0] ?? Number.NaN, 61 / 30.4375, { rel: 1e-14 });
  });

  it('accepts columnar input (plain or typed arrays)', () => {
    const columns = { customer: [1, 2, 1], time: new Float64Array([day(0), day(5), day(20)]) };
    expect(customerLifetimes(columns, { churnAfter: 30, observationEnd: day(100) })).toEqual({
      customers: [1, 2],
      durations: [50, 30],
      events: [1, 1],
    });
  });

  it('parses ISO strings and Dates, with offset-less strings in timeZone', () => {
    const log = [
      { id: 'a', t: '2024-03-01T00:00' },
      { id: 'a', t: new Date('2024-03-02T00:00:00Z') },
    ];
    // In New York (UTC−5 in early March) the first activity is 2024-03-01T05:00Z: 19 h before the second.
    // observationEnd defaults to the latest activity, so the customer is censored there.
    const ny = customerLifetimes(log, { customer: 'id', time: 't', churnAfter: 1, timeZone: 'America/New_York' });
    expect(ny.events).toEqual([0]);
    expectClose(ny.durations[0] ?? Number.NaN, 19 / 24, { rel: 1e-14 });
    expect(customerLifetimes(log, { customer: 'id', time: 't', churnAfter: 1 }).durations).toEqual([1]);
  });

  it('ignores activity after observationEnd and customers who start after it', () => {
    const log = [
      { id: 'a', t: day(0) },
      { id: 'a', t: day(50) },
      { id: 'b', t: day(50) },
    ];
    expect(customerLifetimes(log, { customer: 'id', time: 't', churnAfter: 100, observationEnd: day(10) })).toEqual({
      customers: ['a'],
      durations: [10],
      events: [0],
    });
  });

  it('feeds kaplanMeier directly', () => {
    const log = deepFreeze([
      { id: 'a', t: day(0) },
      { id: 'b', t: day(0) },
      { id: 'b', t: day(20) },
      { id: 'c', t: day(0) },
      { id: 'c', t: day(25) },
      { id: 'c', t: day(50) },
    ]);
    const lifetimes = customerLifetimes(log, { customer: 'id', time: 't', churnAfter: 30, observationEnd: day(60) });
    expect(lifetimes).toEqual({ customers: ['a', 'b', 'c'], durations: [30, 50, 60], events: [1, 1, 0] });
    const km = kaplanMeier(lifetimes);
    // Hand computation: S(30) = 2/3, S(50) = 2/3 · 1/2 = 1/3.
    expectClose(km.curve[0]?.survival ?? Number.NaN, 2 / 3);
    expectClose(km.curve[1]?.survival ?? Number.NaN, 1 / 3);
    expect(km.median).toBe(50);
  });

  it('accepts accessor functions and iterables', () => {
    function* rows() {
      yield [7, day(0)] as const;
      yield [7, day(3)] as const;
    }
    const result = customerLifetimes(rows(), {
      customer: (r) => r[0],
      time: (r) => r[1],
      churnAfter: 1,
      observationEnd: day(10),
    });
    expect(result).toEqual({ customers: [7], durations: [1], events: [1] });
  });

  describe('edge cases', () => {
    it('returns empty arrays for an empty log', () => {
      expect(customerLifetimes([], { customer: 'id', time: 't', churnAfter: 30 })).toEqual({
        customers: [],
        durations: [],
        events: [],
      });
    });

    it('handles unsorted input and duplicate events', () => {
      const log = [40, 0, 20, 20, 0].map((n) => ({ id: 'a', t: day(n) }));
      expect(
        customerLifetimes(log, { customer: 'id', time: 't', churnAfter: 30, observationEnd: day(100) }).durations,
      ).toEqual([70]);
    });

    it('keeps the number 1 and the string "1" apart', () => {
      const log = [
        { id: 1, t: day(0) },
        { id: '1', t: day(0) },
      ];
      expect(customerLifetimes(log, { customer: 'id', time: 't', churnAfter: 1 }).customers).toEqual([1, '1']);
    });

    it('handles fractional churnAfter and huge windows', () => {
      const log = [{ id: 'a', t: day(0) }];
      expect(
        customerLifetimes(log, { customer: 'id', time: 't', churnAfter: 0.5, observationEnd: day(1) }).durations,
      ).toEqual([0.5]);
      expect(
        customerLifetimes(log, { customer: 'id', time: 't', churnAfter: 1e9, observationEnd: day(1) }).events,
      ).toEqual([0]);
    });
  });

  describe('error policy', () => {
    const log = [{ id: 'a', t: '2024-01-01' }];
    it('throws a TypeError for bad options and rows', () => {
      expectThrows(
        () => customerLifetimes(log, undefined as never),
        TypeError,
        'customerLifetimes',
        'options must be an object, got undefined',
      );
      expectThrows(
        () => customerLifetimes(log, { customer: 'id', time: 't' } as never),
        TypeError,
        'customerLifetimes',
        'churnAfter is required',
      );
      expectThrows(
        () => customerLifetimes(log, { customer: 3, time: 't', churnAfter: 1 } as never),
        TypeError,
        'customerLifetimes',
        'customer must be a property name or a function, got 3',
      );
      expectThrows(
        () => customerLifetimes(42 as never, { customer: 'id', time: 't', churnAfter: 1 }),
        TypeError,
        'customerLifetimes',
        'transactions must be an array or iterable of rows, or columns { customer, time }, got 42',
      );
      expectThrows(
        () => customerLifetimes({ customer: [1], time: [0] }, { customer: 'id', churnAfter: 1 } as never),
        TypeError,
        'customerLifetimes',
        'customer accessor applies to row input only',
      );
      expectThrows(
        () =>
          customerLifetimes(
            [
              { id: 'a', t: '2024-01-01' },
              { id: 'b', t: '2024-13-01' },
            ],
            { customer: 'id', time: 't', churnAfter: 1 },
          ),
        TypeError,
        'customerLifetimes',
        'row 1: time "2024-13-01" is not a valid date',
      );
      expectThrows(
        () => customerLifetimes([{ id: null, t: 0 }], { customer: 'id', time: 't', churnAfter: 1 }),
        TypeError,
        'customerLifetimes',
        'row 0: customer must be a non-empty string or a finite number, got null',
      );
      expectThrows(
        () => customerLifetimes(log, { customer: 'id', time: 't', churnAfter: 1, observationEnd: 'soon' }),
        TypeError,
        'customerLifetimes',
        'observationEnd "soon" is not a valid date',
      );
      expectThrows(
        () => customerLifetimes(log, { customer: 'id', time: 't', churnAfter: '30' } as never),
        TypeError,
        'customerLifetimes',
        'churnAfter must be a number, got "30"',
      );
    });

    it('throws a RangeError for out-of-domain options and ids', () => {
      expectThrows(
        () => customerLifetimes(log, { customer: 'id', time: 't', churnAfter: 0 }),
        RangeError,
        'customerLifetimes',
        'churnAfter (0) must be greater than 0',
      );
      expectThrows(
        () => customerLifetimes(log, { customer: 'id', time: 't', churnAfter: 1, unit: 'hour' } as never),
        RangeError,
        'customerLifetimes',
        `unit ("hour") must be one of 'day', 'week', 'month', 'quarter', 'year'`,
      );
      expectThrows(
        () => customerLifetimes({ customer: [1, 2], time: [0] }, { churnAfter: 1 }),
        RangeError,
        'customerLifetimes',
        'transactions.time length (1) must equal transactions.customer length (2)',
      );
      expectThrows(
        () => customerLifetimes(log, { customer: 'id', time: 't', churnAfter: 1, timeZone: 'Mars/Olympus' }),
        RangeError,
        'customerLifetimes',
        'timeZone ("Mars/Olympus") is not a valid IANA time zone',
      );
      expectThrows(
        () => customerLifetimes([{ id: Number.NaN, t: 0 }], { customer: 'id', time: 't', churnAfter: 1 }),
        RangeError,
        'customerLifetimes',
        'row 0: customer (NaN) must be a finite number',
      );
      expectThrows(
        () => customerLifetimes(log, { customer: 'id', time: 't', churnAfter: 1e308, unit: 'week' }),
        RangeError,
        'customerLifetimes',
        'churnAfter (1e+308) is too large',
      );
      expectThrows(
        () => customerLifetimes(log, { customer: 'id', time: 't', churnAfter: 1, observationEnd: 1e300 }),
        TypeError,
        'customerLifetimes',
        'observationEnd 1e+300 is not a valid date',
      );
    });
  });
});
