import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortAverageOrderValue } from '../../src/index.ts';
import { expectClose } from '../helpers/expectClose.ts';
import { cohortSetup, orderLog } from './arbitraries.ts';

describe('cohortAverageOrderValue properties', () => {
  it('cohortAverageOrderValue times orders gives revenue', () => {
    fc.assert(
      fc.property(orderLog, cohortSetup, (log, setup) => {
        const aov = cohortAverageOrderValue(buildCohorts(log, setup));
        for (const c of aov.cohorts) {
          c.averageOrderValue.forEach((x, k) => {
            if (c.orders[k] === 0) expect(x).toBeNaN();
            else expectClose(x * c.orders[k]!, c.revenue[k]!, { rel: 1e-12, abs: 1e-9 });
          });
        }
      }),
      { numRuns: 100 },
    );
  });
});
