/**
 * The Customer Satisfaction Index kernel shared by the aggregate and per-respondent functions.
 * @internal
 * @module
 */
import type { RatingScale } from './likert.ts';
import { summarizeScores } from './likert.ts';
import { NeumaierSum } from './sum.ts';
import { describeValue, requireArrayLike, requireNonNegative, requireObject, typeFail, wrongType } from './validate.ts';

/** One validated attribute. */
export interface CsiAttributeData {
  /** The given name, or `attribute <i + 1>`. */
  readonly name: string;
  /** The validated answers. */
  readonly scores: ArrayLike<number>;
  /** Mean answer; `NaN` without answers. */
  readonly mean: number;
  /** Share of the total importance, wᵢ / Σw (`NaN` when every weight is 0). */
  readonly share: number;
}

/**
 * Validates the attributes (names, answers within the scale, weights given for all or none,
 * non-negative) and returns them with their means and normalised weight shares. Weights are divided
 * by the largest weight before summing, so huge or tiny weights neither overflow nor underflow.
 * @example
 * ```ts
 * import { clampIndex, readCsiAttributes, toIndexScale } from './csi.ts';
 *
 * const attributes = readCsiAttributes('customerSatisfactionIndex', [{ name: 'speed', scores: [5, 4], weight: 3 }, { scores: [1, 2, 3], weight: 1 }], [1, 5]);
 * attributes; // => [{ name: 'speed', mean: 4.5, share: 0.75 }, { name: 'attribute 2', mean: 2, share: 0.25 }]
 * // The index: 0.75 · 87.5 + 0.25 · 25
 * clampIndex(attributes.reduce((s, a) => s + a.share * toIndexScale(a.mean, [1, 5]), 0)); // => 71.875
 * readCsiAttributes('customerSatisfactionIndex', [{ scores: [6] }], [1, 5]); // => throws RangeError: customerSatisfactionIndex: attributes[0].scores[0] (6) must be an integer from 1 to 5
 * ```
 */
export function readCsiAttributes(fn: string, attributes: unknown, scale: RatingScale): CsiAttributeData[] {
  const list = requireArrayLike(fn, 'attributes', attributes);
  const rows: Array<{ name: string; scores: ArrayLike<number>; mean: number; weight: number }> = [];
  let weighted = false;
  let maxWeight = 0;
  for (let i = 0; i < list.length; i++) {
    const at = `attributes[${i}]`;
    const { name, scores, weight } = requireObject(fn, at, list[i]);
    if (name !== undefined && typeof name !== 'string') wrongType(fn, `${at}.name`, name, 'a string');
    if (i === 0) weighted = weight !== undefined;
    else if ((weight !== undefined) !== weighted) {
      typeFail(
        fn,
        `${at}.weight (${describeValue(weight)}) must be given for every attribute or for none (attributes[0] has ${weighted ? 'one' : 'none'})`,
        {
          argument: `${at}.weight`,
          value: weight,
        },
      );
    }
    const w = weighted ? requireNonNegative(fn, `${at}.weight`, weight) : 1;
    const { mean } = summarizeScores(fn, `${at}.scores`, scores, scale);
    rows.push({ name: name ?? `attribute ${i + 1}`, scores: scores as ArrayLike<number>, mean, weight: w });
    if (w > maxWeight) maxWeight = w;
  }
  const total = new NeumaierSum();
  for (const row of rows) total.add(row.weight / maxWeight);
  const sum = total.value();
  return rows.map(({ name, scores, mean, weight }) => ({ name, scores, mean, share: weight / maxWeight / sum }));
}

/**
 * 100·(x − min)/(max − min): a mean or answer on the 0–100 index scale.
 * @example
 * ```ts
 * import { toIndexScale } from './csi.ts';
 *
 * toIndexScale(4, [1, 5]); // => 75
 * toIndexScale(7, [0, 10]); // => 70
 * toIndexScale(1, [1, 5]); // => 0
 * ```
 */
export function toIndexScale(x: number, [min, max]: RatingScale): number {
  return (100 * (x - min)) / (max - min);
}

/**
 * Keeps a weighted mean of 0–100 values inside [0, 100] despite rounding (`NaN` passes through).
 * @example
 * ```ts
 * import { clampIndex } from './csi.ts';
 *
 * clampIndex(100.00000000000001); // => 100
 * clampIndex(-1e-14); // => 0
 * clampIndex(NaN); // => NaN
 * ```
 */
export function clampIndex(x: number): number {
  return x < 0 ? 0 : Math.min(x, 100);
}
