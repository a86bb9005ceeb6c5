import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortAverageOrderValue } from '../../src/index.ts';
import { expectThrows } from '../helpers/expectClose.ts';
import { orderOptions, orders } from './fixtures.ts';

// Expected tables are worked out by hand from test/cohorts/fixtures.ts (Jan cohort: ann, bob; Feb cohort: cy).
const index = buildCohorts(orders, orderOptions);
const empty = buildCohorts([], { customer: 'who', time: 'at', value: 'amount' });

describe('cohortAverageOrderValue', () => {
  it('returns revenue per order, NaN for columns without orders', () => {
    const aov = cohortAverageOrderValue(index);
    expect(aov.cohorts.map((c) => c.averageOrderValue)).toEqual([
      [30, 25, 20, Number.NaN],
      [80, Number.NaN, 5],
    ]);
    // cy's two $40 orders of Feb 10 are one $80 purchase: column 0 is (10 + 30 + 50 + 80) / 4
    expect(aov.average).toEqual([42.5, 25, 20, null]);
  });

  describe('edge cases', () => {
    it('returns no cohorts for an empty index', () => {
      expect(cohortAverageOrderValue(empty).cohorts).toEqual([]);
    });

    it('rejects something that is not an index', () => {
      expectThrows(
        () => cohortAverageOrderValue({} as never),
        TypeError,
        'cohortAverageOrderValue',
        'index.period must be one of',
      );
    });
  });
});
