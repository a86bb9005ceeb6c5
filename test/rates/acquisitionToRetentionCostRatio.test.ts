import { describe, expect, it } from 'vitest';
import { acquisitionToRetentionCostRatio } from '../../src/rates/acquisitionToRetentionCostRatio.ts';
import { thrownKind } from '../helpers/expectClose.ts';

describe('acquisitionToRetentionCostRatio', () => {
  it('returns acquisition cost over retention cost per customer', () => {
    // By hand: 125/25 = 5 ("five times cheaper to keep"); 70/10 = 7; 10/40 = 0.25.
    expect(acquisitionToRetentionCostRatio({ acquisitionCost: 125, retentionCost: 25 })).toBe(5);
    expect(acquisitionToRetentionCostRatio({ acquisitionCost: 70, retentionCost: 10 })).toBe(7);
    expect(acquisitionToRetentionCostRatio({ acquisitionCost: 10, retentionCost: 40 })).toBe(0.25);
  });

  it('accepts frozen input', () => {
    expect(acquisitionToRetentionCostRatio(Object.freeze({ acquisitionCost: 3, retentionCost: 2 }))).toBe(1.5);
  });

  describe('edge cases', () => {
    it('returns NaN when retention costs nothing', () => {
      expect(acquisitionToRetentionCostRatio({ acquisitionCost: 0, retentionCost: 0 })).toBeNaN();
      expect(acquisitionToRetentionCostRatio({ acquisitionCost: 100, retentionCost: 0 })).toBeNaN();
    });

    it('returns 0 for free acquisition and 1 for equal costs, even huge ones', () => {
      expect(acquisitionToRetentionCostRatio({ acquisitionCost: 0, retentionCost: 5 })).toBe(0);
      expect(acquisitionToRetentionCostRatio({ acquisitionCost: 1e308, retentionCost: 1e308 })).toBe(1);
    });
  });

  describe('error policy', () => {
    it('throws a RangeError for negative or non-finite costs', () => {
      expect(
        thrownKind(() => acquisitionToRetentionCostRatio({ acquisitionCost: -125, retentionCost: 25 })),
      ).toStrictEqual(new RangeError('acquisitionToRetentionCostRatio: acquisitionCost (-125) must not be negative'));
      expect(
        thrownKind(() => acquisitionToRetentionCostRatio({ acquisitionCost: 125, retentionCost: Number.NaN })),
      ).toStrictEqual(new RangeError('acquisitionToRetentionCostRatio: retentionCost (NaN) must be a finite number'));
    });

    it('throws a TypeError for wrong kinds', () => {
      expect(
        thrownKind(() =>
          acquisitionToRetentionCostRatio({ acquisitionCost: 125, retentionCost: '25' as unknown as number }),
        ),
      ).toStrictEqual(new TypeError('acquisitionToRetentionCostRatio: retentionCost must be a number, got "25"'));
      expect(thrownKind(() => acquisitionToRetentionCostRatio(5 as never))).toStrictEqual(
        new TypeError('acquisitionToRetentionCostRatio: input must be an object, got 5'),
      );
    });
  });
});
