/**
 * Shared kernel of the chart builders (src/charts): input validation for cohort matrices and curves,
 * colour scales, number formatting, axis ticks and XML escaping. Pure, no DOM.
 * @internal
 * @module
 */
import { describeValue, rangeFail, requireObject, shown, typeFail } from './validate.ts';

/** The Vega-Lite version the specs are written for. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Largest number of cells a chart draws (a guard against runaway inputs). */
export const MAX_CHART_CELLS = 1_000_000;

/** One validated cohort row. */
export interface ChartCohort {
  readonly label: string;
  readonly size: number;
  /** Customers per column, or `null` when the input has no counts. */
  readonly counts: readonly number[] | null;
  readonly rates: readonly number[];
  readonly complete: readonly boolean[];
  /** Whether each cell can no longer change (the input's `final`, else `complete`); `complete && !final` is a lower bound. */
  readonly final: readonly boolean[];
}

/** A validated cohort matrix. */
export interface ChartMatrix {
  readonly period: string | null;
  readonly cohorts: readonly ChartCohort[];
  readonly average: readonly (number | null)[] | null;
  /** Column names: `0, 1, …` or bracket ranges `1–7`. */
  readonly columns: readonly string[];
}

/** Requires an array (user arrays are read with `Array.from`, so holes of sparse arrays are validated, not skipped). */
function requireArray(fn: string, name: string, value: unknown): readonly unknown[] {
  if (!Array.isArray(value))
    typeFail(fn, `${shown(name)} must be an array, got ${describeValue(value)}`, { argument: name, value });
  return value as readonly unknown[];
}

function finiteOrNull(fn: string, name: string, value: unknown): number | null {
  if (value === null) return null;
  if (typeof value !== 'number')
    typeFail(fn, `${shown(name)} must be a number or null, got ${describeValue(value)}`, { argument: name, value });
  if (!Number.isFinite(value))
    rangeFail(fn, `${shown(name)} (${describeValue(value)}) must be finite`, { argument: name, value });
  return value as number;
}

/**
 * Validates a retention-matrix-like object (`retentionMatrix`, `cohortRetention`, `cohortChurn` results):
 * `{ cohorts: [{ label, size, rates, complete, counts? }], average?, period?, brackets? }`. `valueKey`
 * names the per-cohort array to read as the cell values (default `rates`).
 * @example
 * ```ts
 * import { readChartMatrix } from './chart.ts';
 *
 * const matrix = {
 *   period: 'month',
 *   cohorts: [
 *     { label: '2024-01', size: 10, rates: [1, 0.5], complete: [true, true] },
 *     { label: '2024-02', size: 4, rates: [1, 0.25], complete: [true, false] },
 *   ],
 *   average: [1, 0.5],
 *   brackets: [[0, 0], [1, 3]],
 * };
 * readChartMatrix('cohortHeatmapSpec', 'matrix', matrix); // => { period: 'month', average: [1, 0.5], columns: ['0', '1–3'] }
 * readChartMatrix('cohortHeatmapSpec', 'matrix', matrix).cohorts[1]; // => { label: '2024-02', size: 4, counts: null, rates: [1, 0.25], complete: [true, false], final: [true, false] }
 * readChartMatrix('cohortHeatmapSpec', 'matrix', { cohorts: [{ label: 'a', size: 1, rates: [NaN], complete: [true] }] }); // => throws RangeError: cohortHeatmapSpec: matrix.cohorts[0].rates[0] (NaN) must be finite
 * ```
 */
export function readChartMatrix(fn: string, name: string, value: unknown, valueKey = 'rates'): ChartMatrix {
  const m = requireObject(fn, name, value);
  const cohortsIn = requireArray(fn, `${name}.cohorts`, m.cohorts);
  let cells = 0;
  let width = 0;
  const cohorts = Array.from(cohortsIn, (raw, i): ChartCohort => {
    const where = `${name}.cohorts[${i}]`;
    const c = requireObject(fn, where, raw);
    const label = c.label;
    if (typeof label !== 'string') typeFail(fn, `${where}.label must be a string, got ${describeValue(label)}`);
    const size = c.size;
    if (typeof size !== 'number') typeFail(fn, `${where}.size must be a number, got ${describeValue(size)}`);
    if (!(Number.isInteger(size) && size >= 0))
      rangeFail(fn, `${where}.size (${describeValue(size)}) must be a non-negative integer`);
    const ratesIn = requireArray(fn, `${where}.${valueKey}`, c[valueKey]);
    cells += ratesIn.length;
    if (cells > MAX_CHART_CELLS)
      rangeFail(fn, `${shown(name)} has more than ${MAX_CHART_CELLS} cells`, { argument: name });
    const rates = Array.from(ratesIn, (r, k) => {
      if (typeof r !== 'number') typeFail(fn, `${where}.${valueKey}[${k}] must be a number, got ${describeValue(r)}`);
      if (Number.isNaN(r) || !Number.isFinite(r as number))
        rangeFail(fn, `${where}.${valueKey}[${k}] (${describeValue(r)}) must be finite`);
      return r as number;
    });
    const completeIn = requireArray(fn, `${where}.complete`, c.complete);
    if (completeIn.length !== rates.length)
      rangeFail(fn, `${where}.complete has length ${completeIn.length}, expected ${rates.length}`);
    const complete = Array.from(completeIn, (b, k) => {
      if (typeof b !== 'boolean') typeFail(fn, `${where}.complete[${k}] must be a boolean, got ${describeValue(b)}`);
      return b as boolean;
    });
    let final = complete;
    if (c.final !== undefined) {
      const finalIn = requireArray(fn, `${where}.final`, c.final);
      if (finalIn.length !== rates.length)
        rangeFail(fn, `${where}.final has length ${finalIn.length}, expected ${rates.length}`);
      final = Array.from(finalIn, (b, k) => {
        if (typeof b !== 'boolean') typeFail(fn, `${where}.final[${k}] must be a boolean, got ${describeValue(b)}`);
        return (b as boolean) && (complete[k] as boolean);
      });
    }
    let counts: number[] | null = null;
    if (c.counts !== undefined) {
      const countsIn = requireArray(fn, `${where}.counts`, c.counts);
      if (countsIn.length !== rates.length)
        rangeFail(fn, `${where}.counts has length ${countsIn.length}, expected ${rates.length}`);
      counts = Array.from(countsIn, (n, k) => {
        if (typeof n !== 'number') typeFail(fn, `${where}.counts[${k}] must be a number, got ${describeValue(n)}`);
        if (!Number.isFinite(n as number)) rangeFail(fn, `${where}.counts[${k}] (${describeValue(n)}) must be finite`);
        return n as number;
      });
    }
    width = Math.max(width, rates.length);
    return { label, size, counts, rates, complete, final } as ChartCohort;
  });
  let average: (number | null)[] | null = null;
  const averageKey =
    valueKey === 'rates' ? 'average' : valueKey === 'revenuePerCustomer' ? 'averageRevenuePerCustomer' : 'average';
  if (m[averageKey] !== undefined) {
    const averageIn = requireArray(fn, `${name}.${averageKey}`, m[averageKey]);
    if (averageIn.length > MAX_CHART_CELLS)
      rangeFail(fn, `${name}.${averageKey} has more than ${MAX_CHART_CELLS} entries`);
    average = Array.from(averageIn, (a, k) => finiteOrNull(fn, `${name}.${averageKey}[${k}]`, a));
    width = Math.max(width, average.length);
  }
  const period = typeof m.period === 'string' ? m.period : null;
  const brackets = Array.isArray(m.brackets) ? (m.brackets as readonly unknown[]) : null;
  const columns = Array.from({ length: width }, (_v, k) => {
    const b = brackets?.[k];
    if (Array.isArray(b) && typeof b[0] === 'number' && typeof b[1] === 'number')
      return b[0] === b[1] ? String(b[0]) : `${b[0]}–${b[1]}`;
    return String(k);
  });
  return { period, cohorts, average, columns };
}

/**
 * Reads an optional string option.
 * @example
 * ```ts
 * import { optionalString } from './chart.ts';
 *
 * optionalString('f', 'title', undefined); // => undefined
 * optionalString('f', 'title', 'Retention'); // => 'Retention'
 * optionalString('f', 'title', 3); // => throws TypeError: f: title must be a string, got 3
 * ```
 */
export function optionalString(fn: string, name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    typeFail(fn, `${shown(name)} must be a string, got ${describeValue(value)}`, { argument: name, value });
  return value as string;
}

/**
 * Reads an optional number option within [min, max].
 * @example
 * ```ts
 * import { optionalNumberIn } from './chart.ts';
 *
 * optionalNumberIn('f', 'width', 640, 100, 4000); // => 640
 * optionalNumberIn('f', 'width', undefined, 100, 4000); // => undefined
 * optionalNumberIn('f', 'width', 50, 100, 4000); // => throws RangeError: f: width (50) must be between 100 and 4000
 * ```
 */
export function optionalNumberIn(
  fn: string,
  name: string,
  value: unknown,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number')
    typeFail(fn, `${shown(name)} must be a number, got ${describeValue(value)}`, { argument: name, value });
  if (!((value as number) >= min && (value as number) <= max))
    rangeFail(fn, `${shown(name)} (${describeValue(value)}) must be between ${min} and ${max}`, {
      argument: name,
      value,
    });
  return value as number;
}

/**
 * Reads an optional boolean option.
 * @example
 * ```ts
 * import { optionalBoolean } from './chart.ts';
 *
 * optionalBoolean('f', 'includeCohorts', true); // => true
 * optionalBoolean('f', 'includeCohorts', 1); // => throws TypeError: f: includeCohorts must be a boolean, got 1
 * ```
 */
export function optionalBoolean(fn: string, name: string, value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean')
    typeFail(fn, `${shown(name)} must be a boolean, got ${describeValue(value)}`, { argument: name, value });
  return value as boolean;
}

// ColorBrewer "Blues" (9 classes), Cynthia Brewer, colorbrewer2.org; the same scheme Vega calls "blues".
const BLUES = [
  [247, 251, 255],
  [222, 235, 247],
  [198, 219, 239],
  [158, 202, 225],
  [107, 174, 214],
  [66, 146, 198],
  [33, 113, 181],
  [8, 81, 156],
  [8, 48, 107],
] as const;

/**
 * Colour of t ∈ [0, 1] on the sequential blue scale (linear RGB interpolation), as `#rrggbb`.
 * @example
 * ```ts
 * import { sequentialBlue } from './chart.ts';
 *
 * // The ends and the middle of ColorBrewer "Blues" (9 classes): #f7fbff, #6baed6, #08306b
 * sequentialBlue(0); // => '#f7fbff'
 * sequentialBlue(0.5); // => '#6baed6'
 * sequentialBlue(1); // => '#08306b'
 * // halfway between #f7fbff (247, 251, 255) and #deebf7 (222, 235, 247): (234.5, 243, 251) rounds to #ebf3fb
 * sequentialBlue(1 / 16); // => '#ebf3fb'
 * sequentialBlue(NaN); // => '#f7fbff'
 * ```
 */
export function sequentialBlue(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (BLUES.length - 1);
  const i = Math.min(BLUES.length - 2, Math.floor(x));
  const f = x - i;
  const a = BLUES[i] as readonly number[];
  const b = BLUES[i + 1] as readonly number[];
  const hex = (k: number): string =>
    Math.round((a[k] as number) + f * ((b[k] as number) - (a[k] as number)))
      .toString(16)
      .padStart(2, '0');
  return `#${hex(0)}${hex(1)}${hex(2)}`;
}

/** Tableau 10 categorical palette (colour-blind aware ordering), for curve series. */
export const CATEGORICAL: readonly string[] = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

/**
 * Escapes text for XML content and attribute values, so the SVG is well-formed XML whatever the labels hold:
 * the five markup characters become entities, and characters XML 1.0 does not allow (U+0000–U+0008,
 * U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF) and lone surrogates become U+FFFD (�). Tab, newline and
 * carriage return and well-formed surrogate pairs (emoji) are kept.
 * @example
 * ```ts
 * import { escapeXml } from './chart.ts';
 *
 * escapeXml(`Q1 <"new"> & Tom's`); // => 'Q1 &lt;&quot;new&quot;&gt; &amp; Tom&#39;s'
 * escapeXml('a\u0000b\ud800c\udc00'); // => 'a\ufffdb\ufffdc\ufffd'
 * escapeXml('🎉\tok'); // => '🎉\tok'
 * ```
 */
export function escapeXml(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 does not allow them; they are replaced
    /[&<>"']|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) =>
      c === '&'
        ? '&amp;'
        : c === '<'
          ? '&lt;'
          : c === '>'
            ? '&gt;'
            : c === '"'
              ? '&quot;'
              : c === "'"
                ? '&#39;'
                : '\ufffd',
  );
}

/**
 * A fraction as a percentage label: 0.4567 → `45.7%` (`digits` decimals).
 * @example
 * ```ts
 * import { percentLabel } from './chart.ts';
 *
 * percentLabel(0.4567); // => '45.7%'
 * percentLabel(0.25, 0); // => '25%'
 * ```
 */
export function percentLabel(value: number, digits = 1): string {
  return `${(100 * value).toFixed(digits)}%`;
}

/**
 * A coordinate rounded to 0.01 px for compact SVG.
 * @example
 * ```ts
 * import { px } from './chart.ts';
 *
 * px(12.3456); // => '12.35'
 * px(200.5); // => '200.5'
 * px(58); // => '58'
 * ```
 */
export function px(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * "Nice" ticks covering [0, max]: steps of 1, 2 or 5 × 10ⁿ, about `count` of them.
 * @example
 * ```ts
 * import { niceTicks } from './chart.ts';
 *
 * niceTicks(100); // => [0, 20, 40, 60, 80, 100]
 * // 0.87 / 5 = 0.174 rounds up to a step of 0.2; no floating-point dust such as 0.6000000000000001
 * niceTicks(0.87); // => [0, 0.2, 0.4, 0.6, 0.8]
 * niceTicks(7, 3); // => [0, 5]
 * niceTicks(0); // => [0]
 * ```
 */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let i = 0; i * step <= max * (1 + 1e-9) && i <= 1000; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** Font stack used by the SVG renderers: system fonts only, nothing is loaded. */
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** One validated curve. */
export interface ReadCurve {
  readonly label: string;
  readonly values: readonly (number | null)[];
  /** True for the average row of a matrix (drawn thicker). */
  readonly average: boolean;
}

/**
 * Validates the input of the retention-curve charts: a cohort matrix (its average row, plus each
 * cohort's final cells when `includeCohorts`: not its periods in progress, nor its on-or-after lower bounds) or an array of `{ label, values }` series.
 * @example
 * ```ts
 * import { readCurveInput } from './chart.ts';
 *
 * const matrix = {
 *   period: 'month',
 *   cohorts: [{ label: '2024-01', size: 10, rates: [1, 0.5], complete: [true, false] }],
 *   average: [1, 0.5],
 * };
 * // A cohort's cells that are not final become gaps (null); the average row comes last.
 * readCurveInput('retentionCurveSpec', matrix, true); // => { period: 'month', series: [{ label: '2024-01', values: [1, null], average: false }, { label: 'average', values: [1, 0.5], average: true }] }
 * readCurveInput('retentionCurveSpec', [{ label: 'A', values: [1, null, 0.4] }], false); // => { period: null, series: [{ label: 'A', values: [1, null, 0.4], average: false }] }
 * readCurveInput('retentionCurveSpec', [{ label: 'A', values: ['1'] }], false); // => throws TypeError: retentionCurveSpec: curves[0].values[0] must be a number or null, got "1"
 * ```
 */
export function readCurveInput(
  fn: string,
  input: unknown,
  includeCohorts: boolean,
): { series: ReadCurve[]; period: string | null } {
  if (Array.isArray(input)) {
    let points = 0;
    const series = Array.from(input as unknown[], (raw: unknown, i): ReadCurve => {
      const s = requireObject(fn, `curves[${i}]`, raw);
      const label = s.label;
      if (typeof label !== 'string') typeFail(fn, `curves[${i}].label must be a string, got ${describeValue(label)}`);
      const valuesIn = s.values;
      if (!Array.isArray(valuesIn))
        typeFail(fn, `curves[${i}].values must be an array, got ${describeValue(valuesIn)}`);
      points += (valuesIn as unknown[]).length;
      if (points > MAX_CHART_CELLS) rangeFail(fn, `curves have more than ${MAX_CHART_CELLS} points`);
      const values = Array.from(valuesIn as unknown[], (v, k) => {
        if (v === null) return null;
        if (typeof v !== 'number')
          typeFail(fn, `curves[${i}].values[${k}] must be a number or null, got ${describeValue(v)}`);
        if (!Number.isFinite(v)) rangeFail(fn, `curves[${i}].values[${k}] (${describeValue(v)}) must be finite`);
        return v as number;
      });
      return { label: label as string, values, average: false };
    });
    return { series, period: null };
  }
  if (typeof input !== 'object' || input === null)
    typeFail(fn, `curves must be a cohort matrix or an array of { label, values } series, got ${describeValue(input)}`);
  const m = readChartMatrix(fn, 'curves', input);
  const series: ReadCurve[] = [];
  if (includeCohorts) {
    for (const c of m.cohorts)
      series.push({ label: c.label, values: c.rates.map((r, k) => (c.final[k] ? r : null)), average: false });
  }
  if (m.average !== null) series.push({ label: 'average', values: m.average, average: true });
  return { series, period: m.period };
}

/** One validated survival step (time 0 prepended). */
export interface SurvivalPoint {
  readonly time: number;
  readonly survival: number;
  /** Band limits, `null` where the estimator gives none (NaN) or the input has none. */
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * Validates a `kaplanMeier` result (`{ curve: [{ time, survival, lower?, upper? }], median? }`) and returns the
 * step curve starting at (0, 1), plus the median when finite.
 * @example
 * ```ts
 * import { readSurvivalCurve } from './chart.ts';
 *
 * const km = { curve: [{ time: 2, survival: 0.75, lower: 0.5, upper: NaN }, { time: 5, survival: 0.5 }], median: 5 };
 * readSurvivalCurve('survivalCurveSpec', 'km', km); // => { points: [{ time: 0, survival: 1, lower: 1, upper: 1 }, { time: 2, survival: 0.75, lower: 0.5, upper: null }, { time: 5, survival: 0.5, lower: null, upper: null }], median: 5 }
 * readSurvivalCurve('survivalCurveSpec', 'km', { curve: [], median: Infinity }).median; // => null
 * readSurvivalCurve('survivalCurveSpec', 'km', { curve: [{ time: 3, survival: 0.9 }, { time: 1, survival: 0.8 }] }); // => throws RangeError: survivalCurveSpec: km.curve[1].time (1) must be finite, non-negative and not before the previous step
 * ```
 */
export function readSurvivalCurve(
  fn: string,
  name: string,
  value: unknown,
): { points: SurvivalPoint[]; median: number | null } {
  const km = requireObject(fn, name, value);
  const curve = km.curve;
  if (!Array.isArray(curve)) typeFail(fn, `${name}.curve must be an array, got ${describeValue(curve)}`);
  if ((curve as unknown[]).length > MAX_CHART_CELLS)
    rangeFail(fn, `${name}.curve has more than ${MAX_CHART_CELLS} steps`);
  const points: SurvivalPoint[] = [{ time: 0, survival: 1, lower: 1, upper: 1 }];
  let previous = 0;
  Array.from(curve as unknown[]).forEach((raw, i) => {
    const where = `${name}.curve[${i}]`;
    const step = requireObject(fn, where, raw);
    const time = step.time;
    const survival = step.survival;
    if (typeof time !== 'number') typeFail(fn, `${where}.time must be a number, got ${describeValue(time)}`);
    if (!((time as number) >= previous && Number.isFinite(time)))
      rangeFail(
        fn,
        `${where}.time (${describeValue(time)}) must be finite, non-negative and not before the previous step`,
      );
    if (typeof survival !== 'number')
      typeFail(fn, `${where}.survival must be a number, got ${describeValue(survival)}`);
    if (!((survival as number) >= 0 && (survival as number) <= 1))
      rangeFail(fn, `${where}.survival (${describeValue(survival)}) must be in [0, 1]`);
    const bound = (key: 'lower' | 'upper'): number | null => {
      const b = step[key];
      if (b === undefined || (typeof b === 'number' && Number.isNaN(b))) return null;
      if (typeof b !== 'number') typeFail(fn, `${where}.${key} must be a number, got ${describeValue(b)}`);
      if (!((b as number) >= 0 && (b as number) <= 1))
        rangeFail(fn, `${where}.${key} (${describeValue(b)}) must be in [0, 1]`);
      return b as number;
    };
    previous = time as number;
    points.push({ time: time as number, survival: survival as number, lower: bound('lower'), upper: bound('upper') });
  });
  const median = km.median;
  return { points, median: typeof median === 'number' && Number.isFinite(median) ? median : null };
}
