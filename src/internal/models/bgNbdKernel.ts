/**
 * BG/NBD kernels (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"), all in log
 * space: the per-customer log-likelihood and its gradient, P(alive), conditional expected purchases
 * and P(X(t) = n). Not public API; the exported functions in this folder validate and call these.
 * @internal
 * @module
 */
import { customerRowOk, readNumberOrArray, type WeightedCustomers } from '../input/customerSummary.ts';
import { fastExp } from '../fastMath.ts';
import { logHyp2f1 } from '../hypergeometric.ts';
import { aliveExpectedPurchases } from './betaDropoutKernel.ts';
import { betaGeometricLogLikelihood } from './betaGeometricLikelihood.ts';
import {
  log1pExp,
  logBeta,
  logBetaRatio,
  logGamma,
  logGammaDifference,
  regularizedIncompleteBeta,
} from '../special.ts';
import { describeValue, rangeFail, requireObject, requirePositive, typeFail } from '../validate.ts';

/** BG/NBD parameters: purchase rates λ ~ Gamma(r, α), dropout probabilities p ~ Beta(a, b). */
export interface BgNbdParams {
  /** Shape of the gamma distribution of purchase rates. */
  readonly r: number;
  /** Scale parameter of that gamma (rate α, in the model's time unit). */
  readonly alpha: number;
  /** First shape of the beta distribution of dropout probabilities. */
  readonly a: number;
  /** Second shape of that beta distribution. */
  readonly b: number;
}

/** Parameter order used by the optimiser, covariance matrices and the transaction-model registry. */
export const BG_NBD_PARAM_NAMES: readonly ['r', 'alpha', 'a', 'b'] = ['r', 'alpha', 'a', 'b'];

/**
 * Validates `{ r, alpha, a, b }` (all positive finite numbers).
 * @example
 * ```ts
 * import { readBgNbdParams } from './bgNbdKernel.ts';
 *
 * readBgNbdParams('bgNbdProbabilityAlive', { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }); // => { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }
 * readBgNbdParams('bgNbdProbabilityAlive', { r: 0.243, alpha: 4.414, a: 0, b: 2.426 }); // => throws RangeError: bgNbdProbabilityAlive: params.a (0) must be greater than 0
 * ```
 */
export function readBgNbdParams(fn: string, params: unknown): BgNbdParams {
  const p = requireObject(fn, 'params', params);
  return {
    r: requirePositive(fn, 'params.r', p.r),
    alpha: requirePositive(fn, 'params.alpha', p.alpha),
    a: requirePositive(fn, 'params.a', p.a),
    b: requirePositive(fn, 'params.b', p.b),
  };
}

/**
 * Validates the purchase count(s) `n` of a purchase probability: a non-negative integer or an array of them.
 * @example
 * ```ts
 * import { readPurchaseCounts } from './bgNbdKernel.ts';
 *
 * readPurchaseCounts('bgNbdPurchaseProbability', 0); // => { single: true, values: [0] }
 * readPurchaseCounts('bgNbdPurchaseProbability', [0, 1, 2]); // => { single: false, values: [0, 1, 2] }
 * readPurchaseCounts('bgNbdPurchaseProbability', [1.5]); // => throws RangeError: bgNbdPurchaseProbability: n[0] (1.5) must be a non-negative integer
 * ```
 */
export function readPurchaseCounts(fn: string, n: unknown): { single: boolean; values: Float64Array } {
  return readNumberOrArray(fn, 'n', n, (name, v) => {
    if (typeof v !== 'number') typeFail(fn, `${name} must be a number, got ${describeValue(v)}`);
    if (!Number.isInteger(v) || v < 0) rangeFail(fn, `${name} (${describeValue(v)}) must be a non-negative integer`);
    return v;
  });
}

/**
 * Starting point of a BG/NBD or MBG/NBD fit, in `BG_NBD_PARAM_NAMES` order: r = 1 and α matching the
 * mean purchase rate r/α ≈ Σx/ΣT; a = b = 1 — each unless given in `initial`.
 * @example
 * ```ts
 * import { readWeightedCustomers } from '../input/customerSummary.ts';
 * import { bgNbdStart } from './bgNbdKernel.ts';
 *
 * // 4 repeat purchases over 80 weeks of observation: r/α = 4/80 with r = 1 gives α = 20
 * const totals = readWeightedCustomers('fitBgNbd', [{ frequency: 2, recency: 30, T: 40 }, { frequency: 2, recency: 10, T: 40 }], undefined);
 * bgNbdStart(totals, {}); // => [1, 20, 1, 1]
 * bgNbdStart(totals, { a: 0.5 }); // => [1, 20, 0.5, 1]
 * ```
 */
export function bgNbdStart(
  totals: Pick<WeightedCustomers, 'totalWeight' | 'totalFrequency' | 'totalT'>,
  initial: Partial<BgNbdParams>,
): number[] {
  const { totalWeight: W, totalFrequency: sx, totalT: sT } = totals;
  const alpha0 = W > 0 && sx > 0 && sT > 0 ? sT / sx : 1;
  return [initial.r ?? 1, initial.alpha ?? Math.min(Math.max(alpha0, 1e-6), 1e6), initial.a ?? 1, initial.b ?? 1];
}

/**
 * Validates a prediction horizon t ≥ 0 (a number) in model time units.
 * @example
 * ```ts
 * import { readHorizon } from './bgNbdKernel.ts';
 *
 * readHorizon('bgNbdExpectedPurchases', 't', 39); // => 39
 * readHorizon('bgNbdExpectedPurchases', 't', -1); // => throws RangeError: bgNbdExpectedPurchases: t (-1) must be a non-negative finite number
 * ```
 */
export function readHorizon(fn: string, name: string, t: unknown): number {
  if (typeof t !== 'number') typeFail(fn, `${name} must be a number, got ${describeValue(t)}`);
  if (!Number.isFinite(t) || t < 0) rangeFail(fn, `${name} (${describeValue(t)}) must be a non-negative finite number`);
  return t;
}

/**
 * One customer's log-likelihood (FHL 2005 eq. 6, Hardie's note 027 form):
 *
 * ```text
 * ℓ = ln Γ(r + x) − ln Γ(r) + r ln α + ln B(a, b + x) − ln B(a, b)
 *     + ln[ (α + T)^−(r+x) + 1{x>0}·a/(b + x − 1)·(α + t_x)^−(r+x) ]
 * ```
 * @example
 * ```ts
 * import { bgNbdLogLikelihoodOne } from './bgNbdKernel.ts';
 *
 * // Reference values of Hardie's note 027 formulation (a = 0.80, b = 2.50, r = 0.25, α = 4.00, T = 40)
 * const p = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
 * bgNbdLogLikelihoodOne(p, 0, 0, 40); // => -0.59947382
 * bgNbdLogLikelihoodOne(p, 200, 38, 40); // => 100.7957
 * ```
 */
export function bgNbdLogLikelihoodOne(p: BgNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  // r ln α − (r + x) ln(α + T) = −r·ln(1 + T/α) − x·ln(α + T), and the bracket's ratio through log1p,
  // so that nothing cancels for parameters up to 1e15
  const base = logGammaDifference(r, x) + logBetaRatio(a, b, 0, x) - r * Math.log1p(T / alpha);
  if (x === 0) return base;
  const d = Math.log(a) - Math.log(b + (x - 1)) + (r + x) * Math.log1p((T - tx) / (alpha + tx));
  return base - x * Math.log(alpha + T) + log1pExp(d);
}

/**
 * The weighted log-likelihood over customers as a function of log parameters, with its analytic
 * gradient. Work is shared wherever the data allow: gamma and digamma terms once per distinct
 * frequency, ln(α + T) and ln(α + tₓ) once per distinct value, and customers without repeat purchases
 * (whose likelihood depends on T only) aggregated per distinct T. A row with x > 0 then costs one
 * exp and two log1p per evaluation. Every difference of large terms is formed directly (ln(1 + T/α),
 * `logBetaRatio`, `digammaDifference`), so ℓ stays accurate for parameters up to 1e15, and the total
 * is summed with Neumaier compensation.
 * @example
 * ```ts
 * import { bgNbdLogLikelihood, bgNbdLogLikelihoodOne } from './bgNbdKernel.ts';
 *
 * // The weighted total agrees with the per-customer form: 2·(−0.59947382) + 100.7957 (note 027 values)
 * const p = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
 * const ll = bgNbdLogLikelihood(Float64Array.of(0, 200), Float64Array.of(0, 38), Float64Array.of(40, 40), Float64Array.of(2, 1));
 * ll(Float64Array.from([p.r, p.alpha, p.a, p.b], Math.log)); // => 99.597
 * 2 * bgNbdLogLikelihoodOne(p, 0, 0, 40) + bgNbdLogLikelihoodOne(p, 200, 38, 40); // => 99.597
 * ```
 */
export function bgNbdLogLikelihood(
  frequency: Float64Array,
  recency: Float64Array,
  T: Float64Array,
  weights: Float64Array,
): (logParams: Float64Array, gradient?: Float64Array) => number {
  return betaGeometricLogLikelihood(frequency, recency, T, weights, 0);
}

/**
 * 1/(1 + odds) with odds = a/`bx`·((α + T)/(α + tₓ))^(r+x), the P(alive) of BG/NBD (bx = b + x − 1,
 * x > 0) and MBG/NBD (bx = b + x). The exponent is (r + x)·ln(1 + (T − tₓ)/(α + tₓ)), through log1p: no digits
 * lost when tₓ is close to T and r + x is large. Where the odds cannot overflow or underflow (exponent ≤ 700,
 * 1e-290 ≤ a/bx ≤ 1e4 and a·e^exponent finite: every ordinary input) it is formed directly as
 * bx/(bx + a·e^exponent), with the inlinable `fastExp` (src/internal/fastMath.ts, within 1 ulp) and one
 * division, to within a few ulp; elsewhere as exp(−ln(1 + e^{ln odds})) in log space, which
 * is exactly 0, never NaN, for huge x. The two forms agree to about 1e-15 relative where both apply (the
 * direct one is the more accurate: the log-space form loses |ln odds| ulp in the final exp).
 * @example
 * ```ts
 * import { aliveFromOdds } from './bgNbdKernel.ts';
 *
 * // odds a/bx·((α + T)/(α + tₓ))^(r + x) = 1·2² = 4
 * aliveFromOdds({ r: 1, alpha: 1, a: 1, b: 1 }, 1, 1, 1, 3); // => 0.2
 * // a heavy buyer silent for 90 weeks: odds e^(1000·ln 7.1), past any double, and P(alive) = 0
 * aliveFromOdds({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, 1001.5, 1000, 10, 100); // => 0
 * ```
 */
export function aliveFromOdds(p: BgNbdParams, bx: number, x: number, tx: number, T: number): number {
  const { a } = p;
  const e = (p.r + x) * Math.log1p((T - tx) / (p.alpha + tx));
  if (e <= 700 && a >= 1e-290 * bx && a <= 1e4 * bx) {
    const aE = a * fastExp(e);
    if (aE < Infinity) return bx / (bx + aE);
  }
  return Math.exp(-log1pExp(Math.log(a) - Math.log(bx) + e));
}

/**
 * P(alive) of every row of Float64Array columns, written into `out` (one element per row), BG/NBD (`shift` −1: odds a/(b + x − 1)·…, and 1 for x = 0) or
 * MBG/NBD (`shift` 0: odds a/(b + x)·… for every x), with the row rule of `readCustomers` checked in the same
 * loop: `undefined` at the first row that breaks it (the caller then reads the input the slow way, which
 * throws that row's error). Values are those of `aliveFromOdds`, bit for bit (it is called per row: small
 * enough, with `fastExp`, for the JIT to inline into this loop). An MBG/NBD row with x = 0 and the tₓ and T of the last such row
 * reuses its value (customers who joined the same day and never came back lie close together in an
 * id-ordered summary); the check costs two comparisons where it misses.
 * @example
 * ```ts
 * import { aliveOverColumns, bgNbdProbabilityAliveOne } from './bgNbdKernel.ts';
 *
 * const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const alive = aliveOverColumns(p, -1, Float64Array.of(2, 0), Float64Array.of(30.43, 0), Float64Array.of(38.86, 38.86), [0, 0]);
 * alive; // => [0.7266, 1]
 * alive?.[0] === bgNbdProbabilityAliveOne(p, 2, 30.43, 38.86); // => true
 * aliveOverColumns(p, -1, Float64Array.of(2), Float64Array.of(40), Float64Array.of(38.86), [0]); // => undefined
 * ```
 */
export function aliveOverColumns<R extends number[] | Float64Array>(
  p: BgNbdParams,
  shift: -1 | 0,
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  out: R,
): R | undefined {
  // one loop per model: a loop shared by both runs about 1.8× slower once it has seen both (V8 keeps one set
  // of type feedback per function, and the BG/NBD rows with x = 0 that never reach the kernel spoil it)
  return shift === -1 ? bgAliveLoop(p, x, tx, T, out) : mbgAliveLoop(p, x, tx, T, out);
}

/** {@link aliveOverColumns} for BG/NBD: 1 for x = 0, odds a/(b + x − 1)·… otherwise. */
function bgAliveLoop<R extends number[] | Float64Array>(
  p: BgNbdParams,
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  out: R,
): R | undefined {
  const { b } = p;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const txi = tx[i] as number;
    const Ti = T[i] as number;
    if (!customerRowOk(xi, txi, Ti)) return undefined;
    out[i] = xi === 0 ? 1 : aliveFromOdds(p, b + (xi - 1), xi, txi, Ti);
  }
  return out;
}

/** {@link aliveOverColumns} for MBG/NBD: odds a/(b + x)·… for every x, x = 0 rows memoised on (tₓ, T). */
function mbgAliveLoop<R extends number[] | Float64Array>(
  p: BgNbdParams,
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  out: R,
): R | undefined {
  const { b } = p;
  // the last row with x = 0 (its tₓ, T and value): such rows differ by T alone, and neighbours share it
  let zeroTx = Number.NaN;
  let zeroT = Number.NaN;
  let zeroValue = Number.NaN;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const txi = tx[i] as number;
    const Ti = T[i] as number;
    if (!customerRowOk(xi, txi, Ti)) return undefined;
    if (xi === 0 && Ti === zeroT && txi === zeroTx) {
      out[i] = zeroValue;
      continue;
    }
    const v = aliveFromOdds(p, b + xi, xi, txi, Ti);
    out[i] = v;
    if (xi === 0) {
      zeroTx = txi;
      zeroT = Ti;
      zeroValue = v;
    }
  }
  return out;
}

/**
 * P(alive | x, t_x, T) = 1/(1 + odds), with odds a/(b + x − 1)·((α + T)/(α + tₓ))^(r+x) for x > 0 (see
 * `aliveFromOdds`: 0 without NaN for huge x) and 1 for x = 0.
 * @example
 * ```ts
 * import { bgNbdProbabilityAliveOne } from './bgNbdKernel.ts';
 *
 * // odds a/(b + x − 1)·((α + T)/(α + tₓ))^(r + x) = 1·2² = 4
 * bgNbdProbabilityAliveOne({ r: 1, alpha: 1, a: 1, b: 1 }, 1, 1, 3); // => 0.2
 * // BG/NBD customers can only drop out after a purchase: no repeat purchase means alive
 * bgNbdProbabilityAliveOne({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 0, 0, 38.86); // => 1
 * // a heavy buyer silent for 90 weeks: 0, with no overflow or NaN
 * bgNbdProbabilityAliveOne({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, 1000, 10, 100); // => 0
 * ```
 */
export function bgNbdProbabilityAliveOne(p: BgNbdParams, x: number, tx: number, T: number): number {
  return x === 0 ? 1 : aliveFromOdds(p, p.b + (x - 1), x, tx, T);
}

/**
 * E[X(T, T + t) | x, t_x, T] (FHL 2005 eq. 10): P(alive) times the purchases of a customer alive at T,
 * whose posterior is λ ~ Gamma(r + x, α + T) and p ~ Beta(a, b + x):
 *
 * ```text
 * E = P(alive | x, tₓ, T) · K(r + x, α + T, a, b + x; t)
 * K(R, A, a, B; t) = E_p[(1 − (A/(A + p t))^R)/p]
 *                  = (a + B − 1)/(a − 1) · [1 − (A/(A + t))^R · ₂F₁(R, B; a + B − 1; t/(A + t))]
 * ```
 *
 * K comes from `aliveExpectedPurchases` (a positive series or a quadrature, never the cancelling closed
 * form), so the value is accurate at every parameter and lies within the bounds
 * P(alive)·(1 − ((α + T)/(α + T + t))^(r+x)) ≤ E ≤ P(alive)·(r + x)·t/(α + T).
 * With x = 0 and T = 0 this is the unconditional E[X(t)] (eq. 7).
 * @example
 * ```ts
 * import { bgNbdConditionalExpectedOne } from './bgNbdKernel.ts';
 *
 * // FHL (2005) on CDNOW: a customer with x = 2, tₓ = 30.43, T = 38.86 buys 1.226 times in the next 39 weeks
 * const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * bgNbdConditionalExpectedOne(p, 39, 2, 30.43, 38.86); // => 1.226
 * // x = tₓ = T = 0: the unconditional E[X(t)], published as 0.0532 at t = 1 and 1.0437 at t = 32
 * // for the refitted parameters (CDNOW, FHL 2005)
 * const refit = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 };
 * bgNbdConditionalExpectedOne(refit, 1, 0, 0, 0); // => 0.0532
 * bgNbdConditionalExpectedOne(refit, 32, 0, 0, 0); // => 1.0437
 * bgNbdConditionalExpectedOne(p, 0, 2, 30.43, 38.86); // => 0
 * ```
 */
export function bgNbdConditionalExpectedOne(
  p: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
  alive: number = bgNbdAlivePurchases(p, t, x, T),
): number {
  if (t === 0) return 0;
  return x === 0 ? alive : alive * aliveFromOdds(p, p.b + (x - 1), x, tx, T);
}

/**
 * K(r + x, α + T, a, b + x; t): the expected purchases in (T, T + t] of a BG/NBD customer (x, T) who is
 * alive at T (the costly factor of the conditional expectation; it does not depend on tₓ, so a loop over
 * customers may compute it once per distinct (x, T): the `alive` argument of `bgNbdConditionalExpectedOne`).
 * @example
 * ```ts
 * import { bgNbdAlivePurchases } from './bgNbdKernel.ts';
 *
 * // FHL (2005), CDNOW refit: x = T = 0 customers buy 1.0437 times in 32 weeks
 * bgNbdAlivePurchases({ r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 }, 32, 0, 0); // => 1.0437
 * ```
 */
export function bgNbdAlivePurchases(p: BgNbdParams, t: number, x: number, T: number): number {
  return aliveExpectedPurchases(p.r + x, p.alpha + T, p.a, p.b + x, t);
}

/**
 * 1 − (1 − z)^(a−1)·₂F₁(`A`, a − 1; `c`; z) with z = t/(α + T + t) (`alphaT` = α + T): the bracket of the
 * closed form of the BG/NBD and MBG/NBD expectations after Euler's transformation. Kept for reference
 * and tests only: it cancels where the ₂F₁ is large, so the models use `aliveExpectedPurchases`.
 * @example
 * ```ts
 * import { eulerBracket } from './bgNbdKernel.ts';
 *
 * // With A = 0 the ₂F₁ is 1: 1 − (1 − z)^(a−1) with z = t/(α + T + t) = 1/2 and a = 3 gives 0.75
 * eulerBracket(0, 3, 5, 1, 1); // => 0.75
 * eulerBracket(0, 3, 5, 1, 0); // => 0
 * ```
 */
export function eulerBracket(A: number, a: number, c: number, alphaT: number, t: number): number {
  const log1mz = Math.log(alphaT) - Math.log(alphaT + t);
  const z = t / (alphaT + t);
  const f = logHyp2f1(A, a - 1, c, z);
  const L = (a - 1) * log1mz + f.log;
  return f.sign > 0 ? -Math.expm1(L) : f.sign < 0 ? 1 + Math.exp(L) : 1;
}

/**
 * ln[Γ(r + n)/(Γ(r) n!) · (α/(α + t))^r · (t/(α + t))ⁿ]: the NBD probability of n purchases in (0, t], t > 0.
 * @example
 * ```ts
 * import { logNbdProbability } from './bgNbdKernel.ts';
 *
 * // r = 1 is the geometric distribution: (α/(α + t))·(t/(α + t))ⁿ = ½·¼ at α = t = 1, n = 2
 * Math.exp(logNbdProbability(1, 1, 1, 2)); // => 0.125
 * // r = 2: (n + 1)·½²·½ⁿ at n = 1
 * Math.exp(logNbdProbability(2, 1, 1, 1)); // => 0.25
 * ```
 */
export function logNbdProbability(r: number, alpha: number, t: number, n: number): number {
  const lp = Math.log(t) - Math.log(alpha + t);
  const l1mp = Math.log(alpha) - Math.log(alpha + t);
  return logGamma(r + n) - logGamma(r) - logGamma(n + 1) + r * l1mp + (n === 0 ? 0 : n * lp);
}

/**
 * P(X(t) = n) for a randomly chosen customer (FHL 2005 eq. 8), in log space, with the negative
 * binomial tail 1 − Σ_{j<n} NB(j) computed as the regularised incomplete beta I_p(n, r) (no
 * cancellation, no loop over n):
 *
 * ```text
 * p = t/(α + t)
 * P(X(t) = n) = B(a, b + n)/B(a, b) · Γ(r + n)/(Γ(r) n!) · (1 − p)^r · pⁿ
 *             + 1{n>0} · B(a + 1, b + n − 1)/B(a, b) · I_p(n, r)
 * ```
 * @example
 * ```ts
 * import { bgNbdPurchaseProbabilityOne } from './bgNbdKernel.ts';
 *
 * // Published values for r, α, a, b = 0.243, 4.414, 0.793, 2.426 (FHL 2005 / CDNOW)
 * const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * bgNbdPurchaseProbabilityOne(p, 39, 0); // => 0.5737864
 * bgNbdPurchaseProbabilityOne(p, 2, 10); // => 1.07869e-7
 * bgNbdPurchaseProbabilityOne(p, 30, 11); // => 0.0019995214
 * ```
 */
export function bgNbdPurchaseProbabilityOne(p: BgNbdParams, t: number, n: number): number {
  const { r, alpha, a, b } = p;
  if (t === 0) return n === 0 ? 1 : 0;
  const lbab = logBeta(a, b);
  const nbLog = logNbdProbability(r, alpha, t, n);
  const first = Math.exp(logBeta(a, b + n) - lbab + nbLog);
  if (n === 0) return first;
  const tail = regularizedIncompleteBeta(t / (alpha + t), n, r);
  return first + Math.exp(logBeta(a + 1, b + n - 1) - lbab) * tail;
}
