import { describe, expect, it } from 'vitest';
import { retentionMatrix } from '../../src/index.ts';
import { deepFreeze, expectThrows } from '../helpers/expectClose.ts';

// Every expected table below is worked out by hand from the event list next to it (local dates in the comments).

const strip = (m: ReturnType<typeof retentionMatrix>) =>
  m.cohorts.map(({ label, size, counts, complete }) => ({ label, size, counts, complete }));
const finals = (m: ReturnType<typeof retentionMatrix>) => m.cohorts.map((c) => c.final);

describe('retentionMatrix', () => {
  const events = deepFreeze([
    { user: 'a', at: '2024-01-01' },
    { user: 'a', at: '2024-01-02' },
    { user: 'b', at: '2024-01-01' },
    { user: 'b', at: '2024-01-03' },
    { user: 'c', at: '2024-01-02' },
    { user: 'c', at: '2024-01-03' },
  ]);

  it('returns daily cohorts with counts, rates, completeness and the size-weighted average', () => {
    // An explicit end at the instant 2024-01-03T00:00Z: the day 2024-01-03 has started, not ended.
    const m = retentionMatrix(events, { customer: 'user', time: 'at', observationEnd: Date.UTC(2024, 0, 3) });
    expect(m).toEqual({
      period: 'day',
      windows: 'calendar',
      timeZone: 'UTC',
      weekStartsOn: 1,
      yearStartsOn: 1,
      observationEnd: Date.UTC(2024, 0, 3),
      mode: 'on',
      brackets: null,
      cohorts: [
        {
          label: '2024-01-01',
          start: Date.UTC(2024, 0, 1),
          size: 2,
          counts: [2, 1, 1],
          rates: [1, 0.5, 0.5],
          complete: [true, true, false],
          final: [true, true, false],
        },
        {
          label: '2024-01-02',
          start: Date.UTC(2024, 0, 2),
          size: 1,
          counts: [1, 1],
          rates: [1, 1],
          complete: [true, false],
          final: [true, false],
        },
      ],
      average: [1, 0.5, null],
    });
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });

  it('observes the latest day of a log of dates whole by default (issue #16)', () => {
    // The latest event is written '2024-01-03': the default end is that whole day, so its column is complete.
    const m = retentionMatrix(events, { customer: 'user', time: 'at' });
    expect(m.observationEnd).toBe(Date.UTC(2024, 0, 4) - 1);
    expect(strip(m)).toEqual([
      { label: '2024-01-01', size: 2, counts: [2, 1, 1], complete: [true, true, true] },
      { label: '2024-01-02', size: 1, counts: [1, 1], complete: [true, true] },
    ]);
    // column 1: (1 + 1) / (2 + 1); column 2: 1 / 2
    expect(m.average).toEqual([1, 2 / 3, 0.5]);
    // the same as the explicit date, and as its last millisecond
    expect(retentionMatrix(events, { customer: 'user', time: 'at', observationEnd: '2024-01-03' })).toEqual(m);
    expect(
      retentionMatrix(events, { customer: 'user', time: 'at', observationEnd: '2024-01-03T23:59:59.999Z' }),
    ).toEqual(m);
    // the same dates as epoch ms are instants: the latest day has only started
    const instants = events.map((e) => ({ ...e, at: Date.parse(e.at) }));
    const atMidnight = retentionMatrix(instants, { customer: 'user', time: 'at' });
    expect(atMidnight.observationEnd).toBe(Date.UTC(2024, 0, 3));
    expect(strip(atMidnight)[0]?.complete).toEqual([true, true, false]);
  });

  it('counts a customer in every earlier column with onOrAfter, final once observed to the last column', () => {
    const m = retentionMatrix(events, { customer: 'user', time: 'at', mode: 'onOrAfter' });
    expect(strip(m)).toEqual([
      { label: '2024-01-01', size: 2, counts: [2, 2, 1], complete: [true, true, true] },
      { label: '2024-01-02', size: 1, counts: [1, 1], complete: [true, true] },
    ]);
    // 2024-01-02's cells count activity on "day k or later" up to 2024-01-03 only, one day short of the
    // matrix's last column: lower bounds, out of the average.
    expect(finals(m)).toEqual([
      [true, true, true],
      [false, false],
    ]);
    expect(m.average).toEqual([1, 1, 0.5]);
    // With the end at the instant 2024-01-03T00:00Z, no cohort is observed to the end: no final cell.
    const open = retentionMatrix(events, {
      customer: 'user',
      time: 'at',
      mode: 'onOrAfter',
      observationEnd: Date.UTC(2024, 0, 3),
    });
    expect(strip(open)[0]?.complete).toEqual([true, true, false]);
    expect(finals(open)).toEqual([
      [false, false, false],
      [false, false],
    ]);
    expect(open.average).toEqual([null, null, null]);
  });

  it('uses brackets as the only columns, observable once started and complete once ended', () => {
    // Cohort 2024-01-01: a active on day 1, b on day 2; bracket [3, 4] has not started.
    // Cohort 2024-01-02 (columns 0–1 observable and ended, the whole of 2024-01-03 being observed): c active on
    // day 1; brackets from day 1 are observable, [1, 1] has ended.
    const m = retentionMatrix(events, {
      customer: 'user',
      time: 'at',
      brackets: [
        [1, 1],
        [1, 2],
        [2, 9],
        [3, 4],
      ],
    });
    expect(m.mode).toBe('brackets');
    expect(strip(m)).toEqual([
      { label: '2024-01-01', size: 2, counts: [1, 2, 1], complete: [true, true, false] },
      { label: '2024-01-02', size: 1, counts: [1, 1], complete: [true, false] },
    ]);
    expect(m.average).toEqual([2 / 3, 1, null]);
  });

  it('buckets days across the Bucharest spring-forward day (23 hours)', () => {
    // 2024-03-31 in Bucharest runs from 2024-03-30T22:00Z (00:00 EET) to 2024-03-31T21:00Z (00:00 EEST).
    const rows = [
      { id: 'A', t: '2024-03-30T21:59:59Z' }, // 23:59:59 on 03-30
      { id: 'A', t: '2024-03-30T22:00:00Z' }, // 00:00 on 03-31
      { id: 'A', t: '2024-03-31T20:59:59Z' }, // 23:59:59 EEST on 03-31
      { id: 'B', t: '2024-03-31T10:00:00Z' }, // 03-31
      { id: 'B', t: '2024-03-31T21:00:00Z' }, // 00:00 on 04-01, exactly the observation end
      { id: 'A', t: '2024-04-01T00:00:00+03:00' }, // the same instant, written with an offset
    ];
    const m = retentionMatrix(rows, { customer: 'id', time: 't', timeZone: 'Europe/Bucharest' });
    expect(m.observationEnd).toBe(Date.parse('2024-03-31T21:00:00Z'));
    expect(m.cohorts.map((c) => c.start)).toEqual([
      Date.parse('2024-03-29T22:00:00Z'),
      Date.parse('2024-03-30T22:00:00Z'),
    ]);
    expect(strip(m)).toEqual([
      { label: '2024-03-30', size: 1, counts: [1, 1, 1], complete: [true, true, false] },
      { label: '2024-03-31', size: 1, counts: [1, 1], complete: [true, false] },
    ]);
    expect(m.average).toEqual([1, 1, null]);
  });

  it('buckets days across the New York fall-back day (25 hours) and ignores events after observationEnd', () => {
    // 2024-11-03 in New York runs from 04:00Z (00:00 EDT) to 2024-11-04T05:00Z (00:00 EST).
    const rows = [
      { id: 'C', t: Date.parse('2024-11-03T04:00:00Z') }, // 00:00 EDT 11-03
      { id: 'C', t: Date.parse('2024-11-04T04:30:00Z') }, // 23:30 EST, still 11-03
      { id: 'C', t: Date.parse('2024-11-04T05:00:00Z') }, // 00:00 EST 11-04
      { id: 'D', t: Date.parse('2024-11-04T04:30:00Z') }, // 11-03
      { id: 'E', t: Date.parse('2024-11-05T00:00:00Z') }, // after the observation end: E is in no cohort
      { id: 'D', t: Date.parse('2024-11-04T12:00:00.001Z') }, // 1 ms after the observation end: ignored
    ];
    const m = retentionMatrix(rows, {
      customer: 'id',
      time: 't',
      timeZone: 'America/New_York',
      observationEnd: '2024-11-04T07:00:00-05:00',
    });
    expect(m.cohorts.map((c) => c.start)).toEqual([Date.parse('2024-11-03T04:00:00Z')]);
    expect(strip(m)).toEqual([{ label: '2024-11-03', size: 2, counts: [2, 1], complete: [true, false] }]);
  });

  it('starts weeks on weekStartsOn', () => {
    // 2024-03-03 is a Sunday, 2024-03-04 a Monday.
    const rows = [
      { id: 1, t: '2024-03-03T23:59:59.999Z' },
      { id: 1, t: '2024-03-04T00:00:00Z' },
    ];
    const monday = retentionMatrix(rows, { customer: 'id', time: 't', period: 'week' });
    expect(strip(monday)).toEqual([{ label: '2024-02-26', size: 1, counts: [1, 1], complete: [true, false] }]);
    const sunday = retentionMatrix(rows, { customer: 'id', time: 't', period: 'week', weekStartsOn: 0 });
    expect(strip(sunday)).toEqual([{ label: '2024-03-03', size: 1, counts: [1], complete: [false] }]);
  });

  it('keeps February 29 in February for months and counts 30-day rolling windows from the first event', () => {
    const rows = [
      { id: 'Y', t: '2024-02-29T12:00:00Z' },
      { id: 'Y', t: '2024-03-01T00:00:00Z' },
      { id: 'Z', t: '2024-01-31T23:59:00Z' },
      { id: 'Z', t: '2024-02-29T23:59:59.999Z' },
    ];
    const calendar = retentionMatrix(rows, { customer: 'id', time: 't', period: 'month' });
    expect(strip(calendar)).toEqual([
      { label: '2024-01-01', size: 1, counts: [1, 1, 0], complete: [true, true, false] },
      { label: '2024-02-01', size: 1, counts: [1, 1], complete: [true, false] },
    ]);
    // Rolling: Z's window 0 is [01-31T23:59, 03-01T23:59) → both Z events in window 0; Y's both in window 0.
    const rolling = retentionMatrix(rows, { customer: 'id', time: 't', period: 'month', windows: 'rolling' });
    expect(strip(rolling)).toEqual([
      { label: '2024-01-01', size: 1, counts: [1], complete: [false] },
      { label: '2024-02-01', size: 1, counts: [1], complete: [false] },
    ]);
  });

  it('measures rolling day windows as whole 24-hour spans from each customer’s first event', () => {
    const rows = [
      { id: 'P', t: '2024-01-01T18:00:00Z' },
      { id: 'P', t: '2024-01-02T17:59:59Z' }, // window 0, but calendar day 1
      { id: 'Q', t: '2024-01-01T06:00:00Z' },
      { id: 'Q', t: '2024-01-02T06:00:00Z' }, // window 1 exactly
      { id: 'R', t: '2024-01-03T18:00:00Z' }, // sets the observation end
    ];
    const rolling = retentionMatrix(rows, { customer: 'id', time: 't', windows: 'rolling' });
    // Cohort 01-01 (P from 18:00, Q from 06:00): window 1 started (Q: 01-02T06:00 ≤ end) and ended for the latest
    // member P at 01-03T18:00 = end → complete; window 2 started for Q (01-03T06:00) but not ended for P.
    expect(strip(rolling)[0]).toEqual({
      label: '2024-01-01',
      size: 2,
      counts: [2, 1, 0],
      complete: [true, true, false],
    });
    const calendar = retentionMatrix(rows, { customer: 'id', time: 't' });
    expect(strip(calendar)[0]).toEqual({
      label: '2024-01-01',
      size: 2,
      counts: [2, 2, 0],
      complete: [true, true, false],
    });
  });

  it('uses startEvent, returnEvent and cohort dates', () => {
    const rows = [
      { id: 1, t: '2024-01-01', kind: 'visit', signup: '2023-12-31' },
      { id: 1, t: '2024-01-02', kind: 'order', signup: '2023-12-31' },
      { id: 2, t: '2024-01-02', kind: 'order', signup: '2024-01-02' },
      { id: 2, t: '2024-01-03', kind: 'visit', signup: '2024-01-02' },
      { id: 3, t: '2024-01-03', kind: 'visit', signup: '2024-01-03' },
    ];
    // A log of dates: the default end is the latest date's whole day, so 2024-01-03 is complete.
    // Cohorts start at the first order; visits before it are not activity.
    const byOrder = retentionMatrix(rows, { customer: 'id', time: 't', startEvent: (r) => r.kind === 'order' });
    expect(strip(byOrder)).toEqual([{ label: '2024-01-02', size: 2, counts: [2, 1], complete: [true, true] }]);
    // Only orders count as returns: customer 1's cohort is its first event (a visit) on 01-01.
    const orders = retentionMatrix(rows, { customer: 'id', time: 't', returnEvent: (r) => r.kind === 'order' });
    expect(strip(orders)).toEqual([
      { label: '2024-01-01', size: 1, counts: [0, 1, 0], complete: [true, true, true] },
      { label: '2024-01-02', size: 1, counts: [1, 0], complete: [true, true] },
      { label: '2024-01-03', size: 1, counts: [0], complete: [true] },
    ]);
    const signups = retentionMatrix(rows, { customer: 'id', time: 't', cohort: 'signup' });
    expect(strip(signups)).toEqual([
      { label: '2023-12-31', size: 1, counts: [0, 1, 1, 0], complete: [true, true, true, true] },
      { label: '2024-01-02', size: 1, counts: [1, 1], complete: [true, true] },
      { label: '2024-01-03', size: 1, counts: [1], complete: [true] },
    ]);
  });

  it('gives the same result for columnar typed-array input as for rows', () => {
    const day = 86_400_000;
    const columns = {
      customer: Int32Array.from([5, 5, 9, 9, 7, 7]),
      time: Float64Array.from([0, day, 0, 2 * day, day, 2 * day]),
    };
    const rows = Array.from(columns.customer, (c, i) => ({ c, t: columns.time[i]! }));
    expect(retentionMatrix(columns)).toEqual(retentionMatrix(rows, { customer: 'c', time: 't' }));
    expect(strip(retentionMatrix(columns))[0]).toEqual({
      label: '1970-01-01',
      size: 2,
      counts: [2, 1, 1],
      complete: [true, true, false],
    });
  });

  describe('edge cases', () => {
    it('returns no cohorts for no events', () => {
      expect(retentionMatrix([], { customer: 'c', time: 't' })).toMatchObject({
        observationEnd: null,
        cohorts: [],
        average: [],
      });
      expect(retentionMatrix({ customer: [], time: [] }, { observationEnd: 0 })).toMatchObject({
        observationEnd: 0,
        cohorts: [],
        average: [],
      });
    });

    it('handles one customer with one event', () => {
      expect(strip(retentionMatrix({ customer: ['x'], time: [1000] }))).toEqual([
        { label: '1970-01-01', size: 1, counts: [1], complete: [false] },
      ]);
    });

    it('ignores duplicates and order', () => {
      const shuffled = [...events].reverse().concat(events.slice(0, 3));
      expect(retentionMatrix(shuffled, { customer: 'user', time: 'at' })).toEqual(
        retentionMatrix(events, { customer: 'user', time: 'at' }),
      );
    });

    it('leaves out a customer whose only events are after observationEnd', () => {
      const m = retentionMatrix(events, { customer: 'user', time: 'at', observationEnd: '2024-01-01T23:59:59Z' });
      expect(strip(m)).toEqual([{ label: '2024-01-01', size: 2, counts: [2], complete: [false] }]);
    });

    it('treats 0 and -0 as one customer and handles huge and negative epochs', () => {
      const m = retentionMatrix({ customer: [0, -0], time: [-8.64e15, -8.64e15 + 1] }, { period: 'year' });
      expect(strip(m)).toEqual([{ label: '-271821-01-01', size: 1, counts: [1], complete: [false] }]);
    });
  });

  describe('errors', () => {
    it('names the row and value of an invalid timestamp', () => {
      expectThrows(
        () =>
          retentionMatrix(
            [
              { c: 1, t: '2024-01-01' },
              { c: 1, t: '2024-13-01' },
            ],
            { customer: 'c', time: 't' },
          ),
        TypeError,
        'retentionMatrix',
        'retentionMatrix: row 1: time "2024-13-01" is not a valid date',
      );
      expectThrows(
        () => retentionMatrix({ customer: [1], time: [Number.NaN] }),
        TypeError,
        'retentionMatrix',
        'time[0] NaN is not a valid date',
      );
      expectThrows(
        () => retentionMatrix({ customer: Int32Array.of(1, 2), time: Float64Array.of(0, Infinity) }),
        TypeError,
        'retentionMatrix',
        'time[1] Infinity is not a valid date',
      );
      expectThrows(
        () =>
          retentionMatrix(
            { customer: [1], time: ['2024-01-01T00:00:00'] as unknown as number[] },
            { observationEnd: 'soon' },
          ),
        TypeError,
        'retentionMatrix',
        'observationEnd "soon" is not a valid date',
      );
    });

    it('rejects invalid customers, accessors and predicates', () => {
      expectThrows(
        () => retentionMatrix([{ c: null, t: 0 }], { customer: 'c', time: 't' }),
        TypeError,
        'retentionMatrix',
        'row 0: customer must be a non-empty string or a finite number, got null',
      );
      expectThrows(
        () => retentionMatrix([{ c: 1, t: 0 }], { time: 't' }),
        TypeError,
        'retentionMatrix',
        'customer must be a property name or a function',
      );
      expectThrows(
        () => retentionMatrix({ customer: [1], time: [0] }, { customer: 'c' }),
        TypeError,
        'retentionMatrix',
        'customer accessor applies to row input only',
      );
      expectThrows(
        () =>
          retentionMatrix([{ c: 1, t: 0 }], {
            customer: 'c',
            time: 't',
            returnEvent: (() => 1) as unknown as () => boolean,
          }),
        TypeError,
        'retentionMatrix',
        'row 0: returnEvent must return a boolean, got 1',
      );
      expectThrows(() => retentionMatrix('events' as never), TypeError, 'retentionMatrix', 'events must be');
    });

    it('rejects out-of-domain options', () => {
      const columns = { customer: [1], time: [0] };
      expectThrows(
        () => retentionMatrix(columns, { period: 'decade' as never }),
        RangeError,
        'retentionMatrix',
        'period ("decade")',
      );
      expectThrows(
        () => retentionMatrix(columns, { mode: 'after' as never }),
        RangeError,
        'retentionMatrix',
        'mode ("after")',
      );
      expectThrows(
        () => retentionMatrix(columns, { windows: 'sliding' as never }),
        RangeError,
        'retentionMatrix',
        'windows ("sliding")',
      );
      expectThrows(
        () => retentionMatrix(columns, { timeZone: 'Europe/Atlantis' }),
        RangeError,
        'retentionMatrix',
        'timeZone ("Europe/Atlantis") is not a valid IANA time zone',
      );
      expectThrows(
        () => retentionMatrix(columns, { weekStartsOn: 7 }),
        RangeError,
        'retentionMatrix',
        'weekStartsOn (7)',
      );
      expectThrows(
        () =>
          retentionMatrix(columns, {
            brackets: [
              [3, 5],
              [1, 2],
            ],
          }),
        RangeError,
        'retentionMatrix',
        'brackets[1] from (1) must not be less than',
      );
      expectThrows(
        () => retentionMatrix(columns, { brackets: [[3, 2]] }),
        RangeError,
        'retentionMatrix',
        'brackets[0] to (2) must not be less than from (3)',
      );
      expectThrows(
        () => retentionMatrix(columns, { brackets: [] }),
        RangeError,
        'retentionMatrix',
        'brackets must not be empty',
      );
      expectThrows(
        () => retentionMatrix(columns, { brackets: [[0, 1]], mode: 'onOrAfter' }),
        RangeError,
        'retentionMatrix',
        'cannot be combined with brackets',
      );
      expectThrows(
        () => retentionMatrix({ customer: [1, 2], time: [0] }),
        RangeError,
        'retentionMatrix',
        'events.time length (1) must equal events.customer length (2)',
      );
    });

    it('refuses spans too long for the period instead of allocating them', () => {
      expectThrows(
        () => retentionMatrix({ customer: [1, 2], time: [-8.64e15, 8.64e15] }),
        RangeError,
        'retentionMatrix',
        'more than the',
      );
    });
  });
});
