import { describe, expect, it } from 'vitest';
import { compareNetPromoterScores, netPromoterScore, netPromoterScoreFromCounts } from '../../src/index.ts';
import { deepFreeze, expectClose, expectThrows, thrownKind } from '../helpers/expectClose.ts';

// z for 95 % and 90 %, two-sided: Φ⁻¹(0.975), Φ⁻¹(0.95) (Python 3 statistics.NormalDist().inv_cdf).
const Z95 = 1.959963984540054;
const Z90 = 1.6448536269514715;

describe('netPromoterScore', () => {
  it('reproduces the worked example of the data README ("Simple metrics", NPS line)', () => {
    // 5 promoters, 3 passives, 2 detractors of 10 → NPS 30; variance 0.61; SE ≈ 24.70; 95 % MoE ≈ 48.41 (Wald).
    const nps = netPromoterScore([10, 9, 9, 10, 9, 8, 7, 7, 3, 6], { interval: 'wald' });
    expect(nps.score).toBe(30);
    expect(nps.n).toBe(10);
    expect([nps.promoters, nps.passives, nps.detractors]).toEqual([5, 3, 2]);
    expectClose(nps.standardError, 24.7, { abs: 0.005 });
    expectClose(nps.marginOfError, 48.41, { abs: 0.005 });
    // The same values by hand, to more digits: SE = 100·√(0.61/10), MoE = z·SE.
    expectClose(nps.standardError, 100 * Math.sqrt(0.061), { rel: 1e-12 });
    expectClose(nps.marginOfError, Z95 * 100 * Math.sqrt(0.061), { rel: 1e-8 });
    expectClose(nps.confidenceInterval[0], 30 - Z95 * 100 * Math.sqrt(0.061), { rel: 1e-8 });
    expectClose(nps.confidenceInterval[1], 30 + Z95 * 100 * Math.sqrt(0.061), { rel: 1e-8 });
    expect(nps.confidenceLevel).toBe(0.95);
  });

  it('gives the adjusted-Wald interval of Rocks (2016) by default', () => {
    // Sauro & Lewis's description of Rocks's method: n′ = n + 3, p′ = (P + ¾)/n′, d′ = (D + ¾)/n′,
    // CI = 100·[(p′ − d′) ± z·√((p′ + d′ − (p′ − d′)²)/n′)]. By hand for 5/3/2: n′ = 13, p′ = 5.75/13,
    // d′ = 2.75/13, NPS′ = 300/13 = 23.0769, SE′ = 100·√((8.5/13 − (3/13)²)/13) = 21.4940.
    const nps = netPromoterScore([10, 9, 9, 10, 9, 8, 7, 7, 3, 6]);
    expect(nps.interval).toBe('adjustedWald');
    const seAdj = 100 * Math.sqrt((8.5 / 13 - (3 / 13) ** 2) / 13);
    expectClose(seAdj, 21.494037, { abs: 1e-6 });
    expectClose(nps.marginOfError, Z95 * seAdj, { rel: 1e-12 });
    expectClose(nps.confidenceInterval[0], 300 / 13 - Z95 * seAdj, { rel: 1e-12 });
    expectClose(nps.confidenceInterval[1], 300 / 13 + Z95 * seAdj, { rel: 1e-12 });
    // the score and its standard error are the plain ones
    expect(nps.score).toBe(30);
    expectClose(nps.standardError, 100 * Math.sqrt(0.061), { rel: 1e-12 });
  });

  it("agrees with Rocks's own implementation: the NPS R package's test expectations and its nps_test_ steps", () => {
    // Brendan Rocks, R package NPS (the author of Rocks 2016), tests/testthat: nps_se_(c(1, 2, 3)) = 0.304,
    // nps_se_(c(1, 0, 1)) = 0.707, nps_se_(c(0, 1, 1)) = 0.354, nps_se_(c(1, 1, 1)) = 0.471 (tolerance 0.001;
    // counts are detractors, passives, promoters; the package reports NPS on [−1, 1], so × 100 here).
    const cases: Array<[number[], number]> = [
      [[0, 7, 7, 9, 9, 9], 30.4],
      [[1, 9], 70.7],
      [[7, 9], 35.4],
      [[0, 7, 9], 47.1],
    ];
    for (const [scores, se] of cases) expectClose(netPromoterScore(scores).standardError, se, { abs: 0.1 });
    // Its adjusted-Wald test (nps_test_, test = 'adjusted.wald') adds pseudo-observations c(0.75, 1.5, 0.75) to
    // (detractors, passives, promoters) and builds nps ± qnorm(0.975)·√(var/n) from the adjusted counts, with
    // var = p + d − (p − d)². Its steps for the six answers above (1/2/3 → 1.75/3.5/3.75, n 9):
    const [d, q, p] = [1.75, 3.5, 3.75];
    const n = d + q + p;
    const centre = (p - d) / n;
    const variance = p / n + d / n - centre ** 2;
    const half = Z95 * Math.sqrt(variance / n);
    const nps = netPromoterScore([0, 7, 7, 9, 9, 9]);
    expectClose(nps.confidenceInterval[0], 100 * (centre - half), { rel: 1e-12 });
    expectClose(nps.confidenceInterval[1], 100 * (centre + half), { rel: 1e-12 });
  });

  it('gives unanimous and tiny samples an interval of real width (issue 16 item 11)', () => {
    // [10, 10]: n′ = 5, p′ = 0.55, d′ = 0.15: NPS′ = 40, SE′ = 100·√(0.54/5) = 32.863; upper end clipped
    const two = netPromoterScore([10, 10]);
    expectClose(two.confidenceInterval[0], 40 - Z95 * 100 * Math.sqrt(0.108), { rel: 1e-12 });
    expect(two.confidenceInterval[1]).toBe(100);
    expectClose(two.confidenceInterval[0], -24.411, { abs: 5e-4 });
    // [0]: n′ = 4, p′ = 0.1875, d′ = 0.4375: NPS′ = −25, SE′ = 100·√((0.625 − 0.0625)/4) = 37.5; the lower end
    // −25 − 73.5 = −98.5 would leave out the observed −100, so the interval is widened to reach it
    const one = netPromoterScore([0]);
    expect(one.confidenceInterval[0]).toBe(-100);
    expectClose(one.confidenceInterval[1], -25 + Z95 * 37.5, { rel: 1e-12 });
    expect(one.standardError).toBe(0);
  });

  it('widens the adjusted-Wald interval to contain the observed score (issue 16: intervals contain estimates)', () => {
    // 100 promoters of 100 at 80 %: NPS′ = 10000/103 = 97.087, p′ = 100.75/103, d′ = 0.75/103,
    // SE′ = 100·√((p′ + d′ − (p′ − d′)²)/103); z = 1.2815516: the published interval stops below 100
    const p = 100.75 / 103;
    const d = 0.75 / 103;
    const half = 1.2815515655446008 * 100 * Math.sqrt((p + d - (p - d) ** 2) / 103);
    expect(10000 / 103 + half).toBeLessThan(100);
    const all = netPromoterScoreFromCounts({ promoters: 100, passives: 0, detractors: 0 }, { confidenceLevel: 0.8 });
    expectClose(all.confidenceInterval[0], 10000 / 103 - half, { rel: 1e-12 });
    expect(all.confidenceInterval[1]).toBe(100);
    // where the published interval contains the score, nothing changes
    const mixed = netPromoterScoreFromCounts({ promoters: 50, passives: 30, detractors: 20 }, { confidenceLevel: 0.8 });
    expect(mixed.confidenceInterval[1]).toBeLessThan(100);
    // compareNetPromoterScores: 100 promoters against 100 detractors (difference 200) at 80 %
    const both = compareNetPromoterScores(
      { promoters: 100, passives: 0, detractors: 0 },
      { promoters: 0, passives: 0, detractors: 100 },
      { confidenceLevel: 0.8 },
    );
    expect(both.difference).toBe(200);
    expect(both.confidenceInterval[1]).toBe(200);
    expect(both.confidenceInterval[0]).toBeLessThan(200);
  });

  it('returns the shares of promoters, passives and detractors', () => {
    const nps = netPromoterScore([10, 9, 9, 10, 9, 8, 7, 7, 3, 6]);
    expect(nps.promoterShare).toBe(0.5);
    expect(nps.passiveShare).toBe(0.3);
    expect(nps.detractorShare).toBe(0.2);
  });

  it('classifies 0–6 as detractors, 7–8 as passives and 9–10 as promoters', () => {
    const nps = netPromoterScore([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([nps.detractors, nps.passives, nps.promoters]).toEqual([7, 2, 2]);
  });

  it('uses the confidence level option', () => {
    const nps = netPromoterScore([10, 9, 9, 10, 9, 8, 7, 7, 3, 6], { confidenceLevel: 0.9, interval: 'wald' });
    expectClose(nps.marginOfError, Z90 * 100 * Math.sqrt(0.061), { rel: 1e-8 }); // ≈ 40.62
    expect(nps.confidenceLevel).toBe(0.9);
  });

  it('accepts typed arrays', () => {
    expect(netPromoterScore(new Uint8Array([10, 9, 0])).score).toBeCloseTo(100 / 3, 12);
  });

  it('computes the score from integer counts, so it is exact', () => {
    // 1 promoter and 4 detractors of 5: 100·(1 − 4)/5 = −60 exactly (100·(0.2 − 0.8) would be −60.00000000000001).
    expect(netPromoterScore([9, 0, 0, 0, 0]).score).toBe(-60);
  });

  it('does not mutate its input', () => {
    const scores = deepFreeze([10, 9, 8, 3]);
    expect(() => netPromoterScore(scores, deepFreeze({ confidenceLevel: 0.9 }))).not.toThrow();
    expect(scores).toEqual([10, 9, 8, 3]);
  });

  describe('edge cases', () => {
    it('returns NaN score, shares, standard error and interval with no answers', () => {
      const nps = netPromoterScore([]);
      expect(nps.n).toBe(0);
      expect([nps.promoters, nps.passives, nps.detractors]).toEqual([0, 0, 0]);
      for (const x of [
        nps.score,
        nps.promoterShare,
        nps.passiveShare,
        nps.detractorShare,
        nps.standardError,
        nps.marginOfError,
      ])
        expect(x).toBeNaN();
      expect(nps.confidenceInterval[0]).toBeNaN();
      expect(nps.confidenceInterval[1]).toBeNaN();
    });

    it('handles one answer (Wald: zero width; adjusted Wald: see the small-n tests)', () => {
      expect(netPromoterScore([10], { interval: 'wald' })).toMatchObject({
        score: 100,
        n: 1,
        standardError: 0,
        marginOfError: 0,
        confidenceInterval: [100, 100],
      });
      expect(netPromoterScore([0], { interval: 'wald' })).toMatchObject({
        score: -100,
        standardError: 0,
        confidenceInterval: [-100, -100],
      });
      expect(netPromoterScore([7], { interval: 'wald' })).toMatchObject({
        score: 0,
        standardError: 0,
        confidenceInterval: [0, 0],
      });
    });

    it('has zero standard error when every answer is a tie', () => {
      const nps = netPromoterScore([9, 9, 9, 10, 10], { interval: 'wald' });
      expect(nps.score).toBe(100);
      expect(nps.standardError).toBe(0);
      expect(nps.confidenceInterval).toEqual([100, 100]);
    });

    it('clips the interval to [−100, 100]', () => {
      // One promoter, one detractor: SE = 100·√(1/2) ≈ 70.71, MoE ≈ 138.6 → clipped on both sides.
      const nps = netPromoterScore([10, 0], { interval: 'wald' });
      expect(nps.score).toBe(0);
      expectClose(nps.standardError, 100 * Math.SQRT1_2, { rel: 1e-12 });
      expect(nps.confidenceInterval).toEqual([-100, 100]);
    });

    it('does not depend on the order of the answers (unsorted, duplicates)', () => {
      expect(netPromoterScore([3, 10, 8, 10, 3, 9])).toEqual(netPromoterScore([10, 10, 9, 8, 3, 3]));
    });

    it('handles many answers', () => {
      const scores = new Uint8Array(1_000_000).fill(9);
      scores.fill(0, 0, 250_000);
      const nps = netPromoterScore(scores);
      expect(nps.score).toBe(50);
      // p = 0.75, d = 0.25: variance 1 − 0.25 = 0.75.
      expectClose(nps.standardError, 100 * Math.sqrt(0.75 / 1e6), { rel: 1e-12 });
    });
  });

  describe('error policy', () => {
    it('throws a TypeError when scores is not an array', () => {
      expectThrows(
        () => netPromoterScore('9' as never),
        TypeError,
        'netPromoterScore',
        'scores must be an array, got "9"',
      );
      expectThrows(
        () => netPromoterScore(null as never),
        TypeError,
        'netPromoterScore',
        'scores must be an array, got null',
      );
    });

    it('throws a TypeError for an answer that is not a number', () => {
      expectThrows(
        () => netPromoterScore([9, '10'] as never),
        TypeError,
        'netPromoterScore',
        'scores[1] must be a number, got "10"',
      );
      expectThrows(
        () => netPromoterScore([null] as never),
        TypeError,
        'netPromoterScore',
        'scores[0] must be a number, got null',
      );
    });

    it('throws a RangeError for an answer outside 0–10 or not an integer', () => {
      expect(thrownKind(() => netPromoterScore([11]))).toStrictEqual(
        new RangeError('netPromoterScore: scores[0] (11) must be an integer from 0 to 10'),
      );
      expect(thrownKind(() => netPromoterScore([5, -1]))).toStrictEqual(
        new RangeError('netPromoterScore: scores[1] (-1) must be an integer from 0 to 10'),
      );
      expect(thrownKind(() => netPromoterScore([9.5]))).toStrictEqual(
        new RangeError('netPromoterScore: scores[0] (9.5) must be an integer from 0 to 10'),
      );
      expect(thrownKind(() => netPromoterScore([Number.NaN]))).toStrictEqual(
        new RangeError('netPromoterScore: scores[0] (NaN) must be an integer from 0 to 10'),
      );
      expect(thrownKind(() => netPromoterScore([Infinity]))).toStrictEqual(
        new RangeError('netPromoterScore: scores[0] (Infinity) must be an integer from 0 to 10'),
      );
    });

    it('throws for an invalid confidence level or options', () => {
      expect(thrownKind(() => netPromoterScore([9], { confidenceLevel: 1 }))).toStrictEqual(
        new RangeError('netPromoterScore: confidenceLevel (1) must be strictly between 0 and 1'),
      );
      expect(() => netPromoterScore([9], { confidenceLevel: 95 })).toThrow(RangeError);
      expectThrows(
        () => netPromoterScore([9], { confidenceLevel: '0.9' as never }),
        TypeError,
        'netPromoterScore',
        'confidenceLevel must be a number, got "0.9"',
      );
      expectThrows(
        () => netPromoterScore([9], 0.9 as never),
        TypeError,
        'netPromoterScore',
        'options must be an object, got 0.9',
      );
    });
  });
});
