import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortNetPromoterScore, netPromoterScore } from '../../src/index.ts';
import { expectClose } from '../helpers/expectClose.ts';
import { orderLog } from './arbitraries.ts';

describe('cohortNetPromoterScore properties', () => {
  it('cohortNetPromoterScore matches netPromoterScore of each cohort’s responses', () => {
    fc.assert(
      fc.property(
        orderLog,
        fc.array(fc.record({ who: fc.integer({ min: 0, max: 12 }), score: fc.integer({ min: 0, max: 10 }) }), {
          maxLength: 30,
        }),
        (log, responses) => {
          const index = buildCohorts(log, { period: 'month' });
          const result = cohortNetPromoterScore(index, responses, { customer: 'who', score: 'score' });
          const cohortOf = new Map(index.customers.map((id, c) => [id, index.customerCohort[c]]));
          expect(result.cohorts.reduce((s, c) => s + c.nps.n, 0) + result.unmatched).toBe(responses.length);
          result.cohorts.forEach((c, r) => {
            const scores = responses.filter((x) => cohortOf.get(x.who) === r).map((x) => x.score);
            if (scores.length === 0) expect(c.nps.score).toBeNaN();
            else expectClose(c.nps.score, netPromoterScore(scores).score, { abs: 1e-9 });
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
