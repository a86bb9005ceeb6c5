import {
  readNpsOptions,
  npsFromValidCounts,
  type NetPromoterScoreOptions,
  type NetPromoterScoreResult,
} from '../internal/nps.ts';
import { outOfRange, requireArrayLike, wrongType } from '../internal/validate.ts';

export type {
  NetPromoterScoreInterval,
  NetPromoterScoreOptions,
  NetPromoterScoreResult,
} from '../internal/nps.ts';

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
 * adjusted Wald (default): n′ = n + 3, p′ = (promoters + ¾)/n′, d′ = (detractors + ¾)/n′,
 *   CI = 100·(p′ − d′) ± z·100·√((p′ + d′ − (p′ − d′)²)/n′), clipped to [−100, 100],
 *   then widened to contain NPS itself
 * Wald (interval: 'wald'): CI = NPS ± z·SE, clipped   (z from confidenceLevel, 1.96 at 95 %)
 * ```
 *
 * The adjusted-Wald interval is the best of the six methods compared by Rocks (2016), "Confidence
 * Intervals for the Net Promoter Score", The American Statistician 70(1), and the one Sauro & Lewis
 * (MeasuringU) recommend: it keeps its coverage at small n and gives unanimous answers an interval
 * of real width, where the Wald interval of `[10, 10]` is [100, 100]. Its ¾ pseudo-counts pull the centre
 * towards 0, so with one answer (at 95 %) or unanimous answers at lower levels (below about 90 %) the
 * published interval would exclude the observed score ([10] gives [−48.5, 98.5]); the interval returned
 * is widened to reach it ([−48.5, 100]). `standardError` is the plain SE
 * of the score either way; `marginOfError` is the half-width of the chosen interval.
 *
 * @param scores - Integer answers 0–10 (an array or typed array).
 * @param options - `confidenceLevel` (default 0.95), `interval` (`'adjustedWald'`, the default, or `'wald'`).
 * @returns The score, counts, shares, standard error, margin of error and interval. With no answers,
 *   every share, the score, the standard error and the interval are `NaN`.
 * @throws {TypeError} When `scores` is not an array or an answer is not a number.
 * @throws {RangeError} When an answer is not an integer in 0–10, `confidenceLevel` is not in (0, 1), or
 *   `interval` is not one of the two methods.
 * @example
 * ```ts
 * import { netPromoterScore } from 'loyalty-metrics';
 *
 * const nps = netPromoterScore([10, 9, 9, 10, 9, 8, 7, 7, 3, 6]);
 * nps.score; // => 30
 * nps.standardError; // => 24.70
 * // adjusted Wald: n′ = 13, p′ = 5.75/13, d′ = 2.75/13, NPS′ = 23.08, SE′ = 21.49
 * nps.confidenceInterval; // => [-19.05, 65.20]
 * netPromoterScore([10, 9, 9, 10, 9, 8, 7, 7, 3, 6], { interval: 'wald' }).confidenceInterval; // => [-18.41, 78.41]
 * // two promoters: the Wald interval would be [100, 100]
 * netPromoterScore([10, 10]).confidenceInterval; // => [-24.41, 100]
 * // one promoter: NPS′ = 25 ± 73.5 would stop at 98.5; the interval reaches the observed 100
 * netPromoterScore([10]).confidenceInterval; // => [-48.50, 100]
 * ```
 * @category Surveys
 */
export function netPromoterScore(scores: ArrayLike<number>, options?: NetPromoterScoreOptions): NetPromoterScoreResult {
  const fn = 'netPromoterScore';
  const values = requireArrayLike(fn, 'scores', scores);
  const { confidenceLevel, interval } = readNpsOptions(fn, options);
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
  return npsFromValidCounts(promoters, passives, detractors, confidenceLevel, interval);
}
