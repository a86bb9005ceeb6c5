import {
  npsConfidenceLevel,
  npsFromValidCounts,
  type NetPromoterScoreOptions,
  type NetPromoterScoreResult,
} from '../internal/nps.ts';
import { outOfRange, requireArrayLike, wrongType } from '../internal/validate.ts';

export type { NetPromoterScoreOptions, NetPromoterScoreResult } from '../internal/nps.ts';

/**
 * Net Promoter Score from raw 0–10 survey answers, with its standard error and confidence interval.
 *
 * Answers 9–10 are promoters, 7–8 passives and 0–6 detractors. The score treats each respondent as
 * +1, 0 or −1, so its sampling variance is that of a three-valued variable.
 *
 * ```text
 * p = promoters / n,   d = detractors / n
 * NPS = 100·(p − d)                               (−100…100)
 * SE  = 100·√((p + d − (p − d)²) / n)
 * CI  = NPS ± z·SE, clipped to [−100, 100]        (z from confidenceLevel, 1.96 at 95 %)
 * ```
 *
 * The normal-approximation interval is the one reported in industry practice; with very few answers
 * (n < 30) or an all-promoter sample it is optimistic. Reference: Rocks (2016), "Confidence Intervals
 * for the Net Promoter Score".
 *
 * @param scores - Integer answers 0–10 (an array or typed array).
 * @param options - `confidenceLevel` (default 0.95).
 * @returns The score, counts, shares, standard error, margin of error and interval. With no answers,
 *   every share, the score, the standard error and the interval are `NaN`.
 * @throws {TypeError} When `scores` is not an array or an answer is not a number.
 * @throws {RangeError} When an answer is not an integer in 0–10, or `confidenceLevel` is not in (0, 1).
 * @example
 * ```ts
 * import { netPromoterScore } from 'loyalty-metrics';
 *
 * const nps = netPromoterScore([10, 9, 9, 10, 9, 8, 7, 7, 3, 6]);
 * nps.score; // => 30
 * nps.standardError; // => 24.70
 * nps.marginOfError; // => 48.41
 * ```
 * @category Surveys
 */
export function netPromoterScore(scores: ArrayLike<number>, options?: NetPromoterScoreOptions): NetPromoterScoreResult {
  const fn = 'netPromoterScore';
  const values = requireArrayLike(fn, 'scores', scores);
  const confidenceLevel = npsConfidenceLevel(fn, options);
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (let i = 0; i < values.length; i++) {
    const s = values[i];
    if (typeof s !== 'number') wrongType(fn, `scores[${i}]`, s, 'a number');
    if (!Number.isInteger(s) || s < 0 || s > 10) outOfRange(fn, `scores[${i}]`, s, 'must be an integer from 0 to 10');
    if (s >= 9) promoters++;
    else if (s >= 7) passives++;
    else detractors++;
  }
  return npsFromValidCounts(promoters, passives, detractors, confidenceLevel);
}
