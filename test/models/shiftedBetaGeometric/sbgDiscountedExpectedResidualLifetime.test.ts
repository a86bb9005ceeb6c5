import { describe, expect, it } from 'vitest';
import { sbgDiscountedExpectedResidualLifetime, sbgSurvival } from '../../../src/index.ts';
import { expectClose, expectThrows } from '../../helpers/expectClose.ts';

const p = { alpha: 0.668, beta: 3.806 }; // Fader & Hardie (2007), High End

describe('sbgDiscountedExpectedResidualLifetime', () => {
  it('DERL equals the brute-force discounted sum Σ_{t≥n} S(t)/S(n − 1)/(1 + d)^(t−n) (Fader & Hardie 2010)', () => {
    for (const [d, renewals] of [
      [0.1, 0],
      [0.1, 4],
      [0.01, 2],
    ] as const) {
      const n = renewals + 1;
      let sum = 0;
      const base = sbgSurvival(p, n - 1);
      for (let t = n; t < n + 20_000; t++) sum += sbgSurvival(p, t) / base / (1 + d) ** (t - n);
      expectClose(sbgDiscountedExpectedResidualLifetime(p, { discountRate: d, renewals }), sum, { rel: 1e-9 });
    }
  });

  it('DERL grows with renewals already made (survivors are the loyal ones)', () => {
    const a = sbgDiscountedExpectedResidualLifetime(p, { discountRate: 0.1 });
    const b = sbgDiscountedExpectedResidualLifetime(p, { discountRate: 0.1, renewals: 10 });
    expect(b).toBeGreaterThan(a);
  });

  describe('edge cases', () => {
    it('handles tiny discount rates', () => {
      expectClose(sbgDiscountedExpectedResidualLifetime({ alpha: 3, beta: 5 }, { discountRate: 1e-300 }), 5 / 2, {
        rel: 1e-12,
      });
      expect(sbgDiscountedExpectedResidualLifetime(p, { discountRate: 1e-300 })).toBe(Infinity);
    });
  });

  it('requires a positive discount rate', () => {
    expectThrows(
      () => sbgDiscountedExpectedResidualLifetime(p, { discountRate: 0 }),
      RangeError,
      'sbgDiscountedExpectedResidualLifetime',
      'discountRate (0)',
    );
    expectThrows(
      () => sbgDiscountedExpectedResidualLifetime(p, {} as never),
      TypeError,
      'sbgDiscountedExpectedResidualLifetime',
      'discountRate must be a number',
    );
  });
});
