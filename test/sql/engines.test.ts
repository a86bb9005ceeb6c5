import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  calibrationHoldoutSplit,
  calibrationHoldoutSql,
  bgNbdProbabilityAlive,
  compressCustomers,
  fitBgNbd,
  modelClv,
  customerSampleSql,
  quoteSqlLiteral,
  retentionCountsSql,
  retentionMatrix,
  retentionMatrixFromCounts,
  rfmSummary,
  rfmSummarySql,
  type RetentionCountRow,
  type SqlTimeType,
} from '../../src/index.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import {
  cdnowEvents,
  dstEvents,
  duckdb,
  type Engine,
  type EventColumns,
  loadEvents,
  PLAIN_COLUMNS,
  postgres,
  type TestEvent,
} from './engines.ts';

// Issue #13: the generated SQL, executed in two real engines (DuckDB in process, PostgreSQL in a throwaway
// cluster started once for this file), must give every row and every cell the in-process functions give, on
// the CDNOW sample and on generated logs across the DST changes of three zones. Both sessions run in the
// Asia/Kolkata time zone, so nothing may depend on the session's zone.

const ZONES = ['Europe/London', 'America/New_York', 'Australia/Sydney'] as const;
const INSTANT_TYPES: readonly SqlTimeType[] = ['timestamptz', 'timestamp', 'epochMs'];

let server: TestPostgres | undefined;
const engines: Engine[] = [];

beforeAll(async () => {
  server = startPostgres();
  engines.push(await duckdb(), await postgres(server));
  const cdnow = cdnowEvents();
  for (const engine of engines) {
    await loadEvents(engine, 'cdnow', cdnow);
    for (const [z, zone] of ZONES.entries()) await loadEvents(engine, `dst_${z}`, dstEvents(zone, 101 + z));
  }
}, 120_000);

afterAll(async () => {
  for (const engine of engines) await engine.close();
  server?.stop();
});

function timeColumn(type: SqlTimeType, columns: EventColumns = PLAIN_COLUMNS): string {
  return type === 'timestamptz'
    ? columns.tz
    : type === 'timestamp'
      ? columns.ts
      : type === 'epochMs'
        ? columns.ms
        : columns.date;
}

/** The events as the in-process functions read them: instants as epoch ms, dates as ISO dates (local midnight). */
function inProcess(events: readonly TestEvent[], type: SqlTimeType) {
  return {
    customer: events.map((e) => e.customer),
    time: type === 'date' ? events.map((e) => e.date as string) : Float64Array.from(events, (e) => e.ms),
    value: events.map((e) => e.value),
  };
}

const num = (x: unknown): number => (x === null || x === undefined ? Number.NaN : Number(x));

type Options = Record<string, unknown>;

async function expectRfm(
  engine: Engine,
  table: string,
  events: readonly TestEvent[],
  type: SqlTimeType,
  options: Options,
  columns: EventColumns = PLAIN_COLUMNS,
): Promise<number> {
  const sql = rfmSummarySql({
    dialect: engine.dialect,
    table,
    customer: columns.customer,
    time: timeColumn(type, columns),
    timeType: type,
    value: columns.value,
    ...options,
  } as never);
  const rows = await engine.query(sql);
  const { sample: _sample, ...local } = options;
  const expected = rfmSummary(inProcess(events, type), local as never);
  const context = `${engine.name} ${type} ${JSON.stringify(options)}`;
  expect(rows.length, context).toBe(expected.length);
  const byId = new Map(expected.map((r) => [r.customer, r]));
  for (const row of rows) {
    const want = byId.get(String(row.customer));
    expect(want, `${context}: customer ${String(row.customer)}`).toBeDefined();
    if (want === undefined) continue;
    expect(num(row.frequency), context).toBe(want.frequency);
    // Whole days divided by the same unit length: the very same double.
    expect(num(row.recency), context).toBe(want.recency);
    expect(num(row.T), context).toBe(want.T);
    expect(Math.abs(num(row.monetaryValue) - want.monetaryValue), context).toBeLessThanOrEqual(
      1e-12 * Math.max(1, Math.abs(want.monetaryValue)),
    );
  }
  return rows.length;
}

async function expectRetention(
  engine: Engine,
  table: string,
  events: readonly TestEvent[],
  type: SqlTimeType,
  options: Options,
): Promise<void> {
  const sqlOptions = {
    dialect: engine.dialect,
    table,
    customer: PLAIN_COLUMNS.customer,
    time: timeColumn(type),
    timeType: type,
    ...options,
  };
  const rows = await engine.query(retentionCountsSql(sqlOptions as never));
  const got = retentionMatrixFromCounts(rows as unknown as RetentionCountRow[], sqlOptions as never);
  const { value: _value, ...log } = inProcess(events, type);
  const want = retentionMatrix(log, options as never);
  // cohort_start, for people reading the SQL output, is the cohort's label.
  const labels = new Map(want.cohorts.map((c) => [c.label, true]));
  for (const row of rows) expect(labels.has(String(row.cohort_start)), String(row.cohort_start)).toBe(true);
  expect(new Set(rows.map((r) => String(r.cohort_start))).size).toBe(want.cohorts.length);
  expect(got, `${engine.name} ${type} ${JSON.stringify(options)}`).toEqual(want);
}

describe.each([0, 1])('generated SQL in engine %i (0 DuckDB, 1 PostgreSQL)', (which) => {
  const engine = (): Engine => engines[which] as Engine;

  describe('CDNOW sample (dates; 2,357 customers)', () => {
    const events = cdnowEvents();

    it('rfmSummarySql equals rfmSummary: 39 weeks to 1997-09-30, and the whole log', async () => {
      for (const type of ['date', 'timestamptz'] as const) {
        const n = await expectRfm(engine(), 'cdnow', events, type, { unit: 'week', observationEnd: '1997-09-30' });
        expect(n).toBe(2357);
        await expectRfm(engine(), 'cdnow', events, type, { period: 'week', weekStartsOn: 0 });
        await expectRfm(engine(), 'cdnow', events, type, {
          period: 'month',
          unit: 'day',
          timeZone: 'America/New_York',
        });
      }
    });

    it('the published CDNOW figure: 946 customers with a repeat purchase by 1997-09-30', async () => {
      const rows = await engine().query(
        rfmSummarySql({
          dialect: engine().dialect,
          table: 'cdnow',
          customer: 'customer_id',
          time: 'on_day',
          timeType: 'date',
          unit: 'week',
          observationEnd: '1997-09-30',
        }),
      );
      expect(rows.filter((r) => num(r.frequency) > 0).length).toBe(946);
    });

    it('compressed rows equal compressCustomers(rfmSummary(…)) and sum to every customer', async () => {
      const options = { unit: 'week', observationEnd: '1997-09-30' } as const;
      const rows = await engine().query(
        rfmSummarySql({
          dialect: engine().dialect,
          table: 'cdnow',
          customer: 'customer_id',
          time: 'on_day',
          timeType: 'date',
          compress: true,
          ...options,
        }),
      );
      const c = compressCustomers(rfmSummary(inProcess(events, 'date'), options));
      const want = new Map(c.weights.map((w, i) => [`${c.frequency[i]}|${c.recency[i]}|${c.T[i]}`, w]));
      const got = new Map(rows.map((r) => [`${num(r.frequency)}|${num(r.recency)}|${num(r.T)}`, num(r.weights)]));
      expect(got).toEqual(want);
      expect([...got.values()].reduce((a, b) => a + b, 0)).toBe(2357);
    });

    it('calibrationHoldoutSql equals calibrationHoldoutSplit (calibration to 1997-09-30, holdout to 1998-06-30)', async () => {
      const options = { unit: 'week', calibrationEnd: '1997-09-30', observationEnd: '1998-06-30' } as const;
      const rows = await engine().query(
        calibrationHoldoutSql({
          dialect: engine().dialect,
          table: 'cdnow',
          customer: 'customer_id',
          time: 'on_day',
          timeType: 'date',
          value: 'amount',
          ...options,
        }),
      );
      const want = new Map(calibrationHoldoutSplit(inProcess(events, 'date'), options).map((r) => [r.customer, r]));
      expect(rows.length).toBe(want.size);
      for (const row of rows) {
        const w = want.get(String(row.customer));
        expect(w).toBeDefined();
        if (w === undefined) continue;
        expect([
          num(row.frequency),
          num(row.recency),
          num(row.T),
          num(row.holdoutFrequency),
          num(row.holdoutDuration),
        ]).toEqual([w.frequency, w.recency, w.T, w.holdoutFrequency, w.holdoutDuration]);
        expect(num(row.monetaryValue)).toBeCloseTo(w.monetaryValue, 9);
        expect(num(row.holdoutMonetaryValue)).toBeCloseTo(w.holdoutMonetaryValue, 9);
      }
    });

    it('retentionCountsSql + retentionMatrixFromCounts equal retentionMatrix (months, weeks, brackets)', async () => {
      for (const type of ['date', 'timestamptz'] as const) {
        await expectRetention(engine(), 'cdnow', events, type, { period: 'month' });
        await expectRetention(engine(), 'cdnow', events, type, { period: 'month', mode: 'onOrAfter' });
        // Issue #16: a date-only end covers its whole day, and on-or-after cells stay lower bounds (final false)
        // until the cohort is observed to the matrix's end: the warehouse path gives the same flags.
        for (const observationEnd of ['1998-02-01', '1998-06-30', '1997-03-25'])
          await expectRetention(engine(), 'cdnow', events, type, {
            period: 'month',
            mode: 'onOrAfter',
            observationEnd,
          });
        await expectRetention(engine(), 'cdnow', events, type, { period: 'day', observationEnd: '1997-03-25' });
        await expectRetention(engine(), 'cdnow', events, type, {
          period: 'week',
          brackets: [
            [0, 0],
            [1, 4],
            [3, 12],
            [13, 200],
          ],
          observationEnd: '1997-12-31',
        });
      }
    });
  });

  it('hostile table and column names are only names: same results, nothing injected', async () => {
    const table = 'orders"; DROP TABLE canary; /*';
    const columns: EventColumns = {
      customer: 'id"; DROP TABLE canary; --',
      ms: "at'ms`)/*",
      tz: 'at\ntz -- comment',
      ts: 'ts`; SELECT 1; ` \' "',
      date: 'dätum 日付 🎉',
      value: 'amount\\"\'',
    };
    const e = engine();
    await e.exec('DROP TABLE IF EXISTS canary');
    await e.exec('CREATE TABLE canary (x INTEGER)');
    const events = dstEvents('Europe/London', 7, 200, 20);
    await loadEvents(e, table, events, columns);
    const listed = await e.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = ${quoteSqlLiteral(table, { dialect: e.dialect })}`,
    );
    expect(new Set(listed.map((r) => r.column_name))).toEqual(new Set(Object.values(columns)));
    for (const type of [...INSTANT_TYPES] as const)
      await expectRfm(e, table, events, type, { timeZone: 'Europe/London', period: 'week' }, columns);
    const options = {
      dialect: e.dialect,
      table,
      customer: columns.customer,
      time: columns.tz,
      period: 'month',
      timeZone: 'Europe/London',
    } as const;
    const got = retentionMatrixFromCounts((await e.query(retentionCountsSql(options))) as never, options);
    expect(got).toEqual(
      retentionMatrix(inProcess(events, 'timestamptz'), { period: 'month', timeZone: 'Europe/London' }),
    );
    expect(await e.query('SELECT COUNT(*) AS n FROM canary')).toEqual([{ n: e.dialect === 'duckdb' ? 0n : '0' }]);
  });

  describe('docs/guides/from-a-data-warehouse.md', () => {
    const guide = readFileSync(
      fileURLToPath(new URL('../../docs/guides/from-a-data-warehouse.md', import.meta.url)),
      'utf8',
    );
    const guideOptions = {
      table: 'cdnow',
      customer: 'customer_id',
      time: 'on_day',
      timeType: 'date',
      unit: 'week',
      observationEnd: '1997-09-30',
    } as const;

    it("shows exactly the generator's SQL, which runs here and equals rfmSummary", async () => {
      const shown = /```sql\n([\s\S]*?)```/.exec(guide)?.[1];
      // The guide's options name the table orders and the value column amount.
      const generated = rfmSummarySql({
        dialect: 'postgres',
        ...guideOptions,
        table: 'orders',
        time: 'ordered_on',
        value: 'amount',
      });
      expect(shown).toBe(generated);
      const n = await expectRfm(engine(), 'cdnow', cdnowEvents(), 'date', {
        unit: 'week',
        observationEnd: '1997-09-30',
      });
      expect(n).toBe(2357);
    });

    it('round trip: compressed rows → weighted fit (the published CDNOW parameters) → scores written back', async () => {
      const e = engine();
      const compressed = await e.query(rfmSummarySql({ dialect: e.dialect, ...guideOptions, compress: true }));
      expect(compressed.length).toBeLessThan(2357);
      const fit = fitBgNbd(
        {
          frequency: compressed.map((r) => num(r.frequency)),
          recency: compressed.map((r) => num(r.recency)),
          T: compressed.map((r) => num(r.T)),
        },
        { weights: compressed.map((r) => num(r.weights)) },
      );
      expect(fit.converged).toBe(true);
      // Fader, Hardie & Lee (2005), CDNOW sample, 39 weeks: r = 0.243, α = 4.414, a = 0.793, b = 2.426.
      const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
      for (const [k, v] of Object.entries(published))
        expect(Math.abs(fit.params[k as keyof typeof published] / v - 1), k).toBeLessThan(2e-3);
      // The same fit as on the in-process summary, row by row.
      const local = fitBgNbd(
        rfmSummary(inProcess(cdnowEvents(), 'date'), { unit: 'week', observationEnd: '1997-09-30' }),
      );
      for (const k of Object.keys(published) as (keyof typeof published)[])
        expect(Math.abs(fit.params[k] / local.params[k] - 1), k).toBeLessThan(1e-6);

      const summary = await e.query(rfmSummarySql({ dialect: e.dialect, ...guideOptions, value: 'amount' }));
      const customers = {
        frequency: Float64Array.from(summary, (r) => num(r.frequency)),
        recency: Float64Array.from(summary, (r) => num(r.recency)),
        T: Float64Array.from(summary, (r) => num(r.T)),
        monetaryValue: Float64Array.from(summary, (r) => num(r.monetaryValue)),
      };
      const alive = bgNbdProbabilityAlive(fit.params, customers);
      const clv = modelClv({ model: 'bgNbd', params: fit.params }, { p: 6.25, q: 3.74, v: 15.44 }, customers, {
        horizon: 12,
        modelUnit: 'week',
        discountRate: 0.01,
      });
      await e.exec('DROP TABLE IF EXISTS scores');
      await e.exec('CREATE TABLE scores (customer_id VARCHAR(64), p_alive DOUBLE PRECISION, clv DOUBLE PRECISION)');
      for (let i = 0; i < summary.length; i += 1000) {
        const values = summary
          .slice(i, i + 1000)
          .map((r, j) => `('${String(r.customer)}', ${alive[i + j]}, ${clv[i + j]})`)
          .join(',');
        await e.exec(`INSERT INTO scores VALUES ${values}`);
      }
      const joined = await e.query(
        'SELECT COUNT(*) AS n, SUM(CASE WHEN s.p_alive BETWEEN 0 AND 1 THEN 1 ELSE 0 END) AS valid FROM (SELECT DISTINCT customer_id FROM cdnow) c JOIN scores s ON s.customer_id = c.customer_id',
      );
      expect(num(joined[0]?.n)).toBe(2357);
      expect(num(joined[0]?.valid)).toBe(2357);
    });
  });

  describe.each(ZONES.map((zone, z) => [zone, z] as const))('DST log in %s', (zone, z) => {
    const events = dstEvents(zone, 101 + z);
    const table = `dst_${z}`;

    it('rfmSummarySql equals rfmSummary for every period, unit and time representation', async () => {
      const cases: Options[] = [
        { period: 'day' },
        { period: 'day', unit: 'week', observationEnd: '2024-11-03' },
        { period: 'week', weekStartsOn: 0, observationEnd: '2024-10-27T01:30' },
        { period: 'week', unit: 'day' },
        { period: 'month', unit: 'day', observationEnd: '2024-10-06' },
        { period: 'quarter', yearStartsOn: 4, unit: 'month' },
        { period: 'year', yearStartsOn: 7, unit: 'day' },
      ];
      for (const type of INSTANT_TYPES)
        for (const options of cases) await expectRfm(engine(), table, events, type, { ...options, timeZone: zone });
    });

    it('calibrationHoldoutSql equals calibrationHoldoutSplit', async () => {
      for (const options of [
        { calibrationEnd: '2024-03-31', observationEnd: '2024-11-03', period: 'day', unit: 'week' },
        { calibrationEnd: '2024-06-15T12:00', period: 'month' },
      ]) {
        const rows = await engine().query(
          calibrationHoldoutSql({
            dialect: engine().dialect,
            table,
            customer: 'customer_id',
            time: 'at_tz',
            value: 'amount',
            timeZone: zone,
            ...options,
          } as never),
        );
        const want = calibrationHoldoutSplit(inProcess(events, 'timestamptz'), { ...options, timeZone: zone } as never);
        const byId = new Map(want.map((r) => [r.customer, r]));
        expect(rows.length).toBe(want.length);
        for (const row of rows) {
          const w = byId.get(String(row.customer));
          expect(w).toBeDefined();
          if (w === undefined) continue;
          expect([
            num(row.frequency),
            num(row.recency),
            num(row.T),
            num(row.holdoutFrequency),
            num(row.holdoutDuration),
          ]).toEqual([w.frequency, w.recency, w.T, w.holdoutFrequency, w.holdoutDuration]);
          expect(num(row.monetaryValue)).toBeCloseTo(w.monetaryValue, 9);
          expect(num(row.holdoutMonetaryValue)).toBeCloseTo(w.holdoutMonetaryValue, 9);
        }
      }
    });

    it('retention counts give retentionMatrix: calendar and rolling windows, every mode', async () => {
      const cases: Options[] = [
        { period: 'day', observationEnd: '2024-11-03T12:00' },
        { period: 'week', weekStartsOn: 0, mode: 'onOrAfter' },
        { period: 'month' },
        { period: 'month', mode: 'onOrAfter', observationEnd: '2024-10-06' },
        {
          period: 'quarter',
          yearStartsOn: 4,
          brackets: [
            [1, 2],
            [2, 3],
          ],
        },
        {
          period: 'week',
          brackets: [
            [0, 0],
            [1, 4],
            [5, 30],
          ],
        },
        { period: 'day', windows: 'rolling', observationEnd: '2024-10-27T01:30' },
        { period: 'week', windows: 'rolling', mode: 'onOrAfter' },
        {
          period: 'month',
          windows: 'rolling',
          brackets: [
            [0, 1],
            [2, 5],
          ],
        },
      ];
      for (const type of INSTANT_TYPES)
        for (const options of cases)
          await expectRetention(engine(), table, events, type, { ...options, timeZone: zone });
    });

    it('customerSampleSql picks exactly the customers whose MD5 is below the threshold, and the sample option agrees', async () => {
      const salt = "fit'2024\\";
      const rows = await engine().query(
        customerSampleSql({
          dialect: engine().dialect,
          table,
          customer: 'customer_id',
          fraction: 0.4,
          salt,
          select: 'customers',
        }),
      );
      const got = new Set(rows.map((r) => String(r.customer_id)));
      const ids = [...new Set(events.map((e) => e.customer))];
      const want = new Set(
        ids.filter(
          (id) =>
            Number.parseInt(createHash('md5').update(`${id}${salt}`).digest('hex').slice(0, 8), 16) <
            Math.round(0.4 * 2 ** 32),
        ),
      );
      expect(got).toEqual(want);
      expect(want.size).toBeGreaterThan(5);
      expect(want.size).toBeLessThan(ids.length);
      const all = await engine().query(
        customerSampleSql({ dialect: engine().dialect, table, customer: 'customer_id', fraction: 0.4, salt }),
      );
      expect(all.length).toBe(events.filter((e) => want.has(e.customer)).length);
      const sampled = events.filter((e) => want.has(e.customer));
      await expectRfm(engine(), table, sampled, 'epochMs', { timeZone: zone, sample: { fraction: 0.4, salt } });
    });
  });
});
