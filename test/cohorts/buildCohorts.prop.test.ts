import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortRetention, retentionMatrix } from '../../src/index.ts';
import { cohortSetup, orderLog } from './arbitraries.ts';

describe('buildCohorts properties', () => {
  it('puts every customer in one cohort and every event in one cell', () => {
    fc.assert(
      fc.property(orderLog, cohortSetup, (log, setup) => {
        const index = buildCohorts(log, setup);
        expect(index.cohorts.reduce((s, c) => s + c.size, 0)).toBe(new Set(log.customer).size);
        expect(index.cellEvents.reduce((s, x) => s + x, 0)).toBe(log.time.length);
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
