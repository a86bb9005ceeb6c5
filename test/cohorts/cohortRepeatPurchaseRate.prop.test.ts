import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortRepeatPurchaseRate, rfmSummary } from '../../src/index.ts';
import { cohortSetup, orderLog } from './arbitraries.ts';

describe('cohortRepeatPurchaseRate properties', () => {
  it('cohortRepeatPurchaseRate is non-decreasing and ends at the brute-force share with ≥ 2 purchases', () => {
    fc.assert(
      fc.property(orderLog, cohortSetup, (log, setup) => {
        const index = buildCohorts(log, setup);
        const repeat = cohortRepeatPurchaseRate(index);
        // Purchases by brute force: distinct local days per customer (orders of one day are one purchase).
        const days = new Map<number, Set<string>>();
        const local = new Intl.DateTimeFormat('en-CA', { timeZone: setup.timeZone, dateStyle: 'short' });
        log.customer.forEach((c, i) => {
          days.set(c, (days.get(c) ?? new Set()).add(local.format(log.time[i])));
        });
        let repeaters = 0;
        for (const c of repeat.cohorts) {
          c.counts.forEach((x, k) => {
            if (k > 0) expect(x).toBeGreaterThanOrEqual(c.counts[k - 1]!);
          });
          repeaters += c.counts.at(-1) ?? 0;
        }
        // Every purchase is at or after the customer's start and at or before the end (the latest event). A
        // rolling window may split a day in two cells, counting it twice.
        const expected = [...days.values()].filter((d) => d.size >= 2).length;
        if (setup.windows === 'calendar') {
          expect(repeaters).toBe(expected);
          // the same repeat buyers as rfmSummary's (frequency = purchase days − 1)
          const rfm = rfmSummary({ customer: log.customer, time: log.time }, { timeZone: setup.timeZone });
          expect(repeaters).toBe(rfm.filter((r) => r.frequency >= 1).length);
        } else expect(repeaters).toBeGreaterThanOrEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
