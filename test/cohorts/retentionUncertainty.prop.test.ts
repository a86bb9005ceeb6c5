import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRetention, retentionMatrix, retentionTrend } from '../../src/index.ts';

const D = 86_400_000;

const log = fc
  .array(fc.record({ customer: fc.integer({ min: 0, max: 30 }), day: fc.integer({ min: 0, max: 40 }) }), {
    minLength: 1,
    maxLength: 120,
  })
  .map((events) => ({ customer: events.map((e) => e.customer), time: events.map((e) => e.day * D) }));

const level = fc.double({ min: 0.5, max: 0.999, noNaN: true });

describe('Wilson intervals of retentionMatrix', () => {
  it('contain the rate, lie in [0, 1], widen with the level, and agree with the average row', () => {
    fc.assert(
      fc.property(log, level, level, fc.constantFrom('day', 'week'), (events, l1, l2, period) => {
        const [lo, hi] = l1 <= l2 ? [l1, l2] : [l2, l1];
        const a = retentionMatrix(events, { period, confidenceLevel: lo });
        const b = retentionMatrix(events, { period, confidenceLevel: hi });
        // same counts as without the option
        const plain = retentionMatrix(events, { period });
        expect(a.cohorts.map((c) => c.counts)).toEqual(plain.cohorts.map((c) => c.counts));
        a.cohorts.forEach((c, i) => {
          const w = b.cohorts[i] as (typeof b.cohorts)[number];
          c.rates.forEach((r, k) => {
            const l = c.lower?.[k] as number;
            const u = c.upper?.[k] as number;
            expect(0 <= l && l <= r && r <= u && u <= 1).toBe(true);
            expect(w.lower?.[k] as number).toBeLessThanOrEqual(l + 1e-12);
            expect(w.upper?.[k] as number).toBeGreaterThanOrEqual(u - 1e-12);
          });
        });
        a.average.forEach((avg, k) => {
          if (avg === null) {
            expect(a.averageLower?.[k]).toBeNull();
            return;
          }
          const l = a.averageLower?.[k] as number;
          const u = a.averageUpper?.[k] as number;
          expect(l).toBeLessThanOrEqual(avg + 1e-12);
          expect(u).toBeGreaterThanOrEqual(avg - 1e-12);
        });
      }),
      { numRuns: 150 },
    );
  });
});

const cohortRow = fc
  .record({
    size: fc.integer({ min: 0, max: 500 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    done: fc.boolean(),
  })
  .map(({ size, share, done }) => ({ size, counts: [size, Math.round(share * size)], complete: [true, done] }));

describe('compareRetention and retentionTrend', () => {
  it('swapping the sides negates the difference and keeps the p-value', () => {
    fc.assert(
      fc.property(cohortRow, cohortRow, (x, y) => {
        const m = {
          cohorts: [
            { label: 'x', ...x },
            { label: 'y', ...y },
          ],
        };
        const ab = compareRetention(m, { cohort: 'x', column: 1 }, { cohort: 'y', column: 1 });
        const ba = compareRetention(m, { cohort: 'y', column: 1 }, { cohort: 'x', column: 1 });
        if (Number.isNaN(ab.pValue)) expect(ba.pValue).toBeNaN();
        else {
          expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
          expect(ba.difference).toBeCloseTo(-ab.difference, 12);
          expect(ab.pValue >= 0 && ab.pValue <= 1).toBe(true);
        }
      }),
    );
  });
  it('the trend does not depend on where x starts, and reverses with the order of the cohorts', () => {
    fc.assert(
      fc.property(fc.array(cohortRow, { minLength: 2, maxLength: 8 }), (rows) => {
        const cohorts = rows.map((r, i) => ({ label: `c${i}`, ...r }));
        const t = retentionTrend({ cohorts }, 1);
        const rev = retentionTrend({ cohorts: [...cohorts].reverse() }, 1);
        if (Number.isNaN(t.slope)) {
          expect(rev.slope).toBeNaN();
          return;
        }
        expect(rev.slope).toBeCloseTo(-t.slope, 10);
        expect(rev.pValue).toBeCloseTo(t.pValue, 10);
        expect(t.slopeInterval[0]).toBeLessThanOrEqual(t.slope);
        for (const p of t.points) expect(p.fittedLower <= p.fittedUpper).toBe(true);
      }),
    );
  });
});
