import { fc } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  retentionCountsSql,
  retentionMatrix,
  retentionMatrixFromCounts,
  rfmSummary,
  rfmSummarySql,
  type RetentionCountRow,
} from '../../src/index.ts';
import { duckdb, type Engine, loadEvents, type TestEvent } from './engines.ts';

// Property: for arbitrary small logs (instants around DST changes and period boundaries, few customers, ties)
// and arbitrary options, the generated SQL run in DuckDB gives what the in-process function gives, row by row
// and cell by cell. Edge cases below: an empty table, every event after the end, integer customer ids.

let engine: Engine;
beforeAll(async () => {
  engine = await duckdb();
});
afterAll(async () => {
  await engine.close();
});

const zones = ['UTC', 'Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kathmandu'] as const;
const base = Date.UTC(2024, 2, 9); // the week of the US spring change, three weeks before Europe's
const events = fc.array(
  fc.record({
    customer: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    ms: fc.oneof(
      fc.integer({ min: 0, max: 240 }).map((h) => base + h * 3_600_000), // hours over ten days
      fc.integer({ min: 0, max: 400 }).map((d) => base + d * 86_400_000 - 1), // a millisecond before UTC midnight
      fc.integer({ min: -60, max: 400 }).map((d) => base + d * 86_400_000 + 45 * 60_000),
    ),
    value: fc.integer({ min: 0, max: 10_000 }).map((c) => c / 100),
  }),
  { minLength: 1, maxLength: 40 },
);
const calendar = fc.record({
  period: fc.constantFrom('day', 'week', 'month', 'quarter', 'year'),
  timeZone: fc.constantFrom(...zones),
  weekStartsOn: fc.integer({ min: 0, max: 6 }),
  yearStartsOn: fc.integer({ min: 1, max: 12 }),
});
const end = fc.option(
  fc.integer({ min: -5, max: 420 }).map((d) => new Date(base + d * 86_400_000 + 12 * 3_600_000).toISOString()),
  { nil: undefined },
);

let tables = 0;
async function load(log: readonly TestEvent[]): Promise<string> {
  const table = `p${tables++}`;
  await loadEvents(engine, table, log);
  return table;
}

const source = (table: string) =>
  ({ dialect: 'duckdb', table, customer: 'customer_id', time: 'at_tz', timeType: 'timestamptz' }) as const;
const columns = (log: readonly TestEvent[]) => ({
  customer: log.map((e) => e.customer),
  time: log.map((e) => e.ms),
  value: log.map((e) => e.value),
});

describe('generated SQL in DuckDB equals the in-process functions (property)', () => {
  it('rfmSummarySql ≡ rfmSummary', async () => {
    await fc.assert(
      fc.asyncProperty(
        events,
        calendar,
        fc.constantFrom('day', 'week', 'month', 'year'),
        end,
        async (log, cal, unit, observationEnd) => {
          const table = await load(log);
          const options = { ...cal, unit, ...(observationEnd === undefined ? {} : { observationEnd }) };
          const rows = await engine.query(rfmSummarySql({ ...source(table), value: 'amount', ...options }));
          const want = rfmSummary(columns(log), options);
          const got = rows.map((r) => ({
            customer: String(r.customer),
            frequency: Number(r.frequency),
            recency: Number(r.recency),
            T: Number(r.T),
            monetaryValue: Number(r.monetaryValue),
          }));
          const byId = (a: { customer: string | number }, b: { customer: string | number }) =>
            String(a.customer).localeCompare(String(b.customer));
          expect(got.sort(byId).map(({ monetaryValue: _, ...r }) => r)).toEqual(
            [...want].sort(byId).map(({ monetaryValue: _, ...r }) => r),
          );
          got.forEach((r, i) => {
            expect(r.monetaryValue).toBeCloseTo([...want].sort(byId)[i]?.monetaryValue ?? Number.NaN, 9);
          });
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);

  it('retentionMatrixFromCounts(retentionCountsSql) ≡ retentionMatrix', async () => {
    const mode = fc.oneof(
      fc.constant({}),
      fc.constant({ mode: 'onOrAfter' as const }),
      fc.constant({
        brackets: [
          [0, 0],
          [1, 3],
          [2, 9],
        ] as [number, number][],
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        events,
        calendar,
        mode,
        fc.constantFrom('calendar', 'rolling'),
        end,
        async (log, cal, m, windows, observationEnd) => {
          const table = await load(log);
          const options = { ...cal, ...m, windows, ...(observationEnd === undefined ? {} : { observationEnd }) };
          const rows = await engine.query(retentionCountsSql({ ...source(table), ...options }));
          const got = retentionMatrixFromCounts(rows as unknown as RetentionCountRow[], options);
          expect(got).toEqual(
            retentionMatrix({ customer: log.map((e) => e.customer), time: log.map((e) => e.ms) }, options),
          );
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);
});

describe('edge cases in DuckDB', () => {
  it('an empty table: no rows, and the empty matrix', async () => {
    await engine.exec('CREATE TABLE empty_log (customer_id VARCHAR, at_tz TIMESTAMPTZ, amount DOUBLE)');
    expect(await engine.query(rfmSummarySql({ ...source('empty_log'), value: 'amount' }))).toEqual([]);
    const rows = await engine.query(retentionCountsSql(source('empty_log')));
    expect(retentionMatrixFromCounts(rows as never, {})).toEqual(retentionMatrix({ customer: [], time: [] }));
    const ended = { observationEnd: '2024-01-01' };
    expect(retentionMatrixFromCounts(rows as never, ended)).toEqual(retentionMatrix({ customer: [], time: [] }, ended));
  });

  it('every event after the observation end: no customer, no cohort', async () => {
    const log: TestEvent[] = [{ customer: 'a', ms: Date.UTC(2024, 5, 1), value: 5 }];
    const table = await load(log);
    const options = { observationEnd: '2024-01-01' };
    expect(await engine.query(rfmSummarySql({ ...source(table), ...options }))).toEqual([]);
    expect(rfmSummary(columns(log), options)).toEqual([]);
    const rows = await engine.query(retentionCountsSql({ ...source(table), ...options }));
    expect(retentionMatrixFromCounts(rows as never, options)).toEqual(retentionMatrix(columns(log), options));
  });

  it('integer customer ids and NULL rows (skipped in SQL)', async () => {
    await engine.exec(
      `CREATE TABLE int_ids AS SELECT * FROM (VALUES (1, TIMESTAMPTZ '2024-01-01 10:00:00+00', 2.5), (1, TIMESTAMPTZ '2024-01-03 10:00:00+00', 4.0), (2, TIMESTAMPTZ '2024-01-02 00:00:00+00', 1.0), (NULL, TIMESTAMPTZ '2024-01-02 00:00:00+00', 1.0), (3, NULL, 1.0)) AS t(customer_id, at_tz, amount)`,
    );
    const rows = await engine.query(rfmSummarySql({ ...source('int_ids'), value: 'amount' }));
    const want = rfmSummary(
      {
        customer: [1, 1, 2],
        time: [Date.UTC(2024, 0, 1, 10), Date.UTC(2024, 0, 3, 10), Date.UTC(2024, 0, 2)],
        value: [2.5, 4, 1],
      },
      {},
    );
    expect(rows.map((r) => ({ ...r, frequency: Number(r.frequency) }))).toEqual(want);
  });
});
