import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortNetPromoterScore } from '../../src/index.ts';
import { expectThrows } from '../helpers/expectClose.ts';
import { orderOptions, orders } from './fixtures.ts';

// Expected tables are worked out by hand from test/cohorts/fixtures.ts (Jan cohort: ann, bob; Feb cohort: cy).
const index = buildCohorts(orders, orderOptions);
const empty = buildCohorts([], { customer: 'who', time: 'at', value: 'amount' });

describe('cohortNetPromoterScore', () => {
  const responses = [
    { who: 'ann', score: 10 },
    { who: 'bob', score: 6 },
    { who: 'cy', score: 9 },
    { who: 'cy', score: 8 },
    { who: 'dee', score: 10 },
    { who: 'zed', score: 0 },
  ];

  it('joins responses to cohorts and counts the unmatched ones', () => {
    const nps = cohortNetPromoterScore(index, responses, { customer: 'who', score: 'score' });
    expect(nps.cohorts.map((c) => [c.label, c.nps.score, c.nps.n])).toEqual([
      ['2024-01-01', 0, 2],
      ['2024-02-01', 50, 2],
    ]);
    expect(nps.unmatched).toBe(2);
  });

  it('returns NaN for a cohort without responses and validates scores', () => {
    expect(cohortNetPromoterScore(index, [], { customer: 'who', score: 'score' }).cohorts[0]!.nps.score).toBeNaN();
    expectThrows(
      () => cohortNetPromoterScore(index, [{ who: 'ann', score: 11 }], { customer: 'who', score: 'score' }),
      RangeError,
      'cohortNetPromoterScore',
      'row 0: score (11) must be an integer from 0 to 10',
    );
    expectThrows(
      () => cohortNetPromoterScore(index, [{ who: 'ann', score: '9' }], { customer: 'who', score: 'score' }),
      TypeError,
      'cohortNetPromoterScore',
      'row 0: score must be a number',
    );
    expectThrows(
      () => cohortNetPromoterScore(index, responses, { customer: 'who', score: 'score', confidenceLevel: 1 }),
      RangeError,
      'cohortNetPromoterScore',
      'confidenceLevel (1)',
    );
  });

  describe('edge cases', () => {
    it('returns no cohorts for an empty index', () => {
      expect(cohortNetPromoterScore(empty, [], { customer: 'who', score: 'score' }).cohorts).toEqual([]);
    });

    it('rejects something that is not an index', () => {
      expectThrows(
        () => cohortNetPromoterScore({} as never, [], { customer: 'who', score: 'score' }),
        TypeError,
        'cohortNetPromoterScore',
        'index.period must be one of',
      );
    });
  });
});
