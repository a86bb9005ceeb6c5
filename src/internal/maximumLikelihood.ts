/**
 * Maximum-likelihood driver shared by every model fit: options parsing, BFGS on log parameters with
 * an optional L2 penalty, and standard errors from the Hessian.
 *
 * A model supplies `logLikelihood(logParams, gradient?)`: the total weighted log-likelihood ℓ at
 * θ = exp(x) and, when asked, ∂ℓ/∂xᵢ (= θᵢ·∂ℓ/∂θᵢ). The optimiser minimises
 *
 * ```text
 * objective(x) = −ℓ(eˣ)/W + λ·Σ θᵢ²          (W = Σ weights, λ = penalty)
 * ```
 *
 * With `penaltyConvention: 'lifetimes'` the penalty is that of the Python `lifetimes` package, which
 * fits time-rate parameters (α, β) in time rescaled so the longest customer age max T is 1 and so
 * penalises (θᵢ·sᵢ)² with sᵢ = 1/max T for them (1 for the others), and for Pareto/NBD divides the
 * total −Σwℓ by the mean weight instead of the sum, a factor 1/n on λ (see {@link PenaltyWeights}).
 * Standard errors come from the Hessian of W·objective in x (the penalised negative log-likelihood),
 * by the delta method (see hessian.ts).
 * @internal
 * @module
 */
import { hessianFromGradient, logScaleUncertainty } from './hessian.ts';
import { minimizeBfgs, type BfgsOptions, type BfgsResult, type ObjectiveFunction } from './optimize.ts';
import {
  outOfRange,
  rangeFail,
  readOptions,
  requireNonNegative,
  requirePositive,
  requirePositiveInteger,
  wrongType,
} from './validate.ts';

/** Options every model fit accepts. */
export interface ModelFitOptions<Params> {
  /** Non-negative weight per customer (row), e.g. the counts from `compressCustomers`. Default 1 each. */
  readonly weights?: ArrayLike<number>;
  /**
   * L2 penalty λ ≥ 0 on the parameters: the fit minimises −ℓ/W + λ·Σθᵢ² (W = Σ weights). Default 0.
   * The parameters are penalised in the units of the data (α per time unit of `recency` and `T`), so
   * the same λ pulls α harder when T is in days than in weeks; see `penaltyConvention`.
   */
  readonly penalty?: number;
  /**
   * `'natural'` (default): the penalty above. `'lifetimes'`: the convention of the Python `lifetimes`
   * package (`penalizer_coef`), which rescales time so that the longest customer age max T is 1
   * before penalising: α (and β of Pareto/NBD) enter the penalty as α/max T; for Pareto/NBD lifetimes
   * also divides the total −Σwℓ by the mean weight rather than the sum, which is λ/n in the natural
   * convention (n = number of rows). For Gamma-Gamma and BG/BB the two conventions agree (lifetimes
   * rescales nothing there); the sBG is not in lifetimes and takes the natural one.
   */
  readonly penaltyConvention?: 'natural' | 'lifetimes';
  /** Starting parameters (positive); a data-driven guess by default. */
  readonly initialParams?: Partial<Params>;
  /** Iteration cap of the optimiser (default 1,000). */
  readonly maxIterations?: number;
  /** Converged when every |∂objective/∂ ln θᵢ| is at most this (default 1e-9). */
  readonly gradientTolerance?: number;
}

/** Fields every fit result carries. */
export interface ModelFitDiagnostics<Params> {
  /** Maximised (unpenalised) log-likelihood, weighted. */
  readonly logLikelihood: number;
  /** Whether the optimiser met its convergence test. A fit never throws for non-convergence. */
  readonly converged: boolean;
  /** Optimiser iterations. */
  readonly iterations: number;
  /**
   * Why the fit should not be trusted, in plain words; empty when there is nothing to report. A
   * parameter that ran to a limit of the search box (10⁻¹⁵ … 10¹⁵), a parameter the data do not
   * identify (the standard error of its logarithm above 10: the likelihood is flat along it), a Hessian
   * that is not positive definite at the returned parameters, or an optimiser that stopped before its
   * convergence test each add an entry and make `converged` false.
   */
  readonly warnings: string[];
  /** Asymptotic standard errors of the parameters (delta method on the log scale); NaN when the Hessian is not positive definite. */
  readonly standardErrors: Params;
  /**
   * Asymptotic covariance of the log-parameters, in the order of `params`' keys (nested arrays), or
   * `null` when the Hessian is not positive definite. Used for parametric-resampling intervals.
   */
  readonly logCovariance: number[][] | null;
}

/** Parsed common options. */
export interface ParsedFitOptions<Params> {
  readonly weights: unknown;
  readonly penalty: number;
  readonly penaltyConvention: 'natural' | 'lifetimes';
  readonly initialParams: Partial<Params>;
  readonly bfgs: BfgsOptions;
}

/** The options every fit takes (a fit with options of its own reads them too, naming these as `alsoAccepted`). */
export const FIT_OPTION_KEYS = [
  'weights',
  'penalty',
  'penaltyConvention',
  'initialParams',
  'maxIterations',
  'gradientTolerance',
] as const;

/**
 * Validates the common fit options (weights are read later, once the row count is known).
 * @example
 * ```ts
 * import { parseFitOptions } from './maximumLikelihood.ts';
 *
 * parseFitOptions('fitBgNbd', undefined, ['r', 'alpha']); // => { penalty: 0, penaltyConvention: 'natural', initialParams: {}, bfgs: { maxIterations: 1000, gradientTolerance: 1e-9 } }
 * parseFitOptions('fitBgNbd', { penalty: 0.01, initialParams: { r: 0.5 } }, ['r', 'alpha']); // => { penalty: 0.01, initialParams: { r: 0.5 } }
 * parseFitOptions('fitBgNbd', { initialParams: { r: 0 } }, ['r', 'alpha']); // => throws RangeError: fitBgNbd: initialParams.r (0) must be greater than 0
 * ```
 */
export function parseFitOptions<Params>(
  fn: string,
  options: unknown,
  names: readonly string[],
  alsoAccepted: readonly string[] = [],
): ParsedFitOptions<Params> {
  const o = readOptions(fn, options, FIT_OPTION_KEYS, alsoAccepted);
  const penalty = o.penalty === undefined ? 0 : requireNonNegative(fn, 'penalty', o.penalty);
  const penaltyConvention = o.penaltyConvention ?? 'natural';
  if (penaltyConvention !== 'natural' && penaltyConvention !== 'lifetimes') {
    if (typeof penaltyConvention !== 'string')
      wrongType(fn, 'options.penaltyConvention', penaltyConvention, "'natural' or 'lifetimes'");
    outOfRange(fn, 'options.penaltyConvention', penaltyConvention, "must be 'natural' or 'lifetimes'");
  }
  const initial: Record<string, number> = {};
  if (o.initialParams !== undefined) {
    const ip: Readonly<Record<string, unknown>> = readOptions(fn, o.initialParams, names, [], 'options.initialParams');
    for (const name of names) {
      const v = ip[name];
      if (v !== undefined) initial[name] = requirePositive(fn, `options.initialParams.${name}`, v);
    }
  }
  const maxIterations =
    o.maxIterations === undefined ? 1000 : requirePositiveInteger(fn, 'maxIterations', o.maxIterations);
  if (maxIterations > 1e6) rangeFail(fn, `maxIterations (${maxIterations}) must not exceed 1000000`);
  const gradientTolerance =
    o.gradientTolerance === undefined ? 1e-9 : requirePositive(fn, 'gradientTolerance', o.gradientTolerance);
  return {
    weights: o.weights,
    penalty,
    penaltyConvention,
    initialParams: initial as Partial<Params>,
    bfgs: { maxIterations, gradientTolerance },
  };
}

/** A model's weighted log-likelihood in log parameters, optionally writing ∂ℓ/∂xᵢ into `gradient`. */
export type LogLikelihoodFunction = (logParams: Float64Array, gradient?: Float64Array) => number;

/**
 * The search box of every fit, on the natural scale: each parameter stays within [10⁻¹⁵, 10¹⁵]. The
 * likelihood kernels are accurate on the whole box; a parameter that ends at a limit is not identified
 * by the data (a flat direction of the likelihood), which the fit reports in `warnings`.
 */
export const PARAMETER_LIMITS: readonly [number, number] = [1e-15, 1e15];

/**
 * A parameter whose log-scale standard error exceeds this is reported as not identified: its 95 %
 * interval would span a factor e^(2·1.96·10) ≈ 10¹⁷. Identified parameters of real fits have log-scale
 * standard errors below about 3 even on a few dozen customers; a flat direction of the likelihood (a
 * Beta distribution's shapes running off together with their ratio fixed) gives 10⁴ and more.
 */
export const UNIDENTIFIED_LOG_SD = 10;

/** Output of {@link fitLogScale}. */
export interface LogScaleFit {
  readonly params: Float64Array;
  readonly logLikelihood: number;
  /** The optimiser met its convergence test with a finite ℓ. */
  readonly converged: boolean;
  /** Why the optimiser stopped (see `BfgsResult.reason`). */
  readonly reason: string;
  /** Per parameter: −1 at the lower limit of the search box, 1 at the upper limit, 0 inside. */
  readonly atLimit: number[];
  readonly iterations: number;
  readonly standardErrors: number[];
  readonly logCovariance: number[][] | null;
}

/**
 * A cheaper log-likelihood of the same model on a sample of the rows (with its total weight), maximised
 * first to start the full fit near its maximum: see {@link fitLogScale}.
 */
export interface WarmStart {
  readonly logLikelihood: LogLikelihoodFunction;
  readonly totalWeight: number;
}

/** Rows in a sample of which a raw fit starts (fewer rows: the fit as it is). */
export const WARM_START_ROWS = 32_768;

/**
 * The warm start of a fit over `frequency`, `recency`, `T` rows (not merged: {@link FitRows} `compressed`
 * false) of at least 4·{@link WARM_START_ROWS}: `kernel` on an evenly strided sample of
 * WARM_START_ROWS of them; `undefined` for fewer rows.
 * @example
 * ```ts
 * import { warmStartOn } from './maximumLikelihood.ts';
 *
 * const n = 200_000;
 * const rows = { frequency: new Float64Array(n), recency: new Float64Array(n), T: new Float64Array(n).fill(1), weights: new Float64Array(n).fill(2), compressed: false };
 * warmStartOn(rows, () => () => 0)?.totalWeight; // => 65536
 * warmStartOn({ ...rows, compressed: true }, () => () => 0); // => undefined
 * ```
 */
export function warmStartOn(
  rows: {
    readonly frequency: Float64Array;
    readonly recency: Float64Array;
    readonly T: Float64Array;
    readonly weights: Float64Array;
    readonly compressed: boolean;
  },
  kernel: (
    frequency: Float64Array,
    recency: Float64Array,
    T: Float64Array,
    weights: Float64Array,
  ) => LogLikelihoodFunction,
): WarmStart | undefined {
  const n = rows.frequency.length;
  if (rows.compressed || n < 4 * WARM_START_ROWS) return undefined;
  const pick = (v: Float64Array) =>
    Float64Array.from({ length: WARM_START_ROWS }, (_, k) => v[Math.floor((k * n) / WARM_START_ROWS)] as number);
  const weights = pick(rows.weights);
  let totalWeight = 0;
  for (let k = 0; k < weights.length; k++) totalWeight += weights[k] as number;
  return { logLikelihood: kernel(pick(rows.frequency), pick(rows.recency), pick(rows.T), weights), totalWeight };
}

/**
 * Maximises a log-likelihood over log parameters from `start` (natural scale).
 * @example
 * ```ts
 * import { fitLogScale } from './maximumLikelihood.ts';
 *
 * // Poisson rate λ = eˣ from 100 observations totalling 400: ℓ(x) = 400x − 100eˣ (+ const), ∂ℓ/∂x = 400 − 100eˣ.
 * // The MLE is the mean 4, with se √(λ̂/n) = 0.2 and ℓ(ln 4) = 400·ln 4 − 400.
 * const ll = (x: Float64Array, g?: Float64Array) => {
 *   const lambda = Math.exp(x[0]!);
 *   if (g) g[0] = 400 - 100 * lambda;
 *   return 400 * x[0]! - 100 * lambda;
 * };
 * fitLogScale(ll, [1], 100, 0, {}); // => { params: [4.00000], standardErrors: [0.20000], logLikelihood: 154.51774, converged: true }
 * // An L2 penalty λ·θ² pulls the estimate down: the root of 4 − θ − 2·0.1·θ² = 0 is (−1 + √4.2)/0.4 = 2.6235
 * fitLogScale(ll, [1], 100, 0.1, {}).params; // => [2.6235]
 * ```
 */
export function fitLogScale(
  logLikelihood: LogLikelihoodFunction,
  start: ArrayLike<number>,
  totalWeight: number,
  penalty: number,
  bfgs: BfgsOptions,
  penaltyScales?: ArrayLike<number>,
  warm?: WarmStart,
): LogScaleFit {
  const n = start.length;
  const W = totalWeight > 0 ? totalWeight : 1;
  const objectiveOf = (ll: LogLikelihoodFunction, weight: number): ObjectiveFunction => {
    const scratch = new Float64Array(n);
    return (x, gradient) => {
      const value = ll(x, gradient ? scratch : undefined);
      let pen = 0;
      for (let i = 0; i < n; i++) {
        const theta = Math.exp(x[i] as number) * (penaltyScales === undefined ? 1 : (penaltyScales[i] as number));
        pen += theta * theta;
        if (gradient) gradient[i] = -(scratch[i] as number) / weight + 2 * penalty * theta * theta;
      }
      return -value / weight + penalty * pen;
    };
  };
  const objective = objectiveOf(logLikelihood, W);
  const x0 = Float64Array.from(start, Math.log);
  const lower = Math.log(PARAMETER_LIMITS[0]);
  const upper = Math.log(PARAMETER_LIMITS[1]);
  const box = { ...bfgs, lower, upper };
  let result: BfgsResult | undefined;
  if (warm !== undefined && warm.totalWeight > 0) {
    // The same objective on a sample of the rows first: its maximum lies close to the full one and its
    // inverse-Hessian approximation is close to the full objective's (both are per unit weight), so the
    // full fit then needs only the few quasi-Newton steps of the last digits. Any trouble: the plain fit.
    const sub = minimizeBfgs(objectiveOf(warm.logLikelihood, warm.totalWeight), x0, {
      ...box,
      gradientTolerance: Math.max(bfgs.gradientTolerance ?? 0, 1e-7),
    });
    if (sub.converged && sub.x.every((v) => v > lower && v < upper)) {
      const full = minimizeBfgs(objective, sub.x, { ...box, initialInverseHessian: sub.inverseHessian });
      if (full.converged) result = full;
    }
  }
  result ??= minimizeBfgs(objective, x0, box);
  const x = result.x;
  const atLimit = Array.from(x, (v) => (v <= lower ? -1 : v >= upper ? 1 : 0));
  // without a penalty the objective at x is −ℓ/W itself: ℓ without one more pass over the rows
  const logLikelihoodValue = penalty === 0 && Number.isFinite(result.value) ? -result.value * W : logLikelihood(x);
  const scaled: ObjectiveFunction = (y, gradient) => {
    const v = objective(y, gradient);
    if (gradient) for (let i = 0; i < n; i++) gradient[i] = (gradient[i] as number) * W;
    return v * W;
  };
  const hessian = hessianFromGradient(scaled, x);
  const uncertainty = logScaleUncertainty(hessian, x);
  // A parameter at a limit is reported as the limit itself (exp(ln 1e15) is 1e15 only to rounding).
  const params = Float64Array.from(x, (v, i) =>
    atLimit[i] === 0 ? Math.exp(v) : PARAMETER_LIMITS[atLimit[i] === 1 ? 1 : 0],
  );
  return {
    params,
    logLikelihood: logLikelihoodValue,
    converged: result.converged && Number.isFinite(logLikelihoodValue),
    reason: result.reason,
    atLimit,
    iterations: result.iterations,
    standardErrors: uncertainty.standardErrors,
    logCovariance: uncertainty.logCovariance,
  };
}

/**
 * How a fit maps `penaltyConvention: 'lifetimes'` onto the natural objective −ℓ/W + λ·Σ(θᵢ·sᵢ)²:
 * `scales` sᵢ per parameter (1/max T for the rate parameters of time, 1 otherwise) and `factor` on λ
 * (1/n for Pareto/NBD, whose lifetimes objective divides by the mean weight, 1 otherwise).
 */
export interface PenaltyWeights {
  readonly scales: readonly number[];
  readonly factor: number;
}

/** The named parameters and diagnostics of a fit: the fields every `fit*` result shares. */
export interface NamedFit<Params> extends ModelFitDiagnostics<Params> {
  readonly params: Params;
}

/**
 * The lifetimes penalty weights of a purchase model: 1/max T on the parameters at `rateIndices`
 * (α, and β of Pareto/NBD) and `factor` on λ. Max T of no customers is taken as 1.
 * @example
 * ```ts
 * import { timeScaledPenalty } from './maximumLikelihood.ts';
 *
 * timeScaledPenalty(Float64Array.of(40, 39), 4, [1]); // => { scales: [1, 0.025, 1, 1], factor: 1 }
 * ```
 */
export function timeScaledPenalty(
  T: ArrayLike<number>,
  count: number,
  rateIndices: readonly number[],
  factor = 1,
): PenaltyWeights {
  let maxT = 0;
  for (let i = 0; i < T.length; i++) maxT = Math.max(maxT, T[i] as number);
  const scale = maxT > 0 ? 1 / maxT : 1;
  const scales = Array.from({ length: count }, (_, i) => (rateIndices.includes(i) ? scale : 1));
  return { scales, factor };
}

/**
 * The whole fit after validation: maximises `logLikelihood` from `start` by {@link fitLogScale} with the
 * parsed options and names parameters and standard errors after `names`. `converged` is false when the
 * total weight is 0 (no data: the parameters stay at the start).
 * @example
 * ```ts
 * import { fitModel, parseFitOptions } from './maximumLikelihood.ts';
 *
 * // Poisson rate from 100 observations totalling 400 (see fitLogScale): λ̂ = 4, se 0.2, Var(ln λ̂) = 1/400
 * const ll = (x: Float64Array, g?: Float64Array) => {
 *   const lambda = Math.exp(x[0]!);
 *   if (g) g[0] = 400 - 100 * lambda;
 *   return 400 * x[0]! - 100 * lambda;
 * };
 * const options = parseFitOptions<{ lambda: number }>('fitPoisson', undefined, ['lambda']);
 * fitModel(['lambda'], ll, [1], 100, options); // => { params: { lambda: 4.00000 }, standardErrors: { lambda: 0.20000 }, logCovariance: [[0.0025000]], converged: true }
 * // no data: not converged
 * fitModel(['lambda'], () => 0, [1], 0, options); // => { params: { lambda: 1 }, converged: false }
 * ```
 */
export function fitModel<Params>(
  names: readonly string[],
  logLikelihood: LogLikelihoodFunction,
  start: ArrayLike<number>,
  totalWeight: number,
  options: ParsedFitOptions<Params>,
  lifetimesPenalty?: PenaltyWeights,
  warm?: WarmStart,
): NamedFit<Params> {
  const weights = options.penaltyConvention === 'lifetimes' ? lifetimesPenalty : undefined;
  const penalty = options.penalty * (weights?.factor ?? 1);
  const fit = fitLogScale(logLikelihood, start, totalWeight, penalty, options.bfgs, weights?.scales, warm);
  const warnings = totalWeight > 0 ? fitWarnings(names, fit) : ['no data: the parameters stay at the start'];
  return {
    params: namedParams<Params>(names, fit.params),
    logLikelihood: fit.logLikelihood,
    converged: totalWeight > 0 && warnings.length === 0,
    iterations: fit.iterations,
    warnings,
    standardErrors: namedParams<Params>(names, fit.standardErrors),
    logCovariance: fit.logCovariance,
  };
}

/**
 * The warnings of a fit: parameters at a limit of the search box, a Hessian that is not positive
 * definite, an optimiser that stopped early, a non-finite ℓ. Empty for a trustworthy interior maximum.
 * @example
 * ```ts
 * import { fitWarnings } from './maximumLikelihood.ts';
 *
 * const fit = { params: Float64Array.of(1e15, 2), logLikelihood: -3, converged: true, reason: 'gradient', atLimit: [1, 0], iterations: 9, standardErrors: [Number.NaN, Number.NaN], logCovariance: null };
 * fitWarnings(['a', 'b'], fit).length; // => 2
 * fitWarnings(['a', 'b'], fit)[0]; // => 'a (1000000000000000) ran to the upper limit 1000000000000000 of the search: the data do not identify it (a small penalty keeps it finite)'
 * ```
 */
export function fitWarnings(names: readonly string[], fit: LogScaleFit): string[] {
  const warnings: string[] = [];
  names.forEach((name, i) => {
    const side = fit.atLimit[i];
    if (side === 0) return;
    const limit = PARAMETER_LIMITS[side === 1 ? 1 : 0];
    warnings.push(
      `${name} (${fit.params[i]}) ran to the ${side === 1 ? 'upper' : 'lower'} limit ${limit} of the search: ` +
        'the data do not identify it (a small penalty keeps it finite)',
    );
  });
  const cov = fit.logCovariance;
  if (cov !== null) {
    names.forEach((name, i) => {
      if (fit.atLimit[i] !== 0) return;
      const sd = Math.sqrt((cov[i] as number[])[i] as number);
      if (!(sd > UNIDENTIFIED_LOG_SD)) return;
      const value = fit.params[i] as number;
      warnings.push(
        `${name} (${value}) is not identified by the data: the likelihood is nearly flat along it (standard error ` +
          `of ln ${name} ${sd.toPrecision(3)}), so it drifts ${value >= 1 ? 'upwards' : 'towards 0'} (a small penalty keeps it finite)`,
      );
    });
  }
  if (cov === null) {
    warnings.push(
      'the Hessian of the negative log-likelihood is not positive definite at the returned parameters: ' +
        'the maximum is not identified by the data and the standard errors are NaN',
    );
  }
  if (!Number.isFinite(fit.logLikelihood)) warnings.push(`the log-likelihood (${fit.logLikelihood}) is not finite`);
  else if (!fit.converged) warnings.push(`the optimiser stopped (${fit.reason}) before meeting its convergence test`);
  return warnings;
}

/**
 * Builds a named parameter record from values in `names` order.
 * @example
 * ```ts
 * import { namedParams } from './maximumLikelihood.ts';
 *
 * namedParams(['r', 'alpha', 'a', 'b'], [0.243, 4.414, 0.793, 2.426]); // => { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }
 * ```
 */
export function namedParams<Params>(names: readonly string[], values: ArrayLike<number>): Params {
  const out: Record<string, number> = {};
  names.forEach((name, i) => {
    out[name] = values[i] as number;
  });
  return out as Params;
}
