import { describe, expect, it } from 'vitest';
import { netPromoterScore, netPromoterScoreFromCounts } from '../../src/index.ts';
import { deepFreeze, expectClose, expectThrows, thrownKind } from '../helpers/expectClose.ts';

// Φ⁻¹(0.975) (Python 3 statistics.NormalDist().inv_cdf).
const Z95 = 1.959963984540054;

describe('netPromoterScoreFromCounts', () => {
  it('reproduces the worked example of the data README ("Simple metrics", NPS line)', () => {
    // 5 promoters, 3 passives, 2 detractors → NPS 30, SE ≈ 24.70, 95 % MoE ≈ 48.41.
    const nps = netPromoterScoreFromCounts({ promoters: 5, passives: 3, detractors: 2 }, { interval: 'wald' });
    expect(nps.score).toBe(30);
    expect(nps.n).toBe(10);
    expectClose(nps.standardError, 24.7, { abs: 0.005 });
    expectClose(nps.marginOfError, 48.41, { abs: 0.005 });
    expectClose(nps.confidenceInterval[0], 30 - Z95 * 100 * Math.sqrt(0.061), { rel: 1e-8 });
    expectClose(nps.confidenceInterval[1], 30 + Z95 * 100 * Math.sqrt(0.061), { rel: 1e-8 });
  });

  it('equals netPromoterScore on the answers the counts summarise', () => {
    expect(netPromoterScoreFromCounts({ promoters: 2, passives: 1, detractors: 3 }, { confidenceLevel: 0.8 })).toEqual(
      netPromoterScore([10, 9, 8, 6, 0, 3], { confidenceLevel: 0.8 }),
    );
  });

  it('accepts a previous result (it carries the counts)', () => {
    const first = netPromoterScoreFromCounts({ promoters: 40, passives: 35, detractors: 25 });
    expect(netPromoterScoreFromCounts(first)).toEqual(first);
  });

  it('does not mutate its input', () => {
    const counts = deepFreeze({ promoters: 4, passives: 1, detractors: 2 });
    expect(netPromoterScoreFromCounts(counts, deepFreeze({ confidenceLevel: 0.9 })).score).toBeCloseTo(200 / 7, 12);
  });

  describe('edge cases', () => {
    it('returns NaN score, shares and interval when every count is 0', () => {
      const nps = netPromoterScoreFromCounts({ promoters: 0, passives: 0, detractors: 0 });
      expect(nps.n).toBe(0);
      expect(nps.score).toBeNaN();
      expect(nps.standardError).toBeNaN();
      expect(nps.confidenceInterval[0]).toBeNaN();
      expect(nps.confidenceInterval[1]).toBeNaN();
    });

    it('handles a single respondent and unanimous samples', () => {
      expect(
        netPromoterScoreFromCounts({ promoters: 0, passives: 0, detractors: 1 }, { interval: 'wald' }),
      ).toMatchObject({
        score: -100,
        standardError: 0,
      });
      expect(
        netPromoterScoreFromCounts({ promoters: 0, passives: 7, detractors: 0 }, { interval: 'wald' }),
      ).toMatchObject({
        score: 0,
        standardError: 0,
        confidenceInterval: [0, 0],
      });
    });

    it('handles huge counts', () => {
      // p = d = 0.5: variance 1, SE = 100/√n.
      const nps = netPromoterScoreFromCounts({ promoters: 4e15, passives: 0, detractors: 4e15 });
      expect(nps.score).toBe(0);
      expectClose(nps.standardError, 100 / Math.sqrt(8e15), { rel: 1e-12 });
    });
  });

  describe('error policy', () => {
    it('throws a TypeError when counts is not an object or a count is not a number', () => {
      expectThrows(
        () => netPromoterScoreFromCounts(null as never),
        TypeError,
        'netPromoterScoreFromCounts',
        'counts must be an object, got null',
      );
      expectThrows(
        () => netPromoterScoreFromCounts([5, 3, 2] as never),
        TypeError,
        'netPromoterScoreFromCounts',
        'counts must be an object, got an array of length 3',
      );
      expectThrows(
        () => netPromoterScoreFromCounts({ promoters: '5', passives: 3, detractors: 2 } as never),
        TypeError,
        'netPromoterScoreFromCounts',
        'promoters must be a number, got "5"',
      );
      expectThrows(
        () => netPromoterScoreFromCounts({ promoters: 5, passives: 3 } as never),
        TypeError,
        'netPromoterScoreFromCounts',
        'detractors must be a number, got undefined',
      );
    });

    it('throws a RangeError for negative, fractional or non-finite counts', () => {
      expect(thrownKind(() => netPromoterScoreFromCounts({ promoters: -1, passives: 3, detractors: 2 }))).toStrictEqual(
        new RangeError('netPromoterScoreFromCounts: promoters (-1) must be a non-negative integer'),
      );
      expect(
        thrownKind(() => netPromoterScoreFromCounts({ promoters: 1, passives: 2.5, detractors: 2 })),
      ).toStrictEqual(new RangeError('netPromoterScoreFromCounts: passives (2.5) must be a non-negative integer'));
      expect(
        thrownKind(() => netPromoterScoreFromCounts({ promoters: 1, passives: 2, detractors: Number.NaN })),
      ).toStrictEqual(new RangeError('netPromoterScoreFromCounts: detractors (NaN) must be a finite number'));
    });

    it('throws a RangeError when the total is not a safe integer', () => {
      expect(
        thrownKind(() => netPromoterScoreFromCounts({ promoters: 2 ** 53, passives: 0, detractors: 1 })),
      ).toStrictEqual(
        new RangeError(
          'netPromoterScoreFromCounts: promoters + passives + detractors (9007199254740992) must not exceed 9007199254740991',
        ),
      );
      expect(() => netPromoterScoreFromCounts({ promoters: 1e308, passives: 1e308, detractors: 0 })).toThrow(
        RangeError,
      );
    });

    it('throws for an invalid confidence level', () => {
      expect(
        thrownKind(() =>
          netPromoterScoreFromCounts({ promoters: 1, passives: 0, detractors: 0 }, { confidenceLevel: 0 }),
        ),
      ).toStrictEqual(
        new RangeError('netPromoterScoreFromCounts: confidenceLevel (0) must be strictly between 0 and 1'),
      );
    });
  });
});
