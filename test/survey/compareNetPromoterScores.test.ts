import { describe, expect, it } from 'vitest';
import { compareNetPromoterScores, netPromoterScore, netPromoterScoreFromCounts } from '../../src/index.ts';
import { deepFreeze, expectClose, expectThrows, thrownKind } from '../helpers/expectClose.ts';

// Expected values below are computed by hand from the SPEC §3 formulas; Φ from Python 3
// statistics.NormalDist (p = 2·(1 − Φ(|z|))).

describe('compareNetPromoterScores', () => {
  it('tests the data README example (NPS 30) against a second sample of 10 (NPS −10)', () => {
    // a: 5/3/2 → NPS 30, variance 0.61; b: 3/3/4 → NPS −10, variance 0.7 − 0.01 = 0.69.
    // SE = 100·√((0.61 + 0.69)/10) = √1300 ≈ 36.0555; z = 40/√1300 ≈ 1.10940; p ≈ 0.267257.
    const r = compareNetPromoterScores(
      { promoters: 5, passives: 3, detractors: 2 },
      { promoters: 3, passives: 3, detractors: 4 },
    );
    expect(r.difference).toBe(40);
    expectClose(r.standardError, Math.sqrt(1300), { rel: 1e-12 });
    expectClose(r.z, 40 / Math.sqrt(1300), { rel: 1e-12 });
    expectClose(r.pValue, 0.26725749315438785, { rel: 1e-9 });
  });

  it('finds a significant difference between two samples of 200', () => {
    // a: 120/50/30 → NPS 45, variance 0.75 − 0.2025 = 0.5475; b: 90/60/50 → NPS 20, variance 0.7 − 0.04 = 0.66.
    // SE = 100·√((0.5475 + 0.66)/200) ≈ 7.770135; z ≈ 3.217447; p ≈ 0.00129337.
    const r = compareNetPromoterScores(
      { promoters: 120, passives: 50, detractors: 30 },
      { promoters: 90, passives: 60, detractors: 50 },
    );
    expect(r.difference).toBe(25);
    expectClose(r.standardError, 100 * Math.sqrt(1.2075 / 200), { rel: 1e-12 });
    expectClose(r.z, 25 / (100 * Math.sqrt(1.2075 / 200)), { rel: 1e-12 });
    expectClose(r.pValue, 0.0012933680299940242, { rel: 1e-8 });
  });

  it('combines the standard errors that netPromoterScore reports', () => {
    const a = netPromoterScore([10, 10, 9, 8, 7, 6, 2, 10, 9, 9, 5]);
    const b = netPromoterScoreFromCounts({ promoters: 30, passives: 40, detractors: 30 });
    const r = compareNetPromoterScores(a, b);
    expectClose(r.difference, a.score - b.score, { rel: 1e-12 });
    expectClose(r.standardError, Math.sqrt(a.standardError ** 2 + b.standardError ** 2), { rel: 1e-12 });
  });

  it('negates difference and z, and keeps the p-value, when a and b are swapped', () => {
    const a = { promoters: 12, passives: 5, detractors: 9 };
    const b = { promoters: 7, passives: 9, detractors: 4 };
    const ab = compareNetPromoterScores(a, b);
    const ba = compareNetPromoterScores(b, a);
    expect(ba.difference).toBe(-ab.difference);
    expect(ba.z).toBe(-ab.z);
    expect(ba.standardError).toBe(ab.standardError);
    expect(ba.pValue).toBe(ab.pValue);
  });

  it('does not mutate its inputs', () => {
    const a = deepFreeze({ promoters: 3, passives: 1, detractors: 1 });
    const b = deepFreeze({ promoters: 1, passives: 1, detractors: 3 });
    expect(compareNetPromoterScores(a, b).difference).toBe(80);
  });

  describe('edge cases', () => {
    it('returns NaN everywhere when a sample has no answers', () => {
      const r = compareNetPromoterScores(
        { promoters: 0, passives: 0, detractors: 0 },
        { promoters: 3, passives: 1, detractors: 1 },
      );
      expect(r.difference).toBeNaN();
      expect(r.standardError).toBeNaN();
      expect(r.z).toBeNaN();
      expect(r.pValue).toBeNaN();
    });

    it('gives z 0 and p-value 1 for two unanimous samples with the same score (both SEs 0)', () => {
      expect(
        compareNetPromoterScores(
          { promoters: 10, passives: 0, detractors: 0 },
          { promoters: 3, passives: 0, detractors: 0 },
        ),
      ).toEqual({
        difference: 0,
        standardError: 0,
        z: 0,
        pValue: 1,
      });
    });

    it('gives z ±Infinity and p-value 0 for two unanimous samples with different scores', () => {
      const all = { promoters: 5, passives: 0, detractors: 0 };
      const none = { promoters: 0, passives: 0, detractors: 5 };
      expect(compareNetPromoterScores(all, none)).toEqual({
        difference: 200,
        standardError: 0,
        z: Infinity,
        pValue: 0,
      });
      expect(compareNetPromoterScores(none, all)).toEqual({
        difference: -200,
        standardError: 0,
        z: -Infinity,
        pValue: 0,
      });
    });

    it('compares a sample with itself as no difference', () => {
      const a = { promoters: 4, passives: 3, detractors: 3 };
      expect(compareNetPromoterScores(a, a)).toMatchObject({ difference: 0, z: 0, pValue: 1 });
    });

    it('handles one respondent per side and huge samples', () => {
      // One promoter vs one passive: SEs 0, scores 100 and 0.
      expect(
        compareNetPromoterScores(
          { promoters: 1, passives: 0, detractors: 0 },
          { promoters: 0, passives: 1, detractors: 0 },
        ).pValue,
      ).toBe(0);
      // NPS 50 vs 49.9 on 10¹² answers each: SE ≈ 100·√(2·0.75/10¹²) ≈ 1.2247e-4 → p ≈ 0.
      const r = compareNetPromoterScores(
        { promoters: 0.75e12, passives: 0, detractors: 0.25e12 },
        { promoters: 0.7495e12, passives: 0, detractors: 0.2505e12 },
      );
      expectClose(r.difference, 0.1, { rel: 1e-9 });
      expect(r.pValue).toBe(0);
    });
  });

  describe('error policy', () => {
    it('throws a TypeError when a or b is not an object, or a count is not a number', () => {
      expectThrows(
        () => compareNetPromoterScores(null as never, { promoters: 1, passives: 0, detractors: 0 }),
        TypeError,
        'compareNetPromoterScores',
        'a must be an object, got null',
      );
      expectThrows(
        () => compareNetPromoterScores({ promoters: 1, passives: 0, detractors: 0 }, 30 as never),
        TypeError,
        'compareNetPromoterScores',
        'b must be an object, got 30',
      );
      expect(
        thrownKind(() =>
          compareNetPromoterScores({ promoters: 1, passives: '0', detractors: 0 } as never, {
            promoters: 1,
            passives: 0,
            detractors: 0,
          }),
        ),
      ).toStrictEqual(new TypeError('compareNetPromoterScores: a.passives must be a number, got "0"'));
      // A result-like object with only score and standardError is not accepted: counts are required.
      expect(
        thrownKind(() =>
          compareNetPromoterScores({ score: 30, standardError: 5 } as never, {
            promoters: 1,
            passives: 0,
            detractors: 0,
          }),
        ),
      ).toStrictEqual(new TypeError('compareNetPromoterScores: a.promoters must be a number, got undefined'));
    });

    it('throws a RangeError for a negative, fractional or non-finite count', () => {
      expect(
        thrownKind(() =>
          compareNetPromoterScores(
            { promoters: 1, passives: 0, detractors: 0 },
            { promoters: 1, passives: 0, detractors: -1 },
          ),
        ),
      ).toStrictEqual(new RangeError('compareNetPromoterScores: b.detractors (-1) must be a non-negative integer'));
      expect(
        thrownKind(() =>
          compareNetPromoterScores(
            { promoters: 0.5, passives: 0, detractors: 0 },
            { promoters: 1, passives: 0, detractors: 0 },
          ),
        ),
      ).toStrictEqual(new RangeError('compareNetPromoterScores: a.promoters (0.5) must be a non-negative integer'));
      expect(
        thrownKind(() =>
          compareNetPromoterScores(
            { promoters: Infinity, passives: 0, detractors: 0 },
            { promoters: 1, passives: 0, detractors: 0 },
          ),
        ),
      ).toStrictEqual(new RangeError('compareNetPromoterScores: a.promoters (Infinity) must be a finite number'));
      expect(
        thrownKind(() =>
          compareNetPromoterScores(
            { promoters: 1, passives: 0, detractors: 0 },
            { promoters: 1e308, passives: 1e308, detractors: 0 },
          ),
        ),
      ).toStrictEqual(
        new RangeError(
          'compareNetPromoterScores: b.promoters + passives + detractors (Infinity) must not exceed 9007199254740991',
        ),
      );
    });
  });
});
