import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgBbSeries } from '../../../src/internal/models/bgBbSeries.ts';
import { bgBbLogLikelihood, readBgBbCustomers } from '../../../src/internal/models/bgBbKernel.ts';
import { digamma, logBeta } from '../../../src/internal/special.ts';
import { expectGradientMatchesDifferences } from '../../models/gradient.ts';

/** The oracle: Σ_{i<m} B(A, B + i)·B(G, D + i) term by term (compensated, in log space), and its weighted digammas. */
function direct(A: number, B: number, G: number, D: number, m: number) {
  const logs = new Float64Array(m);
  let top = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < m; i++) {
    logs[i] = logBeta(A, B + i) + logBeta(G, D + i);
    top = Math.max(top, logs[i] as number);
  }
  let sum = 0;
  let comp = 0;
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  for (let i = 0; i < m; i++) {
    const t = Math.exp((logs[i] as number) - top);
    const s = sum + t;
    comp += Math.abs(sum) >= t ? sum - s + t : t - s + sum;
    sum = s;
    w0 += t * digamma(A + B + i);
    w1 += t * (digamma(B + i) - digamma(A + B + i));
    w2 += t * digamma(G + D + i);
    w3 += t * (digamma(D + i) - digamma(G + D + i));
  }
  const total = sum + comp;
  return { logSum: top + Math.log(total), weights: [w0, w1, w2, w3].map((x) => x / total) };
}

const logUniform = (lo: number, hi: number) =>
  fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map((x) => Math.exp(x));

// Issue 16, item 9: the BG/BB likelihood summed one term per opportunity (40 s to fit two customers at 10⁶
// opportunities). bgBbSeries sums at bounded cost; here it agrees with the term-by-term sum.
describe('bgBbSeries', () => {
  it('agrees with the term-by-term sum over the whole parameter domain (1e-6 … 1e6)', () => {
    fc.assert(
      fc.property(
        logUniform(1e-6, 1e6),
        logUniform(1e-6, 1e6),
        logUniform(1e-6, 1e6),
        logUniform(1e-6, 1e6),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 20_000 }),
        (alpha, beta, gamma, delta, tx, m) => {
          const A = alpha + Math.min(tx, 5);
          const B = beta + tx - Math.min(tx, 5);
          const G = gamma + 1;
          const D = delta + tx;
          const got = bgBbSeries(A, B, G, D, m, true);
          const want = direct(A, B, G, D, m);
          // ln S to 1e-11 relative to its size (the oracle's own log-beta terms are that accurate)
          expect(Math.abs(got.logSum - want.logSum)).toBeLessThanOrEqual(1e-11 * Math.max(1, Math.abs(want.logSum)));
          const means = [got.psiAB, got.psiB, got.psiGD, got.psiD];
          means.forEach((v, k) => {
            const ref = want.weights[k] as number;
            expect(Math.abs(v - ref)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(ref)));
          });
        },
      ),
      { numRuns: 150, seed: 16 },
    );
  });

  it('sums a million opportunities like the term-by-term sum, where the terms fall slowly', () => {
    // Σ i^(−1.01)-like tails: the heaviest the model allows (A and γ near 0)
    for (const [A, B, G, D] of [
      [0.1, 0.3, 1.01, 0.2],
      [0.01, 1e-6, 1.000001, 1e-6],
      [2, 2000, 1.001, 3000],
      [1000, 1e5, 1.5, 2],
    ] as const) {
      const got = bgBbSeries(A, B, G, D, 1e6, false).logSum;
      const want = direct(A, B, G, D, 1e6).logSum;
      expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-11 * Math.max(1, Math.abs(want)));
    }
  });
});

describe('bgBbLogLikelihood at a million opportunities', () => {
  it('has an analytic gradient that matches central differences', () => {
    const data = readBgBbCustomers(
      'fitBgBb',
      'customers',
      [
        { frequency: 0, recency: 0, opportunities: 1e6 },
        { frequency: 3, recency: 10, opportunities: 1e6 },
        { frequency: 40, recency: 900, opportunities: 1e6 },
      ],
      false,
    );
    const ll = bgBbLogLikelihood(data, Float64Array.of(1, 2, 1));
    for (const p of [
      [1.2, 0.75, 0.66, 2.78],
      [0.01, 5, 0.02, 300],
      [50, 1e4, 0.5, 1e5],
    ]) {
      expectGradientMatchesDifferences(ll, Float64Array.from(p, Math.log));
    }
  });
});
