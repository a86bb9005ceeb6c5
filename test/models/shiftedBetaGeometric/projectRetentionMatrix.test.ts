import { describe, expect, it } from 'vitest';
import {
  cohortState,
  finishCohortState,
  fitShiftedBetaGeometric,
  projectRetentionMatrix,
  retentionMatrix,
} from '../../../src/index.ts';
import * as lib from '../../../src/index.ts';
import { deepFreeze, expectClose, thrown } from '../../helpers/expectClose.ts';
import { numericCsv } from '../../rfm/cdnow.ts';

// Fader & Hardie (2007), "How to Project Customer Retention", Journal of Interactive Marketing 21(1),
// doi:10.1002/dir.20074: customers alive at the start of years 0–12 (of 1,000), Regular and High End
// (sbg_fader_hardie_2007_survival.csv). Fitted on years 0–7: Regular α = 0.704, β = 1.182; High End α = 0.668,
// β = 3.806; High End survival projected for years 8–12: 0.460, 0.436, 0.414, 0.395, 0.378 (the figures of the
// paper as listed in the shared data README, "Shifted-beta-geometric").
const table = numericCsv('sbg_fader_hardie_2007_survival.csv');
const regular = table.map((r) => r[1] as number);
const highEnd = table.map((r) => r[2] as number);
const cohort = (label: string, alive: number[], years: number) => ({
  label,
  size: alive[0] as number,
  counts: alive.slice(0, years),
  complete: Array<boolean>(years).fill(true),
});

describe('projectRetentionMatrix', () => {
  describe('Fader & Hardie (2007)', () => {
    const matrix = deepFreeze({ mode: 'on', cohorts: [cohort('regular', regular, 8), cohort('high end', highEnd, 8)] });
    const p = projectRetentionMatrix(matrix, { horizon: 13, projectWith: 'cohort', discountRate: 0.1 });

    it('reproduces the published parameters of each segment (3 decimals)', () => {
      const [r, h] = p.cohorts;
      expectClose(r?.fit?.params.alpha as number, 0.704, { abs: 0.0005 });
      expectClose(r?.fit?.params.beta as number, 1.182, { abs: 0.0005 });
      expectClose(h?.fit?.params.alpha as number, 0.668, { abs: 0.0005 });
      expectClose(h?.fit?.params.beta as number, 3.806, { abs: 0.0005 });
      expectClose(r?.fit?.logLikelihood as number, -1680.27, { abs: 0.005 });
      expectClose(h?.fit?.logLikelihood as number, -1611.16, { abs: 0.005 });
    });

    it('reproduces the published High End survival of years 8–12 (3 decimals)', () => {
      const published = [0.46, 0.436, 0.414, 0.395, 0.378];
      p.cohorts[1]?.fit?.survival.slice(8).forEach((s, i) => {
        expectClose(s, published[i] as number, { abs: 0.0005 });
      });
    });

    it('covers the holdout years 8–12 of both segments with its 95 % intervals', () => {
      for (const [row, alive] of [
        [p.cohorts[0], regular],
        [p.cohorts[1], highEnd],
      ] as const) {
        for (let year = 8; year <= 12; year++) {
          const actual = (alive[year] as number) / 1000;
          expect(row?.lower[year]).toBeLessThanOrEqual(actual);
          expect(row?.upper[year]).toBeGreaterThanOrEqual(actual);
        }
      }
    });

    it('fits a complete cohort as fitShiftedBetaGeometric does', () => {
      // The same likelihood summed in two orders: the optimiser stops at the same maximum to its tolerance.
      const direct = fitShiftedBetaGeometric(highEnd.slice(0, 8));
      expectClose(p.cohorts[1]?.fit?.params.alpha as number, direct.params.alpha, { rel: 1e-6 });
      expectClose(p.cohorts[1]?.fit?.params.beta as number, direct.params.beta, { rel: 1e-6 });
      expectClose(p.cohorts[1]?.fit?.logLikelihood as number, direct.logLikelihood, { rel: 1e-10 });
    });

    it('gives the DERL of sbgDiscountedExpectedResidualLifetime after the last complete year', () => {
      expectClose(
        p.cohorts[1]?.derl as number,
        lib.sbgDiscountedExpectedResidualLifetime(p.cohorts[1]?.fit?.params as never, {
          discountRate: 0.1,
          renewals: 7,
        }),
        { rel: 1e-15 },
      );
    });
  });

  describe('incomplete cells', () => {
    // test/fixtures/sbg_censored_scipy.py: the same likelihood maximised by scipy (Nelder-Mead, xatol 1e-12).
    const triangle = {
      mode: 'on',
      cohorts: [
        { label: 'A', size: 1000, counts: [1000, 869, 743, 653, 560], complete: [true, true, true, true, false] },
        { label: 'B', size: 800, counts: [800, 690, 600, 500], complete: [true, true, true, false] },
        { label: 'C', size: 600, counts: [600, 300], complete: [true, false] },
      ],
    };
    const p = projectRetentionMatrix(triangle, { projectWith: 'cohort', horizon: 6 });

    it('reaches the scipy maximum, pooled and per cohort', () => {
      expectClose(p.pooled?.params.alpha as number, 0.3494413460926141, { rel: 1e-6 });
      expectClose(p.pooled?.params.beta as number, 2.3431876438993493, { rel: 1e-6 });
      expectClose(p.pooled?.logLikelihood as number, -1751.7746457437095, { rel: 1e-10 });
      expectClose(p.cohorts[0]?.fit?.params.alpha as number, 0.3924626170151114, { rel: 1e-6 });
      expectClose(p.cohorts[0]?.fit?.params.beta as number, 2.2201480488332064, { rel: 1e-6 });
      expectClose(p.cohorts[1]?.fit?.params.alpha as number, 0.16825572078820888, { rel: 1e-6 });
      expectClose(p.cohorts[1]?.fit?.params.beta as number, 0.9653532346682188, { rel: 1e-6 });
    });

    it('keeps the seen customers of an incomplete cell and projects the rest', () => {
      const a = p.cohorts[0];
      expect(a?.completeColumns).toBe(4);
      expect(a?.observed).toEqual([1, 0.869, 0.743, 0.653, null, null]);
      // column 4: the 560 seen plus the 93 not seen yet, each alive with probability S(4)/S(3)
      const fit = a?.fit?.survival as number[];
      expectClose(a?.projected[4] as number, (560 + 93 * ((fit[4] as number) / (fit[3] as number))) / 1000, {
        rel: 1e-12,
      });
      expect(a?.projected[4]).toBeGreaterThanOrEqual(0.56);
      expect(a?.projected[4]).toBeLessThanOrEqual(0.653);
    });
  });

  it('projects the matrix of a contractual log read by retentionMatrix and by a cohort state', () => {
    // Monthly subscriptions: each customer renews until they churn (no gaps), cohorts January–April 2024.
    const customer: number[] = [];
    const time: number[] = [];
    let id = 0;
    const lives = [1, 2, 2, 3, 5, 6, 6, 6];
    for (let start = 0; start < 4; start++)
      for (const life of lives) {
        id++;
        for (let k = 0; k < Math.min(life, 6 - start); k++) {
          customer.push(id);
          time.push(Date.UTC(2024, start + k, 10));
        }
      }
    const options = { period: 'month' } as const;
    const m = retentionMatrix({ customer, time }, options);
    const p = projectRetentionMatrix(m, { horizon: 8 });
    expect(projectRetentionMatrix(finishCohortState(cohortState({ customer, time }, options)), { horizon: 8 })).toEqual(
      p,
    );
    for (const [i, row] of p.cohorts.entries()) {
      const complete = m.cohorts[i]?.complete.filter(Boolean).length ?? 0;
      expect(row.observed.filter((x) => x !== null)).toHaveLength(complete);
      for (let j = complete; j < 8; j++) {
        expect(row.projected[j]).toBeGreaterThanOrEqual(0);
        expect(row.projected[j]).toBeLessThanOrEqual(j === complete ? 1 : (row.projected[j - 1] as number));
      }
    }
  });

  describe('edge cases', () => {
    it('returns no fit for an empty matrix and no own fit for a cohort of one column', () => {
      expect(projectRetentionMatrix({ mode: 'on', cohorts: [] })).toMatchObject({ pooled: null, cohorts: [] });
      const p = projectRetentionMatrix(
        { mode: 'on', cohorts: [cohort('x', highEnd, 8), { label: 'new', size: 10, counts: [10], complete: [false] }] },
        { horizon: 3 },
      );
      expect(p.cohorts[1]?.fit).toBeNull();
      expect(p.cohorts[1]?.observed).toEqual([1, null, null]);
      expectClose(p.cohorts[1]?.projected[1] as number, p.pooled?.survival[1] as number, { rel: 1e-12 });
      expect(
        projectRetentionMatrix(
          { mode: 'on', cohorts: [{ label: 'new', size: 10, counts: [10], complete: [false] }] },
          { projectWith: 'cohort' },
        ).cohorts[0]?.derl,
      ).toBeNull();
    });

    it('gives NaN bounds when nobody churned (no covariance)', () => {
      const p = projectRetentionMatrix(
        { mode: 'on', cohorts: [{ label: 'x', size: 5, counts: [5, 5, 5], complete: [true, true, true] }] },
        { horizon: 4 },
      );
      expect(p.cohorts[0]?.projected[3]).toBeGreaterThan(0.99);
      expect(p.cohorts[0]?.lower[3]).toBeNaN();
    });
  });

  describe('errors', () => {
    const ok = cohort('x', highEnd, 4);
    it('rejects brackets and counts that are not survivor counts', () => {
      const cases: [unknown, string][] = [
        [{ mode: 'brackets', cohorts: [ok] }, 'matrix.mode'],
        [{ mode: 'on', cohorts: [{ ...ok, counts: [1000, 869, 900, 653] }] }, 'matrix.cohorts[0].counts[2]'],
        [{ mode: 'on', cohorts: [{ ...ok, counts: [999, 869, 743, 653] }] }, 'matrix.cohorts[0].counts[0]'],
        [{ mode: 'on', cohorts: [{ ...ok, complete: [true, false, true, false] }] }, 'matrix.cohorts[0].complete[2]'],
        [{ mode: 'on', cohorts: [{ ...ok, complete: [true] }] }, 'matrix.cohorts[0].complete'],
      ];
      for (const [matrix, argument] of cases) {
        const error = thrown(() => projectRetentionMatrix(matrix as never));
        expect(error).toBeInstanceOf(RangeError);
        expect(error).toMatchObject({ function: 'projectRetentionMatrix', argument });
      }
      expect(
        thrown(() => projectRetentionMatrix({ mode: 'on', cohorts: [ok] }, { projectWith: 'each' } as never)),
      ).toBeInstanceOf(RangeError);
      expect(
        thrown(() =>
          projectRetentionMatrix({ mode: 'on', cohorts: [{ ...ok, counts: ['1000'], complete: [true] }] } as never),
        ),
      ).toBeInstanceOf(TypeError);
    });
  });
});
