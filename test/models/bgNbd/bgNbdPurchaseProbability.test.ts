import { describe, expect, it } from 'vitest';
import { bgNbdPurchaseProbability } from '../../../src/index.ts';
import { expectClose, expectThrows } from '../../helpers/expectClose.ts';

const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // FHL 2005, 3 decimals

describe('bgNbdPurchaseProbability', () => {
  it('reproduces P(X(39) = 0), P(X(2) = 10) and P(X(30) = 11..20) (data README, 7–10 significant digits)', () => {
    expectClose(bgNbdPurchaseProbability(published, 39, 0), 0.5737864, { abs: 5e-8 });
    expectClose(bgNbdPurchaseProbability(published, 2, 10), 1.07869e-7, { abs: 5e-13 });
    const expected = [
      0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902, 0.0004361913, 0.0003467171,
      0.0002769613, 0.000222226,
    ];
    const got = bgNbdPurchaseProbability(published, 30, [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    got.forEach((v, i) => {
      expectClose(v, expected[i] as number, { abs: 5e-11 });
    });
  });

  it('sums to 1 over n', () => {
    const ps = bgNbdPurchaseProbability(
      published,
      30,
      Array.from({ length: 2000 }, (_, n) => n),
    );
    expectClose(
      ps.reduce((s, v) => s + v, 0),
      1,
      { abs: 1e-9 },
    );
  });

  it('is a point mass at 0 for t = 0 and handles huge n without looping', () => {
    expect(bgNbdPurchaseProbability(published, 0, 0)).toBe(1);
    expect(bgNbdPurchaseProbability(published, 0, 3)).toBe(0);
    const v = bgNbdPurchaseProbability(published, 30, 1e12);
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThan(1e-12);
  });

  it('throws for a fractional n or negative t', () => {
    expectThrows(
      () => bgNbdPurchaseProbability(published, 30, 1.5),
      RangeError,
      'bgNbdPurchaseProbability',
      'n (1.5) must be a non-negative integer',
    );
    expectThrows(() => bgNbdPurchaseProbability(published, -1, 1), RangeError, 'bgNbdPurchaseProbability', 't (-1)');
  });
});
