import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortRetention, retentionMatrix } from '../../src/index.ts';
import { cohortSetup, orderLog, purchaseDays } from './arbitraries.ts';

describe('buildCohorts properties', () => {
  it('puts every customer in one cohort and every event in one cell', () => {
    fc.assert(
      fc.property(orderLog, cohortSetup, (log, setup) => {
        const index = buildCohorts(log, setup);
        expect(index.cohorts.reduce((s, c) => s + c.size, 0)).toBe(new Set(log.customer).size);
        // Orders of one customer on one local day are one purchase. Calendar cells hold whole days; a rolling
        // window may split a day, which then counts in both cells (every active cell holds a purchase).
        const purchases = index.cellEvents.reduce((s, x) => s + x, 0);
        const days = purchaseDays(log, setup.timeZone);
        if (setup.windows === 'calendar') expect(purchases).toBe(days);
        else {
          expect(purchases).toBeGreaterThanOrEqual(days);
          expect(purchases).toBeLessThanOrEqual(log.time.length);
        }
        for (const x of index.cellEvents) expect(x).toBeGreaterThanOrEqual(1);
        const rows = buildCohorts(log, { ...setup, purchasePeriod: 'event' });
        expect(rows.cellEvents.reduce((s, x) => s + x, 0)).toBe(log.time.length);
        expect(rows.cellColumn).toEqual(index.cellColumn);
        expect(rows.cellValue).toEqual(index.cellValue);
        expect(index.cellStart.at(-1)).toBe(index.cellColumn.length);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same retention as retentionMatrix, before and after a JSON round trip, in any event order', () => {
    fc.assert(
      fc.property(orderLog, cohortSetup, fc.constantFrom('on' as const, 'onOrAfter' as const), (log, setup, mode) => {
        const index = buildCohorts(log, setup);
        const expected = retentionMatrix(log, { ...setup, mode });
        expect(cohortRetention(index, { mode })).toEqual(expected);
        expect(cohortRetention(JSON.parse(JSON.stringify(index)), { mode })).toEqual(expected);
        const reversed = {
          customer: [...log.customer].reverse(),
          time: [...log.time].reverse(),
          value: [...log.value].reverse(),
        };
        expect(cohortRetention(buildCohorts(reversed, setup), { mode })).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
