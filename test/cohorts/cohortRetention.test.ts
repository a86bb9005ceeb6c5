import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortRetention } from '../../src/index.ts';
import { expectThrows } from '../helpers/expectClose.ts';
import { orderOptions, orders } from './fixtures.ts';

// Expected tables are worked out by hand from test/cohorts/fixtures.ts (Jan cohort: ann, bob; Feb cohort: cy).
const index = buildCohorts(orders, orderOptions);
const empty = buildCohorts([], { customer: 'who', time: 'at', value: 'amount' });

describe('cohortRetention', () => {
  it('returns on, onOrAfter and bracket counts', () => {
    expect(cohortRetention(index).cohorts.map((c) => c.counts)).toEqual([
      [2, 1, 1, 0],
      [1, 0, 1],
    ]);
    expect(cohortRetention(index, { mode: 'onOrAfter' }).cohorts.map((c) => c.counts)).toEqual([
      [2, 2, 1, 0],
      [1, 1, 1],
    ]);
    expect(
      cohortRetention(index, {
        brackets: [
          [1, 2],
          [3, 3],
        ],
      }).cohorts.map((c) => [c.counts, c.complete]),
    ).toEqual([
      [
        [2, 0],
        [true, false],
      ],
      [[1], [false]],
    ]);
  });

  it('rejects a malformed index', () => {
    expectThrows(
      () => cohortRetention({ ...index, cellStart: [0, 2, 4] }),
      RangeError,
      'cohortRetention',
      'index.cellStart length (3)',
    );
    expectThrows(
      () => cohortRetention({ ...index, cellColumn: [0, 2, 0, 1, 0, 7] }),
      RangeError,
      'cohortRetention',
      'index.cellColumn[5] (7)',
    );
    expectThrows(
      () => cohortRetention({ ...index, cohorts: [index.cohorts[0]!, { ...index.cohorts[1]!, size: 5 }] }),
      RangeError,
      'cohortRetention',
      'index.cohorts[1].size (5) must equal its number of customers (1)',
    );
    expectThrows(() => cohortRetention(null as never), TypeError, 'cohortRetention', 'index must be an object');
  });

  describe('edge cases', () => {
    it('returns no cohorts for an empty index', () => {
      expect(cohortRetention(empty).cohorts).toEqual([]);
    });

    it('rejects something that is not an index', () => {
      expectThrows(() => cohortRetention({} as never), TypeError, 'cohortRetention', 'index.period must be one of');
    });
  });
});
