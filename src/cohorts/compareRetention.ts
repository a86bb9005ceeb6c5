import { readCountTable } from '../internal/cohorts/matrixInput.ts';
import { zForConfidence } from '../internal/normal.ts';
import { twoProportionTest } from '../internal/twoProportion.ts';
import {
  describeValue,
  rangeFail,
  readOptions,
  requireConfidenceLevel,
  requireObject,
  typeFail,
  withDefault,
} from '../internal/validate.ts';
import type { TwoProportionTest } from '../types.ts';
import type { CohortCountRow } from './types.ts';

/** Which cells one side of {@link compareRetention} pools: one cohort or several, at one column. */
export interface RetentionCellSelection {
  /** Cohort label, or several labels whose customers are pooled (e.g. the cohorts of a quarter). */
  readonly cohort: string | readonly string[];
  /** Column (period since the cohort start, or bracket index). */
  readonly column: number;
}

/** Options of {@link compareRetention}. */
export interface CompareRetentionOptions {
  /** Confidence level of the interval for the difference, strictly between 0 and 1. Default 0.95. */
  readonly confidenceLevel?: number;
}

/** One side of a {@link compareRetention} result. */
export interface RetentionSample {
  readonly cohorts: string[];
  readonly column: number;
  /** Customers active in the column (Σ counts). */
  readonly successes: number;
  /** Customers of the cohorts (Σ sizes). */
  readonly trials: number;
  /** Whether every selected cell had ended by the observation end (an incomplete cell understates retention). */
  readonly complete: boolean;
}

/** Result of {@link compareRetention}: the figures of `compareRates`, and what was compared. */
export interface CompareRetentionResult extends TwoProportionTest {
  readonly a: RetentionSample;
  readonly b: RetentionSample;
  readonly confidenceLevel: number;
}

/**
 * Is one cohort's retention really different from another's, or noise? Two-proportion z-test between two cells
 * of a retention matrix — the same column of two cohorts (January's month-3 retention against February's), or
 * two groups of cohorts pooled (this quarter's cohorts against last quarter's), or different columns of
 * different cohorts.
 *
 * ```text
 * side s: x_s = Σ counts[column] and n_s = Σ size over its cohorts;   p_s = x_s / n_s
 * z = (p_A − p_B) / √(p(1 − p)(1/n_A + 1/n_B)),  p = (x_A + x_B)/(n_A + n_B);  p-value = 2(1 − Φ(|z|))
 * CI = (p_A − p_B) ± z_{1−α/2} √(p_A(1 − p_A)/n_A + p_B(1 − p_B)/n_B)
 * ```
 *
 * This is `compareRates` on the matrix's counts (same kernel, same figures). The test needs independent
 * samples, so the two sides must not share a cohort: two columns of one cohort are the same customers (a paired
 * comparison, McNemar's test, which needs per-customer data). Check `complete` on both sides: a column still in
 * progress understates retention.
 *
 * @param matrix - A `retentionMatrix` / `cohortRetention` result (or any `{ cohorts: [{ label, size, counts, complete }] }`).
 * @param a - First side: `{ cohort, column }`, `cohort` a label or an array of labels.
 * @param b - Second side.
 * @param options - `confidenceLevel` (default 0.95).
 * @returns Both sides' counts and the test; a side of 0 customers gives NaN figures.
 * @throws {TypeError} When the matrix or a selection has the wrong kind.
 * @throws {RangeError} For an unknown cohort label, a column the cohort does not have, a cohort on both sides or
 *   twice on one, an empty selection, or `confidenceLevel` outside (0, 1).
 * @example
 * ```ts
 * import { compareRetention } from 'loyalty-metrics';
 *
 * const matrix = {
 *   cohorts: [
 *     { label: '2024-01-01', size: 1000, counts: [1000, 420], complete: [true, true] },
 *     { label: '2024-02-01', size: 1000, counts: [1000, 380], complete: [true, true] },
 *   ],
 * };
 * const t = compareRetention(matrix, { cohort: '2024-01-01', column: 1 }, { cohort: '2024-02-01', column: 1 });
 * [t.difference, t.z, t.pValue]; // => [0.04, 1.8257, 0.0679]
 * t.confidenceInterval; // => [-0.0029, 0.0829]
 * ```
 * @category Cohorts
 */
export function compareRetention(
  matrix: { readonly cohorts: readonly Pick<CohortCountRow, 'label' | 'size' | 'counts' | 'complete'>[] },
  a: RetentionCellSelection,
  b: RetentionCellSelection,
  options?: CompareRetentionOptions,
): CompareRetentionResult {
  const fn = 'compareRetention';
  const table = readCountTable(fn, 'matrix', matrix);
  const level = requireConfidenceLevel(
    fn,
    withDefault(readOptions(fn, options, ['confidenceLevel']).confidenceLevel, 0.95),
    'options.confidenceLevel',
  );
  const byLabel = new Map(table.cohorts.map((c) => [c.label, c]));
  const used = new Set<string>();
  const side = (name: 'a' | 'b', value: unknown): RetentionSample => {
    const s = requireObject(fn, name, value);
    const column = s.column;
    if (typeof column !== 'number')
      typeFail(fn, `${name}.column must be a number, got ${describeValue(column)}`, { argument: `${name}.column` });
    if (!Number.isInteger(column) || column < 0)
      rangeFail(fn, `${name}.column (${describeValue(column)}) must be a non-negative integer`, {
        argument: `${name}.column`,
        value: column,
      });
    const labels = typeof s.cohort === 'string' ? [s.cohort] : s.cohort;
    if (!Array.isArray(labels))
      typeFail(fn, `${name}.cohort must be a label or an array of labels, got ${describeValue(s.cohort)}`, {
        argument: `${name}.cohort`,
      });
    if (labels.length === 0)
      rangeFail(fn, `${name}.cohort must name at least one cohort`, { argument: `${name}.cohort` });
    let successes = 0;
    let trials = 0;
    let complete = true;
    for (const label of labels as readonly unknown[]) {
      const c = typeof label === 'string' ? byLabel.get(label) : undefined;
      if (c === undefined)
        rangeFail(fn, `${name}.cohort ${describeValue(label)} is not a cohort of the matrix`, {
          argument: `${name}.cohort`,
          value: label,
        });
      if (used.has(c.label))
        rangeFail(
          fn,
          `cohort ${describeValue(c.label)} is selected twice: the two sides must be independent samples (no shared customers)`,
          { argument: `${name}.cohort`, value: c.label },
        );
      used.add(c.label);
      if ((column as number) >= c.counts.length)
        rangeFail(
          fn,
          `${name}.column (${column as number}) is not observable for cohort ${describeValue(c.label)} (${c.counts.length} columns)`,
          { argument: `${name}.column`, value: column },
        );
      successes += c.counts[column as number] as number;
      trials += c.size;
      complete &&= c.complete[column as number] as boolean;
    }
    return { cohorts: (labels as string[]).slice(), column: column as number, successes, trials, complete };
  };
  const sa = side('a', a);
  const sb = side('b', b);
  return {
    a: sa,
    b: sb,
    ...twoProportionTest(sa.successes, sa.trials, sb.successes, sb.trials, zForConfidence(level)),
    confidenceLevel: level,
  };
}
