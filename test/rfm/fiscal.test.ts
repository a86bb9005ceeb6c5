import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrationHoldoutSplit, overdueCustomers, rfmSummary } from '../../src/index.ts';
import { expectThrows, thrown } from '../helpers/expectClose.ts';

// RFM with fiscal quarters and years (`yearStartsOn`); expected values worked out by hand.
describe('rfmSummary with fiscal periods', () => {
  //   x: 2024-01-31 (10), 2024-02-01 (20), 2024-05-15 (5);   y: 2024-04-30 (7);   observation end 2024-06-10
  const rows = [
    { id: 'x', at: '2024-01-31', v: 10 },
    { id: 'x', at: '2024-02-01', v: 20 },
    { id: 'x', at: '2024-05-15', v: 5 },
    { id: 'y', at: '2024-04-30', v: 7 },
  ];
  const read = { customer: 'id', time: 'at', value: 'v', observationEnd: '2024-06-10', unit: 'day' } as const;

  it('groups purchases by the quarters of a February year', () => {
    // Quarters Nov–Jan (2023-11-01), Feb–Apr (2024-02-01), May–Jul (2024-05-01, the observation end's).
    //   x: three quarters → frequency 2; recency = 2024-05-01 − 2023-11-01 = 30 + 31 + 31 + 29 + 31 + 30 = 182
    //      days = T; monetary value = mean of the repeat quarters (20, 5) = 12.5
    //   y: one quarter (Feb–Apr) → frequency 0; T = 2024-05-01 − 2024-02-01 = 29 + 31 + 30 = 90 days
    expect(rfmSummary(rows, { ...read, period: 'quarter', yearStartsOn: 2 })).toEqual([
      { customer: 'x', frequency: 2, recency: 182, T: 182, monetaryValue: 12.5 },
      { customer: 'y', frequency: 0, recency: 0, T: 90, monetaryValue: 0 },
    ]);
    // Calendar quarters: x's January 31 and February 1 are one quarter (Q1), May 15 is Q2 (from 2024-04-01):
    // frequency 1, recency = T = 31 + 29 + 31 = 91 days, monetary 5; y buys in Q2 only.
    expect(rfmSummary(rows, { ...read, period: 'quarter' })).toEqual([
      { customer: 'x', frequency: 1, recency: 91, T: 91, monetaryValue: 5 },
      { customer: 'y', frequency: 0, recency: 0, T: 0, monetaryValue: 0 },
    ]);
  });

  it('groups purchases by UK fiscal years (April)', () => {
    // Fiscal years from 2023-04-01 (x's first two purchases) and 2024-04-01 (x's third, y's, the observation end):
    // x: frequency 1, recency = T = 366 days (2024 is a leap year), monetary 5; y: T = 0.
    expect(rfmSummary(rows, { ...read, period: 'year', yearStartsOn: 4 })).toEqual([
      { customer: 'x', frequency: 1, recency: 366, T: 366, monetaryValue: 5 },
      { customer: 'y', frequency: 0, recency: 0, T: 0, monetaryValue: 0 },
    ]);
  });

  it('passes yearStartsOn on in calibrationHoldoutSplit and overdueCustomers', () => {
    const fiscal = calibrationHoldoutSplit(rows, {
      ...read,
      period: 'quarter',
      yearStartsOn: 2,
      calibrationEnd: '2024-03-01',
    });
    // Calibration runs to the end of the quarter of 2024-03-01. Fiscal (Feb–Apr): x bought in Nov–Jan and
    // Feb–Apr → frequency 1; y's 2024-04-30 is in that quarter too. Calendar (Jan–Mar): x's two purchases are one
    // quarter → frequency 0, and y's April purchase is after the calibration period.
    expect(fiscal.map((r) => [r.customer, r.frequency])).toEqual([
      ['x', 1],
      ['y', 0],
    ]);
    expect(
      calibrationHoldoutSplit(rows, { ...read, period: 'quarter', calibrationEnd: '2024-03-01' }).map((r) => [
        r.customer,
        r.frequency,
      ]),
    ).toEqual([['x', 0]]);
    expect(() =>
      overdueCustomers(rows, { customer: 'id', time: 'at', period: 'year', yearStartsOn: 4, multiple: 1 }),
    ).not.toThrow();
  });

  it('rejects invalid values naming yearStartsOn and the value, with the error fields', () => {
    for (const [value, kind, printed] of [
      [0, RangeError, '0'],
      [13, RangeError, '13'],
      [2.5, RangeError, '2.5'],
      [Number.NaN, RangeError, 'NaN'],
      ['4', TypeError, '"4"'],
    ] as const) {
      expectThrows(
        () => rfmSummary(rows, { ...read, period: 'year', yearStartsOn: value as number }),
        kind,
        'rfmSummary',
        'yearStartsOn',
        printed,
      );
      expect({ ...thrown(() => rfmSummary(rows, { ...read, yearStartsOn: value as number })) }).toMatchObject({
        function: 'rfmSummary',
        argument: 'options.yearStartsOn',
        value: printed,
      });
      expect({
        ...thrown(() =>
          overdueCustomers(rows, { customer: 'id', time: 'at', multiple: 2, yearStartsOn: value as number }),
        ),
      }).toMatchObject({ function: 'overdueCustomers', argument: 'options.yearStartsOn' });
    }
  });

  it('yearStartsOn 1 is bit-for-bit the same as omitting it (quarters and years, any zone)', () => {
    const log = fc
      .array(
        fc.record({
          customer: fc.integer({ min: 0, max: 7 }),
          slot: fc.integer({ min: 0, max: 5 * 365 * 4 }),
          cents: fc.integer({ min: 0, max: 10_000 }),
        }),
        { maxLength: 40 },
      )
      .map((r) => ({
        customer: r.map((e) => e.customer),
        time: r.map((e) => Date.UTC(2022, 0, 1) + e.slot * 6 * 3_600_000),
        value: r.map((e) => e.cents / 100),
      }));
    fc.assert(
      fc.property(
        log,
        fc.constantFrom('quarter' as const, 'year' as const),
        fc.constantFrom('day' as const, 'week' as const, 'quarter' as const, 'year' as const),
        fc.constantFrom('UTC', 'Europe/London', 'America/New_York'),
        (events, period, unit, timeZone) => {
          const options = { period, unit, timeZone };
          expect(rfmSummary(events, { ...options, yearStartsOn: 1 })).toStrictEqual(rfmSummary(events, options));
        },
      ),
      { numRuns: 150 },
    );
  });
});
