import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortPurchaseFrequency } from '../../src/index.ts';
import { expectClose, expectThrows } from '../helpers/expectClose.ts';
import { orderOptions, orders } from './fixtures.ts';

// Expected tables are worked out by hand from test/cohorts/fixtures.ts (Jan cohort: ann, bob; Feb cohort: cy).
const index = buildCohorts(orders, orderOptions);
const empty = buildCohorts([], { customer: 'who', time: 'at', value: 'amount' });

describe('cohortPurchaseFrequency', () => {
  it('returns purchases per member per column and cumulatively', () => {
    const f = cohortPurchaseFrequency(index);
    expect(f.cohorts.map((c) => [c.orders, c.frequency, c.cumulativeFrequency])).toEqual([
      [
        [3, 1, 1, 0],
        [1.5, 0.5, 0.5, 0],
        [1.5, 2, 2.5, 2.5],
      ],
      [
        [1, 0, 1],
        [1, 0, 1],
        [1, 1, 2],
      ],
    ]);
    // cy's two orders of Feb 10 are one purchase (purchasePeriod 'day'); columns 0–1 of both cohorts are complete
    expectClose(f.averageCumulativeFrequency[0]!, 4 / 3);
    expectClose(f.averageCumulativeFrequency[1]!, 5 / 3);
    expect(f.averageCumulativeFrequency.slice(2)).toEqual([2.5, null]);
  });

  describe('edge cases', () => {
    it('returns no cohorts for an empty index', () => {
      expect(cohortPurchaseFrequency(empty).cohorts).toEqual([]);
    });

    it('rejects something that is not an index', () => {
      expectThrows(
        () => cohortPurchaseFrequency({} as never),
        TypeError,
        'cohortPurchaseFrequency',
        'index.period must be one of',
      );
    });
  });
});
