import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdoutComparison, modelSummary, periodTransactions } from '../../src/index.ts';
import { expectClose } from '../helpers/expectClose.ts';
import { BTYD_BG_NBD, BTYD_PARETO_NBD } from './cdnow.ts';

// Properties of the diagnostics that have no fast-check test of their own elsewhere (trackingTransactions,
// holdoutScorecard, aliveHistory and expectedTotals have theirs in their test files).

const MODELS = [
  BTYD_BG_NBD,
  BTYD_PARETO_NBD,
  { model: 'mbgNbd', params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } },
] as const;

/** A valid calibration/holdout row: x repeat purchases, the last at tₓ ≤ T, a holdout count and length. */
const row = fc
  .tuple(
    fc.integer({ min: 0, max: 12 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 1, max: 60, noNaN: true }),
    fc.integer({ min: 0, max: 15 }),
    fc.double({ min: 1, max: 60, noNaN: true }),
  )
  .map(([x, share, T, holdoutFrequency, holdoutDuration]) => ({
    frequency: x,
    recency: x === 0 ? 0 : share * T,
    T,
    holdoutFrequency,
    holdoutDuration,
  }));
const rows = fc.array(row, { minLength: 1, maxLength: 40 });
const modelArb = fc.constantFrom(...MODELS);
const weights = (n: number) => fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n });

describe('periodTransactions (properties)', () => {
  it('counts every customer once and expects Σ weights in all, whatever the cut-off', () => {
    fc.assert(
      fc.property(rows, modelArb, fc.integer({ min: 1, max: 10 }), (data, model, k) => {
        const bins = periodTransactions(data, model, { maxFrequency: k });
        expect(bins).toHaveLength(k + 1);
        expect(bins.reduce((s, b) => s + b.actual, 0)).toBe(data.length);
        expectClose(
          bins.reduce((s, b) => s + b.expected, 0),
          data.length,
          { rel: 1e-9 },
        );
        for (const b of bins) expect(b.expected).toBeGreaterThanOrEqual(0);
        // a lower cut-off merges the top bins and leaves the others alone
        if (k > 1) {
          const coarse = periodTransactions(data, model, { maxFrequency: k - 1 });
          for (let n = 0; n < k - 1; n++)
            expectClose(coarse[n]!.expected, bins[n]!.expected, { rel: 1e-12, abs: 1e-300 });
          expectClose(coarse[k - 1]!.expected, bins[k - 1]!.expected + bins[k]!.expected, { rel: 1e-9, abs: 1e-12 });
          expect(coarse[k - 1]!.actual).toBe(bins[k - 1]!.actual + bins[k]!.actual);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('weights a row like copies and does not depend on the order of rows', () => {
    fc.assert(
      fc.property(
        rows.chain((data) => fc.tuple(fc.constant(data), weights(data.length))),
        modelArb,
        ([data, w], model) => {
          const weighted = periodTransactions(data, model, { weights: w, maxFrequency: 5 });
          const copies = data.flatMap((r, i) => Array.from({ length: w[i]! }, () => r));
          const copied = periodTransactions(copies, model, { maxFrequency: 5 });
          const reversed = periodTransactions([...copies].reverse(), model, { maxFrequency: 5 });
          weighted.forEach((b, n) => {
            expect(b.actual).toBe(copied[n]!.actual);
            expectClose(b.expected, copied[n]!.expected, { rel: 1e-10, abs: 1e-12 });
            expectClose(reversed[n]!.expected, copied[n]!.expected, { rel: 1e-10, abs: 1e-12 });
          });
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('holdoutComparison (properties)', () => {
  it('bins every customer once both ways; the bin means pool to the same overall means', () => {
    fc.assert(
      fc.property(rows, modelArb, fc.integer({ min: 1, max: 8 }), (data, model, bins) => {
        const { byFrequency, byRecency } = holdoutComparison(data, model, { recencyBins: bins });
        expect(byFrequency.reduce((s, r) => s + r.customers, 0)).toBe(data.length);
        expect(byRecency.reduce((s, r) => s + r.customers, 0)).toBe(data.length);
        const pool = (
          list: readonly { customers: number; actual: number; expected: number }[],
          key: 'actual' | 'expected',
        ) => list.reduce((s, r) => s + (r.customers > 0 ? r.customers * r[key] : 0), 0);
        const actual = data.reduce((s, r) => s + r.holdoutFrequency, 0);
        expectClose(pool(byFrequency, 'actual'), actual, { rel: 1e-12, abs: 1e-12 });
        expectClose(pool(byRecency, 'actual'), actual, { rel: 1e-12, abs: 1e-12 });
        expectClose(pool(byRecency, 'expected'), pool(byFrequency, 'expected'), { rel: 1e-10, abs: 1e-12 });
        for (const r of [...byFrequency, ...byRecency]) {
          if (r.customers === 0) {
            expect(r.actual).toBeNaN();
            expect(r.expected).toBeNaN();
          } else expect(r.expected).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('does not depend on the order of rows', () => {
    fc.assert(
      fc.property(rows, modelArb, (data, model) => {
        const a = holdoutComparison(data, model);
        const b = holdoutComparison([...data].reverse(), model);
        a.byFrequency.forEach((r, n) => {
          expect(b.byFrequency[n]!.customers).toBe(r.customers);
          if (r.customers > 0) expectClose(b.byFrequency[n]!.expected, r.expected, { rel: 1e-12, abs: 1e-300 });
        });
      }),
      { numRuns: 30 },
    );
  });
});

describe('modelSummary (properties)', () => {
  const covariance = fc
    .array(fc.double({ min: 0.001, max: 0.2, noNaN: true }), { minLength: 4, maxLength: 4 })
    .map((d) => d.map((v, i) => d.map((_, j) => (i === j ? v : 0))));

  it('AIC = 2k − 2ℓ, BIC = k·ln n − 2ℓ; intervals hold the estimate and widen with the level', () => {
    fc.assert(
      fc.property(
        rows,
        modelArb,
        covariance,
        fc.double({ min: 0.5, max: 0.98, noNaN: true }),
        (data, model, cov, level) => {
          const fit = { ...model, logCovariance: cov };
          const s = modelSummary(fit, data, { confidenceLevel: level });
          const k = s.parameters.length;
          expect(s.customers).toBe(data.length);
          expectClose(s.aic, 2 * k - 2 * s.logLikelihood, { rel: 1e-12 });
          expectClose(s.bic, k * Math.log(data.length) - 2 * s.logLikelihood, { rel: 1e-12 });
          const wider = modelSummary(fit, data, { confidenceLevel: Math.min(0.999, level + 0.01) });
          s.parameters.forEach((p, j) => {
            expect(p.lower).toBeLessThan(p.estimate);
            expect(p.upper).toBeGreaterThan(p.estimate);
            expect(p.standardError).toBeGreaterThan(0);
            expect(wider.parameters[j]!.upper).toBeGreaterThan(p.upper);
            expect(wider.parameters[j]!.lower).toBeLessThan(p.lower);
          });
        },
      ),
      { numRuns: 30 },
    );
  });

  it('the likelihood-ratio statistic is 2·(ℓ − ℓ₀), its p-value falls as it grows', () => {
    fc.assert(
      fc.property(rows, modelArb, fc.double({ min: 0, max: 20, noNaN: true }), (data, model, gap) => {
        const full = modelSummary(model, data);
        const test = (g: number) =>
          modelSummary(model, data, { restricted: { logLikelihood: full.logLikelihood - g, parameters: 2 } })
            .likelihoodRatio!;
        const lr = test(gap);
        expectClose(lr.statistic, 2 * gap, { rel: 1e-9, abs: 1e-9 });
        expect(lr.degreesOfFreedom).toBe(2);
        expect(lr.pValue).toBeGreaterThanOrEqual(0);
        expect(lr.pValue).toBeLessThanOrEqual(1);
        expect(test(gap + 1).pValue).toBeLessThan(lr.pValue);
      }),
      { numRuns: 30 },
    );
  });
});
