import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortRepeatPurchaseRate } from '../../src/index.ts';
import { cohortSetup, orderLog } from './arbitraries.ts';

describe('cohortRepeatPurchaseRate properties', () => {
  it('cohortRepeatPurchaseRate is non-decreasing and ends at the brute-force share with ≥ 2 purchases', () => {
    fc.assert(
      fc.property(orderLog, cohortSetup, (log, setup) => {
        const index = buildCohorts(log, setup);
        const repeat = cohortRepeatPurchaseRate(index);
        const purchases = new Map<number, number>();
        log.customer.forEach((c) => {
          purchases.set(c, (purchases.get(c) ?? 0) + 1);
        });
        let repeaters = 0;
        for (const c of repeat.cohorts) {
          c.counts.forEach((x, k) => {
            if (k > 0) expect(x).toBeGreaterThanOrEqual(c.counts[k - 1]!);
          });
          repeaters += c.counts.at(-1) ?? 0;
        }
        // Every purchase is at or after the customer's start and at or before the end (the latest event).
        expect(repeaters).toBe([...purchases.values()].filter((n) => n >= 2).length);
      }),
      { numRuns: 100 },
    );
  });
});
