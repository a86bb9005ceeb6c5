import { describe, expect, it } from 'vitest';
import { rfmSummary } from 'loyalty-metrics';
import { deepFreeze, expectClose, expectThrows } from '../helpers/expectClose.ts';
import { compensationLogs } from './arbitraries.ts';
import { cdnowTransactions, numericCsv } from './cdnow.ts';

const DAY = 86_400_000;
const ms = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

describe('rfmSummary', () => {
  describe('CDNOW (Fader, Hardie & Lee 2005; lifetimes datasets)', () => {
    const transactions = deepFreeze(cdnowTransactions());
    const summary = rfmSummary(transactions, {
      customer: 'customer',
      time: 'date',
      value: 'value',
      observationEnd: '1997-09-30',
      period: 'day',
      unit: 'week',
    });

    it('reproduces cdnow_customers_summary.csv to its two decimals for all 2,357 customers', () => {
      // cdnow_customers_summary.csv (ID, frequency, recency, T in weeks), printed with two decimals:
      // tolerance half a unit of the last digit (plus float slack for values such as x.xx5).
      const expected = numericCsv('cdnow_customers_summary.csv');
      expect(summary).toHaveLength(2357);
      expect(expected).toHaveLength(2357);
      for (let i = 0; i < expected.length; i++) {
        const [id, frequency, recency, T] = expected[i] as [number, number, number, number];
        const row = summary[i];
        expect(row?.customer).toBe(id);
        expect(row?.frequency).toBe(frequency);
        expectClose(row?.recency as number, recency, { abs: 0.005 + 1e-9 });
        expectClose(row?.T as number, T, { abs: 0.005 + 1e-9 });
      }
    });

    it('reproduces zbar of cdnow_customers_summary_with_transactions.csv as monetaryValue', () => {
      // zbar = mean repeat-transaction value, 0 when x = 0, printed with two decimals.
      const expected = numericCsv('cdnow_customers_summary_with_transactions.csv');
      for (let i = 0; i < expected.length; i++) {
        const [id, , , , zbar] = expected[i] as [number, number, number, number, number];
        expect(summary[i]?.customer).toBe(id);
        expectClose(summary[i]?.monetaryValue as number, zbar, { abs: 0.005 + 1e-9 });
      }
    });

    it('gives the repeat-buyer statistics of the data README', () => {
      // data/README.md, "RFM summary from the raw transactions": 946 repeat buyers; mean repeat-purchase value
      // rounds to 35, standard deviation 30, minimum 3, median 27, maximum 300 (all rounded to whole dollars).
      const values = summary.filter((r) => r.frequency > 0).map((r) => r.monetaryValue);
      values.sort((a, b) => a - b);
      expect(values).toHaveLength(946);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
      const median = ((values[472] as number) + (values[473] as number)) / 2;
      expect(Math.round(mean)).toBe(35);
      expect(Math.round(sd)).toBe(30);
      expect(Math.round(values[0] as number)).toBe(3);
      expect(Math.round(median)).toBe(27);
      expect(Math.round(values[945] as number)).toBe(300);
    });

    it('gives the same summary from columnar input', () => {
      const columns = {
        customer: Int32Array.from(transactions, (t) => t.customer),
        time: Float64Array.from(transactions, (t) => ms(t.date)),
        value: Float64Array.from(transactions, (t) => t.value),
      };
      expect(rfmSummary(columns, { observationEnd: '1997-09-30', unit: 'week' })).toEqual(summary);
    });

    it('gives the same summary from the log in time order and from a shuffled log (the general pass)', () => {
      // CDNOW_sample.txt is grouped by customer and in date order within, as is the log sorted by time (ties
      // keep their order): both take the pass for logs in order. A shuffled log takes the general pass, which
      // adds values in another order: monetary values may differ in the last bits.
      const byTime = [...transactions].sort((a, b) => ms(a.date) - ms(b.date));
      let seed = 12345;
      const shuffled = [...transactions];
      for (let i = shuffled.length - 1; i > 0; i--) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        const j = seed % (i + 1);
        [shuffled[i], shuffled[j]] = [
          shuffled[j] as (typeof shuffled)[number],
          shuffled[i] as (typeof shuffled)[number],
        ];
      }
      const columns = (log: typeof byTime) => ({
        customer: Int32Array.from(log, (t) => t.customer),
        time: Float64Array.from(log, (t) => ms(t.date)),
        value: Float64Array.from(log, (t) => t.value),
      });
      const inTimeOrder = rfmSummary(columns(byTime), { observationEnd: '1997-09-30', unit: 'week' });
      // The sample ids were given in order of first purchase, so even the order of the rows is the same.
      expect(inTimeOrder).toEqual(summary);
      const general = rfmSummary(columns(shuffled), { observationEnd: '1997-09-30', unit: 'week' });
      const byId = [...general].sort((a, b) => (a.customer as number) - (b.customer as number));
      expect(byId.map((r) => [r.customer, r.frequency, r.recency, r.T])).toEqual(
        summary.map((r) => [r.customer, r.frequency, r.recency, r.T]),
      );
      byId.forEach((r, i) => {
        expectClose(r.monetaryValue, summary[i]?.monetaryValue as number, { rel: 1e-13, abs: 1e-13 });
      });
    });
  });

  it('groups purchases of the same day and averages the repeat days', () => {
    // Days with purchases: Jan 1 (10 + 5), Jan 3 (7 + 3), Jan 10 (20). x = 2, t_x = 9, T = 10 days,
    // monetary value = mean of the repeat days = (10 + 20) / 2 = 15.
    const rows = deepFreeze([
      { c: 'x', t: '2024-01-01', v: 10 },
      { c: 'x', t: '2024-01-01T18:00:00Z', v: 5 },
      { c: 'x', t: '2024-01-03', v: 7 },
      { c: 'x', t: '2024-01-03', v: 3 },
      { c: 'x', t: '2024-01-10', v: 20 },
    ]);
    expect(rfmSummary(rows, { customer: 'c', time: 't', value: 'v', observationEnd: '2024-01-11' })).toEqual([
      { customer: 'x', frequency: 2, recency: 9, T: 10, monetaryValue: 15 },
    ]);
  });

  it('measures recency and T in the requested unit (a week is exactly 7 days)', () => {
    const rows = [
      { c: 1, t: '2024-01-01' },
      { c: 1, t: '2024-01-11' },
    ];
    const days = rfmSummary(rows, { customer: 'c', time: 't', observationEnd: '2024-02-05' });
    expect(days[0]).toMatchObject({ frequency: 1, recency: 10, T: 35 });
    const weeks = rfmSummary(rows, { customer: 'c', time: 't', observationEnd: '2024-02-05', unit: 'week' });
    expect(weeks[0]).toMatchObject({ frequency: 1, recency: 10 / 7, T: 5 });
    const months = rfmSummary(rows, { customer: 'c', time: 't', observationEnd: '2024-02-05', unit: 'month' });
    expectClose(months[0]?.T as number, 35 / (365.25 / 12));
  });

  it('defaults observationEnd to the latest transaction', () => {
    const rows = [
      { c: 'a', t: '2024-01-01' },
      { c: 'b', t: '2024-01-05' },
    ];
    expect(rfmSummary(rows, { customer: 'c', time: 't' })).toEqual([
      { customer: 'a', frequency: 0, recency: 0, T: 4, monetaryValue: Number.NaN },
      { customer: 'b', frequency: 0, recency: 0, T: 0, monetaryValue: Number.NaN },
    ]);
  });

  it('measures T to the start of the period containing observationEnd (weekly periods, as lifetimes)', () => {
    // ISO weeks: Mon 2024-01-01 and Wed 2024-01-10 are in the weeks starting Jan 1 and Jan 8; Thu 2024-01-25 is
    // in the week starting Jan 22. So x = 1, t_x = 1 week, T = 3 weeks (not 24/7).
    const rows = [
      { c: 'a', t: '2024-01-01' },
      { c: 'a', t: '2024-01-10' },
    ];
    expect(
      rfmSummary(rows, { customer: 'c', time: 't', observationEnd: '2024-01-25', period: 'week' })[0],
    ).toMatchObject({
      frequency: 1,
      recency: 1,
      T: 3,
    });
  });

  it('groups by calendar month and measures between month starts', () => {
    // Jan 15 and Jan 31 are one January purchase period; Mar 2 is the second. Recency = Jan 1 → Mar 1 = 60 days
    // (2024 is a leap year); T = Jan 1 → Apr 1 (the month of observationEnd) = 91 days.
    const rows = [
      { c: 'a', t: '2024-01-15', v: 1 },
      { c: 'a', t: '2024-01-31', v: 2 },
      { c: 'a', t: '2024-03-02', v: 4 },
    ];
    expect(
      rfmSummary(rows, {
        customer: 'c',
        time: 't',
        value: 'v',
        observationEnd: '2024-04-10',
        period: 'month',
        unit: 'day',
      }),
    ).toEqual([{ customer: 'a', frequency: 1, recency: 60, T: 91, monetaryValue: 4 }]);
  });

  it('buckets weeks on weekStartsOn', () => {
    // Sun 2024-01-07 and Mon 2024-01-08: two ISO weeks (starting Jan 1 and Jan 8, 7 days apart), but one week
    // when weeks start on Sunday.
    const rows = [
      { c: 'a', t: '2024-01-07' },
      { c: 'a', t: '2024-01-08' },
    ];
    const options = { customer: 'c', time: 't', period: 'week', unit: 'day' } as const;
    expect(rfmSummary(rows, options)[0]).toMatchObject({ frequency: 1, recency: 7, T: 7 });
    expect(rfmSummary(rows, { ...options, weekStartsOn: 0 })[0]).toMatchObject({ frequency: 0, recency: 0, T: 0 });
  });

  it('buckets days on the calendar of timeZone and counts whole days across daylight-saving changes', () => {
    // 23:30 UTC on 10 March and 01:00 UTC on 11 March 2024 are 19:30 and 21:00 on 10 March in New York (EDT).
    const rows = [
      { c: 'a', t: '2024-03-10T23:30:00Z' },
      { c: 'a', t: '2024-03-11T01:00:00Z' },
    ];
    expect(rfmSummary(rows, { customer: 'c', time: 't', observationEnd: '2024-03-12T12:00:00Z' })[0]).toMatchObject({
      frequency: 1,
    });
    expect(
      rfmSummary(rows, {
        customer: 'c',
        time: 't',
        observationEnd: '2024-03-12T12:00:00Z',
        timeZone: 'America/New_York',
      })[0],
    ).toMatchObject({
      frequency: 0,
      T: 2,
    });
    // 1 March to 1 April in New York spans the spring-forward night (a 23-hour day): still exactly 31 days.
    const dst = rfmSummary([{ c: 'a', t: '2024-03-01' }], {
      customer: 'c',
      time: 't',
      observationEnd: '2024-04-01',
      timeZone: 'America/New_York',
    });
    expect(dst[0]?.T).toBe(31);
  });

  it('accepts Dates, epoch milliseconds and accessor functions', () => {
    const rows = [
      { id: 7, when: new Date('2024-01-01T10:00:00Z'), amount: 1 },
      { id: 7, when: ms('2024-01-03'), amount: 4 },
    ];
    const out = rfmSummary(rows, { customer: (r) => r.id, time: (r) => r.when, value: (r, i) => r.amount * (i + 1) });
    expect(out).toEqual([{ customer: 7, frequency: 1, recency: 2, T: 2, monetaryValue: 8 }]);
  });

  it('accepts columns of Dates or ISO strings as well as epoch milliseconds', () => {
    const out = rfmSummary({
      customer: ['a', 'a'],
      time: ['2024-01-01', new Date('2024-01-02T00:00:00Z')],
      value: [1, 2],
    });
    expect(out).toEqual([{ customer: 'a', frequency: 1, recency: 1, T: 1, monetaryValue: 2 }]);
  });

  describe('edge cases', () => {
    it('returns an empty array for no transactions', () => {
      expect(rfmSummary([], { customer: 'c', time: 't' })).toEqual([]);
      expect(rfmSummary({ customer: [], time: [] })).toEqual([]);
      expect(rfmSummary({ customer: [], time: [] }, { observationEnd: '2024-01-01' })).toEqual([]);
    });

    it('summarises a single transaction as x = 0, t_x = 0, monetary value 0', () => {
      expect(
        rfmSummary([{ c: 'a', t: '2024-01-01', v: 9 }], {
          customer: 'c',
          time: 't',
          value: 'v',
          observationEnd: '2024-01-08',
        }),
      ).toEqual([{ customer: 'a', frequency: 0, recency: 0, T: 7, monetaryValue: 0 }]);
    });

    it('gives the same result for unsorted input and counts duplicate rows as more value on the same day', () => {
      const sorted = [
        { c: 'x', t: '2024-01-01', v: 10 },
        { c: 'y', t: '2024-01-02', v: 1 },
        { c: 'x', t: '2024-01-03', v: 10 },
        { c: 'x', t: '2024-01-10', v: 20 },
        { c: 'y', t: '2024-01-05', v: 2 },
      ];
      const shuffled = [sorted[3], sorted[1], sorted[2], sorted[4], sorted[0], sorted[3]] as typeof sorted;
      // x: days Jan 1 (10), Jan 3 (10), Jan 10 (20 + 20 from the duplicate row) → x = 2, monetary (10 + 40) / 2.
      const out = rfmSummary(shuffled, { customer: 'c', time: 't', value: 'v', observationEnd: '2024-01-11' });
      expect(out).toEqual([
        { customer: 'x', frequency: 2, recency: 9, T: 10, monetaryValue: 25 },
        { customer: 'y', frequency: 1, recency: 3, T: 9, monetaryValue: 2 },
      ]);
    });

    it('sums repeat values with compensation, in time order and in any order', () => {
      // Repeat days carry 1, 1e100, 1, −1e100: a plain running sum gives 0, the compensated sum 2 (x = 4).
      const rows = [
        { c: 'a', t: 0, v: 5 },
        { c: 'a', t: DAY, v: 1 },
        { c: 'a', t: 2 * DAY, v: 1e100 },
        { c: 'a', t: 3 * DAY, v: 1 },
        { c: 'a', t: 4 * DAY, v: -1e100 },
      ];
      const expected = [{ customer: 'a', frequency: 4, recency: 4, T: 4, monetaryValue: 0.5 }];
      for (const order of [rows, [...rows].reverse(), [rows[2], rows[0], rows[4], rows[1], rows[3]]]) {
        expect(rfmSummary(order, { customer: 'c', time: 't', value: 'v' })).toEqual(expected);
      }
    });

    it('sums the values of a period that was first until an earlier one turned up with compensation, on every pass', () => {
      // Days 10 and 20, four orders each (1, 1e100, 1, −1e100): x = 1 and the repeat day is worth exactly 2. With
      // day 20 first in the log, the window pass first takes day 20 for the first period, then moves its sum to the
      // repeat sum; a plain running sum of that first period would give 0.
      for (const { pass, columns } of compensationLogs()) {
        const out = rfmSummary(columns, { observationEnd: 25 * DAY });
        expect(
          out.map(({ frequency, recency, T, monetaryValue }) => ({ pass, frequency, recency, T, monetaryValue })),
        ).toEqual([{ pass, frequency: 1, recency: 10, T: 15, monetaryValue: 2 }]);
      }
    });

    it('recounts a long unsorted history with repeated days', () => {
      // Days 0…49, each twice, in a scrambled order (37 is coprime with 100): 50 distinct days, x = 49, t_x = 49.
      const time = Array.from({ length: 100 }, (_, i) => (((i * 37) % 100) % 50) * DAY);
      expect(rfmSummary({ customer: new Array<string>(100).fill('a'), time }, { observationEnd: 60 * DAY })).toEqual([
        { customer: 'a', frequency: 49, recency: 49, T: 60, monetaryValue: Number.NaN },
      ]);
    });

    it('leaves out customers whose first purchase is after observationEnd and ignores later transactions', () => {
      const rows = [
        { c: 'late', t: '2024-02-01', v: 5 },
        { c: 'a', t: '2024-01-01', v: 5 },
        { c: 'a', t: '2024-01-20', v: 7 },
        { c: 'a', t: '2024-02-02', v: 100 },
      ];
      expect(rfmSummary(rows, { customer: 'c', time: 't', value: 'v', observationEnd: '2024-01-31' })).toEqual([
        { customer: 'a', frequency: 1, recency: 19, T: 30, monetaryValue: 7 },
      ]);
    });

    it('counts a purchase later on the observationEnd day (same period) but not after it', () => {
      const rows = [
        { c: 'a', t: '2024-01-01' },
        { c: 'a', t: '2024-01-10T22:00:00Z' },
        { c: 'a', t: '2024-01-11T00:00:00Z' },
      ];
      expect(rfmSummary(rows, { customer: 'c', time: 't', observationEnd: '2024-01-10T08:00:00Z' })[0]).toMatchObject({
        frequency: 1,
        recency: 9,
        T: 9,
      });
    });

    it('keeps numeric and string identifiers apart and handles large and negative ids', () => {
      const ids = [1, '1', 0, 2 ** 31, Number.MAX_SAFE_INTEGER, -5, 1.5, 1];
      const out = rfmSummary({ customer: ids, time: ids.map((_, i) => ms('2024-01-01') + i * DAY) });
      expect(out.map((r) => r.customer)).toEqual([1, '1', 0, 2 ** 31, Number.MAX_SAFE_INTEGER, -5, 1.5]);
      expect(out[0]).toMatchObject({ frequency: 1, recency: 7, T: 7 });
    });

    it('handles huge and zero values', () => {
      const out = rfmSummary({ customer: [1, 1, 1], time: [0, DAY, 2 * DAY], value: [0, 1e300, 1e300] });
      expect(out[0]?.monetaryValue).toBe(1e300);
      const zeros = rfmSummary({ customer: [1, 1], time: [0, DAY], value: [0, 0] });
      expect(zeros[0]?.monetaryValue).toBe(0);
    });

    it('does not mutate frozen input', () => {
      const columns = deepFreeze({
        customer: ['a', 'b', 'a'],
        time: [ms('2024-01-05'), ms('2024-01-01'), ms('2024-01-02')],
        value: [1, 2, 3],
      });
      expect(rfmSummary(columns)).toHaveLength(2);
      expect(columns.time).toEqual([ms('2024-01-05'), ms('2024-01-01'), ms('2024-01-02')]);
    });
  });

  describe('errors', () => {
    it('names the row and value of an invalid date', () => {
      expectThrows(
        () =>
          rfmSummary(
            [
              { c: 'a', t: '2024-01-01' },
              { c: 'a', t: '2024-13-01' },
            ],
            { customer: 'c', time: 't' },
          ),
        TypeError,
        'rfmSummary',
        'rfmSummary: row 1: time "2024-13-01" is not a valid date',
      );
      expectThrows(
        () => rfmSummary({ customer: ['a'], time: [Number.NaN] }),
        TypeError,
        'rfmSummary',
        'time[0] NaN is not a valid date',
      );
    });

    it('rejects invalid customers and values without coercion', () => {
      expectThrows(
        () => rfmSummary([{ c: null, t: 0 }], { customer: 'c', time: 't' }),
        TypeError,
        'rfmSummary',
        'row 0: customer must be a non-empty string or a finite number, got null',
      );
      expectThrows(
        () => rfmSummary({ customer: [Number.NaN], time: [0] }),
        RangeError,
        'rfmSummary',
        'customer[0] (NaN) must be a finite number',
      );
      expectThrows(
        () => rfmSummary([{ c: 'a', t: 0, v: '20' }], { customer: 'c', time: 't', value: 'v' }),
        TypeError,
        'rfmSummary',
        'row 0: value must be a number, got "20"',
      );
      expectThrows(
        () => rfmSummary({ customer: ['a'], time: [0], value: [Infinity] }),
        RangeError,
        'rfmSummary',
        'value[0] (Infinity) must be a finite number',
      );
    });

    it('validates rows after observationEnd too', () => {
      expectThrows(
        () =>
          rfmSummary(
            [
              { c: 'a', t: '2024-01-01', v: 1 },
              { c: {}, t: '2025-01-01', v: 1 },
            ],
            { customer: 'c', time: 't', value: 'v', observationEnd: '2024-06-01' },
          ),
        TypeError,
        'rfmSummary',
        'row 1: customer',
      );
    });

    it('rejects malformed transactions and options', () => {
      expectThrows(
        () => rfmSummary([{ c: 'a', t: 0 }], { time: 't' } as never),
        TypeError,
        'rfmSummary',
        'customer must be a property name or a function, got undefined',
      );
      expectThrows(
        () => rfmSummary({ customer: ['a'], time: [0] }, { customer: 'c' }),
        TypeError,
        'rfmSummary',
        'customer accessor applies to row input only',
      );
      expectThrows(
        () => rfmSummary({ customer: ['a', 'b'], time: [0] }),
        RangeError,
        'rfmSummary',
        'transactions.time length (1) must equal transactions.customer length (2)',
      );
      expectThrows(
        () => rfmSummary({ customer: { length: 1e15 }, time: [] } as never),
        TypeError,
        'rfmSummary',
        'transactions.customer must be an array or a typed array',
      );
      expectThrows(
        () => rfmSummary(42 as never),
        TypeError,
        'rfmSummary',
        'transactions must be an array or iterable of rows, or columns',
      );
      expectThrows(
        () => rfmSummary([], { customer: 'c', time: 't', unit: 'fortnight' } as never),
        RangeError,
        'rfmSummary',
        'unit ("fortnight") must be one of',
      );
      expectThrows(
        () => rfmSummary([], { customer: 'c', time: 't', period: 'hour' } as never),
        RangeError,
        'rfmSummary',
        'period ("hour")',
      );
      expectThrows(
        () => rfmSummary([], { customer: 'c', time: 't', timeZone: 'Mars/Olympus' }),
        RangeError,
        'rfmSummary',
        'timeZone ("Mars/Olympus")',
      );
      expectThrows(
        () => rfmSummary([], { customer: 'c', time: 't', weekStartsOn: 7 }),
        RangeError,
        'rfmSummary',
        'weekStartsOn (7)',
      );
      expectThrows(
        () => rfmSummary([], { customer: 'c', time: 't', observationEnd: 'soon' }),
        TypeError,
        'rfmSummary',
        'observationEnd "soon" is not a valid date',
      );
    });
  });
});
