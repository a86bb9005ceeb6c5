import { clampIndex, readCsiAttributes, toIndexScale } from '../internal/csi.ts';
import { requireScale } from '../internal/likert.ts';
import { NeumaierSum } from '../internal/sum.ts';
import { rangeFail, readOptions } from '../internal/validate.ts';
import type {
  CustomerSatisfactionIndexAttribute,
  CustomerSatisfactionIndexOptions,
} from './customerSatisfactionIndex.ts';

/**
 * Customer Satisfaction Index per respondent: each respondent's importance-weighted satisfaction over
 * the attributes, on 0–100.
 *
 * The attributes are given as for {@link customerSatisfactionIndex}, with answers aligned by position:
 * `scores[j]` of every attribute is respondent j's answer, so every attribute must have the same number
 * of answers. The per-respondent indices show the spread behind the aggregate (a segment of unhappy
 * customers, say); their mean equals {@link customerSatisfactionIndex} on the same data.
 *
 * ```text
 * CSIⱼ = 100 · Σᵢ wᵢ·(sᵢⱼ − min)/(max − min) / Σᵢ wᵢ        (0–100, one per respondent j)
 * ```
 *
 * @param attributes - The attributes: `{ name?, scores, weight? }`, all with the same number of answers.
 * @param options - `scale` (default `[1, 5]`).
 * @returns One index per respondent, in answer order; an empty array without attributes. Every index is
 *   `NaN` when every weight is 0.
 * @throws {TypeError} When `attributes` is not an array, an attribute is not an object, a name is not a
 *   string, `scores` is not an array, an answer or weight is not a number, weights are given for some
 *   attributes only, or `scale` is not an array of two numbers.
 * @throws {RangeError} When attributes have different numbers of answers, an answer is not an integer
 *   within the scale, a weight is negative or not finite, or the scale is not two safe integers with
 *   min < max.
 * @example
 * ```ts
 * import { customerSatisfactionIndexByRespondent } from 'loyalty-metrics';
 *
 * const indices = customerSatisfactionIndexByRespondent([
 *   { name: 'quality', scores: [5, 4, 4, 5], weight: 0.5 },
 *   { name: 'service', scores: [3, 4, 2, 3], weight: 0.3 },
 *   { name: 'price', scores: [2, 3, 3, 4], weight: 0.2 },
 * ]);
 * indices; // => [70, 70, 55, 80]
 * ```
 * @category Surveys
 */
export function customerSatisfactionIndexByRespondent(
  attributes: readonly CustomerSatisfactionIndexAttribute[],
  options?: CustomerSatisfactionIndexOptions,
): number[] {
  const fn = 'customerSatisfactionIndexByRespondent';
  const scale = requireScale(fn, readOptions(fn, options, ['scale']).scale, [1, 5]);
  const rows = readCsiAttributes(fn, attributes, scale);
  const first = rows[0];
  if (first === undefined) return [];
  const respondents = first.scores.length;
  rows.forEach(({ scores }, i) => {
    if (scores.length !== respondents) {
      rangeFail(
        fn,
        `attributes[${i}].scores has ${scores.length} answers but attributes[0].scores has ${respondents}; every respondent must rate every attribute`,
        {
          argument: `attributes[${i}].scores`,
          value: scores,
        },
      );
    }
  });
  const out: number[] = [];
  for (let j = 0; j < respondents; j++) {
    const sum = new NeumaierSum();
    for (const { scores, share } of rows) sum.add(share * toIndexScale(scores[j] as number, scale));
    out.push(clampIndex(sum.value()));
  }
  return out;
}
