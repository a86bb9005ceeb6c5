import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { acquisitionToRetentionCostRatio } from '../../src/rates/acquisitionToRetentionCostRatio.ts';
import { expectClose } from '../helpers/expectClose.ts';

const money = fc.double({ min: 0, max: 1e12, noNaN: true });
const positive = fc.double({ min: 1e-3, max: 1e12, noNaN: true });

describe('acquisitionToRetentionCostRatio properties', () => {
  test.prop([money, positive], { numRuns: 200 })(
    'is non-negative, at least 1 when acquiring costs more and at most 1 when it costs less',
    (acquisitionCost, retentionCost) => {
      const ratio = acquisitionToRetentionCostRatio({ acquisitionCost, retentionCost });
      expect(ratio).toBeGreaterThanOrEqual(0);
      // Division is monotone, so comparing with r/r = 1 survives rounding.
      if (acquisitionCost > retentionCost) expect(ratio).toBeGreaterThanOrEqual(1);
      if (acquisitionCost < retentionCost) expect(ratio).toBeLessThanOrEqual(1);
    },
  );

  test.prop([money, positive, fc.double({ min: 1e-6, max: 1e6, noNaN: true })], { numRuns: 200 })(
    'does not depend on the currency',
    (a, r, rate) => {
      expectClose(
        acquisitionToRetentionCostRatio({ acquisitionCost: a * rate, retentionCost: r * rate }),
        acquisitionToRetentionCostRatio({ acquisitionCost: a, retentionCost: r }),
        {
          rel: 4 * Number.EPSILON,
          abs: 1e-300,
        },
      );
    },
  );

  test.prop([money, positive, positive], { numRuns: 200 })('falls as retention gets dearer', (a, r1, r2) => {
    const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
    expect(acquisitionToRetentionCostRatio({ acquisitionCost: a, retentionCost: hi })).toBeLessThanOrEqual(
      acquisitionToRetentionCostRatio({ acquisitionCost: a, retentionCost: lo }),
    );
  });

  test.prop([fc.double().filter((x) => !(x >= 0 && Number.isFinite(x)))], { numRuns: 200 })(
    'throws a RangeError for negative or non-finite costs',
    (bad) => {
      expect(() => acquisitionToRetentionCostRatio({ acquisitionCost: bad, retentionCost: 1 })).toThrow(RangeError);
      expect(() => acquisitionToRetentionCostRatio({ acquisitionCost: 1, retentionCost: bad })).toThrow(RangeError);
    },
  );
});
