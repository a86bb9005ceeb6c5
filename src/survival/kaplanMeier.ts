import { zForConfidence } from '../internal/normal.ts';
import {
  outOfRange,
  rangeFail,
  readOptions,
  requireArrayLike,
  requireConfidenceLevel,
  requireNonNegative,
  requireObject,
  requireOneOf,
  withDefault,
  wrongType,
} from '../internal/validate.ts';

/** Lifetimes for {@link kaplanMeier}; the result of {@link customerLifetimes} fits directly. */
export interface KaplanMeierInput {
  /** Observed lifetime of each subject (time to churn, or to censoring), non-negative, in any one unit. */
  readonly durations: ArrayLike<number>;
  /**
   * Per subject: `1` or `true` when the churn was observed, `0` or `false` when the subject was still
   * active at the end of observation (right-censored). Default: every churn observed.
   */
  readonly events?: ArrayLike<number | boolean>;
}

/** Options for {@link kaplanMeier}. */
export interface KaplanMeierOptions {
  /** Confidence level of the pointwise bands, strictly between 0 and 1. Default 0.95. */
  readonly confidenceLevel?: number;
  /**
   * Transformation the band is built on: `'log-log'` (default; Kalbfleisch & Prentice, always inside
   * [0, 1]), `'log'` (on ln S, upper end capped at 1) or `'plain'` (S ± z·SE, clipped to [0, 1]). The
   * names are those of R's `survfit(conf.type = …)`.
   */
  readonly interval?: 'log-log' | 'log' | 'plain';
}

/** One step of a Kaplan–Meier curve, at a time where at least one churn was observed. */
export interface KaplanMeierStep {
  /** The event time, in the unit of the durations. */
  readonly time: number;
  /** Subjects at risk just before `time`: lifetime ≥ time (censored at `time` included). */
  readonly atRisk: number;
  /** Churns observed at `time`. */
  readonly events: number;
  /** Subjects censored exactly at `time` (they count as at risk at `time`). */
  readonly censored: number;
  /** Ŝ(time): estimated share still active after `time`, a fraction in [0, 1]. */
  readonly survival: number;
  /** Greenwood standard error of Ŝ(time); `NaN` once Ŝ reaches 0. */
  readonly standardError: number;
  /** Lower end of the pointwise band; `NaN` once Ŝ reaches 0. */
  readonly lower: number;
  /** Upper end of the pointwise band; `NaN` once Ŝ reaches 0. */
  readonly upper: number;
}

/** Result of {@link kaplanMeier}. */
export interface KaplanMeierResult {
  /** The step curve, one entry per distinct event time, in increasing time; Ŝ = 1 before the first. */
  readonly curve: readonly KaplanMeierStep[];
  /** Median lifetime: the smallest event time with Ŝ ≤ 0.5; `NaN` if the curve never gets there. */
  readonly median: number;
  /**
   * Confidence interval of the median (Brookmeyer & Crowley 1982, from the pointwise bands): the first
   * event times at which the lower and the upper band reach 0.5; an end is `NaN` if its band never does
   * (when Ŝ drops to 0, where the band is undefined, that last event time closes the interval).
   */
  readonly medianConfidenceInterval: readonly [number, number];
  /** Number of subjects. */
  readonly n: number;
  /** The confidence level used. */
  readonly confidenceLevel: number;
}

/**
 * Kaplan–Meier retention curve: the share of customers still active after each time, from lifetimes
 * some of which are still running (right-censored), with Greenwood standard errors, pointwise
 * confidence bands and the median lifetime.
 *
 * Customers who have not churned by the end of observation still tell us they lasted at least that
 * long; dropping them, or counting them as churned, biases the curve. The Kaplan–Meier estimator uses
 * them while they are at risk. A subject censored at the same time as an event is counted as at risk
 * at that time (the usual convention: censoring happens just after the event).
 *
 * ```text
 * at each distinct event time tᵢ:  nᵢ = #{ durations ≥ tᵢ },  dᵢ = churns observed at tᵢ
 * Ŝ(t)         = Π_{tᵢ ≤ t} (1 − dᵢ / nᵢ)
 * Var Ŝ(t)     = Ŝ(t)² · Σ_{tᵢ ≤ t} dᵢ / (nᵢ (nᵢ − dᵢ))                    (Greenwood 1926)
 * log-log band = Ŝ^exp(±z·σ / ln Ŝ),   σ = √(Σ dᵢ / (nᵢ (nᵢ − dᵢ)))      (Kalbfleisch & Prentice 1980)
 * median       = min{ tᵢ : Ŝ(tᵢ) ≤ 0.5 }
 * ```
 *
 * Survival is a fraction in [0, 1]; times are in the unit of the durations (days, weeks, months).
 * Comparing Ŝ with 0.5 allows for rounding (1e-12 relative), so a curve that reaches exactly one half
 * on paper does so here too. Reference: Kaplan & Meier (1958), "Nonparametric Estimation from
 * Incomplete Observations", JASA 53; the same estimates as R's `survival::survfit` and Python's
 * `lifelines.KaplanMeierFitter`.
 *
 * @param lifetimes - `durations` and, optionally, `events` (arrays or typed arrays of equal length).
 * @param options - `confidenceLevel` (default 0.95) and `interval` (default `'log-log'`).
 * @returns The curve (empty when no churn was observed), the median (`NaN` if Ŝ stays above 0.5) and its
 *   interval. When the last subjects at risk all churn together, Ŝ reaches 0 and that step's standard
 *   error and band are `NaN` (Greenwood's formula divides by zero there).
 * @throws {TypeError} When the input is not an object, `durations` or `events` is not an array, a
 *   duration is not a number, or an event is not 0, 1 or a boolean.
 * @throws {RangeError} When a duration is negative, NaN or infinite, an event is a number other than 0
 *   or 1, the arrays differ in length, `confidenceLevel` is not in (0, 1), or `interval` is unknown.
 * @example
 * ```ts
 * import { kaplanMeier } from 'loyalty-metrics';
 *
 * const km = kaplanMeier({
 *   durations: [3, 5, 6, 7, 8, 10, 12, 12], // months as a customer
 *   events: [1, 0, 1, 1, 0, 1, 1, 0], // 0 = still active
 * });
 * km.curve.map((step) => step.survival); // => [0.875, 0.729167, 0.583333, 0.388889, 0.194444]
 * km.median; // => 10
 * km.curve[0]; // => { time: 3, atRisk: 8, events: 1, censored: 0, standardError: 0.116927 }
 * ```
 * @category Survival
 */
export function kaplanMeier(lifetimes: KaplanMeierInput, options?: KaplanMeierOptions): KaplanMeierResult {
  const fn = 'kaplanMeier';
  const input = requireObject(fn, 'lifetimes', lifetimes);
  const durations = requireArrayLike(fn, 'durations', input.durations);
  const events = input.events === undefined ? undefined : requireArrayLike(fn, 'events', input.events);
  const opts = readOptions(fn, options, ['confidenceLevel', 'interval']);
  const confidenceLevel = requireConfidenceLevel(
    fn,
    withDefault(opts.confidenceLevel, 0.95),
    'options.confidenceLevel',
  );
  const interval = requireOneOf(fn, 'options.interval', withDefault(opts.interval, 'log-log'), [
    'log-log',
    'log',
    'plain',
  ] as const);
  const n = durations.length;
  if (events !== undefined && events.length !== n) {
    rangeFail(fn, `events (length ${events.length}) must have the same length as durations (${n})`, {
      argument: 'events',
      value: events,
    });
  }

  // All durations, and the durations of observed churns, each sorted: two pointers then give the
  // number at risk, the events and the censored at every distinct event time in one pass.
  const all = new Float64Array(n);
  let eventCount = 0;
  const observed = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    all[i] = requireNonNegative(fn, `durations[${i}]`, durations[i]);
    if (events === undefined || readEvent(fn, i, events[i])) {
      observed[i] = 1;
      eventCount++;
    }
  }
  const eventTimes = new Float64Array(eventCount);
  for (let i = 0, k = 0; i < n; i++) if (observed[i] === 1) eventTimes[k++] = all[i] as number;
  all.sort();
  eventTimes.sort();

  const z = zForConfidence(confidenceLevel);
  const curve: KaplanMeierStep[] = [];
  let survival = 1;
  let greenwood = 0; // Σ d / (n (n − d)), the variance of ln Ŝ
  let before = 0; // durations strictly below the current time
  let median = Number.NaN;
  let medianLow = Number.NaN;
  let medianHigh = Number.NaN;
  for (let e = 0; e < eventCount; ) {
    const time = eventTimes[e] as number;
    let events = 0;
    while (e < eventCount && eventTimes[e] === time) {
      events++;
      e++;
    }
    while (before < n && (all[before] as number) < time) before++;
    let atTime = 0;
    while (before + atTime < n && all[before + atTime] === time) atTime++;
    const atRisk = n - before;
    survival *= (atRisk - events) / atRisk;
    greenwood += events / (atRisk * (atRisk - events));
    const [standardError, lower, upper] = band(survival, greenwood, z, interval);
    curve.push({ time, atRisk, events, censored: atTime - events, survival, standardError, lower, upper });
    if (Number.isNaN(median) && atOrBelowHalf(survival)) median = time;
    if (Number.isNaN(medianLow) && atOrBelowHalf(lower)) medianLow = time;
    if (Number.isNaN(medianHigh) && atOrBelowHalf(upper)) medianHigh = time;
  }
  // Once Ŝ is 0 its band is undefined; the median's interval ends there at the latest.
  if (Number.isNaN(medianLow) && survival === 0) medianLow = (curve[curve.length - 1] as KaplanMeierStep).time;
  if (Number.isNaN(medianHigh) && survival === 0) medianHigh = (curve[curve.length - 1] as KaplanMeierStep).time;
  return { curve, median, medianConfidenceInterval: [medianLow, medianHigh], n, confidenceLevel };
}

/** Reads one event flag: 1/true (churn observed) or 0/false (censored). */
function readEvent(fn: string, i: number, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'number') wrongType(fn, `events[${i}]`, value, '0, 1 or a boolean');
  if (value !== 0 && value !== 1) outOfRange(fn, `events[${i}]`, value, 'must be 0 or 1');
  return value === 1;
}

/** Ŝ ≤ 0.5 up to rounding of the running product. */
function atOrBelowHalf(s: number): boolean {
  return s <= 0.5 * (1 + 1e-12);
}

/** Greenwood standard error and the pointwise band of one step. */
function band(
  survival: number,
  greenwood: number,
  z: number,
  interval: 'log-log' | 'log' | 'plain',
): [number, number, number] {
  if (survival === 0) return [Number.NaN, Number.NaN, Number.NaN];
  const sigma = Math.sqrt(greenwood); // standard error of ln Ŝ
  const standardError = survival * sigma;
  if (interval === 'plain')
    return [standardError, Math.max(0, survival - z * standardError), Math.min(1, survival + z * standardError)];
  if (interval === 'log')
    return [standardError, survival * Math.exp(-z * sigma), Math.min(1, survival * Math.exp(z * sigma))];
  // log-log: θ = ln(−ln Ŝ) with SE σ/|ln Ŝ|; Ŝ = exp(−e^θ) decreases in θ.
  const logS = Math.log(survival);
  const w = (z * sigma) / logS; // ≤ 0
  return [standardError, survival ** Math.exp(-w), survival ** Math.exp(w)];
}
