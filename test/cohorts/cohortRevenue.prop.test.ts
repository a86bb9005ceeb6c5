import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortPurchaseFrequency, cohortRevenue } from '../../src/index.ts';
import { expectClose } from '../helpers/expectClose.ts';
import { cohortSetup, orderLog, purchaseDays } from './arbitraries.ts';

describe('cohortRevenue properties', () => {
  it('cohortRevenue and cohortPurchaseFrequency account for every event once', () => {
    fc.assert(
      fc.property(orderLog, cohortSetup, (log, setup) => {
        const index = buildCohorts(log, setup);
        const revenue = cohortRevenue(index);
        const total = revenue.cohorts.reduce((s, c) => s + (c.cumulativeRevenue.at(-1) ?? 0), 0);
        expectClose(
          total,
          log.value.reduce((s, v) => s + v, 0),
          { abs: 1e-9 },
        );
        const frequency = cohortPurchaseFrequency(index);
        const orders = frequency.cohorts.reduce((s, c) => s + c.orders.reduce((a, b) => a + b, 0), 0);
        if (setup.windows === 'calendar') expect(orders).toBe(purchaseDays(log, setup.timeZone));
        const rows = cohortPurchaseFrequency(buildCohorts(log, { ...setup, purchasePeriod: 'event' }));
        expect(rows.cohorts.reduce((s, c) => s + c.orders.reduce((a, b) => a + b, 0), 0)).toBe(log.time.length);
        for (const c of frequency.cohorts) {
          c.cumulativeFrequency.forEach((x, k) => {
            if (k > 0) expect(x).toBeGreaterThanOrEqual(c.cumulativeFrequency[k - 1]!);
          });
        }
      }),
      { numRuns: 100 },
    );
  });
});
