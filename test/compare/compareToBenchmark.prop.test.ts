import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareToBenchmark } from '../../src/index.ts';

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

describe('compareToBenchmark properties', () => {
  it('flips the verdict when the direction flips, unless equal', () => {
    fc.assert(
      fc.property(finite, finite, (value, benchmark) => {
        const up = compareToBenchmark(value, benchmark, { higherIsBetter: true }).verdict;
        const down = compareToBenchmark(value, benchmark, { higherIsBetter: false }).verdict;
        if (up === 'equal') expect(down).toBe('equal');
        else expect(down).toBe(up === 'better' ? 'worse' : 'better');
      }),
      { numRuns: 200 },
    );
  });

  it('is antisymmetric in swapping value and benchmark', () => {
    fc.assert(
      fc.property(finite, finite, fc.boolean(), (value, benchmark, higherIsBetter) => {
        const ab = compareToBenchmark(value, benchmark, { higherIsBetter });
        const ba = compareToBenchmark(benchmark, value, { higherIsBetter });
        expect(ab.difference + ba.difference).toBe(0);
        if (ab.verdict === 'equal') expect(ba.verdict).toBe('equal');
        else expect(ba.verdict).not.toBe(ab.verdict);
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with the sign of the difference and relativeDifference = ratio − 1 for positive benchmarks', () => {
    fc.assert(
      fc.property(finite, fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (value, benchmark) => {
        const r = compareToBenchmark(value, benchmark, { higherIsBetter: true });
        expect(Math.sign(r.relativeDifference)).toBe(Math.sign(r.difference) || 0);
        expect(Math.abs(r.relativeDifference - (r.ratio - 1))).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(r.ratio)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('throws for non-finite inputs', () => {
    fc.assert(
      fc.property(fc.constantFrom(Number.NaN, Infinity, -Infinity), finite, (bad, ok) => {
        expect(() => compareToBenchmark(bad, ok, { higherIsBetter: true })).toThrow(RangeError);
        expect(() => compareToBenchmark(ok, bad, { higherIsBetter: true })).toThrow(RangeError);
      }),
      { numRuns: 30 },
    );
  });

  it('is significant exactly when the benchmark lies outside the interval (score and Wald tests)', () => {
    const proportion = fc.double({ min: 0, max: 1, noNaN: true });
    const level = fc.constantFrom(0.8, 0.9, 0.95, 0.99);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        proportion,
        level,
        (n, share, p0, confidenceLevel) => {
          // an observed proportion: successes of n trials
          const p = Math.round(share * n) / n;
          const r = compareToBenchmark(p, p0, { higherIsBetter: true, sampleSize: n, confidenceLevel });
          const [lo, hi] = r.interval as [number, number];
          expect(0 <= lo && lo <= p && p <= hi && hi <= 1).toBe(true);
          expect((r.pValue as number) >= 0 && (r.pValue as number) <= 1).toBe(true);
          // at the edge of the interval the two sides of the comparison are equal up to rounding
          // (and a benchmark exactly on a bound that rounded there, e.g. p = 5e-324 against 0)
          if (Math.abs((r.pValue as number) - (1 - confidenceLevel)) < 1e-9 || p0 === lo || p0 === hi) return;
          expect(r.significant).toBe(p0 < lo || p0 > hi);
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        finite,
        finite,
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        level,
        (v, b, se, confidenceLevel) => {
          const r = compareToBenchmark(v, b, { higherIsBetter: true, standardError: se, confidenceLevel });
          const [lo, hi] = r.interval as [number, number];
          if (Math.abs((r.pValue as number) - (1 - confidenceLevel)) < 1e-9) return;
          expect(r.significant).toBe(b < lo || b > hi);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('gets more significant as the sample grows (same gap)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.integer({ min: 1, max: 10_000 }),
        (p, p0, n) => {
          const small = compareToBenchmark(p, p0, { higherIsBetter: true, sampleSize: n }).pValue as number;
          const large = compareToBenchmark(p, p0, { higherIsBetter: true, sampleSize: 4 * n }).pValue as number;
          expect(large).toBeLessThanOrEqual(small + 1e-12);
        },
      ),
      { numRuns: 500 },
    );
  });
});
