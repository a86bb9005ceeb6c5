import { requireFraction } from '../internal/validate.ts';

/**
 * Expected customer lifetime, in periods, under a constant per-period churn rate.
 *
 * If every period each remaining customer leaves with probability c, a customer's lifetime (counting
 * the period in which they leave) is geometric with mean 1 / c. The unit is the period of the churn
 * rate: monthly churn gives a lifetime in months (convert first with {@link convertChurnRate} for
 * another unit). The result can feed {@link simpleClv} as its `lifespan`.
 *
 * ```text
 * L = 1 / c        (periods)
 * ```
 *
 * Churn 0 means no customer ever leaves: the lifetime is `Infinity`, the limit of 1 / c as c → 0
 * (not an undefined 0/0, so not `NaN`). Passing that `Infinity` on to {@link simpleClv} throws, which
 * is the intended signal that a finite lifespan has to be chosen.
 *
 * @param churn - Churn per period, a fraction in [0, 1].
 * @returns The expected lifetime in periods, ≥ 1; `Infinity` when `churn` is 0.
 * @throws {TypeError} When `churn` is not a number.
 * @throws {RangeError} When `churn` is outside [0, 1] or not finite.
 * @example
 * ```ts
 * import { expectedLifetime } from 'loyalty-metrics';
 *
 * expectedLifetime(0.05); // => 20
 * expectedLifetime(0); // => Infinity
 * ```
 * @category Rates
 */
export function expectedLifetime(churn: number): number {
  const c = requireFraction('expectedLifetime', 'churn', churn);
  return c === 0 ? Number.POSITIVE_INFINITY : 1 / c;
}
