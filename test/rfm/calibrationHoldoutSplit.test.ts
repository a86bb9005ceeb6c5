import { describe, expect, it } from 'vitest';
import { calibrationHoldoutSplit } from 'loyalty-metrics';
import { deepFreeze, expectClose, expectThrows } from '../helpers/expectClose.ts';
import { compensationLogs } from './arbitraries.ts';
import { cdnowTransactions, numericCsv } from './cdnow.ts';

const DAY = 86_400_000;

describe('calibrationHoldoutSplit', () => {
  describe('CDNOW: 39-week calibration (to 1997-09-30) and 39-week holdout (to 1998-06-30)', () => {
    const transactions = deepFreeze(cdnowTransactions());
    const split = calibrationHoldoutSplit(transactions, {
      customer: 'customer',
      time: 'date',
      value: 'value',
      calibrationEnd: '1997-09-30',
      observationEnd: '1998-06-30',
      unit: 'week',
    });

    it('reproduces cdnow_customers_summary.csv in the calibration fields', () => {
      // Fader, Hardie & Lee (2005) calibration summary, two decimals (tolerance half a unit of the last digit).
      const expected = numericCsv('cdnow_customers_summary.csv');
      expect(split).toHaveLength(2357);
      expected.forEach(([id, frequency, recency, T], i) => {
        expect(split[i]?.customer).toBe(id);
        expect(split[i]?.frequency).toBe(frequency);
        expectClose(split[i]?.recency as number, recency as number, { abs: 0.005 + 1e-9 });
        expectClose(split[i]?.T as number, T as number, { abs: 0.005 + 1e-9 });
      });
    });

    it('gives a holdout of exactly 39 weeks (273 days from 1997-09-30 to 1998-06-30)', () => {
      expect(split.every((row) => row.holdoutDuration === 39)).toBe(true);
    });

    it('counts the distinct holdout purchase days of every customer', () => {
      // Independent count: distinct (customer, date) pairs after the calibration end.
      const days = new Map<number, Set<string>>();
      for (const t of transactions) {
        if (t.date <= '1997-09-30') continue;
        days.set(t.customer, (days.get(t.customer) ?? new Set()).add(t.date));
      }
      for (const row of split) expect(row.holdoutFrequency).toBe(days.get(row.customer as number)?.size ?? 0);
    });

    it('matches hand-read rows of CDNOW_sample.txt', () => {
      // Customer 1: 1997-01-01, 01-18, 08-02 (calibration) and 1997-12-12 $26.48 (holdout).
      expect(split[0]).toMatchObject({ customer: 1, frequency: 2, holdoutFrequency: 1, holdoutMonetaryValue: 26.48 });
      // Customer 9: 1997-01-01, 05-01, 09-08, then 1998-02-10 $28.49 and 1998-02-11 $28.98.
      expect(split[8]).toMatchObject({ customer: 9, frequency: 2, holdoutFrequency: 2 });
      expectClose(split[8]?.holdoutMonetaryValue as number, (28.49 + 28.98) / 2);
      // Customer 3: one purchase on 1997-01-01, nothing later.
      expect(split[2]).toMatchObject({
        customer: 3,
        frequency: 0,
        monetaryValue: 0,
        holdoutFrequency: 0,
        holdoutMonetaryValue: 0,
      });
    });
  });

  it('splits a small log by hand', () => {
    // a: Jan 1, Jan 8 | Jan 20, Jan 21 (values 10, 20 | 30, 50); b: Jan 10 only; c: first seen in the holdout.
    const rows = [
      { c: 'c', t: '2024-01-25', v: 7 },
      { c: 'a', t: '2024-01-01', v: 10 },
      { c: 'a', t: '2024-01-08', v: 20 },
      { c: 'b', t: '2024-01-10', v: 5 },
      { c: 'a', t: '2024-01-21', v: 50 },
      { c: 'a', t: '2024-01-20', v: 30 },
      { c: 'a', t: '2024-02-20', v: 999 },
    ];
    expect(
      calibrationHoldoutSplit(rows, {
        customer: 'c',
        time: 't',
        value: 'v',
        calibrationEnd: '2024-01-14',
        observationEnd: '2024-01-28',
      }),
    ).toEqual([
      {
        customer: 'a',
        frequency: 1,
        recency: 7,
        T: 13,
        monetaryValue: 20,
        holdoutFrequency: 2,
        holdoutDuration: 14,
        holdoutMonetaryValue: 40,
      },
      {
        customer: 'b',
        frequency: 0,
        recency: 0,
        T: 4,
        monetaryValue: 0,
        holdoutFrequency: 0,
        holdoutDuration: 14,
        holdoutMonetaryValue: 0,
      },
    ]);
  });

  it('defaults observationEnd to the latest transaction and returns NaN monetary values without values', () => {
    const out = calibrationHoldoutSplit(
      { customer: [1, 1, 2], time: ['2024-01-01', '2024-01-05', '2024-01-09'] },
      { calibrationEnd: '2024-01-03' },
    );
    expect(out).toEqual([
      {
        customer: 1,
        frequency: 0,
        recency: 0,
        T: 2,
        monetaryValue: Number.NaN,
        holdoutFrequency: 1,
        holdoutDuration: 6,
        holdoutMonetaryValue: Number.NaN,
      },
    ]);
  });

  it('measures the holdout between period starts with weekly periods', () => {
    // Calibration end Wed 2024-01-10 (week of Jan 8), observation end Fri 2024-01-26 (week of Jan 22): 2 weeks.
    const out = calibrationHoldoutSplit(
      [
        { c: 1, t: '2024-01-02' },
        { c: 1, t: '2024-01-12' },
        { c: 1, t: '2024-01-23' },
      ],
      {
        customer: 'c',
        time: 't',
        calibrationEnd: '2024-01-10',
        observationEnd: '2024-01-26',
        period: 'week',
      },
    );
    expect(out).toEqual([
      {
        customer: 1,
        frequency: 1,
        recency: 1,
        T: 1,
        monetaryValue: Number.NaN,
        holdoutFrequency: 1,
        holdoutDuration: 2,
        holdoutMonetaryValue: Number.NaN,
      },
    ]);
  });

  describe('edge cases', () => {
    it('returns an empty array without transactions or without calibration purchases', () => {
      expect(calibrationHoldoutSplit([], { customer: 'c', time: 't', calibrationEnd: '2024-01-01' })).toEqual([]);
      expect(
        calibrationHoldoutSplit({ customer: ['a'], time: ['2024-02-01'] }, { calibrationEnd: '2024-01-01' }),
      ).toEqual([]);
    });

    it('allows an empty holdout window (observationEnd = calibrationEnd)', () => {
      const out = calibrationHoldoutSplit(
        { customer: ['a', 'a'], time: ['2024-01-01', '2024-01-02'] },
        { calibrationEnd: '2024-01-02', observationEnd: '2024-01-02' },
      );
      expect(out[0]).toMatchObject({ frequency: 1, holdoutFrequency: 0, holdoutDuration: 0 });
    });

    it('puts a purchase later on the calibrationEnd day into the calibration window', () => {
      const out = calibrationHoldoutSplit(
        { customer: ['a', 'a'], time: ['2024-01-01', '2024-01-02T20:00:00Z'] },
        { calibrationEnd: '2024-01-02T08:00:00Z', observationEnd: '2024-01-09' },
      );
      expect(out[0]).toMatchObject({ frequency: 1, holdoutFrequency: 0, holdoutDuration: 7 });
    });

    it('sums the holdout values with compensation, on every pass', () => {
      // Day 10 (calibration) and day 20 (holdout), four orders each (1, 1e100, 1, −1e100): the holdout day is worth
      // exactly 2 (a plain running sum gives 0) and the first day's values stay out of monetaryValue.
      for (const { pass, columns } of compensationLogs()) {
        const out = calibrationHoldoutSplit(columns, { calibrationEnd: 15 * DAY, observationEnd: 25 * DAY });
        expect(
          out.map(({ frequency, monetaryValue, holdoutFrequency, holdoutMonetaryValue }) => ({
            pass,
            frequency,
            monetaryValue,
            holdoutFrequency,
            holdoutMonetaryValue,
          })),
        ).toEqual([{ pass, frequency: 0, monetaryValue: 0, holdoutFrequency: 1, holdoutMonetaryValue: 2 }]);
      }
    });

    it('counts duplicate holdout rows on one day as one period', () => {
      const out = calibrationHoldoutSplit(
        { customer: ['a', 'a', 'a'], time: ['2024-01-01', '2024-01-05', '2024-01-05'], value: [1, 2, 3] },
        { calibrationEnd: '2024-01-02' },
      );
      expect(out[0]).toMatchObject({ holdoutFrequency: 1, holdoutMonetaryValue: 5 });
    });
  });

  describe('errors', () => {
    it('requires calibrationEnd and an observationEnd not before it', () => {
      expectThrows(
        () => calibrationHoldoutSplit({ customer: [], time: [] }, {} as never),
        TypeError,
        'calibrationHoldoutSplit',
        'calibrationHoldoutSplit: calibrationEnd undefined is not a valid date',
      );
      expectThrows(
        () =>
          calibrationHoldoutSplit(
            { customer: ['a'], time: [0] },
            { calibrationEnd: '2024-02-01', observationEnd: '2024-01-01' },
          ),
        RangeError,
        'calibrationHoldoutSplit',
        'observationEnd ("2024-01-01") must not be before calibrationEnd ("2024-02-01")',
      );
    });

    it('reports row errors like rfmSummary', () => {
      expectThrows(
        () =>
          calibrationHoldoutSplit([{ c: 'a', t: 'yesterday' }], {
            customer: 'c',
            time: 't',
            calibrationEnd: '2024-01-01',
          }),
        TypeError,
        'calibrationHoldoutSplit',
        'row 0: time "yesterday" is not a valid date',
      );
      expectThrows(
        () => calibrationHoldoutSplit(null as never, { calibrationEnd: '2024-01-01' }),
        TypeError,
        'calibrationHoldoutSplit',
        'transactions must be',
      );
    });
  });
});
