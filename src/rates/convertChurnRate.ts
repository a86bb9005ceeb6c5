import { readOptions, requireFraction, requireObject, requirePositive } from '../internal/validate.ts';

/** Period lengths for {@link convertChurnRate}. */
export interface ConvertChurnRateOptions {
  /**
   * Length of the period over which `churn` was measured, in any time unit (1 for a monthly rate
   * when the unit is months). A positive finite number; fractions are allowed.
   */
  readonly fromPeriods: number;
  /** Length of the period to convert to, in the same unit (12 for an annual rate). Positive and finite. */
  readonly toPeriods: number;
}

/**
 * Converts a churn rate measured over one period length into the equivalent rate over another, assuming
 * churn is constant over time (survival compounds geometrically).
 *
 * Monthly churn c becomes annual churn 1 − (1 − c)^12 (`fromPeriods: 1, toPeriods: 12`), and annual
 * churn goes back to monthly with `fromPeriods: 12, toPeriods: 1`; the two conversions are inverses.
 * A retention rate r converts the same way on its complement: r^(to/from) =
 * 1 − convertChurnRate(1 − r, …). Simply dividing or multiplying churn by 12 is wrong, because a
 * customer can only be lost once.
 *
 * ```text
 * k = toPeriods / fromPeriods
 * churn_to = 1 − (1 − churn_from)^k        computed as −expm1(k · log1p(−churn_from))
 * ```
 *
 * Churn 0 stays 0 and churn 1 stays 1 (everyone is gone) for every pair of period lengths.
 *
 * @param churn - Churn over `fromPeriods`, a fraction in [0, 1].
 * @param options - `fromPeriods` and `toPeriods`, both required, positive and finite, in one time unit.
 * @returns The churn over `toPeriods`, a fraction in [0, 1].
 * @throws {TypeError} When `churn` or a period length is not a number, or `options` is not an object.
 * @throws {RangeError} When `churn` is outside [0, 1] or not finite, or a period length is not positive and finite.
 * @example
 * ```ts
 * import { convertChurnRate } from 'loyalty-metrics';
 *
 * convertChurnRate(0.05, { fromPeriods: 1, toPeriods: 12 }); // => 0.4596
 * convertChurnRate(0.4596399, { fromPeriods: 12, toPeriods: 1 }); // => 0.05
 * convertChurnRate(1.2, { fromPeriods: 1, toPeriods: 12 }); // => throws RangeError
 * ```
 * @category Rates
 */
export function convertChurnRate(churn: number, options: ConvertChurnRateOptions): number {
  const fn = 'convertChurnRate';
  const c = requireFraction(fn, 'churn', churn);
  const { fromPeriods, toPeriods } = readOptions(fn, requireObject(fn, 'options', options), [
    'fromPeriods',
    'toPeriods',
  ]);
  const from = requirePositive(fn, 'options.fromPeriods', fromPeriods);
  const to = requirePositive(fn, 'options.toPeriods', toPeriods);
  // The ends of the domain are fixed points whatever the ratio (which may overflow to Infinity or
  // underflow to 0, where the general formula would meet 0·∞).
  if (c === 0) return 0;
  if (c === 1) return 1;
  const k = to / from;
  return -Math.expm1(k * Math.log1p(-c));
}
