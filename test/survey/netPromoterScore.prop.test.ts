import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { netPromoterScore, netPromoterScoreFromCounts } from '../../src/index.ts';
import { expectClose } from '../helpers/expectClose.ts';
import { confidenceLevel, npsScores, replicate } from './arbitraries.ts';

const nonEmpty = npsScores().filter((s) => s.length > 0);

describe('netPromoterScore properties', () => {
  it('agrees with netPromoterScoreFromCounts on the counts of the same answers', () => {
    fc.assert(
      fc.property(npsScores(), confidenceLevel, (scores, level) => {
        const counts = { promoters: 0, passives: 0, detractors: 0 };
        for (const s of scores) {
          if (s >= 9) counts.promoters++;
          else if (s >= 7) counts.passives++;
          else counts.detractors++;
        }
        expect(netPromoterScore(scores, { confidenceLevel: level })).toEqual(
          netPromoterScoreFromCounts(counts, { confidenceLevel: level }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the score in [−100, 100], equal to 100·(p − d), with shares summing to 1', () => {
    fc.assert(
      fc.property(nonEmpty, (scores) => {
        const nps = netPromoterScore(scores);
        expect(nps.score).toBeGreaterThanOrEqual(-100);
        expect(nps.score).toBeLessThanOrEqual(100);
        expectClose(nps.score, 100 * (nps.promoterShare - nps.detractorShare), { abs: 1e-12 });
        expectClose(nps.promoterShare + nps.passiveShare + nps.detractorShare, 1, { abs: 1e-15 });
        expect(nps.n).toBe(scores.length);
      }),
      { numRuns: 200 },
    );
  });

  it('has an interval inside [−100, 100] that contains the score, and a non-negative standard error', () => {
    fc.assert(
      fc.property(nonEmpty, confidenceLevel, (scores, level) => {
        const {
          score,
          standardError,
          confidenceInterval: [low, high],
        } = netPromoterScore(scores, { confidenceLevel: level, interval: 'wald' });
        expect(standardError).toBeGreaterThanOrEqual(0);
        expect(low).toBeGreaterThanOrEqual(-100);
        expect(high).toBeLessThanOrEqual(100);
        expect(low).toBeLessThanOrEqual(score);
        expect(high).toBeGreaterThanOrEqual(score);
        // adjusted Wald: inside [−100, 100], around NPS′ = 100·(P − D)/(n + 3), never of zero width
        const adjusted = netPromoterScore(scores, { confidenceLevel: level });
        const [lo, hi] = adjusted.confidenceInterval;
        const centre = (100 * (adjusted.promoters - adjusted.detractors)) / (scores.length + 3);
        expect(lo).toBeGreaterThanOrEqual(-100);
        expect(hi).toBeLessThanOrEqual(100);
        expect(lo).toBeLessThanOrEqual(centre);
        expect(hi).toBeGreaterThanOrEqual(centre);
        expect(hi).toBeGreaterThan(lo);
      }),
      { numRuns: 200 },
    );
  });

  it('narrows the interval as n grows at fixed shares (SE divided by √k)', () => {
    fc.assert(
      fc.property(nonEmpty, fc.integer({ min: 2, max: 6 }), (scores, k) => {
        const small = netPromoterScore(scores);
        const large = netPromoterScore(replicate(scores, k));
        expect(large.score).toBeCloseTo(small.score, 9);
        expectClose(large.standardError, small.standardError / Math.sqrt(k), { rel: 1e-9, abs: 1e-12 });
        const width = (r: typeof small) => r.confidenceInterval[1] - r.confidenceInterval[0];
        expect(width(large)).toBeLessThanOrEqual(width(small));
        if (small.standardError > 0 && width(small) < 200) expect(width(large)).toBeLessThan(width(small));
      }),
      { numRuns: 150 },
    );
  });

  it('widens the interval with the confidence level', () => {
    fc.assert(
      fc.property(nonEmpty, confidenceLevel, confidenceLevel, (scores, a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(netPromoterScore(scores, { confidenceLevel: hi }).marginOfError).toBeGreaterThanOrEqual(
          netPromoterScore(scores, { confidenceLevel: lo }).marginOfError,
        );
      }),
      { numRuns: 100 },
    );
  });

  it('does not depend on the order of the answers', () => {
    fc.assert(
      fc.property(npsScores(), (scores) => {
        expect(netPromoterScore([...scores].reverse())).toEqual(netPromoterScore(scores));
        expect(netPromoterScore([...scores].sort((x, y) => x - y))).toEqual(netPromoterScore(scores));
      }),
      { numRuns: 100 },
    );
  });

  it('throws a RangeError for any answer that is not an integer from 0 to 10', () => {
    const bad = fc.oneof(
      fc.integer({ min: 11 }),
      fc.integer({ max: -1 }),
      fc.double({ noInteger: true }),
      fc.constantFrom(Infinity, -Infinity),
    );
    fc.assert(
      fc.property(npsScores(20), bad, fc.nat(20), (scores, value, at) => {
        const withBad = [...scores];
        withBad.splice(Math.min(at, scores.length), 0, value);
        expect(() => netPromoterScore(withBad)).toThrow(RangeError);
        expect(() => netPromoterScore(withBad)).toThrow(
          /^netPromoterScore: scores\[\d+\] \(.+\) must be an integer from 0 to 10$/,
        );
      }),
      { numRuns: 150 },
    );
  });
});
