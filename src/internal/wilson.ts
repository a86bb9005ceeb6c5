/**
 * The Wilson score interval kernel shared by {@link wilsonInterval} and the CSAT function.
 * @internal
 * @module
 */

/**
 * Wilson (1927) score interval for `successes` of `trials` (validated counts, successes ≤ trials) at
 * the two-sided critical value `z`. `[NaN, NaN]` when `trials` is 0. The bounds are kept inside
 * [0, 1] and around p̂ = successes / trials even where rounding would push them past (a bound of
 * exactly 0 at 0 successes and exactly 1 at `trials` successes).
 * @example
 * ```ts
 * import { wilsonBounds } from './wilson.ts';
 *
 * // 8 of 10 at 95 %: the textbook Wilson interval (0.4902, 0.9433), asymmetric around p̂ = 0.8
 * wilsonBounds(8, 10, 1.959963984540054); // => [0.4902, 0.9433]
 * // 0 of 10: the lower bound is exactly 0 and the upper one z²/(n + z²) = 0.2775
 * wilsonBounds(0, 10, 1.959963984540054); // => [0, 0.2775]
 * wilsonBounds(10, 10, 1.959963984540054); // => [0.7225, 1]
 * wilsonBounds(0, 0, 1.959963984540054); // => [NaN, NaN]
 * ```
 */
export function wilsonBounds(successes: number, trials: number, z: number): [number, number] {
  if (trials === 0) return [Number.NaN, Number.NaN];
  const p = successes / trials;
  const k = (z * z) / trials; // z²/n
  const center = (p + k / 2) / (1 + k);
  const half = (z / (1 + k)) * Math.sqrt((p * (1 - p)) / trials + k / (4 * trials));
  return [
    successes === 0 ? 0 : Math.min(p, Math.max(0, center - half)),
    successes === trials ? 1 : Math.max(p, Math.min(1, center + half)),
  ];
}
