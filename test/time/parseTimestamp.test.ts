import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/index.ts';
import { expectThrows } from '../helpers/expectClose.ts';

describe('parseTimestamp', () => {
  it('reads Dates, epoch ms and ISO strings', () => {
    expect(parseTimestamp(new Date(Date.UTC(2024, 0, 2)))).toBe(Date.UTC(2024, 0, 2));
    expect(parseTimestamp(0)).toBe(0);
    expect(parseTimestamp('2024-01-02T03:04:05.678Z')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
  });

  it('reads local wall-clock times in the time zone, across DST changes', () => {
    // New York: EST (−5) in January, EDT (−4) in July; 2024-03-10 02:30 is skipped → 03:30 EDT.
    expect(parseTimestamp('2024-01-15T09:00', { timeZone: 'America/New_York' })).toBe(Date.UTC(2024, 0, 15, 14));
    expect(parseTimestamp('2024-07-15T09:00', { timeZone: 'America/New_York' })).toBe(Date.UTC(2024, 6, 15, 13));
    expect(parseTimestamp('2024-03-10T02:30', { timeZone: 'America/New_York' })).toBe(Date.UTC(2024, 2, 10, 7, 30));
  });

  describe('edge cases', () => {
    it('accepts leap days and the limits of the Date range', () => {
      expect(parseTimestamp('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
      expect(parseTimestamp(8.64e15)).toBe(8.64e15);
    });

    it('throws for invalid values and zones', () => {
      expectThrows(
        () => parseTimestamp('2024-02-30'),
        TypeError,
        'parseTimestamp',
        'value "2024-02-30" is not a valid date',
      );
      expectThrows(() => parseTimestamp(Number.NaN), TypeError, 'parseTimestamp', 'value NaN is not a valid date');
      expectThrows(() => parseTimestamp(null as never), TypeError, 'parseTimestamp', 'value null is not a valid date');
      expectThrows(
        () => parseTimestamp('2024-01-01', { timeZone: 'Moon/Base' }),
        RangeError,
        'parseTimestamp',
        'timeZone ("Moon/Base")',
      );
    });
  });
});
