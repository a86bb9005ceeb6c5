import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CASES, DIALECTS } from './cases.ts';

// Golden SQL for every dialect (test/fixtures/sql/<dialect>/<case>.sql). DuckDB and PostgreSQL SQL is also
// executed (engines.test.ts); BigQuery, Snowflake, Spark SQL and ClickHouse are generated only, so these files
// are what a reviewer reads and what a change to the generators must update on purpose:
//   UPDATE_SQL_GOLDEN=1 npx vitest run test/sql/golden.test.ts

const dir = fileURLToPath(new URL('../fixtures/sql/', import.meta.url));

describe('golden SQL per dialect', () => {
  for (const dialect of DIALECTS) {
    it(`${dialect}: every case equals its file in test/fixtures/sql/${dialect}/`, () => {
      for (const [name, make] of Object.entries(CASES)) {
        const file = `${dir}${dialect}/${name}.sql`;
        const sql = make(dialect);
        if (process.env.UPDATE_SQL_GOLDEN === '1') {
          mkdirSync(`${dir}${dialect}`, { recursive: true });
          writeFileSync(file, sql);
        }
        expect(existsSync(file), `${file} (UPDATE_SQL_GOLDEN=1 writes it)`).toBe(true);
        expect(sql, file).toBe(readFileSync(file, 'utf8'));
      }
    });
  }
});
