import { describe, expect, it } from 'vitest';
import { averageOrderValue } from '../../src/rates/averageOrderValue.ts';
import { thrownKind } from '../helpers/expectClose.ts';

describe('averageOrderValue', () => {
  it('returns revenue per order', () => {
    // By hand: 125,000/2,500 = 50.
    expect(averageOrderValue({ revenue: 125000, orders: 2500 })).toBe(50);
  });

  it('reproduces the historical-CLV purchases of the data README as an average', () => {
    // ../shared/data/README.md, "Simple metrics": purchases of 100, 200 and 300 → 600 over 3 orders = 200 per order.
    expect(averageOrderValue({ revenue: 600, orders: 3 })).toBe(200);
  });

  it('accepts fractional money and frozen input', () => {
    expect(averageOrderValue(Object.freeze({ revenue: 10.5, orders: 4 }))).toBe(2.625);
  });

  describe('edge cases', () => {
    it('returns NaN without orders, whatever the revenue', () => {
      expect(averageOrderValue({ revenue: 0, orders: 0 })).toBeNaN();
      expect(averageOrderValue({ revenue: 99, orders: 0 })).toBeNaN();
    });

    it('returns 0 for free orders and handles huge amounts', () => {
      expect(averageOrderValue({ revenue: 0, orders: 3 })).toBe(0);
      expect(averageOrderValue({ revenue: 1e308, orders: 1 })).toBe(1e308);
    });
  });

  describe('error policy', () => {
    it('throws a RangeError for negative or non-finite revenue', () => {
      expect(thrownKind(() => averageOrderValue({ revenue: -10, orders: 2 }))).toStrictEqual(
        new RangeError('averageOrderValue: revenue (-10) must not be negative'),
      );
      expect(thrownKind(() => averageOrderValue({ revenue: Number.NaN, orders: 2 }))).toStrictEqual(
        new RangeError('averageOrderValue: revenue (NaN) must be a finite number'),
      );
    });

    it('throws a RangeError for an order count that is not a non-negative integer', () => {
      expect(thrownKind(() => averageOrderValue({ revenue: 10, orders: 2.5 }))).toStrictEqual(
        new RangeError('averageOrderValue: orders (2.5) must be a non-negative integer'),
      );
      expect(thrownKind(() => averageOrderValue({ revenue: 10, orders: -2 }))).toStrictEqual(
        new RangeError('averageOrderValue: orders (-2) must be a non-negative integer'),
      );
    });

    it('throws a TypeError for wrong kinds', () => {
      expect(
        thrownKind(() => averageOrderValue({ revenue: '125000' as unknown as number, orders: 2500 })),
      ).toStrictEqual(new TypeError('averageOrderValue: revenue must be a number, got "125000"'));
      expect(thrownKind(() => averageOrderValue({ revenue: 10n as unknown as number, orders: 2 }))).toStrictEqual(
        new TypeError('averageOrderValue: revenue must be a number, got 10n'),
      );
    });
  });
});
