/**
 * Seeded pseudo-random numbers for simulation and parametric resampling. Every function takes the
 * generator explicitly: there is no global state, so results are reproducible from the seed.
 *
 * - `createRng(seed)`: xoshiro128** (Blackman & Vigna 2018) seeded through SplitMix32, returning
 *   doubles in [0, 1) with 53 random bits.
 * - `standardNormal`: the Box–Muller transform.
 * - `gammaVariate`: Marsaglia & Tsang (2000), "A simple method for generating gamma variables", with
 *   the U^(1/k) boost for shape < 1.
 * - `betaVariate`, `poissonVariate`, `multivariateNormal` (through a Cholesky factor).
 * @internal
 * @module
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/**
 * xoshiro128** generator with 53-bit double output, seeded from any finite number.
 * @example
 * ```ts
 * import { createRng } from './random.ts';
 *
 * const a = createRng(42);
 * const b = createRng(42);
 * // the same seed gives the same stream
 * a() === b(); // => true
 * // uniform on [0, 1): the mean of 100 000 draws is ½ ± 0.003 (3 standard errors of 1/√(12·10⁵))
 * Array.from({ length: 100_000 }, createRng(7)).reduce((s, u) => s + u, 0) / 100_000; // => 0.50
 * ```
 */
export function createRng(seed: number): Rng {
  let x = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  const splitmix = (): number => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = splitmix();
  let s1 = splitmix();
  let s2 = splitmix();
  let s3 = splitmix();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    s0 >>>= 0;
    s1 >>>= 0;
    s2 >>>= 0;
    s3 >>>= 0;
    return result;
  };
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}

function rotl(v: number, k: number): number {
  return ((v << k) | (v >>> (32 - k))) >>> 0;
}

/**
 * A standard normal variate by the Box–Muller transform (no rejection loop, so even a degenerate
 * user-supplied generator cannot make it hang; one of the pair is discarded to keep no state).
 * @example
 * ```ts
 * import { createRng, standardNormal } from './random.ts';
 *
 * const rng = createRng(1);
 * const z = Array.from({ length: 100_000 }, () => standardNormal(rng));
 * // mean 0 and variance 1 (standard errors 0.003 and 0.004)
 * z.reduce((s, x) => s + x, 0) / z.length; // => 0.0
 * z.reduce((s, x) => s + x * x, 0) / z.length; // => 1.0
 * ```
 */
export function standardNormal(rng: Rng): number {
  const u1 = rng();
  const u2 = rng();
  return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * A Gamma(shape, scale) variate (mean shape·scale).
 * @example
 * ```ts
 * import { createRng, gammaVariate } from './random.ts';
 *
 * const rng = createRng(3);
 * // Gamma(2, scale 3) has mean 6 and variance 18; Gamma(0.5) (the boosted branch) has mean 0.5
 * const g = Array.from({ length: 100_000 }, () => gammaVariate(rng, 2, 3));
 * g.reduce((s, x) => s + x, 0) / g.length; // => 6.0
 * Array.from({ length: 100_000 }, () => gammaVariate(rng, 0.5)).reduce((s, x) => s + x, 0) / 100_000; // => 0.50
 * ```
 */
export function gammaVariate(rng: Rng, shape: number, scale = 1): number {
  if (shape < 1) {
    const u = rng();
    return gammaVariate(rng, shape + 1, scale) * (u > 0 ? u : Number.MIN_VALUE) ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let xv: number;
    let v: number;
    do {
      xv = standardNormal(rng);
      v = 1 + c * xv;
    } while (v <= 0);
    v = v * v * v;
    const u = rng();
    if (u < 1 - 0.0331 * xv * xv * xv * xv) return d * v * scale;
    if (Math.log(u) < 0.5 * xv * xv + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/**
 * A Beta(a, b) variate from two gamma variates.
 * @example
 * ```ts
 * import { betaVariate, createRng } from './random.ts';
 *
 * const rng = createRng(4);
 * // Beta(2, 6) has mean 2/(2 + 6) = 0.25
 * Array.from({ length: 100_000 }, () => betaVariate(rng, 2, 6)).reduce((s, x) => s + x, 0) / 100_000; // => 0.25
 * ```
 */
export function betaVariate(rng: Rng, a: number, b: number): number {
  const x = gammaVariate(rng, a);
  const y = gammaVariate(rng, b);
  return x + y > 0 ? x / (x + y) : a / (a + b);
}

/**
 * An exponential variate with the given rate.
 * @example
 * ```ts
 * import { createRng, exponentialVariate } from './random.ts';
 *
 * const rng = createRng(5);
 * // Exponential(rate 4) has mean 1/4
 * Array.from({ length: 100_000 }, () => exponentialVariate(rng, 4)).reduce((s, x) => s + x, 0) / 100_000; // => 0.25
 * ```
 */
export function exponentialVariate(rng: Rng, rate: number): number {
  return -Math.log1p(-rng()) / rate;
}

/**
 * A Poisson(mean) variate: inversion for small means, a normal approximation above 1e6 (tests only).
 * @example
 * ```ts
 * import { createRng, poissonVariate } from './random.ts';
 *
 * const rng = createRng(6);
 * const draws = Array.from({ length: 100_000 }, () => poissonVariate(rng, 3));
 * // mean 3; P(0) = e⁻³ = 0.0498
 * draws.reduce((s, x) => s + x, 0) / draws.length; // => 3.0
 * draws.filter((x) => x === 0).length / draws.length; // => 0.05
 * Number.isInteger(draws[0]); // => true
 * ```
 */
export function poissonVariate(rng: Rng, mean: number): number {
  if (mean > 1e6) return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(rng)));
  if (mean > 30) {
    // Split into halves to keep exp(−mean) representable and inversion short.
    return poissonVariate(rng, mean / 2) + poissonVariate(rng, mean / 2);
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}

/**
 * mean + L·z with z standard normal: a draw from N(mean, LLᵀ) given the row-major Cholesky factor L.
 * @example
 * ```ts
 * import { cholesky } from './hessian.ts';
 * import { createRng, multivariateNormal } from './random.ts';
 *
 * // Covariance [[4, 2], [2, 3]]: draws reproduce Var(x₁) = 4 and Cov(x₁, x₂) = 2 around the mean (1, −1)
 * const L = cholesky([4, 2, 2, 3], 2)!;
 * const rng = createRng(8);
 * const draws = Array.from({ length: 100_000 }, () => multivariateNormal(rng, [1, -1], L));
 * draws.reduce((s, d) => s + d[0]!, 0) / draws.length; // => 1.0
 * draws.reduce((s, d) => s + (d[0]! - 1) ** 2, 0) / draws.length; // => 4.0
 * draws.reduce((s, d) => s + (d[0]! - 1) * (d[1]! + 1), 0) / draws.length; // => 2.0
 * ```
 */
export function multivariateNormal(rng: Rng, mean: ArrayLike<number>, choleskyFactor: ArrayLike<number>): Float64Array {
  const n = mean.length;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = standardNormal(rng);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = mean[i] as number;
    for (let k = 0; k <= i; k++) s += (choleskyFactor[i * n + k] as number) * (z[k] as number);
    out[i] = s;
  }
  return out;
}
