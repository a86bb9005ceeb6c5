import { createContext, Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { udfBundle } from '../../scripts/build-udf.ts';
import { UDF_BUNDLE } from '../../src/internal/udfBundle.ts';
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  modelClv,
  rfmSummary,
  scoringUdfSql,
} from '../../src/index.ts';
import { thrown } from '../helpers/expectClose.ts';
import { cdnowEvents } from './engines.ts';

// Issue #13, item 4: the scoring UDF for BigQuery and Snowflake. Its JavaScript body is taken out of the
// generated SQL and run in an isolated node:vm context (no require, no process, no host API), as the engines
// run it, on every CDNOW customer; it must give the library's own P(alive), expected purchases and CLV.

const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const spend = { p: 6.25, q: 3.74, v: 15.44 };
const clv = { horizon: 12, modelUnit: 'week', discountRate: 0.01 } as const;

type Udf = (frequency: unknown, recency: unknown, t: unknown, monetary: unknown) => Record<string, unknown> | null;

/** The UDF of the generated SQL as a function, compiled in a fresh context with nothing but the language. */
function udfOf(sql: string, dialect: 'bigquery' | 'snowflake'): Udf {
  const body =
    dialect === 'bigquery' ? /r"""\n([\s\S]*)\n"""/.exec(sql)?.[1] : /AS \$\$\n([\s\S]*)\n\$\$/.exec(sql)?.[1];
  expect(body).toBeDefined();
  const args =
    dialect === 'bigquery' ? 'frequency, recency, t, monetary_value' : 'FREQUENCY, RECENCY, T, MONETARY_VALUE';
  const context = createContext({});
  return new Script(`(function (${args}) {\n${body}\n})`).runInContext(context) as Udf;
}

const summary = rfmSummary(
  (() => {
    const events = cdnowEvents();
    return {
      customer: events.map((e) => e.customer),
      time: events.map((e) => e.ms),
      value: events.map((e) => e.value),
    };
  })(),
  { unit: 'week', observationEnd: '1997-09-30' },
).filter((_, i) => i % 3 === 0); // every third customer: 786, repeat buyers and one-time buyers alike

describe('scoringUdfSql', () => {
  it('carries the current bundle (npx tsx scripts/build-udf.ts regenerates it)', async () => {
    expect(UDF_BUNDLE).toBe(await udfBundle());
  }, 60_000);

  for (const dialect of ['bigquery', 'snowflake'] as const) {
    it(`${dialect}: the UDF gives the library's scores for CDNOW customers`, () => {
      const sql = scoringUdfSql({ dialect, params, t: 39, spend, clv });
      // The bundle cannot end the SQL's quoting.
      const body = sql.slice(
        sql.indexOf('\n', sql.indexOf(dialect === 'bigquery' ? 'r"""' : 'AS $$')) + 1,
        sql.lastIndexOf(dialect === 'bigquery' ? '"""' : '$$'),
      );
      expect(body.includes(dialect === 'bigquery' ? '"""' : '$$')).toBe(false);
      const udf = udfOf(sql, dialect);
      const clvs = modelClv({ model: 'bgNbd', params }, spend, summary, clv);
      const alive = bgNbdProbabilityAlive(params, summary);
      const expected = bgNbdConditionalExpectedPurchases(params, 39, summary);
      summary.forEach((c, i) => {
        const got = udf(c.frequency, c.recency, c.T, c.monetaryValue);
        expect(got).toEqual({ p_alive: alive[i], expected_purchases: expected[i], clv: clvs[i] });
      });
      // SQL NULL in, NULL out (BigQuery passes null, Snowflake undefined); no CLV without a monetary value.
      expect(udf(null, 1, 2, 3)).toBeNull();
      expect(udf(undefined, 1, 2, 3)).toBeNull();
      expect(udf(1, 1, 2, null)).toMatchObject({ clv: null });
    });
  }

  it('without spend and clv: P(alive) and expected purchases only', () => {
    const udf = udfOf(scoringUdfSql({ dialect: 'bigquery', params }), 'bigquery');
    expect(udf(2, 30.43, 38.86, 22.35)).toEqual({
      p_alive: bgNbdProbabilityAlive(params, { frequency: 2, recency: 30.43, T: 38.86 }),
      expected_purchases: bgNbdConditionalExpectedPurchases(params, 1, { frequency: 2, recency: 30.43, T: 38.86 }),
      clv: null,
    });
  });

  it('validates the parameters before writing any SQL', () => {
    expect(thrown(() => scoringUdfSql({ dialect: 'bigquery', params: { ...params, r: -1 } }))).toBeInstanceOf(
      RangeError,
    );
    expect(thrown(() => scoringUdfSql({ dialect: 'bigquery', params, spend }))).toBeInstanceOf(RangeError);
    expect(thrown(() => scoringUdfSql({ dialect: 'bigquery', params, t: -1 }))).toBeInstanceOf(RangeError);
    expect(thrown(() => scoringUdfSql({ dialect: 'snowflake', params: { r: 1 } } as never))).toBeInstanceOf(TypeError);
    expect(scoringUdfSql({ dialect: 'bigquery', params, name: 'x`; DROP' })).toContain(
      'CREATE TEMP FUNCTION `x\\`; DROP`(',
    );
  });
});
