import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { grossRevenueRetention } from '../../src/rates/grossRevenueRetention.ts';
import { expectClose } from '../helpers/expectClose.ts';

/** Starting revenue and losses that fit inside it. */
const movements = fc
  .record({
    start: fc.double({ min: 1e-6, max: 1e12, noNaN: true }),
    contractionShare: fc.double({ min: 0, max: 1, noNaN: true }),
    churnedShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ start, contractionShare, churnedShare }) => {
    const contraction = start * contractionShare * 0.5;
    const churned = start * churnedShare * 0.5;
    return { start, contraction, churned };
  });

describe('grossRevenueRetention properties', () => {
  test.prop([movements], { numRuns: 200 })('stays within [0, 1]', (input) => {
    const grr = grossRevenueRetention(input);
    expect(grr).toBeGreaterThanOrEqual(0);
    expect(grr).toBeLessThanOrEqual(1);
  });

  test.prop([movements, fc.double({ min: 1e-6, max: 1e6, noNaN: true })], { numRuns: 200 })(
    'does not depend on the currency',
    ({ start, contraction, churned }, rate) => {
      fc.pre((contraction + churned) * rate <= start * rate);
      expectClose(
        grossRevenueRetention({ start: start * rate, contraction: contraction * rate, churned: churned * rate }),
        grossRevenueRetention({ start, contraction, churned }),
        {
          abs: 1e-14,
        },
      );
    },
  );

  test.prop([movements], { numRuns: 200 })(
    'depends only on the total lost, not on how it splits',
    ({ start, contraction, churned }) => {
      expectClose(
        grossRevenueRetention({ start, contraction: contraction + churned, churned: 0 }),
        grossRevenueRetention({ start, contraction, churned }),
        { abs: 1e-15 },
      );
    },
  );

  test.prop([movements, fc.double({ min: 0, max: 1, noNaN: true })], { numRuns: 200 })(
    'falls as more revenue churns',
    ({ start, contraction, churned }, extraShare) => {
      const extra = (start - contraction - churned) * extraShare * 0.99;
      expect(grossRevenueRetention({ start, contraction, churned: churned + extra })).toBeLessThanOrEqual(
        grossRevenueRetention({ start, contraction, churned }),
      );
    },
  );

  test.prop([fc.double({ min: 0, max: 1e12, noNaN: true }), fc.double({ min: 1e-9, max: 1, noNaN: true })], {
    numRuns: 200,
  })('throws a RangeError when losses exceed the start by more than rounding', (start, excess) => {
    expect(() => grossRevenueRetention({ start, contraction: start * (1 + excess) + excess, churned: 0 })).toThrow(
      RangeError,
    );
  });
});
