import { cohortMeta, indexCells, requireCohortIndex } from '../internal/cohortIndex.ts';
import { completeAverage, retentionCohorts, withFinal } from '../internal/cohortKernel.ts';
import { readRetentionMode, RETENTION_MODE_KEYS } from '../internal/input/settings.ts';
import { readOptions } from '../internal/validate.ts';
import type { CohortIndex } from './types.ts';
import type { RetentionMatrixResult, RetentionModeOptions } from './retentionMatrix.ts';

/** Options of {@link cohortRetention}. */
export interface CohortRetentionOptions extends RetentionModeOptions {}

/**
 * Retention matrix of a cohort index: the share of each cohort active per column, in mode `on`, `onOrAfter` or
 * custom `brackets` — the same result as {@link retentionMatrix} on the events the index was built from.
 *
 * ```text
 * on:         counts[k] = #{ c ∈ cohort : c active in column k }
 * onOrAfter:  counts[k] = #{ c ∈ cohort : c active in some column j ≥ k }
 * brackets:   counts[b] = #{ c ∈ cohort : c active in some column j ∈ [from_b, to_b] }
 * rates[k]   = counts[k] / size;   average[k] = Σ counts[k] / Σ size over cohorts with final[k]
 * ```
 *
 * @param index - A {@link CohortIndex} from {@link buildCohorts} (plain data; a JSON round trip is fine).
 * @param options - `mode` (`'on'` default, or `'onOrAfter'`) or `brackets`.
 * @returns The matrix, rates in [0, 1]; `average[k]` is `null` where no cohort's column k is final (see
 *   {@link retentionMatrix} for `complete` and `final`).
 * @throws {TypeError} When the index is malformed (wrong kinds).
 * @throws {RangeError} For an unknown mode, invalid brackets or an inconsistent index.
 * @example
 * ```ts
 * import { buildCohorts, cohortRetention } from 'loyalty-metrics';
 *
 * const index = buildCohorts(
 *   { customer: [1, 1, 2, 2, 3], time: [0, 86_400_000, 0, 2 * 86_400_000, 86_400_000] },
 *   { period: 'day' },
 * );
 * cohortRetention(index).cohorts[0].counts; // => [2, 1, 1]
 * cohortRetention(index, { brackets: [[1, 2]] }).cohorts[0].counts; // => [2]
 * ```
 * @category Cohorts
 */
export function cohortRetention(index: CohortIndex, options?: CohortRetentionOptions): RetentionMatrixResult {
  const fn = 'cohortRetention';
  const valid = requireCohortIndex(fn, index);
  const { mode, brackets } = readRetentionMode(fn, readOptions(fn, options, RETENTION_MODE_KEYS));
  const cohorts = withFinal(retentionCohorts(indexCells(valid), mode, brackets), mode === 'onOrAfter');
  return { ...cohortMeta(valid), mode, brackets, cohorts, average: completeAverage(cohorts) };
}
