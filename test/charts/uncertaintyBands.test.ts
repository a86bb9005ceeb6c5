import { describe, expect, it } from 'vitest';
import {
  cohortHeatmapSpec,
  compareRates,
  retentionCurveSpec,
  retentionCurveSvg,
  retentionMatrix,
} from '../../src/index.ts';
import { expectThrows } from '../helpers/expectClose.ts';

const D = 86_400_000;
const log = {
  customer: [1, 1, 2, 3, 3, 4, 5, 5, 6],
  time: [0, D, 0, 0, 2 * D, D, D, 2 * D, 3 * D],
};

describe('retention curve bands', () => {
  it('shades the Wilson band of the average row when the matrix has one', () => {
    const m = retentionMatrix(log, { period: 'day', confidenceLevel: 0.9 });
    const spec = retentionCurveSpec(m, { cohorts: false });
    const avg = spec.data.values.filter((d) => d.series === 'average');
    avg.forEach((d) => {
      const k = d.period as number;
      expect(d.lower).toBe(m.averageLower?.[k]);
      expect(d.upper).toBe(m.averageUpper?.[k]);
      expect((d.lower as number) <= (d.value as number) && (d.value as number) <= (d.upper as number)).toBe(true);
    });
    expect(Array.isArray(spec.layer)).toBe(true);
    // without intervals (or with band: false) the spec is the plain line chart
    expect(retentionCurveSpec(retentionMatrix(log, { period: 'day' })).layer).toBeUndefined();
    expect(retentionCurveSpec(m, { band: false }).layer).toBeUndefined();
    expect(retentionCurveSvg(m)).toContain('<path');
    expectThrows(() => retentionCurveSpec(m, { band: 'yes' as never }), TypeError, 'retentionCurveSpec', 'band');
  });
});

describe('heatmap significance marks', () => {
  const matrix = {
    cohorts: [
      { label: 'A', size: 300, counts: [300, 150, 90], rates: [1, 0.5, 0.3], complete: [true, true, true] },
      { label: 'B', size: 300, counts: [300, 100, 80], rates: [1, 1 / 3, 0.8 / 3], complete: [true, true, true] },
      { label: 'C', size: 300, counts: [300, 110, 20], rates: [1, 11 / 30, 0.2 / 3], complete: [true, true, false] },
    ],
  };
  it('marks a cell when compareRates against the rest of its column gives p < 1 − level', () => {
    const values = cohortHeatmapSpec(matrix, { significance: true, confidenceLevel: 0.99 }).data.values;
    for (const d of values) {
      const c = matrix.cohorts.find((x) => x.label === d.cohort) as (typeof matrix.cohorts)[number];
      const k = d.period as number;
      if (!c.complete[k]) {
        expect(d.significance).toBeNull();
        continue;
      }
      const rest = matrix.cohorts.filter((x) => x !== c && x.complete[k]);
      const t = compareRates(
        { successes: c.counts[k] as number, trials: c.size },
        {
          successes: rest.reduce((s, x) => s + (x.counts[k] as number), 0),
          trials: rest.reduce((s, x) => s + x.size, 0),
        },
      );
      expect(d.significance).toBe(t.pValue < 0.01 ? (t.difference > 0 ? 'above' : 'below') : null);
    }
    // A's day 1 (50 % against 35 %) is marked
    expect(values.find((d) => d.cohort === 'A' && d.period === 1)?.significance).toBe('above');
  });
  it('leaves the data alone without the option and validates the level', () => {
    expect('significance' in (cohortHeatmapSpec(matrix).data.values[0] as object)).toBe(false);
    expectThrows(
      () => cohortHeatmapSpec(matrix, { significance: true, confidenceLevel: 2 }),
      RangeError,
      'cohortHeatmapSpec',
    );
  });
});
