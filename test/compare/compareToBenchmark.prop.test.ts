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
});
