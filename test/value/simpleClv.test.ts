import { describe, expect, it } from 'vitest';
import { averageOrderValue } from '../../src/rates/averageOrderValue.ts';
import { expectedLifetime } from '../../src/rates/expectedLifetime.ts';
import { purchaseFrequency } from '../../src/rates/purchaseFrequency.ts';
import { simpleClv } from '../../src/value/simpleClv.ts';
import { thrownKind } from '../helpers/expectClose.ts';

describe('simpleClv', () => {
  it('multiplies order value, frequency, lifespan and margin', () => {
    // By hand: 50 · 4 · 3 = 600, and · 0.3 = 180.
    expect(simpleClv({ averageOrderValue: 50, purchaseFrequency: 4, lifespan: 3 })).toBe(600);
    expect(simpleClv({ averageOrderValue: 50, purchaseFrequency: 4, lifespan: 3, margin: 0.3 })).toBe(180);
  });

  it('matches the historical CLV worked example of the data README for one order a year', () => {
    // ../shared/data/README.md, "Simple metrics": 100 + 200 + 300 over three years = 600, i.e. an average of
    // 200 per order, one order a year, for three years.
    expect(simpleClv({ averageOrderValue: 200, purchaseFrequency: 1, lifespan: 3 })).toBe(600);
  });

  it('chains with the rate functions', () => {
    // AOV 125,000/2,500 = 50, frequency 2,500/1,000 = 2.5 a year, lifespan 1/0.25 = 4 years → 50 · 2.5 · 4 = 500.
    const clv = simpleClv({
      averageOrderValue: averageOrderValue({ revenue: 125000, orders: 2500 }),
      purchaseFrequency: purchaseFrequency({ orders: 2500, customers: 1000 }),
      lifespan: expectedLifetime(0.25),
    });
    expect(clv).toBe(500);
  });

  it('accepts frozen input', () => {
    expect(
      simpleClv(Object.freeze({ averageOrderValue: 10, purchaseFrequency: 0.5, lifespan: 2.5, margin: 0.5 })),
    ).toBe(6.25);
  });

  describe('edge cases', () => {
    it('returns 0 when any factor is 0', () => {
      expect(simpleClv({ averageOrderValue: 0, purchaseFrequency: 4, lifespan: 3 })).toBe(0);
      expect(simpleClv({ averageOrderValue: 50, purchaseFrequency: 0, lifespan: 3 })).toBe(0);
      expect(simpleClv({ averageOrderValue: 50, purchaseFrequency: 4, lifespan: 0 })).toBe(0);
      expect(simpleClv({ averageOrderValue: 50, purchaseFrequency: 4, lifespan: 3, margin: 0 })).toBe(0);
    });

    it('accepts an undefined margin as the default', () => {
      expect(simpleClv({ averageOrderValue: 2, purchaseFrequency: 3, lifespan: 4, margin: undefined } as never)).toBe(
        24,
      );
    });
  });

  describe('error policy', () => {
    it('rejects the infinite lifespan that zero churn implies', () => {
      expect(
        thrownKind(() => simpleClv({ averageOrderValue: 50, purchaseFrequency: 4, lifespan: expectedLifetime(0) })),
      ).toStrictEqual(new RangeError('simpleClv: lifespan (Infinity) must be a finite number'));
    });

    it('throws a RangeError for negative or non-finite factors', () => {
      expect(thrownKind(() => simpleClv({ averageOrderValue: -50, purchaseFrequency: 4, lifespan: 3 }))).toStrictEqual(
        new RangeError('simpleClv: averageOrderValue (-50) must not be negative'),
      );
      expect(
        thrownKind(() => simpleClv({ averageOrderValue: 50, purchaseFrequency: Number.NaN, lifespan: 3 })),
      ).toStrictEqual(new RangeError('simpleClv: purchaseFrequency (NaN) must be a finite number'));
      expect(thrownKind(() => simpleClv({ averageOrderValue: 50, purchaseFrequency: 4, lifespan: -1 }))).toStrictEqual(
        new RangeError('simpleClv: lifespan (-1) must not be negative'),
      );
    });

    it('throws a RangeError for a margin outside [0, 1]', () => {
      expect(
        thrownKind(() => simpleClv({ averageOrderValue: 50, purchaseFrequency: 4, lifespan: 3, margin: 30 })),
      ).toStrictEqual(new RangeError('simpleClv: margin (30) must be between 0 and 1'));
    });

    it('throws a TypeError for wrong kinds', () => {
      expect(
        thrownKind(() =>
          simpleClv({ averageOrderValue: '50' as unknown as number, purchaseFrequency: 4, lifespan: 3 }),
        ),
      ).toStrictEqual(new TypeError('simpleClv: averageOrderValue must be a number, got "50"'));
      expect(thrownKind(() => simpleClv({ averageOrderValue: 50, purchaseFrequency: 4 } as never))).toStrictEqual(
        new TypeError('simpleClv: lifespan must be a number, got undefined'),
      );
      expect(thrownKind(() => simpleClv(null as never))).toStrictEqual(
        new TypeError('simpleClv: input must be an object, got null'),
      );
    });
  });
});
