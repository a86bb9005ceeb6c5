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
    expect(churn.average).toEqual([0, 0, 0.5, null]);
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
