import { describe, expect, it } from 'vitest';
import { customerAcquisitionCost } from '../../src/rates/customerAcquisitionCost.ts';
import { thrownKind } from '../helpers/expectClose.ts';

describe('customerAcquisitionCost', () => {
  it('returns spend per new customer', () => {
    // By hand: 50,000/400 = 125; 1,000/3 = 333.33…
    expect(customerAcquisitionCost({ spend: 50000, newCustomers: 400 })).toBe(125);
    expect(customerAcquisitionCost({ spend: 1000, newCustomers: 3 })).toBe(1000 / 3);
  });

  it('accepts frozen input', () => {
    expect(customerAcquisitionCost(Object.freeze({ spend: 99.5, newCustomers: 1 }))).toBe(99.5);
  });

  describe('edge cases', () => {
    it('returns NaN when nobody was acquired, whatever the spend', () => {
      expect(customerAcquisitionCost({ spend: 0, newCustomers: 0 })).toBeNaN();
      expect(customerAcquisitionCost({ spend: 5000, newCustomers: 0 })).toBeNaN();
    });

    it('returns 0 for organic growth and handles huge amounts', () => {
      expect(customerAcquisitionCost({ spend: 0, newCustomers: 50 })).toBe(0);
      expect(customerAcquisitionCost({ spend: 1e308, newCustomers: Number.MAX_SAFE_INTEGER })).toBe(
        1e308 / Number.MAX_SAFE_INTEGER,
      );
    });
  });

  describe('error policy', () => {
    it('throws a RangeError for negative or non-finite spend', () => {
      expect(thrownKind(() => customerAcquisitionCost({ spend: -1, newCustomers: 2 }))).toStrictEqual(
        new RangeError('customerAcquisitionCost: spend (-1) must not be negative'),
      );
      expect(thrownKind(() => customerAcquisitionCost({ spend: Infinity, newCustomers: 2 }))).toStrictEqual(
        new RangeError('customerAcquisitionCost: spend (Infinity) must be a finite number'),
      );
    });

    it('throws a RangeError for a customer count that is not a non-negative integer', () => {
      expect(thrownKind(() => customerAcquisitionCost({ spend: 100, newCustomers: 1.5 }))).toStrictEqual(
        new RangeError('customerAcquisitionCost: newCustomers (1.5) must be a non-negative integer'),
      );
    });

    it('throws a TypeError for wrong kinds', () => {
      expect(
        thrownKind(() => customerAcquisitionCost({ spend: 100, newCustomers: [4] as unknown as number })),
      ).toStrictEqual(
        new TypeError('customerAcquisitionCost: newCustomers must be a number, got an array of length 1'),
      );
      expect(thrownKind(() => customerAcquisitionCost(undefined as never))).toStrictEqual(
        new TypeError('customerAcquisitionCost: input must be an object, got undefined'),
      );
    });
  });
});
