import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { cohortHeatmapSpec, cohortHeatmapSvg, retentionCurveSvg } from '../../src/index.ts';
import { deepFreeze } from '../helpers/expectClose.ts';
import { count, parseXmlElements } from './helpers.ts';

// Random cohort matrices: labels with characters XML must escape, rates in [0, 1], any completeness.
const cohort = fc
  .record({
    label: fc.string({
      unit: fc.constantFrom('a', '1', '-', '&', '<', '>', '"', "'", ' '),
      minLength: 1,
      maxLength: 10,
    }),
    size: fc.integer({ min: 0, max: 10_000 }),
    cells: fc.array(fc.record({ rate: fc.double({ min: 0, max: 1, noNaN: true }), complete: fc.boolean() }), {
      maxLength: 12,
    }),
  })
  .map(({ label, size, cells }) => ({
    label,
    size,
    rates: cells.map((c) => c.rate),
    complete: cells.map((c) => c.complete),
  }));
const matrix = fc.record({ cohorts: fc.array(cohort, { maxLength: 8 }) });

describe('chart properties', () => {
  test.prop([matrix], { numRuns: 100 })(
    'the heatmap SVG is well-formed XML with one tooltip and one hatch per incomplete cell',
    (m) => {
      const frozen = deepFreeze(m);
      const svg = cohortHeatmapSvg(frozen, { averageRow: false });
      expect(() => parseXmlElements(svg)).not.toThrow();
      const cells = m.cohorts.reduce((s, c) => s + c.rates.length, 0);
      const incomplete = m.cohorts.reduce((s, c) => s + c.complete.filter((x) => !x).length, 0);
      expect(count(svg, '<title>')).toBe(cells);
      expect(count(svg, 'fill="url(#lm-heatmap-hatch)"')).toBe(incomplete + 1);
    },
  );

  test.prop([matrix], { numRuns: 100 })(
    'the heatmap spec has one datum per cell and survives a JSON round trip',
    (m) => {
      const spec = cohortHeatmapSpec(m);
      expect(spec.data.values.length).toBe(m.cohorts.reduce((s, c) => s + c.rates.length, 0));
      expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    },
  );

  test.prop(
    [
      fc.array(
        fc.record({
          label: fc.string({ maxLength: 6 }),
          values: fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), { maxLength: 10 }),
        }),
        { maxLength: 5 },
      ),
    ],
    {
      numRuns: 100,
    },
  )('the curve SVG is well-formed with one point per non-null value', (series) => {
    const svg = retentionCurveSvg(series);
    expect(() => parseXmlElements(svg)).not.toThrow();
    expect(count(svg, '<circle')).toBe(series.reduce((s, c) => s + c.values.filter((v) => v !== null).length, 0));
  });
});
