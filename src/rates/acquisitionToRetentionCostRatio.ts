import { requireNonNegative, requireObject } from '../internal/validate.ts';

/** Costs for {@link acquisitionToRetentionCostRatio}. */
export interface AcquisitionToRetentionCostRatioInput {
  /** Cost of winning one new customer (for example {@link customerAcquisitionCost}), money ≥ 0. */
  readonly acquisitionCost: number;
  /** Cost of keeping one existing customer over the same span, money ≥ 0, same currency. */
  readonly retentionCost: number;
}

/**
 * Acquisition-to-retention cost ratio: how many times more it costs to win a customer than to keep one.
 *
 * The figure behind the saying that keeping a customer is "5 to 7 times cheaper" than winning one;
 * compute both costs per customer over comparable spans.
 *
 * ```text
 * ratio = acquisition cost per customer / retention cost per customer
 * ```
 *
 * @param input - `acquisitionCost` and `retentionCost`, non-negative amounts of money per customer.
 * @returns A non-negative ratio (above 1 when acquiring costs more); `NaN` when `retentionCost` is 0.
 * @throws {TypeError} When the input is not an object or a field is not a number.
 * @throws {RangeError} When a field is negative or not finite.
 * @example
 * ```ts
 * import { acquisitionToRetentionCostRatio } from 'loyalty-metrics';
 *
 * acquisitionToRetentionCostRatio({ acquisitionCost: 125, retentionCost: 25 }); // => 5
 * ```
 * @category Rates
 */
export function acquisitionToRetentionCostRatio(input: AcquisitionToRetentionCostRatioInput): number {
  const fn = 'acquisitionToRetentionCostRatio';
  const { acquisitionCost, retentionCost } = requireObject(fn, 'input', input);
  const acquisition = requireNonNegative(fn, 'acquisitionCost', acquisitionCost);
  const retention = requireNonNegative(fn, 'retentionCost', retentionCost);
  return retention === 0 ? Number.NaN : acquisition / retention;
}
