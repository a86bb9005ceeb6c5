import { describe, expect, it } from 'vitest';
import { calendarPeriod } from '../../src/index.ts';
import { expectThrows } from '../helpers/expectClose.ts';

describe('calendarPeriod', () => {
  it('returns the local period containing the instant', () => {
    // 2024-11-03 in New York lasts 25 hours: 04:00Z to 2024-11-04T05:00Z.
    expect(calendarPeriod(Date.UTC(2024, 10, 4, 4, 30), { timeZone: 'America/New_York' })).toEqual({
      label: '2024-11-03',
      start: Date.UTC(2024, 10, 3, 4),
      end: Date.UTC(2024, 10, 4, 5),
    });
    expect(calendarPeriod('2024-02-29T23:00:00Z', { period: 'quarter' })).toEqual({
      label: '2024-01-01',
      start: Date.UTC(2024, 0, 1),
      end: Date.UTC(2024, 3, 1),
    });
    expect(calendarPeriod('2024-12-31T23:30:00Z', { period: 'year', timeZone: 'Europe/Bucharest' }).label).toBe(
      '2025-01-01',
    );
  });

  describe('edge cases', () => {
    it('puts a boundary instant in the period that starts there', () => {
      expect(calendarPeriod('2024-03-04T00:00:00Z', { period: 'week' }).label).toBe('2024-03-04');
      expect(calendarPeriod('2024-03-03T23:59:59.999Z', { period: 'week' }).label).toBe('2024-02-26');
    });

    it('validates its options', () => {
      expectThrows(
        () => calendarPeriod(0, { period: 'hour' as never }),
        RangeError,
        'calendarPeriod',
        'period ("hour")',
      );
      expectThrows(() => calendarPeriod(0, { weekStartsOn: -1 }), RangeError, 'calendarPeriod', 'weekStartsOn (-1)');
      expectThrows(() => calendarPeriod(0, { timeZone: 1 as never }), TypeError, 'calendarPeriod', 'timeZone');
      expectThrows(
        () => calendarPeriod('yesterday'),
        TypeError,
        'calendarPeriod',
        'time "yesterday" is not a valid date',
      );
    });
  });
});
