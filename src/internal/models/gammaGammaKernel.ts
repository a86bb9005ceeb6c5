/**
 * Gamma-Gamma spend model kernels (Fader, Hardie & Lee 2005, "RFM and CLV: Using Iso-Value Curves for
 * Customer Base Analysis"; Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary Value").
 * @internal
 * @module
 */
import { distinctValues } from '../compressPatterns.ts';
import { digammaDifference, logGamma, logGammaDifference } from '../special.ts';
import { requireObject, requireOneOf, requirePositive } from '../validate.ts';
import type { NonPositiveSpendPrediction } from '../../models/types.ts';

/** Gamma-Gamma parameters: transaction values ~ Gamma(p, ν), ν ~ Gamma(q, v) across customers. */
export interface GammaGammaParams {
  /** Shape of each customer's transaction-value distribution. */
  readonly p: number;
  /** Shape of the gamma distribution of ν across customers (the mean spend is finite only for q > 1). */
  readonly q: number;
  /** Scale of that distribution, in currency units. */
  readonly v: number;
}

/** Parameter order for the optimiser and covariance matrices. */
export const GAMMA_GAMMA_PARAM_NAMES: readonly ['p', 'q', 'v'] = ['p', 'q', 'v'];

/**
 * Validates `{ p, q, v }`.
 * @example
 * ```ts
 * import { readGammaGammaParams } from './gammaGammaKernel.ts';
 *
 * readGammaGammaParams('gammaGammaExpectedSpend', { p: 6.25, q: 3.74, v: 15.44 }); // => { p: 6.25, q: 3.74, v: 15.44 }
 * readGammaGammaParams('gammaGammaExpectedSpend', { p: 6.25, q: -1, v: 15.44 }); // => throws RangeError: gammaGammaExpectedSpend: params.q (-1) must be greater than 0
 * ```
 */
export function readGammaGammaParams(fn: string, params: unknown, name = 'params'): GammaGammaParams {
  const o = requireObject(fn, name, params);
  return {
    p: requirePositive(fn, `${name}.p`, o.p),
    q: requirePositive(fn, `${name}.q`, o.q),
    v: requirePositive(fn, `${name}.v`, o.v),
  };
}

/**
 * E[M | x, m̄] = p·(v + x·m̄)/(p·x + q − 1); Infinity when p·x + q ≤ 1 (the posterior mean does not exist).
 * @example
 * ```ts
 * import { gammaGammaExpectedSpendOne } from './gammaGammaKernel.ts';
 *
 * // Fader & Hardie's CDNOW spend model (p, q, v = 6.25, 3.74, 15.44); CDNOW customer 1 has x = 2, z̄ = 22.35:
 * // 6.25·(15.44 + 2·22.35)/(6.25·2 + 3.74 − 1) = 24.66 (24.65 with the unrounded parameters)
 * const spend = { p: 6.25, q: 3.74, v: 15.44 };
 * gammaGammaExpectedSpendOne(spend, 2, 22.35); // => 24.66
 * // no transactions: the population mean p·v/(q − 1)
 * gammaGammaExpectedSpendOne(spend, 0, 0); // => 35.22
 * // q ≤ 1 and x = 0: the posterior mean does not exist
 * gammaGammaExpectedSpendOne({ p: 1, q: 0.5, v: 1 }, 0, 0); // => Infinity
 * ```
 */
export function gammaGammaExpectedSpendOne(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, v } = params;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) return Infinity;
  return (p * (v + x * m)) / denominator;
}

/**
 * Weighted log-likelihood of mean spends m̄ over x transactions, in log parameters, with gradient:
 *
 * ```text
 * ℓ = ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln v + (px − 1) ln m̄ + px ln x − (px + q) ln(x m̄ + v)
 * ```
 *
 * Rows with x = 0 carry no spend information and must be excluded by the caller.
 * @example
 * ```ts
 * import { gammaGammaLogLikelihood } from './gammaGammaKernel.ts';
 *
 * // p = 1 (one exponential spend), q = 2, v = 1: the marginal density of z̄ = 1 after x = 1 transaction is
 * // ∫ ν e^(−ν) · ν e^(−ν) dν = Γ(3)/2³ = ¼
 * const ll = gammaGammaLogLikelihood(Float64Array.of(1), Float64Array.of(1), Float64Array.of(1));
 * Math.exp(ll(Float64Array.of(0, Math.log(2), 0))); // => 0.25
 * ```
 */
export function gammaGammaLogLikelihood(
  frequency: Float64Array,
  monetary: Float64Array,
  weights: Float64Array,
): (logParams: Float64Array, gradient?: Float64Array) => number {
  const n = frequency.length;
  const { index: group, distinct: xs } = distinctValues(frequency);
  const m = xs.length;
  const lnX = xs.map(Math.log);
  const lnM = monetary.map(Math.log);
  const xms = new Float64Array(n); // x·m̄, the customer's total repeat spend
  for (let i = 0; i < n; i++) xms[i] = (frequency[i] as number) * (monetary[i] as number);
  const G = new Float64Array(m);
  const dGp = new Float64Array(m);
  const dGq = new Float64Array(m);
  return (logParams, gradient) => {
    const p = Math.exp(logParams[0] as number);
    const q = Math.exp(logParams[1] as number);
    const v = Math.exp(logParams[2] as number);
    for (let k = 0; k < m; k++) {
      const x = xs[k] as number;
      const px = p * x;
      // ln Γ(px + q) − ln Γ(q) − ln Γ(px): the large difference first, without cancellation
      G[k] = logGammaDifference(q, px) - logGamma(px) + px * (lnX[k] as number);
      if (gradient) {
        dGp[k] = x * (digammaDifference(px, q) + (lnX[k] as number));
        dGq[k] = digammaDifference(q, px);
      }
    }
    // q ln v − (px + q) ln(x m̄ + v) = −q·ln(1 + x m̄/v) − px·ln(x m̄ + v); summed with Neumaier compensation
    let ll = 0;
    let carry = 0;
    let gp = 0;
    let gq = 0;
    let gv = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i] as number;
      if (w === 0) continue;
      const k = group[i] as number;
      const x = xs[k] as number;
      const px = p * x;
      const xm = xms[i] as number;
      const xmv = xm + v;
      const lxmv = Math.log(xmv);
      const l1p = Math.log1p(xm / v);
      const term = w * ((G[k] as number) + (px - 1) * (lnM[i] as number) - q * l1p - px * lxmv);
      const t = ll + term;
      carry += Math.abs(ll) >= Math.abs(term) ? ll - t + term : term - t + ll;
      ll = t;
      if (gradient) {
        gp += w * ((dGp[k] as number) + x * (lnM[i] as number) - x * lxmv);
        gq += w * ((dGq[k] as number) - l1p);
        // q/v − (px + q)/(x m̄ + v) = (q·x m̄/v − px)/(x m̄ + v)
        gv += (w * ((q * xm) / v - px)) / xmv;
      }
    }
    if (gradient) {
      gradient[0] = gp * p;
      gradient[1] = gq * q;
      gradient[2] = gv * v;
    }
    return ll + carry;
  };
}

/**
 * Reads the `nonPositiveSpend` option of a spend prediction: `'nan'` (default) or `'throw'`.
 * @example
 * ```ts
 * import { readSpendPolicy } from './gammaGammaKernel.ts';
 *
 * readSpendPolicy('modelClv', undefined); // => 'nan'
 * readSpendPolicy('modelClv', 'throw'); // => 'throw'
 * readSpendPolicy('modelClv', 'skip'); // => throws RangeError: modelClv: nonPositiveSpend ("skip") must be one of 'nan', 'throw'
 * ```
 */
export function readSpendPolicy(fn: string, value: unknown): NonPositiveSpendPrediction {
  return value === undefined
    ? 'nan'
    : requireOneOf<NonPositiveSpendPrediction>(fn, 'options.nonPositiveSpend', value, ['nan', 'throw']);
}
