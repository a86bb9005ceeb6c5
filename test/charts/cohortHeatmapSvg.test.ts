import { describe, expect, it } from 'vitest';
import { cohortHeatmapSvg, retentionMatrix } from '../../src/index.ts';
import { deepFreeze } from '../helpers/expectClose.ts';
import { count, expectError, parseXmlElements } from './helpers.ts';

const matrix = deepFreeze({
  period: 'month',
  cohorts: [
    { label: '2024-01-01', size: 10, counts: [10, 4, 3], rates: [1, 0.4, 0.3], complete: [true, true, false] },
    { label: '2024-02-01', size: 5, counts: [5, 1], rates: [1, 0.2], complete: [true, false] },
  ],
  average: [1, 0.4, null],
});

describe('cohortHeatmapSvg', () => {
  it('returns a well-formed standalone SVG with no script, stylesheet or external reference', () => {
    const svg = cohortHeatmapSvg(matrix);
    const elements = parseXmlElements(svg);
    expect(elements[0]).toBe('svg');
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/,
    );
    expect(elements).not.toContain('script');
    expect(elements).not.toContain('style');
    expect(svg).not.toMatch(/href=|url\((?!#lm-heatmap-)|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('draws one cell with a tooltip per cohort column, plus the average row', () => {
    const svg = cohortHeatmapSvg(matrix);
    // 3 + 2 cohort cells and 2 average cells (the null average is not drawn).
    expect(count(svg, '<title>')).toBe(7);
    expect(svg).toContain('<title>cohort 2024-01-01 (10 customers), month 1: 40.0% (4 of 10)</title>');
    expect(svg).toContain(
      '<title>cohort 2024-02-01 (5 customers), month 1: 20.0% (1 of 5), period in progress</title>',
    );
    expect(svg).toContain('<title>average, month 1: 40.0% (size-weighted, final cells)</title>');
  });

  it('hatches exactly the incomplete cells', () => {
    const svg = cohortHeatmapSvg(matrix);
    // Two incomplete cells, plus one hatched swatch in the legend.
    expect(count(svg, 'fill="url(#lm-heatmap-hatch)"')).toBe(3);
  });

  it('colours by rate relative to the largest rate outside column 0 (darkest blue at the maximum)', () => {
    const svg = cohortHeatmapSvg({
      cohorts: [{ label: 'a', size: 4, rates: [1, 0.5, 0.25, 0], complete: [true, true, true, true] }],
    });
    const fills = [...svg.matchAll(/<g><title>[^<]*<\/title><rect [^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]);
    // ColorBrewer Blues: 0 → #f7fbff, max (0.5) and above → #08306b; 0.25 is half-way → class 4 (#6baed6).
    expect(fills).toEqual(['#08306b', '#08306b', '#6baed6', '#f7fbff']);
  });

  it('labels cells with percentages and escapes text', () => {
    const svg = cohortHeatmapSvg(
      { cohorts: [{ label: 'A&B <web>', size: 2, rates: [1, 0.5], complete: [true, true] }] },
      { title: 'Q&A' },
    );
    expect(svg).toContain('A&amp;B &lt;web&gt;');
    expect(svg).toContain('>Q&amp;A</text>');
    expect(svg).toContain('>50%</text>');
    parseXmlElements(svg);
  });

  describe('edge cases', () => {
    it('renders an empty matrix as a valid, empty chart', () => {
      const svg = cohortHeatmapSvg({ cohorts: [] });
      expect(count(svg, '<title>')).toBe(0);
      parseXmlElements(svg);
    });

    it('lays out 60 cohorts × 24 periods with every label readable (cells at least 8 px apart)', () => {
      const cohorts = Array.from({ length: 60 }, (_v, i) => ({
        label: `2020-${String((i % 12) + 1).padStart(2, '0')}-01`,
        size: 100 + i,
        rates: Array.from({ length: 24 - Math.floor(i / 3) }, (_w, k) => (k === 0 ? 1 : 0.5 / (k + 1))),
        complete: Array.from({ length: 24 - Math.floor(i / 3) }, (_w, k) => k < 23 - Math.floor(i / 3)),
      }));
      const svg = cohortHeatmapSvg({ cohorts });
      const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
      expect(Number(width)).toBeLessThan(1300);
      expect(Number(height)).toBeLessThan(1500);
      expect(count(svg, '<title>')).toBe(cohorts.reduce((s, c) => s + c.rates.length, 0));
    });

    it('hides cell values on small cells unless asked', () => {
      const small = cohortHeatmapSvg(matrix, { cellWidth: 12, cellHeight: 10 });
      expect(small).not.toContain('>40%</text>');
      expect(cohortHeatmapSvg(matrix, { cellWidth: 12, cellHeight: 10, showValues: true })).toContain('>40%</text>');
    });
  });

  describe('errors', () => {
    it('throws for a non-matrix and for out-of-range options', () => {
      expectError(
        () => cohortHeatmapSvg(undefined as never),
        TypeError,
        'cohortHeatmapSvg: matrix must be an object, got undefined',
      );
      expectError(
        () => cohortHeatmapSvg(matrix, { cellWidth: 2 }),
        RangeError,
        'cohortHeatmapSvg: cellWidth (2) must be between 8 and 120',
      );
      expectError(
        () => cohortHeatmapSvg(matrix, { idPrefix: '1 x' }),
        RangeError,
        'cohortHeatmapSvg: idPrefix ("1 x") must be a letter followed by letters, digits, _ or -',
      );
      expectError(
        () => cohortHeatmapSvg(matrix, { title: 3 } as never),
        TypeError,
        'cohortHeatmapSvg: title must be a string, got 3',
      );
    });
  });

  it('dots the on-or-after lower bounds (complete, not final) and says so, with a legend entry', () => {
    const events = [
      { user: 'ana', at: '2024-03-01' },
      { user: 'ana', at: '2024-03-03' },
      { user: 'ben', at: '2024-03-02' },
      { user: 'ben', at: '2024-03-03' },
    ];
    const m = retentionMatrix(events, {
      customer: 'user',
      time: 'at',
      mode: 'onOrAfter',
      observationEnd: '2024-03-03',
    });
    const svg = cohortHeatmapSvg(m);
    // the 2 March cohort's two cells are lower bounds, plus the legend swatch; nothing in progress
    expect(count(svg, 'fill="url(#lm-heatmap-dots)"')).toBe(3);
    expect(count(svg, 'fill="url(#lm-heatmap-hatch)"')).toBe(1);
    expect(svg).toContain(
      '<title>cohort 2024-03-02 (1 customers), day 1: 100.0% (1 of 1), lower bound (can still grow)</title>',
    );
    expect(svg).toContain('>lower bound</text>');
    // mode 'on': final equals complete, no dots and no legend entry
    const on = cohortHeatmapSvg(
      retentionMatrix(events, { customer: 'user', time: 'at', observationEnd: '2024-03-03' }),
    );
    expect(on).not.toContain('fill="url(#lm-heatmap-dots)"');
    expect(on).not.toContain('>lower bound</text>');
  });

  it('rejects a final array of the wrong length or type', () => {
    const cohort = { label: 'a', size: 1, rates: [1, 0.5], complete: [true, true] };
    expectError(
      () => cohortHeatmapSvg({ cohorts: [{ ...cohort, final: [true] }] } as never),
      RangeError,
      'cohortHeatmapSvg: matrix.cohorts[0].final has length 1, expected 2',
    );
    expectError(
      () => cohortHeatmapSvg({ cohorts: [{ ...cohort, final: [true, 1] }] } as never),
      TypeError,
      'cohortHeatmapSvg: matrix.cohorts[0].final[1] must be a boolean, got 1',
    );
  });
});
