/**
 * Pareto/NBD kernels (Schmittlein, Morrison & Colombo 1987; Fader & Hardie 2005, "A Note on Deriving
 * the Pareto/NBD Model and Related Expressions"), all in log space: the weighted log-likelihood with
 * its analytic gradient, P(alive) and conditional expected purchases. Not public API; the exported
 * functions in this folder validate and call these.
 *
 * The likelihood of (x, tₓ, T) is
 *
 * ```text
 * L = Γ(r + x) α^r β^s / Γ(r) · [ (α + T)^−(r+x) (β + T)^−s + s/(r + s + x) · (A(tₓ) − A(T)) ]
 * A(t) = ₂F₁(r + s + x, s + 1; r + s + x + 1; (α − β)/(α + t)) / (α + t)^(r+s+x)      if α ≥ β
 *      = ₂F₁(r + s + x, r + x; r + s + x + 1; (β − α)/(β + t)) / (β + t)^(r+s+x)      if α < β
 * ```
 *
 * Choosing the branch by the larger of α and β keeps the argument z in [0, 1). Euler's transformation
 * ₂F₁(a, b; c; z) = (1 − z)^(c−a−b) ₂F₁(c − a, c − b; c; z) with c = a + 1 turns either branch into
 *
 * ```text
 * A(t) = F(r + x, r + s + x + 1; z) · (α + t)^−(r+x) (β + t)^−s              if α ≥ β
 *      = F(s + 1, r + s + x + 1; z) · (α + t)^(1−r−x) (β + t)^−(s+1)          if α < β
 * F(B, C; z) = ₂F₁(1, B; C; z) = Σⱼ (B)ⱼ/(C)ⱼ · zʲ,   B < C
 * ```
 *
 * whose terms shrink at least as fast as zʲ whatever the frequency, so x in the thousands costs no
 * more than x = 1 and nothing overflows (the known failure of naive evaluation for x > 300). The fit
 * sums this series together with its derivatives in B, C and z, giving the exact gradient of the
 * computed likelihood; predictions use the same series. (The library's general `logHyp2f1` is not
 * used here: it has no parameter derivatives, and near z = 1 with a large second parameter its
 * connection formula cancels; the tests check this series against it where it is reliable, z ≤ 0.9,
 * and against 40-digit mpmath values.)
 * @internal
 * @module
 */
import { digamma, log1pExp, logDiffExp, logGamma, logGammaDifference } from '../special.ts';
import { compressPatterns, distinctValues } from '../compressPatterns.ts';
import { seriesF, seriesTable, TABLE_TERMS, tableSeries } from './paretoNbdSeries.ts';
import { requireObject, requirePositive } from '../validate.ts';

/** Pareto/NBD parameters: purchase rates λ ~ Gamma(r, α), dropout rates μ ~ Gamma(s, β). */
export interface ParetoNbdParams {
  /** Shape of the gamma distribution of purchase rates. */
  readonly r: number;
  /** Scale parameter of that gamma (rate α, in the model's time unit). */
  readonly alpha: number;
  /** Shape of the gamma distribution of dropout rates. */
  readonly s: number;
  /** Scale parameter of that gamma (rate β, in the model's time unit). */
  readonly beta: number;
}

/** Parameter order used by the optimiser, covariance matrices and the transaction-model registry. */
export const PARETO_NBD_PARAM_NAMES: readonly ['r', 'alpha', 's', 'beta'] = ['r', 'alpha', 's', 'beta'];

/**
 * Validates `{ r, alpha, s, beta }` (all positive finite numbers).
 * @example
 * ```ts
 * import { readParetoNbdParams } from './paretoNbdKernel.ts';
 *
 * readParetoNbdParams('paretoNbdProbabilityAlive', { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }); // => { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }
 * readParetoNbdParams('paretoNbdProbabilityAlive', { r: 0.55, alpha: 10.58, s: 0.61 }); // => throws TypeError: paretoNbdProbabilityAlive: params.beta must be a number, got undefined
 * ```
 */
export function readParetoNbdParams(fn: string, params: unknown): ParetoNbdParams {
  const p = requireObject(fn, 'params', params);
  return {
    r: requirePositive(fn, 'params.r', p.r),
    alpha: requirePositive(fn, 'params.alpha', p.alpha),
    s: requirePositive(fn, 'params.s', p.s),
    beta: requirePositive(fn, 'params.beta', p.beta),
  };
}

/**
 * The weighted log-likelihood over customers as a function of ln(r, α, s, β), with its analytic
 * gradient. A(t) is computed once per distinct (x, t) pair (tₓ and T values share one table) and the
 * gamma-function terms once per distinct x.
 * @example
 * ```ts
 * import { paretoNbdLogLikelihood, paretoNbdLogLikelihoodOne } from './paretoNbdKernel.ts';
 *
 * // The weighted total equals the sum of per-customer values, computed by a second route
 * const p = { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 };
 * const ll = paretoNbdLogLikelihood(Float64Array.of(0, 2, 2), Float64Array.of(0, 30.43, 30.43), Float64Array.of(38.86, 38.86, 38.86), Float64Array.of(3, 1, 1));
 * const total = 3 * paretoNbdLogLikelihoodOne(p, 0, 0, 38.86) + 2 * paretoNbdLogLikelihoodOne(p, 2, 30.43, 38.86);
 * ll(Float64Array.from([p.r, p.alpha, p.s, p.beta], Math.log)) - total; // => 0.000000000
 * ```
 */
export function paretoNbdLogLikelihood(
  frequency: Float64Array,
  recency: Float64Array,
  T: Float64Array,
  weights: Float64Array,
): (logParams: Float64Array, gradient?: Float64Array) => number {
  // A(t) is tabulated per distinct (x, t) pair, tₓ and T values sharing one table, by one hash pass over
  // the 2n (x, t) keys; ln(α + t) and ln(β + t) per distinct t; the gamma terms per distinct x. (The fit
  // merges identical rows before, when that pays: see fitRows.)
  let n = 0;
  for (let i = 0; i < frequency.length; i++) if ((weights[i] as number) > 0) n++;
  const keyX = new Float64Array(2 * n);
  const keyT = new Float64Array(2 * n);
  const rowW = new Float64Array(n);
  const rowFrequency = new Float64Array(n);
  for (let i = 0, j = 0; i < frequency.length; i++) {
    const w = weights[i] as number;
    if (!(w > 0)) continue;
    const x = frequency[i] as number;
    keyX[j] = x;
    keyX[n + j] = x;
    keyT[j] = recency[i] as number;
    keyT[n + j] = T[i] as number;
    rowFrequency[j] = x;
    rowW[j++] = w;
  }
  const pairs = compressPatterns(keyX, keyT, new Float64Array(2 * n), new Float64Array(2 * n));
  const pairX = pairs.frequency;
  const pairT = pairs.recency;
  const rowTx = pairs.index.subarray(0, n);
  const rowT = pairs.index.subarray(n);
  const byT = distinctValues(pairT);
  const pairTIndex = byT.index; // distinct t of each pair
  const ts = byT.distinct;
  const byX = distinctValues(rowFrequency);
  const rowX = byX.index;
  const xs = byX.distinct;
  const m = pairX.length;
  const lnA = new Float64Array(m);
  const lnF = new Float64Array(m); // ln F of each pair, for the cancellation-free value of ℓ
  const dAr = new Float64Array(m);
  const dAalpha = new Float64Array(m);
  const dAs = new Float64Array(m);
  const dAbeta = new Float64Array(m);
  const lnAlphaT = new Float64Array(m);
  const lnBetaT = new Float64Array(m);
  const lnAlphaDistinct = new Float64Array(ts.length);
  const lnBetaDistinct = new Float64Array(ts.length);
  const lgx = new Float64Array(xs.length);
  const dgx = new Float64Array(xs.length);
  const lcx = new Float64Array(xs.length);
  const lgdx = new Float64Array(xs.length); // ln Γ(r + x) − ln Γ(r)
  const l1pAlpha = new Float64Array(ts.length); // ln(1 + t/α)
  const l1pBeta = new Float64Array(ts.length);
  const series = new Float64Array(4);
  // The series coefficients (B)ⱼ/(C)ⱼ and the harmonic sums of its derivatives depend on x but not on t:
  // tabulated per distinct x and evaluation (TABLE_TERMS of them), each pair's series is then a loop of
  // multiplications (a pair needing more terms, z near 1, goes to seriesF).
  const coef = new Float64Array(xs.length * TABLE_TERMS);
  const harmB = new Float64Array(xs.length * TABLE_TERMS);
  const harmC = new Float64Array(xs.length * TABLE_TERMS);
  // each pair's position in xs (the pairs' own distinct frequencies mapped onto the rows' order)
  const groupOfPair = new Int32Array(m);
  {
    const byPairX = distinctValues(pairX);
    const where = new Map<number, number>();
    for (let k = 0; k < xs.length; k++) where.set(xs[k] as number, k);
    const map = Int32Array.from(byPairX.distinct, (v) => where.get(v) as number);
    for (let k = 0; k < m; k++) groupOfPair[k] = map[byPairX.index[k] as number] as number;
  }

  return (logParams, gradient) => {
    const r = Math.exp(logParams[0] as number);
    const alpha = Math.exp(logParams[1] as number);
    const s = Math.exp(logParams[2] as number);
    const beta = Math.exp(logParams[3] as number);
    const alphaLarger = alpha >= beta;
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k] as number;
      lgx[k] = logGamma(r + x);
      lcx[k] = Math.log(s) - Math.log(r + s + x); // ln c = ln(s/(r + s + x))
      lgdx[k] = logGammaDifference(r, x);
      if (gradient) dgx[k] = digamma(r + x);
      seriesTable(
        alphaLarger ? r + x : s + 1,
        r + s + x + 1,
        k * TABLE_TERMS,
        coef,
        harmB,
        harmC,
        gradient !== undefined,
      );
    }
    for (let k = 0; k < ts.length; k++) {
      const t = ts[k] as number;
      lnAlphaDistinct[k] = Math.log(alpha + t);
      lnBetaDistinct[k] = Math.log(beta + t);
      l1pAlpha[k] = Math.log1p(t / alpha);
      l1pBeta[k] = Math.log1p(t / beta);
    }
    for (let k = 0; k < m; k++) {
      const x = pairX[k] as number;
      const t = pairT[k] as number;
      const la = lnAlphaDistinct[pairTIndex[k] as number] as number;
      const lb = lnBetaDistinct[pairTIndex[k] as number] as number;
      lnAlphaT[k] = la;
      lnBetaT[k] = lb;
      const C = r + s + x + 1;
      if (alphaLarger) {
        const z = (alpha - beta) / (alpha + t);
        tableSeries(r + x, C, z, series, gradient !== undefined, groupOfPair[k] as number, coef, harmB, harmC);
        const F = series[0] as number;
        const lf = Math.log(F);
        lnF[k] = lf;
        lnA[k] = lf - (r + x) * la - s * lb;
        if (gradient) {
          const gB = (series[1] as number) / F;
          const gC = (series[2] as number) / F;
          const gz = (series[3] as number) / F;
          dAr[k] = gB + gC - la;
          dAs[k] = gC - lb;
          dAalpha[k] = (gz * (beta + t)) / ((alpha + t) * (alpha + t)) - (r + x) / (alpha + t);
          dAbeta[k] = -gz / (alpha + t) - s / (beta + t);
        }
      } else {
        const z = (beta - alpha) / (beta + t);
        tableSeries(s + 1, C, z, series, gradient !== undefined, groupOfPair[k] as number, coef, harmB, harmC);
        const F = series[0] as number;
        const lf = Math.log(F);
        lnF[k] = lf;
        lnA[k] = lf + (1 - r - x) * la - (s + 1) * lb;
        if (gradient) {
          const gB = (series[1] as number) / F;
          const gC = (series[2] as number) / F;
          const gz = (series[3] as number) / F;
          dAr[k] = gC - la;
          dAs[k] = gB + gC - lb;
          dAalpha[k] = -gz / (beta + t) + (1 - r - x) / (alpha + t);
          dAbeta[k] = (gz * (alpha + t)) / ((beta + t) * (beta + t)) - (s + 1) / (beta + t);
        }
      }
    }
    const dgr = gradient ? digamma(r) : 0;
    const lnAlpha = Math.log(alpha);
    const lnBeta = Math.log(beta);
    let ll = 0;
    let carry = 0; // Neumaier compensation
    let gr = 0;
    let gal = 0;
    let gs = 0;
    let gbe = 0;
    for (let i = 0; i < n; i++) {
      const w = rowW[i] as number;
      const g = rowX[i] as number;
      const x = xs[g] as number;
      const kx = r + s + x;
      const a = rowTx[i] as number;
      const b = rowT[i] as number;
      const lc = lcx[g] as number;
      const l1 = -(r + x) * (lnAlphaT[b] as number) - s * (lnBetaT[b] as number);
      const la = lc + (lnA[a] as number);
      const lb = lc + (lnA[b] as number);
      const top = Math.max(l1, la);
      const e1 = Math.exp(l1 - top);
      const ea = a === b ? 0 : Math.exp(la - top);
      const eb = a === b ? 0 : Math.exp(lb - top);
      const S = e1 + ea - eb;
      // ℓ relative to the first term e^{l1}: r ln α + s ln β + l1 = −r·ln(1 + T/α) − s·ln(1 + T/β) − x·ln(α + T),
      // A(T)/e^{l1} = F(T) and A(tₓ)/e^{l1} by log1p of the gaps, so nothing cancels for parameters up to 1e15.
      const tT = pairT[b] as number;
      let lnRest = 0;
      if (a !== b) {
        const tx = pairT[a] as number;
        const gap = tT - tx;
        let u = lnF[a] as number;
        u += (r + x) * Math.log1p(gap / (alpha + tx)) + s * Math.log1p(gap / (beta + tx));
        let v = lc + (lnF[b] as number);
        if (!alphaLarger) {
          // the second form of A(t) carries (α + t)/(β + t) once more
          u += (lnAlphaT[a] as number) - (lnBetaT[a] as number);
          v += (lnAlphaT[b] as number) - (lnBetaT[b] as number);
        }
        u += lc;
        // ln(1 + eᵘ − eᵛ) with u ≥ v
        lnRest = u > 0 ? u + Math.log(Math.exp(-u) - Math.expm1(v - u)) : Math.log1p(Math.exp(v) * Math.expm1(u - v));
      }
      const term =
        w *
        ((lgdx[g] as number) -
          r * (l1pAlpha[pairTIndex[b] as number] as number) -
          s * (l1pBeta[pairTIndex[b] as number] as number) -
          x * (lnAlphaT[b] as number) +
          lnRest);
      const tsum = ll + term;
      carry += Math.abs(ll) >= Math.abs(term) ? ll - tsum + term : term - tsum + ll;
      ll = tsum;
      if (gradient) {
        const d = ea - eb;
        const iS = 1 / S;
        // ∂ ln[ … ] / ∂θ = (e1·∂l1 + ea·∂ln A(tₓ) − eb·∂ln A(T) + (ea − eb)·∂ln c) / S
        gr +=
          w *
          ((dgx[g] as number) -
            dgr +
            lnAlpha +
            iS * (-e1 * (lnAlphaT[b] as number) + ea * (dAr[a] as number) - eb * (dAr[b] as number) - d / kx));
        gal +=
          w *
          (r / alpha +
            iS *
              ((-e1 * (r + x)) / (alpha + (pairT[b] as number)) +
                ea * (dAalpha[a] as number) -
                eb * (dAalpha[b] as number)));
        gs +=
          w *
          (lnBeta +
            iS *
              (-e1 * (lnBetaT[b] as number) +
                ea * (dAs[a] as number) -
                eb * (dAs[b] as number) +
                d * (1 / s - 1 / kx)));
        gbe +=
          w *
          (s / beta +
            iS * ((-e1 * s) / (beta + (pairT[b] as number)) + ea * (dAbeta[a] as number) - eb * (dAbeta[b] as number)));
      }
    }
    if (gradient) {
      gradient[0] = gr * r;
      gradient[1] = gal * alpha;
      gradient[2] = gs * s;
      gradient[3] = gbe * beta;
    }
    return ll + carry;
  };
}

/** Output buffer of {@link logA}'s series, allocated on first use: a top-level `new` would survive tree-shaking. */
let logAScratch: Float64Array | undefined;

/**
 * ln A(t) of the module notes (value only), by the same series as the fit. It depends on (x, t) alone, so
 * a loop over customers may compute it once per distinct pair (a `pairMemo` of it, passed as `logA`).
 * @example
 * ```ts
 * import { paretoNbdLogA } from './paretoNbdKernel.ts';
 *
 * // α = β: A(t) = (α + t)^−(r+s+x)·F(r + x, C; 0) = (α + t)^−(r+s+x), so ln A(1) = −3·ln 2 at r = s = α = β = 1, x = 1
 * paretoNbdLogA({ r: 1, alpha: 1, s: 1, beta: 1 }, 1, 1); // => -2.0794415416798
 * ```
 */
export function paretoNbdLogA(p: ParetoNbdParams, x: number, t: number): number {
  const { r, alpha, s, beta } = p;
  logAScratch ??= new Float64Array(4);
  const scratch = logAScratch;
  const C = r + s + x + 1;
  if (alpha >= beta) {
    seriesF(r + x, C, (alpha - beta) / (alpha + t), scratch, false);
    return Math.log(scratch[0] as number) - (r + x) * Math.log(alpha + t) - s * Math.log(beta + t);
  }
  seriesF(s + 1, C, (beta - alpha) / (beta + t), scratch, false);
  return Math.log(scratch[0] as number) + (1 - r - x) * Math.log(alpha + t) - (s + 1) * Math.log(beta + t);
}

/** ln A(x, t) for the parameters of one call: `paretoNbdLogA` itself or its memo. */
export type LogA = (x: number, t: number) => number;

/**
 * ln of the odds that the customer has dropped out, ln[(1 − P(alive))/P(alive)]:
 * ln(s/(r + s + x)) + ln(A(tₓ) − A(T)) + (r + x) ln(α + T) + s ln(β + T); −∞ when tₓ = T.
 */
function logDropoutOdds(p: ParetoNbdParams, x: number, tx: number, T: number, logA: LogA | undefined): number {
  if (tx === T) return -Infinity;
  const { r, alpha, s, beta } = p;
  const diff = logA ? logDiffExp(logA(x, tx), logA(x, T)) : logDiffExp(paretoNbdLogA(p, x, tx), paretoNbdLogA(p, x, T));
  return Math.log(s) - Math.log(r + s + x) + diff + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T);
}

/**
 * One customer's log-likelihood through the P(alive) odds (a second path to the fit's value).
 * @example
 * ```ts
 * import { paretoNbdLogLikelihoodOne } from './paretoNbdKernel.ts';
 *
 * // Observed for no time, no purchases is certain: ln 1 = 0
 * paretoNbdLogLikelihoodOne({ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, 0, 0, 0); // => 0
 * // r = α = s = β = 1 (λ, μ ~ Exp(1)), x = 0, T = 1: P(no purchase in (0, 1]) =
 * // E[μ/(λ + μ)] + E[λ/(λ + μ)·e^(−(λ + μ))] = ½ + ½·¼ (λ/(λ + μ) ~ U(0, 1) independent of λ + μ ~ Gamma(2, 1))
 * Math.exp(paretoNbdLogLikelihoodOne({ r: 1, alpha: 1, s: 1, beta: 1 }, 0, 0, 1)); // => 0.625
 * ```
 */
export function paretoNbdLogLikelihoodOne(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const prefix = logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const l1 = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const lo = logDropoutOdds(p, x, tx, T, undefined);
  return prefix + l1 + (lo === -Infinity ? 0 : log1pExp(lo));
}

/**
 * P(alive | x, tₓ, T) = 1/(1 + odds) from ln odds, in log space past e^700: 0 without NaN for extreme inputs.
 * @example
 * ```ts
 * import { paretoNbdProbabilityAliveOne } from './paretoNbdKernel.ts';
 *
 * // α = β: P(alive) = 1/(1 + s/(r + x + s)·[((α + T)/(α + tₓ))^(r + x + s) − 1]) = 1/(1 + ½·3) at r = s = 1, x = 0, T = 1
 * paretoNbdProbabilityAliveOne({ r: 1, alpha: 1, s: 1, beta: 1 }, 0, 0, 1); // => 0.4
 * paretoNbdProbabilityAliveOne({ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, 0, 0, 0); // => 1
 * ```
 */
export function paretoNbdProbabilityAliveOne(
  p: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
  logA?: LogA,
): number {
  const lo = logDropoutOdds(p, x, tx, T, logA);
  if (lo === -Infinity) return 1;
  // 1/(1 + e^lo) directly where e^lo is finite (within a few ulp, and closer than the log-space form,
  // which loses |lo| ulp in its exp); exp(−ln(1 + e^lo)) beyond
  const v = lo <= 700 ? 1 / (1 + Math.exp(lo)) : Math.exp(-log1pExp(lo));
  return Number.isNaN(v) ? 0 : v;
}

/**
 * E[X(T, T + t) | x, tₓ, T] = (r + x)(β + T)/((α + T)(s − 1)) · [1 − ((β + T)/(β + T + t))^(s−1)] · P(alive),
 * with the bracket divided by (s − 1) evaluated by expm1/log1p (its limit ln(1 + t/(β + T)) at s = 1).
 * With x = 0 and tₓ = T = 0 it is the unconditional E[X(t)] = rβ/(α(s − 1))·[1 − (β/(β + t))^(s−1)].
 * @example
 * ```ts
 * import { paretoNbdConditionalExpectedOne } from './paretoNbdKernel.ts';
 *
 * // Unconditional: rβ/(α(s − 1))·[1 − (β/(β + t))^(s − 1)] = 2·3/4·(1 − 3/6) at r = 2, α = 4, s = 2, β = 3, t = 3
 * paretoNbdConditionalExpectedOne({ r: 2, alpha: 4, s: 2, beta: 3 }, 3, 0, 0, 0); // => 0.75
 * // α = β = r = 1, s = 2, x = 0, T = 1, t = 1: 1·2/(2·1)·(1 − 2/3)·P(alive) with P(alive) = 1/(1 + ⅔·(2³ − 1)) = 3/17
 * paretoNbdConditionalExpectedOne({ r: 1, alpha: 1, s: 2, beta: 1 }, 1, 0, 0, 1); // => 0.0588235294118
 * ```
 */
export function paretoNbdConditionalExpectedOne(
  p: ParetoNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
  logA?: LogA,
): number {
  if (t === 0) return 0;
  const { r, alpha, s, beta } = p;
  const L = Math.log1p(t / (beta + T));
  const u = (s - 1) * L;
  const growth = Math.abs(u) < 1e-10 ? L * (1 - u / 2) : -Math.expm1(-u) / (s - 1);
  return (((r + x) * (beta + T)) / (alpha + T)) * growth * paretoNbdProbabilityAliveOne(p, x, tx, T, logA);
}
