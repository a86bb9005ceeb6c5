import { describe, expect, it } from 'vitest';
import { ltvToCac } from '../../src/rates/ltvToCac.ts';
import { retentionClv } from '../../src/value/retentionClv.ts';
import { expectClose, thrownKind } from '../helpers/expectClose.ts';

describe('ltvToCac', () => {
  it('returns lifetime value over acquisition cost', () => {
    // By hand: 375/125 = 3, the usual rule-of-thumb target; 100/400 = 0.25.
    expect(ltvToCac({ ltv: 375, cac: 125 })).toBe(3);
    expect(ltvToCac({ ltv: 100, cac: 400 })).toBe(0.25);
  });

  it('combines with the Gupta–Lehmann CLV of the data README', () => {
    // ../shared/data/README.md, "Simple metrics": r = 0.8, i = 0.1 → margin multiple 2.6667, so a margin of
    // 90 per year gives an LTV of 240, and against a CAC of 80 the ratio is 3.
    expectClose(ltvToCac({ ltv: retentionClv({ margin: 90, retention: 0.8, discountRate: 0.1 }), cac: 80 }), 3, {
      rel: 1e-12,
    });
  });

  it('accepts frozen input', () => {
    expect(ltvToCac(Object.freeze({ ltv: 50, cac: 25 }))).toBe(2);
  });

  describe('edge cases', () => {
    it('returns NaN when acquisition cost nothing', () => {
      expect(ltvToCac({ ltv: 0, cac: 0 })).toBeNaN();
      expect(ltvToCac({ ltv: 500, cac: 0 })).toBeNaN();
    });

    it('returns 0 for a worthless customer and handles extreme amounts', () => {
      expect(ltvToCac({ ltv: 0, cac: 10 })).toBe(0);
      expect(ltvToCac({ ltv: 1e308, cac: 1e308 })).toBe(1);
    });
  });

  describe('error policy', () => {
    it('throws a RangeError for negative or non-finite amounts', () => {
      expect(thrownKind(() => ltvToCac({ ltv: -50, cac: 10 }))).toStrictEqual(
        new RangeError('ltvToCac: ltv (-50) must not be negative'),
      );
      expect(thrownKind(() => ltvToCac({ ltv: 50, cac: -0.5 }))).toStrictEqual(
        new RangeError('ltvToCac: cac (-0.5) must not be negative'),
      );
      expect(thrownKind(() => ltvToCac({ ltv: Infinity, cac: 10 }))).toStrictEqual(
        new RangeError('ltvToCac: ltv (Infinity) must be a finite number'),
      );
    });

    it('throws a TypeError for wrong kinds', () => {
      expect(thrownKind(() => ltvToCac({ ltv: 300, cac: '100' as unknown as number }))).toStrictEqual(
        new TypeError('ltvToCac: cac must be a number, got "100"'),
      );
      expect(thrownKind(() => ltvToCac([300, 100] as never))).toStrictEqual(
        new TypeError('ltvToCac: input must be an object, got an array of length 2'),
      );
    });
  });
});
