import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRates } from '../../src/index.ts';

const sample = fc
  .integer({ min: 1, max: 5000 })
  .chain((trials) => fc.record({ successes: fc.integer({ min: 0, max: trials }), trials: fc.constant(trials) }));

describe('compareRates properties', () => {
  it('gives a p-value in [0, 1]', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const { pValue } = compareRates(a, b);
        expect(pValue).toBeGreaterThanOrEqual(0);
        expect(pValue).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('is symmetric in swapping the samples', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const ab = compareRates(a, b);
        const ba = compareRates(b, a);
        expect(ab.difference + ba.difference).toBe(0);
        expect(ab.pValue).toBe(ba.pValue);
        expect(ab.standardError).toBe(ba.standardError);
        expect(Math.abs(ab.confidenceInterval[0] + ba.confidenceInterval[1])).toBeLessThanOrEqual(1e-15);
      }),
      { numRuns: 200 },
    );
  });

  it('has an interval inside [−1, 1] that contains the difference', () => {
    fc.assert(
      fc.property(sample, sample, fc.double({ min: 0.5, max: 0.999, noNaN: true }), (a, b, confidenceLevel) => {
        const r = compareRates(a, b, { confidenceLevel });
        expect(r.confidenceInterval[0]).toBeGreaterThanOrEqual(-1);
        expect(r.confidenceInterval[1]).toBeLessThanOrEqual(1);
        expect(r.confidenceInterval[0]).toBeLessThanOrEqual(r.difference);
        expect(r.confidenceInterval[1]).toBeGreaterThanOrEqual(r.difference);
      }),
      { numRuns: 200 },
    );
  });

  it('gives p-value 1 for identical rates and a smaller p-value as the same rates are observed on more trials', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 50 }),
        (x, y, k) => {
          const small = compareRates({ successes: x, trials: 100 }, { successes: y, trials: 100 });
          const big = compareRates(
            { successes: x * (k + 1), trials: 100 * (k + 1) },
            { successes: y * (k + 1), trials: 100 * (k + 1) },
          );
          if (x === y) expect(small.pValue).toBe(1);
          else expect(big.pValue).toBeLessThanOrEqual(small.pValue);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('throws when successes exceed trials', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100 }), (trials, extra) => {
        expect(() => compareRates({ successes: trials + extra, trials }, { successes: 0, trials: 1 })).toThrow(
          RangeError,
        );
      }),
      { numRuns: 50 },
    );
  });
});
