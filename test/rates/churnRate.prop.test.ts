import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { churnRate } from '../../src/rates/churnRate.ts';
import { retentionRate } from '../../src/rates/retentionRate.ts';

const counts = fc
  .tuple(fc.integer({ min: 1, max: 1e12 }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([start, share]) => ({ start, lost: Math.floor(share * start) }));

describe('churnRate properties', () => {
  test.prop([counts], { numRuns: 200 })('stays within [0, 1]', (input) => {
    const c = churnRate(input);
    expect(c).toBeGreaterThanOrEqual(0);
    expect(c).toBeLessThanOrEqual(1);
  });

  test.prop([counts, fc.integer({ min: 0, max: 1e9 })], { numRuns: 200 })(
    'equals 1 − retentionRate for the same period',
    ({ start, lost }, acquired) => {
      const retention = retentionRate({ start, end: start - lost + acquired, acquired });
      expect(Math.abs(churnRate({ start, lost }) - (1 - retention))).toBeLessThanOrEqual(2 * Number.EPSILON);
    },
  );

  test.prop([counts, fc.integer({ min: 1, max: 1000 })], { numRuns: 200 })(
    'is scale invariant',
    ({ start, lost }, k) => {
      expect(churnRate({ start: k * start, lost: k * lost })).toBe(churnRate({ start, lost }));
    },
  );

  test.prop([counts], { numRuns: 200 })(
    'grows with the number lost and falls with the starting base',
    ({ start, lost }) => {
      fc.pre(lost < start);
      expect(churnRate({ start, lost: lost + 1 })).toBeGreaterThan(churnRate({ start, lost }));
      expect(churnRate({ start: start + 1, lost: lost + 1 })).toBeLessThanOrEqual(churnRate({ start, lost: lost + 1 }));
    },
  );

  test.prop([fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 1e6 })], { numRuns: 200 })(
    'throws a RangeError when lost exceeds start',
    (start, excess) => {
      expect(() => churnRate({ start, lost: start + excess })).toThrow(RangeError);
    },
  );

  test.prop([fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.bigInt())], { numRuns: 100 })(
    'throws a TypeError for any non-number count',
    (bad) => {
      expect(() => churnRate({ start: 10, lost: bad as never })).toThrow(TypeError);
    },
  );
});
