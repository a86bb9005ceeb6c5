import {
  escapeXml,
  FONT_FAMILY,
  optionalBoolean,
  optionalNumberIn,
  optionalString,
  percentLabel,
  px,
  readChartMatrix,
  sequentialBlue,
} from '../internal/chart.ts';
import { describeValue, readOptions, rangeFail } from '../internal/validate.ts';
import type { CohortMatrix } from './types.ts';
import { maxOf } from '../internal/extent.ts';

/** Options for {@link cohortHeatmapSvg}. */
export interface CohortHeatmapSvgOptions {
  /** Title above the chart (default `'Retention by cohort'`; `''` for none). */
  readonly title?: string;
  /** Cell width in px, 8–120 (default 40). */
  readonly cellWidth?: number;
  /** Cell height in px, 8–60 (default 20). */
  readonly cellHeight?: number;
  /** Print the percentage in each cell (default: when cells are at least 30 × 14 px). */
  readonly showValues?: boolean;
  /** Draw the size-weighted average row under the cohorts (default `true` when the matrix has one). */
  readonly averageRow?: boolean;
  /** Prefix of the SVG element ids (patterns, gradient), unique per SVG on one page (default `'lm-heatmap'`). */
  readonly idPrefix?: string;
}

/**
 * A standalone SVG cohort heatmap: cohorts down (with their sizes), periods since the start across, each
 * cell coloured by retention and labelled with its percentage, a colour legend, and a `<title>` tooltip
 * per cell (cohort, period, rate, customers of size). Cells whose period was still in progress at the
 * observation end are hatched and say so in their tooltip; on-or-after cells that are lower bounds (period
 * ended, but the cohort not yet observed to the matrix's last column: `complete && !final`, see the
 * retention guide) are dotted and say "lower bound". An average row (size-weighted, final cells only)
 * closes the table.
 *
 * ```text
 * cell (cohort c, column k): fill = blues((rate − 0) / max rate outside column 0), clamped to [0, 1]
 * ```
 *
 * The string needs no script, stylesheet or web font (system fonts only): inline it in HTML, save it as
 * a `.svg` file, or return it from a server. Its size follows the matrix: 60 cohorts × 24 periods at the
 * default cell size is about 1,100 × 1,400 px; shrink `cellWidth`/`cellHeight` for daily matrices.
 *
 * @param matrix - A `retentionMatrix` (or `cohortRetention`, `cohortChurn`) result.
 * @param options - `title`, `cellWidth`, `cellHeight`, `showValues`, `averageRow`, `idPrefix`.
 * @returns An `<svg>` element as a string (UTF-8, `xmlns` set, `width`/`height`/`viewBox` in px).
 * @throws {TypeError} When the matrix is not a cohort matrix, or an option has the wrong type.
 * @throws {RangeError} When a rate or count is not finite, lengths disagree, or a size option is out of range.
 * @example
 * ```ts
 * import { cohortHeatmapSvg, retentionMatrix } from 'loyalty-metrics';
 *
 * const matrix = retentionMatrix(
 *   [{ user: 'a', at: '2024-01-01' }, { user: 'a', at: '2024-01-02' }, { user: 'b', at: '2024-01-01' }],
 *   // at the instant 2024-01-02T00:00Z, day 1 has only started
 *   { customer: 'user', time: 'at', period: 'day', observationEnd: '2024-01-02T00:00Z' },
 * );
 * const svg = cohortHeatmapSvg(matrix);
 * svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'); // => true
 * svg.includes('<title>cohort 2024-01-01 (2 customers), day 1: 50.0% (1 of 2), period in progress</title>'); // => true
 * ```
 * @category Charts
 */
export function cohortHeatmapSvg(matrix: CohortMatrix, options?: CohortHeatmapSvgOptions): string {
  const fn = 'cohortHeatmapSvg';
  const m = readChartMatrix(fn, 'matrix', matrix);
  const opts = readOptions(fn, options, ['title', 'cellWidth', 'cellHeight', 'showValues', 'averageRow', 'idPrefix']);
  const title = optionalString(fn, 'options.title', opts.title) ?? 'Retention by cohort';
  const cw = optionalNumberIn(fn, 'options.cellWidth', opts.cellWidth, 8, 120) ?? 40;
  const ch = optionalNumberIn(fn, 'options.cellHeight', opts.cellHeight, 8, 60) ?? 20;
  const showValues = optionalBoolean(fn, 'options.showValues', opts.showValues) ?? (cw >= 30 && ch >= 14);
  const averageRow = (optionalBoolean(fn, 'options.averageRow', opts.averageRow) ?? true) && m.average !== null;
  const id = optionalString(fn, 'options.idPrefix', opts.idPrefix) ?? 'lm-heatmap';
  if (!/^[A-Za-z][\w-]*$/.test(id))
    rangeFail(fn, `idPrefix (${describeValue(id)}) must be a letter followed by letters, digits, _ or -`);

  let max = 0;
  for (const c of m.cohorts) {
    c.rates.forEach((r, k) => {
      if (k > 0 || m.columns[0] !== '0') max = Math.max(max, r);
    });
  }
  if (!(max > 0)) max = 1;
  const scale = (r: number): number => r / max;

  const columns = m.columns.length;
  const fontSize = Math.max(8, Math.min(12, ch * 0.6));
  const labelChars = maxOf(m.cohorts, (c) => c.label.length, averageRow ? 7 : 6);
  const sizeChars = maxOf(m.cohorts, (c) => String(c.size).length, 4);
  const left = 12 + labelChars * fontSize * 0.62 + 10 + sizeChars * fontSize * 0.62 + 12;
  const top = (title ? 34 : 8) + 30;
  const gridW = columns * cw;
  const gridH = m.cohorts.length * ch + (averageRow ? ch + 6 : 0);
  const legendX = left + gridW + 24;
  const width = Math.ceil(legendX + 90);
  const lh = Math.min(160, Math.max(60, gridH - 30));
  // On-or-after cells that are lower bounds (complete, not final) get their own legend entry.
  let lowerBounds = 0;
  for (const c of m.cohorts) for (let k = 0; k < c.final.length; k++) if (c.complete[k] && !c.final[k]) lowerBounds++;
  const height = Math.ceil(top + Math.max(gridH, lh + (lowerBounds > 0 ? 54 : 34)) + 34);
  const period = m.period ?? 'period';

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title || 'Cohort heatmap')}" font-family='${FONT_FAMILY}' font-size="${px(fontSize)}">`,
  );
  out.push(
    `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="white" fill-opacity="0.35"/><line x1="0" y1="0" x2="0" y2="6" stroke="#444" stroke-opacity="0.35" stroke-width="2"/></pattern>` +
      `<pattern id="${id}-dots" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="white" fill-opacity="0.2"/><circle cx="2.5" cy="2.5" r="1" fill="#222" fill-opacity="0.45"/></pattern>` +
      `<linearGradient id="${id}-legend" x1="0" y1="1" x2="0" y2="0">${[0, 0.25, 0.5, 0.75, 1].map((t) => `<stop offset="${t}" stop-color="${sequentialBlue(t)}"/>`).join('')}</linearGradient></defs>`,
  );
  out.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  if (title)
    out.push(
      `<text x="12" y="24" font-size="${px(fontSize + 4)}" font-weight="600" fill="#222">${escapeXml(title)}</text>`,
    );
  // Column header.
  out.push(
    `<text x="${px(left + gridW / 2)}" y="${px(top - 20)}" text-anchor="middle" fill="#444">${escapeXml(`${period}s since start`)}</text>`,
  );
  m.columns.forEach((name, k) => {
    out.push(
      `<text x="${px(left + k * cw + cw / 2)}" y="${px(top - 5)}" text-anchor="middle" fill="#444">${escapeXml(name)}</text>`,
    );
  });
  out.push(`<text x="12" y="${px(top - 5)}" fill="#444" font-weight="600">cohort</text>`);
  out.push(`<text x="${px(left - 12)}" y="${px(top - 5)}" text-anchor="end" fill="#444" font-weight="600">size</text>`);

  /** `state` 0: final; 1: complete but a lower bound (dotted); 2: period in progress (hatched). */
  const cell = (x: number, y: number, rate: number, state: 0 | 1 | 2, tip: string, bold: boolean): void => {
    const complete = state !== 2;
    const fill = sequentialBlue(scale(rate));
    const dark = scale(rate) > 0.55;
    out.push(
      `<g><title>${escapeXml(tip)}</title><rect x="${px(x)}" y="${px(y)}" width="${px(cw - 1)}" height="${px(ch - 1)}" fill="${fill}"/>`,
    );
    if (state !== 0)
      out.push(
        `<rect x="${px(x)}" y="${px(y)}" width="${px(cw - 1)}" height="${px(ch - 1)}" fill="url(#${id}-${complete ? 'dots' : 'hatch'})"/>`,
      );
    if (showValues) {
      const label = rate >= 0.995 ? percentLabel(rate, 0) : percentLabel(rate, cw >= 44 ? 1 : 0);
      out.push(
        `<text x="${px(x + cw / 2 - 0.5)}" y="${px(y + ch / 2 + fontSize * 0.35)}" text-anchor="middle" fill="${dark && complete ? 'white' : '#111'}"${bold ? ' font-weight="600"' : ''}>${label}</text>`,
      );
    }
    out.push('</g>');
  };

  m.cohorts.forEach((c, r) => {
    const y = top + r * ch;
    out.push(`<text x="12" y="${px(y + ch / 2 + fontSize * 0.35)}" fill="#222">${escapeXml(c.label)}</text>`);
    out.push(
      `<text x="${px(left - 12)}" y="${px(y + ch / 2 + fontSize * 0.35)}" text-anchor="end" fill="#555">${c.size}</text>`,
    );
    c.rates.forEach((rate, k) => {
      const complete = c.complete[k] as boolean;
      const state = !complete ? 2 : c.final[k] ? 0 : 1;
      const count = c.counts?.[k];
      const note = state === 2 ? ', period in progress' : state === 1 ? ', lower bound (can still grow)' : '';
      const tip = `cohort ${c.label} (${c.size} customers), ${period} ${m.columns[k]}: ${percentLabel(rate)}${count === undefined ? '' : ` (${count} of ${c.size})`}${note}`;
      cell(left + k * cw, y, rate, state, tip, false);
    });
  });
  if (averageRow && m.average !== null) {
    const y = top + m.cohorts.length * ch + 6;
    const total = m.cohorts.reduce((s, c) => s + c.size, 0);
    out.push(`<line x1="12" x2="${px(left + gridW)}" y1="${px(y - 3.5)}" y2="${px(y - 3.5)}" stroke="#999"/>`);
    out.push(`<text x="12" y="${px(y + ch / 2 + fontSize * 0.35)}" fill="#222" font-weight="600">average</text>`);
    out.push(
      `<text x="${px(left - 12)}" y="${px(y + ch / 2 + fontSize * 0.35)}" text-anchor="end" fill="#555">${total}</text>`,
    );
    m.average.forEach((rate, k) => {
      if (rate !== null)
        cell(
          left + k * cw,
          y,
          rate,
          0,
          `average, ${period} ${m.columns[k]}: ${percentLabel(rate)} (size-weighted, final cells)`,
          true,
        );
    });
  }
  // Legend.
  out.push(`<text x="${px(legendX)}" y="${px(top - 5)}" fill="#444" font-weight="600">retention</text>`);
  out.push(
    `<rect x="${px(legendX)}" y="${px(top + 4)}" width="14" height="${px(lh)}" fill="url(#${id}-legend)" stroke="#ccc"/>`,
  );
  for (const t of [0, 0.5, 1])
    out.push(
      `<text x="${px(legendX + 20)}" y="${px(top + 4 + (1 - t) * lh + fontSize * 0.35)}" fill="#444">${percentLabel(t * max, 0)}${t === 1 && max < 1 ? '+' : ''}</text>`,
    );
  out.push(
    `<rect x="${px(legendX)}" y="${px(top + lh + 16)}" width="14" height="14" fill="${sequentialBlue(0.5)}"/><rect x="${px(legendX)}" y="${px(top + lh + 16)}" width="14" height="14" fill="url(#${id}-hatch)"/>`,
  );
  out.push(`<text x="${px(legendX + 20)}" y="${px(top + lh + 27)}" fill="#444">in progress</text>`);
  if (lowerBounds > 0) {
    out.push(
      `<rect x="${px(legendX)}" y="${px(top + lh + 36)}" width="14" height="14" fill="${sequentialBlue(0.5)}"/><rect x="${px(legendX)}" y="${px(top + lh + 36)}" width="14" height="14" fill="url(#${id}-dots)"/>`,
    );
    out.push(`<text x="${px(legendX + 20)}" y="${px(top + lh + 47)}" fill="#444">lower bound</text>`);
  }
  out.push(
    `<text x="12" y="${px(height - 12)}" fill="#666" font-size="${px(fontSize - 1)}">${m.cohorts.length} cohorts; colour scale 0–${percentLabel(max, 0)} (period 0 excluded), hover a cell for its counts.</text>`,
  );
  out.push('</svg>');
  return out.join('');
}
