/**
 * Shared pieces of model-based CLV: option parsing with explicit time units, and the discounted sum.
 * @internal
 * @module
 */
import { gammaGammaExpectedSpendOne, type GammaGammaParams } from './gammaGammaKernel.ts';
import type { TransactionModelKernel } from './transactionModel.ts';
import { DURATION_UNITS } from '../time/periodKinds.ts';
import {
  rangeFail,
  readOptions,
  requireFraction,
  requireNonNegative,
  requireOneOf,
  requirePositive,
  requirePositiveInteger,
  typeFail,
} from '../validate.ts';

/** Calendar units for CLV horizons and model time. */
export type TimeUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

export const TIME_UNITS: readonly TimeUnit[] = DURATION_UNITS;

/** Longest horizon accepted, in horizon units (bounds the work of a call). */
export const MAX_HORIZON = 100_000;

/** Parsed CLV options. */
export interface ClvSettings {
  readonly periods: number;
  /** One horizon unit expressed in model time units. */
  readonly step: number;
  readonly discountRate: number;
  readonly margin: number;
}

/**
 * Length of a unit in days, with months of `daysPerMonth` days, quarters of 3 months and years of 12.
 * @example
 * ```ts
 * import { unitDays } from './clvKernel.ts';
 *
 * unitDays('week', 365.25 / 12); // => 7
 * unitDays('month', 365.25 / 12); // => 30.4375
 * unitDays('year', 365.25 / 12); // => 365.25
 * ```
 */
export function unitDays(unit: TimeUnit, daysPerMonth: number): number {
  switch (unit) {
    case 'day':
      return 1;
    case 'week':
      return 7;
    case 'month':
      return daysPerMonth;
    case 'quarter':
      return 3 * daysPerMonth;
    case 'year':
      return 12 * daysPerMonth;
  }
}

/** The option keys of `modelClv` (and of `modelClvInterval`, which adds its own). */
export const CLV_OPTION_KEYS = [
  'horizon',
  'horizonUnit',
  'modelUnit',
  'discountRate',
  'margin',
  'daysPerMonth',
] as const;

/**
 * Validates the CLV options; `modelUnit` and `discountRate` are required.
 * @example
 * ```ts
 * import { readClvOptions } from './clvKernel.ts';
 *
 * // 12 months ahead for a model fitted in weeks: one month is 30.4375/7 = 4.348 weeks
 * readClvOptions('modelClv', { horizon: 12, modelUnit: 'week', discountRate: 0.01 }); // => { periods: 12, step: 4.3482142857143, discountRate: 0.01, margin: 1 }
 * readClvOptions('modelClv', { horizon: 4, horizonUnit: 'quarter', modelUnit: 'month', discountRate: 0.03, margin: 0.2 }); // => { periods: 4, step: 3, margin: 0.2 }
 * readClvOptions('modelClv', { horizon: 12, modelUnit: 'week' }); // => throws TypeError: modelClv: discountRate is required (per horizon unit, e.g. 0.01 for 1 % a month)
 * ```
 */
export function readClvOptions(fn: string, options: unknown, extraKeys: readonly string[] = []): ClvSettings {
  if (options === undefined)
    typeFail(fn, 'options must be an object with horizon, modelUnit and discountRate, got undefined');
  const o = readOptions(fn, options, CLV_OPTION_KEYS, extraKeys);
  const periods = requirePositiveInteger(fn, 'horizon', o.horizon);
  if (periods > MAX_HORIZON) rangeFail(fn, `horizon (${periods}) must not exceed ${MAX_HORIZON} periods`);
  if (o.modelUnit === undefined)
    typeFail(
      fn,
      `modelUnit is required (the time unit of recency and T when the model was fitted: ${TIME_UNITS.map((u) => `'${u}'`).join(', ')})`,
    );
  const modelUnit = requireOneOf(fn, 'modelUnit', o.modelUnit, TIME_UNITS);
  const horizonUnit =
    o.horizonUnit === undefined ? 'month' : requireOneOf(fn, 'horizonUnit', o.horizonUnit, TIME_UNITS);
  if (o.discountRate === undefined)
    typeFail(fn, 'discountRate is required (per horizon unit, e.g. 0.01 for 1 % a month)');
  const discountRate = requireNonNegative(fn, 'discountRate', o.discountRate);
  const margin = o.margin === undefined ? 1 : requireFraction(fn, 'margin', o.margin);
  const daysPerMonth = o.daysPerMonth === undefined ? 365.25 / 12 : requirePositive(fn, 'daysPerMonth', o.daysPerMonth);
  if (daysPerMonth < 28 || daysPerMonth > 31) rangeFail(fn, `daysPerMonth (${daysPerMonth}) must be between 28 and 31`);
  const step = unitDays(horizonUnit, daysPerMonth) / unitDays(modelUnit, daysPerMonth);
  return { periods, step, discountRate, margin };
}

/**
 * Σ_{i=1..H} (E[X(i·u)] − E[X((i−1)·u)]) · m̃ · margin / (1 + d)^i for one customer: never negative
 * (increments of a non-decreasing function), E[X(H·u)]·m̃·margin without discounting, and cut off once
 * the discounted remainder is below 1e-15 of the total (so a horizon of 100,000 costs what the
 * discounting leaves of it).
 * @example
 * ```ts
 * import { clvOne, readClvOptions } from './clvKernel.ts';
 *
 * // A toy model buying 2 times per unit, a mean spend of p·v/(q − 1) = 2·10/2 = 10 for a new customer,
 * // 3 periods at 10 % discount and a 50 % margin: 2·10·0.5·(1/1.1 + 1/1.1² + 1/1.1³) = 10·2.4868520
 * const kernel = { conditionalExpectedPurchases: (_params: unknown, t: number) => 2 * t } as never;
 * const settings = readClvOptions('modelClv', { horizon: 3, horizonUnit: 'week', modelUnit: 'week', discountRate: 0.1, margin: 0.5 });
 * clvOne(kernel, {}, { p: 2, q: 3, v: 10 }, 0, 0, 0, 0, settings); // => 24.868520
 * ```
 */
export function clvOne(
  kernel: TransactionModelKernel<unknown>,
  params: unknown,
  spend: GammaGammaParams,
  x: number,
  tx: number,
  T: number,
  m: number,
  settings: ClvSettings,
): number {
  const meanSpend = gammaGammaExpectedSpendOne(spend, x, m);
  const { periods, step, discountRate } = settings;
  // E[X] is non-decreasing in t, so every increment is ≥ 0 and the total lies in [0, E(H·u)]: the value is
  // never negative. Without discounting the sum telescopes to E(H·u), one evaluation. With it, the part
  // after period i is at most (E(H·u) − E(i·u))/(1 + d)^(i+1), so the loop stops once that is below
  // 1e-15 of the total: the work grows with the discounted horizon that matters, not with `horizon`.
  const last = kernel.conditionalExpectedPurchases(params, periods * step, x, tx, T);
  let total = 0;
  if (discountRate === 0) total = last;
  else {
    let previous = 0;
    let discount = 1;
    for (let i = 1; i <= periods; i++) {
      const e = i === periods ? last : Math.min(last, kernel.conditionalExpectedPurchases(params, i * step, x, tx, T));
      const current = Math.max(previous, e);
      discount /= 1 + discountRate;
      total += (current - previous) * discount;
      previous = current;
      if ((last - previous) * discount <= 1e-15 * total) break;
    }
  }
  if (total === 0 || settings.margin === 0) return 0; // nothing to earn: 0 even when the mean spend is infinite
  return total * meanSpend * settings.margin;
}
