import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { quoteSqlIdentifier, type SqlDialect } from '../../src/index.ts';
import { toEpochMs } from '../../src/internal/time/parse.ts';
import type { TestPostgres } from '../helpers/postgres.ts';

/** A SQL engine the tests run generated SQL in: DuckDB in process, or a throwaway PostgreSQL cluster. */
export interface Engine {
  readonly name: string;
  readonly dialect: SqlDialect;
  exec(sql: string): Promise<void>;
  query(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/**
 * DuckDB in memory. The session time zone is set far from UTC (Asia/Kolkata, +05:30) so that any expression
 * depending on it, instead of the zone the SQL names, would show.
 */
export async function duckdb(): Promise<Engine> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  await connection.run("SET TimeZone = 'Asia/Kolkata'");
  return {
    name: 'DuckDB',
    dialect: 'duckdb',
    exec: async (sql) => {
      await connection.run(sql);
    },
    query: async (sql) => (await connection.runAndReadAll(sql)).getRowObjects() as Record<string, unknown>[],
    close: async () => {
      connection.closeSync();
    },
  };
}

/** PostgreSQL through node-postgres, session time zone Asia/Kolkata. */
export async function postgres(server: TestPostgres): Promise<Engine> {
  const { default: pg } = await import('pg');
  // DATE as its text (node-postgres would make a Date at local midnight of the Node process).
  pg.types.setTypeParser(1082, (text: string) => text);
  const client = new pg.Client(server.config);
  await client.connect();
  await client.query("SET TIME ZONE 'Asia/Kolkata'");
  return {
    name: 'PostgreSQL',
    dialect: 'postgres',
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async (sql) => (await client.query(sql)).rows as Record<string, unknown>[],
    close: async () => {
      await client.end();
    },
  };
}

/** One event of a test log: customer id, instant (epoch ms), value, and its local date where one is given. */
export interface TestEvent {
  readonly customer: string;
  readonly ms: number;
  readonly value: number;
  readonly date?: string;
}

/** Column names of a loaded events table. */
export interface EventColumns {
  readonly customer: string;
  readonly ms: string;
  readonly tz: string;
  readonly ts: string;
  readonly date: string;
  readonly value: string;
}

export const PLAIN_COLUMNS: EventColumns = {
  customer: 'customer_id',
  ms: 'at_ms',
  tz: 'at_tz',
  ts: 'at_utc',
  date: 'on_day',
  value: 'amount',
};

/**
 * Creates `table` with the events in five representations of the same time: epoch ms (BIGINT), an instant
 * (TIMESTAMPTZ), a zone-less UTC timestamp (TIMESTAMP), and the given local date (DATE), plus customer and value.
 */
export async function loadEvents(
  engine: Engine,
  table: string,
  events: readonly TestEvent[],
  columns: EventColumns = PLAIN_COLUMNS,
): Promise<void> {
  const q = (name: string): string => quoteSqlIdentifier(name, { dialect: engine.dialect });
  const raw = q(`${table}__raw`);
  await engine.exec(`DROP TABLE IF EXISTS ${raw}`);
  await engine.exec(`DROP TABLE IF EXISTS ${q(table)}`);
  await engine.exec(`CREATE TABLE ${raw} (c VARCHAR(64), ms BIGINT, v DOUBLE PRECISION, d DATE)`);
  for (let i = 0; i < events.length; i += 2000) {
    const values = events
      .slice(i, i + 2000)
      .map((e) => `('${e.customer}', ${e.ms}, ${e.value}, ${e.date === undefined ? 'NULL' : `DATE '${e.date}'`})`)
      .join(',');
    await engine.exec(`INSERT INTO ${raw} VALUES ${values}`);
  }
  const tz =
    engine.dialect === 'duckdb'
      ? "timezone('UTC', make_timestamp(ms * 1000))"
      : "TIMESTAMPTZ '1970-01-01 00:00:00+00' + ms * INTERVAL '1 millisecond'";
  const ts =
    engine.dialect === 'duckdb'
      ? 'make_timestamp(ms * 1000)'
      : "TIMESTAMP '1970-01-01' + ms * INTERVAL '1 millisecond'";
  await engine.exec(
    `CREATE TABLE ${q(table)} AS SELECT c AS ${q(columns.customer)}, ms AS ${q(columns.ms)}, ${tz} AS ${q(columns.tz)}, ${ts} AS ${q(columns.ts)}, d AS ${q(columns.date)}, v AS ${q(columns.value)} FROM ${raw}`,
  );
  await engine.exec(`DROP TABLE ${raw}`);
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The CDNOW sample (test/fixtures/CDNOW_sample.txt): 6,919 purchases of 2,357 customers, dates only. */
export function cdnowEvents(): TestEvent[] {
  const text = readFileSync(`${root}test/fixtures/CDNOW_sample.txt`, 'utf8');
  const out: TestEvent[] = [];
  for (const line of text.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 5) continue;
    const [id = '', , ymd = '', , dollars = ''] = parts;
    const date = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
    out.push({ customer: id, ms: Date.parse(`${date}T00:00:00Z`), value: Number(dollars), date });
  }
  return out;
}

/** Small seeded generator (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The 2024 daylight-saving changes of each test zone (local dates). */
export const DST_DAYS: Readonly<Record<string, readonly string[]>> = {
  'Europe/London': ['2024-03-31', '2024-10-27'],
  'America/New_York': ['2024-03-10', '2024-11-03'],
  'Australia/Sydney': ['2024-04-07', '2024-10-06'],
};

/**
 * A log of `n` events of `customers` customers in 2023-12 … 2025-01, half of them within two days of the zone's
 * DST changes, many exactly at local midnight or a millisecond before it, and at month and quarter boundaries.
 */
export function dstEvents(zone: string, seed: number, n = 700, customers = 60): TestEvent[] {
  const random = mulberry32(seed);
  const midnight = (date: string): number => toEpochMs('test', date, 'date', zone);
  const anchors = [...(DST_DAYS[zone] ?? []), '2024-01-01', '2024-04-01', '2024-07-01', '2024-10-01', '2025-01-01'].map(
    midnight,
  );
  const from = midnight('2023-12-01');
  const to = midnight('2025-01-20');
  const out: TestEvent[] = [];
  for (let i = 0; i < n; i++) {
    let ms: number;
    const r = random();
    if (r < 0.5) {
      const anchor = anchors[Math.floor(random() * anchors.length)] as number;
      const offset = Math.floor((random() - 0.5) * 4 * 86_400_000);
      const snap = random();
      // Snap to a local midnight near the anchor, a millisecond before one, or any minute.
      const base = anchor + Math.round(offset / 86_400_000) * 86_400_000;
      ms = snap < 0.25 ? base : snap < 0.5 ? base - 1 : anchor + Math.floor(offset / 60_000) * 60_000;
    } else ms = from + Math.floor(random() * (to - from));
    const customer = `c${Math.floor(random() * random() * customers)}`;
    out.push({ customer, ms, value: Math.round(random() * 10_000) / 100 });
  }
  return out;
}
