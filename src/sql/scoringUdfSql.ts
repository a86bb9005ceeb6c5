import { quoteIdentifier } from '../internal/sql.ts';
import { UDF_BUNDLE } from '../internal/udfBundle.ts';
import {
  describeValue,
  rangeFail,
  readOptions,
  requireOneOf,
  requireObject,
  typeFail,
  withDefault,
} from '../internal/validate.ts';
import type { ScoringUdfSqlOptions } from './types.ts';

const UNITS = ['day', 'week', 'month', 'quarter', 'year'] as const;

function positive(fn: string, name: string, value: unknown): number {
  if (typeof value !== 'number') typeFail(fn, `${name} must be a number, got ${describeValue(value)}`);
  if (!(value > 0 && Number.isFinite(value)))
    rangeFail(fn, `${name} (${describeValue(value)}) must be a positive finite number`);
  return value;
}

function params(fn: string, name: string, value: unknown, keys: readonly string[]): Record<string, number> {
  const object = readOptions(fn, requireObject(fn, name, value), keys, [], `options.${name}`) as Record<
    string,
    unknown
  >;
  const out: Record<string, number> = {};
  for (const key of keys) out[key] = positive(fn, `${name}.${key}`, object[key]);
  return out;
}

/**
 * SQL that declares a JavaScript UDF scoring customers in the warehouse from a fitted BG/NBD model (and, with
 * `spend` and `clv`, a Gamma-Gamma spend model): for each `(frequency, recency, T, monetaryValue)` it returns
 * `p_alive` (`bgNbdProbabilityAlive`), `expected_purchases` in the next `t` model units
 * (`bgNbdConditionalExpectedPurchases`) and `clv` (`modelClv`). The UDF carries the library's own functions,
 * bundled into one self-contained script (no imports, no host API), so the engine computes exactly what the
 * library computes; the fitted parameters are embedded as JSON.
 *
 * ```text
 * bigquery   CREATE TEMP FUNCTION name(frequency FLOAT64, recency FLOAT64, t FLOAT64, monetary_value FLOAT64)
 *            RETURNS STRUCT<p_alive FLOAT64, expected_purchases FLOAT64, clv FLOAT64> LANGUAGE js AS r"""…"""
 * snowflake  CREATE OR REPLACE TEMPORARY FUNCTION name(FREQUENCY DOUBLE, RECENCY DOUBLE, T DOUBLE, MONETARY_VALUE DOUBLE)
 *            RETURNS VARIANT LANGUAGE JAVASCRIPT AS $$…$$
 * call       SELECT customer, name(frequency, recency, T, monetaryValue) AS score FROM summary
 * ```
 *
 * A NULL frequency, recency or T gives a NULL score; a NULL monetary value a NULL `clv`. Invalid inputs (a
 * negative frequency, recency above T) raise the library's error inside the engine. Generated only: the
 * bundle is tested in an isolated `node:vm` context against the library's functions, not in BigQuery or
 * Snowflake.
 *
 * @param options - `dialect` (`'bigquery'` or `'snowflake'`), `params` (`{ r, alpha, a, b }`, required), `t`
 *   (horizon of the expected purchases in the model's unit, default 1), `spend` (`{ p, q, v }`) and `clv` (the
 *   options of `modelClv`: `horizon`, `modelUnit`, `discountRate`, …) for the CLV, `name` (default
 *   `loyalty_metrics_score`).
 * @returns The SQL text of one `CREATE FUNCTION` statement, ending in `;` and a newline.
 * @throws {TypeError} When a required option is missing or has the wrong type.
 * @throws {RangeError} For another dialect, a parameter that is not positive and finite, `t` negative, `spend`
 *   without `clv` or the reverse, or an invalid function name.
 * @example
 * ```ts
 * import { scoringUdfSql } from 'loyalty-metrics';
 *
 * const sql = scoringUdfSql({
 *   dialect: 'bigquery',
 *   params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
 *   t: 39,
 *   spend: { p: 6.25, q: 3.74, v: 15.44 },
 *   clv: { horizon: 12, modelUnit: 'week', discountRate: 0.01 },
 * });
 * sql.startsWith('CREATE TEMP FUNCTION `loyalty_metrics_score`(frequency FLOAT64'); // => true
 * scoringUdfSql({ dialect: 'postgres', params: { r: 1, alpha: 1, a: 1, b: 1 } } as never); // => throws RangeError
 * ```
 * @category SQL
 */
export function scoringUdfSql(options: ScoringUdfSqlOptions): string {
  const fn = 'scoringUdfSql';
  const opts = readOptions(fn, options, ['dialect', 'params', 't', 'spend', 'clv', 'name']);
  if (opts.dialect === undefined) typeFail(fn, 'dialect is required (bigquery or snowflake)');
  const dialect = requireOneOf(fn, 'dialect', opts.dialect, ['bigquery', 'snowflake'] as const);
  if (opts.params === undefined) typeFail(fn, 'params (the fitted { r, alpha, a, b }) is required');
  const model = params(fn, 'params', opts.params, ['r', 'alpha', 'a', 'b']);
  const t = withDefault(opts.t, 1);
  if (typeof t !== 'number') typeFail(fn, `t must be a number, got ${describeValue(t)}`);
  if (!(t >= 0 && Number.isFinite(t))) rangeFail(fn, `t (${describeValue(t)}) must be a non-negative finite number`);
  if ((opts.spend === undefined) !== (opts.clv === undefined))
    rangeFail(
      fn,
      `${opts.spend === undefined ? 'clv' : 'spend'} needs ${opts.spend === undefined ? 'spend' : 'clv'} (both give the CLV)`,
    );
  const spend = opts.spend === undefined ? null : params(fn, 'spend', opts.spend, ['p', 'q', 'v']);
  let clv: Record<string, unknown> | null = null;
  if (opts.clv !== undefined) {
    const keys = ['horizon', 'horizonUnit', 'modelUnit', 'discountRate', 'margin', 'daysPerMonth'];
    clv = { ...readOptions(fn, requireObject(fn, 'clv', opts.clv), keys, [], 'options.clv') };
    positive(fn, 'clv.horizon', clv.horizon);
    if (clv.modelUnit === undefined) typeFail(fn, 'clv.modelUnit is required');
    requireOneOf(fn, 'clv.modelUnit', clv.modelUnit, UNITS);
    if (clv.horizonUnit !== undefined) requireOneOf(fn, 'clv.horizonUnit', clv.horizonUnit, UNITS);
    if (typeof clv.discountRate !== 'number')
      typeFail(fn, `clv.discountRate must be a number, got ${describeValue(clv.discountRate)}`);
  }
  const config = JSON.stringify({ params: model, t, spend, clv });
  const name = quoteIdentifier(fn, dialect, withDefault(opts.name, 'loyalty_metrics_score'), 'name');
  if (dialect === 'bigquery') {
    return `CREATE TEMP FUNCTION ${name}(frequency FLOAT64, recency FLOAT64, t FLOAT64, monetary_value FLOAT64)
RETURNS STRUCT<p_alive FLOAT64, expected_purchases FLOAT64, clv FLOAT64>
LANGUAGE js AS r"""
${UDF_BUNDLE}
return loyaltyMetricsUdf.score(${config}, frequency, recency, t, monetary_value);
""";
`;
  }
  return `CREATE OR REPLACE TEMPORARY FUNCTION ${name}(FREQUENCY DOUBLE, RECENCY DOUBLE, T DOUBLE, MONETARY_VALUE DOUBLE)
RETURNS VARIANT
LANGUAGE JAVASCRIPT
AS $$
${UDF_BUNDLE}
return loyaltyMetricsUdf.score(${config}, FREQUENCY, RECENCY, T, MONETARY_VALUE);
$$;
`;
}
