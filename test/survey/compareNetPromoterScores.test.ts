import { describe, expect, it } from 'vitest';
import { compareNetPromoterScores, netPromoterScore, netPromoterScoreFromCounts } from '../../src/index.ts';
import { deepFreeze, expectClose, expectThrows, thrownKind } from '../helpers/expectClose.ts';

const Z95 = 1.959963984540054;

// Expected values below are computed by hand from the SPEC §3 formulas; Φ from Python 3
// statistics.NormalDist (p = 2·(1 − Φ(|z|))).

type Counts = Parameters<typeof compareNetPromoterScores>[0];
/** The plain Wald test, which the hand computations below follow. */
const compareWald = (a: Counts, b: Counts) => compareNetPromoterScores(a, b, { interval: 'wald' });

describe('compareNetPromoterScores', () => {
  it('uses the adjusted-Wald estimates of Rocks (2016) by default (issue 16 item 11)', () => {
    // By hand: a 120/50/30 → n′ = 203, NPS′ = 9000/203 = 44.3350, p′ = 120.75/203, d′ = 30.75/203;
    // b 90/60/50 → NPS′ = 4000/203 = 19.7044, p′ = 90.75/203, d′ = 50.75/203.
    const se = (p: number, d: number) => 100 * Math.sqrt((p + d - (p - d) ** 2) / 203);
    const sa = se(120.75 / 203, 30.75 / 203);
    const sb = se(90.75 / 203, 50.75 / 203);
    const r = compareNetPromoterScores(
      { promoters: 120, passives: 50, detractors: 30 },
      { promoters: 90, passives: 60, detractors: 50 },
    );
    expect(r.interval).toBe('adjustedWald');
    expect(r.difference).toBe(25);
    expectClose(r.standardError, Math.hypot(sa, sb), { rel: 1e-12 });
    expectClose(r.z, 5000 / 203 / Math.hypot(sa, sb), { rel: 1e-12 });
    expectClose(r.confidenceInterval[0], 5000 / 203 - Z95 * Math.hypot(sa, sb), { rel: 1e-12 });
    // unanimous samples of 2 and 1: Wald says z = ∞, p = 0; the adjusted test does not
    const tiny = compareNetPromoterScores(
      { promoters: 2, passives: 0, detractors: 0 },
      { promoters: 0, passives: 0, detractors: 1 },
    );
    expectClose(tiny.z, 65 / Math.hypot(100 * Math.sqrt(0.108), 37.5), { rel: 1e-12 });
    expect(tiny.pValue).toBeGreaterThan(0.1);
    expect(
      compareWald({ promoters: 2, passives: 0, detractors: 0 }, { promoters: 0, passives: 0, detractors: 1 }).pValue,
    ).toBe(0);
  });

  it('tests the data README example (NPS 30) against a second sample of 10 (NPS −10)', () => {
    // a: 5/3/2 → NPS 30, variance 0.61; b: 3/3/4 → NPS −10, variance 0.7 − 0.01 = 0.69.
    // SE = 100·√((0.61 + 0.69)/10) = √1300 ≈ 36.0555; z = 40/√1300 ≈ 1.10940; p ≈ 0.267257.
    const r = compareWald({ promoters: 5, passives: 3, detractors: 2 }, { promoters: 3, passives: 3, detractors: 4 });
    expect(r.difference).toBe(40);
    expectClose(r.standardError, Math.sqrt(1300), { rel: 1e-12 });
    expectClose(r.z, 40 / Math.sqrt(1300), { rel: 1e-12 });
    expectClose(r.pValue, 0.26725749315438785, { rel: 1e-9 });
  });

  it('finds a significant difference between two samples of 200', () => {
    // a: 120/50/30 → NPS 45, variance 0.75 − 0.2025 = 0.5475; b: 90/60/50 → NPS 20, variance 0.7 − 0.04 = 0.66.
    // SE = 100·√((0.5475 + 0.66)/200) ≈ 7.770135; z ≈ 3.217447; p ≈ 0.00129337.
    const r = compareWald(
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
    const r = compareWald(a, b);
    expectClose(r.difference, a.score - b.score, { rel: 1e-12 });
    expectClose(r.standardError, Math.sqrt(a.standardError ** 2 + b.standardError ** 2), { rel: 1e-12 });
  });

  it('negates difference and z, and keeps the p-value, when a and b are swapped', () => {
    const a = { promoters: 12, passives: 5, detractors: 9 };
    const b = { promoters: 7, passives: 9, detractors: 4 };
    const ab = compareWald(a, b);
    const ba = compareWald(b, a);
    expect(ba.difference).toBe(-ab.difference);
    expect(ba.z).toBe(-ab.z);
    expect(ba.standardError).toBe(ab.standardError);
    expect(ba.pValue).toBe(ab.pValue);
  });

  it('does not mutate its inputs', () => {
    const a = deepFreeze({ promoters: 3, passives: 1, detractors: 1 });
    const b = deepFreeze({ promoters: 1, passives: 1, detractors: 3 });
    expect(compareWald(a, b).difference).toBe(80);
  });

  describe('edge cases', () => {
    it('returns NaN everywhere when a sample has no answers', () => {
      const r = compareWald({ promoters: 0, passives: 0, detractors: 0 }, { promoters: 3, passives: 1, detractors: 1 });
      expect(r.difference).toBeNaN();
      expect(r.standardError).toBeNaN();
      expect(r.z).toBeNaN();
      expect(r.pValue).toBeNaN();
    });

    it('gives z 0 and p-value 1 for two unanimous samples with the same score (both SEs 0)', () => {
      expect(
        compareWald({ promoters: 10, passives: 0, detractors: 0 }, { promoters: 3, passives: 0, detractors: 0 }),
      ).toMatchObject({
        difference: 0,
        standardError: 0,
        z: 0,
        pValue: 1,
      });
    });

    it('gives z ±Infinity and p-value 0 for two unanimous samples with different scores', () => {
      const all = { promoters: 5, passives: 0, detractors: 0 };
      const none = { promoters: 0, passives: 0, detractors: 5 };
      expect(compareWald(all, none)).toMatchObject({
        difference: 200,
        standardError: 0,
        z: Infinity,
        pValue: 0,
      });
      expect(compareWald(none, all)).toMatchObject({
        difference: -200,
        standardError: 0,
        z: -Infinity,
        pValue: 0,
      });
    });

    it('compares a sample with itself as no difference', () => {
      const a = { promoters: 4, passives: 3, detractors: 3 };
      expect(compareWald(a, a)).toMatchObject({ difference: 0, z: 0, pValue: 1 });
    });

    it('handles one respondent per side and huge samples', () => {
      // One promoter vs one passive: SEs 0, scores 100 and 0.
      expect(
        compareWald({ promoters: 1, passives: 0, detractors: 0 }, { promoters: 0, passives: 1, detractors: 0 }).pValue,
      ).toBe(0);
      // NPS 50 vs 49.9 on 10¹² answers each: SE ≈ 100·√(2·0.75/10¹²) ≈ 1.2247e-4 → p ≈ 0.
      const r = compareWald(
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
        () => compareWald(null as never, { promoters: 1, passives: 0, detractors: 0 }),
        TypeError,
        'compareNetPromoterScores',
        'a must be an object, got null',
      );
      expectThrows(
        () => compareWald({ promoters: 1, passives: 0, detractors: 0 }, 30 as never),
        TypeError,
        'compareNetPromoterScores',
        'b must be an object, got 30',
      );
      expect(
        thrownKind(() =>
          compareWald({ promoters: 1, passives: '0', detractors: 0 } as never, {
            promoters: 1,
            passives: 0,
            detractors: 0,
          }),
        ),
      ).toStrictEqual(new TypeError('compareNetPromoterScores: a.passives must be a number, got "0"'));
      // A result-like object with only score and standardError is not accepted: counts are required.
      expect(
        thrownKind(() =>
          compareWald({ score: 30, standardError: 5 } as never, {
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
          compareWald({ promoters: 1, passives: 0, detractors: 0 }, { promoters: 1, passives: 0, detractors: -1 }),
        ),
      ).toStrictEqual(new RangeError('compareNetPromoterScores: b.detractors (-1) must be a non-negative integer'));
      expect(
        thrownKind(() =>
          compareWald({ promoters: 0.5, passives: 0, detractors: 0 }, { promoters: 1, passives: 0, detractors: 0 }),
        ),
      ).toStrictEqual(new RangeError('compareNetPromoterScores: a.promoters (0.5) must be a non-negative integer'));
      expect(
        thrownKind(() =>
          compareWald(
            { promoters: Infinity, passives: 0, detractors: 0 },
            { promoters: 1, passives: 0, detractors: 0 },
          ),
        ),
      ).toStrictEqual(new RangeError('compareNetPromoterScores: a.promoters (Infinity) must be a finite number'));
      expect(
        thrownKind(() =>
          compareWald(
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
