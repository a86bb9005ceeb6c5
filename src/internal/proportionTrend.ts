/**
 * The Cochran–Armitage test for a linear trend in proportions, with the weighted least-squares line it tests
 * and that line's pointwise band (used by `retentionTrend`).
 *
 * ```text
 * groups i with score tᵢ, xᵢ successes of nᵢ:   N = Σ nᵢ,  p̄ = Σ xᵢ / N,  t̄ = Σ nᵢ tᵢ / N
 * Sₜₜ = Σ nᵢ (tᵢ − t̄)²          slope b = Σ xᵢ (tᵢ − t̄) / Sₜₜ     (WLS slope of pᵢ on tᵢ, weights nᵢ)
 * SE(b) = √(p̄(1 − p̄) / Sₜₜ)    z = b / SE(b)                      (Armitage 1955; Agresti 2002, §5.3.5)
 * fitted(t) = p̄ + b (t − t̄),   SE(fitted(t)) = √(p̄(1 − p̄) (1/N + (t − t̄)² / Sₜₜ))
 * ```
 *
 * The variance is the one under the null hypothesis of a common rate (binomial variation only), as in the test.
 * @internal
 * @module
 */
import { twoSidedPValue } from './normal.ts';

/** The fitted trend. */
export interface ProportionTrend {
  readonly n: number;
  readonly pooledRate: number;
  readonly meanScore: number;
  /** Σ nᵢ (tᵢ − t̄)²; 0 when every group has the same score. */
  readonly sxx: number;
  readonly slope: number;
  readonly standardError: number;
  readonly z: number;
  readonly pValue: number;
}

/**
 * Cochran–Armitage trend test of validated counts. Fewer than two distinct scores (or no trials) give NaN
 * slope, z and p-value; a pooled rate of 0 or 1 gives slope 0, z 0 and p-value 1.
 * @example
 * ```ts
 * import { proportionTrend } from './proportionTrend.ts';
 *
 * // Agresti (2002), Table 2.7: malformation by alcohol consumption, scores 0, 0.5, 1.5, 4, 7: z = 2.56 (z² = 6.57)
 * const t = proportionTrend([0, 0.5, 1.5, 4, 7], [48, 38, 5, 1, 1], [17114, 14502, 793, 127, 38]);
 * [t.z, t.pValue]; // => [2.5632, 0.0104]
 * ```
 */
export function proportionTrend(
  scores: readonly number[],
  successes: readonly number[],
  trials: readonly number[],
): ProportionTrend {
  let n = 0;
  let x = 0;
  let st = 0;
  for (let i = 0; i < scores.length; i++) {
    n += trials[i] as number;
    x += successes[i] as number;
    st += (trials[i] as number) * (scores[i] as number);
  }
  const pooledRate = x / n;
  const meanScore = st / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < scores.length; i++) {
    const d = (scores[i] as number) - meanScore;
    sxx += (trials[i] as number) * d * d;
    sxy += (successes[i] as number) * d;
  }
  if (!(n > 0) || !(sxx > 0)) {
    return {
      n,
      pooledRate,
      meanScore,
      sxx,
      slope: Number.NaN,
      standardError: Number.NaN,
      z: Number.NaN,
      pValue: Number.NaN,
    };
  }
  const slope = sxy / sxx;
  const standardError = Math.sqrt((pooledRate * (1 - pooledRate)) / sxx);
  const z = standardError === 0 ? 0 : slope / standardError;
  return {
    n,
    pooledRate,
    meanScore,
    sxx,
    slope: standardError === 0 ? 0 : slope,
    standardError,
    z,
    pValue: twoSidedPValue(z),
  };
}
