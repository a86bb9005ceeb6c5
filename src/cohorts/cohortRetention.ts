import { cohortMeta, indexCells, requireCohortIndex } from '../internal/cohortIndex.ts';
import { completeAverage, retentionCohorts, withFinal } from '../internal/cohortKernel.ts';
import { averageBounds, cellBounds } from '../internal/cohorts/cellIntervals.ts';
import { previousAverage, previousReference, recurringCells, thinCells } from '../internal/cohorts/cellVariants.ts';
import { readRetentionMode, RETENTION_MODE_KEYS } from '../internal/input/settings.ts';
import { zForConfidence } from '../internal/normal.ts';
import { createPeriodIndexer } from '../internal/time/indexer.ts';
import {
  describeValue,
  rangeFail,
  readOptions,
  requireConfidenceLevel,
  requireOneOf,
  requirePositiveInteger,
  withDefault,
} from '../internal/validate.ts';
import type { CohortIndex } from './types.ts';
import type { RetentionMatrixResult, RetentionModeOptions } from './retentionMatrix.ts';

/** Options of {@link cohortRetention}. */
export interface CohortRetentionOptions extends RetentionModeOptions {
  /** Confidence level of Wilson intervals per cell and for the average row, in (0, 1), as in `retentionMatrix`. */
  readonly confidenceLevel?: number;
  /**
   * Frequency threshold: a customer counts as active in a column only with at least this many purchases in it,
   * as the index counts them (purchase days by default; a positive integer; default 1). Cohorts keep every member; column 0 may then be below 100 %.
   */
  readonly minEvents?: number;
  /**
   * `'first'` (default): the index's cohorts. `'recurring'`: every period a customer is active in starts a
   * membership of that period's cohort (calendar indexes only): "of the customers active in March, how many are
   * active k months later?".
   */
  readonly membership?: 'first' | 'recurring';
  /**
   * `'cohort'` (default): rates[k] = counts[k] / size. `'previous'`: rates[k] = counts[k] / counts[k − 1] (the
   * average Σ counts[k] / Σ counts[k − 1] over complete cohorts): the share kept from one column to the next.
   */
  readonly reference?: 'cohort' | 'previous';
}

/**
 * Retention matrix of a cohort index: the share of each cohort active per column, in mode `on`, `onOrAfter` or
 * custom `brackets` — the same result as {@link retentionMatrix} on the events the index was built from — and
 * its variants, which need the index's per-cell event counts.
 *
 * ```text
 * on:         counts[k] = #{ c ∈ cohort : c active in column k }
 * onOrAfter:  counts[k] = #{ c ∈ cohort : c active in some column j ≥ k }
 * brackets:   counts[b] = #{ c ∈ cohort : c active in some column j ∈ [from_b, to_b] }
 * rates[k]   = counts[k] / size;   average[k] = Σ counts[k] / Σ size over cohorts with final[k]
 * minEvents n:  c is active in column k ⇔ c had ≥ n purchases in it (as the index counts them)
 * recurring:    members of row p = #{ c active in p };  counts_p[k] = #{ c active in p and in p + k }   (mode on)
 * previous:     rates[k] = counts[k] / counts[k − 1];   average[k] = Σ counts[k] / Σ counts[k − 1]
 * ```
 *
 * `minEvents: n` is frequency-threshold retention ("ordered at least twice in month k"), counted as the index
 * counts purchases: orders of one customer in one purchase period (a day by default; `purchasePeriod` of
 * {@link buildCohorts}, `'event'` for every row). `membership:
 * 'recurring'` lets every active period start a membership, so a customer is in as many rows as periods they
 * were active in (from their start in the index; calendar windows only). `reference: 'previous'` divides each
 * column by the one before: with `onOrAfter` the counts are nested, so it is the share of those still there at
 * k − 1 who are still there at k, and its intervals are Wilson intervals of counts[k] of counts[k − 1]; other
 * modes' counts are not nested, so they get no intervals with this reference. Rates are NaN where the
 * denominator is 0. `confidenceLevel` adds intervals as in {@link retentionMatrix}.
 *
 * @param index - A {@link CohortIndex} from {@link buildCohorts} (plain data; a JSON round trip is fine).
 * @param options - `mode` (`'on'` default, or `'onOrAfter'`) or `brackets`, `confidenceLevel`, `minEvents` (1),
 *   `membership` (`'first'`), `reference` (`'cohort'`).
 * @returns The matrix, rates in [0, 1]; `average[k]` is `null` where no cohort's column k is final (see
 *   {@link retentionMatrix} for `complete` and `final`).
 * @throws {TypeError} When the index is malformed (wrong kinds).
 * @throws {RangeError} For an unknown mode, membership or reference, invalid brackets, an inconsistent index,
 *   `minEvents` that is not a positive integer, recurring memberships of a rolling index, or intervals with
 *   reference `'previous'` outside mode `'onOrAfter'`.
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
 * // recurring: day 1's row holds customers 1 and 3 (active that day)
 * cohortRetention(index, { membership: 'recurring' }).cohorts.map((c) => [c.label, c.counts]); // => [['1970-01-01', [2, 1, 1]], ['1970-01-02', [2, 0]], ['1970-01-03', [1]]]
 * // at least two events in the day: nobody
 * cohortRetention(index, { minEvents: 2 }).cohorts[0].counts; // => [0, 0, 0]
 * cohortRetention(index, { mode: 'onOrAfter', reference: 'previous' }).cohorts[0].rates; // => [1, 1, 0.5]
 * ```
 * @category Cohorts
 */
export function cohortRetention(index: CohortIndex, options?: CohortRetentionOptions): RetentionMatrixResult {
  const fn = 'cohortRetention';
  const valid = requireCohortIndex(fn, index);
  const opts = readOptions(fn, options, [
    ...RETENTION_MODE_KEYS,
    'confidenceLevel',
    'minEvents',
    'membership',
    'reference',
  ]);
  const { mode, brackets } = readRetentionMode(fn, opts);
  const confidenceLevel =
    opts.confidenceLevel === undefined
      ? undefined
      : requireConfidenceLevel(fn, opts.confidenceLevel, 'options.confidenceLevel');
  const minEvents = requirePositiveInteger(fn, 'options.minEvents', withDefault(opts.minEvents, 1));
  const membership = requireOneOf(fn, 'options.membership', withDefault(opts.membership, 'first'), [
    'first',
    'recurring',
  ] as const);
  const reference = requireOneOf(fn, 'options.reference', withDefault(opts.reference, 'cohort'), [
    'cohort',
    'previous',
  ] as const);
  if (membership === 'recurring' && valid.windows === 'rolling')
    rangeFail(fn, "membership 'recurring' needs a calendar index (rolling windows start at each customer's start)", {
      argument: 'options.membership',
      value: membership,
    });
  const previous = reference === 'previous';
  if (previous && confidenceLevel !== undefined && mode !== 'onOrAfter')
    rangeFail(
      fn,
      `intervals with reference 'previous' need mode 'onOrAfter' (only its counts are nested), got mode ${describeValue(mode)}`,
      { argument: 'options.confidenceLevel', value: confidenceLevel },
    );
  let cells = indexCells(valid);
  if (minEvents > 1) cells = thinCells({ ...cells, cellEvents: valid.cellEvents }, minEvents);
  if (membership === 'recurring' && valid.observationEnd !== null && valid.cohorts.length > 0) {
    const indexer = createPeriodIndexer(fn, {
      period: valid.period,
      timeZone: valid.timeZone,
      weekStartsOn: valid.weekStartsOn,
      yearStartsOn: valid.yearStartsOn ?? 1,
    });
    const keys = valid.cohorts.map((c) => indexer.index(c.start));
    cells = recurringCells(fn, cells, keys, indexer, indexer.index(valid.observationEnd));
  }
  let cohorts = withFinal(retentionCohorts(cells, mode, brackets), mode === 'onOrAfter');
  if (previous) cohorts = previousReference(cohorts);
  const average = previous ? previousAverage(cohorts) : completeAverage(cohorts);
  const meta = { ...cohortMeta(valid), mode, brackets };
  if (confidenceLevel === undefined) return { ...meta, cohorts, average };
  const z = zForConfidence(confidenceLevel);
  const bounds = averageBounds(cohorts, z, previous);
  return {
    ...meta,
    cohorts: cohorts.map((c) => ({ ...c, ...cellBounds(c, z, previous) })),
    average,
    confidenceLevel,
    averageLower: bounds.lower,
    averageUpper: bounds.upper,
  };
}
