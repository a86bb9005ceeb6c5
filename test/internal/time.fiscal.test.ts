import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarPeriod } from '../../src/index.ts';
import { createPeriodIndexer } from '../../src/internal/time/indexer.ts';
import { thrown } from '../helpers/expectClose.ts';

// Fiscal calendars (`yearStartsOn`): quarters and years start on the first day of month `yearStartsOn`, and a
// fiscal period is labelled, like every period, by the ISO date of its first local day. Every expected value
// below is a calendar fact written out by hand (UTC offsets: GMT +0, BST +1, EST −5, EDT −4).

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const fiscal = (time: string | number, period: 'quarter' | 'year', yearStartsOn: number, timeZone = 'UTC') =>
  calendarPeriod(time, { period, yearStartsOn, timeZone });

describe('UK fiscal year (yearStartsOn 4)', () => {
  it('puts 2024-03-31 in the year that started on 2023-04-01, and starts the next on 2024-04-01', () => {
    expect(fiscal('2024-03-31', 'year', 4)).toEqual({
      label: '2023-04-01',
      start: Date.UTC(2023, 3, 1),
      end: Date.UTC(2024, 3, 1),
    });
    expect(fiscal('2024-04-01', 'year', 4)).toEqual({
      label: '2024-04-01',
      start: Date.UTC(2024, 3, 1),
      end: Date.UTC(2025, 3, 1),
    });
    expect(fiscal('2025-03-31T23:59:59.999Z', 'year', 4).label).toBe('2024-04-01');
  });

  it('has Q1 = April–June, Q2 = July–September, Q3 = October–December, Q4 = January–March', () => {
    expect(fiscal('2024-04-01', 'quarter', 4)).toEqual({
      label: '2024-04-01',
      start: Date.UTC(2024, 3, 1),
      end: Date.UTC(2024, 6, 1),
    });
    expect(fiscal('2024-06-30', 'quarter', 4).label).toBe('2024-04-01');
    expect(fiscal('2024-07-01', 'quarter', 4).label).toBe('2024-07-01');
    expect(fiscal('2024-12-31', 'quarter', 4).label).toBe('2024-10-01');
    // Q4 of the fiscal year 2024-04-01 … 2025-03-31
    expect(fiscal('2025-02-14', 'quarter', 4)).toEqual({
      label: '2025-01-01',
      start: Date.UTC(2025, 0, 1),
      end: Date.UTC(2025, 3, 1),
    });
    expect(fiscal('2025-02-14', 'year', 4).label).toBe('2024-04-01');
  });

  it('ends the fiscal year at local midnight in Europe/London, one hour before midnight UTC (British Summer Time)', () => {
    // BST began on 2024-03-31 at 01:00 UTC, so 2024-04-01 00:00 in London is 2024-03-31 23:00 UTC.
    const year = fiscal('2024-03-31T12:00:00Z', 'year', 4, 'Europe/London');
    expect(year).toEqual({ label: '2023-04-01', start: Date.UTC(2023, 2, 31, 23), end: Date.UTC(2024, 2, 31, 23) });
    expect(fiscal(Date.UTC(2024, 2, 31, 22, 59, 59, 999), 'year', 4, 'Europe/London').label).toBe('2023-04-01');
    expect(fiscal(Date.UTC(2024, 2, 31, 23), 'year', 4, 'Europe/London').label).toBe('2024-04-01');
    // the same instant is still in the old fiscal year in UTC
    expect(fiscal(Date.UTC(2024, 2, 31, 23, 30), 'year', 4).label).toBe('2023-04-01');
    // a date without an offset is local midnight
    expect(fiscal('2024-04-01', 'year', 4, 'Europe/London').start).toBe(Date.UTC(2024, 2, 31, 23));
    // fiscal Q4 (January–March 2024) starts in GMT and ends in BST: 91 days less the hour lost on 2024-03-31
    const q4 = fiscal('2024-02-01', 'quarter', 4, 'Europe/London');
    expect(q4.label).toBe('2024-01-01');
    expect((q4.end - q4.start) / HOUR).toBe(91 * 24 - 1);
  });
});

describe('US federal fiscal year (yearStartsOn 10)', () => {
  it('starts the year the US calls FY2025 on 2024-10-01 and labels it by that day', () => {
    expect(fiscal('2024-09-30', 'year', 10).label).toBe('2023-10-01'); // last day of FY2024
    expect(fiscal('2024-10-01', 'year', 10)).toEqual({
      label: '2024-10-01',
      start: Date.UTC(2024, 9, 1),
      end: Date.UTC(2025, 9, 1),
    });
    expect(fiscal('2025-09-30', 'year', 10).label).toBe('2024-10-01'); // last day of FY2025
    // quarters: Q1 October–December, Q2 January–March, Q3 April–June, Q4 July–September
    expect(['2024-10-01', '2025-01-15', '2025-05-31', '2025-09-30'].map((d) => fiscal(d, 'quarter', 10).label)).toEqual(
      ['2024-10-01', '2025-01-01', '2025-04-01', '2025-07-01'],
    );
  });

  it('turns at local midnight in America/New_York (EDT, 04:00 UTC)', () => {
    expect(fiscal(Date.UTC(2024, 9, 1, 3, 59, 59, 999), 'year', 10, 'America/New_York').label).toBe('2023-10-01');
    expect(fiscal(Date.UTC(2024, 9, 1, 4), 'year', 10, 'America/New_York')).toEqual({
      label: '2024-10-01',
      start: Date.UTC(2024, 9, 1, 4),
      end: Date.UTC(2025, 9, 1, 4),
    });
  });

  it('measures a fiscal quarter across the fall-back change in America/New_York', () => {
    // yearStartsOn 2: quarters November–January, February–April… Daylight time ended on 2024-11-03, so the
    // quarter from 2024-11-01 00:00 EDT (04:00 UTC) to 2025-02-01 00:00 EST (05:00 UTC) is 92 days and 1 hour.
    const q = fiscal('2024-11-02T12:00:00', 'quarter', 2, 'America/New_York');
    expect(q).toEqual({ label: '2024-11-01', start: Date.UTC(2024, 10, 1, 4), end: Date.UTC(2025, 1, 1, 5) });
    expect((q.end - q.start) / HOUR).toBe(92 * 24 + 1);
  });
});

describe('invalid yearStartsOn', () => {
  const cases: [unknown, typeof RangeError | typeof TypeError, string][] = [
    [0, RangeError, '0'],
    [13, RangeError, '13'],
    [2.5, RangeError, '2.5'],
    [Number.NaN, RangeError, 'NaN'],
    ['4', TypeError, '"4"'],
  ];
  it.each(cases)('rejects %s naming yearStartsOn and the value, with the error fields', (value, kind, printed) => {
    const error = thrown(() => calendarPeriod('2024-01-01', { period: 'year', yearStartsOn: value as number }));
    expect(error).toBeInstanceOf(kind);
    expect(error.message).toContain('yearStartsOn');
    expect(error.message).toContain(
      kind === RangeError
        ? `yearStartsOn (${printed}) must be an integer from 1 (January) to 12 (December)`
        : `yearStartsOn must be a number, got ${printed}`,
    );
    expect(Object.hasOwn(error, 'function')).toBe(true);
    expect({ ...error }).toMatchObject({
      function: 'calendarPeriod',
      argument: 'options.yearStartsOn',
      value: printed,
    });
    const direct = thrown(() =>
      createPeriodIndexer('f', { period: 'quarter', timeZone: 'UTC', weekStartsOn: 1, yearStartsOn: value as number }),
    );
    expect(direct).toBeInstanceOf(kind);
    expect({ ...direct }).toMatchObject({ function: 'f', argument: 'yearStartsOn', value: printed });
  });
});

describe('fiscal calendar properties', () => {
  const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) });
  const month = fc.integer({ min: 1, max: 12 });
  const zone = fc.constantFrom('UTC', 'Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kathmandu');
  const indexers = (yearStartsOn: number, timeZone: string) => {
    const make = (period: 'month' | 'quarter' | 'year') =>
      createPeriodIndexer('f', { period, timeZone, weekStartsOn: 1, yearStartsOn });
    return { months: make('month'), quarters: make('quarter'), years: make('year') };
  };

  it('yearStartsOn 1 is bit-for-bit the same as omitting it (calendarPeriod, quarter and year)', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom('quarter' as const, 'year' as const), zone, (ms, period, timeZone) => {
        expect(calendarPeriod(ms, { period, timeZone, yearStartsOn: 1 })).toStrictEqual(
          calendarPeriod(ms, { period, timeZone }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('nests quarters in fiscal years: quarter i starts in fiscal year ⌊i / 4⌋, and each instant agrees', () => {
    fc.assert(
      fc.property(instant, month, zone, (ms, yearStartsOn, timeZone) => {
        const { quarters, years } = indexers(yearStartsOn, timeZone);
        const q = quarters.index(ms);
        expect(years.index(ms)).toBe(Math.floor(q / 4));
        expect(years.index(quarters.start(q))).toBe(Math.floor(q / 4));
        // a fiscal quarter starts on the first day of month yearStartsOn + 3k
        const first = new Date(Date.parse(`${quarters.label(q)}T00:00:00Z`));
        expect(first.getUTCDate()).toBe(1);
        expect((((first.getUTCMonth() + 1 - yearStartsOn) % 3) + 3) % 3).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('numbers fiscal years monotonically in time', () => {
    fc.assert(
      fc.property(instant, instant, month, zone, (a, b, yearStartsOn, timeZone) => {
        const { years } = indexers(yearStartsOn, timeZone);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(years.index(lo)).toBeLessThanOrEqual(years.index(hi));
      }),
      { numRuns: 300 },
    );
  });

  it('gives every fiscal year exactly 4 quarters and 12 months, starting on the first of month yearStartsOn', () => {
    fc.assert(
      fc.property(instant, month, zone, (ms, yearStartsOn, timeZone) => {
        const { months, quarters, years } = indexers(yearStartsOn, timeZone);
        const y = years.index(ms);
        const start = years.start(y);
        const end = years.end(y);
        expect(quarters.index(start)).toBe(4 * y);
        expect(quarters.index(end - 1)).toBe(4 * y + 3);
        expect(quarters.start(4 * y)).toBe(start);
        expect(quarters.end(4 * y + 3)).toBe(end);
        expect(months.index(end) - months.index(start)).toBe(12);
        expect(months.start(months.index(start))).toBe(start);
        // months are numbered from January 1970: the first month of the fiscal year is month yearStartsOn
        expect(((months.index(start) % 12) + 12) % 12).toBe(yearStartsOn - 1);
        // 365 or 366 local days, give or take an hour of daylight saving (compared in whole milliseconds, which
        // are exact: in days, the bound 0.5 + 1/24 is hit by rounding, e.g. 0.5416666666666856 for 366 days + 1 h)
        expect(Math.abs(end - start - 365.5 * DAY)).toBeLessThanOrEqual(DAY / 2 + DAY / 24);
      }),
      { numRuns: 300 },
    );
  });
});
