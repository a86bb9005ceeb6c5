import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rfmSummary } from '../../src/index.ts';
import { expectClose } from '../helpers/expectClose.ts';

// The SQL of docs/guides/from-a-data-warehouse.md runs in DuckDB (an independent engine) on the CDNOW
// sample and must give rfmSummary's result for every customer.
const root = fileURLToPath(new URL('../..', import.meta.url));
const guide = readFileSync(`${root}docs/guides/from-a-data-warehouse.md`, 'utf8');
const sql = /```sql\n([\s\S]*?)```/.exec(guide)?.[1] ?? '';
const ordersFile = `${root}examples/data/orders.csv`;

describe('from-a-data-warehouse.md SQL', () => {
  it('computes the same RFM summary in DuckDB as rfmSummary (daily periods, weeks, 1997-09-30)', async () => {
    expect(sql).toContain('SELECT');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create();
    const connection = await db.connect();
    await connection.run(
      `CREATE TABLE orders AS SELECT customer_id, CAST(ordered_on AS TIMESTAMP) AS ordered_at, amount
       FROM read_csv('${ordersFile}', header = true, columns = {'customer_id': 'VARCHAR', 'ordered_on': 'DATE', 'cds': 'INTEGER', 'amount': 'DOUBLE'})`,
    );
    const rows = (await connection.runAndReadAll(sql)).getRows();
    connection.closeSync();

    const text = readFileSync(ordersFile, 'utf8').trim().split('\n').slice(1);
    const orders = text.map((line) => {
      const [customer = '', day = '', , amount = ''] = line.split(',');
      return { customer, day, amount: Number(amount) };
    });
    const expected = new Map(
      rfmSummary(orders, {
        customer: 'customer',
        time: 'day',
        value: 'amount',
        observationEnd: '1997-09-30',
        unit: 'week',
      }).map((r) => [r.customer, r]),
    );

    expect(rows.length).toBe(expected.size);
    // The data README: 946 customers with at least one repeat purchase before 1997-10-01.
    expect(rows.filter((r) => Number(r[1]) > 0).length).toBe(946);
    for (const [id, frequency, recency, t, monetary] of rows) {
      const want = expected.get(String(id));
      expect(want, `customer ${String(id)}`).toBeDefined();
      expect(Number(frequency)).toBe(want?.frequency);
      expectClose(Number(recency), want?.recency ?? Number.NaN, { rel: 1e-12, abs: 1e-12 });
      expectClose(Number(t), want?.T ?? Number.NaN, { rel: 1e-12 });
      expectClose(Number(monetary), want?.monetaryValue ?? Number.NaN, { rel: 1e-9, abs: 1e-9 });
    }
  }, 60_000);
});
