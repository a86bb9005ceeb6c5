/**
 * BG/BB (discrete opportunities) as a model of the diagnostics: the `{ model: 'bgBb', params }` door
 * beside the continuous-time registry `TRANSACTION_MODELS`, its population functions and the
 * conditional moments of its future count. Not public API.
 *
 * The diagnostics read customers as `{ frequency, recency, T }`; for BG/BB, T is the number n of
 * repeat-transaction opportunities observed and tₓ the opportunity of the last transaction (integers).
 * A horizon t in model units stands for ⌊t⌋ whole opportunities.
 *
 * ```text
 * alive after opportunity n (probability π): p ~ Beta(α + x, β + n − x), θ ~ Beta(γ, δ + n), independent
 * Sⱼ = E[(1 − θ)ʲ] = Π_{i<j} (δ + n + i)/(γ + δ + n + i)        (alive at the j-th next opportunity)
 * E[Y]  = E[p]·Σⱼ Sⱼ,   E[Y²] = E[Y] + 2·E[p²]·Σⱼ (j − 1)·Sⱼ      (Y = purchases in the next m, alive now)
 * P(Y = 0) = Σ_{j<m} E[(1 − θ)ʲ θ]·E[(1 − p)ʲ] + Sₘ·E[(1 − p)ᵐ]   (die before buying, or never buy)
 * E[X] = π·E[Y],  Var[X] = π·E[Y²] − (π·E[Y])²,  P(X = 0) = 1 − π + π·P(Y = 0)
 * ```
 * @internal
 * @module
 */
import { namedParams } from '../maximumLikelihood.ts';
import {
  BG_BB_PARAM_NAMES,
  bgBbConditionalExpectedOne,
  bgBbExpectedOne,
  bgBbLogLikelihood,
  bgBbProbabilityAliveOne,
  bgBbPurchaseProbabilityOne,
  readBgBbParams,
  type BgBbParams,
} from './bgBbKernel.ts';
import type { CountMoments } from './conditionalMoments.ts';
import type { Heterogeneity, PopulationKernel } from './populationModels.ts';
import type { LogCovariance, TransactionModel, TransactionModelKernel } from './transactionModel.ts';

/** A fitted BG/BB model as a transaction model of the diagnostics (the `fitBgBb` result qualifies). */
export interface BgBbTransactionModel {
  readonly model: 'bgBb';
  readonly params: BgBbParams;
  /** Needed only for intervals; the `fitBgBb` result carries it. */
  readonly logCovariance?: LogCovariance;
}

/** A fitted model the diagnostics accept: a continuous-time transaction model or BG/BB. */
export type DiagnosticTransactionModel = TransactionModel | BgBbTransactionModel;

/**
 * Whole opportunities in a horizon of t model units (⌊t⌋, with a 1e-9 allowance for t computed as k·L).
 * @example
 * ```ts
 * import { opportunitiesIn } from './bgBbDiagnostics.ts';
 *
 * opportunitiesIn(3 * 0.1 * 10); // => 3
 * opportunitiesIn(2.5); // => 2
 * ```
 */
export function opportunitiesIn(t: number): number {
  return Math.max(0, Math.floor(t + 1e-9));
}

/** E[p] and E[p²] of Beta(a, b). */
function betaMoments(a: number, b: number): [number, number] {
  const m1 = a / (a + b);
  return [m1, (m1 * (a + 1)) / (a + b + 1)];
}

/**
 * E[Y] and E[Y²] of the purchases of a customer alive now in the next m opportunities (see the module).
 * @example
 * ```ts
 * import { aliveMoments } from './bgBbDiagnostics.ts';
 *
 * // p ~ Beta(1, 1), θ ~ Beta(2, 1): S₁ = ⅓, S₂ = ⅙; E[Y] = ½·(⅓ + ⅙), E[Y²] = E[Y] + 2·⅓·⅙
 * aliveMoments({ alpha: 1, beta: 1, gamma: 2, delta: 1 }, 0, 0, 2); // => [0.25, 0.3611111111111]
 * ```
 */
export function aliveMoments(p: BgBbParams, x: number, n: number, m: number): [number, number] {
  const [p1, p2] = betaMoments(p.alpha + x, p.beta + n - x);
  const D = p.delta + n;
  let s = 1;
  let first = 0;
  let second = 0;
  for (let j = 1; j <= m; j++) {
    s *= (D + j - 1) / (p.gamma + D + j - 1);
    first += s;
    second += (j - 1) * s;
  }
  const mean = p1 * first;
  return [mean, mean + 2 * p2 * second];
}

/**
 * P(no purchase in the next m opportunities | alive now) (see the module).
 * @example
 * ```ts
 * import { aliveNoPurchase } from './bgBbDiagnostics.ts';
 *
 * // p ~ Beta(1, 1), θ ~ Beta(2, 1), one opportunity: die (E[θ] = ⅔) or survive and not buy (⅓·½)
 * aliveNoPurchase({ alpha: 1, beta: 1, gamma: 2, delta: 1 }, 0, 0, 1); // => 0.8333333333333
 * ```
 */
export function aliveNoPurchase(p: BgBbParams, x: number, n: number, m: number): number {
  const a = p.alpha + x;
  const b = p.beta + n - x;
  const g = p.gamma;
  const D = p.delta + n;
  let survive = 1; // E[(1 − θ)ʲ]
  let quiet = 1; // E[(1 − p)ʲ]
  let sum = 0;
  for (let j = 0; j < m; j++) {
    sum += survive * (g / (g + D + j)) * quiet; // E[(1 − θ)ʲ θ] = Sⱼ·γ/(γ + D + j)
    survive *= (D + j) / (g + D + j);
    quiet *= (b + j) / (a + b + j);
  }
  return Math.min(1, Math.max(0, sum + survive * quiet));
}

/**
 * The BG/BB kernel in the shape of a transaction-model kernel (T = n opportunities, horizons floored).
 * @example
 * ```ts
 * import { BG_BB_KERNEL } from './bgBbDiagnostics.ts';
 *
 * // BTYD walkthrough (McCarthy & Wadsworth), donations: customer B (x = 4, tₓ = 5, n = 6), 10 more years
 * const params = { alpha: 1.203528, beta: 0.749726, gamma: 0.6567808, delta: 2.783796 };
 * BG_BB_KERNEL.conditionalExpectedPurchases(params, 10, 4, 5, 6); // => 3.627858
 * ```
 */
export const BG_BB_KERNEL: TransactionModelKernel<unknown> = {
  paramNames: BG_BB_PARAM_NAMES,
  readParams: readBgBbParams,
  fromVector: (values) => namedParams<BgBbParams>(BG_BB_PARAM_NAMES, values),
  probabilityAlive: (params, x, tx, T) => bgBbProbabilityAliveOne(params as BgBbParams, x, tx, T, 0),
  conditionalExpectedPurchases: (params, t, x, tx, T) =>
    bgBbConditionalExpectedOne(params as BgBbParams, x, tx, T, opportunitiesIn(t)),
};

function betaHeterogeneity(a: number, b: number): { mean: number; variance: number } {
  const ab = a + b;
  return { mean: a / ab, variance: (a * b) / (ab * ab * (ab + 1)) };
}

/**
 * BG/BB population functions: E[X(n)], P(X(n) = x), the heterogeneity (BTYD's figures 14–15) and
 * P(no purchase in the next m | x, tₓ, n).
 * @example
 * ```ts
 * import { BG_BB_POPULATION } from './bgBbDiagnostics.ts';
 *
 * // BTYD walkthrough, donations: bgbb.Expectation(params, n = 10) = 3.179805 (at its 7-digit parameters, to 6 digits);
 * // heterogeneity means 0.6162 and 0.1909
 * const params = { alpha: 1.203528, beta: 0.749726, gamma: 0.6567808, delta: 2.783796 };
 * BG_BB_POPULATION.expectedPurchases(params, 10); // => 3.17981
 * BG_BB_POPULATION.heterogeneity(params).dropout; // => { kind: 'probabilityPerOpportunity', mean: 0.1909, variance: 0.0348 }
 * ```
 */
export const BG_BB_POPULATION: PopulationKernel<unknown> = {
  expectedPurchases: (params, t) => bgBbExpectedOne(params as BgBbParams, opportunitiesIn(t)),
  purchaseProbability: (params, t, n) => bgBbPurchaseProbabilityOne(params as BgBbParams, opportunitiesIn(t), n),
  heterogeneity: (params): Heterogeneity => {
    const p = params as BgBbParams;
    return {
      purchaseRate: betaHeterogeneity(p.alpha, p.beta),
      dropout: { kind: 'probabilityPerOpportunity', ...betaHeterogeneity(p.gamma, p.delta) },
    };
  },
  probabilityNoPurchase: (params, t, x, tx, T) => {
    const p = params as BgBbParams;
    const alive = bgBbProbabilityAliveOne(p, x, tx, T, 0);
    return 1 - alive + alive * aliveNoPurchase(p, x, T, opportunitiesIn(t));
  },
};

/**
 * Conditional mean and variance of the BG/BB count in the next ⌊t⌋ opportunities.
 * @example
 * ```ts
 * import { bgBbConditionalMoments } from './bgBbDiagnostics.ts';
 *
 * const params = { alpha: 1.203528, beta: 0.749726, gamma: 0.6567808, delta: 2.783796 };
 * const out = { mean: 0, variance: 0 };
 * bgBbConditionalMoments(params, 10, 0, 0, 6, out);
 * out.mean; // => 0.1302169
 * ```
 */
export function bgBbConditionalMoments(
  params: unknown,
  t: number,
  x: number,
  tx: number,
  T: number,
  out: CountMoments,
): void {
  const p = params as BgBbParams;
  const m = opportunitiesIn(t);
  if (m === 0) {
    out.mean = 0;
    out.variance = 0;
    return;
  }
  const alive = bgBbProbabilityAliveOne(p, x, tx, T, 0);
  const [m1, m2] = aliveMoments(p, x, T, m);
  out.mean = alive * m1;
  out.variance = Math.max(0, alive * m2 - out.mean * out.mean);
}

/**
 * The BG/BB weighted log-likelihood over `{ frequency, recency, T = n }` columns (as `MODEL_LIKELIHOODS`).
 * @example
 * ```ts
 * import { bgBbDiagnosticLogLikelihood } from './bgBbDiagnostics.ts';
 *
 * // 5 customers without a purchase and 1 with one, in one opportunity: 5·ln(⅚) + ln(⅙)
 * const ll = bgBbDiagnosticLogLikelihood(Float64Array.of(0, 1), Float64Array.of(0, 1), Float64Array.of(1, 1), Float64Array.of(5, 1));
 * ll(Float64Array.of(0, 0, Math.log(2), 0)); // => -2.7033672531978
 * ```
 */
export function bgBbDiagnosticLogLikelihood(
  frequency: Float64Array,
  recency: Float64Array,
  T: Float64Array,
  weights: Float64Array,
): (logParams: Float64Array) => number {
  const ll = bgBbLogLikelihood({ length: T.length, single: false, frequency, recency, opportunities: T }, weights);
  return (logParams) => ll(logParams);
}
