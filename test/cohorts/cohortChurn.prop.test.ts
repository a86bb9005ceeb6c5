import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortChurn, cohortRetention } from '../../src/index.ts';
import { expectClose } from '../helpers/expectClose.ts';
import { cohortSetup, orderLog } from './arbitraries.ts';

describe('cohortChurn properties', () => {
  it('cohortChurn is the complement of on-or-after retention', () => {
    fc.assert(
      fc.property(orderLog, cohortSetup, (log, setup) => {
        const index = buildCohorts(log, setup);
        const retention = cohortRetention(index, { mode: 'onOrAfter' });
        const churn = cohortChurn(index);
        churn.cohorts.forEach((c, r) => {
          expect(c.rates).toEqual(retention.cohorts[r]!.counts.map((x) => (c.size - x) / c.size));
          expect(c.complete).toEqual(retention.cohorts[r]!.complete);
        });
        churn.average.forEach((x, k) => {
          const a = retention.average[k]!;
          if (x === null) expect(a).toBeNull();
          else expectClose(x, 1 - a, { abs: 1e-12 });
        });
      }),
      { numRuns: 100 },
    );
  });
});
