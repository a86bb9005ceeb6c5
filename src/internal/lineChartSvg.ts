/**
 * The line-chart renderer behind `retentionCurveSvg` and `survivalCurveSvg`: series of points on a
 * linear x axis and a 0–100 % y axis, optional step interpolation and confidence band, a legend, and a
 * `<title>` tooltip per point. Pure string building, system fonts only.
 * @internal
 * @module
 */
import { CATEGORICAL, escapeXml, FONT_FAMILY, niceTicks, percentLabel, px } from './chart.ts';
import { maxOf } from './extent.ts';

/** One line to draw. */
export interface LineSeries {
  readonly label: string;
  /** Points in x order; `null` y values break the line. */
  readonly points: readonly (readonly [number, number | null])[];
  /** Optional band: [x, lower, upper] per point (`null` limits leave a gap). */
  readonly band?: readonly (readonly [number, number | null, number | null])[];
  /** Draw thicker (an average). */
  readonly emphasis?: boolean;
  /** Colour override. */
  readonly color?: string;
}

/** What to draw and how. */
export interface LineChartSpec {
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly series: readonly LineSeries[];
  /** Step after each point (survival curves) instead of straight segments. */
  readonly step: boolean;
  readonly width: number;
  readonly height: number;
  /** Vertical marker, e.g. the median lifetime. */
  readonly marker?: { readonly x: number; readonly label: string } | undefined;
  /** Tooltip text of one point. */
  readonly tooltip: (series: string, x: number, y: number) => string;
}

/**
 * Renders the chart as an `<svg>` string.
 * @example
 * ```ts
 * import { renderLineChartSvg } from './lineChartSvg.ts';
 *
 * // Plot area: x from 58 to 400 − 16 = 384 px over [0, 2]; y from 40 (100 %) to 300 − 46 = 254 px (0 %).
 * const spec = {
 *   title: 'Retention <all>',
 *   xTitle: 'months',
 *   yTitle: 'retained',
 *   series: [{ label: 'average', points: [[0, 1], [1, 0.5], [2, 0.25]] as [number, number][] }],
 *   step: false,
 *   width: 400,
 *   height: 300,
 *   tooltip: (s: string, x: number, y: number) => `${s}, month ${x}: ${y * 100} %`,
 * };
 * const svg = renderLineChartSvg(spec);
 * svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"'); // => true
 * /<path d="([^"]*)"/.exec(svg)?.[1]; // => 'M58,40L221,147L384,200.5'
 * /<path d="([^"]*)"/.exec(renderLineChartSvg({ ...spec, step: true }))?.[1]; // => 'M58,40H221V147H384V200.5'
 * svg.match(/<circle /g)?.length; // => 3
 * svg.includes('<title>average, month 2: 25 %</title>'); // => true
 * svg.includes('>Retention &lt;all&gt;</text>'); // => true
 * ```
 */
export function renderLineChartSvg(spec: LineChartSpec): string {
  const font = 12;
  const legend = spec.series.length > 1;
  const legendWidth = legend
    ? Math.min(200, 36 + maxOf(spec.series, (s) => s.label.length, Number.NEGATIVE_INFINITY) * font * 0.62)
    : 0;
  const margin = { left: 58, right: 16 + legendWidth, top: spec.title ? 40 : 14, bottom: 46 };
  const plotW = spec.width - margin.left - margin.right;
  const plotH = spec.height - margin.top - margin.bottom;
  let maxX = 0;
  for (const s of spec.series) for (const [x] of s.points) maxX = Math.max(maxX, x);
  if (spec.marker !== undefined) maxX = Math.max(maxX, spec.marker.x);
  const xTicks = niceTicks(maxX > 0 ? maxX : 1, Math.max(2, Math.floor(plotW / 70)));
  const xMax = Math.max(maxX, xTicks[xTicks.length - 1] ?? 1) || 1;
  const sx = (x: number): number => margin.left + (x / xMax) * plotW;
  const sy = (y: number): number => margin.top + (1 - Math.min(1, Math.max(0, y))) * plotH;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${spec.width}" height="${spec.height}" viewBox="0 0 ${spec.width} ${spec.height}" role="img" aria-label="${escapeXml(spec.title || spec.yTitle)}" font-family='${FONT_FAMILY}' font-size="${font}">`,
  );
  out.push(`<rect width="${spec.width}" height="${spec.height}" fill="white"/>`);
  if (spec.title)
    out.push(
      `<text x="12" y="24" font-size="${font + 4}" font-weight="600" fill="#222">${escapeXml(spec.title)}</text>`,
    );
  // Grid and axes.
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    out.push(
      `<line x1="${px(margin.left)}" x2="${px(margin.left + plotW)}" y1="${px(sy(t))}" y2="${px(sy(t))}" stroke="#e5e5e5"/>`,
    );
    out.push(
      `<text x="${px(margin.left - 8)}" y="${px(sy(t) + 4)}" text-anchor="end" fill="#444">${percentLabel(t, 0)}</text>`,
    );
  }
  for (const t of xTicks) {
    out.push(
      `<line x1="${px(sx(t))}" x2="${px(sx(t))}" y1="${px(margin.top + plotH)}" y2="${px(margin.top + plotH + 5)}" stroke="#888"/>`,
    );
    out.push(`<text x="${px(sx(t))}" y="${px(margin.top + plotH + 18)}" text-anchor="middle" fill="#444">${t}</text>`);
  }
  out.push(
    `<line x1="${px(margin.left)}" x2="${px(margin.left + plotW)}" y1="${px(margin.top + plotH)}" y2="${px(margin.top + plotH)}" stroke="#888"/>`,
  );
  out.push(
    `<text x="${px(margin.left + plotW / 2)}" y="${px(spec.height - 10)}" text-anchor="middle" fill="#444">${escapeXml(spec.xTitle)}</text>`,
  );
  out.push(
    `<text transform="translate(16 ${px(margin.top + plotH / 2)}) rotate(-90)" text-anchor="middle" fill="#444">${escapeXml(spec.yTitle)}</text>`,
  );

  const pathOf = (points: readonly (readonly [number, number | null])[]): string => {
    let d = '';
    let open = false;
    for (const [x, y] of points) {
      if (y === null) {
        open = false;
        continue;
      }
      if (!open) d += `M${px(sx(x))},${px(sy(y))}`;
      else if (spec.step) d += `H${px(sx(x))}V${px(sy(y))}`;
      else d += `L${px(sx(x))},${px(sy(y))}`;
      open = true;
    }
    return d;
  };

  spec.series.forEach((s, i) => {
    const color = s.color ?? (s.emphasis ? '#222222' : (CATEGORICAL[i % CATEGORICAL.length] as string));
    if (s.band !== undefined && s.band.length > 0) {
      // Band polygon(s): upper edge forward, lower edge back, split at missing limits.
      let run: (readonly [number, number, number])[] = [];
      const flush = (): void => {
        if (run.length < 1) return;
        const upper: string[] = [];
        const lower: string[] = [];
        run.forEach(([x, lo, hi], j) => {
          const next = run[j + 1];
          upper.push(`${px(sx(x))},${px(sy(hi))}`);
          lower.push(`${px(sx(x))},${px(sy(lo))}`);
          if (spec.step && next !== undefined) {
            upper.push(`${px(sx(next[0]))},${px(sy(hi))}`);
            lower.push(`${px(sx(next[0]))},${px(sy(lo))}`);
          }
        });
        out.push(
          `<polygon points="${[...upper, ...lower.reverse()].join(' ')}" fill="${color}" fill-opacity="0.18" stroke="none"/>`,
        );
        run = [];
      };
      for (const [x, lo, hi] of s.band) {
        if (lo === null || hi === null) flush();
        else run.push([x, lo, hi]);
      }
      flush();
    }
    out.push(
      `<path d="${pathOf(s.points)}" fill="none" stroke="${color}" stroke-width="${s.emphasis ? 3 : 1.6}" stroke-linejoin="round"/>`,
    );
    // Dense curves (a survival curve with hundreds of steps) get small dots, so the line stays readable.
    const radius = s.points.length > 60 ? 1.2 : s.emphasis ? 3.5 : 2.5;
    for (const [x, y] of s.points) {
      if (y === null) continue;
      out.push(
        `<circle cx="${px(sx(x))}" cy="${px(sy(y))}" r="${radius}" fill="${color}"><title>${escapeXml(spec.tooltip(s.label, x, y))}</title></circle>`,
      );
    }
    if (legend) {
      const ly = margin.top + 8 + i * 18;
      if (ly < spec.height - margin.bottom) {
        const lx = spec.width - legendWidth;
        out.push(
          `<line x1="${px(lx)}" x2="${px(lx + 18)}" y1="${px(ly)}" y2="${px(ly)}" stroke="${color}" stroke-width="${s.emphasis ? 3 : 2}"/>`,
        );
        out.push(`<text x="${px(lx + 24)}" y="${px(ly + 4)}" fill="#333">${escapeXml(s.label)}</text>`);
      }
    }
  });
  if (spec.marker !== undefined) {
    const x = sx(spec.marker.x);
    out.push(
      `<line x1="${px(x)}" x2="${px(x)}" y1="${px(margin.top)}" y2="${px(margin.top + plotH)}" stroke="#e15759" stroke-dasharray="4 3"/>`,
    );
    out.push(`<text x="${px(x + 4)}" y="${px(margin.top + 12)}" fill="#e15759">${escapeXml(spec.marker.label)}</text>`);
  }
  out.push('</svg>');
  return out.join('');
}
