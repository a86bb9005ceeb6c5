import { describe, expect, it } from 'vitest';
import { paretoNbdConditionalExpectedPurchases, paretoNbdProbabilityAlive } from '../../../src/index.ts';
import { expectClose, expectThrows } from '../../helpers/expectClose.ts';

const params = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

describe('paretoNbdConditionalExpectedPurchases', () => {
  it('reproduces the BTYD walkthrough value 25.46 for x = 26, tₓ = 30.86, T = 31, t = 52', () => {
    // BTYD vignette "BTYD walkthrough" (pnbd.ConditionalExpectedTransactions): 25.46, printed to two
    // decimals from BTYD's own full-precision estimates; the lifetimes test suite allows 0.01.
    const btyd = { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 };
    expectClose(paretoNbdConditionalExpectedPurchases(btyd, 52, { frequency: 26, recency: 30.86, T: 31 }), 25.46, {
      abs: 0.01,
    });
    // Independent float64 evaluation of the closed form (SciPy hyp2f1) with the printed parameters: 25.45491351149971.
    expectClose(
      paretoNbdConditionalExpectedPurchases(btyd, 52, { frequency: 26, recency: 30.86, T: 31 }),
      25.45491351149971,
      { rel: 1e-10 },
    );
  });

  it('is P(alive) times the expected purchases of a surely-alive customer', () => {
    const customer = { frequency: 2, recency: 30.43, T: 38.86 };
    const alive = paretoNbdProbabilityAlive(params, customer);
    // (r + x)(β + T)/((α + T)(s − 1))·[1 − ((β + T)/(β + T + t))^(s−1)] by hand for t = 39.
    const { r, alpha, s, beta } = params;
    const T = 38.86;
    const sure = (((r + 2) * (beta + T)) / ((alpha + T) * (s - 1))) * (1 - ((beta + T) / (beta + T + 39)) ** (s - 1));
    expectClose(paretoNbdConditionalExpectedPurchases(params, 39, customer), sure * alive, { rel: 1e-12 });
  });

  it('does not jump between neighbouring heavy buyers (the lifetimes underflow case)', () => {
    // lifetimes test_conditional_expectation_underflow: (t = 10; x = 132 vs 133; tₓ = T = 200) differ by < 0.05.
    const p = { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 };
    const [left, right] = paretoNbdConditionalExpectedPurchases(p, 10, {
      frequency: [132, 133],
      recency: [200, 200],
      T: [200, 200],
    });
    expect(Math.abs((left ?? 0) - (right ?? 0))).toBeLessThan(0.05);
    expect(left).toBeGreaterThan(6);
  });

  describe('edge cases', () => {
    it('returns 0 for t = 0 and for a customer certainly gone', () => {
      expect(paretoNbdConditionalExpectedPurchases(params, 0, { frequency: 5, recency: 3, T: 30 })).toBe(0);
      expect(paretoNbdConditionalExpectedPurchases(params, 52, { frequency: 5000, recency: 30, T: 39 })).toBe(0);
    });

    it('stays finite for a huge horizon and a heavy buyer who just bought', () => {
      const v = paretoNbdConditionalExpectedPurchases(params, 1e9, { frequency: 10_000, recency: 39, T: 39 });
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThan(0);
    });
  });

  describe('error policy', () => {
    it('throws for invalid horizons and customers', () => {
      expectThrows(
        () => paretoNbdConditionalExpectedPurchases(params, Infinity, { frequency: 1, recency: 1, T: 2 }),
        RangeError,
        'paretoNbdConditionalExpectedPurchases',
        't (Infinity) must be a non-negative finite number',
      );
      expectThrows(
        () => paretoNbdConditionalExpectedPurchases(params, 1, [{ frequency: 1, recency: Number.NaN, T: 2 }]),
        RangeError,
        'paretoNbdConditionalExpectedPurchases',
        'row 0: recency (NaN) must be a finite number',
      );
      expectThrows(
        () => paretoNbdConditionalExpectedPurchases(params, 1, [null] as never),
        TypeError,
        'paretoNbdConditionalExpectedPurchases',
        'row 0: expected a customer object, got null',
      );
    });
  });
});
