import { describe, expect, it } from 'vitest';
import { grossRevenueRetention } from '../../src/rates/grossRevenueRetention.ts';
import { netRevenueRetention } from '../../src/rates/netRevenueRetention.ts';
import { thrownKind } from '../helpers/expectClose.ts';

describe('netRevenueRetention', () => {
  it('returns the starting customers’ end revenue over their start revenue', () => {
    // By hand: (100,000 + 20,000 − 5,000 − 8,000)/100,000 = 1.07.
    expect(netRevenueRetention({ start: 100000, expansion: 20000, contraction: 5000, churned: 8000 })).toBe(1.07);
    // (200 + 10 − 20 − 30)/200 = 0.8.
    expect(netRevenueRetention({ start: 200, expansion: 10, contraction: 20, churned: 30 })).toBe(0.8);
  });

  it('equals grossRevenueRetention without expansion', () => {
    expect(netRevenueRetention({ start: 100000, expansion: 0, contraction: 5000, churned: 8000 })).toBe(
      grossRevenueRetention({ start: 100000, contraction: 5000, churned: 8000 }),
    );
  });

  it('accepts frozen input', () => {
    expect(netRevenueRetention(Object.freeze({ start: 100, expansion: 50, contraction: 0, churned: 0 }))).toBe(1.5);
  });

  describe('edge cases', () => {
    it('returns NaN without starting revenue, even with expansion', () => {
      expect(netRevenueRetention({ start: 0, expansion: 0, contraction: 0, churned: 0 })).toBeNaN();
      expect(netRevenueRetention({ start: 0, expansion: 10, contraction: 0, churned: 0 })).toBeNaN();
    });

    it('exceeds 1 when expansion outweighs losses and is 0 when everything was lost', () => {
      expect(netRevenueRetention({ start: 100, expansion: 300, contraction: 0, churned: 0 })).toBe(4);
      expect(netRevenueRetention({ start: 100, expansion: 0, contraction: 0, churned: 100 })).toBe(0);
    });

    it('absorbs the rounding of decimal currency amounts instead of throwing', () => {
      expect(netRevenueRetention({ start: 0.3, expansion: 0.15, contraction: 0.1, churned: 0.2 })).toBe(0.5);
    });

    it('handles huge amounts without overflowing start + expansion', () => {
      expect(netRevenueRetention({ start: 1e308, expansion: 1e308, contraction: 0, churned: 0 })).toBe(2);
    });
  });

  describe('error policy', () => {
    it('throws a RangeError when more revenue was lost than there was', () => {
      expect(
        thrownKind(() => netRevenueRetention({ start: 1000, expansion: 5000, contraction: 700, churned: 500 })),
      ).toStrictEqual(new RangeError('netRevenueRetention: contraction + churned (1200) must not exceed start (1000)'));
    });

    it('throws a RangeError for negative or non-finite amounts', () => {
      expect(
        thrownKind(() => netRevenueRetention({ start: 100, expansion: -1, contraction: 0, churned: 0 })),
      ).toStrictEqual(new RangeError('netRevenueRetention: expansion (-1) must not be negative'));
      expect(
        thrownKind(() => netRevenueRetention({ start: 100, expansion: 0, contraction: 0, churned: Number.NaN })),
      ).toStrictEqual(new RangeError('netRevenueRetention: churned (NaN) must be a finite number'));
    });

    it('throws a TypeError for wrong kinds', () => {
      expect(
        thrownKind(() =>
          netRevenueRetention({ start: 100, expansion: '10' as unknown as number, contraction: 0, churned: 0 }),
        ),
      ).toStrictEqual(new TypeError('netRevenueRetention: expansion must be a number, got "10"'));
      expect(thrownKind(() => netRevenueRetention(undefined as never))).toStrictEqual(
        new TypeError('netRevenueRetention: input must be an object, got undefined'),
      );
    });
  });
});
