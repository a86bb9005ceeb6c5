import { describe, expect, it } from 'vitest';
import {
  kaplanMeier,
  retentionCurveSpec,
  retentionMatrix,
  retentionCurveSvg,
  survivalCurveSpec,
  survivalCurveSvg,
} from '../../src/index.ts';
import { deepFreeze } from '../helpers/expectClose.ts';
import { count, expectError, parseXmlElements } from './helpers.ts';

const matrix = deepFreeze({
  period: 'week',
  cohorts: [
    { label: 'A', size: 10, rates: [1, 0.4, 0.3], complete: [true, true, false] },
    { label: 'B', size: 5, rates: [1, 0.2], complete: [true, true] },
  ],
  average: [1, (4 + 1) / 15, null],
});

// Kaplan & Meier example used in src/survival/kaplanMeier.ts: steps at 3, 6, 7, 10, 12; median 10.
const km = kaplanMeier({ durations: [3, 5, 6, 7, 8, 10, 12, 12], events: [1, 0, 1, 1, 0, 1, 1, 0] });

describe('retentionCurveSpec', () => {
  it('draws each cohort over its complete cells and the average row from a matrix', () => {
    const spec = retentionCurveSpec(matrix);
    expect(spec.data.values).toEqual([
      { series: 'A', period: 0, value: 1, average: false },
      { series: 'A', period: 1, value: 0.4, average: false },
      { series: 'B', period: 0, value: 1, average: false },
      { series: 'B', period: 1, value: 0.2, average: false },
      { series: 'average', period: 0, value: 1, average: true },
      { series: 'average', period: 1, value: 1 / 3, average: true },
    ]);
    expect((spec.encoding as { x: { title: string } }).x.title).toBe('weeks since start');
  });

  it('leaves out on-or-after lower bounds (complete, not final) like the average does', () => {
    // the retention guide's example: Ben's cohort is a column short, so its complete cells are lower bounds
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
    expect(m.cohorts[1]?.complete).toEqual([true, true]);
    expect(m.cohorts[1]?.final).toEqual([false, false]);
    const points = retentionCurveSpec(m).data.values.map((v) => `${v.series}/${v.period}`);
    expect(points).toEqual(['2024-03-01/0', '2024-03-01/1', '2024-03-01/2', 'average/0', 'average/1', 'average/2']);
    // Ben's lower bounds draw no point in the SVG either: only Ana's three cells and the average's three
    expect(count(retentionCurveSvg(m), '<title>2024-03-02')).toBe(0);
    expect(count(retentionCurveSvg(m), '<title>2024-03-01')).toBe(3);
  });

  it('draws only the average with cohorts: false, and explicit series as given', () => {
    expect(retentionCurveSpec(matrix, { cohorts: false }).data.values.map((v) => v.series)).toEqual([
      'average',
      'average',
    ]);
    expect(retentionCurveSpec([{ label: 'x', values: [null, 0.5] }]).data.values).toEqual([
      { series: 'x', period: 1, value: 0.5, average: false },
    ]);
  });

  it('rejects holes in sparse arrays instead of skipping them', () => {
    // Holes made with `delete` (a sparse array literal would need a lint exception).
    const holes = <T>(values: T[], ...at: number[]): T[] => {
      const copy = [...values];
      for (const i of at) delete copy[i];
      return copy;
    };
    expectError(
      () => retentionCurveSpec(holes([{}], 0) as never),
      TypeError,
      'retentionCurveSpec: curves[0] must be an object, got undefined',
    );
    expectError(
      () => retentionCurveSpec([{ label: 'x', values: holes([1, 0, 0.5], 1) }] as never),
      TypeError,
      'retentionCurveSpec: curves[0].values[1] must be a number or null, got undefined',
    );
    expectError(
      () => survivalCurveSpec({ curve: holes([{}, { time: 1, survival: 0.5 }], 0) } as never),
      TypeError,
      'survivalCurveSpec: km.curve[0] must be an object, got undefined',
    );
  });

  it('rejects series that are not { label, values }', () => {
    expectError(
      () => retentionCurveSpec([{ label: 'x', values: ['1'] }] as never),
      TypeError,
      'retentionCurveSpec: curves[0].values[0] must be a number or null, got "1"',
    );
    expectError(
      () => retentionCurveSpec(5 as never),
      TypeError,
      'retentionCurveSpec: curves must be a cohort matrix or an array of { label, values } series, got 5',
    );
  });
});

describe('retentionCurveSvg', () => {
  it('renders a well-formed SVG with one tooltip per point and a legend entry per series', () => {
    const svg = retentionCurveSvg(matrix);
    parseXmlElements(svg);
    expect(count(svg, '<circle')).toBe(6);
    expect(svg).toContain('<title>average, week 1: 33.3% retained</title>');
    for (const label of ['A', 'B', 'average']) expect(svg).toContain(`>${label}</text>`);
  });

  it('breaks the line at null values (a second M command)', () => {
    const svg = retentionCurveSvg([{ label: 'x', values: [1, null, 0.5, 0.4] }]);
    const d = /<path d="([^"]*)"/.exec(svg)?.[1] ?? '';
    expect(count(d, 'M')).toBe(2);
    expect(count(d, 'L')).toBe(1);
  });
});

describe('survivalCurveSpec', () => {
  it('starts at (0, 1), keeps every step and marks the median', () => {
    const spec = survivalCurveSpec(km);
    expect(spec.data.values.map((v) => v.time)).toEqual([0, 3, 6, 7, 10, 12]);
    expect(spec.data.values[0]).toEqual({ time: 0, survival: 1, lower: 1, upper: 1 });
    const layers = spec.layer as { mark: { type: string; interpolate?: string }; data?: { values: unknown[] } }[];
    expect(layers.map((l) => l.mark.type)).toEqual(['area', 'line', 'rule']);
    expect(layers[1]?.mark.interpolate).toBe('step-after');
    expect(layers[2]?.data?.values).toEqual([{ median: 10 }]);
  });

  it('turns a NaN band limit (survival 0) into null and drops the median when undefined', () => {
    const spec = survivalCurveSpec(
      { curve: [{ time: 2, survival: 0, lower: Number.NaN, upper: Number.NaN }], median: Number.NaN },
      { band: false },
    );
    expect(spec.data.values[1]).toEqual({ time: 2, survival: 0, lower: null, upper: null });
    expect((spec.layer as unknown[]).length).toBe(1);
  });

  it('rejects decreasing times and survival outside [0, 1]', () => {
    expectError(
      () =>
        survivalCurveSpec({
          curve: [
            { time: 2, survival: 0.5 },
            { time: 1, survival: 0.4 },
          ],
        }),
      RangeError,
      'survivalCurveSpec: km.curve[1].time (1) must be finite, non-negative and not before the previous step',
    );
    expectError(
      () => survivalCurveSpec({ curve: [{ time: 1, survival: 1.5 }] }),
      RangeError,
      'survivalCurveSpec: km.curve[0].survival (1.5) must be in [0, 1]',
    );
  });
});

describe('survivalCurveSvg', () => {
  it('renders steps (H then V segments), the band, the median marker and a tooltip per step', () => {
    const svg = survivalCurveSvg(km, { timeTitle: 'months' });
    parseXmlElements(svg);
    const d = /<path d="([^"]*)"/.exec(svg)?.[1] ?? '';
    expect(count(d, 'H')).toBe(5);
    expect(count(d, 'V')).toBe(5);
    expect(count(svg, '<polygon')).toBeGreaterThan(0);
    expect(svg).toContain('median 10');
    expect(count(svg, '<title>')).toBe(6);
    expect(svg).toContain('<title>months 3: 87.5% still active</title>');
  });

  it('omits the band with band: false', () => {
    expect(survivalCurveSvg(km, { band: false })).not.toContain('<polygon');
  });
});
