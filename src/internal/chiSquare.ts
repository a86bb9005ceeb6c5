/**
 * Upper tail of the chi-square distribution through the regularised upper incomplete gamma function
 * Q(a, x) = Γ(a, x)/Γ(a): the series of P(a, x) below x < a + 1, Lentz's continued fraction above
 * (Numerical Recipes §6.2; DLMF 8.7.1 and 8.9.2). Relative accuracy about 1e-14.
 * @internal
 * @module
 */
import { logGamma } from './special.ts';

const EPS = 1e-16;
const MAX_ITERATIONS = 10_000;

/**
 * Q(a, x) for a > 0, x ≥ 0.
 * @example
 * ```ts
 * import { regularizedUpperGamma } from './chiSquare.ts';
 *
 * // a = 1 is the exponential tail e^(−x)
 * regularizedUpperGamma(1, 2); // => 0.1353352832366
 * regularizedUpperGamma(3, 0); // => 1
 * ```
 */
export function regularizedUpperGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefix));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.exp(logPrefix) * h;
}

/**
 * P(χ²_df > x).
 * @example
 * ```ts
 * import { chiSquareUpperTail } from './chiSquare.ts';
 *
 * chiSquareUpperTail(3.841458820694124, 1); // => 0.05
 * chiSquareUpperTail(9.487729036781154, 4); // => 0.05
 * ```
 */
export function chiSquareUpperTail(x: number, df: number): number {
  return regularizedUpperGamma(df / 2, x / 2);
}
