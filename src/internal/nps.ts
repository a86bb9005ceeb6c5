/**
 * The Net Promoter Score kernel shared by the score-array and count entry points.
 * @internal
 * @module
 */
import { zForConfidence } from './normal.ts';
import {
  describeValue,
  readOptions,
  rangeFail,
  requireConfidenceLevel,
  requireCount,
  requireObject,
} from './validate.ts';

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

/**
 * Validates NPS options and returns the confidence level.
 * @example
 * ```ts
 * import { npsConfidenceLevel } from './nps.ts';
 *
 * npsConfidenceLevel('netPromoterScore', undefined); // => 0.95
 * npsConfidenceLevel('netPromoterScore', { confidenceLevel: 0.9 }); // => 0.9
 * npsConfidenceLevel('netPromoterScore', { confidenceLevel: 0 }); // => throws RangeError: netPromoterScore: confidenceLevel (0) must be strictly between 0 and 1
 * ```
 */
export function npsConfidenceLevel(fn: string, options: unknown): number {
  const { confidenceLevel = 0.95 } = readOptions(fn, options, ['confidenceLevel']);
  return requireConfidenceLevel(fn, confidenceLevel, 'options.confidenceLevel');
}

/**
 * Validates `{ promoters, passives, detractors }` (non-negative integers whose total is a safe
 * integer, so shares are exact ratios) and returns them in that order. `prefix` qualifies the field
 * names in messages (`a.` gives `a.promoters (-1) must ...`).
 * @example
 * ```ts
 * import { readNpsCounts } from './nps.ts';
 *
 * readNpsCounts('compareNps', 'a', { promoters: 50, passives: 30, detractors: 20 }, 'a.'); // => [50, 30, 20]
 * readNpsCounts('compareNps', 'a', { promoters: -1, passives: 30, detractors: 20 }, 'a.'); // => throws RangeError: compareNps: a.promoters (-1) must be a non-negative integer
 * ```
 */
export function readNpsCounts(fn: string, name: string, value: unknown, prefix: string): [number, number, number] {
  const { promoters, passives, detractors } = requireObject(fn, name, value);
  const p = requireCount(fn, `${prefix}promoters`, promoters);
  const q = requireCount(fn, `${prefix}passives`, passives);
  const d = requireCount(fn, `${prefix}detractors`, detractors);
  const n = p + q + d;
  if (!(n <= Number.MAX_SAFE_INTEGER)) {
    rangeFail(
      fn,
      `${prefix}promoters + passives + detractors (${describeValue(n)}) must not exceed ${Number.MAX_SAFE_INTEGER}`,
      {
        argument: name,
        value: n,
      },
    );
  }
  return [p, q, d];
}

/**
 * 100·√((p + d − (p − d)²)/n) from validated counts; `NaN` when n is 0.
 * @example
 * ```ts
 * import { npsStandardError } from './nps.ts';
 *
 * // p = 0.5, d = 0.2: 100·√((0.7 − 0.09)/100) = 100·√0.0061
 * npsStandardError(50, 20, 100); // => 7.8102
 * // all promoters: every respondent scores +1, no variance
 * npsStandardError(10, 0, 10); // => 0
 * npsStandardError(0, 0, 0); // => NaN
 * ```
 */
export function npsStandardError(promoters: number, detractors: number, n: number): number {
  const p = promoters / n;
  const d = detractors / n;
  // Variance of the per-respondent score in {+1, 0, −1}; clamp tiny negative rounding to 0.
  return 100 * Math.sqrt(Math.max(0, p + d - (p - d) * (p - d)) / n);
}

/**
 * Builds the result from validated counts.
 * @example
 * ```ts
 * import { npsFromValidCounts } from './nps.ts';
 *
 * // 50 % promoters − 20 % detractors = 30; margin 1.96 · 7.8102 = 15.308
 * npsFromValidCounts(50, 30, 20, 0.95); // => { score: 30, n: 100, promoterShare: 0.5, standardError: 7.8102, marginOfError: 15.308, confidenceInterval: [14.692, 45.308] }
 * // 1 promoter and 4 detractors of 5: exactly −60
 * npsFromValidCounts(1, 0, 4, 0.95).score; // => -60
 * ```
 */
export function npsFromValidCounts(
  promoters: number,
  passives: number,
  detractors: number,
  confidenceLevel: number,
): NetPromoterScoreResult {
  const n = promoters + passives + detractors;
  // Integer difference first: 1 promoter and 4 detractors of 5 give exactly −60, not 100·(0.2 − 0.8) = −60.00000000000001.
  const score = (100 * (promoters - detractors)) / n;
  const standardError = npsStandardError(promoters, detractors, n);
  const marginOfError = zForConfidence(confidenceLevel) * standardError;
  return {
    score,
    n,
    promoters,
    passives,
    detractors,
    promoterShare: promoters / n,
    passiveShare: passives / n,
    detractorShare: detractors / n,
    standardError,
    marginOfError,
    confidenceInterval: [Math.max(-100, score - marginOfError), Math.min(100, score + marginOfError)],
    confidenceLevel,
  };
}
