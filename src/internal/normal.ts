/**
 * The standard normal distribution: CDF, upper tail and quantile, accurate to double precision.
 * @internal
 * @module
 */

/**
 * Complementary error function erfc(x), relative error below 1.2e-7 everywhere would not be enough
 * for p-values, so this uses W. J. Cody's rational Chebyshev approximations (Math. Comp. 23, 1969),
 * accurate to about 1e-16 relative.
 * @example
 * ```ts
 * import { erfc } from './normal.ts';
 *
 * erfc(0); // => 1
 * // erfc(1) = 0.157299207050285… (Abramowitz & Stegun, table 7.1); erfc(−x) = 2 − erfc(x)
 * erfc(1); // => 0.157299207050285
 * erfc(-1); // => 1.842700792949715
 * // deep in the tail the relative accuracy holds: erfc(5) = 1.5374597944280349e-12
 * erfc(5); // => 1.5374597944280e-12
 * ```
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const ax = Math.abs(x);
  if (ax > 27) return x < 0 ? 2 : 0; // erfc(27) ≈ 5e-319 underflows; also keeps ±Infinity out of scaledExp
  let result: number;
  if (ax < 0.5) return 1 - erfCentral(x);
  else if (ax < 4) {
    const num =
      (((((((2.15311535474403846e-8 * ax + 0.564188496988670089) * ax + 8.88314979438837594) * ax +
        66.1191906371416295) *
        ax +
        298.635138197400131) *
        ax +
        881.95222124176909) *
        ax +
        1712.04761263407058) *
        ax +
        2051.07837782607147) *
        ax +
      1230.33935479799725;
    const den =
      (((((((ax + 15.7449261107098347) * ax + 117.693950891312499) * ax + 537.181101862009858) * ax +
        1621.38957456669019) *
        ax +
        3290.79923573345963) *
        ax +
        4362.61909014324716) *
        ax +
        3439.36767414372164) *
        ax +
      1230.33935480374942;
    result = scaledExp(ax) * (num / den);
  } else {
    const z = 1 / (ax * ax);
    const num =
      ((((0.0163153871373020978 * z + 0.305326634961232344) * z + 0.360344899949804439) * z + 0.125781726111229246) *
        z +
        0.0160837851487422766) *
        z +
      6.58749161529837803e-4;
    const den =
      ((((z + 2.56852019228982242) * z + 1.87295284992346725) * z + 0.527905102951428412) * z + 0.0605183413124413191) *
        z +
      0.00233520497626869185;
    result = (scaledExp(ax) / ax) * (0.564189583547756287 - (z * num) / den);
  }
  return x < 0 ? 2 - result : result;
}

/** erf(x) = x·P(x²)/Q(x²) for |x| < 0.5 (Cody's first range), to full relative precision. */
function erfCentral(x: number): number {
  const t = x * x;
  const num =
    (((0.185777706184603153 * t + 3.1611237438705656) * t + 113.864154151050156) * t + 377.485237685302021) * t +
    3209.37758913846947;
  const den =
    (((t + 23.6012909523441209) * t + 244.024637934444173) * t + 1282.61652607737228) * t + 2844.23683343917062;
  return (x * num) / den;
}

/** exp(−x²) computed as exp(−xₕ²)·exp(−(x − xₕ)(x + xₕ)) to avoid cancellation for large x. */
function scaledExp(x: number): number {
  const xh = Math.trunc(x * 16) / 16;
  const del = (x - xh) * (x + xh);
  return Math.exp(-xh * xh) * Math.exp(-del);
}

/**
 * Standard normal CDF Φ(z).
 * @example
 * ```ts
 * import { normalCdf } from './normal.ts';
 *
 * normalCdf(0); // => 0.5
 * normalCdf(1.959963984540054); // => 0.975
 * // Φ(−1) = 0.158655253931457 (the "68 %" rule: 1 − 2·Φ(−1) = 0.6827)
 * normalCdf(-1); // => 0.158655253931457
 * ```
 */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * Two-sided p-value 2·(1 − Φ(|z|)), computed from the upper tail without cancellation.
 * @example
 * ```ts
 * import { twoSidedPValue } from './normal.ts';
 *
 * twoSidedPValue(1.96); // => 0.049996
 * twoSidedPValue(-1.96); // => 0.049996
 * twoSidedPValue(0); // => 1
 * // 2·(1 − Φ(10)) would be 0 by subtraction; from the upper tail it is 1.524e-23
 * twoSidedPValue(10); // => 1.524e-23
 * ```
 */
export function twoSidedPValue(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/**
 * Standard normal quantile Φ⁻¹(p) to double precision: a start within 4.5e-4 (Abramowitz & Stegun 26.2.23)
 * refined by two Halley steps on Φ(x) − p with Cody's erfc; each step cubes the error, leaving a few ulps
 * (checked against mpmath values in test/internal/normal.test.ts; as accurate as Acklam's approximation
 * with one step, which it replaced to keep bundles small). The lower half is computed directly and the upper
 * half by symmetry (1 − p is exact for p ≥ ½), so tails keep their relative accuracy. Returns −Infinity at 0,
 * +Infinity at 1, NaN outside [0, 1].
 *
 * ```text
 * e = Φ(x) − p,   u = e·√(2π)·exp(x²/2),   x ← x − u/(1 + x·u/2)   (twice)
 * ```
 * @example
 * ```ts
 * import { normalCdf, normalQuantile } from './normal.ts';
 *
 * normalQuantile(0.5); // => 0
 * // the exact 97.5 % point is 1.95996398454005423552… (mpmath)
 * normalQuantile(0.975); // => 1.959963984540054
 * normalQuantile(normalCdf(-1)); // => -1.0000000000000
 * normalQuantile(0); // => -Infinity
 * normalQuantile(1.5); // => NaN
 * ```
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (p > 0.5) return -lowerQuantile(1 - p);
  return lowerQuantile(p);
}

/**
 * Φ⁻¹(p) for 0 < p < ½: Abramowitz & Stegun 26.2.23 (absolute error below 4.5e-4) refined by Halley steps on
 * Φ(x) − p with Cody's erfc; each step cubes the error (4.5e-4 → 1e-10 → below an ulp).
 */
function lowerQuantile(p: number): number {
  const t = Math.sqrt(-2 * Math.log(p));
  let x = ((0.010328 * t + 0.802853) * t + 2.515517) / (((0.001308 * t + 0.189269) * t + 1.432788) * t + 1) - t;
  for (let step = 0; step < 2; step++) {
    // e = Φ(x) − p; near the centre as ½·erf(x/√2) − (p − ½), where p − ½ is exact, to keep relative accuracy.
    const w = x / Math.SQRT2;
    const e = w > -0.5 ? 0.5 * erfCentral(w) - (p - 0.5) : 0.5 * erfc(-w) - p;
    // e·√(2π)·exp(x²/2) with the exponential in two halves, so that it does not overflow; for subnormal p
    // (below 2.2e-308) e has few significant bits and the result a few digits.
    const half = Math.exp((x * x) / 4);
    const u = e * half * SQRT_2PI * half;
    if (!Number.isFinite(u)) return x;
    x -= u / (1 + (x * u) / 2);
  }
  return x;
}

const SQRT_2PI = 2.5066282746310002; // √(2π)

/**
 * The two-sided critical value z such that P(|Z| ≤ z) = confidenceLevel.
 * @example
 * ```ts
 * import { zForConfidence } from './normal.ts';
 *
 * zForConfidence(0.95); // => 1.959963984540054
 * zForConfidence(0.99); // => 2.575829303548901
 * zForConfidence(0.6826894921370859); // => 1.000000000000000
 * ```
 */
export function zForConfidence(confidenceLevel: number): number {
  // From the lower tail: 0.5 + cl/2 rounds to 1 (and the quantile to Infinity) for cl within 1e-16 of 1.
  return -normalQuantile((1 - confidenceLevel) / 2);
}
