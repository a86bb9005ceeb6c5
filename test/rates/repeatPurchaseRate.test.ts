import { describe, expect, it } from 'vitest';
import { repeatPurchaseRate } from '../../src/rates/repeatPurchaseRate.ts';
import { thrownKind } from '../helpers/expectClose.ts';

describe('repeatPurchaseRate', () => {
  it('returns repeat customers over buying customers', () => {
    // By hand: 270/1,000 = 0.27; 1/4 = 0.25.
    expect(repeatPurchaseRate({ customers: 1000, repeatCustomers: 270 })).toBe(0.27);
    expect(repeatPurchaseRate({ customers: 4, repeatCustomers: 1 })).toBe(0.25);
  });

  it('agrees with the CDNOW sample figure of the data README', () => {
    // ../shared/data/README.md: 946 of the 2,357 CDNOW customers made a repeat purchase before 1997-10-01.
    expect(repeatPurchaseRate({ customers: 2357, repeatCustomers: 946 })).toBe(946 / 2357);
  });

  it('accepts frozen input', () => {
    expect(repeatPurchaseRate(Object.freeze({ customers: 10, repeatCustomers: 3 }))).toBe(0.3);
  });

  describe('edge cases', () => {
    it('returns NaN with no customers', () => {
      expect(repeatPurchaseRate({ customers: 0, repeatCustomers: 0 })).toBeNaN();
    });

    it('returns 0 and 1 at the ends', () => {
      expect(repeatPurchaseRate({ customers: 1, repeatCustomers: 0 })).toBe(0);
      expect(repeatPurchaseRate({ customers: 1, repeatCustomers: 1 })).toBe(1);
      expect(repeatPurchaseRate({ customers: Number.MAX_SAFE_INTEGER, repeatCustomers: Number.MAX_SAFE_INTEGER })).toBe(
        1,
      );
    });
  });

  describe('error policy', () => {
    it('throws a RangeError when repeat customers exceed customers', () => {
      expect(thrownKind(() => repeatPurchaseRate({ customers: 10, repeatCustomers: 12 }))).toStrictEqual(
        new RangeError('repeatPurchaseRate: repeatCustomers (12) must not exceed customers (10)'),
      );
    });

    it('throws a RangeError for negative, fractional and non-finite counts', () => {
      expect(thrownKind(() => repeatPurchaseRate({ customers: -1, repeatCustomers: 0 }))).toStrictEqual(
        new RangeError('repeatPurchaseRate: customers (-1) must be a non-negative integer'),
      );
      expect(thrownKind(() => repeatPurchaseRate({ customers: 10, repeatCustomers: 2.5 }))).toStrictEqual(
        new RangeError('repeatPurchaseRate: repeatCustomers (2.5) must be a non-negative integer'),
      );
      expect(thrownKind(() => repeatPurchaseRate({ customers: Infinity, repeatCustomers: 2 }))).toStrictEqual(
        new RangeError('repeatPurchaseRate: customers (Infinity) must be a finite number'),
      );
    });

    it('throws a TypeError for wrong kinds', () => {
      expect(
        thrownKind(() => repeatPurchaseRate({ customers: 10, repeatCustomers: '2' as unknown as number })),
      ).toStrictEqual(new TypeError('repeatPurchaseRate: repeatCustomers must be a number, got "2"'));
      expect(thrownKind(() => repeatPurchaseRate(42 as never))).toStrictEqual(
        new TypeError('repeatPurchaseRate: input must be an object, got 42'),
      );
    });
  });
});
