/**
 * The two-proportion z-test kernel shared by `compareRates` and the cohort comparisons (`compareRetention`, the
 * significance marks of the heatmap): pooled standard error for the test, unpooled (Wald) for the interval of
 * the difference.
 * @internal
 * @module
 */
import type { TwoProportionTest } from '../types.ts';
import { twoSidedPValue } from './normal.ts';

/** The figures of a two-proportion test (see `TwoProportionTest` in src/types.ts for their meaning). */
export type TwoProportionFigures = TwoProportionTest;

/**
 * Two-proportion z-test of validated counts (xA ≤ nA, xB ≤ nB) at the critical value `zCritical`.
 * A sample with 0 trials gives NaN figures; both samples unanimous (all successes or all failures) give
 * z = 0 and p = 1.
 * @example
 * ```ts
 * import { twoProportionTest } from './twoProportion.ts';
 *
 * const t = twoProportionTest(420, 1000, 380, 1000, 1.959963984540054);
 * [t.z, t.pValue]; // => [1.8257, 0.0679]
 * twoProportionTest(10, 10, 5, 5, 1.96).pValue; // => 1
 * ```
 */
export function twoProportionTest(
  xA: number,
  nA: number,
  xB: number,
  nB: number,
  zCritical: number,
): TwoProportionFigures {
  const rateA = xA / nA;
  const rateB = xB / nB;
  const difference = rateA - rateB;
  const standardError = Math.sqrt((rateA * (1 - rateA)) / nA + (rateB * (1 - rateB)) / nB);
  const pooledRate = (xA + xB) / (nA + nB);
  const pooledStandardError =
    nA === 0 || nB === 0 ? Number.NaN : Math.sqrt(pooledRate * (1 - pooledRate) * (1 / nA + 1 / nB));
  // Both samples all successes or all failures: the rates agree exactly, no evidence of a difference
  // (the convention of compareNetPromoterScores for unanimous samples).
  const z = pooledStandardError === 0 ? 0 : difference / pooledStandardError;
  const marginOfError = zCritical * standardError;
  return {
    rateA,
    rateB,
    difference,
    standardError,
    pooledRate,
    pooledStandardError,
    z,
    pValue: twoSidedPValue(z),
    marginOfError,
    confidenceInterval: [Math.max(-1, difference - marginOfError), Math.min(1, difference + marginOfError)],
  };
}
