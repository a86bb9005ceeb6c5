import { describe, expect, it } from 'vitest';
import { retentionClv } from '../../src/value/retentionClv.ts';
import { expectClose, thrownKind } from '../helpers/expectClose.ts';

describe('retentionClv', () => {
  it('reproduces the infinite-horizon multiple of the data README', () => {
    // ../shared/data/README.md, "Simple metrics" (Gupta & Lehmann): m·r/(1 + i − r); r = 0.8, i = 0.1 → multiple 2.6667.
    expectClose(retentionClv({ margin: 1, retention: 0.8, discountRate: 0.1 }), 2.6667, { abs: 5e-5 });
    // Exactly 0.8/0.3 = 8/3, so a margin of 100 is worth 800/3.
    expectClose(retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1 }), 800 / 3, { rel: 1e-14 });
  });

  it('sums a finite horizon with payment at the end of each period', () => {
    // By hand: 100·(0.8/1.1 + 0.8²/1.1² + 0.8³/1.1³) = 100·(8/11 + 64/121 + 512/1331) = 100·2184/1331.
    expectClose(retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1, periods: 3 }), 218400 / 1331, {
      rel: 1e-14,
    });
    // One period: one margin, retained once and discounted once.
    expectClose(retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1, periods: 1 }), 80 / 1.1, { rel: 1e-15 });
  });

  it('treats element t − 1 of a retention curve as the retention from period t − 1 to t', () => {
    // Survival 0.6, 0.6·0.8 = 0.48, 0.48·0.9 = 0.432; by hand 100·(6/11 + 48/121 + 432/1331) = 100·1686/1331.
    expectClose(retentionClv({ margin: 100, retention: [0.6, 0.8, 0.9], discountRate: 0.1 }), 168600 / 1331, {
      rel: 1e-14,
    });
    // periods truncates the curve: 100·(6/11 + 48/121) = 11,400/121.
    expectClose(retentionClv({ margin: 100, retention: [0.6, 0.8, 0.9], discountRate: 0.1, periods: 2 }), 11400 / 121, {
      rel: 1e-14,
    });
  });

  it('matches the constant rate when the curve is flat', () => {
    expectClose(
      retentionClv({ margin: 100, retention: [0.8, 0.8, 0.8], discountRate: 0.1 }),
      retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1, periods: 3 }),
      { rel: 1e-14 },
    );
  });

  it('subtracts the acquisition cost at time 0, undiscounted', () => {
    expectClose(retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1, acquisitionCost: 150 }), 800 / 3 - 150, {
      rel: 1e-14,
    });
    // A customer that costs more to win than they return has a negative value.
    expectClose(retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1, acquisitionCost: 300 }), 800 / 3 - 300, {
      rel: 1e-13,
    });
  });

  it('differs from the pay-at-start convention by exactly one margin, as documented', () => {
    // Payment at the start of each period, first one certain: m·(1 + i)/(1 + i − r) = 100·1.1/0.3 = 1,100/3.
    expectClose(100 + retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1 }), 1100 / 3, { rel: 1e-14 });
  });

  it('accepts typed-array curves and frozen input', () => {
    expectClose(
      retentionClv({ margin: 100, retention: new Float64Array([0.6, 0.8, 0.9]), discountRate: 0.1 }),
      168600 / 1331,
      { rel: 1e-14 },
    );
    const input = Object.freeze({
      margin: 100,
      retention: Object.freeze([0.6, 0.8, 0.9]),
      discountRate: 0.1,
      periods: 3,
    });
    expectClose(retentionClv(input), 168600 / 1331, { rel: 1e-14 });
    expect(input.retention).toEqual([0.6, 0.8, 0.9]);
  });

  describe('edge cases', () => {
    it('values a perpetuity without churn: r = 1 gives m / i', () => {
      // Σ_{t≥1} 1/1.1^t = 1/0.1 = 10.
      expectClose(retentionClv({ margin: 100, retention: 1, discountRate: 0.1 }), 1000, { rel: 1e-14 });
    });

    it('values an undiscounted geometric stream: i = 0 gives m·r/(1 − r)', () => {
      // Σ_{t≥1} 0.5^t = 1.
      expect(retentionClv({ margin: 100, retention: 0.5, discountRate: 0 })).toBe(100);
    });

    it('counts every period when r = 1 and i = 0 over a finite horizon', () => {
      expect(retentionClv({ margin: 100, retention: 1, discountRate: 0, periods: 7 })).toBe(700);
      expect(retentionClv({ margin: 100, retention: [1, 1, 1], discountRate: 0 })).toBe(300);
    });

    it('returns 0 without retention, without margin or over zero periods', () => {
      expect(retentionClv({ margin: 100, retention: 0, discountRate: 0.1 })).toBe(0);
      expect(retentionClv({ margin: 100, retention: 0, discountRate: 0.1, periods: 5 })).toBe(0);
      expect(retentionClv({ margin: 0, retention: 0.8, discountRate: 0.1 })).toBe(0);
      expect(retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1, periods: 0 })).toBe(0);
      expect(retentionClv({ margin: 100, retention: [], discountRate: 0.1 })).toBe(0);
      expect(retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1, periods: 0, acquisitionCost: 40 })).toBe(
        -40,
      );
    });

    it('stops the curve at the first zero retention', () => {
      // Only period 1 pays: 100·0.5/1.1.
      expectClose(retentionClv({ margin: 100, retention: [0.5, 0, 0.9], discountRate: 0.1 }), 50 / 1.1, { rel: 1e-15 });
    });

    it('evaluates huge horizons in constant time and reaches the infinite-horizon value', () => {
      for (const periods of [1e6, 1e15, Number.MAX_SAFE_INTEGER, 1e300]) {
        expectClose(retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1, periods }), 800 / 3, { rel: 1e-14 });
      }
      expect(retentionClv({ margin: 1, retention: 1, discountRate: 0, periods: Number.MAX_SAFE_INTEGER })).toBe(
        Number.MAX_SAFE_INTEGER,
      );
    });

    it('keeps precision when 1 + i − r is tiny', () => {
      // r = 1 and i = 1e-20: the multiple is 1/i = 1e20 (1 + i rounds to 1, (1 − r) + i does not).
      expectClose(retentionClv({ margin: 1, retention: 1, discountRate: 1e-20 }), 1e20, { rel: 1e-14 });
      // Finite horizon n with q = 1/(1 + 1e-9): Σ q^t ≈ n − n(n + 1)/2 · 1e-9 for n = 1000.
      expectClose(retentionClv({ margin: 1, retention: 1, discountRate: 1e-9, periods: 1000 }), 1000 - 500500e-9, {
        rel: 1e-12,
      });
    });
  });

  describe('error policy', () => {
    it('throws a RangeError for an infinite horizon that diverges (r = 1, i = 0)', () => {
      expect(thrownKind(() => retentionClv({ margin: 100, retention: 1, discountRate: 0 }))).toStrictEqual(
        new RangeError(
          'retentionClv: retention (1) must be less than 1 + discountRate (1) for an infinite horizon; give periods',
        ),
      );
    });

    it('throws a RangeError for a retention rate outside [0, 1], naming the curve index', () => {
      expect(thrownKind(() => retentionClv({ margin: 100, retention: 1.2, discountRate: 0.1 }))).toStrictEqual(
        new RangeError('retentionClv: retention (1.2) must be between 0 and 1'),
      );
      expect(thrownKind(() => retentionClv({ margin: 100, retention: [0.5, 1.2], discountRate: 0.1 }))).toStrictEqual(
        new RangeError('retentionClv: retention[1] (1.2) must be between 0 and 1'),
      );
      // Rates past the horizon are still validated.
      expect(
        thrownKind(() =>
          retentionClv({ margin: 100, retention: [0.5, 0.6, Number.NaN], discountRate: 0.1, periods: 1 }),
        ),
      ).toStrictEqual(new RangeError('retentionClv: retention[2] (NaN) must be a finite number'));
    });

    it('throws a RangeError for a horizon that is not a non-negative integer or exceeds the curve', () => {
      expect(
        thrownKind(() => retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1, periods: 2.5 })),
      ).toStrictEqual(new RangeError('retentionClv: periods (2.5) must be a non-negative integer'));
      expect(
        thrownKind(() => retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1, periods: -1 })),
      ).toStrictEqual(new RangeError('retentionClv: periods (-1) must be a non-negative integer'));
      expect(
        thrownKind(() => retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1, periods: Infinity })),
      ).toStrictEqual(new RangeError('retentionClv: periods (Infinity) must be a finite number'));
      expect(
        thrownKind(() => retentionClv({ margin: 100, retention: [0.6, 0.8, 0.9], discountRate: 0.1, periods: 4 })),
      ).toStrictEqual(new RangeError('retentionClv: periods (4) must not exceed the length of retention (3)'));
    });

    it('throws a RangeError for negative or non-finite money and discount rates', () => {
      expect(thrownKind(() => retentionClv({ margin: -1, retention: 0.8, discountRate: 0.1 }))).toStrictEqual(
        new RangeError('retentionClv: margin (-1) must not be negative'),
      );
      expect(thrownKind(() => retentionClv({ margin: 100, retention: 0.8, discountRate: -0.1 }))).toStrictEqual(
        new RangeError('retentionClv: discountRate (-0.1) must not be negative'),
      );
      expect(
        thrownKind(() => retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1, acquisitionCost: -5 })),
      ).toStrictEqual(new RangeError('retentionClv: acquisitionCost (-5) must not be negative'));
      expect(thrownKind(() => retentionClv({ margin: Infinity, retention: 0.8, discountRate: 0.1 }))).toStrictEqual(
        new RangeError('retentionClv: margin (Infinity) must be a finite number'),
      );
    });

    it('throws a TypeError for wrong kinds', () => {
      expect(
        thrownKind(() => retentionClv({ margin: 100, retention: '0.8' as never, discountRate: 0.1 })),
      ).toStrictEqual(new TypeError('retentionClv: retention must be a number or an array of numbers, got "0.8"'));
      expect(
        thrownKind(() => retentionClv({ margin: 100, retention: [0.8, '0.9'] as never, discountRate: 0.1 })),
      ).toStrictEqual(new TypeError('retentionClv: retention[1] must be a number, got "0.9"'));
      expect(thrownKind(() => retentionClv({ margin: 100, retention: {} as never, discountRate: 0.1 }))).toStrictEqual(
        new TypeError('retentionClv: retention must be an array, got an object'),
      );
      expect(
        thrownKind(() => retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1, periods: '3' as never })),
      ).toStrictEqual(new TypeError('retentionClv: periods must be a number, got "3"'));
      expect(thrownKind(() => retentionClv({ retention: 0.8, discountRate: 0.1 } as never))).toStrictEqual(
        new TypeError('retentionClv: margin must be a number, got undefined'),
      );
      expect(thrownKind(() => retentionClv(undefined as never))).toStrictEqual(
        new TypeError('retentionClv: input must be an object, got undefined'),
      );
    });
  });
});
