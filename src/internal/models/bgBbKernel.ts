/**
 * BG/BB kernels (Fader, Hardie & Shang 2010, "Customer-Base Analysis in a Discrete-Time Noncontractual
 * Setting", Marketing Science 29(6)), in log space: customer input, the weighted log-likelihood with
 * its analytic gradient, P(alive), conditional and unconditional expected purchases and P(X(n) = x).
 * Not public API; the exported functions in this folder validate and call these.
 * @internal
 * @module
 */
import { compressPatterns } from '../compressPatterns.ts';
import { customerRows, probeRows, rowNumber } from '../input/customerSummary.ts';
import { bgBbSeries } from './bgBbSeries.ts';
import {
  digamma,
  digammaDifference,
  logBeta,
  logBetaRatio,
  logGamma,
  logGammaDifference,
  logSumExp,
  logSumExp2,
} from '../special.ts';
import {
  describeValue,
  readOptions,
  rangeFail,
  requireArrayLike,
  requireObject,
  requirePositive,
  typeFail,
} from '../validate.ts';

/** BG/BB parameters: transaction probabilities p ~ Beta(α, β), dropout probabilities θ ~ Beta(γ, δ). */
export interface BgBbParams {
  /** First shape of the beta distribution of per-opportunity transaction probabilities. */
  readonly alpha: number;
  /** Second shape of that beta distribution. */
  readonly beta: number;
  /** First shape of the beta distribution of per-opportunity dropout probabilities. */
  readonly gamma: number;
  /** Second shape of that beta distribution. */
  readonly delta: number;
}

/** One customer of a discrete-opportunity business: x, tₓ and n. */
export interface BgBbCustomer {
  /** Repeat transactions x: opportunities (after the first) with a transaction, an integer 0 ≤ x ≤ recency. */
  readonly frequency: number;
  /** tₓ: the opportunity (1…n) of the last repeat transaction, 0 when there is none. */
  readonly recency: number;
  /** n: repeat-transaction opportunities observed (e.g. years since the first donation), a positive integer. */
  readonly opportunities: number;
}

/** The same summaries as parallel columns of equal length. */
export interface BgBbCustomerColumns {
  readonly frequency: ArrayLike<number>;
  readonly recency: ArrayLike<number>;
  readonly opportunities: ArrayLike<number>;
}

/** Many BG/BB customers: an array of {@link BgBbCustomer} or an object of columns. */
export type BgBbCustomers = readonly BgBbCustomer[] | BgBbCustomerColumns;

/** Parameter order used by the optimiser and covariance matrices. */
export const BG_BB_PARAM_NAMES: readonly ['alpha', 'beta', 'gamma', 'delta'] = ['alpha', 'beta', 'gamma', 'delta'];

/**
 * Largest number of opportunities accepted (a century of weekly opportunities is ~5,200). The likelihood's
 * cost does not grow with it (`bgBbSeries.ts`); P(X(n) = x) sums n − x + 1 terms.
 */
export const MAX_OPPORTUNITIES = 1_000_000;

/**
 * Validates `{ alpha, beta, gamma, delta }` (all positive finite numbers).
 * @example
 * ```ts
 * import { readBgBbParams } from './bgBbKernel.ts';
 *
 * readBgBbParams('bgBbExpectedPurchases', { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 }); // => { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 }
 * readBgBbParams('bgBbExpectedPurchases', { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: Infinity }); // => throws RangeError: bgBbExpectedPurchases: params.delta (Infinity) must be a finite number
 * ```
 */
export function readBgBbParams(fn: string, params: unknown): BgBbParams {
  const p = requireObject(fn, 'params', params);
  return {
    alpha: requirePositive(fn, 'params.alpha', p.alpha),
    beta: requirePositive(fn, 'params.beta', p.beta),
    gamma: requirePositive(fn, 'params.gamma', p.gamma),
    delta: requirePositive(fn, 'params.delta', p.delta),
  };
}

/**
 * Validates a number of opportunities (a positive integer up to {@link MAX_OPPORTUNITIES}).
 * @example
 * ```ts
 * import { readOpportunities } from './bgBbKernel.ts';
 *
 * readOpportunities('bgBbExpectedPurchases', 'n', 6); // => 6
 * readOpportunities('bgBbExpectedPurchases', 'n', 0, true); // => 0
 * readOpportunities('bgBbExpectedPurchases', 'n', 0); // => throws RangeError: bgBbExpectedPurchases: n (0) must be an integer from 1 to 1000000
 * ```
 */
export function readOpportunities(fn: string, name: string, value: unknown, allowZero = false): number {
  if (typeof value !== 'number') typeFail(fn, `${name} must be a number, got ${describeValue(value)}`);
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1) || value > MAX_OPPORTUNITIES) {
    rangeFail(
      fn,
      `${name} (${describeValue(value)}) must be an integer from ${allowZero ? 0 : 1} to ${MAX_OPPORTUNITIES}`,
    );
  }
  return value;
}

/**
 * Reads `{ futurePeriods }` from an options object (a non-negative integer; `fallback` when absent).
 * @example
 * ```ts
 * import { readFuturePeriods } from './bgBbKernel.ts';
 *
 * readFuturePeriods('bgBbConditionalExpectedPurchases', { futurePeriods: 5 }, undefined); // => 5
 * readFuturePeriods('bgBbConditionalExpectedPurchases', {}, 10); // => 10
 * readFuturePeriods('bgBbConditionalExpectedPurchases', {}, undefined); // => throws TypeError: bgBbConditionalExpectedPurchases: futurePeriods is required (the number of future opportunities), got undefined
 * ```
 */
export function readFuturePeriods(fn: string, options: unknown, fallback: number | undefined): number {
  const o = readOptions(fn, options, ['futurePeriods'], ['out']);
  const value = o.futurePeriods;
  if (value === undefined) {
    if (fallback === undefined)
      typeFail(fn, 'futurePeriods is required (the number of future opportunities), got undefined');
    return fallback;
  }
  return readOpportunities(fn, 'futurePeriods', value, true);
}

/** Validated BG/BB customer columns. */
export interface BgBbColumns {
  readonly length: number;
  readonly single: boolean;
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly opportunities: Float64Array;
}

/**
 * Reads one customer object, an array of them, or columns; checks 0 ≤ x ≤ tₓ ≤ n and x = 0 ⇔ tₓ = 0.
 * @example
 * ```ts
 * import { readBgBbCustomers } from './bgBbKernel.ts';
 *
 * readBgBbCustomers('fitBgBb', 'customers', [{ frequency: 2, recency: 4, opportunities: 6 }], false); // => { length: 1, single: false, frequency: [2], recency: [4], opportunities: [6] }
 * readBgBbCustomers('fitBgBb', 'customers', [{ frequency: 2, recency: 1, opportunities: 6 }], false); // => throws RangeError: fitBgBb: row 0: frequency (2) must not exceed recency (1)
 * readBgBbCustomers('fitBgBb', 'customers', [{ frequency: 0, recency: 3, opportunities: 6 }], false); // => throws RangeError: fitBgBb: row 0: recency (3) must be 0 when frequency is 0
 * ```
 */
export function readBgBbCustomers(fn: string, name: string, input: unknown, allowSingle: boolean): BgBbColumns {
  const own = float64BgBbColumns(input);
  if (own) return own;
  const fields = ['frequency', 'recency', 'opportunities'] as const;
  const { length, single, get } = customerRows(fn, name, input, fields, allowSingle, (field, col) =>
    requireArrayLike(fn, `${name}.${field}`, col),
  );
  probeRows(length, (i) => fields.map((f) => rowNumber(fn, i, f, get(f, i))));
  const frequency = new Float64Array(length);
  const recency = new Float64Array(length);
  const opportunities = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    // no per-row array or message: the strings are built only for the row that fails
    const x = rowNumber(fn, i, 'frequency', get('frequency', i));
    const tx = rowNumber(fn, i, 'recency', get('recency', i));
    const n = rowNumber(fn, i, 'opportunities', get('opportunities', i));
    if (!Number.isInteger(x) || x < 0)
      rangeFail(fn, `row ${i}: frequency (${describeValue(x)}) must be a non-negative integer`);
    if (!Number.isInteger(tx) || tx < 0)
      rangeFail(fn, `row ${i}: recency (${describeValue(tx)}) must be a non-negative integer`);
    if (!(Number.isInteger(n) && n >= 1 && n <= MAX_OPPORTUNITIES)) readOpportunities(fn, `row ${i}: opportunities`, n);
    if (tx > n) rangeFail(fn, `row ${i}: recency (${tx}) must not exceed opportunities (${n})`);
    if (x > tx) rangeFail(fn, `row ${i}: frequency (${x}) must not exceed recency (${tx})`);
    if (x === 0 && tx !== 0) rangeFail(fn, `row ${i}: recency (${tx}) must be 0 when frequency is 0`);
    frequency[i] = x;
    recency[i] = tx;
    opportunities[i] = n;
  }
  return { length, single, frequency, recency, opportunities };
}

/**
 * The caller's columns themselves (read-only) when they are Float64Arrays of one length ≥ 1 and every row
 * keeps the rules of {@link readBgBbCustomers}, checked in one tight loop; `undefined` otherwise (the
 * row-by-row path then throws the first bad row's error).
 */
function float64BgBbColumns(input: unknown): BgBbColumns | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const { frequency, recency, opportunities } = input as Record<string, unknown>;
  if (!(frequency instanceof Float64Array && recency instanceof Float64Array && opportunities instanceof Float64Array))
    return undefined;
  const length = frequency.length;
  if (length === 0 || recency.length !== length || opportunities.length !== length) return undefined;
  for (let i = 0; i < length; i++) {
    const x = frequency[i] as number;
    const tx = recency[i] as number;
    const n = opportunities[i] as number;
    // 0 ≤ x ≤ tₓ ≤ n ≤ MAX_OPPORTUNITIES, all integers, n ≥ 1, x = 0 ⇔ tₓ = 0 (NaN fails every comparison)
    if (!(x >= 0 && x <= tx && tx <= n && n >= 1 && n <= MAX_OPPORTUNITIES)) return undefined;
    if (Math.floor(x) !== x || Math.floor(tx) !== tx || Math.floor(n) !== n || (x === 0 && tx !== 0)) return undefined;
  }
  return { length, single: false, frequency, recency, opportunities };
}

/**
 * A per-customer BG/BB prediction over columns, written into `out` (one element per row) and returned,
 * computed once per distinct (x, tₓ, n): customer bases in
 * discrete time have few patterns (the 11,104 donors of FHS 2010 have 22), so each is worked out once and
 * the value copied (the same double the kernel returns: results are bit-identical). The memo keeps at most
 * 16,384 patterns and stops looking after 4,096 rows when more than half of them were new.
 * @example
 * ```ts
 * import { bgBbOverPatterns, bgBbProbabilityAliveOne } from './bgBbKernel.ts';
 *
 * const p = { alpha: 1, beta: 1, gamma: 2, delta: 1 };
 * const columns = { length: 3, single: false, frequency: Float64Array.of(0, 1, 0), recency: Float64Array.of(0, 1, 0), opportunities: Float64Array.of(1, 1, 1) };
 * bgBbOverPatterns(columns, (x, tx, n) => bgBbProbabilityAliveOne(p, x, tx, n, 0), [0, 0, 0]); // => [0.2, 1, 0.2]
 * ```
 */
export function bgBbOverPatterns<R extends number[] | Float64Array>(
  data: BgBbColumns,
  kernel: (x: number, tx: number, n: number) => number,
  out: R,
): R {
  const { length, frequency, recency, opportunities } = data;
  const seen = new Map<number, number>();
  let misses = 0;
  let on = true;
  for (let i = 0; i < length; i++) {
    const x = frequency[i] as number;
    const tx = recency[i] as number;
    const n = opportunities[i] as number;
    if (!on) {
      out[i] = kernel(x, tx, n);
      continue;
    }
    // x ≤ tₓ ≤ n: below n = 2¹⁰ the key (n·2¹⁰ + tₓ)·2¹⁰ + x is a small integer (V8 hashes those fastest), up
    // to 2¹³ (n·2²⁰ + tₓ)·2²⁰ + x ≥ 2⁵⁰ (exact below 2⁵³, disjoint from the small keys); larger n: no memo
    const key = n < 1024 ? (n * 1024 + tx) * 1024 + x : n < 8192 ? (n * 1048576 + tx) * 1048576 + x : -1;
    const known = key >= 0 ? seen.get(key) : undefined;
    if (known !== undefined) {
      out[i] = known;
      continue;
    }
    const v = kernel(x, tx, n);
    out[i] = v;
    if (key >= 0 && seen.size < 16_384) seen.set(key, v);
    misses++;
    if (i >= 4096 && misses * 2 > i + 1) on = false;
  }
  return out;
}

/**
 * One customer's log-likelihood (FHS 2010, eq. 5):
 *
 * ```text
 * L = B(α + x, β + n − x)/B(α, β) · B(γ, δ + n)/B(γ, δ)
 *   + Σ_{i=0}^{n−tₓ−1} B(α + x, β + tₓ − x + i)/B(α, β) · B(γ + 1, δ + tₓ + i)/B(γ, δ)
 * ```
 *
 * The sum over the opportunity of dropping out is `bgBbSeries` (its cost does not grow with n). With
 * `gradient`, ∂ℓ/∂(α, β, γ, δ) are added into it times `weight`.
 * @example
 * ```ts
 * import { bgBbLogLikelihoodOne } from './bgBbKernel.ts';
 *
 * // p ~ Beta(1, 1) (uniform), θ ~ Beta(2, 1): alive at opportunity 1 with probability E[1 − θ] = ⅓,
 * // buying there with probability E[p] = ½. So P(purchase at 1) = ⅙ and P(no purchase) = ⅚.
 * const p = { alpha: 1, beta: 1, gamma: 2, delta: 1 };
 * Math.exp(bgBbLogLikelihoodOne(p, 1, 1, 1)); // => 0.1666666666667
 * Math.exp(bgBbLogLikelihoodOne(p, 0, 0, 1)); // => 0.8333333333333
 * ```
 */
export function bgBbLogLikelihoodOne(
  p: BgBbParams,
  x: number,
  tx: number,
  n: number,
  gradient?: Float64Array,
  weight = 1,
): number {
  const { alpha, beta, gamma, delta } = p;
  const m = n - tx;
  // A short dropout range is summed term by term (each term a ratio of beta functions by logBetaRatio, exact
  // for parameters up to 1e15); a long one by bgBbSeries, whose cost does not grow with n.
  if (m <= EXACT_DROPOUT_TERMS) return bgBbLogLikelihoodExact(p, x, tx, n, gradient, weight);
  const A = alpha + x;
  // Alive through opportunity n, and the sum over the opportunity of dropping out (bgBbSeries.ts: its cost
  // does not grow with n).
  const lbab = logBeta(alpha, beta);
  const lbgd = logBeta(gamma, delta);
  // B(α + x, β + n − x)/B(α, β)·B(γ, δ + n)/B(γ, δ), each ratio by logBetaRatio so nothing cancels up to 1e15.
  const alive = logBetaRatio(alpha, beta, x, n - x) + logBetaRatio(gamma, delta, 0, n);
  const series = m > 0 ? bgBbSeries(A, beta + tx - x, gamma + 1, delta + tx, m, gradient !== undefined) : null;
  const dropped = series === null ? Number.NEGATIVE_INFINITY : series.logSum - lbab - lbgd;
  const ll = logSumExp2(alive, dropped);
  if (gradient) {
    const dab = digamma(alpha + beta);
    const dgd = digamma(gamma + delta);
    const da = digamma(alpha);
    const db = digamma(beta);
    const dg = digamma(gamma);
    const dd = digamma(delta);
    const dax = digamma(A);
    const w0 = weight * Math.exp(alive - ll);
    if (w0 > 0) {
      const dn = digamma(A + beta + n - x);
      const dgn = digamma(gamma + delta + n);
      gradient[0] = (gradient[0] as number) + w0 * (dax - dn - da + dab);
      gradient[1] = (gradient[1] as number) + w0 * (digamma(beta + n - x) - dn - db + dab);
      gradient[2] = (gradient[2] as number) + w0 * (dgd - dgn);
      gradient[3] = (gradient[3] as number) + w0 * (digamma(delta + n) - dgn - dd + dgd);
    }
    const w1 = series === null ? 0 : weight * Math.exp(dropped - ll);
    if (series !== null && w1 > 0) {
      gradient[0] = (gradient[0] as number) + w1 * (dax - series.psiAB - da + dab);
      gradient[1] = (gradient[1] as number) + w1 * (series.psiB - db + dab);
      gradient[2] = (gradient[2] as number) + w1 * (digamma(gamma + 1) - series.psiGD - dg + dgd);
      gradient[3] = (gradient[3] as number) + w1 * (series.psiD - dd + dgd);
    }
  }
  return ll;
}

/** Dropout ranges up to this many opportunities are summed term by term (see bgBbLogLikelihoodOne). */
const EXACT_DROPOUT_TERMS = 4096;

/** bgBbLogLikelihoodOne as an explicit sum of its m + 1 terms (cost O(n − tₓ)). */
function bgBbLogLikelihoodExact(
  p: BgBbParams,
  x: number,
  tx: number,
  n: number,
  gradient: Float64Array | undefined,
  weight: number,
): number {
  const { alpha, beta, gamma, delta } = p;
  const m = n - tx;
  const logs = new Float64Array(m + 1);
  // Each ratio of beta functions by logBetaRatio, so nothing cancels for parameters up to 1e15.
  logs[0] = logBetaRatio(alpha, beta, x, n - x) + logBetaRatio(gamma, delta, 0, n);
  for (let i = 0; i < m; i++)
    logs[i + 1] = logBetaRatio(alpha, beta, x, tx - x + i) + logBetaRatio(gamma, delta, 1, tx + i);
  const ll = logSumExp(logs);
  if (gradient) {
    const dax = digammaDifference(alpha, x);
    for (let k = 0; k <= m; k++) {
      const share = weight * Math.exp((logs[k] as number) - ll);
      if (share === 0) continue;
      // term k is B(α + x, β + Δb)/B(α, β)·B(γ + Δg, δ + Δd)/B(γ, δ)
      const db = k === 0 ? n - x : tx - x + k - 1;
      const dg = k === 0 ? 0 : 1;
      const dd = k === 0 ? n : tx + k - 1;
      const dab1 = digammaDifference(alpha + beta, x + db);
      const dgd1 = digammaDifference(gamma + delta, dg + dd);
      gradient[0] = (gradient[0] as number) + share * (dax - dab1);
      gradient[1] = (gradient[1] as number) + share * (digammaDifference(beta, db) - dab1);
      gradient[2] = (gradient[2] as number) + share * (digammaDifference(gamma, dg) - dgd1);
      gradient[3] = (gradient[3] as number) + share * (digammaDifference(delta, dd) - dgd1);
    }
  }
  return ll;
}

/**
 * The weighted log-likelihood over customers as a function of ln(α, β, γ, δ), with its analytic
 * gradient. Identical (x, tₓ, n) summaries are merged into one weighted row first (a cohort with n
 * opportunities has at most (n + 1)(n + 2)/2 of them), so the cost does not grow with the number of
 * customers.
 * @example
 * ```ts
 * import { bgBbLogLikelihood, readBgBbCustomers } from './bgBbKernel.ts';
 *
 * // 5 customers without a purchase and 1 with one, in one opportunity: 5·ln(⅚) + ln(⅙) (see bgBbLogLikelihoodOne)
 * const data = readBgBbCustomers('fitBgBb', 'customers', [{ frequency: 0, recency: 0, opportunities: 1 }, { frequency: 1, recency: 1, opportunities: 1 }], false);
 * const ll = bgBbLogLikelihood(data, Float64Array.of(5, 1));
 * ll(Float64Array.of(0, 0, Math.log(2), 0)); // => -2.7033672531978
 * ```
 */
export function bgBbLogLikelihood(
  data: BgBbColumns,
  weights: Float64Array,
): (logParams: Float64Array, gradient?: Float64Array) => number {
  // one hash pass over the bits of (x, tₓ, n): no strings, linear in the number of customers
  const p0 = compressPatterns(data.frequency, data.recency, data.opportunities, weights);
  const xs = p0.frequency;
  const txs = p0.recency;
  const ns = p0.T;
  const ws = p0.weight;
  const natural = new Float64Array(4);
  return (logParams, gradient) => {
    const p: BgBbParams = {
      alpha: Math.exp(logParams[0] as number),
      beta: Math.exp(logParams[1] as number),
      gamma: Math.exp(logParams[2] as number),
      delta: Math.exp(logParams[3] as number),
    };
    if (gradient) natural.fill(0);
    let ll = 0;
    let carry = 0; // Neumaier compensation
    for (let i = 0; i < xs.length; i++) {
      const w = ws[i] as number;
      if (!(w > 0)) continue;
      const term =
        w *
        bgBbLogLikelihoodOne(p, xs[i] as number, txs[i] as number, ns[i] as number, gradient ? natural : undefined, w);
      const t = ll + term;
      carry += Math.abs(ll) >= Math.abs(term) ? ll - t + term : term - t + ll;
      ll = t;
    }
    if (gradient) {
      gradient[0] = (natural[0] as number) * p.alpha;
      gradient[1] = (natural[1] as number) * p.beta;
      gradient[2] = (natural[2] as number) * p.gamma;
      gradient[3] = (natural[3] as number) * p.delta;
    }
    return ll + carry;
  };
}

/**
 * P(alive at opportunity n + m | x, tₓ, n) = B(α + x, β + n − x)/B(α, β) · B(γ, δ + n + m)/B(γ, δ) / L
 * (FHS 2010, eq. 11 with m = 1; m = 0 is "alive now", after the last observed opportunity).
 * @example
 * ```ts
 * import { bgBbProbabilityAliveOne } from './bgBbKernel.ts';
 *
 * // p ~ Beta(1, 1), θ ~ Beta(2, 1), no purchase at the single opportunity (probability ⅚):
 * // alive now = P(alive at 1, no purchase)/⅚ = (⅓·½)/⅚; alive at the next one = (E[(1 − θ)²]·½)/⅚ = (⅙·½)/⅚
 * const p = { alpha: 1, beta: 1, gamma: 2, delta: 1 };
 * bgBbProbabilityAliveOne(p, 0, 0, 1, 0); // => 0.2
 * bgBbProbabilityAliveOne(p, 0, 0, 1, 1); // => 0.1
 * ```
 */
export function bgBbProbabilityAliveOne(p: BgBbParams, x: number, tx: number, n: number, m: number): number {
  const { alpha, beta, gamma, delta } = p;
  const top =
    logBeta(alpha + x, beta + n - x) - logBeta(alpha, beta) + logBeta(gamma, delta + n + m) - logBeta(gamma, delta);
  return Math.min(1, Math.exp(top - bgBbLogLikelihoodOne(p, x, tx, n)));
}

/**
 * Σ_{j=1..m} B(γ, D + j)/B(γ, D) = Σ_j E[(1 − θ)^j] for θ ~ Beta(γ, D): the expected number of the next m
 * opportunities at which a customer alive now is still alive. Up to 2,000 terms it is summed directly
 * (positive terms, each from the last by the factor (D + j − 1)/(γ + D + j − 1)); beyond, the telescoped
 * closed form D/(γ − 1)·[1 − Γ(γ + D)Γ(D + 1 + m)/(Γ(D + 1)Γ(γ + D + m))] with its gamma ratios from
 * `logGammaDifference` (no digits lost to the large arguments) and γ = 1 as the limit D·Σ 1/(D + j).
 * Always within [0, m].
 * @example
 * ```ts
 * import { survivingOpportunities } from './bgBbKernel.ts';
 *
 * // θ ~ Beta(2, 1): E[1 − θ] + E[(1 − θ)²] = ⅓ + ⅙
 * survivingOpportunities(2, 1, 2); // => 0.5
 * // the closed form beyond 2,000 terms; at γ = 2, D = 1 the sum is 2·Σ 1/((j + 1)(j + 2)) = 1 − 2/(m + 2)
 * survivingOpportunities(2, 1, 1e6); // => 0.999998000004
 * ```
 */
export function survivingOpportunities(gamma: number, D: number, m: number): number {
  if (m <= 2000) {
    let term = 1;
    let sum = 0;
    for (let j = 0; j < m; j++) {
      term *= (D + j) / (gamma + D + j);
      sum += term;
    }
    return sum;
  }
  if (Math.abs(gamma - 1) < 1e-6) {
    // γ = 1 ± 1e-6: the average at 1 ± 2e-6 (the function is smooth in γ; error O(1e-11))
    return (survivingOpportunities(1 - 2e-6, D, m) + survivingOpportunities(1 + 2e-6, D, m)) / 2;
  }
  const g = gamma - 1;
  const h = logGammaDifference(D + 1, g) - logGammaDifference(D + 1 + m, g);
  return Math.min(m, Math.max(0, (D * -Math.expm1(h)) / g));
}

/**
 * E[X(n)] = α/(α + β) · Σ_{j=1..n} B(γ, δ + j)/B(γ, δ)
 *         = α/(α + β) · δ/(γ − 1) · [1 − Γ(γ + δ)Γ(1 + δ + n)/(Γ(γ + δ + n)Γ(1 + δ))] (FHS 2010, eq. 9).
 * @example
 * ```ts
 * import { bgBbExpectedOne } from './bgBbKernel.ts';
 *
 * // p ~ Beta(1, 1), θ ~ Beta(2, 1): E[X(2)] = E[p]·(E[1 − θ] + E[(1 − θ)²]) = ½·(⅓ + ⅙)
 * const p = { alpha: 1, beta: 1, gamma: 2, delta: 1 };
 * bgBbExpectedOne(p, 2); // => 0.25
 * bgBbExpectedOne(p, 0); // => 0
 * ```
 */
export function bgBbExpectedOne(p: BgBbParams, n: number): number {
  if (n === 0) return 0;
  return (p.alpha / (p.alpha + p.beta)) * survivingOpportunities(p.gamma, p.delta, n);
}

/**
 * E[X(n, n + n*) | x, tₓ, n] (FHS 2010, eq. 13), as P(alive after opportunity n) times the posterior
 * mean purchase probability of an alive customer times the expected surviving opportunities:
 *
 * ```text
 * P(alive | x, tₓ, n) · (α + x)/(α + β + n) · Σ_{j=1..n*} B(γ, δ + n + j)/B(γ, δ + n)
 * ```
 *
 * which equals the published (1/L)·B(α + x + 1, β + n − x)/B(α, β)·δ/(γ − 1)·Γ(γ + δ)/Γ(1 + δ)·[…] and
 * is at most n* by construction (each factor is a probability, the sum at most n*).
 * @example
 * ```ts
 * import { bgBbConditionalExpectedOne } from './bgBbKernel.ts';
 *
 * // No purchase at opportunity 1 (probability ⅚); the expected purchase at opportunity 2 is
 * // E[(1 − θ)²]·E[p(1 − p)]/⅚ = (⅙·⅙)/⅚ = 1/30 for p ~ Beta(1, 1), θ ~ Beta(2, 1)
 * const p = { alpha: 1, beta: 1, gamma: 2, delta: 1 };
 * bgBbConditionalExpectedOne(p, 0, 0, 1, 1); // => 0.0333333333333
 * bgBbConditionalExpectedOne(p, 0, 0, 1, 0); // => 0
 * ```
 */
export function bgBbConditionalExpectedOne(p: BgBbParams, x: number, tx: number, n: number, future: number): number {
  if (future === 0) return 0;
  const { alpha, beta, gamma, delta } = p;
  const alive = bgBbProbabilityAliveOne(p, x, tx, n, 0);
  const buy = (alpha + x) / (alpha + beta + n);
  return Math.min(future, alive * buy * survivingOpportunities(gamma, delta + n, future));
}

/**
 * P(X(n) = x) for a randomly chosen customer (FHS 2010, eq. 7), the alive term plus the n − x dropout terms
 * (each from the last by a rational factor, so the cost is O(n − x) multiplications):
 *
 * ```text
 * C(n, x)·B(α + x, β + n − x)/B(α, β)·B(γ, δ + n)/B(γ, δ)
 *   + Σ_{i=x}^{n−1} C(i, x)·B(α + x, β + i − x)/B(α, β)·B(γ + 1, δ + i)/B(γ, δ)
 * ```
 * @example
 * ```ts
 * import { bgBbPurchaseProbabilityOne } from './bgBbKernel.ts';
 *
 * const p = { alpha: 1, beta: 1, gamma: 2, delta: 1 };
 * // one opportunity: P(X(1) = 1) = E[p]·E[1 − θ] = ½·⅓
 * bgBbPurchaseProbabilityOne(p, 1, 1); // => 0.1666666666667
 * // a distribution over 0..n
 * [0, 1, 2, 3, 4, 5].reduce((s, x) => s + bgBbPurchaseProbabilityOne(p, 5, x), 0); // => 1.00000000000
 * ```
 */
export function bgBbPurchaseProbabilityOne(p: BgBbParams, n: number, x: number): number {
  if (x > n) return 0;
  const { alpha, beta, gamma, delta } = p;
  // ln C(n, x), exact in the difference of log-gammas (no term above 1.4e7 for n ≤ 1e6)
  const logChoose = logGamma(n + 1) - logGamma(x + 1) - logGamma(n - x + 1);
  const alive = logChoose + logBetaRatio(alpha, beta, x, n - x) + logBetaRatio(gamma, delta, 0, n);
  if (x === n) return Math.min(1, Math.exp(alive));
  // The dropout sum: its terms follow from the first (i = x) by the ratio
  // t(i + 1)/t(i) = (i + 1)/(i + 1 − x)·(β + i − x)/(α + β + i)·(δ + i)/(γ + δ + i + 1),
  // so its cost is n − x multiplications and no log-gamma (it was n − x + 1 of them, 40 s for 200 values of x
  // at n = 10⁶). The running term and the sum keep separate scales (powers of e), so neither under- nor
  // overflows whatever the size of C(i, x).
  let termScale = logBetaRatio(alpha, beta, x, 0) + logBetaRatio(gamma, delta, 1, x);
  let term = 1;
  let sumScale = termScale;
  let sum = 1;
  let factor = 1; // exp(termScale − sumScale)
  for (let i = x; i < n - 1; i++) {
    term *= (((i + 1) / (i + 1 - x)) * (beta + i - x) * (delta + i)) / ((alpha + beta + i) * (gamma + delta + i + 1));
    if (term > 1e200 || term < 1e-200) {
      if (term === 0) break; // every later term is smaller than 1e-200 times an earlier one
      termScale += Math.log(term);
      term = 1;
      if (termScale > sumScale) {
        sum *= Math.exp(sumScale - termScale);
        sumScale = termScale;
      }
      factor = Math.exp(termScale - sumScale);
    }
    sum += term * factor;
  }
  return Math.min(1, Math.exp(logSumExp2(alive, sumScale + Math.log(sum))));
}
