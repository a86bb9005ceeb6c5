import { cohortMeta, requireCohortIndex } from '../internal/cohortIndex.ts';
import { requireCustomerId } from '../internal/input/customerId.ts';
import { npsConfidenceLevel, npsFromValidCounts, type NetPromoterScoreResult } from '../internal/nps.ts';
import { resolveAccessor, rowsOf } from '../internal/rows.ts';
import type { Accessor } from '../types.ts';
import { outOfRange, readOptions, rowArgument, wrongType } from '../internal/validate.ts';
import type { CohortIndex, CohortMeta } from './types.ts';

/** Options of {@link cohortNetPromoterScore}. */
export interface CohortNetPromoterScoreOptions<Response = unknown> {
  /** Customer identifier of a response: property name or `(response, index) => id`. */
  readonly customer: Accessor<Response>;
  /** Score of a response, an integer 0–10: property name or function. */
  readonly score: Accessor<Response>;
  /** Confidence level of each cohort's interval, strictly between 0 and 1. Default 0.95. */
  readonly confidenceLevel?: number;
}

/** One cohort row of {@link cohortNetPromoterScore}. */
export interface CohortNetPromoterScoreRow {
  readonly label: string;
  readonly start: number;
  readonly size: number;
  /** NPS of the responses of the cohort's customers (score `NaN` when there are none). */
  readonly nps: NetPromoterScoreResult;
}

/** Result of {@link cohortNetPromoterScore}. */
export interface CohortNetPromoterScoreResult extends CohortMeta {
  readonly cohorts: CohortNetPromoterScoreRow[];
  /** Responses whose customer is not in any cohort of the index (left out). */
  readonly unmatched: number;
}

/**
 * Net Promoter Score by cohort: survey responses joined to the customers of a cohort index.
 *
 * Each response is attributed to its customer's cohort; every response counts (a customer answering twice
 * counts twice). Responses from customers outside the index are counted in `unmatched` and left out.
 *
 * ```text
 * NPS = 100 · (promoters − detractors) / responses      promoters: 9–10, detractors: 0–6
 * ```
 *
 * NPS is on −100…100, with the standard error and interval of `netPromoterScore`.
 * Reference: Reichheld, F. (2003) "The One Number You Need to Grow", Harvard Business Review.
 *
 * @param index - A {@link CohortIndex} from {@link buildCohorts}.
 * @param responses - Survey responses (array or iterable of rows).
 * @param options - `customer` and `score` accessors, `confidenceLevel`.
 * @returns The NPS result of each cohort (score `NaN` for a cohort without responses) and the unmatched count.
 * @throws {TypeError} When the index is malformed, an accessor is missing, or a score is not a number or a
 *   customer id not a string or finite number.
 * @throws {RangeError} When a score is not an integer 0–10, the confidence level is not in (0, 1), or the index is
 *   inconsistent.
 * @example
 * ```ts
 * import { buildCohorts, cohortNetPromoterScore } from 'loyalty-metrics';
 *
 * const index = buildCohorts({ customer: ['a', 'b', 'c'], time: [0, 0, 40 * 86_400_000] }, { period: 'month' });
 * const responses = [{ who: 'a', nps: 10 }, { who: 'b', nps: 3 }, { who: 'c', nps: 9 }, { who: 'z', nps: 9 }];
 * const result = cohortNetPromoterScore(index, responses, { customer: 'who', score: 'nps' });
 * result.cohorts.map((c) => c.nps.score); // => [0, 100]
 * result.unmatched; // => 1
 * ```
 * @category Cohorts
 */
export function cohortNetPromoterScore<Response = unknown>(
  index: CohortIndex,
  responses: Iterable<Response>,
  options: CohortNetPromoterScoreOptions<Response>,
): CohortNetPromoterScoreResult {
  const fn = 'cohortNetPromoterScore';
  const valid = requireCohortIndex(fn, index);
  const rows = rowsOf(fn, 'responses', responses);
  const opts = readOptions(fn, options, ['customer', 'score', 'confidenceLevel']);
  const getCustomer = resolveAccessor<unknown>(fn, 'options.customer', opts.customer, 'responses');
  const getScore = resolveAccessor<unknown>(fn, 'options.score', opts.score, 'responses');
  const confidenceLevel = npsConfidenceLevel(
    fn,
    opts.confidenceLevel === undefined ? undefined : { confidenceLevel: opts.confidenceLevel },
  );
  const cohortOf = new Map<unknown, number>();
  valid.customers.forEach((id, c) => {
    cohortOf.set(id, valid.customerCohort[c] as number);
  });
  const counts = valid.cohorts.map(() => [0, 0, 0]);
  let unmatched = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const id = requireCustomerId(fn, getCustomer(row, i), i, true, 'responses');
    const s = getScore(row, i);
    if (typeof s !== 'number') wrongType(fn, rowArgument('responses', i, 'score'), s, 'a number');
    if (!Number.isInteger(s) || s < 0 || s > 10)
      outOfRange(fn, rowArgument('responses', i, 'score'), s, 'must be an integer from 0 to 10');
    const r = cohortOf.get(id);
    if (r === undefined) {
      unmatched++;
      continue;
    }
    (counts[r] as number[])[s >= 9 ? 0 : s >= 7 ? 1 : 2]!++;
  }
  const cohorts = valid.cohorts.map((c, r) => {
    const [promoters, passives, detractors] = counts[r] as [number, number, number];
    return {
      label: c.label,
      start: c.start,
      size: c.size,
      nps: npsFromValidCounts(promoters, passives, detractors, confidenceLevel),
    };
  });
  return { ...cohortMeta(valid), cohorts, unmatched };
}
