import { describe, expect, it } from 'vitest';
import { grossRevenueRetention } from '../../src/rates/grossRevenueRetention.ts';
import { thrownKind } from '../helpers/expectClose.ts';

describe('grossRevenueRetention', () => {
  it('returns the share of starting revenue kept, ignoring expansion', () => {
    // By hand: (100,000 − 5,000 − 8,000)/100,000 = 0.87.
    expect(grossRevenueRetention({ start: 100000, contraction: 5000, churned: 8000 })).toBe(0.87);
    expect(grossRevenueRetention({ start: 200, contraction: 20, churned: 30 })).toBe(0.75);
  });

  it('matches customer retention when every customer pays the same', () => {
    // The README worked example (S = 1,000, 900 kept → CRR 0.90) with 10 per customer: 10,000 start, 1,000 churned.
    expect(grossRevenueRetention({ start: 10000, contraction: 0, churned: 1000 })).toBe(0.9);
  });

  it('accepts frozen input', () => {
    expect(grossRevenueRetention(Object.freeze({ start: 50, contraction: 5, churned: 0 }))).toBe(0.9);
  });

  describe('edge cases', () => {
    it('returns NaN without starting revenue', () => {
      expect(grossRevenueRetention({ start: 0, contraction: 0, churned: 0 })).toBeNaN();
    });

    it('returns 1 with no losses and 0 when everything was lost', () => {
      expect(grossRevenueRetention({ start: 1234.5, contraction: 0, churned: 0 })).toBe(1);
      expect(grossRevenueRetention({ start: 100, contraction: 40, churned: 60 })).toBe(0);
    });

    it('absorbs the rounding of decimal currency amounts instead of throwing', () => {
      // 0.1 + 0.2 is 0.30000000000000004 in binary floating point, a hair above 0.3.
      expect(grossRevenueRetention({ start: 0.3, contraction: 0.1, churned: 0.2 })).toBe(0);
    });

    it('handles huge amounts without overflow', () => {
      expect(grossRevenueRetention({ start: 1.5e308, contraction: 0.5e308, churned: 0.25e308 })).toBe(0.5);
    });
  });

  describe('error policy', () => {
    it('throws a RangeError when more revenue was lost than there was', () => {
      expect(thrownKind(() => grossRevenueRetention({ start: 1000, contraction: 700, churned: 500 }))).toStrictEqual(
        new RangeError('grossRevenueRetention: contraction + churned (1200) must not exceed start (1000)'),
      );
      expect(thrownKind(() => grossRevenueRetention({ start: 0, contraction: 0, churned: 1e-300 }))).toStrictEqual(
        new RangeError('grossRevenueRetention: contraction + churned (1e-300) must not exceed start (0)'),
      );
    });

    it('throws a RangeError for negative or non-finite amounts', () => {
      expect(thrownKind(() => grossRevenueRetention({ start: 100, contraction: -5, churned: 0 }))).toStrictEqual(
        new RangeError('grossRevenueRetention: contraction (-5) must not be negative'),
      );
      expect(thrownKind(() => grossRevenueRetention({ start: Infinity, contraction: 0, churned: 0 }))).toStrictEqual(
        new RangeError('grossRevenueRetention: start (Infinity) must be a finite number'),
      );
    });

    it('throws a TypeError for wrong kinds', () => {
      expect(thrownKind(() => grossRevenueRetention({ start: 100, contraction: 5 } as never))).toStrictEqual(
        new TypeError('grossRevenueRetention: churned must be a number, got undefined'),
      );
      expect(thrownKind(() => grossRevenueRetention(null as never))).toStrictEqual(
        new TypeError('grossRevenueRetention: input must be an object, got null'),
      );
    });
  });
});
