import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaGeometricLogLikelihood } from '../../../src/internal/models/betaGeometricLikelihood.ts';
import { bgNbdPurchaseProbabilityOne } from '../../../src/internal/models/bgNbdKernel.ts';
import { mbgNbdPurchaseProbabilityOne } from '../../../src/internal/models/mbgNbdKernel.ts';
import { logBeta, logGamma } from '../../../src/internal/special.ts';
import { expectClose } from '../../helpers/expectClose.ts';
import { expectGradientMatchesDifferences } from '../../models/gradient.ts';

/** The per-customer likelihood written straight from the papers (FHL 2005 eq. 6; Batislam et al. 2007 eq. 6). */
function direct(shift: 0 | 1, r: number, alpha: number, a: number, b: number, x: number, tx: number, T: number) {
  const head = logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + logBeta(a, b + x + shift) - logBeta(a, b);
  const first = (alpha + T) ** -(r + x);
  const second = x > 0 || shift === 1 ? (a / (b + x - 1 + shift)) * (alpha + tx) ** -(r + x) : 0;
  return head + Math.log(first + second);
}

const rows = fc.array(
  fc.record({
    x: fc.integer({ min: 0, max: 12 }),
    tx: fc.double({ min: 0, max: 30, noNaN: true }),
    gap: fc.double({ min: 0, max: 20, noNaN: true }),
    w: fc.integer({ min: 0, max: 4 }),
  }),
  { minLength: 1, maxLength: 30 },
);
const params = fc.tuple(
  fc.double({ min: 0.1, max: 3, noNaN: true }),
  fc.double({ min: 0.5, max: 20, noNaN: true }),
  fc.double({ min: 0.2, max: 3, noNaN: true }),
  fc.double({ min: 0.2, max: 5, noNaN: true }),
);

describe('betaGeometricLogLikelihood (BG/NBD shift 0, MBG/NBD shift 1)', () => {
  it('is the weighted sum of the per-customer closed form, with a gradient that matches differences', () => {
    fc.assert(
      fc.property(rows, params, fc.constantFrom<0 | 1>(0, 1), (data, [r, alpha, a, b], shift) => {
        const f = Float64Array.from(data, (d) => d.x);
        const tx = Float64Array.from(data, (d) => (d.x === 0 ? 0 : d.tx));
        const T = Float64Array.from(data, (d, i) => (tx[i] as number) + d.gap + 0.5);
        const w = Float64Array.from(data, (d) => d.w);
        const ll = betaGeometricLogLikelihood(f, tx, T, w, shift);
        let expected = 0;
        for (let i = 0; i < data.length; i++)
          if ((w[i] as number) > 0)
            expected +=
              (w[i] as number) * direct(shift, r, alpha, a, b, f[i] as number, tx[i] as number, T[i] as number);
        const x = Float64Array.from([r, alpha, a, b], Math.log);
        expectClose(ll(x), expected, { rel: 1e-10, abs: 1e-10 });
        expectGradientMatchesDifferences(ll, x);
      }),
      { numRuns: 150 },
    );
  });

  it('gives a customer without repeat purchases ln P(X(T) = 0) of the model', () => {
    const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // FHL (2005), CDNOW
    const x = Float64Array.from([p.r, p.alpha, p.a, p.b], Math.log);
    for (const T of [0.5, 10, 38.86]) {
      const one = (shift: 0 | 1) =>
        betaGeometricLogLikelihood(
          Float64Array.of(0),
          Float64Array.of(0),
          Float64Array.of(T),
          Float64Array.of(1),
          shift,
        )(x);
      expectClose(one(0), Math.log(bgNbdPurchaseProbabilityOne(p, T, 0)), { rel: 1e-13 });
      expectClose(one(1), Math.log(mbgNbdPurchaseProbabilityOne(p, T, 0)), { rel: 1e-13 });
      expect(one(1)).toBeGreaterThan(one(0)); // MBG/NBD: a drop-out at time 0 also makes no purchase
    }
  });
});
