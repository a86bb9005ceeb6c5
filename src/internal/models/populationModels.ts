/**
 * Population-level functions of each transaction model, for the diagnostics: unconditional expected
 * purchases E[X(t)], the distribution P(X(t) = n) and the heterogeneity of the purchase and dropout processes. A companion of the registry
 * `TRANSACTION_MODELS` (same keys; typed against the `TransactionModel` union, so a model added there
 * without an entry here does not compile). Kernels are imported, never changed.
 * @internal
 * @module
 */
import {
  bgNbdConditionalExpectedOne,
  bgNbdProbabilityAliveOne,
  bgNbdPurchaseProbabilityOne,
  type BgNbdParams,
} from './bgNbdKernel.ts';
import {
  mbgNbdConditionalExpectedOne,
  mbgNbdProbabilityAliveOne,
  mbgNbdPurchaseProbabilityOne,
} from './mbgNbdKernel.ts';
import {
  paretoNbdConditionalExpectedOne,
  paretoNbdProbabilityAliveOne,
  type ParetoNbdParams,
} from './paretoNbdKernel.ts';
import { paretoNbdPurchaseProbabilityOne } from './paretoNbdPmfKernel.ts';
import { BG_BB_POPULATION, type DiagnosticTransactionModel } from './bgBbDiagnostics.ts';

/** Mean and variance of a mixing distribution. */
export interface Moments {
  readonly mean: number;
  readonly variance: number;
}

/** Heterogeneity of a model: its purchase-rate and dropout distributions (BTYD's heterogeneity plots). */
export interface Heterogeneity {
  /** Purchase rate λ per model time unit, Gamma(r, α): mean r/α, variance r/α²; BG/BB: transaction probability p per opportunity, Beta(α, β). */
  readonly purchaseRate: Moments;
  /**
   * Dropout: a rate μ per time unit (Pareto/NBD, Gamma(s, β)), a probability p per purchase (BG/NBD family,
   * Beta(a, b)) or a probability θ per opportunity (BG/BB, Beta(γ, δ)).
   */
  readonly dropout: Moments & { readonly kind: 'rate' | 'probabilityPerPurchase' | 'probabilityPerOpportunity' };
}

/** What the diagnostics need from a transaction model. */
export interface PopulationKernel<P> {
  /** E[X(t)] for a new customer. */
  expectedPurchases(params: P, t: number): number;
  /** P(X(t) = n) for a new customer. */
  purchaseProbability(params: P, t: number, n: number): number;
  heterogeneity(params: P): Heterogeneity;
  /** P(X(T, T + t) = 0 | x, tₓ, T): no purchase in the next t. */
  probabilityNoPurchase(params: P, t: number, x: number, tx: number, T: number): number;
}

/**
 * BG/NBD family: a customer alive at T cannot drop out before their next purchase, so given alive the
 * chance of no purchase in t is E[e^(−λt)] under the posterior λ ~ Gamma(r + x, α + T).
 */
function bgNoPurchase(alive: number, p: BgNbdParams, t: number, x: number, T: number): number {
  const quiet = Math.exp((p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + T + t)));
  return 1 - alive + alive * quiet;
}

function gammaMoments(shape: number, rate: number): Moments {
  return { mean: shape / rate, variance: shape / (rate * rate) };
}

function bgHeterogeneity(p: BgNbdParams): Heterogeneity {
  const { a, b } = p;
  const ab = a + b;
  return {
    purchaseRate: gammaMoments(p.r, p.alpha),
    dropout: { kind: 'probabilityPerPurchase', mean: a / ab, variance: (a * b) / (ab * ab * (ab + 1)) },
  };
}

function define<P>(kernel: PopulationKernel<P>): PopulationKernel<unknown> {
  return kernel as unknown as PopulationKernel<unknown>;
}

/**
 * Model name → population kernel.
 * @example
 * ```ts
 * import { POPULATION_MODELS } from './populationModels.ts';
 *
 * // BTYD walkthrough (McCarthy & Wadsworth 2014), BG/NBD on CDNOW: E[X(52)] = 1.444004
 * const bg = { r: 0.2425967, alpha: 4.413659, a: 0.7929869, b: 2.426164 };
 * POPULATION_MODELS.bgNbd.expectedPurchases(bg, 52); // => 1.444004
 * POPULATION_MODELS.bgNbd.heterogeneity(bg).dropout; // => { kind: 'probabilityPerPurchase', mean: 0.2463, variance: 0.044 }
 * ```
 */
export const POPULATION_MODELS: Readonly<Record<DiagnosticTransactionModel['model'], PopulationKernel<unknown>>> = {
  bgNbd: /* @__PURE__ */ define<BgNbdParams>({
    expectedPurchases: (p, t) => bgNbdConditionalExpectedOne(p, t, 0, 0, 0),
    purchaseProbability: bgNbdPurchaseProbabilityOne,
    heterogeneity: bgHeterogeneity,
    probabilityNoPurchase: (p, t, x, tx, T) => bgNoPurchase(bgNbdProbabilityAliveOne(p, x, tx, T), p, t, x, T),
  }),
  paretoNbd: /* @__PURE__ */ define<ParetoNbdParams>({
    expectedPurchases: (p, t) => paretoNbdConditionalExpectedOne(p, t, 0, 0, 0),
    purchaseProbability: paretoNbdPurchaseProbabilityOne,
    heterogeneity: (p) => ({
      purchaseRate: gammaMoments(p.r, p.alpha),
      dropout: { kind: 'rate', ...gammaMoments(p.s, p.beta) },
    }),
    // Alive at T, the customer is a new Pareto/NBD customer with posterior parameters (r + x, α + T, s, β + T).
    probabilityNoPurchase: (p, t, x, tx, T) => {
      const alive = paretoNbdProbabilityAliveOne(p, x, tx, T);
      const posterior = { r: p.r + x, alpha: p.alpha + T, s: p.s, beta: p.beta + T };
      return 1 - alive + alive * paretoNbdPurchaseProbabilityOne(posterior, t, 0);
    },
  }),
  mbgNbd: /* @__PURE__ */ define<BgNbdParams>({
    expectedPurchases: (p, t) => Math.max(0, mbgNbdConditionalExpectedOne(p, t, 0, 0, 0)),
    purchaseProbability: (p, t, n) => Math.min(1, Math.max(0, mbgNbdPurchaseProbabilityOne(p, t, n))),
    heterogeneity: bgHeterogeneity,
    probabilityNoPurchase: (p, t, x, tx, T) => bgNoPurchase(mbgNbdProbabilityAliveOne(p, x, tx, T), p, t, x, T),
  }),
  bgBb: BG_BB_POPULATION,
};
