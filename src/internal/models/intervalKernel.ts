/**
 * Parametric-resampling intervals: parameters are drawn from the asymptotic normal distribution of
 * the log-parameters, N(ln θ̂, Σ) with Σ the fit's `logCovariance`, the prediction is recomputed for
 * each draw, and the percentile interval of the draws is reported (Krinsky & Robb 1986, "On
 * Approximating the Statistical Properties of Elasticities", Review of Economics and Statistics).
 * @internal
 * @module
 */
import { cholesky } from '../hessian.ts';
import { createRng, multivariateNormal, type Rng } from '../random.ts';
import type { ResolvedTransactionModel, TransactionModelKernel } from './transactionModel.ts';
import {
  describeValue,
  readOptions,
  typeFail,
  rangeFail,
  requireConfidenceLevel,
  requireFunction,
  requireNumber,
  requirePositiveInteger,
} from '../validate.ts';

/** Options shared by the interval functions. */
export interface PredictionIntervalOptions {
  /** Number of parameter draws (default 1,000, at most 100,000). */
  readonly draws?: number;
  /** Coverage of the percentile interval, in (0, 1) (default 0.95). */
  readonly confidenceLevel?: number;
  /** Uniform generator on [0, 1) to use for the draws; overrides `seed`. */
  readonly rng?: () => number;
  /** Seed of the built-in generator (xoshiro128**), default 1: results are reproducible. */
  readonly seed?: number;
}

/** A point prediction with a parametric-resampling interval. */
export interface PredictionInterval {
  /** The prediction at the fitted parameters. */
  readonly estimate: number;
  /** Lower percentile of the resampled predictions (NaN when no covariance is available). */
  readonly lower: number;
  /** Upper percentile of the resampled predictions (NaN when no covariance is available). */
  readonly upper: number;
  readonly confidenceLevel: number;
  /** Number of parameter draws used. */
  readonly draws: number;
}

/** Parsed interval settings. */
export interface IntervalSettings {
  readonly draws: number;
  readonly confidenceLevel: number;
  readonly rng: Rng;
}

export const MAX_DRAWS = 100_000;

/** The option keys of the interval functions. */
export const INTERVAL_OPTION_KEYS = ['draws', 'confidenceLevel', 'rng', 'seed'] as const;

/**
 * Validates the interval options from an options object.
 * @example
 * ```ts
 * import { readIntervalOptions } from './intervalKernel.ts';
 *
 * readIntervalOptions('probabilityAliveInterval', {}); // => { draws: 1000, confidenceLevel: 0.95 }
 * readIntervalOptions('probabilityAliveInterval', { draws: 200, confidenceLevel: 0.9, seed: 7 }); // => { draws: 200, confidenceLevel: 0.9 }
 * readIntervalOptions('probabilityAliveInterval', { draws: 1e6 }); // => throws RangeError: probabilityAliveInterval: draws (1000000) must not exceed 100000
 * ```
 */
export function readIntervalOptions(
  fn: string,
  o: { readonly [K in (typeof INTERVAL_OPTION_KEYS)[number]]?: unknown },
): IntervalSettings {
  const draws = o.draws === undefined ? 1000 : requirePositiveInteger(fn, 'draws', o.draws);
  if (draws > MAX_DRAWS) rangeFail(fn, `draws (${draws}) must not exceed ${MAX_DRAWS}`);
  const confidenceLevel = o.confidenceLevel === undefined ? 0.95 : requireConfidenceLevel(fn, o.confidenceLevel);
  let rng: Rng;
  if (o.rng !== undefined) {
    const user = requireFunction(fn, 'rng', o.rng) as () => unknown;
    rng = () => {
      const u = user();
      if (typeof u !== 'number' || !(u >= 0 && u < 1))
        rangeFail(fn, `rng returned ${describeValue(u)}; it must return numbers in [0, 1)`);
      return u;
    };
  } else {
    const seed = o.seed === undefined ? 1 : requireNumber(fn, 'seed', o.seed);
    rng = createRng(seed);
  }
  return { draws, confidenceLevel, rng };
}

/**
 * Reads interval options from an optional options argument.
 * @example
 * ```ts
 * import { readIntervalArgument } from './intervalKernel.ts';
 *
 * readIntervalArgument('probabilityAliveInterval', undefined); // => { draws: 1000, confidenceLevel: 0.95 }
 * // a user generator is checked on every call
 * readIntervalArgument('probabilityAliveInterval', { rng: () => 1 }).rng(); // => throws RangeError: probabilityAliveInterval: rng returned 1; it must return numbers in [0, 1)
 * ```
 */
export function readIntervalArgument(fn: string, options: unknown): IntervalSettings {
  return readIntervalOptions(fn, readOptions(fn, options, INTERVAL_OPTION_KEYS));
}

/**
 * A sampler of parameter vectors (natural scale) from N(logParams, cov), or null when cov is missing or not positive definite.
 * @example
 * ```ts
 * import { createRng } from '../random.ts';
 * import { logNormalSampler } from './intervalKernel.ts';
 *
 * const logParams = Float64Array.of(0, Math.log(2));
 * logNormalSampler(logParams, null); // => null
 * // [[1, 2], [2, 1]] is not positive definite
 * logNormalSampler(logParams, Float64Array.of(1, 2, 2, 1)); // => null
 * // lognormal draws: ln θ₂ ~ N(ln 2, 0.01), so the mean of θ₂ is 2·e^(0.005) = 2.010
 * const sample = logNormalSampler(logParams, Float64Array.of(0.01, 0, 0, 0.01))!;
 * const rng = createRng(1);
 * Array.from({ length: 20_000 }, () => sample(rng)[1]!).reduce((s, x) => s + x, 0) / 20_000; // => 2.01
 * ```
 */
export function logNormalSampler(
  logParams: Float64Array,
  cov: Float64Array | null | undefined,
): ((rng: Rng) => Float64Array) | null {
  if (!cov) return null;
  const L = cholesky(cov, logParams.length);
  if (!L) return null;
  return (rng) => multivariateNormal(rng, logParams, L).map(Math.exp);
}

/**
 * Percentile interval (linear interpolation between order statistics) of the finite-or-infinite, non-NaN values.
 * @example
 * ```ts
 * import { percentileInterval } from './intervalKernel.ts';
 *
 * // 0, 1, …, 100: the 2.5 % and 97.5 % order statistics interpolate to 2.5 and 97.5
 * percentileInterval(Float64Array.from({ length: 101 }, (_, i) => i), 0.95); // => [2.5, 97.5]
 * // quartiles of 1, 2, 3, 4 (linear interpolation, as R's type 7); NaN is ignored
 * percentileInterval(Float64Array.of(4, NaN, 1, 3, 2), 0.5); // => [1.75, 3.25]
 * percentileInterval(Float64Array.of(NaN), 0.95); // => [NaN, NaN]
 * ```
 */
export function percentileInterval(values: Float64Array, confidenceLevel: number): [number, number] {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort();
  const n = sorted.length;
  if (n === 0) return [Number.NaN, Number.NaN];
  const q = (p: number): number => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(n - 1, lo + 1);
    const a = sorted[lo] as number;
    const b = sorted[hi] as number;
    return a === b ? a : a + (h - lo) * (b - a);
  };
  const tail = (1 - confidenceLevel) / 2;
  return [q(tail), q(1 - tail)];
}

/**
 * Runs the resampling for any prediction of the transaction model's parameters. `predict` receives
 * `rng = null` for the point estimate and the generator for each draw (to sample further parameters,
 * e.g. the spend model's, from the same stream).
 * @example
 * ```ts
 * import { readIntervalArgument, resampledInterval } from './intervalKernel.ts';
 * import { resolveTransactionModel } from './transactionModel.ts';
 *
 * // CDNOW BG/NBD: 1.226 expected purchases in 39 weeks for x = 2, tₓ = 30.43, T = 38.86 (FHL 2005).
 * // A vanishing covariance collapses the interval onto the estimate; none at all gives NaN bounds.
 * const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const tiny = [[1e-14, 0, 0, 0], [0, 1e-14, 0, 0], [0, 0, 1e-14, 0], [0, 0, 0, 1e-14]];
 * const predict = (kernel: any, p: unknown) => kernel.conditionalExpectedPurchases(p, 39, 2, 30.43, 38.86);
 * const settings = readIntervalArgument('f', { draws: 50 });
 * resampledInterval('f', resolveTransactionModel('f', { model: 'bgNbd', params, logCovariance: tiny }), settings, predict); // => { estimate: 1.226, lower: 1.226, upper: 1.226, draws: 50 }
 * resampledInterval('f', resolveTransactionModel('f', { model: 'bgNbd', params, logCovariance: null }), settings, predict); // => { estimate: 1.226, lower: NaN, upper: NaN, draws: 0 }
 * resampledInterval('f', resolveTransactionModel('f', { model: 'bgNbd', params }), settings, predict); // => throws TypeError: f: transaction.logCovariance is required for an interval (pass the fit result, which carries it)
 * ```
 */
export function resampledInterval(
  fn: string,
  model: ResolvedTransactionModel,
  settings: IntervalSettings,
  predict: (kernel: TransactionModelKernel<unknown>, params: unknown, rng: Rng | null) => number,
): PredictionInterval {
  if (model.logCovariance === undefined) {
    typeFail(fn, 'transaction.logCovariance is required for an interval (pass the fit result, which carries it)');
  }
  const estimate = predict(model.kernel, model.params, null);
  const sampler = logNormalSampler(model.logParams, model.logCovariance);
  if (!sampler)
    return { estimate, lower: Number.NaN, upper: Number.NaN, confidenceLevel: settings.confidenceLevel, draws: 0 };
  const values = new Float64Array(settings.draws);
  for (let k = 0; k < settings.draws; k++) {
    const theta = sampler(settings.rng);
    values[k] = predict(model.kernel, model.kernel.fromVector(theta), settings.rng);
  }
  const [lower, upper] = percentileInterval(values, settings.confidenceLevel);
  return { estimate, lower, upper, confidenceLevel: settings.confidenceLevel, draws: settings.draws };
}
