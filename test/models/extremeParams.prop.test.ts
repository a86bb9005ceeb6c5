import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bgBbConditionalExpectedPurchases,
  bgBbExpectedPurchases,
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdProbabilityAlive,
  sbgDiscountedExpectedResidualLifetime,
} from '../../src/index.ts';
import {
  aliveExpectedPurchasesByQuadrature,
  aliveExpectedPurchasesBySeries,
} from '../../src/internal/models/betaDropoutKernel.ts';
import { bgBbParamsWide, bgNbdParamsWide, logUniform, modelCustomerWide, positive } from './arbitraries.ts';

// Issue #16: the models over their whole documented domain (parameters 1e-6…1e6, frequency to 10,000,
// horizons to 1e5 model time units), checking values against bounds that hold exactly and against a
// second computation, not only that they are finite.
const horizon = logUniform(1e-6, 1e5);

/** (1 − ((α + T)/(α + T + t))^(r+x)) ≤ E/P(alive) ≤ (r + x)·t/(α + T), with a relative slack for rounding. */
function expectWithinBounds(
  value: number,
  alive: number,
  p: { r: number; alpha: number },
  t: number,
  c: { frequency: number; T: number },
) {
  const R = p.r + c.frequency;
  const A = p.alpha + c.T;
  const upper = alive * ((R * t) / A);
  const lower = alive * -Math.expm1(-R * Math.log1p(t / A));
  expect(Number.isFinite(value)).toBe(true);
  expect(value).toBeGreaterThanOrEqual(lower * (1 - 1e-9));
  expect(value).toBeLessThanOrEqual(upper * (1 + 1e-9));
}

describe('BG/NBD and MBG/NBD expectations over the documented domain', () => {
  it('BG/NBD: within P(alive)·[1 − (A/(A + t))^R, R·t/A] and non-decreasing in t', () => {
    fc.assert(
      fc.property(bgNbdParamsWide, modelCustomerWide, horizon, positive(1, 4), (p, c, t, k) => {
        const v = bgNbdConditionalExpectedPurchases(p, t, c);
        expectWithinBounds(v, bgNbdProbabilityAlive(p, c), p, t, c);
        const w = bgNbdConditionalExpectedPurchases(p, t * k, c);
        expect(w).toBeGreaterThanOrEqual(v * (1 - 1e-9));
      }),
      { numRuns: 300 },
    );
  });

  it('MBG/NBD: within the same bounds and non-decreasing in t', () => {
    fc.assert(
      fc.property(bgNbdParamsWide, modelCustomerWide, horizon, positive(1, 4), (p, c, t, k) => {
        const v = mbgNbdConditionalExpectedPurchases(p, t, c);
        expectWithinBounds(v, mbgNbdProbabilityAlive(p, c), p, t, c);
        const w = mbgNbdConditionalExpectedPurchases(p, t * k, c);
        expect(w).toBeGreaterThanOrEqual(v * (1 - 1e-9));
      }),
      { numRuns: 300 },
    );
  });

  it('the positive series and the quadrature agree to 1e-11 wherever the series is used', () => {
    const R = logUniform(1e-6, 1e6 + 1e4);
    fc.assert(
      fc.property(R, logUniform(1e-6, 1e6), logUniform(1e-6, 1e6), logUniform(1e-6, 1e6), horizon, (r, A, a, B, t) => {
        const series = aliveExpectedPurchasesBySeries(r, A, a, B, t);
        fc.pre(series !== undefined);
        const quad = aliveExpectedPurchasesByQuadrature(r, A, a, B, t);
        expect(Math.abs((series as number) - quad)).toBeLessThanOrEqual(1e-11 * quad);
      }),
      { numRuns: 200 },
    );
  });
});

describe('BG/BB and sBG over the documented domain', () => {
  const customer = fc.integer({ min: 1, max: 1_000_000 }).chain((n) =>
    fc.integer({ min: 0, max: n }).chain((tx) =>
      fc.record({
        frequency: tx === 0 ? fc.constant(0) : fc.integer({ min: 1, max: tx }),
        recency: fc.constant(tx),
        opportunities: fc.constant(n),
      }),
    ),
  );
  const future = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 1_000_000 }));

  it('BG/BB expected purchases never exceed the opportunities', () => {
    fc.assert(
      fc.property(bgBbParamsWide, customer, future, (p, c, f) => {
        const v = bgBbConditionalExpectedPurchases(p, c, { futurePeriods: f });
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(f);
        const u = bgBbExpectedPurchases(p, Math.max(1, f));
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThanOrEqual(Math.max(1, f));
      }),
      { numRuns: 60 },
    );
  });

  it('sBG DERL lies between its first term and first/(1 − 1/(1 + d))', () => {
    fc.assert(
      fc.property(
        logUniform(1e-6, 1e6),
        logUniform(1e-6, 1e6),
        logUniform(1e-4, 10),
        fc.integer({ min: 0, max: 1000 }),
        (alpha, beta, d, renewals) => {
          const v = sbgDiscountedExpectedResidualLifetime({ alpha, beta }, { discountRate: d, renewals });
          const b1 = beta + renewals;
          const first = b1 / (alpha + b1);
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(first * (1 - 1e-12));
          expect(v).toBeLessThanOrEqual((first * (1 + d)) / d + 1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });
});
