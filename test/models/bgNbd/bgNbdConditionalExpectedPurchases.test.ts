import { describe, expect, it } from 'vitest';
import { bgNbdConditionalExpectedPurchases, bgNbdExpectedPurchases } from '../../../src/index.ts';
import { deepFreeze, expectClose, expectThrows } from '../../helpers/expectClose.ts';

const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // FHL 2005, 3 decimals

describe('bgNbdConditionalExpectedPurchases', () => {
  it('reproduces 1.226 for x = 2, tₓ = 30.43, T = 38.86, t = 39 (data README)', () => {
    expectClose(bgNbdConditionalExpectedPurchases(published, 39, { frequency: 2, recency: 30.43, T: 38.86 }), 1.226, {
      abs: 5e-4,
    });
  });

  it('reduces to E[X(t)] for x = 0, T = 0', () => {
    expectClose(
      bgNbdConditionalExpectedPurchases(published, 12, { frequency: 0, recency: 0, T: 0 }),
      bgNbdExpectedPurchases(published, 12),
      { rel: 1e-14 },
    );
  });

  it('is vectorised over rows and columns', () => {
    const rows = deepFreeze([
      { frequency: 2, recency: 30.43, T: 38.86 },
      { frequency: 0, recency: 0, T: 38.86 },
    ]);
    const a = bgNbdConditionalExpectedPurchases(published, 39, rows);
    const b = bgNbdConditionalExpectedPurchases(published, 39, {
      frequency: [2, 0],
      recency: [30.43, 0],
      T: [38.86, 38.86],
    });
    expect(a).toEqual(b);
    expect(a).toHaveLength(2);
  });

  describe('edge cases', () => {
    it('stays finite and sensible for frequency 10,000 with T = recency (alive heavy buyer)', () => {
      const v = bgNbdConditionalExpectedPurchases(published, 39, { frequency: 10_000, recency: 40, T: 40 });
      // P(alive) ≈ 1; posterior rate ≈ (r + x)/(α + T) ≈ 225 a week, discounted by future dropout.
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThan(10);
      expect(v).toBeLessThan(39 * ((0.243 + 10_000) / 44.414));
    });

    it('is 0 (not NaN) for a heavy buyer who stopped long ago', () => {
      expect(bgNbdConditionalExpectedPurchases(published, 39, { frequency: 1000, recency: 10, T: 100 })).toBe(0);
    });

    it('is 0 for t = 0', () => {
      expect(bgNbdConditionalExpectedPurchases(published, 0, { frequency: 3, recency: 5, T: 10 })).toBe(0);
    });
  });

  it('throws for invalid t or customer', () => {
    expectThrows(
      () => bgNbdConditionalExpectedPurchases(published, Number.NaN, { frequency: 1, recency: 1, T: 1 }),
      RangeError,
      'bgNbdConditionalExpectedPurchases',
      't (NaN)',
    );
    expectThrows(
      () => bgNbdConditionalExpectedPurchases(published, 1, { frequency: -1, recency: 1, T: 1 }),
      RangeError,
      'bgNbdConditionalExpectedPurchases',
      'row 0: frequency (-1)',
    );
  });
});
