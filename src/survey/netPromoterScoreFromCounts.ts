import {
  readNpsOptions,
  npsFromValidCounts,
  readNpsCounts,
  type NetPromoterScoreOptions,
  type NetPromoterScoreResult,
} from '../internal/nps.ts';

/** Response counts for {@link netPromoterScoreFromCounts}. */
export interface NetPromoterScoreCounts {
  /** Responses scoring 9–10. */
  readonly promoters: number;
  /** Responses scoring 7–8. */
  readonly passives: number;
  /** Responses scoring 0–6. */
  readonly detractors: number;
}

/**
 * Net Promoter Score from counts of promoters, passives and detractors; identical to
 * {@link netPromoterScore} on the answers those counts summarise.
 *
 * ```text
 * n = promoters + passives + detractors,  p = promoters / n,  d = detractors / n
 * NPS = 100·(p − d),   SE = 100·√((p + d − (p − d)²) / n)
 * CI  = adjusted Wald (Rocks 2016: ¾ promoter and ¾ detractor added, n + 3) by default, or NPS ± z·SE
 *       with interval: 'wald'; clipped to [−100, 100] (see netPromoterScore)
 * ```
 *
 * @param counts - Non-negative integer counts.
 * @param options - `confidenceLevel` (default 0.95), `interval` (`'adjustedWald'`, the default, or `'wald'`).
 * @returns The same shape as {@link netPromoterScore}; `NaN` score, shares and interval when all counts are 0.
 * @throws {TypeError} When `counts` is not an object or a count is not a number.
 * @throws {RangeError} When a count is negative, fractional or not finite, when the total exceeds
 *   `Number.MAX_SAFE_INTEGER`, or when `confidenceLevel` is not in (0, 1).
 * @example
 * ```ts
 * import { netPromoterScoreFromCounts } from 'loyalty-metrics';
 *
 * const nps = netPromoterScoreFromCounts({ promoters: 5, passives: 3, detractors: 2 });
 * nps.score; // => 30
 * nps.confidenceInterval; // => [-19.05, 65.20]
 * netPromoterScoreFromCounts({ promoters: 5, passives: 3, detractors: 2 }, { interval: 'wald' }).confidenceInterval; // => [-18.41, 78.41]
 * ```
 * @category Surveys
 */
export function netPromoterScoreFromCounts(
  counts: NetPromoterScoreCounts,
  options?: NetPromoterScoreOptions,
): NetPromoterScoreResult {
  const fn = 'netPromoterScoreFromCounts';
  const [p, q, d] = readNpsCounts(fn, 'counts', counts, '');
  const { confidenceLevel, interval } = readNpsOptions(fn, options);
  return npsFromValidCounts(p, q, d, confidenceLevel, interval);
}
