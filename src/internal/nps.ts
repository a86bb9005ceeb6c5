/**
 * The Net Promoter Score kernel shared by the score-array and count entry points.
 * @internal
 * @module
 */
import { zForConfidence } from './normal.ts';
import { optionsObject, requireConfidenceLevel } from './validate.ts';

/** Options shared by the NPS functions. */
export interface NetPromoterScoreOptions {
  /** Confidence level of the interval, strictly between 0 and 1. Default 0.95. */
  readonly confidenceLevel?: number;
}

/** The full NPS result. */
export interface NetPromoterScoreResult {
  /** NPS = 100·(p − d), on −100…100; `NaN` with no responses. */
  readonly score: number;
  /** Number of responses. */
  readonly n: number;
  /** Responses scoring 9–10. */
  readonly promoters: number;
  /** Responses scoring 7–8. */
  readonly passives: number;
  /** Responses scoring 0–6. */
  readonly detractors: number;
  /** p = promoters / n. */
  readonly promoterShare: number;
  /** passives / n. */
  readonly passiveShare: number;
  /** d = detractors / n. */
  readonly detractorShare: number;
  /** 100·√((p + d − (p − d)²)/n), in NPS points. */
  readonly standardError: number;
  /** z·standardError at `confidenceLevel`. */
  readonly marginOfError: number;
  /** score ± marginOfError, clipped to [−100, 100]. */
  readonly confidenceInterval: readonly [number, number];
  /** The confidence level used. */
  readonly confidenceLevel: number;
}

/** Validates NPS options and returns the confidence level. */
export function npsConfidenceLevel(fn: string, options: unknown): number {
  const { confidenceLevel = 0.95 } = optionsObject(fn, options);
  return requireConfidenceLevel(fn, confidenceLevel);
}

/** Builds the result from validated counts. */
export function npsFromValidCounts(promoters: number, passives: number, detractors: number, confidenceLevel: number): NetPromoterScoreResult {
  const n = promoters + passives + detractors;
  const p = promoters / n;
  const d = detractors / n;
  const score = 100 * (p - d);
  // Variance of the per-respondent score in {+1, 0, −1}; clamp tiny negative rounding to 0.
  const variance = Math.max(0, p + d - (p - d) * (p - d));
  const standardError = 100 * Math.sqrt(variance / n);
  const marginOfError = zForConfidence(confidenceLevel) * standardError;
  return {
    score,
    n,
    promoters,
    passives,
    detractors,
    promoterShare: p,
    passiveShare: passives / n,
    detractorShare: d,
    standardError,
    marginOfError,
    confidenceInterval: [Math.max(-100, score - marginOfError), Math.min(100, score + marginOfError)],
    confidenceLevel,
  };
}
