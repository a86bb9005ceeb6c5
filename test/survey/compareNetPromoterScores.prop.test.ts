import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNetPromoterScores, netPromoterScoreFromCounts } from '../../src/index.ts';
import { expectClose } from '../helpers/expectClose.ts';
import { nonEmptyNpsCounts, npsCounts } from './arbitraries.ts';

describe('compareNetPromoterScores properties', () => {
  it('is antisymmetric in swapping a and b, with the same standard error and p-value', () => {
    fc.assert(
      fc.property(nonEmptyNpsCounts(), nonEmptyNpsCounts(), (a, b) => {
        const ab = compareNetPromoterScores(a, b);
        const ba = compareNetPromoterScores(b, a);
        expect(ba.difference).toBe(-ab.difference);
        expect(ba.z).toBe(-ab.z);
        expect(ba.standardError).toBe(ab.standardError);
        expect(ba.pValue).toBe(ab.pValue);
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with the two netPromoterScoreFromCounts results, with z·SE = difference and p in [0, 1]', () => {
    fc.assert(
      fc.property(nonEmptyNpsCounts(), nonEmptyNpsCounts(), (a, b) => {
        const r = compareNetPromoterScores(a, b, { interval: 'wald' });
        const na = netPromoterScoreFromCounts(a);
        const nb = netPromoterScoreFromCounts(b);
        expectClose(r.difference, na.score - nb.score, { abs: 1e-12 });
        expectClose(r.standardError, Math.hypot(na.standardError, nb.standardError), { rel: 1e-12, abs: 1e-15 });
        if (r.standardError > 0) expectClose(r.z * r.standardError, r.difference, { rel: 1e-12, abs: 1e-12 });
        expect(r.pValue).toBeGreaterThanOrEqual(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
        // adjusted Wald: SE′ > 0 always, the interval contains the adjusted difference and has real width
        const adj = compareNetPromoterScores(a, b);
        const [lo, hi] = adj.confidenceInterval;
        expect(adj.standardError).toBeGreaterThan(0);
        expect(hi).toBeGreaterThan(lo);
        const centre = adj.z * adj.standardError;
        expect(lo).toBeLessThanOrEqual(centre + 1e-9);
        expect(hi).toBeGreaterThanOrEqual(centre - 1e-9);
        expect(adj.pValue).toBeGreaterThanOrEqual(0);
        expect(adj.pValue).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('gives a smaller Wald p-value for the same shares with more answers', () => {
    fc.assert(
      fc.property(nonEmptyNpsCounts(200), nonEmptyNpsCounts(200), fc.integer({ min: 2, max: 50 }), (a, b, k) => {
        const times = (c: typeof a) => ({
          promoters: c.promoters * k,
          passives: c.passives * k,
          detractors: c.detractors * k,
        });
        const small = compareNetPromoterScores(a, b, { interval: 'wald' });
        const large = compareNetPromoterScores(times(a), times(b), { interval: 'wald' });
        expect(large.pValue).toBeLessThanOrEqual(small.pValue + 1e-12);
      }),
      { numRuns: 150 },
    );
  });

  it('returns NaN when either sample is empty', () => {
    const empty = { promoters: 0, passives: 0, detractors: 0 };
    fc.assert(
      fc.property(npsCounts(), (c) => {
        expect(compareNetPromoterScores(empty, c).pValue).toBeNaN();
        expect(compareNetPromoterScores(c, empty).difference).toBeNaN();
      }),
      { numRuns: 50 },
    );
  });

  it('throws a RangeError naming the side and field for an invalid count', () => {
    const bad = fc.oneof(fc.integer({ max: -1 }), fc.double({ noInteger: true, noNaN: true }));
    fc.assert(
      fc.property(
        npsCounts(),
        bad,
        fc.constantFrom('a', 'b'),
        fc.constantFrom('promoters', 'passives', 'detractors'),
        (c, value, side, key) => {
          const broken = { ...c, [key]: value };
          const call = () => (side === 'a' ? compareNetPromoterScores(broken, c) : compareNetPromoterScores(c, broken));
          expect(call).toThrow(RangeError);
          expect(call).toThrow(new RegExp(`^compareNetPromoterScores: ${side}\\.${key} \\(`));
        },
      ),
      { numRuns: 150 },
    );
  });
});
