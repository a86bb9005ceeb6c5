import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortRepeatPurchaseRate } from '../../src/index.ts';
import { expectClose, expectThrows } from '../helpers/expectClose.ts';
import { orderOptions, orders } from './fixtures.ts';

// Expected tables are worked out by hand from test/cohorts/fixtures.ts (Jan cohort: ann, bob; Feb cohort: cy).
const index = buildCohorts(orders, orderOptions);
const empty = buildCohorts([], { customer: 'who', time: 'at', value: 'amount' });

describe('cohortRepeatPurchaseRate', () => {
  it('returns the share with two or more purchases by each column', () => {
    const repeat = cohortRepeatPurchaseRate(index);
    expect(repeat.cohorts.map((c) => [c.counts, c.rates])).toEqual([
      [
        [1, 2, 2, 2],
        [0.5, 1, 1, 1],
      ],
      [
        [0, 0, 1],
        [0, 0, 1],
      ],
    ]);
    // cy's two orders of Feb 10 are one purchase day: his second purchase is on Apr 1 (column 2)
    expectClose(repeat.average[0]!, 1 / 3);
    expectClose(repeat.average[1]!, 2 / 3);
    expect(repeat.average.slice(2)).toEqual([1, null]);
    expect(repeat.cohorts.map((c) => c.final)).toEqual(repeat.cohorts.map((c) => c.complete));
  });

  describe('edge cases', () => {
    it('returns no cohorts for an empty index', () => {
      expect(cohortRepeatPurchaseRate(empty).cohorts).toEqual([]);
    });

    it('rejects something that is not an index', () => {
      expectThrows(
        () => cohortRepeatPurchaseRate({} as never),
        TypeError,
        'cohortRepeatPurchaseRate',
        'index.period must be one of',
      );
    });
  });
});
