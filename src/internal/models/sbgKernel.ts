/**
 * Shifted-beta-geometric (sBG) kernels (Fader & Hardie 2007, "How to Project Customer Retention").
 * @internal
 * @module
 */
import { digamma, digammaDifference, logBeta, logBetaRatio } from '../special.ts';
import { describeValue, rangeFail, requireObject, requirePositive, typeFail } from '../validate.ts';

/** sBG parameters: each customer churns each period with probability θ ~ Beta(alpha, beta). */
export interface ShiftedBetaGeometricParams {
  readonly alpha: number;
  readonly beta: number;
}

/** Parameter order for the optimiser and covariance matrices. */
export const SBG_PARAM_NAMES: readonly ['alpha', 'beta'] = ['alpha', 'beta'];

/**
 * Validates `{ alpha, beta }`.
 * @example
 * ```ts
 * import { readSbgParams } from './sbgKernel.ts';
 *
 * readSbgParams('sbgSurvival', { alpha: 0.704, beta: 1.182 }); // => { alpha: 0.704, beta: 1.182 }
 * readSbgParams('sbgSurvival', { alpha: 0.704 }); // => throws TypeError: sbgSurvival: params.beta must be a number, got undefined
 * ```
 */
export function readSbgParams(fn: string, params: unknown): ShiftedBetaGeometricParams {
  const o = requireObject(fn, 'params', params);
  return {
    alpha: requirePositive(fn, 'params.alpha', o.alpha),
    beta: requirePositive(fn, 'params.beta', o.beta),
  };
}

/**
 * Validates a period index t (a finite number ≥ `min`).
 * @example
 * ```ts
 * import { readPeriod } from './sbgKernel.ts';
 *
 * readPeriod('sbgChurnProbability', 't', 3, 1); // => 3
 * readPeriod('sbgChurnProbability', 't', 0, 1); // => throws RangeError: sbgChurnProbability: t (0) must be a finite number of at least 1
 * ```
 */
export function readPeriod(fn: string, name: string, t: unknown, min: number): number {
  if (typeof t !== 'number') typeFail(fn, `${name} must be a number, got ${describeValue(t)}`);
  if (!Number.isFinite(t) || t < min)
    rangeFail(fn, `${name} (${describeValue(t)}) must be a finite number of at least ${min}`);
  return t;
}

/**
 * ln S(t) = ln B(α, β + t) − ln B(α, β).
 * @example
 * ```ts
 * import { sbgLogSurvival } from './sbgKernel.ts';
 *
 * // α = β = 1 (θ uniform): S(t) = B(1, 1 + t)/B(1, 1) = 1/(1 + t)
 * Math.exp(sbgLogSurvival({ alpha: 1, beta: 1 }, 3)); // => 0.25
 * // Fader & Hardie (2007), High End customers (α = 0.668, β = 3.806): 46.0 % projected alive in year 8
 * Math.exp(sbgLogSurvival({ alpha: 0.668, beta: 3.806 }, 8)); // => 0.460
 * sbgLogSurvival({ alpha: 0.668, beta: 3.806 }, 0); // => 0
 * ```
 */
export function sbgLogSurvival(p: ShiftedBetaGeometricParams, t: number): number {
  return t === 0 ? 0 : logBetaRatio(p.alpha, p.beta, 0, t);
}

/**
 * ln P(T = t) = ln B(α + 1, β + t − 1) − ln B(α, β), t ≥ 1.
 * @example
 * ```ts
 * import { sbgLogChurn } from './sbgKernel.ts';
 *
 * // α = β = 1: P(T = t) = B(2, t)/B(1, 1) = 1/(t(t + 1))
 * Math.exp(sbgLogChurn({ alpha: 1, beta: 1 }, 1)); // => 0.5
 * Math.exp(sbgLogChurn({ alpha: 1, beta: 1 }, 3)); // => 0.0833333333333
 * ```
 */
export function sbgLogChurn(p: ShiftedBetaGeometricParams, t: number): number {
  return logBetaRatio(p.alpha, p.beta, 1, t - 1);
}

/**
 * Log-likelihood of survivor counts alive[0..n] in log parameters, with gradient:
 * ℓ = Σ_{t=1..n} (alive[t−1] − alive[t])·ln P(T = t) + alive[n]·ln S(n).
 * @example
 * ```ts
 * import { sbgLogLikelihood } from './sbgKernel.ts';
 *
 * // Fader & Hardie (2007), Regular customers, years 0–7: log-likelihood −1680.27 at α = 0.704, β = 1.182
 * const ll = sbgLogLikelihood(Float64Array.of(1000, 631, 468, 382, 326, 289, 262, 241));
 * ll(Float64Array.of(Math.log(0.704), Math.log(1.182))); // => -1680.27
 * ```
 */
export function sbgLogLikelihood(alive: Float64Array): (logParams: Float64Array, gradient?: Float64Array) => number {
  const n = alive.length - 1;
  return (logParams, gradient) => {
    const alpha = Math.exp(logParams[0] as number);
    const beta = Math.exp(logParams[1] as number);
    // Each ln B(·)/B(α, β) by logBetaRatio and each digamma difference directly, so that nothing cancels
    // for parameters up to 1e15; ℓ summed with Neumaier compensation (sum, carry).
    let ll = 0;
    let carry = 0;
    let ga = 0;
    let gb = 0;
    const add = (term: number): void => {
      const t = ll + term;
      carry += Math.abs(ll) >= Math.abs(term) ? ll - t + term : term - t + ll;
      ll = t;
    };
    for (let t = 1; t <= n; t++) {
      const churned = (alive[t - 1] as number) - (alive[t] as number);
      if (churned > 0) {
        add(churned * logBetaRatio(alpha, beta, 1, t - 1));
        if (gradient) {
          const dab = digammaDifference(alpha + beta, t);
          ga += churned * (1 / alpha - dab);
          gb += churned * (digammaDifference(beta, t - 1) - dab);
        }
      }
    }
    const survivors = alive[n] as number;
    if (survivors > 0) {
      add(survivors * logBetaRatio(alpha, beta, 0, n));
      if (gradient) {
        const dab = digammaDifference(alpha + beta, n);
        ga -= survivors * dab;
        gb += survivors * (digammaDifference(beta, n) - dab);
      }
    }
    if (gradient) {
      gradient[0] = ga * alpha;
      gradient[1] = gb * beta;
    }
    return ll + carry;
  };
}

/**
 * Log-likelihood (in log parameters, with gradient) of grouped, right-censored sBG lifetimes: `churned[t]`
 * customers churned at renewal t (lifetime T = t, t ≥ 1), `censored[k]` customers known only to have survived
 * k renewals (T > k, k ≥ 0). It is the likelihood of {@link sbgLogLikelihood} when `churned[t]` = alive[t−1] −
 * alive[t] and `censored[n]` = alive[n], and also takes customers censored at different ages (the cohorts of a
 * retention matrix, and the customers not yet seen in an incomplete cell).
 *
 * ```text
 * ℓ = Σ_t churned[t]·ln P(T = t) + Σ_k censored[k]·ln S(k)
 * ```
 * @example
 * ```ts
 * import { sbgGroupedLogLikelihood, sbgLogLikelihood } from './sbgKernel.ts';
 *
 * // Fader & Hardie (2007), Regular customers, years 0–7, as churn counts and 241 survivors censored at 7
 * const alive = [1000, 631, 468, 382, 326, 289, 262, 241];
 * const churned = Float64Array.from(alive, (a, t) => (t === 0 ? 0 : (alive[t - 1] as number) - a));
 * const censored = Float64Array.from(alive, (a, t) => (t === 7 ? a : 0));
 * const x = Float64Array.of(Math.log(0.704), Math.log(1.182));
 * sbgGroupedLogLikelihood(churned, censored)(x); // => -1680.27
 * sbgGroupedLogLikelihood(churned, censored)(x) === sbgLogLikelihood(Float64Array.from(alive))(x); // => true
 * ```
 */
export function sbgGroupedLogLikelihood(
  churned: Float64Array,
  censored: Float64Array,
): (logParams: Float64Array, gradient?: Float64Array) => number {
  return (logParams, gradient) => {
    const alpha = Math.exp(logParams[0] as number);
    const beta = Math.exp(logParams[1] as number);
    const lb = logBeta(alpha, beta);
    const dAlpha0 = gradient ? digamma(alpha) - digamma(alpha + beta) : 0;
    const dBeta0 = gradient ? digamma(beta) - digamma(alpha + beta) : 0;
    const dgA1 = gradient ? digamma(alpha + 1) : 0;
    let ll = 0;
    let ga = 0;
    let gb = 0;
    for (let t = 1; t < churned.length; t++) {
      const w = churned[t] as number;
      if (w <= 0) continue;
      ll += w * (logBeta(alpha + 1, beta + t - 1) - lb);
      if (gradient) {
        const dab = digamma(alpha + beta + t);
        ga += w * (dgA1 - dab - dAlpha0);
        gb += w * (digamma(beta + t - 1) - dab - dBeta0);
      }
    }
    for (let k = 1; k < censored.length; k++) {
      const w = censored[k] as number;
      if (w <= 0) continue;
      ll += w * (logBeta(alpha, beta + k) - lb);
      if (gradient) {
        const dab = digamma(alpha + beta + k);
        ga += w * (digamma(alpha) - dab - dAlpha0);
        gb += w * (digamma(beta + k) - dab - dBeta0);
      }
    }
    if (gradient) {
      gradient[0] = ga * alpha;
      gradient[1] = gb * beta;
    }
    return ll;
  };
}
