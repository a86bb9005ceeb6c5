import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarPeriod, parseTimestamp } from '../../src/index.ts';

describe('calendarPeriod properties', () => {
  it('contains the instant, starts at local midnight of its label, and tiles time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'quarter' as const, 'year' as const),
        fc.constantFrom('UTC', 'Europe/Bucharest', 'America/New_York', 'Asia/Kathmandu'),
        (ms, period, timeZone) => {
          const p = calendarPeriod(ms, { period, timeZone });
          expect(p.start).toBeLessThanOrEqual(ms);
          expect(p.end).toBeGreaterThan(ms);
          expect(parseTimestamp(p.label, { timeZone })).toBe(p.start);
          expect(calendarPeriod(p.end, { period, timeZone }).start).toBe(p.end);
        },
      ),
      { numRuns: 200 },
    );
  });
});
