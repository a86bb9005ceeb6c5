import { NeumaierSum } from '../internal/sum.ts';
import {
  describeValue,
  rangeFail,
  requireArrayLike,
  requireCount,
  requireFraction,
  requireNonNegative,
  requireObject,
  typeFail,
  withDefault,
} from '../internal/validate.ts';

/** Inputs of {@link retentionClv}. */
export interface RetentionClvInput {
  /**
   * Margin m that a surviving customer yields per period, as an amount of money (not a fraction),
   * received at the end of the period. ≥ 0.
   */
  readonly margin: number;
  /**
   * Retention per period: either one constant rate r in [0, 1], or a retention curve (an array or
   * typed array of rates in [0, 1]) whose element `retention[t − 1]` is r_t, the share of the customers
   * alive at the end of period t − 1 who are still customers at the end of period t (period 0 is
   * acquisition). Survival to period t is then the cumulative product r_1·r_2·…·r_t.
   */
  readonly retention: number | ArrayLike<number>;
  /** Discount rate i per period (0.1 for 10 % per period), ≥ 0. */
  readonly discountRate: number;
  /**
   * Horizon: the number of periods summed, a non-negative integer. Omitted with a constant retention:
   * infinite horizon. Omitted with a curve: the curve's length. With a curve it must not exceed the
   * curve's length (rates are never extrapolated).
   */
  readonly periods?: number;
  /** Cost of acquiring the customer, paid at time 0 (undiscounted) and subtracted. Money ≥ 0, default 0. */
  readonly acquisitionCost?: number;
}

/**
 * Retention-based customer lifetime value (Gupta & Lehmann): the discounted margin a newly acquired
 * customer is expected to yield while they stay.
 *
 * Timing convention: the customer is acquired at time 0; at the end of each period t = 1, 2, … a
 * customer who survived that period pays the margin m, discounted by (1 + i)^t. So the first margin
 * is already retention-weighted and discounted once, and the acquisition cost (if any) is paid at
 * time 0 undiscounted. If instead customers pay at the start of every period, the first margin for
 * sure at time 0, add one m: m + m·r/(1 + i − r) = m·(1 + i)/(1 + i − r).
 *
 * ```text
 * constant r, infinite horizon:  CLV = m·r / (1 + i − r) − AC            (needs r < 1 + i)
 * constant r, n periods:         CLV = Σ_{t=1..n} m·r^t / (1 + i)^t − AC
 *                                    = m·r / (1 + i − r) · (1 − (r / (1 + i))^n) − AC
 * retention curve r_1…r_n:       CLV = Σ_{t=1..n} m·(r_1·…·r_t) / (1 + i)^t − AC
 * ```
 *
 * With constant retention the finite sum is evaluated in closed form, so any horizon costs the same
 * constant time and approaches the infinite-horizon value as n grows; a curve is summed term by term
 * (compensated) over at most its own length. The infinite horizon diverges only for r = 1 with i = 0,
 * which is rejected. Units: m and AC in one currency, r and i per the same period.
 *
 * Reference: S. Gupta and D. R. Lehmann (2003), "Customers as assets", Journal of Interactive
 * Marketing 17(1), 9–24; the margin multiple r/(1 + i − r).
 *
 * @param input - `margin` (money per period), `retention` (a rate or a curve), `discountRate`,
 *   optional `periods` and optional `acquisitionCost`.
 * @returns The lifetime value in the currency of `margin`; negative when `acquisitionCost` exceeds the
 *   discounted margins. 0 − AC for a horizon of 0 periods.
 * @throws {TypeError} When the input is not an object, a field is not a number, or `retention` is
 *   neither a number nor an array.
 * @throws {RangeError} When `margin`, `discountRate` or `acquisitionCost` is negative or not finite; a
 *   retention rate is outside [0, 1]; `periods` is not a non-negative integer or exceeds the curve's
 *   length; or the horizon is infinite with r = 1 and i = 0.
 * @example
 * ```ts
 * import { retentionClv } from 'loyalty-metrics';
 *
 * retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1 }); // => 266.67
 * retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1, periods: 3 }); // => 164.09
 * retentionClv({ margin: 100, retention: [0.6, 0.8, 0.9], discountRate: 0.1 }); // => 126.67
 * retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1, acquisitionCost: 150 }); // => 116.67
 * ```
 * @category Value
 */
export function retentionClv(input: RetentionClvInput): number {
  const fn = 'retentionClv';
  const { margin, retention, discountRate, periods, acquisitionCost } = requireObject(fn, 'input', input);
  const m = requireNonNegative(fn, 'margin', margin);
  const i = requireNonNegative(fn, 'discountRate', discountRate);
  const cost = requireNonNegative(fn, 'acquisitionCost', withDefault(acquisitionCost, 0));
  const horizon = periods === undefined ? undefined : requireCount(fn, 'periods', periods);

  if (typeof retention === 'number') {
    const r = requireFraction(fn, 'retention', retention);
    return m * constantRetentionMultiple(fn, r, i, horizon) - cost;
  }

  if (typeof retention !== 'object' || retention === null) {
    typeFail(fn, `retention must be a number or an array of numbers, got ${describeValue(retention)}`);
  }
  const curve = requireArrayLike(fn, 'retention', retention);
  // Validate the whole curve first: an invalid rate is an error even beyond the horizon. The loop is
  // bounded by the caller's data and stops at the first invalid entry.
  for (let t = 0; t < curve.length; t++) requireFraction(fn, `retention[${t}]`, curve[t]);
  const n = horizon ?? curve.length;
  if (n > curve.length) rangeFail(fn, `periods (${n}) must not exceed the length of retention (${curve.length})`);
  const discount = 1 + i;
  const total = new NeumaierSum();
  let weight = 1; // survival to period t, discounted to time 0: (r_1·…·r_t) / (1 + i)^t
  for (let t = 0; t < n && weight > 0; t++) {
    weight = (weight * (curve[t] as number)) / discount;
    total.add(weight);
  }
  return m * total.value() - cost;
}

/** Σ_{t=1..n} q^t with q = r/(1 + i) (n = undefined: the infinite sum r/(1 + i − r)), in closed form. */
function constantRetentionMultiple(fn: string, r: number, i: number, n: number | undefined): number {
  // 1 + i − r evaluated as (1 − r) + i: 1 − r is exact for r ≥ 0.5 (Sterbenz), and a tiny i that
  // 1 + i would round away survives.
  const gap = 1 - r + i;
  if (n === undefined) {
    if (gap <= 0)
      rangeFail(
        fn,
        `retention (${r}) must be less than 1 + discountRate (${1 + i}) for an infinite horizon; give periods`,
      );
    return r / gap;
  }
  if (n === 0 || r === 0) return 0;
  if (gap <= 0) return n; // r = 1, i = 0: every term is 1
  const q = r / (1 + i);
  // log q: direct for small q (where 1 − q would lose q's digits), via log1p(−(1 − q)) near 1.
  const logQ = q < 0.5 ? Math.log(q) : Math.log1p(-gap / (1 + i));
  return (r / gap) * -Math.expm1(n * logQ);
}
