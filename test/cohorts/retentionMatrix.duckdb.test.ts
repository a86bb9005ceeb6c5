import { describe, expect, it } from 'vitest';
import { retentionMatrix } from '../../src/index.ts';

// Second, independent engine: DuckDB (@duckdb/node-api) computes the same daily and monthly UTC retention
// counts with plain SQL (date_trunc / date_diff), for the 'on' and 'onOrAfter' modes, on generated logs.

/** Small seeded generator (mulberry32), so the logs are reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateLog(
  seed: number,
  events: number,
  customers: number,
  days: number,
): { customer: Int32Array; time: Float64Array } {
  const random = mulberry32(seed);
  const from = Date.UTC(2023, 10, 15);
  const customer = new Int32Array(events);
  const time = new Float64Array(events);
  for (let i = 0; i < events; i++) {
    customer[i] = Math.floor(random() * random() * customers); // skewed activity
    // Whole hours plus occasional exact midnights and the last millisecond of a day.
    const day = Math.floor(random() * days);
    const r = random();
    time[i] = from + day * 86_400_000 + (r < 0.1 ? 0 : r < 0.2 ? 86_399_999 : Math.floor(random() * 24) * 3_600_000);
  }
  return { customer, time };
}

type Key = string; // `${cohortStart}:${k}`

async function duckCounts(
  log: { customer: Int32Array; time: Float64Array },
  unit: 'day' | 'month',
  mode: 'on' | 'onOrAfter',
  end: number,
): Promise<Map<Key, number>> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create();
  const connection = await db.connect();
  const values = Array.from(log.customer, (c, i) => `(${c}, ${log.time[i]})`).join(',');
  await connection.run(`CREATE TABLE ev(customer INTEGER, t BIGINT); INSERT INTO ev VALUES ${values};`);
  const base = `
    WITH e AS (SELECT customer, date_trunc('${unit}', epoch_ms(t)) AS p FROM ev WHERE t <= ${end}),
    per AS (SELECT customer, min(p) AS c, max(p) AS l FROM e GROUP BY customer)`;
  const sql =
    mode === 'on'
      ? `${base}, act AS (SELECT DISTINCT e.customer, per.c, date_diff('${unit}', per.c, e.p) AS k FROM e JOIN per USING (customer))
         SELECT epoch_ms(c) AS c, k, count(*) AS n FROM act GROUP BY c, k`
      : `${base}, ks AS (SELECT c, unnest(range(0, date_diff('${unit}', c, l) + 1)) AS k FROM per)
         SELECT epoch_ms(c) AS c, k, count(*) AS n FROM ks GROUP BY c, k`;
  const rows = (await connection.runAndReadAll(sql)).getRows();
  connection.closeSync();
  return new Map(rows.map(([c, k, n]) => [`${Number(c)}:${Number(k)}`, Number(n)]));
}

function ourCounts(m: ReturnType<typeof retentionMatrix>): Map<Key, number> {
  const out = new Map<Key, number>();
  for (const c of m.cohorts)
    c.counts.forEach((n, k) => {
      if (n > 0) out.set(`${c.start}:${k}`, n);
    });
  return out;
}

describe('retentionMatrix against DuckDB', () => {
  for (const unit of ['day', 'month'] as const) {
    for (const mode of ['on', 'onOrAfter'] as const) {
      it(`gives DuckDB's ${unit} counts in mode ${mode} (UTC)`, async () => {
        for (const seed of [1, 2, 3]) {
          const log = generateLog(seed * 7919 + (unit === 'day' ? 0 : 1), 3000, 400, unit === 'day' ? 90 : 400);
          // Seed 3 ends inside the log: at the last millisecond of a day, or exactly where a month starts.
          const end =
            seed !== 3
              ? Math.max(...log.time)
              : unit === 'day'
                ? Date.UTC(2024, 0, 31, 23, 59, 59, 999)
                : Date.UTC(2024, 6, 1);
          const ours = retentionMatrix(log, { period: unit, mode, observationEnd: end });
          const theirs = await duckCounts(log, unit, mode, end);
          expect(theirs.size).toBeGreaterThan(10);
          expect(ourCounts(ours)).toEqual(theirs);
        }
      }, 60_000);
    }
  }
});
