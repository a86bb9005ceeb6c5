import { describe, expect, it } from 'vitest';
import { cohortHeatmapSpec, retentionMatrix } from '../../src/index.ts';
import { deepFreeze } from '../helpers/expectClose.ts';
import { expectError } from './helpers.ts';

// Hand-made matrix: two cohorts, the second one column shorter; column 2 of cohort A and column 1 of B in progress.
const matrix = deepFreeze({
  period: 'month',
  cohorts: [
    {
      label: '2024-01-01',
      start: 0,
      size: 10,
      counts: [10, 4, 3],
      rates: [1, 0.4, 0.3],
      complete: [true, true, false],
    },
    { label: '2024-02-01', start: 0, size: 5, counts: [5, 1], rates: [1, 0.2], complete: [true, false] },
  ],
  average: [1, 0.4, null],
});

describe('cohortHeatmapSpec', () => {
  it('emits one datum per cell with cohort, size, column, customers, rate and status', () => {
    const spec = cohortHeatmapSpec(matrix);
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
    expect(spec.data.values).toEqual([
      {
        cohort: '2024-01-01',
        size: 10,
        column: '0',
        period: 0,
        customers: 10,
        rate: 1,
        complete: true,
        status: 'complete',
      },
      {
        cohort: '2024-01-01',
        size: 10,
        column: '1',
        period: 1,
        customers: 4,
        rate: 0.4,
        complete: true,
        status: 'complete',
      },
      {
        cohort: '2024-01-01',
        size: 10,
        column: '2',
        period: 2,
        customers: 3,
        rate: 0.3,
        complete: false,
        status: 'in progress',
      },
      {
        cohort: '2024-02-01',
        size: 5,
        column: '0',
        period: 0,
        customers: 5,
        rate: 1,
        complete: true,
        status: 'complete',
      },
      {
        cohort: '2024-02-01',
        size: 5,
        column: '1',
        period: 1,
        customers: 1,
        rate: 0.2,
        complete: false,
        status: 'in progress',
      },
    ]);
  });

  it('colours on [0, max rate outside column 0], fades incomplete cells and names the period in the axis', () => {
    const spec = cohortHeatmapSpec(matrix) as unknown as {
      layer: { encoding: Record<string, Record<string, unknown>> }[];
    };
    const rect = spec.layer[0]?.encoding ?? {};
    // max over columns ≥ 1 = max(0.4, 0.3, 0.2) = 0.4.
    expect(rect.color?.scale).toEqual({ scheme: 'blues', domain: [0, 0.4], clamp: true });
    expect(rect.opacity).toEqual({
      condition: [
        { test: "datum.status === 'in progress'", value: 0.45 },
        { test: "datum.status === 'lower bound'", value: 0.75 },
      ],
      value: 1,
    });
    expect(rect.x?.title).toBe('months since start');
    expect((rect.tooltip as unknown as unknown[]).length).toBe(6);
  });

  it('serialises to JSON and back unchanged (plain data)', () => {
    const spec = cohortHeatmapSpec(matrix, { title: 'Monthly retention' });
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(spec.title).toBe('Monthly retention');
  });

  it('reads a real retentionMatrix result, brackets included', () => {
    const events = [
      { u: 'a', t: '2024-01-01' },
      { u: 'a', t: '2024-01-03' },
      { u: 'b', t: '2024-01-01' },
      { u: 'b', t: '2024-01-09' },
    ];
    const m = retentionMatrix(events, {
      customer: 'u',
      time: 't',
      period: 'day',
      brackets: [
        [1, 3],
        [4, 10],
      ],
    });
    const spec = cohortHeatmapSpec(m);
    // Brackets: a returns on day 2 (bracket 1–3), b on day 8 (bracket 4–10): one customer of two each.
    expect(spec.data.values.map((v) => [v.column, v.customers])).toEqual([
      ['1–3', 1],
      ['4–10', 1],
    ]);
  });

  describe('edge cases', () => {
    it('returns no data for a matrix with no cohorts', () => {
      expect(cohortHeatmapSpec({ cohorts: [] }).data.values).toEqual([]);
    });

    it('leaves column 0 out with periodZero: false', () => {
      expect(cohortHeatmapSpec(matrix, { periodZero: false }).data.values.map((v) => v.period)).toEqual([1, 2, 1]);
    });

    it('uses a domain of [0, 1] when every rate outside column 0 is 0, and null customers without counts', () => {
      const spec = cohortHeatmapSpec({
        cohorts: [{ label: 'x', size: 3, rates: [1, 0], complete: [true, true] }],
      }) as unknown as {
        data: { values: { customers: unknown }[] };
        layer: { encoding: { color: { scale: { domain: number[] } } } }[];
      };
      expect(spec.layer[0]?.encoding.color.scale.domain).toEqual([0, 1]);
      expect(spec.data.values[0]?.customers).toBeNull();
    });
  });

  describe('errors', () => {
    it('throws TypeError for a value that is not a cohort matrix', () => {
      expectError(
        () => cohortHeatmapSpec(null as never),
        TypeError,
        'cohortHeatmapSpec: matrix must be an object, got null',
      );
      expectError(
        () => cohortHeatmapSpec({ cohorts: 'x' } as never),
        TypeError,
        'cohortHeatmapSpec: matrix.cohorts must be an array, got "x"',
      );
      expectError(
        () => cohortHeatmapSpec({ cohorts: [{ label: 1, size: 1, rates: [], complete: [] }] } as never),
        TypeError,
        'cohortHeatmapSpec: matrix.cohorts[0].label must be a string, got 1',
      );
    });

    it('throws RangeError for non-finite rates and mismatched lengths', () => {
      expectError(
        () => cohortHeatmapSpec({ cohorts: [{ label: 'a', size: 1, rates: [Number.NaN], complete: [true] }] }),
        RangeError,
        'cohortHeatmapSpec: matrix.cohorts[0].rates[0] (NaN) must be finite',
      );
      expectError(
        () => cohortHeatmapSpec({ cohorts: [{ label: 'a', size: 1, rates: [1], complete: [] }] }),
        RangeError,
        'cohortHeatmapSpec: matrix.cohorts[0].complete has length 0, expected 1',
      );
    });
  });

  it('marks on-or-after lower bounds (complete, not final) as their own status with a dotted outline', () => {
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
    const spec = cohortHeatmapSpec(m);
    const status = spec.data.values.map((d) => `${d.cohort}/${d.period}: ${d.status}`);
    expect(status).toEqual([
      '2024-03-01/0: complete',
      '2024-03-01/1: complete',
      '2024-03-01/2: complete',
      '2024-03-02/0: lower bound',
      '2024-03-02/1: lower bound',
    ]);
    const layers = spec.layer as Array<{ transform?: Array<{ filter: string }> }>;
    expect(layers.some((l) => l.transform?.[0]?.filter === "datum.status === 'lower bound'")).toBe(true);
    // without final (a hand-made matrix), complete cells are final: no lower bounds
    expect(
      cohortHeatmapSpec({ cohorts: [{ label: 'a', size: 1, rates: [1], complete: [true] }] }).data.values[0]?.status,
    ).toBe('complete');
  });

  it('tests and pools final cells only: an on-or-after lower bound is never marked or compared', () => {
    // Cohort C's column 1 is complete but a lower bound (biased low): pooled as a complete cell it would make
    // A (50 %) look far above the rest; with final cells only, A is compared with B (45 %) alone.
    const cohort = (label: string, size: number, kept: number, final: boolean) => ({
      label,
      size,
      counts: [size, kept],
      rates: [1, kept / size],
      complete: [true, true],
      final: [final, final],
    });
    const m = {
      period: 'month',
      mode: 'onOrAfter',
      cohorts: [cohort('A', 400, 200, true), cohort('B', 400, 180, true), cohort('C', 4000, 400, false)],
      average: [1, 380 / 800],
    };
    const column1 = (spec: ReturnType<typeof cohortHeatmapSpec>) =>
      spec.data.values.filter((d) => d.period === 1).map((d) => d.significance);
    const marks = column1(cohortHeatmapSpec(m, { significance: true }));
    // A vs B: z = 1.42, p = 0.16 — nothing significant; C's 10 % is a lower bound and is not tested
    expect(marks).toEqual([null, null, null]);
    // the same cells all final: C is tested, and A and B are far above it
    const allFinal = { ...m, cohorts: m.cohorts.map((c) => ({ ...c, final: [true, true] })) };
    expect(column1(cohortHeatmapSpec(allFinal, { significance: true }))).toEqual(['above', 'above', 'below']);
  });
});
