import { twoSidedPValue } from '../internal/normal.ts';
import { npsStandardError, readNpsCounts } from '../internal/nps.ts';
import type { NetPromoterScoreCounts } from './netPromoterScoreFromCounts.ts';

/** Result of {@link compareNetPromoterScores}. */
export interface CompareNetPromoterScoresResult {
  /** NPS of `a` minus NPS of `b`, in NPS points (−200…200). */
  readonly difference: number;
  /** √(SE_a² + SE_b²), in NPS points. */
  readonly standardError: number;
  /** difference / standardError. */
  readonly z: number;
  /** Two-sided p-value 2·(1 − Φ(|z|)). */
  readonly pValue: number;
}

/**
 * Tests whether two Net Promoter Scores from independent samples differ (a two-sided z-test).
 *
 * Each side is summarised by its promoter, passive and detractor counts; a result of
 * {@link netPromoterScore} or {@link netPromoterScoreFromCounts} carries those counts, so it can be
 * passed directly. The standard errors are the ones those functions report, combined for independent
 * samples:
 *
 * ```text
 * difference = NPS_a − NPS_b
 * SE         = √(SE_a² + SE_b²),   SE_x = 100·√((p_x + d_x − (p_x − d_x)²) / n_x)
 * z          = difference / SE
 * pValue     = 2·(1 − Φ(|z|))
 * ```
 *
 * The test relies on the normal approximation: treat it as a guide below roughly 30 answers per side.
 * Swapping `a` and `b` negates `difference` and `z` and keeps `pValue`. The two samples must be
 * different respondents (two periods, two segments); the same panel asked twice needs a paired test.
 * Reference: Rocks (2016), "Confidence Intervals for the Net Promoter Score".
 *
 * Degenerate cases: when both samples are unanimous (both standard errors are 0) the test is
 * degenerate; equal scores then give `z` 0 and `pValue` 1, different scores give `z` ±Infinity and
 * `pValue` 0.
 *
 * @param a - Counts (or an NPS result) of the first sample: `promoters`, `passives`, `detractors`,
 *   non-negative integers.
 * @param b - Counts (or an NPS result) of the second sample.
 * @returns The difference a − b, its standard error, z and the two-sided p-value. Every field is `NaN`
 *   when either sample has no answers.
 * @throws {TypeError} When `a` or `b` is not an object or a count is not a number.
 * @throws {RangeError} When a count is negative, fractional or not finite, or a sample's total exceeds
 *   `Number.MAX_SAFE_INTEGER`.
 * @example
 * ```ts
 * import { compareNetPromoterScores } from 'loyalty-metrics';
 *
 * const test = compareNetPromoterScores(
 *   { promoters: 120, passives: 50, detractors: 30 }, // NPS 45
 *   { promoters: 90, passives: 60, detractors: 50 }, // NPS 20
 * );
 * test.difference; // => 25
 * test.standardError; // => 7.770
 * test.z; // => 3.217
 * test.pValue; // => 0.0013
 * ```
 * @category Surveys
 */
export function compareNetPromoterScores(
  a: NetPromoterScoreCounts,
  b: NetPromoterScoreCounts,
): CompareNetPromoterScoresResult {
  const fn = 'compareNetPromoterScores';
  const [pa, qa, da] = readNpsCounts(fn, 'a', a, 'a.');
  const [pb, qb, db] = readNpsCounts(fn, 'b', b, 'b.');
  const na = pa + qa + da;
  const nb = pb + qb + db;
  const difference = (100 * (pa - da)) / na - (100 * (pb - db)) / nb;
  const sa = npsStandardError(pa, da, na);
  const sb = npsStandardError(pb, db, nb);
  const standardError = Math.sqrt(sa * sa + sb * sb); // both ≤ 100: no overflow, and symmetric in a, b
  // 0/0 when both samples are unanimous and agree: no evidence of a difference.
  const z = standardError === 0 && difference === 0 ? 0 : difference / standardError;
  // ±Infinity (unanimous samples that disagree) is handled here: p = 0.
  const pValue = Number.isFinite(z) ? twoSidedPValue(z) : Number.isNaN(z) ? Number.NaN : 0;
  return { difference, standardError, z, pValue };
}
