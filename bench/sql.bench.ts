// SQL generators benchmark (issue 13, item 7): the same synthetic log summarised twice in the same run,
//   - in DuckDB (in process, @duckdb/node-api) by the SQL of rfmSummarySql and retentionCountsSql, and
//   - in JavaScript by rfmSummary and retentionMatrix on typed columns,
// and checked to agree (customer count, Σ frequency, cohort sizes). The log: n transactions of n/10 customers
// over 730 days, shuffled, as a TIMESTAMPTZ table appended once (load time reported, not counted). Periods are
// days in Europe/London for the RFM summary (unit week) and months in the same zone for retention. Reports the
// best wall time of 3 runs each; DuckDB runs on all cores it finds (here the machine's), JavaScript on one.
// Run: npm run bench -- sql     Optional: BENCH_SIZES=1000000 (default 1e6 and 1e7).
import { DuckDBInstance } from '@duckdb/node-api';
import {
  retentionCountsSql,
  retentionMatrix,
  retentionMatrixFromCounts,
  rfmSummary,
  rfmSummarySql,
} from '../src/index.ts';
import { DAY, gc, mulberry32, sizes } from './helpers.ts';

const zone = 'Europe/London';

function synthetic(n: number, seed: number): { customer: Int32Array; time: Float64Array; value: Float64Array } {
  const random = mulberry32(seed);
  const customers = Math.max(1, Math.floor(n / 10));
  const customer = new Int32Array(n);
  const time = new Float64Array(n);
  const value = new Float64Array(n);
  const start = Date.UTC(2022, 0, 1);
  for (let i = 0; i < n; i++) {
    customer[i] = Math.floor(random() * customers);
    time[i] = start + Math.floor(random() * 730 * DAY);
    value[i] = Math.round(500 + random() * 10_000) / 100;
  }
  return { customer, time, value };
}

async function best<T>(runs: number, f: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  let ms = Number.POSITIVE_INFINITY;
  let result: T | undefined;
  for (let r = 0; r < runs; r++) {
    gc();
    const t = performance.now();
    result = await f();
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, result: result as T };
}

for (const n of sizes) {
  const log = synthetic(n, 13);
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  await connection.run('CREATE TABLE orders (customer_id INTEGER, at_ms BIGINT, amount DOUBLE)');
  const t = performance.now();
  const appender = await connection.createAppender('orders');
  for (let i = 0; i < n; i++) {
    appender.appendInteger(log.customer[i] as number);
    appender.appendBigInt(BigInt(log.time[i] as number));
    appender.appendDouble(log.value[i] as number);
    appender.endRow();
  }
  appender.closeSync();
  await connection.run(
    "CREATE TABLE events AS SELECT customer_id, timezone('UTC', make_timestamp(at_ms * 1000)) AS at_tz, amount FROM orders",
  );
  console.log(
    `\n${n.toLocaleString('en-US')} transactions of ${(n / 10).toLocaleString('en-US')} customers: loaded into DuckDB in ${((performance.now() - t) / 1000).toFixed(1)} s (not counted)`,
  );

  const source = {
    dialect: 'duckdb',
    table: 'events',
    customer: 'customer_id',
    time: 'at_tz',
    timeZone: zone,
  } as const;
  const rfmSql = rfmSummarySql({ ...source, value: 'amount', unit: 'week' });
  const sqlRfm = await best(3, async () => (await connection.runAndReadAll(rfmSql)).getRows());
  const jsRfm = await best(3, () => rfmSummary(log, { timeZone: zone, unit: 'week' }));
  const sumSql = sqlRfm.result.reduce((a, r) => a + Number(r[1]), 0);
  const sumJs = jsRfm.result.reduce((a, r) => a + r.frequency, 0);
  if (sqlRfm.result.length !== jsRfm.result.length || sumSql !== sumJs)
    throw new Error(`RFM disagree: ${sqlRfm.result.length} vs ${jsRfm.result.length} rows, Σx ${sumSql} vs ${sumJs}`);
  console.log(
    `rfm (days, unit week, ${zone}): DuckDB SQL ${sqlRfm.ms.toFixed(0)} ms, rfmSummary ${jsRfm.ms.toFixed(0)} ms (ratio SQL/JS ${(sqlRfm.ms / jsRfm.ms).toFixed(2)})`,
  );

  const counts = retentionCountsSql({ ...source, period: 'month' });
  const sqlRet = await best(3, async () => (await connection.runAndReadAll(counts)).getRowObjects());
  const fromCounts = retentionMatrixFromCounts(sqlRet.result as never, { period: 'month', timeZone: zone });
  const jsRet = await best(3, () =>
    retentionMatrix({ customer: log.customer, time: log.time }, { period: 'month', timeZone: zone }),
  );
  if (JSON.stringify(fromCounts) !== JSON.stringify(jsRet.result)) throw new Error('retention matrices disagree');
  console.log(
    `retention (months, ${zone}): DuckDB SQL ${sqlRet.ms.toFixed(0)} ms, retentionMatrix ${jsRet.ms.toFixed(0)} ms (ratio SQL/JS ${(sqlRet.ms / jsRet.ms).toFixed(2)}); the matrices are equal`,
  );
  connection.closeSync();
}
