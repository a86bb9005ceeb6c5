import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { churnRate } from '../../src/rates/churnRate.ts';
import { retentionRate } from '../../src/rates/retentionRate.ts';

/** A consistent period: S at the start, L of them lost, N acquired, so E = S − L + N. */
const period = fc
  .record({
    start: fc.integer({ min: 1, max: 1e9 }),
    lostShare: fc.double({ min: 0, max: 1, noNaN: true }),
    acquired: fc.integer({ min: 0, max: 1e9 }),
  })
  .map(({ start, lostShare, acquired }) => {
    const lost = Math.floor(lostShare * start);
    return { start, lost, acquired, end: start - lost + acquired };
  });

describe('retentionRate properties', () => {
  test.prop([period], { numRuns: 200 })('stays within [0, 1]', ({ start, end, acquired }) => {
    const r = retentionRate({ start, end, acquired });
    expect(r).toBeGreaterThanOrEqual(0);
    expect(r).toBeLessThanOrEqual(1);
  });

  test.prop([period], { numRuns: 200 })(
    'is the complement of churnRate on the same counts',
    ({ start, end, acquired, lost }) => {
      // Both are one rounding of (S − L)/S and L/S, so they add up to 1 within two half-ulps.
      expect(Math.abs(retentionRate({ start, end, acquired }) + churnRate({ start, lost }) - 1)).toBeLessThanOrEqual(
        2 * Number.EPSILON,
      );
    },
  );

  test.prop([period, fc.integer({ min: 0, max: 1e6 })], { numRuns: 200 })(
    'does not change when the same number of extra customers is acquired and counted at the end',
    ({ start, end, acquired }, extra) => {
      expect(retentionRate({ start, end: end + extra, acquired: acquired + extra })).toBe(
        retentionRate({ start, end, acquired }),
      );
    },
  );

  test.prop([period, fc.integer({ min: 1, max: 1000 })], { numRuns: 200 })(
    'is scale invariant',
    ({ start, end, acquired }, k) => {
      // Scaled integer counts stay exact below 2^53, so the rounded quotient is identical.
      expect(retentionRate({ start: k * start, end: k * end, acquired: k * acquired })).toBe(
        retentionRate({ start, end, acquired }),
      );
    },
  );

  test.prop([period], { numRuns: 200 })('grows with the end count', ({ start, end, acquired, lost }) => {
    fc.pre(lost > 0);
    expect(retentionRate({ start, end: end + 1, acquired })).toBeGreaterThan(retentionRate({ start, end, acquired }));
  });

  test.prop([fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 1e9 })], {
    numRuns: 200,
  })('throws a RangeError when more customers remain than started', (start, excess, acquired) => {
    expect(() => retentionRate({ start, end: start + excess + acquired, acquired })).toThrow(RangeError);
  });

  test.prop([fc.double().filter((x) => !(Number.isInteger(x) && x >= 0))], { numRuns: 200 })(
    'throws a RangeError for any count that is not a non-negative integer',
    (bad) => {
      expect(() => retentionRate({ start: bad, end: 0, acquired: 0 })).toThrow(RangeError);
    },
  );
});
