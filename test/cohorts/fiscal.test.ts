import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortRetention, cohortRevenue, retentionMatrix } from '../../src/index.ts';
import { deepFreeze, expectThrows, thrown } from '../helpers/expectClose.ts';

// Fiscal cohorts (`yearStartsOn`). Every expected table is worked out by hand from the log below; a cohort or
// column is labelled by the ISO date of its first day.
//
//   a: 2024-03-15, 2024-04-10, 2024-10-05
//   b: 2024-04-01, 2024-06-30, 2024-07-01
//   c: 2024-05-20, 2025-01-10          ← latest event: the observation end
//   d: 2024-06-01
const log = deepFreeze([
  { user: 'a', at: '2024-03-15', total: 10 },
  { user: 'a', at: '2024-04-10', total: 20 },
  { user: 'a', at: '2024-10-05', total: 30 },
  { user: 'b', at: '2024-04-01', total: 5 },
  { user: 'b', at: '2024-06-30', total: 6 },
  { user: 'b', at: '2024-07-01', total: 7 },
  { user: 'c', at: '2024-05-20', total: 8 },
  { user: 'c', at: '2025-01-10', total: 9 },
  { user: 'd', at: '2024-06-01', total: 4 },
]);
const read = { customer: 'user', time: 'at' } as const;
const table = (m: { cohorts: readonly { label: string; size: number; counts: number[]; complete: boolean[] }[] }) =>
  m.cohorts.map(({ label, size, counts, complete }) => ({ label, size, counts, complete }));

describe('retentionMatrix with fiscal periods', () => {
  it('quarters of an April year (UK): Apr–Jun, Jul–Sep, Oct–Dec, Jan–Mar', () => {
    // An April year's quarters are the calendar quarters, numbered from April. Quarters: Jan–Mar 2024 (a's start),
    // Apr–Jun (b, c, d start; a returns), Jul–Sep (b returns), Oct–Dec (a returns), Jan–Mar 2025 (c returns,
    // still running on 2025-01-10).
    //   cohort 2024-01-01 = {a}:       active in columns 0, 1, 3            → counts [1, 1, 0, 1, 0]
    //   cohort 2024-04-01 = {b, c, d}: column 0 all, 1 b, 2 none, 3 c      → counts [3, 1, 0, 1]
    // Complete columns are those ended by 2025-01-10: all but the quarter Jan–Mar 2025.
    // average[k] = Σ counts / Σ size over complete cells: [4/4, 2/4, 0/4, 1/1, none].
    const m = retentionMatrix(log, { ...read, period: 'quarter', yearStartsOn: 4 });
    expect(m.yearStartsOn).toBe(4);
    expect(table(m)).toEqual([
      { label: '2024-01-01', size: 1, counts: [1, 1, 0, 1, 0], complete: [true, true, true, true, false] },
      { label: '2024-04-01', size: 3, counts: [3, 1, 0, 1], complete: [true, true, true, false] },
    ]);
    expect(m.average).toEqual([1, 0.5, 0, 1, null]);
    // same quarters as the calendar ones: only the setting differs
    expect({ ...m, yearStartsOn: 1 }).toEqual(retentionMatrix(log, { ...read, period: 'quarter' }));
  });

  it('fiscal years starting in April: a’s March purchase belongs to the year before', () => {
    // Fiscal years 2023-04-01 … 2024-03-31 (a's first purchase) and 2024-04-01 … 2025-03-31 (everything else,
    // c's 2025-01-10 included), the second still running at the observation end.
    const m = retentionMatrix(log, { ...read, period: 'year', yearStartsOn: 4 });
    expect(table(m)).toEqual([
      { label: '2023-04-01', size: 1, counts: [1, 1], complete: [true, false] },
      { label: '2024-04-01', size: 3, counts: [3], complete: [false] },
    ]);
    // calendar years: all four start in 2024 and only c returns in 2025
    expect(table(retentionMatrix(log, { ...read, period: 'year' }))).toEqual([
      { label: '2024-01-01', size: 4, counts: [4, 1], complete: [true, false] },
    ]);
  });

  it('quarters of a February year: Feb–Apr, May–Jul, Aug–Oct, Nov–Jan', () => {
    //   a: 03-15, 04-10 → Feb–Apr (cohort 2024-02-01, column 0); 10-05 → Aug–Oct, column 2
    //   b: 04-01 → Feb–Apr (cohort 2024-02-01); 06-30, 07-01 → May–Jul, column 1
    //   c: 05-20 → cohort 2024-05-01; 2025-01-10 → Nov–Jan, column 2
    //   d: 06-01 → cohort 2024-05-01
    // Nov–Jan (from 2024-11-01) has started by 2025-01-10 but not ended.
    // average: column 0 (2 + 2) / 4, column 1 (1 + 0) / 4, column 2 only the first cohort's is complete: 1 / 2.
    const m = retentionMatrix(log, { ...read, period: 'quarter', yearStartsOn: 2 });
    expect(table(m)).toEqual([
      { label: '2024-02-01', size: 2, counts: [2, 1, 1, 0], complete: [true, true, true, false] },
      { label: '2024-05-01', size: 2, counts: [2, 0, 1], complete: [true, true, false] },
    ]);
    expect(m.average).toEqual([1, 0.25, 0.5, null]);
    // onOrAfter: a counts in columns 0–2, b in 0–1; c in 0–2, d in 0
    expect(
      table(retentionMatrix(log, { ...read, period: 'quarter', yearStartsOn: 2, mode: 'onOrAfter' })).map(
        (c) => c.counts,
      ),
    ).toEqual([
      [2, 2, 1, 0],
      [2, 1, 1],
    ]);
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
        () => retentionMatrix(log, { ...read, period: 'year', yearStartsOn: value as number }),
        kind,
        'retentionMatrix',
        'yearStartsOn',
        printed,
      );
      expect({ ...thrown(() => buildCohorts(log, { ...read, yearStartsOn: value as number })) }).toMatchObject({
        function: 'buildCohorts',
        argument: 'options.yearStartsOn',
        value: printed,
      });
    }
  });
});

describe('buildCohorts and the cohort metrics with fiscal periods', () => {
  const options = { ...read, value: 'total', period: 'quarter', yearStartsOn: 2 } as const;

  it('stores yearStartsOn in the index, and the metrics repeat it with the same cohorts as retentionMatrix', () => {
    const index = buildCohorts(log, options);
    expect(index.yearStartsOn).toBe(2);
    expect(index.cohorts.map((c) => c.label)).toEqual(['2024-02-01', '2024-05-01']);
    const retention = cohortRetention(index);
    expect(retention.yearStartsOn).toBe(2);
    expect(retention.cohorts.map((c) => [c.label, c.counts])).toEqual(
      table(retentionMatrix(log, options)).map((c) => [c.label, c.counts]),
    );
    // revenue per column: cohort 2024-02-01 = a + b: Feb–Apr 10 + 20 + 5, May–Jul 6 + 7, Aug–Oct 30
    expect(cohortRevenue(index).cohorts[0]?.revenue).toEqual([35, 13, 30, 0]);
    expect(cohortRevenue(index).yearStartsOn).toBe(2);
  });

  it('survives a JSON round trip, reads an index without the field as calendar years, and rejects a bad one', () => {
    const index = buildCohorts(log, options);
    const copy = JSON.parse(JSON.stringify(index)) as typeof index;
    expect(cohortRetention(copy)).toEqual(cohortRetention(index));
    const { yearStartsOn: _dropped, ...older } = buildCohorts(log, { ...options, yearStartsOn: 1 });
    expect(cohortRetention(older as never).yearStartsOn).toBe(1);
    expect(cohortRetention(older as never)).toEqual(
      cohortRetention(buildCohorts(log, { ...options, yearStartsOn: 1 })),
    );
    expectThrows(
      () => cohortRetention({ ...index, yearStartsOn: 13 }),
      RangeError,
      'cohortRetention',
      'index.yearStartsOn (13) must be an integer from 1 (January) to 12 (December)',
    );
    expect({ ...thrown(() => cohortRetention({ ...index, yearStartsOn: '2' as never })) }).toMatchObject({
      function: 'cohortRetention',
      argument: 'index.yearStartsOn',
      value: '"2"',
    });
  });
});

describe('yearStartsOn 1 is bit-for-bit the same as omitting it', () => {
  // Random logs over 2022–2026 (one event slot every 6 hours), so that quarters and years vary.
  const events = fc
    .array(fc.record({ customer: fc.integer({ min: 0, max: 7 }), slot: fc.integer({ min: 0, max: 5 * 365 * 4 }) }), {
      maxLength: 40,
    })
    .map((rows) => ({
      customer: rows.map((r) => r.customer),
      time: rows.map((r) => Date.UTC(2022, 0, 1) + r.slot * 6 * 3_600_000),
    }));

  it('retentionMatrix and buildCohorts, quarters and years, calendar and rolling, any zone', () => {
    fc.assert(
      fc.property(
        events,
        fc.constantFrom('quarter' as const, 'year' as const),
        fc.constantFrom('calendar' as const, 'rolling' as const),
        fc.constantFrom('UTC', 'Europe/London', 'America/New_York'),
        fc.constantFrom('on' as const, 'onOrAfter' as const),
        (log, period, windows, timeZone, mode) => {
          const base = { period, windows, timeZone };
          expect(retentionMatrix(log, { ...base, mode, yearStartsOn: 1 })).toStrictEqual(
            retentionMatrix(log, { ...base, mode }),
          );
          expect(buildCohorts(log, { ...base, yearStartsOn: 1 })).toStrictEqual(buildCohorts(log, base));
        },
      ),
      { numRuns: 150 },
    );
  });
});
