import { compressPatterns } from '../internal/compressPatterns.ts';
import { readCustomers, readWeights } from '../internal/input/customerSummary.ts';
import {
  readCount,
  requireDiscreteCustomers,
  resolveDiagnosticModel,
  type DiagnosticModel,
} from '../internal/diagnostics.ts';
import { CONDITIONAL_MOMENTS } from '../internal/models/conditionalMoments.ts';
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
 * merged first (a hash pass; their spends summed), so the model runs per pattern (and, linearized,
 * 2k + 1 times in all: 1M customers in well under a second). The conditional variance is exact for each
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
  const groups = new Map<string | number, number[]>();
  for (let i = 0; i < data.length; i++) {
    const label = labels[i] as string | number;
    const list = groups.get(label);
    if (list === undefined) groups.set(label, [i]);
    else list.push(i);
  }
  const segments: ExpectedTotalsSegment[] = [];
  for (const [segment, rows] of groups) {
    const pick = (col: Float64Array): Float64Array => Float64Array.from(rows, (i) => col[i] as number);
    const part = {
      frequency: pick(data.frequency),
      recency: pick(data.recency),
      T: pick(data.T),
      monetaryValue: data.monetaryValue ? pick(data.monetaryValue) : null,
    };
    const z = Float64Array.from(noise, () => standardNormal(settings.rng));
    segments.push({ segment, ...totalsOf(setup, part, pick(w), level, z) });
  }
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

/** The totals of one group of customers (the base or a segment). */
function totalsOf(
  setup: Setup,
  data: Columns,
  w: Float64Array,
  level: number,
  noise: Float64Array,
): { customers: number; patterns: number; rows: ExpectedTotalsRow[] } {
  const { model, H, L, exact, spend, thetas } = setup;
  const p = compressPatterns(data.frequency, data.recency, data.T, w);
  const P = p.count;
  // Per pattern: Σw, Σw·m̃, Σw·m̃², Σw·p·E[ν⁻²] (the spend posterior of each customer).
  const sumSpend = new Float64Array(P);
  const sumSpend2 = new Float64Array(P);
  const sumInverse2 = new Float64Array(P);
  let n = 0;
  for (let i = 0; i < P; i++) n += p.weight[i] as number;
  if (spend && data.monetaryValue) {
    for (let i = 0; i < data.frequency.length; i++) {
      const wi = w[i] as number;
      if (wi === 0) continue;
      const x = data.frequency[i] as number;
      const A = spend.p * x + spend.q;
      const B = spend.v + x * (data.monetaryValue[i] as number);
      const mean = A > 1 ? (spend.p * B) / (A - 1) : Number.POSITIVE_INFINITY;
      const inverse2 = A > 2 ? (spend.p * B * B) / ((A - 1) * (A - 2)) : Number.POSITIVE_INFINITY;
      const k = p.index[i] as number;
      sumSpend[k] = (sumSpend[k] as number) + wi * mean;
      sumSpend2[k] = (sumSpend2[k] as number) + wi * mean * mean;
      sumInverse2[k] = (sumInverse2[k] as number) + wi * inverse2;
    }
  }
  const moments = CONDITIONAL_MOMENTS[model.name];
  const m = { mean: 0, variance: 0 };
  const point = new Float64Array(H);
  const variance = new Float64Array(H);
  const revenue = new Float64Array(H);
  const revenueVariance = new Float64Array(H);
  for (let i = 0; i < P; i++) {
    const wi = p.weight[i] as number;
    if (wi === 0) continue;
    for (let h = 0; h < H; h++) {
      moments(model.params, (h + 1) * L, p.frequency[i] as number, p.recency[i] as number, p.T[i] as number, m);
      point[h] = (point[h] as number) + wi * m.mean;
      variance[h] = (variance[h] as number) + wi * m.variance;
      if (spend) {
        const second = m.variance + m.mean * m.mean;
        revenue[h] = (revenue[h] as number) + (sumSpend[i] as number) * m.mean;
        const v = (sumInverse2[i] as number) * (m.mean + spend.p * second) - (sumSpend2[i] as number) * m.mean * m.mean;
        revenueVariance[h] = (revenueVariance[h] as number) + (m.mean > 0 ? Math.max(0, v) : 0);
      }
    }
  }
  const clvOf = (rev: Float64Array): Float64Array => {
    const out = new Float64Array(H);
    let sum = 0;
    for (let h = 0; h < H; h++) {
      const inc = (rev[h] as number) - (h > 0 ? (rev[h - 1] as number) : 0);
      sum += (inc * setup.margin) / (1 + setup.discount) ** (h + 1);
      out[h] = sum;
    }
    return out;
  };
  const clv = spend ? clvOf(revenue) : new Float64Array(H);
  // Σ over patterns of E[X(h)] at θ, and of m̃·E[X(h)]
  const totalsAt = (params: unknown): [Float64Array, Float64Array] => {
    const count = new Float64Array(H);
    const money = new Float64Array(H);
    for (let i = 0; i < P; i++) {
      const wi = p.weight[i] as number;
      if (wi === 0) continue;
      const x = p.frequency[i] as number;
      const tx = p.recency[i] as number;
      const T = p.T[i] as number;
      for (let h = 0; h < H; h++) {
        const e = model.kernel.conditionalExpectedPurchases(params, (h + 1) * L, x, tx, T);
        count[h] = (count[h] as number) + wi * e;
        if (spend) money[h] = (money[h] as number) + (sumSpend[i] as number) * e;
      }
    }
    return [count, money];
  };
  const k = model.logParams.length;
  const draws = thetas.length;
  const gradient: [Float64Array, Float64Array][] = [];
  if (draws > 0 && !exact) {
    for (let j = 0; j < k; j++) {
      const up = Float64Array.from(model.logParams);
      const down = Float64Array.from(model.logParams);
      up[j] = (up[j] as number) + GRADIENT_STEP;
      down[j] = (down[j] as number) - GRADIENT_STEP;
      const [cu, mu] = totalsAt(model.kernel.fromVector(up.map(Math.exp)));
      const [cd, md] = totalsAt(model.kernel.fromVector(down.map(Math.exp)));
      const diff = (a: Float64Array, b: Float64Array): Float64Array =>
        a.map((v, h) => (v - (b[h] as number)) / (2 * GRADIENT_STEP));
      gradient.push([diff(cu, cd), diff(mu, md)]);
    }
  }
  const countDraws = Array.from({ length: H }, () => new Float64Array(draws));
  const revenueDraws = spend ? Array.from({ length: H }, () => new Float64Array(draws)) : [];
  const clvDraws = spend ? Array.from({ length: H }, () => new Float64Array(draws)) : [];
  const revenuePath = new Float64Array(H);
  for (let d = 0; d < draws; d++) {
    const theta = thetas[d] as Float64Array;
    const z = noise[d] as number;
    let count: Float64Array;
    let money: Float64Array;
    if (exact) {
      [count, money] = totalsAt(model.kernel.fromVector(theta));
    } else {
      count = Float64Array.from(point);
      money = Float64Array.from(revenue);
      for (let j = 0; j < k; j++) {
        const shift = Math.log(theta[j] as number) - (model.logParams[j] as number);
        const [gc, gm] = gradient[j] as [Float64Array, Float64Array];
        for (let h = 0; h < H; h++) {
          count[h] = (count[h] as number) + (gc[h] as number) * shift;
          if (spend) money[h] = (money[h] as number) + (gm[h] as number) * shift;
        }
      }
    }
    for (let h = 0; h < H; h++)
      (countDraws[h] as Float64Array)[d] = (count[h] as number) + Math.sqrt(variance[h] as number) * z;
    if (!spend) continue;
    const discounted = clvOf(money);
    for (let h = 0; h < H; h++) {
      const sd = Math.sqrt(revenueVariance[h] as number);
      revenuePath[h] = (money[h] as number) + sd * z;
      (revenueDraws[h] as Float64Array)[d] = revenuePath[h] as number;
      const ratio = (revenue[h] as number) > 0 ? (clv[h] as number) / (revenue[h] as number) : 0;
      (clvDraws[h] as Float64Array)[d] = (discounted[h] as number) + sd * ratio * z;
    }
  }
  const interval = (values: Float64Array): [number, number] =>
    draws > 0 ? percentileInterval(values, level) : [Number.NaN, Number.NaN];
  const rows: ExpectedTotalsRow[] = [];
  for (let h = 0; h < H; h++) {
    const [lower, upper] = interval(countDraws[h] as Float64Array);
    const row: ExpectedTotalsRow = {
      period: h + 1,
      t: (h + 1) * L,
      incremental: (point[h] as number) - (h > 0 ? (point[h - 1] as number) : 0),
      expected: point[h] as number,
      lower,
      upper,
      processStandardDeviation: Math.sqrt(variance[h] as number),
    };
    if (!spend) {
      rows.push(row);
      continue;
    }
    const sd = Math.sqrt(revenueVariance[h] as number);
    const [rl, ru] = interval(revenueDraws[h] as Float64Array);
    const [cl, cu] = interval(clvDraws[h] as Float64Array);
    const ratio = (revenue[h] as number) > 0 ? (clv[h] as number) / (revenue[h] as number) : 0;
    rows.push({
      ...row,
      revenue: { expected: revenue[h] as number, lower: rl, upper: ru, processStandardDeviation: sd },
      clv: { expected: clv[h] as number, lower: cl, upper: cu, processStandardDeviation: sd * ratio },
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
