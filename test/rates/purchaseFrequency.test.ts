import { describe, expect, it } from 'vitest';
import { purchaseFrequency } from '../../src/rates/purchaseFrequency.ts';
import { thrownKind } from '../helpers/expectClose.ts';

describe('purchaseFrequency', () => {
  it('returns orders per customer', () => {
    // By hand: 2,500/1,000 = 2.5; 7/8 = 0.875.
    expect(purchaseFrequency({ orders: 2500, customers: 1000 })).toBe(2.5);
    expect(purchaseFrequency({ orders: 7, customers: 8 })).toBe(0.875);
  });

  it('agrees with the CDNOW sample of the data README', () => {
    // ../shared/data/README.md: CDNOW_sample.txt has 6,919 transaction rows for 2,357 customers over 18 months.
    expect(purchaseFrequency({ orders: 6919, customers: 2357 })).toBe(6919 / 2357);
  });

  it('accepts frozen input', () => {
    expect(purchaseFrequency(Object.freeze({ orders: 3, customers: 2 }))).toBe(1.5);
  });

  describe('edge cases', () => {
    it('returns NaN with no customers, whatever the orders', () => {
      expect(purchaseFrequency({ orders: 0, customers: 0 })).toBeNaN();
      expect(purchaseFrequency({ orders: 5, customers: 0 })).toBeNaN();
    });

    it('returns 0 without orders and handles huge counts', () => {
      expect(purchaseFrequency({ orders: 0, customers: 1 })).toBe(0);
      expect(purchaseFrequency({ orders: Number.MAX_SAFE_INTEGER, customers: 1 })).toBe(Number.MAX_SAFE_INTEGER);
    });
  });

  describe('error policy', () => {
    it('throws a RangeError for negative, fractional and non-finite counts', () => {
      expect(thrownKind(() => purchaseFrequency({ orders: -1, customers: 10 }))).toStrictEqual(
        new RangeError('purchaseFrequency: orders (-1) must be a non-negative integer'),
      );
      expect(thrownKind(() => purchaseFrequency({ orders: 10, customers: 0.5 }))).toStrictEqual(
        new RangeError('purchaseFrequency: customers (0.5) must be a non-negative integer'),
      );
      expect(thrownKind(() => purchaseFrequency({ orders: Infinity, customers: 10 }))).toStrictEqual(
        new RangeError('purchaseFrequency: orders (Infinity) must be a finite number'),
      );
    });

    it('throws a TypeError for wrong kinds', () => {
      expect(thrownKind(() => purchaseFrequency({ orders: '10' as unknown as number, customers: 10 }))).toStrictEqual(
        new TypeError('purchaseFrequency: orders must be a number, got "10"'),
      );
      expect(thrownKind(() => purchaseFrequency(null as never))).toStrictEqual(
        new TypeError('purchaseFrequency: input must be an object, got null'),
      );
    });
  });
});
