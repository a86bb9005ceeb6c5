import { describe, expect, it } from 'vitest';
import { expectThrows } from '../helpers/expectClose.ts';
import { civilFromDays, daysFromCivil, isoDateOfDay } from '../../src/internal/time/civil.ts';
import { createPeriodIndexer } from '../../src/internal/time/indexer.ts';
import { ROLLING_WINDOW_MS, type Period } from '../../src/internal/time/periodKinds.ts';
import { toEpochMs } from '../../src/internal/time/parse.ts';
import { zoneOffsetMs } from '../../src/internal/time/zones.ts';

const H = 3_600_000;
const D = 24 * H;
const utc = (iso: string): number => Date.parse(iso);
const indexer = (period: Period, timeZone = 'UTC', weekStartsOn = 1) =>
  createPeriodIndexer('f', { period, timeZone, weekStartsOn });

describe('toEpochMs', () => {
  it('accepts Date, epoch ms and ISO strings', () => {
    expect(toEpochMs('f', new Date('2024-03-05T10:00:00Z'), 'time', 'UTC')).toBe(utc('2024-03-05T10:00:00Z'));
    expect(toEpochMs('f', 1_700_000_000_000, 'time', 'UTC')).toBe(1_700_000_000_000);
    expect(toEpochMs('f', '2024-03-05', 'time', 'UTC')).toBe(utc('2024-03-05T00:00:00Z'));
  });

  it('reads a date-only string as local midnight in the time zone', () => {
    // Bucharest is UTC+2 in winter, UTC+3 in summer (EU rules: last Sunday of March / October at 01:00 UTC).
    expect(toEpochMs('f', '2024-01-15', 'time', 'Europe/Bucharest')).toBe(utc('2024-01-14T22:00:00Z'));
    expect(toEpochMs('f', '2024-07-15', 'time', 'Europe/Bucharest')).toBe(utc('2024-07-14T21:00:00Z'));
    expect(toEpochMs('f', '2024-03-10', 'time', 'America/New_York')).toBe(utc('2024-03-10T05:00:00Z'));
  });

  it('reads a date-time without offset in the time zone, with an offset as written', () => {
    expect(toEpochMs('f', '2024-07-01T12:00', 'time', 'America/New_York')).toBe(utc('2024-07-01T16:00:00Z'));
    expect(toEpochMs('f', '2024-07-01 12:00:30.5', 'time', 'America/New_York')).toBe(utc('2024-07-01T16:00:30.500Z'));
    expect(toEpochMs('f', '2024-07-01T12:00:00Z', 'time', 'America/New_York')).toBe(utc('2024-07-01T12:00:00Z'));
  });

  it('treats the same instant written with different offsets as the same value', () => {
    const a = toEpochMs('f', '2024-03-31T01:30:00Z', 'time', 'UTC');
    expect(toEpochMs('f', '2024-03-31T04:30:00+03:00', 'time', 'UTC')).toBe(a);
    expect(toEpochMs('f', '2024-03-30T21:30:00-0400', 'time', 'UTC')).toBe(a);
    expect(toEpochMs('f', '2024-03-31T07:00+05:30', 'time', 'UTC')).toBe(a);
    expect(toEpochMs('f', '2024-03-31T03:30+02', 'time', 'Asia/Tokyo')).toBe(a);
  });

  it('moves wall-clock times in a spring-forward gap forward and picks the earlier of a repeated time', () => {
    // New York 2024-03-10 02:00 EST → 03:00 EDT (07:00Z); 02:30 does not exist → 03:30 EDT = 07:30Z.
    expect(toEpochMs('f', '2024-03-10T02:30', 'time', 'America/New_York')).toBe(utc('2024-03-10T07:30:00Z'));
    // New York 2024-11-03 01:30 happens at 05:30Z (EDT) and 06:30Z (EST) → earlier.
    expect(toEpochMs('f', '2024-11-03T01:30', 'time', 'America/New_York')).toBe(utc('2024-11-03T05:30:00Z'));
    // Bucharest 2024-03-31 03:00 EET → 04:00 EEST; 03:30 → 04:30 EEST = 01:30Z.
    expect(toEpochMs('f', '2024-03-31T03:30', 'time', 'Europe/Bucharest')).toBe(utc('2024-03-31T01:30:00Z'));
    // Bucharest 2024-10-27 03:30 happens at 00:30Z (EEST) and 01:30Z (EET) → earlier.
    expect(toEpochMs('f', '2024-10-27T03:30', 'time', 'Europe/Bucharest')).toBe(utc('2024-10-27T00:30:00Z'));
  });

  it('accepts leap days only in leap years', () => {
    expect(toEpochMs('f', '2024-02-29', 'time', 'UTC')).toBe(utc('2024-02-29T00:00:00Z'));
    expect(toEpochMs('f', '2000-02-29', 'time', 'UTC')).toBe(utc('2000-02-29T00:00:00Z'));
    expectThrows(
      () => toEpochMs('f', '2023-02-29', 'row 1: time', 'UTC'),
      TypeError,
      'f',
      'row 1: time "2023-02-29" is not a valid date',
    );
    expectThrows(() => toEpochMs('f', '1900-02-29', 'row 1: time', 'UTC'), TypeError, 'f', '"1900-02-29"');
  });

  it('throws a TypeError naming the label and value for invalid timestamps', () => {
    expectThrows(
      () => toEpochMs('retentionMatrix', '2024-13-01', 'row 17: time', 'UTC'),
      TypeError,
      'retentionMatrix',
      'retentionMatrix: row 17: time "2024-13-01" is not a valid date',
    );
    for (const bad of [
      '',
      'x',
      '2024-3-5',
      '2024-03-05T24:00',
      '2024-03-05T10:60',
      '2024-03-05T10:00+25:00',
      '2024-03-05Z',
      // ISO 8601 basic format is valid (issue 16 item 14); these are not
      '2024030',
      '20240305T',
      '20240305T10:00',
      '2024-0305',
    ]) {
      expectThrows(() => toEpochMs('f', bad, 'time', 'UTC'), TypeError, 'f', 'is not a valid date');
    }
    for (const bad of [
      Number.NaN,
      Infinity,
      -Infinity,
      9e15,
      new Date(Number.NaN),
      null,
      undefined,
      true,
      {},
      [],
      10n,
    ]) {
      expectThrows(() => toEpochMs('f', bad, 'time', 'UTC'), TypeError, 'f', 'time', 'is not a valid date');
    }
  });

  it('throws a RangeError for an unknown time zone', () => {
    expectThrows(
      () => toEpochMs('f', '2024-01-01', 'time', 'Mars/Olympus'),
      RangeError,
      'f',
      'timeZone ("Mars/Olympus")',
    );
  });
});

describe('zoneOffsetMs', () => {
  it('returns the wall-clock minus UTC offset, with the transition at the exact instant', () => {
    expect(zoneOffsetMs('f', 'Asia/Kolkata', 0)).toBe(5.5 * H);
    expect(zoneOffsetMs('f', 'America/New_York', utc('2024-03-10T06:59:59.999Z'))).toBe(-5 * H);
    expect(zoneOffsetMs('f', 'America/New_York', utc('2024-03-10T07:00:00Z'))).toBe(-4 * H);
    expect(zoneOffsetMs('f', 'Europe/Bucharest', utc('2024-10-27T00:59:59Z'))).toBe(3 * H);
    expect(zoneOffsetMs('f', 'Europe/Bucharest', utc('2024-10-27T01:00:00Z'))).toBe(2 * H);
  });
});

describe('civil calendar', () => {
  it('round-trips day numbers and knows 1970-01-01 and leap years', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1) - daysFromCivil(2000, 2, 28)).toBe(2);
    expect(daysFromCivil(1900, 3, 1) - daysFromCivil(1900, 2, 28)).toBe(1);
    expect(civilFromDays(-1)).toEqual({ year: 1969, month: 12, day: 31 });
    expect(isoDateOfDay(daysFromCivil(2024, 2, 29))).toBe('2024-02-29');
    expect(isoDateOfDay(daysFromCivil(-5, 1, 1))).toBe('-000005-01-01');
  });
});

describe('createPeriodIndexer', () => {
  it('numbers consecutive periods consecutively from 1970', () => {
    expect(indexer('day').index(0)).toBe(0);
    expect(indexer('day').index(-1)).toBe(-1);
    expect(indexer('month').index(utc('2024-03-15T00:00:00Z'))).toBe(54 * 12 + 2);
    expect(indexer('quarter').index(utc('2024-03-31T23:59:59.999Z'))).toBe(54 * 4);
    expect(indexer('quarter').index(utc('2024-04-01T00:00:00Z'))).toBe(54 * 4 + 1);
    expect(indexer('year').index(utc('1969-12-31T23:59:59.999Z'))).toBe(-1);
  });

  it('labels a period with the ISO date of its first local day', () => {
    const m = indexer('month', 'America/New_York');
    expect(m.label(m.index(utc('2024-03-01T04:59:59.999Z')))).toBe('2024-02-01');
    expect(m.label(m.index(utc('2024-03-01T05:00:00Z')))).toBe('2024-03-01');
    const q = indexer('quarter');
    expect(q.label(q.index(utc('2024-08-15T00:00:00Z')))).toBe('2024-07-01');
    const y = indexer('year', 'Asia/Tokyo');
    expect(y.label(y.index(utc('2023-12-31T15:00:00Z')))).toBe('2024-01-01');
  });

  it('gives a 23-hour and a 25-hour day at the Bucharest transitions', () => {
    const d = indexer('day', 'Europe/Bucharest');
    const spring = d.index(utc('2024-03-31T12:00:00Z'));
    expect(d.label(spring)).toBe('2024-03-31');
    expect(d.start(spring)).toBe(utc('2024-03-30T22:00:00Z'));
    expect(d.end(spring)).toBe(utc('2024-03-31T21:00:00Z'));
    const fall = d.index(utc('2024-10-27T12:00:00Z'));
    expect(d.label(fall)).toBe('2024-10-27');
    expect(d.end(fall) - d.start(fall)).toBe(25 * H);
  });

  it('gives a 23-hour and a 25-hour day at the New York transitions', () => {
    const d = indexer('day', 'America/New_York');
    const spring = d.index(utc('2024-03-10T12:00:00Z'));
    expect(d.start(spring)).toBe(utc('2024-03-10T05:00:00Z'));
    expect(d.end(spring)).toBe(utc('2024-03-11T04:00:00Z'));
    const fall = d.index(utc('2024-11-03T12:00:00Z'));
    expect(d.start(fall)).toBe(utc('2024-11-03T04:00:00Z'));
    expect(d.end(fall)).toBe(utc('2024-11-04T05:00:00Z'));
    // The last EDT instant of 2024-11-02 and the first instant of 2024-11-03.
    expect(d.index(utc('2024-11-03T03:59:59.999Z'))).toBe(fall - 1);
    expect(d.index(utc('2024-11-03T04:00:00Z'))).toBe(fall);
  });

  it('starts a day at its first existing instant when local midnight is skipped (Santiago)', () => {
    // America/Santiago 2024-09-08 00:00 −04 → 01:00 −03, so the day starts at 04:00Z and lasts 23 hours.
    const d = indexer('day', 'America/Santiago');
    const i = d.index(utc('2024-09-08T12:00:00Z'));
    expect(d.label(i)).toBe('2024-09-08');
    expect(d.start(i)).toBe(utc('2024-09-08T04:00:00Z'));
    expect(d.end(i) - d.start(i)).toBe(23 * H);
  });

  it('starts weeks on weekStartsOn (0 = Sunday, 1 = Monday)', () => {
    // 2024-03-06 is a Wednesday.
    const t = utc('2024-03-06T12:00:00Z');
    const mon = indexer('week', 'UTC', 1);
    const sun = indexer('week', 'UTC', 0);
    const sat = indexer('week', 'UTC', 6);
    expect(mon.label(mon.index(t))).toBe('2024-03-04');
    expect(sun.label(sun.index(t))).toBe('2024-03-03');
    expect(sat.label(sat.index(t))).toBe('2024-03-02');
    // Monday 00:00 begins a new Monday week but not a Sunday week.
    const monday = utc('2024-03-04T00:00:00Z');
    expect(mon.index(monday)).toBe(mon.index(monday - 1) + 1);
    expect(sun.index(monday)).toBe(sun.index(monday - 1));
    // 1970-01-01 (a Thursday) lies in Monday-week 0 starting 1969-12-29.
    expect(mon.label(0)).toBe('1969-12-29');
  });

  it('contains February 29 in its month and a 366-day leap year', () => {
    const d = indexer('day');
    const leap = d.index(utc('2024-02-29T10:00:00Z'));
    expect(d.label(leap)).toBe('2024-02-29');
    expect(d.label(leap + 1)).toBe('2024-03-01');
    const m = indexer('month');
    const feb = m.index(utc('2024-02-29T23:59:59.999Z'));
    expect(m.label(feb)).toBe('2024-02-01');
    expect(m.end(feb) - m.start(feb)).toBe(29 * D);
    const y = indexer('year');
    const y2024 = y.index(utc('2024-06-01T00:00:00Z'));
    expect(y.end(y2024) - y.start(y2024)).toBe(366 * D);
  });

  it('puts an instant exactly at a boundary into the period that starts there', () => {
    for (const period of ['day', 'week', 'month', 'quarter', 'year'] as const) {
      for (const zone of ['UTC', 'Europe/Bucharest', 'America/New_York']) {
        const ix = indexer(period, zone);
        const i = ix.index(utc('2024-05-17T12:00:00Z'));
        expect(ix.index(ix.start(i))).toBe(i);
        expect(ix.index(ix.end(i))).toBe(i + 1);
        expect(ix.index(ix.end(i) - 1)).toBe(i);
      }
    }
  });

  it('gives the same answers after prepare() builds its lookup table', () => {
    for (const period of ['day', 'week', 'month', 'quarter', 'year'] as const) {
      const plain = indexer(period, 'America/New_York', 0);
      const fast = indexer(period, 'America/New_York', 0);
      fast.prepare(utc('2023-01-01T00:00:00Z'), utc('2025-12-31T00:00:00Z'));
      for (let t = utc('2023-01-01T00:00:00Z'); t < utc('2025-12-31T00:00:00Z'); t += 3 * H + 17 * 60_000) {
        expect(fast.index(t)).toBe(plain.index(t));
      }
    }
  });

  it('validates its options', () => {
    expectThrows(
      () => createPeriodIndexer('g', { period: 'day', timeZone: 'Nowhere/City', weekStartsOn: 1 }),
      RangeError,
      'g',
      'timeZone ("Nowhere/City") is not a valid IANA time zone',
    );
    expectThrows(
      () => createPeriodIndexer('g', { period: 'day', timeZone: 5 as unknown as string, weekStartsOn: 1 }),
      TypeError,
      'g',
      'timeZone',
    );
    expectThrows(
      () => createPeriodIndexer('g', { period: 'day', timeZone: 'UTC', weekStartsOn: 7 }),
      RangeError,
      'g',
      'weekStartsOn (7)',
    );
    expectThrows(
      () => createPeriodIndexer('g', { period: 'day', timeZone: 'UTC', weekStartsOn: 1.5 }),
      RangeError,
      'g',
      'weekStartsOn (1.5)',
    );
    expectThrows(
      () => createPeriodIndexer('g', { period: 'fortnight' as Period, timeZone: 'UTC', weekStartsOn: 1 }),
      RangeError,
      'g',
      'period ("fortnight")',
    );
  });
});

describe('ROLLING_WINDOW_MS', () => {
  it('uses 24 h, 7, 30, 91 and 365 days', () => {
    expect(ROLLING_WINDOW_MS).toEqual({ day: D, week: 7 * D, month: 30 * D, quarter: 91 * D, year: 365 * D });
  });
});
