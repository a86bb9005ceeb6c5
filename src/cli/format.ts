/**
 * Plain-text renderers for `--format table` and `--format csv`.
 * @module
 */
import { formatCsvRecord } from './csv.ts';
import { maxOf } from '../internal/extent.ts';

/**
 * A number for people: fixed decimals, `–` for NaN or null.
 * @example
 * ```ts
 * import { formatNumber } from './format.ts';
 *
 * formatNumber(2 / 3); // => '0.67'
 * formatNumber(2 / 3, 4); // => '0.6667'
 * formatNumber(NaN); // => '–'
 * formatNumber(-Infinity); // => '-∞'
 * ```
 */
export function formatNumber(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  return value.toFixed(decimals);
}

/**
 * A fraction as a percentage, e.g. 0.4567 → `45.7 %`.
 * @example
 * ```ts
 * import { formatPercent } from './format.ts';
 *
 * formatPercent(0.4567); // => '45.7 %'
 * formatPercent(1 / 3, 2); // => '33.33 %'
 * formatPercent(null); // => '–'
 * ```
 */
export function formatPercent(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return `${(100 * value).toFixed(decimals)} %`;
}

/**
 * A number for machines (CSV cells): shortest round-trip form, empty for NaN or null.
 * @example
 * ```ts
 * import { csvNumber } from './format.ts';
 *
 * csvNumber(0.1 + 0.2); // => '0.30000000000000004'
 * csvNumber(1e21); // => '1e+21'
 * csvNumber(NaN); // => ''
 * ```
 */
export function csvNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return String(value);
}

/**
 * A text table: columns padded to their widest cell, numbers (cells starting with a digit, sign or `–`)
 * right-aligned, a rule under the header.
 * @example
 * ```ts
 * import { renderTable } from './format.ts';
 *
 * const text = renderTable(['customer', 'frequency'], [['a', '1'], ['bob', '12']]);
 * text.split('\n'); // => ['customer  frequency', '────────  ─────────', 'a                 1', 'bob              12', '']
 * ```
 */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => maxOf(rows, (r) => (r[c] ?? '').length, h.length));
  const numeric = header.map(
    (_h, c) => rows.length > 0 && rows.every((r) => /^[-+–∞\d]/.test(r[c] ?? '') || (r[c] ?? '') === ''),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n')}\n`;
}

/**
 * CSV text with a header line and CRLF-free LF line ends.
 * @example
 * ```ts
 * import { renderCsv } from './format.ts';
 *
 * renderCsv(['customer', 'note'], [['a', 'x, y'], ['b', '']]); // => 'customer,note\na,"x, y"\nb,\n'
 * ```
 */
export function renderCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${[formatCsvRecord(header), ...rows.map(formatCsvRecord)].join('\n')}\n`;
}

/** Lines of a piece of {@link csvPieces}. */
const CSV_PIECE = 4096;

/**
 * CSV text like {@link renderCsv}, in pieces of {@link CSV_PIECE} lines made as they are written, of `count`
 * rows whose cells `row(i)` gives one at a time: neither an array of every row's cells nor the whole text is
 * held (a million-customer summary streams to stdout).
 * @example
 * ```ts
 * import { csvPieces } from './format.ts';
 *
 * [...csvPieces(['customer', 'n'], 2, (i) => [`c${i}`, String(i)])].join(''); // => 'customer,n\nc0,0\nc1,1\n'
 * ```
 */
export function* csvPieces(
  header: readonly string[],
  count: number,
  row: (i: number) => readonly string[],
): Generator<string> {
  yield `${formatCsvRecord(header)}\n`;
  for (let from = 0; from < count; from += CSV_PIECE) {
    const lines: string[] = [];
    for (let i = from; i < Math.min(count, from + CSV_PIECE); i++) lines.push(formatCsvRecord(row(i)));
    yield `${lines.join('\n')}\n`;
  }
}
