import { describe, expect, it } from 'vitest';
import { paretoNbdProbabilityAlive } from '../../../src/index.ts';
import { deepFreeze, expectClose, expectThrows } from '../../helpers/expectClose.ts';

const params = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

describe('paretoNbdProbabilityAlive', () => {
  it('reproduces the BTYD walkthrough value P(alive) = 0.9979 for x = 26, tₓ = 30.86, T = 31', () => {
    // BTYD vignette "BTYD walkthrough", p. 8, with its parameters (0.5534, 10.5802, 0.6061, 11.6562).
    const btyd = { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 };
    expectClose(paretoNbdProbabilityAlive(btyd, { frequency: 26, recency: 30.86, T: 31 }), 0.9979, { abs: 5e-5 });
  });

  it('agrees with a 40-digit mpmath evaluation of the closed form', () => {
    // mpmath 1.x, mp.dps = 40, hyp2f1 on the published branch formula (Fader & Hardie 2005 note, eq. 18).
    const cases: [number, number, number, number][] = [
      [0, 0, 38.86, 0.29528660461689416],
      [2, 30.43, 38.86, 0.8691675591530112],
      [26, 30.86, 31, 0.99791873105515828],
      [500, 36.5, 37, 0.81018839267637014],
      [400, 5, 6, 1.0272551404324141e-8],
    ];
    for (const [frequency, recency, T, expected] of cases) {
      expectClose(paretoNbdProbabilityAlive(params, { frequency, recency, T }), expected, { rel: 1e-9 });
    }
  });

  it('is vectorised over rows and columns', () => {
    const rows = deepFreeze([
      { frequency: 0, recency: 0, T: 38.86 },
      { frequency: 2, recency: 30.43, T: 38.86 },
    ]);
    const a = paretoNbdProbabilityAlive(params, rows);
    const b = paretoNbdProbabilityAlive(params, {
      frequency: [0, 2],
      recency: new Float64Array([0, 30.43]),
      T: [38.86, 38.86],
    });
    expect(a).toEqual(b);
    expect(a).toHaveLength(2);
  });

  describe('edge cases', () => {
    it('returns 1 when the last purchase is now (recency = T), including at T = 0', () => {
      expect(paretoNbdProbabilityAlive(params, { frequency: 3, recency: 20, T: 20 })).toBe(1);
      expect(paretoNbdProbabilityAlive(params, { frequency: 0, recency: 0, T: 0 })).toBe(1);
    });

    it('returns 0, not NaN, for extreme heavy buyers who went silent', () => {
      // mpmath: 1.38e-728 and 6.87e-432, below the smallest double.
      expect(paretoNbdProbabilityAlive(params, { frequency: 1000, recency: 10, T: 100 })).toBe(0);
      expect(paretoNbdProbabilityAlive(params, { frequency: 5000, recency: 30, T: 39 })).toBe(0);
      // The lifetimes overflow case (ParetoNBDFitter test_conditional_probability_alive_overflow_error).
      const q = { r: 10.465, alpha: 7.98565181e-3, s: 3.0516, beta: 2.82 };
      const out = paretoNbdProbabilityAlive(q, { frequency: [40, 50, 50], recency: [5, 1, 4], T: [6, 37, 37] });
      for (const v of out) expect(v >= 0 && v <= 1).toBe(true);
      expectClose(out[0] ?? Number.NaN, 0.0018851281873608511, { rel: 1e-9 });
    });

    it('returns an empty array for no customers', () => {
      expect(paretoNbdProbabilityAlive(params, [])).toEqual([]);
    });
  });

  describe('error policy', () => {
    it('throws for invalid params and customers', () => {
      expectThrows(
        () => paretoNbdProbabilityAlive({ ...params, beta: -1 }, { frequency: 1, recency: 1, T: 2 }),
        RangeError,
        'paretoNbdProbabilityAlive',
        'params.beta (-1) must be greater than 0',
      );
      expectThrows(
        () => paretoNbdProbabilityAlive({ r: 1 } as never, { frequency: 1, recency: 1, T: 2 }),
        TypeError,
        'paretoNbdProbabilityAlive',
        'params.alpha must be a number, got undefined',
      );
      expectThrows(
        () => paretoNbdProbabilityAlive(params, { frequency: 1, recency: 3, T: 2 }),
        RangeError,
        'paretoNbdProbabilityAlive',
        'row 0: recency (3) must not exceed T (2)',
      );
      expectThrows(
        () => paretoNbdProbabilityAlive(params, { frequency: -1, recency: 0, T: 2 }),
        RangeError,
        'paretoNbdProbabilityAlive',
        'row 0: frequency (-1) must be a non-negative integer',
      );
      expectThrows(
        () => paretoNbdProbabilityAlive(params, 'x' as never),
        TypeError,
        'paretoNbdProbabilityAlive',
        'customer must be',
      );
    });
  });
});
