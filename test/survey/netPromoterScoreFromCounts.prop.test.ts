import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { netPromoterScore, netPromoterScoreFromCounts } from '../../src/index.ts';
import { expectClose } from '../helpers/expectClose.ts';
import { confidenceLevel, nonEmptyNpsCounts, npsCounts } from './arbitraries.ts';

describe('netPromoterScoreFromCounts properties', () => {
  it('equals netPromoterScore on answers with those counts (10, 8 and 0 standing for each group)', () => {
    fc.assert(
      fc.property(npsCounts(60), confidenceLevel, (counts, level) => {
        const scores = [
          ...Array(counts.promoters).fill(10),
          ...Array(counts.passives).fill(8),
          ...Array(counts.detractors).fill(0),
        ];
        expect(netPromoterScoreFromCounts(counts, { confidenceLevel: level })).toEqual(
          netPromoterScore(scores, { confidenceLevel: level }),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('computes SE = 100·√((p + d − (p − d)²)/n) and an interval containing the score', () => {
    fc.assert(
      fc.property(nonEmptyNpsCounts(), (counts) => {
        const nps = netPromoterScoreFromCounts(counts);
        const n = counts.promoters + counts.passives + counts.detractors;
        const p = counts.promoters / n;
        const d = counts.detractors / n;
        expectClose(nps.standardError, 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n), {
          rel: 1e-12,
          abs: 1e-12,
        });
        expect(nps.confidenceInterval[0]).toBeLessThanOrEqual(nps.score);
        expect(nps.confidenceInterval[1]).toBeGreaterThanOrEqual(nps.score);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the score and divides the standard error by √k when every count is multiplied by k', () => {
    fc.assert(
      fc.property(nonEmptyNpsCounts(1000), fc.integer({ min: 2, max: 1000 }), (c, k) => {
        const base = netPromoterScoreFromCounts(c);
        const scaled = netPromoterScoreFromCounts({
          promoters: c.promoters * k,
          passives: c.passives * k,
          detractors: c.detractors * k,
        });
        expectClose(scaled.score, base.score, { rel: 1e-12, abs: 1e-12 });
        expectClose(scaled.standardError, base.standardError / Math.sqrt(k), { rel: 1e-9, abs: 1e-12 });
      }),
      { numRuns: 150 },
    );
  });

  it('throws a RangeError for negative or fractional counts', () => {
    const bad = fc.oneof(fc.integer({ max: -1 }), fc.double({ noInteger: true, noNaN: true }));
    fc.assert(
      fc.property(npsCounts(), bad, fc.constantFrom('promoters', 'passives', 'detractors'), (counts, value, key) => {
        expect(() => netPromoterScoreFromCounts({ ...counts, [key]: value })).toThrow(RangeError);
        expect(() => netPromoterScoreFromCounts({ ...counts, [key]: value })).toThrow(
          new RegExp(`^netPromoterScoreFromCounts: ${key} \\(`),
        );
      }),
      { numRuns: 150 },
    );
  });
});
