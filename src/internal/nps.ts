/**
 * The Net Promoter Score kernel shared by the score-array and count entry points.
 * @internal
 * @module
 */
import { zForConfidence } from './normal.ts';
import {
  describeValue,
  outOfRange,
  readOptions,
  rangeFail,
  requireConfidenceLevel,
  requireCount,
  requireObject,
  wrongType,
} from './validate.ts';

/** The confidence-interval methods of the NPS functions. */
export type NetPromoterScoreInterval = 'adjustedWald' | 'wald';

/** Options shared by the NPS functions. */
export interface NetPromoterScoreOptions {
  /** Confidence level of the interval, strictly between 0 and 1. Default 0.95. */
  readonly confidenceLevel?: number;
  /**
   * `'adjustedWald'` (default): Rocks (2016), ¾ of a promoter and ¾ of a detractor added and n + 3
   * answers, which keeps its coverage at small n and gives unanimous samples a real interval;
   * `'wald'`: the plain normal-approximation interval NPS ± z·SE (zero width for unanimous answers).
   */
  readonly interval?: NetPromoterScoreInterval;
}

/** Parsed NPS options. */
export interface NpsSettings {
  readonly confidenceLevel: number;
  readonly interval: NetPromoterScoreInterval;
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
  /**
   * Half-width of the interval before clipping: z·standardError for `'wald'`, z·SE′ of the adjusted
   * counts for `'adjustedWald'` (n + 3 answers with ¾ promoter and ¾ detractor added).
   */
  readonly marginOfError: number;
  /**
   * The interval, clipped to [−100, 100]: score ± marginOfError for `'wald'`, NPS′ ± marginOfError
   * around the adjusted score NPS′ for `'adjustedWald'`, widened to reach the observed score where the
   * shrinkage towards 0 would leave it out (one answer at 95 %; unanimous answers below about 90 %).
   */
  readonly confidenceInterval: readonly [number, number];
  /** The confidence level used. */
  readonly confidenceLevel: number;
  /** The interval method used. */
  readonly interval: NetPromoterScoreInterval;
}

/**
 * Validates NPS options (`confidenceLevel`, `interval`).
 * @example
 * ```ts
 * import { readNpsOptions } from './nps.ts';
 *
 * readNpsOptions('netPromoterScore', undefined); // => { confidenceLevel: 0.95, interval: 'adjustedWald' }
 * readNpsOptions('netPromoterScore', { confidenceLevel: 0.9, interval: 'wald' }); // => { confidenceLevel: 0.9, interval: 'wald' }
 * readNpsOptions('netPromoterScore', { confidenceLevel: 0 }); // => throws RangeError: netPromoterScore: confidenceLevel (0) must be strictly between 0 and 1
 * readNpsOptions('netPromoterScore', { interval: 'wilson' }); // => throws RangeError
 * ```
 */
export function readNpsOptions(fn: string, options: unknown): NpsSettings {
  const { confidenceLevel = 0.95, interval = 'adjustedWald' } = readOptions(fn, options, [
    'confidenceLevel',
    'interval',
  ]);
  if (interval !== 'adjustedWald' && interval !== 'wald') {
    if (typeof interval !== 'string') wrongType(fn, 'options.interval', interval, "'adjustedWald' or 'wald'");
    outOfRange(fn, 'options.interval', interval, "must be 'adjustedWald' or 'wald'");
  }
  return { confidenceLevel: requireConfidenceLevel(fn, confidenceLevel, 'options.confidenceLevel'), interval };
}

/**
 * Validates NPS options and returns the confidence level (for callers whose only NPS option it is).
 * @example
 * ```ts
 * import { npsConfidenceLevel } from './nps.ts';
 *
 * npsConfidenceLevel('netPromoterScore', undefined); // => 0.95
 * npsConfidenceLevel('netPromoterScore', { confidenceLevel: 0.9 }); // => 0.9
 * ```
 */
export function npsConfidenceLevel(fn: string, options: unknown): number {
  return readNpsOptions(fn, options).confidenceLevel;
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
 * The adjusted-Wald interval of Rocks (2016), "Confidence Intervals for the Net Promoter Score", The
 * American Statistician 70(1), as described by Sauro & Lewis (MeasuringU, "NPS confidence intervals"):
 * add ¾ of a promoter and ¾ of a detractor (so 3 answers in all, the remaining 1.5 passives) and use
 * the trinomial variance at the adjusted shares:
 *
 * ```text
 * n′ = n + 3,   p′ = (promoters + ¾)/n′,   d′ = (detractors + ¾)/n′
 * NPS′ = 100·(p′ − d′),   SE′ = 100·√((p′ + d′ − (p′ − d′)²)/n′)
 * CI = NPS′ ± z·SE′, clipped to [−100, 100]
 * ```
 *
 * Returns `[NPS′, SE′]`; with n = 0 it is the prior alone (0 and 100·√(½/3)).
 * @example
 * ```ts
 * import { npsAdjustedWald } from './nps.ts';
 *
 * // two promoters: n′ = 5, p′ = 2.75/5 = 0.55, d′ = 0.15, NPS′ = 40, SE′ = 100·√((0.7 − 0.16)/5) = 32.863
 * npsAdjustedWald(2, 0, 2); // => [40, 32.863]
 * ```
 */
export function npsAdjustedWald(promoters: number, detractors: number, n: number): [number, number] {
  const m = n + 3;
  const p = (promoters + 0.75) / m;
  const d = (detractors + 0.75) / m;
  return [(100 * (promoters - detractors)) / m, 100 * Math.sqrt(Math.max(0, p + d - (p - d) * (p - d)) / m)];
}

/**
 * Builds the result from validated counts.
 * @example
 * ```ts
 * import { npsFromValidCounts } from './nps.ts';
 *
 * // 50 % promoters − 20 % detractors = 30; Wald margin 1.96 · 7.8102 = 15.308
 * npsFromValidCounts(50, 30, 20, 0.95, 'wald'); // => { score: 30, n: 100, promoterShare: 0.5, standardError: 7.8102, marginOfError: 15.308, confidenceInterval: [14.692, 45.308] }
 * // adjusted Wald: NPS′ = 100·30/103 = 29.126, SE′ = 7.6915
 * npsFromValidCounts(50, 30, 20, 0.95).confidenceInterval; // => [14.051, 44.201]
 * // 1 promoter and 4 detractors of 5: exactly −60
 * npsFromValidCounts(1, 0, 4, 0.95).score; // => -60
 * ```
 */
export function npsFromValidCounts(
  promoters: number,
  passives: number,
  detractors: number,
  confidenceLevel: number,
  interval: NetPromoterScoreInterval = 'adjustedWald',
): NetPromoterScoreResult {
  const n = promoters + passives + detractors;
  // Integer difference first: 1 promoter and 4 detractors of 5 give exactly −60, not 100·(0.2 − 0.8) = −60.00000000000001.
  const score = (100 * (promoters - detractors)) / n;
  const standardError = npsStandardError(promoters, detractors, n);
  const z = zForConfidence(confidenceLevel);
  let centre = score;
  let marginOfError = z * standardError;
  if (interval === 'adjustedWald') {
    const [adjusted, se] = npsAdjustedWald(promoters, detractors, n);
    // no answers: the interval stays undefined (NaN) like the score
    centre = n === 0 ? Number.NaN : adjusted;
    marginOfError = n === 0 ? Number.NaN : z * se;
  }
  // The adjusted interval always contains the observed score: with the fixed ¾ pseudo-counts (Rocks calibrated
  // them at 95 %) one answer at 95 %, or unanimous answers below about 90 %, would otherwise give an interval
  // that excludes what was observed (e.g. 100 promoters of 100 at 80 %: [94.5, 99.7]).
  const lower = Math.min(Math.max(-100, centre - marginOfError), score);
  const upper = Math.max(Math.min(100, centre + marginOfError), score);
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
    confidenceInterval: [lower, upper],
    confidenceLevel,
    interval,
  };
}
