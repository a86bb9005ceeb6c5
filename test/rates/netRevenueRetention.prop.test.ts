import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { grossRevenueRetention } from '../../src/rates/grossRevenueRetention.ts';
import { netRevenueRetention } from '../../src/rates/netRevenueRetention.ts';
import { expectClose } from '../helpers/expectClose.ts';

const movements = fc
  .record({
    start: fc.double({ min: 1e-6, max: 1e12, noNaN: true }),
    expansionShare: fc.double({ min: 0, max: 10, noNaN: true }),
    contractionShare: fc.double({ min: 0, max: 1, noNaN: true }),
    churnedShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ start, expansionShare, contractionShare, churnedShare }) => ({
    start,
    expansion: start * expansionShare,
    contraction: start * contractionShare * 0.5,
    churned: start * churnedShare * 0.5,
  }));

describe('netRevenueRetention properties', () => {
  test.prop([movements], { numRuns: 200 })(
    'is never below grossRevenueRetention and never negative',
    ({ start, expansion, contraction, churned }) => {
      const nrr = netRevenueRetention({ start, expansion, contraction, churned });
      expect(nrr).toBeGreaterThanOrEqual(grossRevenueRetention({ start, contraction, churned }));
      expect(nrr).toBeGreaterThanOrEqual(0);
    },
  );

  test.prop([movements], { numRuns: 200 })(
    'equals GRR plus expansion over start',
    ({ start, expansion, contraction, churned }) => {
      expectClose(
        netRevenueRetention({ start, expansion, contraction, churned }),
        grossRevenueRetention({ start, contraction, churned }) + expansion / start,
        { rel: 1e-15 },
      );
    },
  );

  test.prop([movements], { numRuns: 200 })(
    'agrees with the textbook formula (R₀ + X − D − C)/R₀',
    ({ start, expansion, contraction, churned }) => {
      expectClose(
        netRevenueRetention({ start, expansion, contraction, churned }),
        (start + expansion - contraction - churned) / start,
        { rel: 1e-14, abs: 1e-15 },
      );
    },
  );

  test.prop([movements, fc.double({ min: 1e-6, max: 1e6, noNaN: true })], { numRuns: 200 })(
    'does not depend on the currency',
    (m, rate) => {
      fc.pre((m.contraction + m.churned) * rate <= m.start * rate);
      const scaled = {
        start: m.start * rate,
        expansion: m.expansion * rate,
        contraction: m.contraction * rate,
        churned: m.churned * rate,
      };
      expectClose(netRevenueRetention(scaled), netRevenueRetention(m), { rel: 1e-14, abs: 1e-14 });
    },
  );

  test.prop([movements, fc.double({ min: 0, max: 1e12, noNaN: true })], { numRuns: 200 })(
    'rises with expansion',
    (m, more) => {
      expect(netRevenueRetention({ ...m, expansion: m.expansion + more })).toBeGreaterThanOrEqual(
        netRevenueRetention(m),
      );
    },
  );

  test.prop([fc.double({ min: 0, max: 1e12, noNaN: true }), fc.double({ min: 1e-9, max: 1, noNaN: true })], {
    numRuns: 200,
  })('throws a RangeError when losses exceed the start by more than rounding', (start, excess) => {
    expect(() =>
      netRevenueRetention({ start, expansion: 0, contraction: 0, churned: start * (1 + excess) + excess }),
    ).toThrow(RangeError);
  });
});
