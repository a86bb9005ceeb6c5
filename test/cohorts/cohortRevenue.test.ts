import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortRevenue } from '../../src/index.ts';
import { expectClose, expectThrows } from '../helpers/expectClose.ts';
import { orderOptions, orders } from './fixtures.ts';

// Expected tables are worked out by hand from test/cohorts/fixtures.ts (Jan cohort: ann, bob; Feb cohort: cy).
const index = buildCohorts(orders, orderOptions);
const empty = buildCohorts([], { customer: 'who', time: 'at', value: 'amount' });

describe('cohortRevenue', () => {
  it('returns revenue per column and the cumulative revenue per customer', () => {
    const revenue = cohortRevenue(index);
    expect(revenue.cohorts.map((c) => [c.revenue, c.cumulativeRevenue, c.revenuePerCustomer])).toEqual([
      [
        [90, 25, 20, 0],
        [90, 115, 135, 135],
        [45, 57.5, 67.5, 67.5],
      ],
      [
        [80, 0, 5],
        [80, 80, 85],
        [80, 80, 85],
      ],
    ]);
    const avg = revenue.averageRevenuePerCustomer;
    expectClose(avg[0]!, 170 / 3);
    expect(avg.slice(1)).toEqual([65, 67.5, null]);
  });

  it('requires values', () => {
    const { value: _ignored, ...withoutValue } = orderOptions;
    const noValues = buildCohorts(orders, withoutValue);
    expectThrows(() => cohortRevenue(noValues), TypeError, 'cohortRevenue', 'index has no event values');
  });

  it('sums many small values without drift (compensated)', () => {
    const n = 10_000;
    const big = buildCohorts({
      customer: new Array(n).fill(1),
      time: new Array(n).fill(0),
      value: new Array(n).fill(0.1),
    });
    expect(cohortRevenue(big).cohorts[0]!.revenue[0]).toBe(1000);
  });

  describe('edge cases', () => {
    it('returns no cohorts for an empty index', () => {
      expect(cohortRevenue(empty).cohorts).toEqual([]);
    });

    it('rejects something that is not an index', () => {
      expectThrows(() => cohortRevenue({} as never), TypeError, 'cohortRevenue', 'index.period must be one of');
    });
  });
});
