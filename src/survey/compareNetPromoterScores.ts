import { twoSidedPValue, zForConfidence } from '../internal/normal.ts';
import {
  npsAdjustedWald,
  npsStandardError,
  readNpsCounts,
  readNpsOptions,
  type NetPromoterScoreInterval,
  type NetPromoterScoreOptions,
} from '../internal/nps.ts';
import type { NetPromoterScoreCounts } from './netPromoterScoreFromCounts.ts';

/** Options for {@link compareNetPromoterScores}: those of `netPromoterScore`. */
export interface CompareNetPromoterScoresOptions extends NetPromoterScoreOptions {}

/** Result of {@link compareNetPromoterScores}. */
export interface CompareNetPromoterScoresResult {
  /** NPS of `a` minus NPS of `b`, in NPS points (−200…200). */
  readonly difference: number;
  /** √(SE_a² + SE_b²) of the chosen method (SE′ of the adjusted counts by default), in NPS points. */
  readonly standardError: number;
  /** The (adjusted, by default) difference divided by standardError. */
  readonly z: number;
  /** Two-sided p-value 2·(1 − Φ(|z|)). */
  readonly pValue: number;
  /** Interval of the difference at `confidenceLevel`, clipped to [−200, 200]. */
  readonly confidenceInterval: readonly [number, number];
  /** The confidence level used. */
  readonly confidenceLevel: number;
  /** The method used. */
  readonly interval: NetPromoterScoreInterval;
}

/**
 * Tests whether two Net Promoter Scores from independent samples differ (a two-sided z-test).
 *
 * Each side is summarised by its promoter, passive and detractor counts; a result of
 * {@link netPromoterScore} or {@link netPromoterScoreFromCounts} carries those counts, so it can be
 * passed directly. By default both sides use the adjusted-Wald estimate of Rocks (2016) (¾ of a
 * promoter and ¾ of a detractor added, n + 3 answers; see `netPromoterScore`), which keeps the test
 * and the interval sensible at small n and for unanimous samples; `interval: 'wald'` gives the plain
 * normal-approximation test:
 *
 * ```text
 * difference = NPS_a − NPS_b
 * adjusted Wald: D = NPS′_a − NPS′_b,  SE = √(SE′_a² + SE′_b²),  SE′_x = 100·√((p′ + d′ − (p′ − d′)²)/(n_x + 3))
 * Wald:          D = difference,        SE = √(SE_a² + SE_b²),    SE_x  = 100·√((p + d − (p − d)²)/n_x)
 * z = D / SE,   pValue = 2·(1 − Φ(|z|)),   CI = D ± z_{confidenceLevel}·SE, clipped to [−200, 200]
 * ```
 *
 * The adjusted interval is widened, where needed, to contain the observed `difference` (the shrinkage of
 * the pseudo-counts can leave it out for unanimous samples at lower confidence levels).
 *
 * Swapping `a` and `b` negates `difference`, `z` and the interval and keeps `pValue`. The two samples
 * must be different respondents (two periods, two segments); the same panel asked twice needs a
 * paired test. Reference: Rocks (2016), "Confidence Intervals for the Net Promoter Score", The
 * American Statistician 70(1); Sauro & Lewis, MeasuringU.
 *
 * Degenerate cases (Wald only, the adjusted SE is never 0): when both samples are unanimous the test
 * is degenerate; equal scores then give `z` 0 and `pValue` 1, different scores give `z` ±Infinity and
 * `pValue` 0.
 *
 * @param a - Counts (or an NPS result) of the first sample: `promoters`, `passives`, `detractors`,
 *   non-negative integers.
 * @param b - Counts (or an NPS result) of the second sample.
 * @param options - `confidenceLevel` (default 0.95), `interval` (`'adjustedWald'`, the default, or `'wald'`).
 * @returns The difference a − b, its standard error, z, the two-sided p-value and the interval of the
 *   difference. Every number is `NaN` when either sample has no answers.
 * @throws {TypeError} When `a` or `b` is not an object or a count is not a number.
 * @throws {RangeError} When a count is negative, fractional or not finite, or a sample's total exceeds
 *   `Number.MAX_SAFE_INTEGER`, or an option is out of range.
 * @example
 * ```ts
 * import { compareNetPromoterScores } from 'loyalty-metrics';
 *
 * const test = compareNetPromoterScores(
 *   { promoters: 120, passives: 50, detractors: 30 }, // NPS 45
 *   { promoters: 90, passives: 60, detractors: 50 }, // NPS 20
 * );
 * test.difference; // => 25
 * // adjusted Wald: NPS′ 44.335 and 19.704 (n′ = 203), SE′ 5.2040 and 5.6943
 * test.standardError; // => 7.714
 * test.z; // => 3.193
 * test.pValue; // => 0.0014
 * compareNetPromoterScores({ promoters: 120, passives: 50, detractors: 30 }, { promoters: 90, passives: 60, detractors: 50 }, { interval: 'wald' }).z; // => 3.217
 * // unanimous samples: the Wald test says p = 0; the adjusted one does not overstate two answers against one
 * compareNetPromoterScores({ promoters: 2, passives: 0, detractors: 0 }, { promoters: 0, passives: 0, detractors: 1 }).pValue; // => 0.19
 * ```
 * @category Surveys
 */
export function compareNetPromoterScores(
  a: NetPromoterScoreCounts,
  b: NetPromoterScoreCounts,
  options?: CompareNetPromoterScoresOptions,
): CompareNetPromoterScoresResult {
  const fn = 'compareNetPromoterScores';
  const [pa, qa, da] = readNpsCounts(fn, 'a', a, 'a.');
  const [pb, qb, db] = readNpsCounts(fn, 'b', b, 'b.');
  const { confidenceLevel, interval } = readNpsOptions(fn, options);
  const na = pa + qa + da;
  const nb = pb + qb + db;
  const difference = (100 * (pa - da)) / na - (100 * (pb - db)) / nb;
  let centre = difference;
  let sa = npsStandardError(pa, da, na);
  let sb = npsStandardError(pb, db, nb);
  if (interval === 'adjustedWald') {
    const [ca, ea] = npsAdjustedWald(pa, da, na);
    const [cb, eb] = npsAdjustedWald(pb, db, nb);
    // no answers on a side: undefined, like the difference
    centre = na === 0 || nb === 0 ? Number.NaN : ca - cb;
    sa = ea;
    sb = eb;
  }
  const standardError = Number.isNaN(centre) ? Number.NaN : Math.sqrt(sa * sa + sb * sb); // both ≤ 100: no overflow
  // 0/0 when both samples are unanimous and agree (Wald only): no evidence of a difference.
  const z = standardError === 0 && centre === 0 ? 0 : centre / standardError;
  // ±Infinity (unanimous samples that disagree) is handled here: p = 0.
  const pValue = Number.isFinite(z) ? twoSidedPValue(z) : Number.isNaN(z) ? Number.NaN : 0;
  const margin = zForConfidence(confidenceLevel) * standardError;
  return {
    difference,
    standardError,
    z,
    pValue,
    // widened to reach the observed difference, as netPromoterScore's interval reaches the observed score
    confidenceInterval: [
      Math.min(Math.max(-200, centre - margin), difference),
      Math.max(Math.min(200, centre + margin), difference),
    ],
    confidenceLevel,
    interval,
  };
}
