/**
 * The SQL kernel behind `src/sql/`: dialects, identifier and literal quoting, and the few expressions whose
 * spelling differs between engines (local calendar date of an instant in an IANA zone, days since 1970, epoch
 * milliseconds, floor division, a stable hash of a customer id). Everything else the generators write is
 * plain SQL that every dialect here accepts (CTEs, `GROUP BY`, `CASE`, `COUNT(DISTINCT …)`, window `MIN`).
 *
 * Quoting is the only defence needed against injection: every identifier the caller gives is validated (no
 * empty part, no NUL, no lone surrogate, within the engine's length limit) and written as a quoted identifier
 * whose every closing character is escaped the way the dialect's lexer expects, and every string literal is
 * written with the dialect's own escapes. Numbers are written by the generators themselves from validated
 * finite values.
 * @internal
 * @module
 */
import { describeValue, rangeFail, requireOneOf, typeFail } from './validate.ts';
import type { Period } from './time/periodKinds.ts';

/** The SQL dialects the generators write. */
export type SqlDialect = 'duckdb' | 'postgres' | 'bigquery' | 'snowflake' | 'spark' | 'clickhouse';

/** Every dialect, in the order of the documentation. */
export const SQL_DIALECTS: readonly SqlDialect[] = [
  'duckdb',
  'postgres',
  'bigquery',
  'snowflake',
  'spark',
  'clickhouse',
];

/**
 * What the time column holds:
 * - `'timestamptz'`: an instant type (PostgreSQL/DuckDB `TIMESTAMPTZ`, BigQuery `TIMESTAMP`, Snowflake
 *   `TIMESTAMP_TZ`/`TIMESTAMP_LTZ`, Spark `TIMESTAMP`, ClickHouse `DateTime`/`DateTime64`);
 * - `'timestamp'`: a zone-less timestamp holding UTC (PostgreSQL/DuckDB `TIMESTAMP`, BigQuery `DATETIME`,
 *   Snowflake `TIMESTAMP_NTZ`, Spark `TIMESTAMP_NTZ`; ClickHouse `DateTime` in UTC);
 * - `'epochMs'`: an integer of milliseconds since 1970-01-01T00:00Z;
 * - `'date'`: a calendar date, read as local midnight in `timeZone` (as `rfmSummary` reads `'2024-03-05'`).
 */
export type SqlTimeType = 'timestamptz' | 'timestamp' | 'epochMs' | 'date';

/** Every time type. */
export const SQL_TIME_TYPES: readonly SqlTimeType[] = ['timestamptz', 'timestamp', 'epochMs', 'date'];

/** Longest identifier each engine keeps (bytes of UTF-8); PostgreSQL would silently truncate a longer one. */
const MAX_IDENTIFIER_BYTES: Readonly<Record<SqlDialect, number>> = {
  duckdb: 1024,
  postgres: 63,
  bigquery: 1024,
  snowflake: 255,
  spark: 1024,
  clickhouse: 1024,
};

/**
 * Validates a dialect name.
 * @example
 * ```ts
 * import { requireDialect } from './sql.ts';
 *
 * requireDialect('rfmSummarySql', 'postgres'); // => 'postgres'
 * requireDialect('rfmSummarySql', 'mysql'); // => throws RangeError: rfmSummarySql: dialect ("mysql") must be one of 'duckdb', 'postgres', 'bigquery', 'snowflake', 'spark', 'clickhouse'
 * ```
 */
export function requireDialect(fn: string, value: unknown): SqlDialect {
  if (value === undefined) typeFail(fn, `dialect is required (one of ${SQL_DIALECTS.join(', ')})`);
  return requireOneOf(fn, 'dialect', value, SQL_DIALECTS);
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The index of the first lone surrogate, or −1 (a lone surrogate has no UTF-8 form: the engine would reject or mangle it). */
function loneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

/** Characters escaped with a backslash sequence in the backslash-escaping dialects. */
function backslashEscape(text: string, quote: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}

function checkText(fn: string, label: string, text: unknown, what: string): string {
  if (typeof text !== 'string') typeFail(fn, `${label} must be a string, got ${describeValue(text)}`);
  if (text.includes('\u0000')) rangeFail(fn, `${label} (${describeValue(text)}) must not contain a NUL character`);
  const lone = loneSurrogate(text);
  if (lone >= 0)
    rangeFail(fn, `${label} (${describeValue(text)}) has a lone surrogate at index ${lone}, not valid ${what}`);
  return text;
}

/**
 * Writes one identifier (a table, column or alias name) quoted for the dialect, so that any name, however
 * hostile (quotes, backticks, semicolons, comment markers, newlines, unicode), reads back as exactly that name
 * and never as SQL. `"` doubled for DuckDB, PostgreSQL and Snowflake; `` ` `` doubled for Spark; backslash
 * escapes inside backticks for BigQuery and ClickHouse.
 * @throws {TypeError} When `name` is not a string.
 * @throws {RangeError} When it is empty, contains NUL or a lone surrogate, or exceeds the engine's length limit
 *   (63 bytes in PostgreSQL, which would silently truncate it; 255 in Snowflake; 1024 elsewhere).
 * @example
 * ```ts
 * import { quoteIdentifier } from './sql.ts';
 *
 * quoteIdentifier('f', 'postgres', 'order "id"', 'customer'); // => '"order ""id"""'
 * quoteIdentifier('f', 'spark', 'a`b', 'customer'); // => '`a``b`'
 * quoteIdentifier('f', 'bigquery', 'a`b\\c', 'customer'); // => '`a\\`b\\\\c`'
 * quoteIdentifier('f', 'postgres', '', 'customer'); // => throws RangeError: f: customer ("") must not be empty
 * ```
 */
export function quoteIdentifier(fn: string, dialect: SqlDialect, name: unknown, label: string): string {
  const text = checkText(fn, label, name, 'in an identifier');
  if (text.length === 0) rangeFail(fn, `${label} ("") must not be empty`);
  const limit = MAX_IDENTIFIER_BYTES[dialect];
  if (utf8Length(text) > limit)
    rangeFail(fn, `${label} (${describeValue(text)}) is longer than ${limit} bytes, the ${dialect} identifier limit`);
  switch (dialect) {
    case 'duckdb':
    case 'postgres':
    case 'snowflake':
      return `"${text.replaceAll('"', '""')}"`;
    case 'spark':
      return `\`${text.replaceAll('`', '``')}\``;
    case 'bigquery':
    case 'clickhouse':
      return `\`${backslashEscape(text, '`')}\``;
  }
}

/**
 * A table reference: one name, or the parts of a qualified name (`['analytics', 'orders']` →
 * `"analytics"."orders"`), each part quoted. A string is one part even when it contains a dot.
 * @example
 * ```ts
 * import { quoteTable } from './sql.ts';
 *
 * quoteTable('f', 'duckdb', ['main', 'orders']); // => '"main"."orders"'
 * quoteTable('f', 'bigquery', ['my-project', 'shop', 'orders']); // => '`my-project`.`shop`.`orders`'
 * quoteTable('f', 'duckdb', []); // => throws RangeError: f: table must have at least one part
 * ```
 */
export function quoteTable(fn: string, dialect: SqlDialect, table: unknown): string {
  if (typeof table === 'string') return quoteIdentifier(fn, dialect, table, 'table');
  if (!Array.isArray(table))
    typeFail(fn, `table must be a name or an array of name parts, got ${describeValue(table)}`);
  if (table.length === 0) rangeFail(fn, 'table must have at least one part');
  if (table.length > 3) rangeFail(fn, `table has ${table.length} parts; at most 3 (catalog, schema, table)`);
  return table.map((part, i) => quoteIdentifier(fn, dialect, part, `table[${i}]`)).join('.');
}

/**
 * A string literal in the dialect: `'…'` with `'` doubled (DuckDB), `E'…'` with backslash escapes
 * (PostgreSQL, whatever `standard_conforming_strings` says), backslash escapes (BigQuery, Snowflake, Spark,
 * ClickHouse, whose lexers read `\` as an escape).
 * @throws {RangeError} When the text contains NUL or a lone surrogate.
 * @example
 * ```ts
 * import { quoteString } from './sql.ts';
 *
 * quoteString('f', 'duckdb', "it's", 'salt'); // => "'it''s'"
 * quoteString('f', 'postgres', "a\\'b", 'salt'); // => "E'a\\\\\\'b'"
 * quoteString('f', 'snowflake', "it's", 'salt'); // => "'it\\'s'"
 * ```
 */
export function quoteString(fn: string, dialect: SqlDialect, value: unknown, label: string): string {
  const text = checkText(fn, label, value, 'text');
  if (dialect === 'duckdb') return `'${text.replaceAll("'", "''")}'`;
  const body = backslashEscape(text, "'");
  return dialect === 'postgres' ? `E'${body}'` : `'${body}'`;
}

/** A finite number as a SQL numeric literal (integers plainly, others with enough digits to round-trip). */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return Object.is(value, -0) ? '0' : String(value);
}

/** The dialect's 64-bit float and integer type names. */
export function doubleType(dialect: SqlDialect): string {
  return dialect === 'postgres'
    ? 'DOUBLE PRECISION'
    : dialect === 'bigquery'
      ? 'FLOAT64'
      : dialect === 'clickhouse'
        ? 'Float64'
        : 'DOUBLE';
}

export function bigintType(dialect: SqlDialect): string {
  return dialect === 'bigquery' ? 'INT64' : dialect === 'clickhouse' ? 'Int64' : 'BIGINT';
}

/** `CAST(x AS DOUBLE)` in the dialect. */
export function toDouble(dialect: SqlDialect, x: string): string {
  return `CAST(${x} AS ${doubleType(dialect)})`;
}

/** `CAST(x AS BIGINT)` in the dialect. */
export function toBigint(dialect: SqlDialect, x: string): string {
  return `CAST(${x} AS ${bigintType(dialect)})`;
}

/**
 * ⌊a / b⌋ for an integer expression `a` and a positive integer constant `b`, as a 64-bit integer (engines
 * differ on integer division of negatives; the float quotient is exact for |a| < 2^53).
 */
export function floorDiv(dialect: SqlDialect, a: string, b: number): string {
  if (b === 1) return a;
  return toBigint(dialect, `FLOOR(${toDouble(dialect, a)} / ${b})`);
}

/** The time column as the dialect's instant type (`null` for `'date'`, which has no instant of its own here). */
function instant(dialect: SqlDialect, col: string, type: SqlTimeType): string | null {
  if (type === 'date') return null;
  if (type === 'timestamptz') return col;
  switch (dialect) {
    case 'duckdb':
      return type === 'timestamp' ? `timezone('UTC', ${col})` : `timezone('UTC', epoch_ms(${col}))`;
    case 'postgres':
      return type === 'timestamp'
        ? `(${col} AT TIME ZONE 'UTC')`
        : `(TIMESTAMPTZ '1970-01-01 00:00:00+00' + ${col} * INTERVAL '1 millisecond')`;
    case 'bigquery':
      return type === 'timestamp' ? `TIMESTAMP(${col}, 'UTC')` : `TIMESTAMP_MILLIS(${col})`;
    case 'snowflake':
      return `TO_TIMESTAMP_TZ(${col}, 3)`;
    case 'spark':
      return `timestamp_millis(${col})`;
    case 'clickhouse':
      return type === 'timestamp' ? `toTimeZone(${col}, 'UTC')` : `fromUnixTimestamp64Milli(toInt64(${col}), 'UTC')`;
  }
}

/** Dialect expressions over one time column, for one IANA zone. */
export interface TimeExpressions {
  /** The local calendar date (a DATE) in the zone. */
  readonly localDate: string;
  /** Epoch milliseconds of the instant (a 64-bit integer), or `null` for a `'date'` column. */
  readonly epochMs: string | null;
}

/**
 * The local date and epoch milliseconds of the time column `col` (already quoted), in `timeZone` (validated by
 * the caller: an IANA name, written as a literal).
 * @example
 * ```ts
 * import { timeExpressions } from './sql.ts';
 *
 * timeExpressions('postgres', '"at"', 'timestamptz', 'Europe/London'); // => { localDate: "CAST(\"at\" AT TIME ZONE E'Europe/London' AS DATE)", epochMs: 'CAST(FLOOR(EXTRACT(EPOCH FROM "at") * 1000) AS BIGINT)' }
 * timeExpressions('duckdb', '"day"', 'date', 'UTC').epochMs; // => null
 * ```
 */
export function timeExpressions(
  dialect: SqlDialect,
  col: string,
  type: SqlTimeType,
  timeZone: string,
): TimeExpressions {
  const zone = quoteString('sql', dialect, timeZone, 'timeZone');
  const at = instant(dialect, col, type);
  if (at === null) return { localDate: `CAST(${col} AS DATE)`, epochMs: null };
  // Zone-less UTC timestamps where the engine converts them without a session time zone.
  if (type === 'timestamp' && dialect === 'snowflake')
    return {
      localDate: `CAST(CONVERT_TIMEZONE('UTC', ${zone}, ${col}) AS DATE)`,
      epochMs: `DATE_PART(EPOCH_MILLISECOND, ${col})`,
    };
  if (type === 'timestamp' && dialect === 'spark')
    return {
      localDate: `CAST(convert_timezone('UTC', ${zone}, ${col}) AS DATE)`,
      epochMs: `timestampdiff(MILLISECOND, TIMESTAMP_NTZ '1970-01-01 00:00:00', ${col})`,
    };
  switch (dialect) {
    case 'duckdb':
      return { localDate: `CAST(timezone(${zone}, ${at}) AS DATE)`, epochMs: `epoch_ms(${at})` };
    case 'postgres':
      return {
        localDate: `CAST(${at} AT TIME ZONE ${zone} AS DATE)`,
        epochMs: `CAST(FLOOR(EXTRACT(EPOCH FROM ${at}) * 1000) AS BIGINT)`,
      };
    case 'bigquery':
      return { localDate: `DATE(${at}, ${zone})`, epochMs: `UNIX_MILLIS(${at})` };
    case 'snowflake':
      return {
        localDate: `CAST(CONVERT_TIMEZONE(${zone}, ${at}) AS DATE)`,
        epochMs: `DATE_PART(EPOCH_MILLISECOND, ${at})`,
      };
    case 'spark':
      // from_utc_timestamp shifts the instant by the zone's offset; its UTC day number is the local date,
      // whatever the session time zone.
      return {
        localDate: `date_from_unix_date(CAST(FLOOR(unix_micros(from_utc_timestamp(${at}, ${zone})) / 86400000000) AS INT))`,
        epochMs: `unix_millis(${at})`,
      };
    case 'clickhouse':
      return {
        localDate: `toDate32(toTimeZone(${at}, ${zone}))`,
        epochMs: `toUnixTimestamp64Milli(toDateTime64(${at}, 3))`,
      };
  }
}

/** Days since 1970-01-01 of a DATE expression, as an integer. */
export function dayNumber(dialect: SqlDialect, date: string): string {
  switch (dialect) {
    case 'duckdb':
      return `date_diff('day', DATE '1970-01-01', ${date})`;
    case 'postgres':
      return `(${date} - DATE '1970-01-01')`;
    case 'bigquery':
      return `UNIX_DATE(${date})`;
    case 'snowflake':
      return `DATEDIFF(day, DATE '1970-01-01', ${date})`;
    case 'spark':
      return `unix_date(${date})`;
    case 'clickhouse':
      return `toInt32(${date})`;
  }
}

/** Months since January 1970 of a DATE expression (0 = January 1970). */
export function monthNumber(dialect: SqlDialect, date: string): string {
  return `(12 * (${toBigint(dialect, `EXTRACT(YEAR FROM ${date})`)} - 1970) + ${toBigint(dialect, `EXTRACT(MONTH FROM ${date})`)} - 1)`;
}

/** A DATE from integer year, month and day expressions. */
export function makeDate(dialect: SqlDialect, y: string, m: string, d: string): string {
  const int = (x: string): string => (dialect === 'postgres' ? `CAST(${x} AS INTEGER)` : x);
  switch (dialect) {
    case 'duckdb':
    case 'postgres':
    case 'spark':
      return `make_date(${int(y)}, ${int(m)}, ${d})`;
    case 'bigquery':
      return `DATE(${y}, ${m}, ${d})`;
    case 'snowflake':
      return `DATE_FROM_PARTS(${y}, ${m}, ${d})`;
    case 'clickhouse':
      return `makeDate32(${y}, ${m}, ${d})`;
  }
}

/** The first day (a DATE) of month `m` (months since January 1970, an integer expression). */
function firstDateOfMonth(dialect: SqlDialect, m: string): string {
  const years = floorDiv(dialect, m, 12);
  return makeDate(dialect, `1970 + ${years}`, `(${m}) - 12 * ${years} + 1`, '1');
}

/** Days since 1970-01-01 of the first day of month `m` (months since January 1970, an integer expression). */
export function firstDayOfMonthNumber(dialect: SqlDialect, m: string): string {
  return dayNumber(dialect, firstDateOfMonth(dialect, m));
}

/** `+ n` or `- n` for an integer n (so the SQL never reads `+ -3`). */
function signed(n: number): string {
  return n < 0 ? `- ${-n}` : `+ ${n}`;
}

/** Calendar settings the period expressions need. */
export interface PeriodRules {
  readonly period: Period;
  readonly weekStartsOn: number;
  readonly yearStartsOn: number;
}

/**
 * The period number of a DATE expression, numbered as the time kernel numbers periods (days since 1970, weeks
 * since the week containing 1970-01-01, months since January 1970, quarters and years since the (fiscal) year
 * starting in month `yearStartsOn` of 1970).
 */
export function periodOfDate(dialect: SqlDialect, date: string, rules: PeriodRules): string {
  const ys = rules.yearStartsOn;
  switch (rules.period) {
    case 'day':
      return dayNumber(dialect, date);
    case 'week':
      return floorDiv(dialect, `${dayNumber(dialect, date)} ${signed(4 - rules.weekStartsOn)}`, 7);
    case 'month':
      return monthNumber(dialect, date);
    case 'quarter':
      return floorDiv(dialect, `${monthNumber(dialect, date)} ${signed(1 - ys)}`, 3);
    case 'year':
      return floorDiv(dialect, `${monthNumber(dialect, date)} ${signed(1 - ys)}`, 12);
  }
}

/** The first local day (days since 1970) of period number `p` (an integer expression). */
export function firstDayOfPeriod(dialect: SqlDialect, p: string, rules: PeriodRules): string {
  const ys = rules.yearStartsOn;
  switch (rules.period) {
    case 'day':
      return p;
    case 'week':
      return `(7 * (${p}) ${signed(rules.weekStartsOn - 4)})`;
    case 'month':
      return firstDayOfMonthNumber(dialect, p);
    case 'quarter':
      return firstDayOfMonthNumber(dialect, `3 * (${p}) ${signed(ys - 1)}`);
    case 'year':
      return firstDayOfMonthNumber(dialect, `12 * (${p}) ${signed(ys - 1)}`);
  }
}

/** The first local day of period number `p`, as a DATE (the label of a cohort, for people reading the output). */
export function firstDateOfPeriod(dialect: SqlDialect, p: string, rules: PeriodRules): string {
  const ys = rules.yearStartsOn;
  switch (rules.period) {
    case 'day':
    case 'week':
      return dateOfDayNumber(dialect, firstDayOfPeriod(dialect, p, rules));
    case 'month':
      return firstDateOfMonth(dialect, p);
    case 'quarter':
      return firstDateOfMonth(dialect, `3 * (${p}) ${signed(ys - 1)}`);
    case 'year':
      return firstDateOfMonth(dialect, `12 * (${p}) ${signed(ys - 1)}`);
  }
}

/** A DATE expression from days since 1970 (for human-readable cohort labels in the output). */
export function dateOfDayNumber(dialect: SqlDialect, days: string): string {
  switch (dialect) {
    case 'duckdb':
      return `CAST(DATE '1970-01-01' + CAST(${days} AS INTEGER) AS DATE)`;
    case 'postgres':
      return `(DATE '1970-01-01' + CAST(${days} AS INTEGER))`;
    case 'bigquery':
      return `DATE_FROM_UNIX_DATE(${days})`;
    case 'snowflake':
      return `DATEADD(day, ${days}, DATE '1970-01-01')`;
    case 'spark':
      return `date_from_unix_date(CAST(${days} AS INT))`;
    case 'clickhouse':
      return `toDate32(${days})`;
  }
}

/**
 * A number in [0, 2^32) from the first 32 bits of MD5 of the customer id's text and a salt: the same in every
 * dialect (and in any MD5 implementation), so a sample drawn in one engine is the same customers in another.
 */
export function customerHash(dialect: SqlDialect, customer: string, salt: string): string {
  const text =
    dialect === 'bigquery'
      ? `CONCAT(CAST(${customer} AS STRING), ${salt})`
      : dialect === 'clickhouse'
        ? `concat(toString(${customer}), ${salt})`
        : dialect === 'spark'
          ? `concat(CAST(${customer} AS STRING), ${salt})`
          : `CAST(${customer} AS VARCHAR) || ${salt}`;
  switch (dialect) {
    case 'duckdb':
      return `CAST(('0x' || substr(md5(${text}), 1, 8)) AS BIGINT)`;
    case 'postgres':
      return `CAST(CAST(('x' || substr(md5(CAST(${customer} AS TEXT) || ${salt}), 1, 8)) AS BIT(32)) AS BIGINT)`;
    case 'bigquery':
      return `CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(${text})), 1, 8)) AS INT64)`;
    case 'snowflake':
      return `TO_NUMBER(SUBSTR(MD5(${text}), 1, 8), 'XXXXXXXX')`;
    case 'spark':
      return `CAST(conv(substr(md5(${text}), 1, 8), 16, 10) AS BIGINT)`;
    case 'clickhouse':
      return `toInt64(reinterpretAsUInt32(reverse(unhex(substring(hex(MD5(${text})), 1, 8)))))`;
  }
}

/**
 * The hash threshold for a sampling fraction: customers whose hash is below it are in the sample.
 * @example
 * ```ts
 * import { sampleThreshold } from './sql.ts';
 *
 * sampleThreshold('f', 0.25); // => 1073741824
 * sampleThreshold('f', 1.5, 'sample.fraction'); // => throws RangeError: f: sample.fraction (1.5) must be in (0, 1]
 * ```
 */
export function sampleThreshold(fn: string, fraction: unknown, name = 'fraction'): number {
  if (typeof fraction !== 'number') typeFail(fn, `${name} must be a number, got ${describeValue(fraction)}`);
  if (!(fraction > 0 && fraction <= 1)) rangeFail(fn, `${name} (${describeValue(fraction)}) must be in (0, 1]`);
  return Math.round(fraction * 4_294_967_296);
}

/** Indents every line of a block by `n` spaces (keeps the generated SQL readable). */
export function indent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}
