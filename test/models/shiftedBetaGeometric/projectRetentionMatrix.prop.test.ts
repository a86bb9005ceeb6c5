import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectRetentionMatrix } from '../../../src/index.ts';
import { sbgGroupedLogLikelihood, sbgLogLikelihood } from '../../../src/internal/models/sbgKernel.ts';
import { expectClose } from '../../helpers/expectClose.ts';

// Survivor counts of a cohort: a size, then each column keeps a random share of the column before; the last
// columns may be incomplete (their counts only what was seen so far: no more than the column before).
const cohortRow = fc
  .record({
    size: fc.integer({ min: 1, max: 2000 }),
    keeps: fc.array(fc.double({ min: 0.3, max: 1, noNaN: true }), { maxLength: 10 }),
    incomplete: fc.integer({ min: 0, max: 2 }),
  })
  .map(({ size, keeps, incomplete }) => {
    const counts = [size];
    for (const k of keeps) counts.push(Math.floor((counts[counts.length - 1] as number) * k));
    const complete = counts.map((_, i) => i < counts.length - incomplete || i === 0);
    return { label: 'c', size, counts, complete };
  });

describe('projectRetentionMatrix', () => {
  it('projects rates in [0, 1] that never rise, bounded by the last known count, with ordered intervals', () => {
    fc.assert(
      fc.property(
        fc.array(cohortRow, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('pooled' as const, 'cohort' as const),
        (cohorts, projectWith) => {
          const p = projectRetentionMatrix({ mode: 'on', cohorts }, { horizon: 14, projectWith, draws: 60 });
          for (const [i, row] of p.cohorts.entries()) {
            const c = cohorts[i] as { size: number; counts: number[] };
            let previous = 1;
            for (let j = row.completeColumns; j < 14; j++) {
              const x = row.projected[j] as number;
              if (Number.isNaN(x)) continue;
              expect(x).toBeGreaterThanOrEqual(0);
              expect(x).toBeLessThanOrEqual(previous + 1e-12);
              // never above the survivors of the last complete column, never below what was seen in column j
              expect(x).toBeLessThanOrEqual((c.counts[row.completeColumns - 1] as number) / c.size + 1e-12);
              if (j < c.counts.length) expect(x).toBeGreaterThanOrEqual((c.counts[j] as number) / c.size - 1e-12);
              const lo = row.lower[j] as number;
              const hi = row.upper[j] as number;
              if (!Number.isNaN(lo)) expect(lo).toBeLessThanOrEqual(hi);
              previous = x;
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('has the grouped likelihood equal the survivor-count likelihood on complete data', () => {
    fc.assert(
      fc.property(
        cohortRow,
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (c, la, lb) => {
          const alive = c.counts;
          if (alive.length < 2) return;
          const churned = Float64Array.from(alive, (a, t) => (t === 0 ? 0 : (alive[t - 1] as number) - a));
          const censored = Float64Array.from(alive, (a, t) => (t === alive.length - 1 ? a : 0));
          const x = Float64Array.of(la, lb);
          const g1 = new Float64Array(2);
          const g2 = new Float64Array(2);
          // Two summation orders of the same terms (the survivor-count form sums compensated): equal to rounding.
          expectClose(
            sbgGroupedLogLikelihood(churned, censored)(x, g1),
            sbgLogLikelihood(Float64Array.from(alive))(x, g2),
            { rel: 1e-12, abs: 1e-12 },
          );
          for (let k = 0; k < 2; k++) expectClose(g1[k] as number, g2[k] as number, { rel: 1e-12, abs: 1e-12 });
        },
      ),
      { numRuns: 100 },
    );
  });
});
