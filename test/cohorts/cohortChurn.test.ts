import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortChurn } from '../../src/index.ts';
import { expectThrows } from '../helpers/expectClose.ts';
import { orderOptions, orders } from './fixtures.ts';

// Expected tables are worked out by hand from test/cohorts/fixtures.ts (Jan cohort: ann, bob; Feb cohort: cy).
const index = buildCohorts(orders, orderOptions);
const empty = buildCohorts([], { customer: 'who', time: 'at', value: 'amount' });

describe('cohortChurn', () => {
  it('returns 1 − on-or-after retention with the complete-cell average', () => {
    const churn = cohortChurn(index);
    expect(churn.cohorts.map((c) => [c.counts, c.rates, c.complete])).toEqual([
      [
        [0, 0, 1, 2],
        [0, 0, 0.5, 1],
        [true, true, true, false],
      ],
      [
        [0, 0, 0],
        [0, 0, 0],
        [true, true, false],
      ],
    ]);
    // Churn counts "not active in column k or later": upper bounds until the cohort is observed to the table's
    // last column (April, in progress at 2024-04-01T00:00Z), so no cell is final and there is no average yet.
    expect(churn.cohorts.map((c) => c.final)).toEqual([
      [false, false, false, false],
      [false, false, false],
    ]);
    expect(churn.average).toEqual([null, null, null, null]);
    // Observed through 2024-04-30 (the whole day): January's row is final; February's stops a column short.
    const april = cohortChurn(buildCohorts(orders, { ...orderOptions, observationEnd: '2024-04-30' }));
    expect(april.cohorts.map((c) => c.final)).toEqual([
      [true, true, true, true],
      [false, false, false],
    ]);
    expect(april.average).toEqual([0, 0, 0.5, 1]);
  });

  describe('edge cases', () => {
    it('returns no cohorts for an empty index', () => {
      expect(cohortChurn(empty).cohorts).toEqual([]);
    });

    it('rejects something that is not an index', () => {
      expectThrows(() => cohortChurn({} as never), TypeError, 'cohortChurn', 'index.period must be one of');
    });
  });
});
