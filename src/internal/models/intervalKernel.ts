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
import { describeValue, optionsObject, typeFail, rangeFail, requireConfidenceLevel, requireFunction, requireNumber, requirePositiveInteger } from '../validate.ts';

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

/** Validates the interval options from an options object. */
export function readIntervalOptions(fn: string, o: Readonly<Record<string, unknown>>): IntervalSettings {
  const draws = o['draws'] === undefined ? 1000 : requirePositiveInteger(fn, 'draws', o['draws']);
  if (draws > MAX_DRAWS) rangeFail(fn, `draws (${draws}) must not exceed ${MAX_DRAWS}`);
  const confidenceLevel = o['confidenceLevel'] === undefined ? 0.95 : requireConfidenceLevel(fn, o['confidenceLevel']);
  let rng: Rng;
  if (o['rng'] !== undefined) {
    const user = requireFunction(fn, 'rng', o['rng']) as () => unknown;
    rng = () => {
      const u = user();
      if (typeof u !== 'number' || !(u >= 0 && u < 1)) rangeFail(fn, `rng returned ${describeValue(u)}; it must return numbers in [0, 1)`);
      return u;
    };
  } else {
    const seed = o['seed'] === undefined ? 1 : requireNumber(fn, 'seed', o['seed']);
    rng = createRng(seed);
  }
  return { draws, confidenceLevel, rng };
}

/** Reads interval options from an optional options argument. */
export function readIntervalArgument(fn: string, options: unknown): IntervalSettings {
  return readIntervalOptions(fn, optionsObject(fn, options));
}

/** A sampler of parameter vectors (natural scale) from N(logParams, cov), or null when cov is missing or not positive definite. */
export function logNormalSampler(logParams: Float64Array, cov: Float64Array | null | undefined): ((rng: Rng) => Float64Array) | null {
  if (!cov) return null;
  const L = cholesky(cov, logParams.length);
  if (!L) return null;
  return (rng) => multivariateNormal(rng, logParams, L).map(Math.exp);
}

/** Percentile interval (linear interpolation between order statistics) of the finite-or-infinite, non-NaN values. */
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
  if (!sampler) return { estimate, lower: Number.NaN, upper: Number.NaN, confidenceLevel: settings.confidenceLevel, draws: 0 };
  const values = new Float64Array(settings.draws);
  for (let k = 0; k < settings.draws; k++) {
    const theta = sampler(settings.rng);
    values[k] = predict(model.kernel, model.kernel.fromVector(theta), settings.rng);
  }
  const [lower, upper] = percentileInterval(values, settings.confidenceLevel);
  return { estimate, lower, upper, confidenceLevel: settings.confidenceLevel, draws: settings.draws };
}
