import { clampIndex, readCsiAttributes, toIndexScale } from '../internal/csi.ts';
import { requireScale } from '../internal/likert.ts';
import { NeumaierSum } from '../internal/sum.ts';
import { readOptions } from '../internal/validate.ts';

/** One attribute (question) rated by respondents, for {@link customerSatisfactionIndex}. */
export interface CustomerSatisfactionIndexAttribute {
  /** A label such as `"delivery"`. Default `attribute <position from 1>`. */
  readonly name?: string;
  /** Integer answers within the scale (an array or typed array). */
  readonly scores: ArrayLike<number>;
  /**
   * Importance weight, a non-negative number; only ratios matter. Give a weight to every attribute or
   * to none (then all weigh the same).
   */
  readonly weight?: number;
}

/** Options for {@link customerSatisfactionIndex}. */
export interface CustomerSatisfactionIndexOptions {
  /** The answer scale `[min, max]`, integers with min < max. Default `[1, 5]`. */
  readonly scale?: readonly [min: number, max: number];
}

/** One attribute of a {@link CustomerSatisfactionIndexResult}. */
export interface CustomerSatisfactionIndexAttributeResult {
  /** The attribute's name (or its default label). */
  readonly name: string;
  /** Mean answer on the scale; `NaN` without answers. */
  readonly mean: number;
  /** 100·(mean − min)/(max − min), on 0–100; `NaN` without answers. */
  readonly normalized: number;
  /** Share of the total importance, wᵢ/Σw (the shares sum to 1); `NaN` when every weight is 0. */
  readonly weight: number;
}

/** Result of {@link customerSatisfactionIndex}. */
export interface CustomerSatisfactionIndexResult {
  /** The CSI on 0–100; `NaN` without attributes, when an attribute has no answers, or when every weight is 0. */
  readonly index: number;
  /** The attributes in input order. */
  readonly attributes: readonly CustomerSatisfactionIndexAttributeResult[];
}

/**
 * Customer Satisfaction Index (CSI): importance-weighted satisfaction over several attributes, on 0–100.
 *
 * Each attribute's mean answer is rescaled from the answer scale to 0–100, and the index is the
 * importance-weighted average of those values. Weights are relative (only their ratios matter) and
 * default to equal. For an index per respondent, see {@link customerSatisfactionIndexByRespondent};
 * when every respondent rated every attribute, their mean equals this index.
 *
 * ```text
 * s̄ᵢ   = mean answer of attribute i on the scale [min, max]
 * CSI  = 100 · Σ wᵢ·(s̄ᵢ − min)/(max − min) / Σ wᵢ       (0–100)
 * ```
 *
 * @param attributes - The attributes: `{ name?, scores, weight? }`.
 * @param options - `scale` (default `[1, 5]`).
 * @returns The index and, per attribute, its name, mean, 0–100 value and weight share. `index` is
 *   `NaN` when there are no attributes, when an attribute has no answers, or when every weight is 0.
 * @throws {TypeError} When `attributes` is not an array, an attribute is not an object, a name is not a
 *   string, `scores` is not an array, an answer or weight is not a number, weights are given for some
 *   attributes only, or `scale` is not an array of two numbers.
 * @throws {RangeError} When an answer is not an integer within the scale, a weight is negative or not
 *   finite, or the scale is not two safe integers with min < max.
 * @example
 * ```ts
 * import { customerSatisfactionIndex } from 'loyalty-metrics';
 *
 * const csi = customerSatisfactionIndex([
 *   { name: 'quality', scores: [5, 4, 4, 5], weight: 0.5 },
 *   { name: 'service', scores: [3, 4, 2, 3], weight: 0.3 },
 *   { name: 'price', scores: [2, 3, 3, 4], weight: 0.2 },
 * ]);
 * csi.index; // => 68.75
 * csi.attributes[0]; // => { name: 'quality', mean: 4.5, normalized: 87.5, weight: 0.5 }
 * ```
 * @category Surveys
 */
export function customerSatisfactionIndex(
  attributes: readonly CustomerSatisfactionIndexAttribute[],
  options?: CustomerSatisfactionIndexOptions,
): CustomerSatisfactionIndexResult {
  const fn = 'customerSatisfactionIndex';
  const scale = requireScale(fn, readOptions(fn, options, ['scale']).scale, [1, 5]);
  const rows = readCsiAttributes(fn, attributes, scale);
  const index = new NeumaierSum();
  const out = rows.map(({ name, mean, share }) => {
    const normalized = toIndexScale(mean, scale);
    index.add(share * normalized);
    return { name, mean, normalized, weight: share };
  });
  return { index: rows.length === 0 ? Number.NaN : clampIndex(index.value()), attributes: out };
}
