import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoNbdPurchaseProbability, paretoNbdExpectedPurchases } from '../../../src/index.ts';
import { expectClose, expectThrows } from '../../helpers/expectClose.ts';

// Reference values: Fader & Hardie (2006), "Deriving an Expression for P(X(t) = x) Under the Pareto/NBD
// Model", eq. (13) (the ₂F₁ closed form), evaluated with mpmath 1.3.0 at 30 digits; each was also checked
// against mpmath's quadrature of the defining integral (agreement to 1e-22 or better).
const BTYD = { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.658 };
const MPMATH: [typeof BTYD, number, number, number][] = [
  [BTYD, 39, 0, 0.59374076582943580795],
  [BTYD, 39, 1, 0.16554637610802908055],
  [BTYD, 39, 2, 0.082466602947575430505],
  [BTYD, 39, 7, 0.010701442872184596684],
  [BTYD, 20, 3, 0.039846299634376113023],
  [BTYD, 1, 10, 4.603118205963852395e-12],
  [BTYD, 78, 25, 0.00064349619289535923539],
  [{ r: 2, alpha: 3, s: 1.5, beta: 8 }, 5, 2, 0.14638576102331150833],
  [{ r: 0.3, alpha: 15, s: 2, beta: 1 }, 52, 4, 0.00010449377945407625004],
  [{ r: 1, alpha: 1, s: 1, beta: 1 }, 1, 0, 0.625],
];

describe('paretoNbdPurchaseProbability', () => {
  it('matches 30-digit mpmath values of the closed form to 1e-12 relative', () => {
    for (const [p, t, n, expected] of MPMATH)
      expectClose(paretoNbdPurchaseProbability(p, t, n), expected, { rel: 1e-12 });
  });

  it('returns an array for an array of counts', () => {
    const out = paretoNbdPurchaseProbability(BTYD, 39, [0, 1, 2]);
    expectClose(out[1] as number, 0.16554637610802908055, { rel: 1e-12 });
    expect(out).toHaveLength(3);
  });

  it('sums to 1 over n and has the mean E[X(t)] (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: 0.5, max: 30, noNaN: true }),
        fc.double({ min: 0.2, max: 3, noNaN: true }),
        fc.double({ min: 0.5, max: 30, noNaN: true }),
        fc.double({ min: 0.01, max: 60, noNaN: true }),
        (r, alpha, s, beta, t) => {
          const p = { r, alpha, s, beta };
          const n = Array.from({ length: 400 }, (_, k) => k);
          const q = paretoNbdPurchaseProbability(p, t, n);
          const total = q.reduce((a, b) => a + b, 0);
          const mean = q.reduce((a, b, k) => a + k * b, 0);
          for (const v of q) expect(v >= 0 && v <= 1).toBe(true);
          // only where the tail beyond n = 399 is negligible (small r and α give a very long tail)
          if ((q[399] as number) * 400 * 400 > 1e-12) return;
          expectClose(total, 1, { rel: 1e-9 });
          expectClose(mean, paretoNbdExpectedPurchases(p, t), { rel: 1e-7, abs: 1e-12 });
        },
      ),
      { numRuns: 25 },
    );
  });

  describe('edge cases', () => {
    it('is certain at t = 0 and tiny, not negative, for short t and many purchases', () => {
      expect(paretoNbdPurchaseProbability(BTYD, 0, [0, 1])).toStrictEqual([1, 0]);
      const v = paretoNbdPurchaseProbability(BTYD, 0.01, 30);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1e-60);
    });

    it('throws for bad arguments', () => {
      expectThrows(() => paretoNbdPurchaseProbability(BTYD, -1, 0), RangeError, 'paretoNbdPurchaseProbability', 't');
      expectThrows(() => paretoNbdPurchaseProbability(BTYD, 1, 1.5), RangeError, 'paretoNbdPurchaseProbability', 'n');
      expectThrows(
        () => paretoNbdPurchaseProbability({ ...BTYD, s: 0 }, 1, 1),
        RangeError,
        'paretoNbdPurchaseProbability',
        'params.s',
      );
    });
  });
});
