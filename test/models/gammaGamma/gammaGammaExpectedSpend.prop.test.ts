import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gammaGammaExpectedSpend } from '../../../src/index.ts';
import { positive } from '../arbitraries.ts';

describe('Gamma-Gamma properties', () => {
  it('expected spend lies between the population mean and the customer mean (credibility weighting)', () => {
    fc.assert(
      fc.property(
        positive(0.1, 50),
        positive(1.01, 50),
        positive(0.1, 1000),
        fc.integer({ min: 1, max: 10_000 }),
        positive(0.01, 1e4),
        (p, q, v, x, m) => {
          const e = gammaGammaExpectedSpend({ p, q, v }, { frequency: x, monetaryValue: m });
          const population = (p * v) / (q - 1);
          expect(e).toBeGreaterThanOrEqual(Math.min(population, m) * (1 - 1e-12));
          expect(e).toBeLessThanOrEqual(Math.max(population, m) * (1 + 1e-12));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('throws RangeError for non-positive parameters', () => {
    fc.assert(
      fc.property(fc.double({ max: 0, noNaN: true }), (bad) => {
        expect(() => gammaGammaExpectedSpend({ p: bad, q: 2, v: 1 }, { frequency: 1, monetaryValue: 1 })).toThrow(
          RangeError,
        );
      }),
      { numRuns: 100 },
    );
  });
});
