import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortRetention } from '../../src/index.ts';
import { deepFreeze, expectThrows } from '../helpers/expectClose.ts';
import { orderOptions, orders } from './fixtures.ts';

describe('buildCohorts', () => {
  it('returns each customer’s cohort and per-column events and values as plain data', () => {
    const index = buildCohorts(deepFreeze(orders), orderOptions);
    expect(index).toEqual({
      period: 'month',
      windows: 'calendar',
      timeZone: 'UTC',
      weekStartsOn: 1,
      yearStartsOn: 1,
      observationEnd: Date.parse('2024-04-01T00:00:00Z'),
      cohorts: [
        { label: '2024-01-01', start: Date.UTC(2024, 0, 1), size: 2, columns: 4, completeColumns: 3 },
        { label: '2024-02-01', start: Date.UTC(2024, 1, 1), size: 1, columns: 3, completeColumns: 2 },
      ],
      customers: ['ann', 'bob', 'cy'],
      customerCohort: [0, 0, 1],
      customerStart: [
        Date.parse('2024-01-05T10:00:00Z'),
        Date.parse('2024-01-31T23:59:59Z'),
        Date.parse('2024-02-10T12:00:00Z'),
      ],
      cellStart: [0, 2, 4, 6],
      cellColumn: [0, 2, 0, 1, 0, 2],
      cellEvents: [2, 1, 1, 1, 1, 1],
      cellValue: [40, 20, 50, 25, 80, 5],
      purchasePeriod: 'day',
    });
    // every row a purchase: cy's two rows of Feb 10 count twice
    const rows = buildCohorts(orders, { ...orderOptions, purchasePeriod: 'event' });
    expect([rows.cellEvents, rows.purchasePeriod]).toEqual([[2, 1, 1, 1, 2, 1], 'event']);
    // monthly purchases: ann's two January orders are one
    expect(buildCohorts(orders, { ...orderOptions, purchasePeriod: 'month' }).cellEvents).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('survives a JSON round trip', () => {
    const index = buildCohorts(orders, orderOptions);
    const copy = JSON.parse(JSON.stringify(index)) as typeof index;
    expect(copy).toEqual(index);
    expect(cohortRetention(copy)).toEqual(cohortRetention(index));
  });

  it('reads columns with values and cohort dates', () => {
    const day = 86_400_000;
    const index = buildCohorts({
      customer: ['x', 'x', 'y'],
      time: [2 * day, 3 * day, 2 * day],
      value: Float64Array.from([1, 2, 4]),
      cohort: [0, 0, day],
    });
    expect(index.cohorts.map((c) => [c.label, c.size, c.columns])).toEqual([
      ['1970-01-01', 1, 4],
      ['1970-01-02', 1, 3],
    ]);
    expect(index.cellColumn).toEqual([2, 3, 1]);
    expect(index.cellValue).toEqual([1, 2, 4]);
    expect(index.customerStart).toEqual([0, day]);
  });

  it('numbers rolling windows from each customer’s start', () => {
    const h = 3_600_000;
    const index = buildCohorts({ customer: [1, 1, 1], time: [10 * h, 33 * h, 34 * h] }, { windows: 'rolling' });
    // Windows of 24 h from 10:00: 33:00 is window 0 (23 h later), 34:00 is window 1.
    expect(index.cellColumn).toEqual([0, 1]);
    expect(index.cellEvents).toEqual([2, 1]);
    expect(index.cellValue).toBeNull();
  });

  describe('edge cases', () => {
    it('returns an empty index for no events', () => {
      expect(buildCohorts([], { customer: 'c', time: 't' })).toMatchObject({
        observationEnd: null,
        cohorts: [],
        customers: [],
        cellStart: [0],
        cellColumn: [],
      });
    });

    it('throws for invalid values and options', () => {
      expectThrows(
        () => buildCohorts([{ c: 1, t: 0, v: '3' }], { customer: 'c', time: 't', value: 'v' }),
        TypeError,
        'buildCohorts',
        'row 0: value must be a number, got "3"',
      );
      expectThrows(
        () => buildCohorts({ customer: [1], time: [0], value: [Infinity] }),
        RangeError,
        'buildCohorts',
        'value[0] (Infinity) must be a finite number',
      );
      expectThrows(
        () => buildCohorts([{ c: 1, t: 0 }], { customer: 'c', time: 't', cohort: 't', startEvent: () => true }),
        TypeError,
        'buildCohorts',
        'startEvent cannot be combined with cohort',
      );
      expectThrows(
        () => buildCohorts([{ c: 1, t: 0, s: 'later' }], { customer: 'c', time: 't', cohort: 's' }),
        TypeError,
        'buildCohorts',
        'row 0: cohort "later" is not a valid date',
      );
      expectThrows(() => buildCohorts([], 'month' as never), TypeError, 'buildCohorts', 'options must be an object');
    });
  });
});
