import { fitModel, parseFitOptions } from '../../internal/maximumLikelihood.ts';
import {
  INTERVAL_OPTION_KEYS,
  logNormalSampler,
  percentileInterval,
  readIntervalOptions,
} from '../../internal/models/intervalKernel.ts';
import {
  SBG_PARAM_NAMES,
  sbgGroupedLogLikelihood,
  sbgLogSurvival,
  type ShiftedBetaGeometricParams,
} from '../../internal/models/sbgKernel.ts';
import { type Rng, standardNormal } from '../../internal/random.ts';
import {
  describeValue,
  rangeFail,
  readOptions,
  requireArrayLike,
  requireObject,
  requirePositive,
  requirePositiveInteger,
  typeFail,
} from '../../internal/validate.ts';
import { sbgDiscountedExpectedResidualLifetime } from './sbgDiscountedExpectedResidualLifetime.ts';

/** One cohort row of a retention matrix, as `retentionMatrix` and `finishCohortState` return it. */
export interface RetentionMatrixCohortInput {
  readonly label: string;
  /** Customers in the cohort (alive at column 0). */
  readonly size: number;
  /** Customers active per observable column (survivors, for contractual data). */
  readonly counts: readonly number[];
  /** Whether each column had ended by the observation end (a prefix of `true`s, then `false`s). */
  readonly complete: readonly boolean[];
}

/** The part of a retention matrix {@link projectRetentionMatrix} reads. */
export interface RetentionMatrixInput {
  /** `'on'` (survivor counts of contractual data) or `'onOrAfter'`; brackets cannot be projected. */
  readonly mode: string;
  readonly cohorts: readonly RetentionMatrixCohortInput[];
}

/** Options of {@link projectRetentionMatrix}. */
export interface ProjectRetentionMatrixOptions {
  /** Columns of the projected table, 0 … horizon − 1 (default: the widest cohort's observable columns). */
  readonly horizon?: number;
  /** Which fit projects each cohort's cells: `'pooled'` (default: one sBG over every cohort) or `'cohort'` (its own). */
  readonly projectWith?: 'pooled' | 'cohort';
  /** Discount rate per period for each cohort's DERL (e.g. 0.1); without it `derl` is `null`. */
  readonly discountRate?: number;
  /** Draws of the prediction intervals (default 1,000, at most 100,000). */
  readonly draws?: number;
  /** Coverage of the intervals, in (0, 1) (default 0.95). */
  readonly confidenceLevel?: number;
  /** Seed of the built-in generator (default 1: reproducible). */
  readonly seed?: number;
  /** Uniform generator on [0, 1) for the draws; overrides `seed`. */
  readonly rng?: () => number;
  /** Iteration cap of each fit (default 1,000). */
  readonly maxIterations?: number;
}

/** An sBG fit of a retention matrix (one cohort, or all pooled). */
export interface RetentionSbgFit {
  readonly params: ShiftedBetaGeometricParams;
  readonly standardErrors: ShiftedBetaGeometricParams;
  /** Asymptotic covariance of (ln α, ln β), or `null` when the Hessian is not positive definite. */
  readonly logCovariance: number[][] | null;
  readonly logLikelihood: number;
  readonly converged: boolean;
  readonly iterations: number;
  /** The fitted survival curve S(k) = B(α, β + k)/B(α, β) for columns 0 … horizon − 1. */
  readonly survival: number[];
}

/** One projected cohort row. */
export interface ProjectedRetentionCohort {
  readonly label: string;
  readonly size: number;
  /** Columns 0 … completeColumns − 1 were complete (observed); the others are projected. */
  readonly completeColumns: number;
  /** Observed rates (counts / size) of the complete columns, `null` elsewhere. */
  readonly observed: (number | null)[];
  /** Projected expected rate of every column not complete (incomplete and future ones), `null` where observed. */
  readonly projected: (number | null)[];
  /** Prediction interval of each projected rate (parameter uncertainty and binomial noise); `null` where observed. */
  readonly lower: (number | null)[];
  readonly upper: (number | null)[];
  /** The cohort's own fit, or `null` when it has no column beyond 0. */
  readonly fit: RetentionSbgFit | null;
  /**
   * Discounted expected residual lifetime of a customer still active in the cohort's last complete column
   * (renewals = that column), with the projecting fit; `null` without `discountRate`.
   */
  readonly derl: number | null;
}

/** Result of {@link projectRetentionMatrix}. */
export interface ProjectRetentionMatrixResult {
  readonly horizon: number;
  readonly projectWith: 'pooled' | 'cohort';
  readonly confidenceLevel: number;
  /** One sBG over every cohort (the likelihoods added); `null` for a matrix without cohorts. */
  readonly pooled: RetentionSbgFit | null;
  readonly cohorts: ProjectedRetentionCohort[];
}

/** A cohort as grouped lifetimes: churned[t] with T = t, censored[k] known to have T > k. */
interface CohortLifetimes {
  readonly label: string;
  readonly size: number;
  readonly completeColumns: number;
  readonly counts: readonly number[];
  readonly churned: Float64Array;
  readonly censored: Float64Array;
  /** Whether any column beyond 0 was observed (complete or incomplete). */
  readonly informative: boolean;
}

/**
 * Projects the cells of a retention matrix that are not observable yet (and completes the incomplete ones) with
 * the shifted-beta-geometric (sBG) model of contract renewal, fitted by maximum likelihood directly on the
 * matrix — per cohort and pooled across cohorts — and gives each cohort's discounted expected residual
 * lifetime (DERL).
 *
 * Each cohort's counts are read as survivor counts (contractual data: `mode: 'on'`, where a customer active in
 * column k renewed k times; or `'onOrAfter'`): column 0 is the cohort size, complete columns give the churn per
 * renewal, and the customers of the last known column are right-censored there. An incomplete column (the
 * period still running) counts the customers already seen in it: they are known to have survived to it, the
 * others of the previous column are censored one column earlier — so young cohorts' partial periods inform the
 * fit without biasing it. The pooled fit adds every cohort's likelihood (one α, β for all).
 *
 * ```text
 * ℓ = Σ_t churned_t · ln P(T = t) + Σ_k censored_k · ln S(k),   P(T = t) = B(α + 1, β + t − 1)/B(α, β),  S(k) = B(α, β + k)/B(α, β)
 * projected rate of column j = Σ_k censored_k · min(1, S(j)/S(k)) / size      (each censored customer's survival, given what is known)
 * DERL = Σ_{t ≥ n} S(t)/S(n − 1)/(1 + d)^(t − n),   n − 1 = the last complete column
 * ```
 *
 * Intervals: for each draw, (ln α, ln β) from the normal of the projecting fit's covariance, then the survivors
 * of each censored group binomially (a normal approximation above 100 customers); the percentiles of the drawn
 * rates. They are `NaN` when the fit has no covariance (e.g. nobody churned, β → ∞).
 *
 * Reference: Fader & Hardie (2007), "How to Project Customer Retention", Journal of Interactive Marketing 21(1);
 * Fader & Hardie (2010), "Customer-Base Valuation in a Contractual Setting", Marketing Science 29(1) (DERL).
 *
 * @param matrix - A retention matrix (`retentionMatrix`, `finishCohortState`, or the same shape): `mode` and
 *   `cohorts` with `label`, `size`, `counts`, `complete`.
 * @param options - `horizon`, `projectWith`, `discountRate`, `draws`, `confidenceLevel`, `seed`, `rng`, `maxIterations`.
 * @returns The fits, and per cohort the observed and projected rates with intervals and the DERL.
 * @throws {TypeError} When the matrix or a cohort field has the wrong kind.
 * @throws {RangeError} For brackets, counts that are not survivor counts (negative, fractional, above the
 *   size, column 0 not the size, or rising from one column to the next), a `complete` that is not a prefix, or
 *   an option out of its domain.
 * @example
 * ```ts
 * import { projectRetentionMatrix } from 'loyalty-metrics';
 *
 * // Fader & Hardie (2007), High End customers, years 0–7 observed (alive of 1,000 at each year's start)
 * const highEnd = { label: 'high end', size: 1000, counts: [1000, 869, 743, 653, 593, 551, 517, 491], complete: Array(8).fill(true) };
 * const p = projectRetentionMatrix({ mode: 'on', cohorts: [highEnd] }, { horizon: 13, discountRate: 0.1 });
 * p.pooled?.params; // => { alpha: 0.668, beta: 3.806 }
 * // the fitted survival of years 8–12 (published: 0.460, 0.436, 0.414, 0.395, 0.378)
 * p.pooled?.survival.slice(8); // => [0.460, 0.436, 0.414, 0.395, 0.378]
 * // projected from the 491 survivors of year 7 (the data's years 8–12: 0.468, 0.445, 0.427, 0.409, 0.394)
 * p.cohorts[0].projected.slice(7); // => [null, 0.462, 0.438, 0.416, 0.397, 0.380]
 * [p.cohorts[0].lower[8], p.cohorts[0].upper[8]]; // => [0.452, 0.473]
 * // a customer still active after 7 renewals: 7.53 discounted payments to come at 10 %
 * p.cohorts[0].derl; // => 7.53
 * ```
 * @category Models
 */
export function projectRetentionMatrix(
  matrix: RetentionMatrixInput,
  options?: ProjectRetentionMatrixOptions,
): ProjectRetentionMatrixResult {
  const fn = 'projectRetentionMatrix';
  const o = readOptions(fn, options, [
    'horizon',
    'projectWith',
    'discountRate',
    'maxIterations',
    ...INTERVAL_OPTION_KEYS,
  ]);
  const interval = readIntervalOptions(fn, o);
  const projectWith = o.projectWith === undefined ? 'pooled' : o.projectWith;
  if (projectWith !== 'pooled' && projectWith !== 'cohort')
    rangeFail(fn, `options.projectWith (${describeValue(projectWith)}) must be one of 'pooled', 'cohort'`, {
      argument: 'options.projectWith',
      value: projectWith,
    });
  const discountRate =
    o.discountRate === undefined ? null : requirePositive(fn, 'options.discountRate', o.discountRate);
  const fitOptions = parseFitOptions<ShiftedBetaGeometricParams>(
    fn,
    o.maxIterations === undefined ? undefined : { maxIterations: o.maxIterations },
    SBG_PARAM_NAMES,
  );
  const cohorts = readMatrix(fn, matrix);
  let widest = 1;
  for (const c of cohorts) widest = Math.max(widest, c.counts.length);
  const horizon = o.horizon === undefined ? widest : requirePositiveInteger(fn, 'options.horizon', o.horizon);
  if (horizon > 100_000)
    rangeFail(fn, `options.horizon (${horizon}) must not exceed 100000`, {
      argument: 'options.horizon',
      value: horizon,
    });

  const fit = (churned: Float64Array, censored: Float64Array, weight: number): RetentionSbgFit => {
    const f = fitModel(SBG_PARAM_NAMES, sbgGroupedLogLikelihood(churned, censored), [1, 1], weight, fitOptions);
    const survival: number[] = [];
    for (let k = 0; k < horizon; k++) survival.push(Math.exp(sbgLogSurvival(f.params, k)));
    return {
      params: f.params,
      standardErrors: f.standardErrors,
      logCovariance: f.logCovariance,
      logLikelihood: f.logLikelihood,
      converged: f.converged,
      iterations: f.iterations,
      survival,
    };
  };

  let pooled: RetentionSbgFit | null = null;
  if (cohorts.length > 0) {
    const width = Math.max(...cohorts.map((c) => c.churned.length));
    const churned = new Float64Array(width);
    const censored = new Float64Array(width);
    let weight = 0;
    for (const c of cohorts) {
      for (let t = 0; t < c.churned.length; t++) {
        churned[t]! += c.churned[t] as number;
        censored[t]! += c.censored[t] as number;
      }
      weight += c.size;
    }
    pooled = fit(churned, censored, weight);
  }

  const rows = cohorts.map((c): ProjectedRetentionCohort => {
    const own = c.informative ? fit(c.churned, c.censored, c.size) : null;
    const by = projectWith === 'pooled' ? pooled : own;
    const observed: (number | null)[] = [];
    const projected: (number | null)[] = [];
    const lower: (number | null)[] = [];
    const upper: (number | null)[] = [];
    const groups: number[] = [];
    for (let k = 0; k < c.censored.length; k++) if ((c.censored[k] as number) > 0) groups.push(k);
    const values = new Float64Array(interval.draws);
    const sampler =
      by === null || by.logCovariance === null
        ? null
        : logNormalSampler(
            Float64Array.of(Math.log(by.params.alpha), Math.log(by.params.beta)),
            Float64Array.from(by.logCovariance.flat()),
          );
    const draws: ShiftedBetaGeometricParams[] = [];
    if (sampler !== null)
      for (let d = 0; d < interval.draws; d++) {
        const theta = sampler(interval.rng);
        draws.push({ alpha: theta[0] as number, beta: theta[1] as number });
      }
    for (let j = 0; j < horizon; j++) {
      if (j < c.completeColumns) {
        observed.push((c.counts[j] as number) / c.size);
        projected.push(null);
        lower.push(null);
        upper.push(null);
        continue;
      }
      observed.push(null);
      if (by === null) {
        projected.push(Number.NaN);
        lower.push(Number.NaN);
        upper.push(Number.NaN);
        continue;
      }
      projected.push(expectedSurvivors(by.params, c.censored, groups, j) / c.size);
      if (draws.length === 0) {
        lower.push(Number.NaN);
        upper.push(Number.NaN);
        continue;
      }
      for (let d = 0; d < draws.length; d++)
        values[d] =
          drawnSurvivors(draws[d] as ShiftedBetaGeometricParams, c.censored, groups, j, interval.rng) / c.size;
      const [lo, hi] = percentileInterval(values, interval.confidenceLevel);
      lower.push(lo);
      upper.push(hi);
    }
    const derl =
      discountRate === null || by === null
        ? null
        : sbgDiscountedExpectedResidualLifetime(by.params, { discountRate, renewals: c.completeColumns - 1 });
    return {
      label: c.label,
      size: c.size,
      completeColumns: c.completeColumns,
      observed,
      projected,
      lower,
      upper,
      fit: own,
      derl,
    };
  });
  return { horizon, projectWith, confidenceLevel: interval.confidenceLevel, pooled, cohorts: rows };
}

/** Σ_k censored_k · min(1, S(j)/S(k)). */
function expectedSurvivors(
  p: ShiftedBetaGeometricParams,
  censored: Float64Array,
  groups: readonly number[],
  j: number,
): number {
  const lj = sbgLogSurvival(p, j);
  let s = 0;
  for (const k of groups) s += (censored[k] as number) * (k >= j ? 1 : Math.exp(lj - sbgLogSurvival(p, k)));
  return s;
}

/** One draw of the survivors at column j: per censored group, binomial(w, S(j)/S(k)). */
function drawnSurvivors(
  p: ShiftedBetaGeometricParams,
  censored: Float64Array,
  groups: readonly number[],
  j: number,
  rng: Rng,
): number {
  const lj = sbgLogSurvival(p, j);
  let s = 0;
  for (const k of groups) {
    const w = censored[k] as number;
    s += k >= j ? w : binomial(rng, w, Math.exp(lj - sbgLogSurvival(p, k)));
  }
  return s;
}

/** Binomial(n, q): Bernoulli trials up to 100, else a normal approximation rounded and clipped to [0, n]. */
function binomial(rng: Rng, n: number, q: number): number {
  if (n <= 100) {
    let x = 0;
    for (let i = 0; i < n; i++) if (rng() < q) x++;
    return x;
  }
  const x = Math.round(n * q + Math.sqrt(n * q * (1 - q)) * standardNormal(rng));
  return Math.min(n, Math.max(0, x));
}

/** Validates the matrix and turns each cohort into grouped lifetimes. */
function readMatrix(fn: string, matrix: unknown): CohortLifetimes[] {
  const m = requireObject(fn, 'matrix', matrix);
  if (m.mode !== 'on' && m.mode !== 'onOrAfter')
    rangeFail(
      fn,
      `matrix.mode (${describeValue(m.mode)}) must be 'on' or 'onOrAfter': the sBG reads survivor counts, which brackets are not`,
      { argument: 'matrix.mode', value: m.mode },
    );
  const list = requireArrayLike(fn, 'matrix.cohorts', m.cohorts);
  const out: CohortLifetimes[] = [];
  for (let r = 0; r < list.length; r++) {
    const name = `matrix.cohorts[${r}]`;
    const c = requireObject(fn, name, list[r]);
    const label = typeof c.label === 'string' ? c.label : String(r);
    const size = requirePositiveInteger(fn, `${name}.size`, c.size);
    const counts = requireArrayLike(fn, `${name}.counts`, c.counts);
    const complete = requireArrayLike(fn, `${name}.complete`, c.complete);
    if (complete.length !== counts.length)
      rangeFail(
        fn,
        `${name}.complete length (${complete.length}) must equal ${name}.counts length (${counts.length})`,
        {
          argument: `${name}.complete`,
          value: c.complete,
        },
      );
    const K = counts.length;
    const a: number[] = [];
    let completeColumns = 0;
    for (let k = 0; k < K; k++) {
      const v = counts[k];
      const arg = `${name}.counts[${k}]`;
      if (typeof v !== 'number')
        typeFail(fn, `${arg} must be a number, got ${describeValue(v)}`, { argument: arg, value: v });
      if (!Number.isInteger(v) || v < 0 || v > size)
        rangeFail(fn, `${arg} (${describeValue(v)}) must be an integer from 0 to the cohort size (${size})`, {
          argument: arg,
          value: v,
        });
      if (k === 0 && v !== size)
        rangeFail(fn, `${arg} (${v}) must equal the cohort size (${size}): everyone is active at the start`, {
          argument: arg,
          value: v,
        });
      if (k > 0 && v > (a[k - 1] as number))
        rangeFail(
          fn,
          `${arg} (${v}) must not exceed the column before (${a[k - 1]}): survivor counts never rise (use mode 'onOrAfter' for activity data)`,
          { argument: arg, value: v },
        );
      const done = complete[k];
      if (typeof done !== 'boolean')
        typeFail(fn, `${name}.complete[${k}] must be a boolean, got ${describeValue(done)}`, {
          argument: `${name}.complete[${k}]`,
          value: done,
        });
      if (done && completeColumns !== k)
        rangeFail(fn, `${name}.complete[${k}] is true after an incomplete column: complete columns come first`, {
          argument: `${name}.complete[${k}]`,
          value: done,
        });
      if (done) completeColumns++;
      a.push(v);
    }
    // Column 0 is known (the cohort size) even while its period runs.
    const known = Math.max(1, completeColumns);
    const width = Math.max(K, 1);
    const churned = new Float64Array(width);
    const censored = new Float64Array(width);
    for (let t = 1; t < Math.min(known, K); t++) churned[t] = (a[t - 1] as number) - (a[t] as number);
    if (K <= known) censored[known - 1] = K === 0 ? size : (a[known - 1] as number);
    else {
      censored[known - 1] = (a[known - 1] as number) - (a[known] as number);
      for (let k = known; k < K - 1; k++) censored[k] = (a[k] as number) - (a[k + 1] as number);
      censored[K - 1] = a[K - 1] as number;
    }
    out.push({ label, size, completeColumns: known, counts: a, churned, censored, informative: K > 1 });
  }
  return out;
}
