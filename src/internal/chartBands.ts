/**
 * Uncertainty on the cohort charts: the average row's band of a matrix built with `confidenceLevel`
 * (`averageLower` / `averageUpper`), and which heatmap cells differ significantly from the rest of their column.
 * @internal
 * @module
 */
import type { ChartMatrix } from './chart.ts';
import { twoProportionTest } from './twoProportion.ts';
import { describeValue, rangeFail, typeFail } from './validate.ts';

/**
 * The band of a matrix's average row, or `null` when the input has none (series input, or a matrix built without
 * `confidenceLevel`). Limits are numbers in [0, 1] or `null` (no band there).
 * @example
 * ```ts
 * import { readAverageBand } from './chartBands.ts';
 *
 * readAverageBand('retentionCurveSpec', { cohorts: [], averageLower: [0.9, null], averageUpper: [1, null] }); // => { lower: [0.9, null], upper: [1, null] }
 * readAverageBand('retentionCurveSpec', [{ label: 'a', values: [1] }]); // => null
 * readAverageBand('retentionCurveSpec', { cohorts: [], averageLower: [2], averageUpper: [1] }); // => throws RangeError: retentionCurveSpec: curves.averageLower[0] (2) must be a fraction in [0, 1] or null
 * ```
 */
export function readAverageBand(
  fn: string,
  input: unknown,
): { lower: (number | null)[]; upper: (number | null)[] } | null {
  if (Array.isArray(input) || typeof input !== 'object' || input === null) return null;
  const m = input as { averageLower?: unknown; averageUpper?: unknown };
  if (m.averageLower === undefined || m.averageUpper === undefined) return null;
  const read = (key: 'averageLower' | 'averageUpper'): (number | null)[] => {
    const list = m[key];
    if (!Array.isArray(list))
      typeFail(fn, `curves.${key} must be an array, got ${describeValue(list)}`, { argument: `curves.${key}` });
    return Array.from(list as unknown[], (v, k) => {
      if (v === null) return null;
      if (typeof v !== 'number' || !(v >= 0 && v <= 1))
        (typeof v === 'number' ? rangeFail : typeFail)(
          fn,
          `curves.${key}[${k}] (${describeValue(v)}) must be a fraction in [0, 1] or null`,
          { argument: `curves.${key}[${k}]`, value: v },
        );
      return v as number;
    });
  };
  return { lower: read('averageLower'), upper: read('averageUpper') };
}

/**
 * Per cell: `'above'` or `'below'` when its cohort's rate differs from the rest of its column (the other
 * cohorts whose cell in that column is final, pooled) at significance `alpha` by the two-proportion z-test,
 * else `null`. Only final cells with counts are tested: a period in progress, and an on-or-after lower bound
 * (`complete && !final`, biased low until its cohort is observed to the last column), is neither tested nor
 * pooled. A matrix without counts marks nothing.
 * @example
 * ```ts
 * import { cellSignificance } from './chartBands.ts';
 *
 * const m = {
 *   period: 'month', average: null, columns: ['0', '1'],
 *   cohorts: [
 *     { label: 'A', size: 400, counts: [400, 200], rates: [1, 0.5], complete: [true, true], final: [true, true] },
 *     { label: 'B', size: 400, counts: [400, 120], rates: [1, 0.3], complete: [true, true], final: [true, true] },
 *     { label: 'C', size: 400, counts: [400, 130], rates: [1, 0.325], complete: [true, false], final: [true, false] },
 *   ],
 * };
 * // column 1: A (50 %) against B alone (30 %; C is in progress): p < 0.001
 * cellSignificance(m, 0.05); // => [[null, 'above'], [null, 'below'], [null, null]]
 * ```
 */
export function cellSignificance(m: ChartMatrix, alpha: number): ('above' | 'below' | null)[][] {
  const width = m.columns.length;
  const x = new Float64Array(width);
  const n = new Float64Array(width);
  for (const c of m.cohorts) {
    if (c.counts === null) continue;
    for (let k = 0; k < c.counts.length; k++) {
      if (!c.final[k]) continue;
      x[k]! += c.counts[k] as number;
      n[k]! += c.size;
    }
  }
  return m.cohorts.map((c) =>
    c.rates.map((_r, k) => {
      if (c.counts === null || !c.final[k] || c.size === 0) return null;
      const own = c.counts[k] as number;
      const restN = (n[k] as number) - c.size;
      if (restN <= 0) return null;
      const t = twoProportionTest(own, c.size, (x[k] as number) - own, restN, 1.96);
      if (!(t.pValue < alpha)) return null;
      return t.difference > 0 ? 'above' : 'below';
    }),
  );
}
