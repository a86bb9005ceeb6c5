import { describe, expect, it } from 'vitest';
import { compareRates, compareRetention, retentionMatrix, retentionTrend } from '../../src/index.ts';
import { proportionTrend } from '../../src/internal/proportionTrend.ts';
import { deepFreeze, expectClose, expectThrows } from '../helpers/expectClose.ts';

const D = 86_400_000;

/** A log where cohort i (day i) has size[i] customers, of whom kept[i] come back on the next day. */
function dailyLog(size: number[], kept: number[]): { customer: number[]; time: number[] } {
  const customer: number[] = [];
  const time: number[] = [];
  let id = 0;
  size.forEach((n, day) => {
    for (let j = 0; j < n; j++, id++) {
      customer.push(id);
      time.push(day * D);
      if (j < (kept[day] as number)) {
        customer.push(id);
        time.push((day + 1) * D);
      }
    }
  });
  return { customer, time };
}

describe('retentionMatrix confidenceLevel: Wilson intervals', () => {
  // Published Wilson intervals, Newcombe (1998), Statistics in Medicine 17, Table II (method 3), 95 %:
  // 81/263 → (0.2553, 0.3662), 15/148 → (0.0624, 0.1605), 0/20 → (0, 0.1611), 29/29 → (0.8830, 1).
  const log = dailyLog([263, 148, 20, 29], [81, 15, 0, 29]);
  const m = retentionMatrix(log, { period: 'day', confidenceLevel: 0.95, observationEnd: 10 * D });
  it('gives every cell its Wilson interval (4 decimals, as published)', () => {
    const published = [
      [0.2553, 0.3662],
      [0.0624, 0.1605],
      [0, 0.1611],
      [0.883, 1],
    ];
    m.cohorts.forEach((c, i) => {
      const [lo, hi] = published[i] as [number, number];
      expectClose(c.lower?.[1] as number, lo, { abs: 5e-5 });
      expectClose(c.upper?.[1] as number, hi, { abs: 5e-5 });
    });
    expect(m.confidenceLevel).toBe(0.95);
  });
  it('gives the average row the Wilson interval of the pooled cohorts', () => {
    // column 1: (81 + 15 + 0 + 29) of (263 + 148 + 20 + 29) = 125 / 460; Wilson by hand, z = 1.959964
    const x = 125;
    const n = 460;
    const z = 1.959963984540054;
    const p = x / n;
    const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
    const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
    expectClose(m.average[1] as number, p, { rel: 1e-12 });
    // tolerance 1e-9: the library's normal quantile (z) is accurate to about 1e-10
    expectClose(m.averageLower?.[1] as number, centre - half, { rel: 1e-9 });
    expectClose(m.averageUpper?.[1] as number, centre + half, { rel: 1e-9 });
  });
  it('leaves the result shape alone without the option, and marks no average where none is complete', () => {
    const plain = retentionMatrix(log, { period: 'day' });
    expect('lower' in (plain.cohorts[0] as object)).toBe(false);
    expect('averageLower' in plain).toBe(false);
    const open = retentionMatrix(log, { period: 'day', confidenceLevel: 0.9 });
    // the last day's column is in progress in every cohort that has it
    expect(open.averageLower?.at(-1)).toBeNull();
    expect(open.average.at(-1)).toBeNull();
  });
  it('rejects a level outside (0, 1) naming the option', () => {
    expectThrows(() => retentionMatrix(log, { confidenceLevel: 1 }), RangeError, 'retentionMatrix', 'confidenceLevel');
  });
});

describe('compareRetention', () => {
  const matrix = deepFreeze({
    cohorts: [
      { label: 'A', size: 1000, counts: [1000, 420, 300], complete: [true, true, true] },
      { label: 'B', size: 1000, counts: [1000, 380, 250], complete: [true, true, false] },
      { label: 'C', size: 500, counts: [500, 200], complete: [true, false] },
    ],
  });
  it('gives R prop.test(correct = FALSE): X² = 3.3333, p = 0.06789 for 420/1000 against 380/1000', () => {
    const t = compareRetention(matrix, { cohort: 'A', column: 1 }, { cohort: 'B', column: 1 });
    expectClose(t.z * t.z, 3.3333, { abs: 5e-5 });
    expectClose(t.pValue, 0.06789, { abs: 5e-6 });
    expect(t.a).toEqual({ cohorts: ['A'], column: 1, successes: 420, trials: 1000, complete: true });
    const { a: _a, b: _b, ...figures } = t;
    expect(figures).toEqual(compareRates({ successes: 420, trials: 1000 }, { successes: 380, trials: 1000 }));
  });
  it('pools several cohorts on a side and reports incomplete cells', () => {
    const t = compareRetention(matrix, { cohort: ['B', 'C'], column: 1 }, { cohort: 'A', column: 1 });
    expect(t.a).toMatchObject({ successes: 580, trials: 1500, complete: false });
    expect(t.rateA).toBeCloseTo(580 / 1500, 12);
  });
  it('refuses shared customers, unknown cohorts and unobservable columns', () => {
    expectThrows(
      () => compareRetention(matrix, { cohort: 'A', column: 1 }, { cohort: 'A', column: 2 }),
      RangeError,
      'compareRetention',
      'independent',
    );
    expectThrows(
      () => compareRetention(matrix, { cohort: 'Z', column: 1 }, { cohort: 'A', column: 1 }),
      RangeError,
      'compareRetention',
      '"Z"',
    );
    expectThrows(
      () => compareRetention(matrix, { cohort: 'C', column: 2 }, { cohort: 'A', column: 1 }),
      RangeError,
      'compareRetention',
      'not observable',
    );
    expectThrows(
      () => compareRetention(matrix, { cohort: [], column: 1 }, { cohort: 'A', column: 1 }),
      RangeError,
      'compareRetention',
    );
    expectThrows(
      () => compareRetention(matrix, { cohort: 'A', column: -1 }, { cohort: 'B', column: 1 }),
      RangeError,
      'compareRetention',
    );
    expectThrows(
      () => compareRetention({ cohorts: 3 } as never, { cohort: 'A', column: 1 }, { cohort: 'B', column: 1 }),
      TypeError,
      'compareRetention',
    );
    expectThrows(
      () =>
        compareRetention(
          { cohorts: [{ label: 'A', size: 2, counts: [3], complete: [true] }] },
          { cohort: 'A', column: 0 },
          { cohort: 'A', column: 0 },
        ),
      RangeError,
      'compareRetention',
      'cohort size',
    );
  });
});

describe('retentionTrend', () => {
  it('gives the Cochran–Armitage z of Agresti (2002), Table 2.7: z² = 6.57', () => {
    const t = proportionTrend([0, 0.5, 1.5, 4, 7], [48, 38, 5, 1, 1], [17114, 14502, 793, 127, 38]);
    expectClose(t.z * t.z, 6.57, { abs: 0.005 });
  });
  it('equals N·r² with r the Pearson correlation of score and outcome over the customers (brute force)', () => {
    const size = [120, 80, 150, 60, 90];
    const kept = [50, 30, 45, 15, 20];
    const m = retentionMatrix(dailyLog(size, kept), { period: 'day', observationEnd: 10 * D });
    const trend = retentionTrend(m, 1);
    // one (score, outcome) pair per customer
    const pairs: [number, number][] = [];
    size.forEach((n, i) => {
      for (let j = 0; j < n; j++) pairs.push([i, j < (kept[i] as number) ? 1 : 0]);
    });
    const N = pairs.length;
    const mx = pairs.reduce((s, [x]) => s + x, 0) / N;
    const my = pairs.reduce((s, [, y]) => s + y, 0) / N;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (const [x, y] of pairs) {
      sxy += (x - mx) * (y - my);
      sxx += (x - mx) ** 2;
      syy += (y - my) ** 2;
    }
    const r = sxy / Math.sqrt(sxx * syy);
    expectClose(trend.z * trend.z, N * r * r, { rel: 1e-10 });
    expect(Math.sign(trend.z)).toBe(Math.sign(r));
    // the OLS slope of outcome on score over customers is the size-weighted slope of the rates
    expectClose(trend.slope, sxy / sxx, { rel: 1e-10 });
    expect(trend.cohorts).toBe(5);
    for (const p of trend.points) {
      expect(p.lower).toBeLessThanOrEqual(p.rate);
      expect(p.fittedLower).toBeLessThanOrEqual(p.fitted);
      expect(p.fittedUpper).toBeGreaterThanOrEqual(p.fitted);
    }
  });
  it('measures x in periods, so a missing cohort month leaves a gap', () => {
    const events = [
      { u: 1, at: '2024-01-05' },
      { u: 1, at: '2024-02-05' },
      { u: 2, at: '2024-01-09' },
      { u: 3, at: '2024-04-02' },
      { u: 3, at: '2024-05-02' },
      { u: 4, at: '2024-04-20' },
      { u: 4, at: '2024-06-20' },
    ];
    const m = retentionMatrix(events, { customer: 'u', time: 'at', period: 'month' });
    const t = retentionTrend(m, 1);
    expect(t.points.map((p) => p.x)).toEqual([0, 3]);
    expect(t.points.map((p) => p.rate)).toEqual([0.5, 0.5]);
    expect(t.slope).toBe(0);
  });
  it('has no line with fewer than two complete start periods', () => {
    const t = retentionTrend({ cohorts: [{ label: 'A', size: 10, counts: [10, 3], complete: [true, true] }] }, 1);
    expect(t.slope).toBeNaN();
    expect(t.points[0]?.fitted).toBeNaN();
    expect(retentionTrend({ cohorts: [] }, 0).points).toEqual([]);
  });
  it('rejects a bad column and options', () => {
    expectThrows(() => retentionTrend({ cohorts: [] }, 1.5), RangeError, 'retentionTrend', 'column');
    expectThrows(() => retentionTrend({ cohorts: [] }, '1' as never), TypeError, 'retentionTrend', 'column');
    expectThrows(() => retentionTrend({ cohorts: [] }, 1, { level: 0.9 } as never), TypeError, 'retentionTrend');
  });
});
