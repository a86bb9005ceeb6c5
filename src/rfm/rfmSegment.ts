import { rowsOf } from '../internal/rows.ts';
import {
  describeValue,
  rangeFail,
  requireNumber,
  requireObject,
  requirePositiveInteger,
  rowArgument,
  typeFail,
} from '../internal/validate.ts';

/** An inclusive range of scores, `min ≤ score ≤ max`. */
export interface RfmScoreRange {
  readonly min: number;
  readonly max: number;
}

/** One row of a segment rule table: a customer belongs to `segment` when all three scores are in range. */
export interface RfmSegmentRule {
  /** Segment name given to matching customers. */
  readonly segment: string;
  /** Accepted recency scores. */
  readonly recency: RfmScoreRange;
  /** Accepted frequency scores. */
  readonly frequency: RfmScoreRange;
  /** Accepted monetary scores. */
  readonly monetary: RfmScoreRange;
}

/** A customer's scores, as returned by {@link rfmScores}. */
export interface RfmSegmentInput {
  /** Customer identifier, copied to the result when present. */
  readonly customer?: unknown;
  readonly recencyScore: number;
  readonly frequencyScore: number;
  readonly monetaryScore: number;
}

/** A customer's scores and the segment of the first rule they match. */
export interface RfmSegmentResult {
  /** The input row's `customer`, when it has one. */
  readonly customer?: unknown;
  readonly recencyScore: number;
  readonly frequencyScore: number;
  readonly monetaryScore: number;
  /** Name of the first matching rule's segment. */
  readonly segment: string;
}

/**
 * The default RFM segment table for 1–5 scores (`rfmScores` with `bins: 5`): eleven named segments,
 * read top to bottom, the first matching rule wins.
 *
 * | # | segment            | R   | F   | M   | who                                                   |
 * |---|--------------------|-----|-----|-----|-------------------------------------------------------|
 * | 1 | Champions          | 4–5 | 4–5 | 4–5 | bought recently, buy often, spend the most            |
 * | 2 | Loyal Customers    | 3–5 | 3–5 | 3–5 | regular buyers with good spend                        |
 * | 3 | New Customers      | 5   | 1   | 1–5 | bought very recently, no repeat purchases yet         |
 * | 4 | Promising          | 3–4 | 1   | 1–5 | bought fairly recently, no repeat purchases yet       |
 * | 5 | Potential Loyalist | 4–5 | 1–5 | 1–5 | recent repeat buyers, not yet frequent or big spenders|
 * | 6 | Need Attention     | 2–3 | 2–3 | 2–3 | average on all three, slipping                        |
 * | 7 | Can't Lose Them    | 1   | 4–5 | 4–5 | were among the best, not seen for the longest time    |
 * | 8 | At Risk            | 1–2 | 2–5 | 2–5 | bought often or spent well, but long ago              |
 * | 9 | About To Sleep     | 2–3 | 1–5 | 1–5 | below-average recency with low frequency or spend     |
 * | 10| Lost               | 1   | 1   | 1–2 | one purchase period, long ago, little spent           |
 * | 11| Hibernating        | 1   | 1–5 | 1–5 | everyone else not seen for the longest time           |
 *
 * Names and intent follow the widely used eleven-segment RFM table (as popularised by Putler and the
 * R package `rfm`, `rfm_segment`); the ranges are adjusted so the table is total: every one of the
 * 125 score combinations matches exactly one first rule, and every segment is reachable. Pass your
 * own table to {@link rfmSegment} to change it (for other `bins`, the table must use that scale).
 *
 * The names assume recent data: "New Customers", "Promising" and "Potential Loyalist" describe recent buyers,
 * but `rfmScores` ranks recency by quantile, so on a log that nobody has bought from for a year its best
 * fifth still scores 5. On the full CDNOW log observed to its last order (weekly units) the 3,375
 * "Promising" customers made their only purchase 66–69 weeks before the end. Score recency with absolute
 * cut-offs (`rfmScores(summary, { recencyCutoffs: [4, 13, 26, 52] })` in weeks) and the names keep their meaning.
 * @category RFM
 */
export const rfmSegmentRules: readonly RfmSegmentRule[] = [
  { segment: 'Champions', recency: { min: 4, max: 5 }, frequency: { min: 4, max: 5 }, monetary: { min: 4, max: 5 } },
  {
    segment: 'Loyal Customers',
    recency: { min: 3, max: 5 },
    frequency: { min: 3, max: 5 },
    monetary: { min: 3, max: 5 },
  },
  {
    segment: 'New Customers',
    recency: { min: 5, max: 5 },
    frequency: { min: 1, max: 1 },
    monetary: { min: 1, max: 5 },
  },
  { segment: 'Promising', recency: { min: 3, max: 4 }, frequency: { min: 1, max: 1 }, monetary: { min: 1, max: 5 } },
  {
    segment: 'Potential Loyalist',
    recency: { min: 4, max: 5 },
    frequency: { min: 1, max: 5 },
    monetary: { min: 1, max: 5 },
  },
  {
    segment: 'Need Attention',
    recency: { min: 2, max: 3 },
    frequency: { min: 2, max: 3 },
    monetary: { min: 2, max: 3 },
  },
  {
    segment: "Can't Lose Them",
    recency: { min: 1, max: 1 },
    frequency: { min: 4, max: 5 },
    monetary: { min: 4, max: 5 },
  },
  { segment: 'At Risk', recency: { min: 1, max: 2 }, frequency: { min: 2, max: 5 }, monetary: { min: 2, max: 5 } },
  {
    segment: 'About To Sleep',
    recency: { min: 2, max: 3 },
    frequency: { min: 1, max: 5 },
    monetary: { min: 1, max: 5 },
  },
  { segment: 'Lost', recency: { min: 1, max: 1 }, frequency: { min: 1, max: 1 }, monetary: { min: 1, max: 2 } },
  { segment: 'Hibernating', recency: { min: 1, max: 1 }, frequency: { min: 1, max: 5 }, monetary: { min: 1, max: 5 } },
];

/**
 * Names the RFM segment of each customer from its recency, frequency and monetary scores.
 *
 * Each customer gets the segment of the first rule of the table whose three inclusive score ranges
 * all contain the customer's scores. The default table, {@link rfmSegmentRules}, is written for
 * scores 1–5 and covers all 125 combinations; a custom table is any array of rules in the same shape
 * (a plain data constant, so it can be copied and edited). A customer that matches no rule is an
 * error rather than a silent "Other": end a custom table with a catch-all rule if you want one.
 *
 * The default names read recency as "bought recently"; with quantile recency scores they only mean
 * "more recently than most of this log" (see {@link rfmSegmentRules}, and `recencyCutoffs` of `rfmScores`).
 *
 * ```text
 * segment(r, f, m) = first rule with  rule.recency.min   ≤ r ≤ rule.recency.max
 *                                  ∧  rule.frequency.min ≤ f ≤ rule.frequency.max
 *                                  ∧  rule.monetary.min  ≤ m ≤ rule.monetary.max
 * ```
 *
 * @param scores - Rows with integer `recencyScore`, `frequencyScore`, `monetaryScore` ≥ 1, such as
 *   the output of {@link rfmScores}; `customer` is copied when present.
 * @param rules - The rule table (default {@link rfmSegmentRules}).
 * @returns One row per input row, in input order: the scores plus `segment`.
 * @throws {TypeError} When `scores` or `rules` is not an array of objects, a score or range bound is
 *   not a number, or a segment name is not a string.
 * @throws {RangeError} When a score is not a positive integer, a range has min > max or non-finite
 *   bounds, or a customer matches no rule (the message names the row and its scores).
 * @example
 * ```ts
 * import { rfmSegment } from 'loyalty-metrics';
 *
 * const rows = rfmSegment([
 *   { customer: 'a', recencyScore: 5, frequencyScore: 5, monetaryScore: 4 },
 *   { customer: 'b', recencyScore: 1, frequencyScore: 1, monetaryScore: 1 },
 *   { customer: 'c', recencyScore: 1, frequencyScore: 5, monetaryScore: 5 },
 * ]);
 * rows.map((row) => row.segment); // => ['Champions', 'Lost', "Can't Lose Them"]
 * ```
 * @category RFM
 */
export function rfmSegment(
  scores: Iterable<RfmSegmentInput>,
  rules: readonly RfmSegmentRule[] = rfmSegmentRules,
): RfmSegmentResult[] {
  const fn = 'rfmSegment';
  const rows = rowsOf(fn, 'scores', scores);
  const table = readRules(fn, rules);
  const out: RfmSegmentResult[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = requireObject(fn, rowArgument('scores', i), rows[i]);
    const r = requirePositiveInteger(fn, rowArgument('scores', i, 'recencyScore'), row.recencyScore);
    const f = requirePositiveInteger(fn, rowArgument('scores', i, 'frequencyScore'), row.frequencyScore);
    const m = requirePositiveInteger(fn, rowArgument('scores', i, 'monetaryScore'), row.monetaryScore);
    let segment: string | undefined;
    for (const rule of table) {
      if (r >= rule.rMin && r <= rule.rMax && f >= rule.fMin && f <= rule.fMax && m >= rule.mMin && m <= rule.mMax) {
        segment = rule.segment;
        break;
      }
    }
    if (segment === undefined)
      rangeFail(fn, `row ${i}: scores (recency ${r}, frequency ${f}, monetary ${m}) match no rule`, {
        argument: `scores[${i}]`,
        value: row,
        row: i,
      });
    const result = { recencyScore: r, frequencyScore: f, monetaryScore: m, segment };
    out[i] = 'customer' in row ? { customer: row.customer, ...result } : result;
  }
  return out;
}

interface FlatRule {
  readonly segment: string;
  readonly rMin: number;
  readonly rMax: number;
  readonly fMin: number;
  readonly fMax: number;
  readonly mMin: number;
  readonly mMax: number;
}

/** Validates a rule table once and flattens it for the matching loop. */
function readRules(fn: string, rules: unknown): FlatRule[] {
  const list = rowsOf(fn, 'rules', rules);
  const out: FlatRule[] = [];
  for (let i = 0; i < list.length; i++) {
    const rule = requireObject(fn, `rules[${i}]`, list[i]);
    const segment = rule.segment;
    if (typeof segment !== 'string')
      typeFail(fn, `rules[${i}].segment must be a string, got ${describeValue(segment)}`, {
        argument: `rules[${i}].segment`,
        value: segment,
      });
    const range = (key: string): [number, number] => {
      const value = requireObject(fn, `rules[${i}].${key}`, rule[key]);
      const min = requireNumber(fn, `rules[${i}].${key}.min`, value.min);
      const max = requireNumber(fn, `rules[${i}].${key}.max`, value.max);
      if (min > max)
        rangeFail(fn, `rules[${i}].${key}.min (${describeValue(min)}) must not exceed max (${describeValue(max)})`, {
          argument: `rules[${i}].${key}.min`,
          value: min,
        });
      return [min, max];
    };
    const [rMin, rMax] = range('recency');
    const [fMin, fMax] = range('frequency');
    const [mMin, mMax] = range('monetary');
    out.push({ segment, rMin, rMax, fMin, fMax, mMin, mMax });
  }
  return out;
}
