import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/index.ts';
import { expectThrows } from '../helpers/expectClose.ts';

describe('parseTimestamp', () => {
  it('reads Dates, epoch ms and ISO strings', () => {
    expect(parseTimestamp(new Date(Date.UTC(2024, 0, 2)))).toBe(Date.UTC(2024, 0, 2));
    expect(parseTimestamp(0)).toBe(0);
    expect(parseTimestamp('2024-01-02T03:04:05.678Z')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
  });

  it('reads ISO 8601 basic format (issue 16 item 14: CDNOW dates are 19970101)', () => {
    // ISO 8601-1:2019 §5.2.2 / §5.3.3 / §5.3.4: basic format drops the '-' and ':' separators.
    expect(parseTimestamp('19970101')).toBe(Date.UTC(1997, 0, 1));
    expect(parseTimestamp('19970101T120000Z')).toBe(Date.UTC(1997, 0, 1, 12));
    expect(parseTimestamp('19970101T1200+0200')).toBe(Date.UTC(1997, 0, 1, 10));
    expect(parseTimestamp('19970101T120000.25-05')).toBe(Date.UTC(1997, 0, 1, 17, 0, 0, 250));
    // a basic date is local midnight, as an extended one
    expect(parseTimestamp('19970101', { timeZone: 'America/New_York' })).toBe(Date.UTC(1997, 0, 1, 5));
    // mixed forms and impossible dates are not ISO 8601
    for (const bad of [
      '1997-0101',
      '199701-01',
      '1997-01-01T1200',
      '19970101T12:00',
      '19970229',
      '19970101 1200',
      '1997010',
    ])
      expect(() => parseTimestamp(bad), bad).toThrow(TypeError);
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
