import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { retentionCountsSql, rfmSummarySql, scoringUdfSql, type SqlDialect } from '../../src/index.ts';
import { CASES } from './cases.ts';

// The dialects that cannot run here are checked by maintained parsers: Spark SQL by dt-sql-parser (built on the
// ANTLR grammar of Apache Spark's own parser) and BigQuery by sql-parser-cst. Snowflake and ClickHouse have no
// maintained JavaScript parser; their SQL is checked by the golden files only.

const root = fileURLToPath(new URL('../..', import.meta.url));

const hostile = {
  table: ['my-project', 'shop`; DROP TABLE x; --'],
  customer: "id' OR '1'='1",
  time: 'at\n/* comment',
  value: 'amount\\`',
} as const;

/**
 * Spark statements are validated in a Node child process (tsx resolves the package's directory imports): loaded
 * through Vitest's module runner the ANTLR
 * parser is about five times slower.
 */
function sparkErrors(statements: readonly string[]): string[][] {
  const script = `import('dt-sql-parser').then(({ SparkSQL }) => {
    const spark = new SparkSQL();
    const input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    process.stdout.write(JSON.stringify(input.map((sql) => spark.validate(sql).map((e) => e.message))));
  });`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
    input: JSON.stringify(statements),
    cwd: root,
  });
  return JSON.parse(out.toString()) as string[][];
}

async function errorsOf(dialect: SqlDialect, sql: string): Promise<string[]> {
  if (dialect === 'spark') return sparkErrors([sql])[0] ?? ['no answer'];
  const { parse } = await import('sql-parser-cst');
  try {
    parse(sql, { dialect: 'bigquery' });
    return [];
  } catch (error) {
    return [String(error)];
  }
}

describe('parser check of the generated-only dialects', () => {
  for (const dialect of ['spark', 'bigquery'] as const) {
    it(`${dialect}: every golden case and SQL over hostile names parses`, async () => {
      const rfm = rfmSummarySql({ dialect, ...hostile, period: 'week', timeZone: 'Europe/London' });
      const { value: _value, ...source } = hostile;
      const retention = retentionCountsSql({ dialect, ...source, mode: 'onOrAfter' });
      // The ANTLR Spark parser needs seconds for the longest statements: a representative subset for Spark.
      const names = Object.keys(CASES).filter(
        (name) =>
          dialect !== 'spark' ||
          !['rfm-weeks-london', 'retention-weeks-sunday', 'rfm-fiscal-quarters-epoch-ms'].includes(name),
      );
      const statements = [...names.map((name) => (CASES[name] as (d: SqlDialect) => string)(dialect)), rfm, retention];
      if (dialect === 'bigquery')
        statements.push(
          scoringUdfSql({
            dialect,
            params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
            spend: { p: 6.25, q: 3.74, v: 15.44 },
            clv: { horizon: 12, modelUnit: 'week', discountRate: 0.01 },
          }),
        );
      // …and the check itself must reject broken SQL (the last statement).
      statements.push(rfm.replace('ORDER BY c', 'ORDER BY'));
      const errors =
        dialect === 'spark'
          ? sparkErrors(statements)
          : await Promise.all(statements.map((sql) => errorsOf(dialect, sql)));
      expect(errors.slice(0, -1)).toEqual(statements.slice(0, -1).map(() => []));
      expect(errors.at(-1)?.length).toBeGreaterThan(0);
    }, 120_000);
  }
});
