import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentileRank } from '../../src/index.ts';

const small = fc.integer({ min: -20, max: 20 });

describe('percentileRank properties', () => {
  it('lies in [0, 1] and orders strict ≤ mean ≤ weak', () => {
    fc.assert(
      fc.property(small, fc.array(small, { minLength: 1, maxLength: 30 }), (value, peers) => {
        const strict = percentileRank(value, peers, { ties: 'strict' });
        const mean = percentileRank(value, peers);
        const weak = percentileRank(value, peers, { ties: 'weak' });
        expect(strict).toBeGreaterThanOrEqual(0);
        expect(weak).toBeLessThanOrEqual(1);
        expect(strict).toBeLessThanOrEqual(mean);
        expect(mean).toBeLessThanOrEqual(weak);
        expect(Math.abs(mean - (strict + weak) / 2)).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('is non-decreasing in the value and invariant under permutation of peers', () => {
    fc.assert(
      fc.property(small, small, fc.array(small, { minLength: 1, maxLength: 30 }), (a, b, peers) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(percentileRank(lo, peers)).toBeLessThanOrEqual(percentileRank(hi, peers));
        expect(percentileRank(a, [...peers].reverse())).toBe(percentileRank(a, peers));
      }),
      { numRuns: 200 },
    );
  });

  it('is symmetric: the rank of −value among −peers is 1 − rank', () => {
    fc.assert(
      fc.property(small, fc.array(small, { minLength: 1, maxLength: 30 }), (value, peers) => {
        const mirrored = percentileRank(
          -value,
          peers.map((p) => -p),
        );
        expect(Math.abs(mirrored - (1 - percentileRank(value, peers)))).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('ranks n distinct peers of themselves at (i + 0.5)/n', () => {
    fc.assert(
      fc.property(fc.uniqueArray(small, { minLength: 1, maxLength: 30 }), (peers) => {
        const sorted = [...peers].sort((x, y) => x - y);
        sorted.forEach((p, i) => {
          expect(Math.abs(percentileRank(p, peers) - (i + 0.5) / peers.length)).toBeLessThanOrEqual(1e-12);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('throws for a non-finite peer', () => {
    fc.assert(
      fc.property(fc.array(small, { maxLength: 5 }), fc.constantFrom(Number.NaN, Infinity, -Infinity), (peers, bad) => {
        expect(() => percentileRank(0, [...peers, bad])).toThrow(RangeError);
      }),
      { numRuns: 30 },
    );
  });
});
