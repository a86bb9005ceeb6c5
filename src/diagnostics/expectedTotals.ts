import { compressPatterns, groupPairs, type Pairs, type Patterns } from '../internal/compressPatterns.ts';
import { readCustomers, readWeights } from '../internal/input/customerSummary.ts';
import {
  readCount,
  requireDiscreteCustomers,
  resolveDiagnosticModel,
  type DiagnosticModel,
} from '../internal/diagnostics.ts';
import { CONDITIONAL_FACTORS } from '../internal/models/conditionalMoments.ts';
import { readGammaGammaParams, type GammaGammaParams } from '../internal/models/gammaGammaKernel.ts';
import { logNormalSampler, percentileInterval, readIntervalOptions } from '../internal/models/intervalKernel.ts';
import { standardNormal } from '../internal/random.ts';
import {
  describeValue,
  rangeFail,
  readOptions,
  requireArrayLike,
  requireFraction,
  requireNonNegative,
  requireOneOf,
  requirePositive,
  typeFail,
  withDefault,
} from '../internal/validate.ts';
import type { DiagnosticCustomer, DiagnosticCustomerColumns, DiagnosticTransactionModel } from './types.ts';

/** Step in ln θ of the central differences of the linearized draws. */
const GRADIENT_STEP = 1e-4;

/** Options for {@link expectedTotals}. */
export interface ExpectedTotalsOptions {
  /** Number of future periods (a positive integer, at most 10,000). Required. */
  readonly horizon: number;
  /** Length of one period in model time units (default 1: periods of the model's unit). */
  readonly periodLength?: number;
  /** Parameter draws (default 200, at most 100,000). */
  readonly draws?: number;
  /** Interval level (default 0.95). */
  readonly confidenceLevel?: number;
  /** Seed of the generator (default 1), or `rng`, a function returning numbers in [0, 1). */
  readonly seed?: number;
  readonly rng?: () => number;
  /** Non-negative weight per customer row (e.g. compressed counts); default 1 each. */
  readonly weights?: ArrayLike<number>;
  /**
   * How a parameter draw moves the totals: `'linearized'` (default; first order in ln θ, gradient by central
   * differences, so the model runs 2k + 1 times per pattern whatever the draws) or `'exact'` (the model re-run
   * at every draw: draws × patterns × horizon evaluations).
   */
  readonly parameterDraws?: 'linearized' | 'exact';
  /**
   * Gamma-Gamma spend parameters `{ p, q, v }` (a `fitGammaGamma` result's `params`): adds revenue and CLV
   * totals; every customer then needs `monetaryValue` (mean repeat-purchase value, 0 when x = 0).
   */
  readonly spend?: GammaGammaParams;
  /** Profit margin of CLV, a fraction in [0, 1] (default 1: CLV is discounted revenue). */
  readonly margin?: number;
  /** Discount rate per period of CLV (≥ 0, default 0; payments at period end). */
  readonly discountRate?: number;
  /** A segment or cohort label per customer row: adds the same totals per segment (`segments`). */
  readonly segments?: ArrayLike<string | number>;
}

/** A total with its interval. */
export interface TotalWithInterval {
  /** Expected total (at the estimated parameters). */
  readonly expected: number;
  /** Interval: parameter uncertainty (shared draws) plus process noise. `NaN` without a covariance. */
  readonly lower: number;
  readonly upper: number;
  /** Standard deviation from process noise alone (at the estimate). */
  readonly processStandardDeviation: number;
}

/** Totals through one future period. */
export interface ExpectedTotalsRow {
  /** 1-based period. */
  readonly period: number;
  /** End of the period from now, in model time units. */
  readonly t: number;
  /** Expected purchases of the whole base in this period alone. */
  readonly incremental: number;
  /** Expected purchases of the whole base from now to the end of the period. */
  readonly expected: number;
  /** Interval of the cumulative total: parameter uncertainty (shared draws) plus process noise. `NaN` without a covariance. */
  readonly lower: number;
  readonly upper: number;
  /** Standard deviation of the cumulative total from process noise alone (at the estimate). */
  readonly processStandardDeviation: number;
  /** Revenue from now to the end of the period (with `spend`). */
  readonly revenue?: TotalWithInterval;
  /** CLV to the end of the period: discounted revenue times margin (with `spend`). */
  readonly clv?: TotalWithInterval;
}

/** Totals of one segment. */
export interface ExpectedTotalsSegment {
  readonly segment: string | number;
  /** Σ weights in the segment. */
  readonly customers: number;
  readonly patterns: number;
  readonly rows: ExpectedTotalsRow[];
}

/** Result of {@link expectedTotals}. */
export interface ExpectedTotals {
  /** Σ weights. */
  readonly customers: number;
  /** Distinct (x, tₓ, T) patterns the computation ran on. */
  readonly patterns: number;
  /** Parameter draws used (0 when the fit has no covariance). */
  readonly draws: number;
  readonly confidenceLevel: number;
  readonly rows: ExpectedTotalsRow[];
  /** Per segment, in order of first appearance (with `segments`); the parameter draws are the base's. */
  readonly segments?: ExpectedTotalsSegment[];
}

/**
 * Expected purchases, revenue and CLV of the whole customer base (and per segment or cohort) over the
 * next N periods, with intervals: what the base will do, not one customer. Parameter uncertainty is
 * shared by every customer (one draw of the parameters moves all of them together, which a
 * per-customer interval summed up would miss), and the model's own process noise is added on top.
 *
 * ```text
 * Sₕ(θ) = Σᵢ wᵢ·E[X(Tᵢ, Tᵢ + h·L) | xᵢ, tₓᵢ, Tᵢ, θ]                      (L = periodLength)
 * Vₕ    = Σᵢ wᵢ·Var[X(Tᵢ, Tᵢ + h·L) | xᵢ, tₓᵢ, Tᵢ, θ̂]                   (customers independent given θ)
 * draw d: θ_d ~ logNormal(ln θ̂, logCovariance),  z_d ~ N(0, 1)
 *         total_d(h) = Sₕ(θ_d) + √Vₕ · z_d       (parameterDraws 'exact')
 *         total_d(h) = Sₕ(θ̂) + ∇Sₕ·(ln θ_d − ln θ̂) + √Vₕ · z_d   ('linearized', the default)
 * interval(h) = percentiles of total_d(h) over the draws;  expected(h) = Sₕ(θ̂)
 *
 * revenue (spend = Gamma-Gamma p, q, v; the spend per purchase Z ~ Gamma(p, ν), ν | x, m̄ ~ Gamma(A, B),
 *          A = p·x + q, B = v + x·m̄, independent of the purchase count X):
 *   Rₕ = Σᵢ wᵢ·m̃ᵢ·E[Xᵢ(h)],  m̃ = p·B/(A − 1)                               (as gammaGammaExpectedSpend)
 *   Var Rᵢ = p·E[ν⁻²]·(E[X] + p·E[X²]) − (m̃·E[X])²,  E[ν⁻²] = B²/((A − 1)(A − 2))   (∞ when A ≤ 2)
 * CLV:    Cₕ = margin·Σ_{k≤h} (R_k − R_{k−1})/(1 + discountRate)^k; its noise is √Var Rₕ·Cₕ/Rₕ
 * ```
 *
 * Revenue and CLV use the same draws θ_d and z_d as the purchase count, so the three intervals are of
 * one simulated path per draw; the spend parameters are taken as known (their uncertainty is small
 * beside the transaction model's in practice and is not included). Identical (x, tₓ, T) customers are
 * merged first (one hash pass over typed arrays; their spends summed), and each conditional moment is
 * split as P(alive | x, tₓ, T) times the moments of the count given alive, which depend on (x, T) only:
 * so P(alive) runs once per pattern and the count series once per (x, T) pair and period, and,
 * linearized, 2k + 1 times in all whatever the draws (1M customers in well under a second, see
 * bench/diagnostics.bench.ts). The conditional variance is exact for each
 * model (see the kernels: alive-or-not times a Poisson-gamma count with a Pareto or geometric lifetime,
 * BG/BB from its Beta posteriors); the total is taken as normal given θ, good for a base of hundreds of
 * customers or more, and z_d is shared over horizons, so a draw is a whole path and the intervals widen
 * with the horizon. BG/BB: T = n opportunities, h·L counts ⌊h·L⌋ whole opportunities. `segments` adds
 * the totals per label with the base's parameter draws (so segments move together under parameter
 * uncertainty) and process noise of their own. Without `logCovariance` (or with `null`) the bounds are
 * `NaN`. Money is in the currency of monetaryValue.
 *
 * @param customers - `{ frequency, recency, T }` rows or columns (with `monetaryValue` for `spend`), in the model's time unit.
 * @param transaction - A fit result `{ model, params, logCovariance }`.
 * @param options - `horizon` (required), `periodLength`, `draws`, `confidenceLevel`, `seed`/`rng`, `weights`, `parameterDraws`, `spend`, `margin`, `discountRate`, `segments`.
 * @returns `{ customers, patterns, draws, confidenceLevel, rows, segments? }`, one row per period.
 * @throws {TypeError} When an argument has the wrong type or `horizon` is missing.
 * @throws {RangeError} When a value is out of its domain.
 * @example
 * ```ts
 * import { expectedTotals } from 'loyalty-metrics';
 *
 * const fit = {
 *   model: 'bgNbd',
 *   params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
 *   logCovariance: [[0.00268, 0.00346, -0.00046, 0.00011], [0.00346, 0.00734, -0.00082, 0.00098], [-0.00046, -0.00082, 0.0549, 0.0641], [0.00011, 0.00098, 0.0641, 0.0845]],
 * } as const;
 * const customers = Array.from({ length: 1000 }, () => ({ frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 }));
 * const totals = expectedTotals(customers, fit, { horizon: 3, periodLength: 13, spend: { p: 6.25, q: 3.74, v: 15.44 } });
 * totals.patterns; // => 1
 * // FHL (2005): 1.226 purchases in 39 weeks for this customer, so 1,226 for a thousand of them
 * totals.rows[2]; // => { period: 3, t: 39, expected: 1226.03 }
 * totals.rows[2].lower < 1226 && 1226 < totals.rows[2].upper; // => true
 * // Gamma-Gamma: 24.66 per purchase for x = 2, m̄ = 22.35, so 1,226.03 × 24.66 in revenue
 * totals.rows[2].revenue?.expected; // => 30238.4
 * ```
 * @category Diagnostics
 */
export function expectedTotals(
  customers: readonly DiagnosticCustomer[] | DiagnosticCustomerColumns,
  transaction: DiagnosticTransactionModel,
  options: ExpectedTotalsOptions,
): ExpectedTotals {
  const fn = 'expectedTotals';
  const model = resolveDiagnosticModel(fn, transaction);
  const o = readOptions(fn, options ?? ({} as ExpectedTotalsOptions), [
    'horizon',
    'periodLength',
    'draws',
    'confidenceLevel',
    'seed',
    'rng',
    'weights',
    'parameterDraws',
    'spend',
    'margin',
    'discountRate',
    'segments',
  ]);
  const exact =
    requireOneOf(fn, 'parameterDraws', withDefault(o.parameterDraws, 'linearized'), ['linearized', 'exact']) ===
    'exact';
  if (o.horizon === undefined) typeFail(fn, 'horizon is required (the number of future periods)');
  const H = readCount(fn, 'horizon', o.horizon, 1, 10_000);
  const L = requirePositive(fn, 'periodLength', withDefault(o.periodLength, 1));
  const spend = o.spend === undefined ? null : readGammaGammaParams(fn, o.spend, 'spend');
  if (spend === null && (o.margin !== undefined || o.discountRate !== undefined))
    typeFail(fn, 'margin and discountRate need spend (the Gamma-Gamma parameters { p, q, v })');
  const margin = requireFraction(fn, 'margin', withDefault(o.margin, 1));
  const discount = requireNonNegative(fn, 'discountRate', withDefault(o.discountRate, 0));
  const settings = readIntervalOptions(fn, { ...o, draws: withDefault(o.draws, 200) });
  const data = readCustomers(fn, 'customers', customers, { allowSingle: false, monetary: spend !== null });
  requireDiscreteCustomers(fn, model, data);
  const w = readWeights(fn, o.weights, data.length);
  const labels = o.segments === undefined ? null : readSegments(fn, o.segments, data.length);
  const sampler = logNormalSampler(model.logParams, model.logCovariance);
  const draws = sampler ? settings.draws : 0;
  // θ_d and z_d drawn in turn; segments reuse the θ_d and draw process noise of their own afterwards
  const thetas: Float64Array[] = [];
  const noise = new Float64Array(draws);
  for (let d = 0; d < draws; d++) {
    thetas.push((sampler as NonNullable<typeof sampler>)(settings.rng));
    noise[d] = standardNormal(settings.rng);
  }
  const setup: Setup = { model, H, L, exact, spend, margin, discount, thetas };
  const level = settings.confidenceLevel;
  const base = totalsOf(setup, data, w, level, noise);
  const result: ExpectedTotals = {
    customers: base.customers,
    patterns: base.patterns,
    draws,
    confidenceLevel: level,
    rows: base.rows,
  };
  if (labels === null) return result;
  // segment ids in order of first appearance, then the rows of each segment together (a counting sort)
  const n = data.length;
  const idOf = new Map<string | number, number>();
  const names: (string | number)[] = [];
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = labels[i] as string | number;
    let id = idOf.get(label);
    if (id === undefined) {
      id = names.length;
      idOf.set(label, id);
      names.push(label);
    }
    ids[i] = id;
  }
  const start = new Int32Array(names.length + 1);
  for (let i = 0; i < n; i++) start[(ids[i] as number) + 1] = (start[(ids[i] as number) + 1] as number) + 1;
  for (let g = 0; g < names.length; g++) start[g + 1] = (start[g + 1] as number) + (start[g] as number);
  const next = start.slice(0, names.length);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = ids[i] as number;
    order[next[g] as number] = i;
    next[g] = (next[g] as number) + 1;
  }
  const segments: ExpectedTotalsSegment[] = [];
  names.forEach((segment, g) => {
    const rows = order.subarray(start[g] as number, start[g + 1] as number);
    const pick = (col: Float64Array): Float64Array => {
      const out = new Float64Array(rows.length);
      for (let k = 0; k < rows.length; k++) out[k] = col[rows[k] as number] as number;
      return out;
    };
    const part = {
      frequency: pick(data.frequency),
      recency: pick(data.recency),
      T: pick(data.T),
      monetaryValue: data.monetaryValue ? pick(data.monetaryValue) : null,
    };
    const z = Float64Array.from(noise, () => standardNormal(settings.rng));
    segments.push({ segment, ...totalsOf(setup, part, pick(w), level, z) });
  });
  return { ...result, segments };
}

interface Setup {
  readonly model: DiagnosticModel;
  readonly H: number;
  readonly L: number;
  readonly exact: boolean;
  readonly spend: GammaGammaParams | null;
  readonly margin: number;
  readonly discount: number;
  readonly thetas: readonly Float64Array[];
}

interface Columns {
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  readonly monetaryValue: Float64Array | null;
}

/**
 * A group of customers compressed once, before any parameter value: its (x, tₓ, T) patterns, their
 * (x, T) pairs, and per pattern Σw·m̃, Σw·m̃², Σw·p·E[ν⁻²] of the spend posteriors (with `spend`).
 */
interface Group {
  readonly patterns: Patterns;
  readonly pairs: Pairs;
  readonly sumSpend: Float64Array;
  readonly sumSpend2: Float64Array;
  readonly sumInverse2: Float64Array;
  /** Per-pair accumulators of one evaluation: Σwπ, Σwπ², Σ(w·m̃)π, Σ(w·p·E[ν⁻²])π, Σ(w·m̃²)π². */
  readonly a1: Float64Array;
  readonly a2: Float64Array;
  readonly r1: Float64Array;
  readonly i1: Float64Array;
  readonly s2: Float64Array;
}

function groupOf(setup: Setup, data: Columns, w: Float64Array): Group {
  const patterns = compressPatterns(data.frequency, data.recency, data.T, w);
  const pairs = groupPairs(patterns.frequency, patterns.T);
  const P = patterns.count;
  const { spend } = setup;
  const withSpend = spend !== null && data.monetaryValue !== null;
  const sumSpend = new Float64Array(withSpend ? P : 0);
  const sumSpend2 = new Float64Array(withSpend ? P : 0);
  const sumInverse2 = new Float64Array(withSpend ? P : 0);
  if (withSpend) {
    const { p, q, v } = spend;
    const money = data.monetaryValue;
    const index = patterns.index;
    const x = data.frequency;
    for (let i = 0; i < x.length; i++) {
      const wi = w[i] as number;
      if (wi === 0) continue;
      const xi = x[i] as number;
      const A = p * xi + q;
      const B = v + xi * (money[i] as number);
      const mean = A > 1 ? (p * B) / (A - 1) : Number.POSITIVE_INFINITY;
      const inverse2 = A > 2 ? (p * B * B) / ((A - 1) * (A - 2)) : Number.POSITIVE_INFINITY;
      const k = index[i] as number;
      sumSpend[k] = (sumSpend[k] as number) + wi * mean;
      sumSpend2[k] = (sumSpend2[k] as number) + wi * mean * mean;
      sumInverse2[k] = (sumInverse2[k] as number) + wi * inverse2;
    }
  }
  const Q = pairs.count;
  const perPair = (on: boolean) => new Float64Array(on ? Q : 0);
  return {
    patterns,
    pairs,
    sumSpend,
    sumSpend2,
    sumInverse2,
    a1: perPair(true),
    a2: perPair(true),
    r1: perPair(withSpend),
    i1: perPair(withSpend),
    s2: perPair(withSpend),
  };
}

/** Output of one evaluation; `variance` and `revenueVariance` are filled only when given. */
interface Sums {
  readonly count: Float64Array;
  readonly money: Float64Array;
  readonly variance?: Float64Array;
  readonly revenueVariance?: Float64Array;
}

/**
 * Σ over the group of E[X(h)], m̃·E[X(h)] (and the process variances) at the parameters `params`, for
 * h = 1 … H: P(alive) once per pattern, summed per (x, T) pair, times the count-given-alive moments
 * once per pair and horizon. No allocation: the group's accumulators and `out` are overwritten.
 */
function evaluate(setup: Setup, group: Group, params: unknown, out: Sums): void {
  const { model, H, L, spend } = setup;
  const factors = CONDITIONAL_FACTORS[model.name];
  const { patterns, pairs, sumSpend, sumSpend2, sumInverse2, a1, a2, r1, i1, s2 } = group;
  const full = out.variance !== undefined;
  const money = sumSpend.length > 0;
  a1.fill(0);
  a2.fill(0);
  r1.fill(0);
  i1.fill(0);
  s2.fill(0);
  const { frequency, recency, T, weight } = patterns;
  const pairOf = pairs.index;
  for (let i = 0; i < patterns.count; i++) {
    const wi = weight[i] as number;
    if (wi === 0) continue;
    const alive = factors.alive(params, frequency[i] as number, recency[i] as number, T[i] as number);
    if (!(alive > 0)) continue;
    const j = pairOf[i] as number;
    a1[j] = (a1[j] as number) + wi * alive;
    if (full) a2[j] = (a2[j] as number) + wi * alive * alive;
    if (!money) continue;
    r1[j] = (r1[j] as number) + (sumSpend[i] as number) * alive;
    if (!full) continue;
    i1[j] = (i1[j] as number) + (sumInverse2[i] as number) * alive;
    s2[j] = (s2[j] as number) + (sumSpend2[i] as number) * alive * alive;
  }
  const { count, money: revenue, variance, revenueVariance } = out;
  count.fill(0);
  revenue.fill(0);
  variance?.fill(0);
  revenueVariance?.fill(0);
  const g = { mean: 0, second: 0 };
  const p = spend === null ? 0 : spend.p;
  for (let j = 0; j < pairs.count; j++) {
    const w1 = a1[j] as number;
    if (w1 === 0) continue;
    const x = pairs.frequency[j] as number;
    const Tj = pairs.T[j] as number;
    const w2 = a2[j] as number;
    const m1 = money ? (r1[j] as number) : 0;
    for (let h = 0; h < H; h++) {
      factors.given(params, (h + 1) * L, x, Tj, g);
      count[h] = (count[h] as number) + g.mean * w1;
      if (money) revenue[h] = (revenue[h] as number) + g.mean * m1;
      if (!full) continue;
      (variance as Float64Array)[h] = ((variance as Float64Array)[h] as number) + g.second * w1 - g.mean * g.mean * w2;
      if (money && g.mean > 0)
        (revenueVariance as Float64Array)[h] =
          ((revenueVariance as Float64Array)[h] as number) +
          (i1[j] as number) * (g.mean + p * g.second) -
          (s2[j] as number) * g.mean * g.mean;
    }
  }
  if (!full) return;
  for (let h = 0; h < H; h++) {
    (variance as Float64Array)[h] = Math.max(0, (variance as Float64Array)[h] as number);
    (revenueVariance as Float64Array)[h] = Math.max(0, (revenueVariance as Float64Array)[h] as number);
  }
}

/** The totals of one group of customers (the base or a segment). */
function totalsOf(
  setup: Setup,
  data: Columns,
  w: Float64Array,
  level: number,
  noise: Float64Array,
): { customers: number; patterns: number; rows: ExpectedTotalsRow[] } {
  const { model, H, exact, spend, thetas } = setup;
  const group = groupOf(setup, data, w);
  const P = group.patterns.count;
  let n = 0;
  for (let i = 0; i < P; i++) n += group.patterns.weight[i] as number;
  const point = new Float64Array(H);
  const revenue = new Float64Array(H);
  const variance = new Float64Array(H);
  const revenueVariance = new Float64Array(H);
  evaluate(setup, group, model.params, { count: point, money: revenue, variance, revenueVariance });
  // CLV weights: margin/(1 + d)^h on the revenue of period h
  const discount = Float64Array.from({ length: H }, (_, h) => setup.margin / (1 + setup.discount) ** (h + 1));
  const clv = new Float64Array(H);
  for (let h = 0, sum = 0; h < H; h++) {
    sum += ((revenue[h] as number) - (h > 0 ? (revenue[h - 1] as number) : 0)) * (discount[h] as number);
    clv[h] = sum;
  }
  const sd = variance.map(Math.sqrt);
  const revenueSd = revenueVariance.map(Math.sqrt);
  const ratio = clv.map((c, h) => ((revenue[h] as number) > 0 ? c / (revenue[h] as number) : 0));
  const k = model.logParams.length;
  const draws = thetas.length;
  const count = new Float64Array(H);
  const money = new Float64Array(H);
  const sums: Sums = { count, money };
  // ∂/∂ln θⱼ of the two totals by central differences: 2k evaluations, row j·H + h
  const gradientCount = new Float64Array(draws > 0 && !exact ? k * H : 0);
  const gradientMoney = new Float64Array(gradientCount.length);
  if (gradientCount.length > 0) {
    const at = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      for (const sign of [1, -1]) {
        for (let i = 0; i < k; i++)
          at[i] = Math.exp((model.logParams[i] as number) + (i === j ? sign * GRADIENT_STEP : 0));
        evaluate(setup, group, model.kernel.fromVector(at), sums);
        for (let h = 0; h < H; h++) {
          const c = (sign * (count[h] as number)) / (2 * GRADIENT_STEP);
          const m = (sign * (money[h] as number)) / (2 * GRADIENT_STEP);
          gradientCount[j * H + h] = (gradientCount[j * H + h] as number) + c;
          gradientMoney[j * H + h] = (gradientMoney[j * H + h] as number) + m;
        }
      }
    }
  }
  // draws of each total, row h: [h·draws, (h + 1)·draws)
  const countDraws = new Float64Array(H * draws);
  const revenueDraws = new Float64Array(spend ? H * draws : 0);
  const clvDraws = new Float64Array(spend ? H * draws : 0);
  for (let d = 0; d < draws; d++) {
    const theta = thetas[d] as Float64Array;
    const z = noise[d] as number;
    if (exact) evaluate(setup, group, model.kernel.fromVector(theta), sums);
    else {
      count.set(point);
      money.set(revenue);
      for (let j = 0; j < k; j++) {
        const shift = Math.log(theta[j] as number) - (model.logParams[j] as number);
        for (let h = 0; h < H; h++) {
          count[h] = (count[h] as number) + (gradientCount[j * H + h] as number) * shift;
          money[h] = (money[h] as number) + (gradientMoney[j * H + h] as number) * shift;
        }
      }
    }
    for (let h = 0; h < H; h++) countDraws[h * draws + d] = (count[h] as number) + (sd[h] as number) * z;
    if (!spend) continue;
    for (let h = 0, sum = 0; h < H; h++) {
      sum += ((money[h] as number) - (h > 0 ? (money[h - 1] as number) : 0)) * (discount[h] as number);
      const noiseH = (revenueSd[h] as number) * z;
      revenueDraws[h * draws + d] = (money[h] as number) + noiseH;
      clvDraws[h * draws + d] = sum + noiseH * (ratio[h] as number);
    }
  }
  const interval = (values: Float64Array, h: number): [number, number] =>
    draws > 0 ? percentileInterval(values.subarray(h * draws, (h + 1) * draws), level) : [Number.NaN, Number.NaN];
  const rows: ExpectedTotalsRow[] = [];
  for (let h = 0; h < H; h++) {
    const [lower, upper] = interval(countDraws, h);
    const row: ExpectedTotalsRow = {
      period: h + 1,
      t: (h + 1) * setup.L,
      incremental: (point[h] as number) - (h > 0 ? (point[h - 1] as number) : 0),
      expected: point[h] as number,
      lower,
      upper,
      processStandardDeviation: sd[h] as number,
    };
    if (!spend) {
      rows.push(row);
      continue;
    }
    const [rl, ru] = interval(revenueDraws, h);
    const [cl, cu] = interval(clvDraws, h);
    rows.push({
      ...row,
      revenue: {
        expected: revenue[h] as number,
        lower: rl,
        upper: ru,
        processStandardDeviation: revenueSd[h] as number,
      },
      clv: {
        expected: clv[h] as number,
        lower: cl,
        upper: cu,
        processStandardDeviation: (revenueSd[h] as number) * (ratio[h] as number),
      },
    });
  }
  return { customers: n, patterns: P, rows };
}

/** One label (string or finite number) per customer row. */
function readSegments(fn: string, value: unknown, length: number): ArrayLike<string | number> {
  if (typeof value === 'string' || typeof value !== 'object' || value === null)
    typeFail(fn, `segments must be an array of labels, got ${describeValue(value)}`, {
      argument: 'segments',
      value,
    });
  const labels = requireArrayLike(fn, 'segments', value);
  if (labels.length !== length)
    rangeFail(fn, `segments has length ${labels.length}, expected ${length} (one label per customer)`, {
      argument: 'segments',
      value: labels.length,
    });
  for (let i = 0; i < length; i++) {
    const v = labels[i];
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) continue;
    typeFail(fn, `segments[${i}] must be a string or a finite number, got ${describeValue(v)}`, {
      argument: `segments[${i}]`,
      value: v,
      row: i,
    });
  }
  return labels as ArrayLike<string | number>;
}
