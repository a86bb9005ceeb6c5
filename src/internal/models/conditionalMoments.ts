/**
 * Conditional mean and variance of the number of purchases in (T, T + t] given a customer's history,
 * per transaction model: the process noise of customer-base totals. Not public API.
 *
 * Alive at T (probability π = P(alive | x, tₓ, T)), the customer is a new customer with posterior
 * parameters; dead, they buy nothing. So with Y the count given alive, E[X] = π·E[Y] and
 * Var[X] = π·E[Y²] − (π·E[Y])².
 *
 * ```text
 * Pareto/NBD: λ ~ Gamma(r + x, α + T), remaining lifetime τ with S(u) = (B/(B + u))^s, B = β + T;
 *   Y | λ, τ ~ Poisson(λ·m), m = min(τ, t):  E[Y] = ρ₁·E[m],  E[Y²] = ρ₁·E[m] + ρ₂·E[m²]
 *   ρ₁ = (r + x)/(α + T), ρ₂ = (r + x)(r + x + 1)/(α + T)²,  E[m] = ∫₀ᵗ S,  E[m²] = ∫₀ᵗ 2u·S(u) du
 * BG/NBD, MBG/NBD: purchases at rate λ ~ Gamma(r + x, α + T), each followed by dropout with
 *   p ~ Beta(a, b′) (b′ = b + x, MBG/NBD b + x + 1): Y = min(N(t), G), G geometric, so
 *   P(Y ≥ j) = P(N(t) ≥ j)·B(a, b′ + j − 1)/B(a, b′),  E[Y] = Σⱼ P(Y ≥ j),  E[Y²] = Σⱼ (2j − 1)·P(Y ≥ j)
 *   with the NBD tail P(N(t) ≥ j) by its recurrence.
 * ```
 * The tests check E[X] against each model's own conditional expectation.
 * @internal
 * @module
 */
import { bgNbdProbabilityAliveOne, type BgNbdParams } from './bgNbdKernel.ts';
import { mbgNbdProbabilityAliveOne } from './mbgNbdKernel.ts';
import { paretoNbdProbabilityAliveOne, type ParetoNbdParams } from './paretoNbdKernel.ts';
import { bgBbProbabilityAliveOne, type BgBbParams } from './bgBbKernel.ts';
import {
  aliveMoments,
  bgBbConditionalMoments,
  opportunitiesIn,
  type DiagnosticTransactionModel,
} from './bgBbDiagnostics.ts';

/** Mean and variance of a count. */
export interface CountMoments {
  mean: number;
  variance: number;
}

/** Cap on the terms of the BG/NBD series (reached only for absurdly long horizons). */
const MAX_TERMS = 100_000;
const SERIES_TOLERANCE = 1e-15;

/** E[m] and E[m²] for m = min(τ, t), S(u) = (B/(B + u))^s, in closed form (s near 1 or 2 nudged by 1e-7). */
function lifetimeMoments(s0: number, B: number, t: number): [number, number] {
  let s = s0;
  if (Math.abs(s - 1) < 1e-7) s = 1 + 1e-7;
  if (Math.abs(s - 2) < 1e-7) s = 2 + 1e-7;
  const L = Math.log1p(t / B); // ln((B + t)/B)
  // ∫₀ᵗ S = B/(s − 1)·(1 − e^{−(s−1)L});  ∫₀ᵗ 2u S = 2B²·[(e^{(2−s)L} − 1)/(2 − s) − (e^{(1−s)L} − 1)/(1 − s)]
  const m1 = (B * -Math.expm1(-(s - 1) * L)) / (s - 1);
  const m2 = 2 * B * B * (Math.expm1((2 - s) * L) / (2 - s) - Math.expm1((1 - s) * L) / (1 - s));
  return [m1, Math.max(0, m2)];
}

/** E[Y] and E[Y²] of the BG/NBD-type count given alive (Y = min(N(t), G)), written to `out`. */
function geometricGiven(p: BgNbdParams, bPosterior: number, t: number, x: number, T: number, out: GivenAlive): void {
  const r = p.r + x;
  const A = p.alpha + T;
  const q = t / (A + t);
  let pmf = Math.exp(r * (Math.log(A) - Math.log(A + t))); // P(N = 0)
  let tail = 1 - pmf; // P(N ≥ 1)
  let beta = 1; // B(a, b′ + j − 1)/B(a, b′) at j = 1
  let ey = 0;
  let ey2 = 0;
  const mode = q < 1 ? ((r - 1) * q) / (1 - q) : Number.POSITIVE_INFINITY; // of the NBD
  for (let j = 1; j <= MAX_TERMS && tail > 0; j++) {
    const term = tail * beta;
    ey += term;
    ey2 += (2 * j - 1) * term;
    if ((2 * j - 1) * term < SERIES_TOLERANCE * ey2) break;
    // Past the mode the NBD terms fall geometrically; once they are below rounding, the tail (formed by
    // subtraction) is noise: stop rather than sum it.
    if (j > mode && pmf < SERIES_TOLERANCE * 1e-3) break;
    pmf *= ((r + j - 1) / j) * q; // P(N = j)
    tail -= pmf; // P(N ≥ j + 1)
    beta *= (bPosterior + j - 1) / (p.a + bPosterior + j - 1);
  }
  out.mean = ey;
  out.second = ey2;
}

function paretoGiven(p: ParetoNbdParams, t: number, x: number, T: number, out: GivenAlive): void {
  const [m1, m2] = lifetimeMoments(p.s, p.beta + T, t);
  const rho1 = (p.r + x) / (p.alpha + T);
  const rho2 = (rho1 * (p.r + x + 1)) / (p.alpha + T);
  out.mean = rho1 * m1;
  out.second = out.mean + rho2 * m2;
}

/** First two moments of the count in (T, T + t] of a customer alive at T. */
export interface GivenAlive {
  mean: number;
  second: number;
}

/**
 * The conditional moments split in two: P(alive at T | x, tₓ, T), and the moments of the count given
 * alive, which depend on (x, T) only (tₓ enters through P(alive) alone). So E[X] = π·E[Y] and
 * Var X = π·E[Y²] − (π·E[Y])², and a sum over customers needs the second factor once per (x, T) pair.
 */
export interface FactoredMoments {
  alive(params: unknown, x: number, tx: number, T: number): number;
  given(params: unknown, t: number, x: number, T: number, out: GivenAlive): void;
}

/**
 * Model name → the two factors of its conditional moments.
 * @example
 * ```ts
 * import { CONDITIONAL_FACTORS } from './conditionalMoments.ts';
 *
 * // FHL (2005): 1.226 expected purchases in 39 weeks for x = 2, tₓ = 30.43, T = 38.86
 * const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const out = { mean: 0, second: 0 };
 * CONDITIONAL_FACTORS.bgNbd.given(p, 39, 2, 38.86, out);
 * CONDITIONAL_FACTORS.bgNbd.alive(p, 2, 30.43, 38.86) * out.mean; // => 1.226
 * ```
 */
export const CONDITIONAL_FACTORS: Readonly<Record<DiagnosticTransactionModel['model'], FactoredMoments>> = {
  bgNbd: {
    alive: (params, x, tx, T) => bgNbdProbabilityAliveOne(params as BgNbdParams, x, tx, T),
    given: (params, t, x, T, out) => {
      const p = params as BgNbdParams;
      geometricGiven(p, p.b + x, t, x, T, out);
    },
  },
  mbgNbd: {
    alive: (params, x, tx, T) => mbgNbdProbabilityAliveOne(params as BgNbdParams, x, tx, T),
    given: (params, t, x, T, out) => {
      const p = params as BgNbdParams;
      geometricGiven(p, p.b + x + 1, t, x, T, out);
    },
  },
  paretoNbd: {
    alive: (params, x, tx, T) => paretoNbdProbabilityAliveOne(params as ParetoNbdParams, x, tx, T),
    given: (params, t, x, T, out) => paretoGiven(params as ParetoNbdParams, t, x, T, out),
  },
  bgBb: {
    alive: (params, x, tx, T) => bgBbProbabilityAliveOne(params as BgBbParams, x, tx, T, 0),
    given: (params, t, x, T, out) => {
      const m = opportunitiesIn(t);
      if (m === 0) {
        out.mean = 0;
        out.second = 0;
        return;
      }
      const [m1, m2] = aliveMoments(params as BgBbParams, x, T, m);
      out.mean = m1;
      out.second = m2;
    },
  },
};

const scratch: GivenAlive = { mean: 0, second: 0 };

/** π·E[Y] and π·E[Y²] − (π·E[Y])² from the two factors. */
function fromFactors(
  name: DiagnosticTransactionModel['model'],
  params: unknown,
  t: number,
  x: number,
  tx: number,
  T: number,
  out: CountMoments,
): void {
  const f = CONDITIONAL_FACTORS[name];
  f.given(params, t, x, T, scratch);
  const alive = f.alive(params, x, tx, T);
  out.mean = alive * scratch.mean;
  out.variance = Math.max(0, alive * scratch.second - out.mean * out.mean);
}

/** Conditional moments of X(T, T + t) given (x, tₓ, T), written to `out`. */
export type ConditionalMoments = (
  params: unknown,
  t: number,
  x: number,
  tx: number,
  T: number,
  out: CountMoments,
) => void;

/**
 * Model name → conditional moments.
 * @example
 * ```ts
 * import { CONDITIONAL_MOMENTS } from './conditionalMoments.ts';
 *
 * // FHL (2005): 1.226 expected purchases in 39 weeks for x = 2, tₓ = 30.43, T = 38.86
 * const out = { mean: 0, variance: 0 };
 * CONDITIONAL_MOMENTS.bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 2, 30.43, 38.86, out);
 * out.mean; // => 1.226
 * out.variance > out.mean; // => true
 * ```
 */
export const CONDITIONAL_MOMENTS: Readonly<Record<DiagnosticTransactionModel['model'], ConditionalMoments>> = {
  bgNbd: (params, t, x, tx, T, out) => fromFactors('bgNbd', params, t, x, tx, T, out),
  mbgNbd: (params, t, x, tx, T, out) => fromFactors('mbgNbd', params, t, x, tx, T, out),
  paretoNbd: (params, t, x, tx, T, out) => fromFactors('paretoNbd', params, t, x, tx, T, out),
  bgBb: bgBbConditionalMoments,
};
