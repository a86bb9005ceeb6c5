import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastExp } from '../../src/internal/fastMath.ts';

// mpmath at 200 bits (test/fixtures/fast_math_mpmath.py): [x, hi, lo] with hi + lo the exact value to ~2⁻¹⁰⁶
const fixture = JSON.parse(readFileSync(new URL('../fixtures/fast_math_mpmath.json', import.meta.url), 'utf8')) as {
  exp: [number, number, number][];
};

/** The spacing of doubles at |v| (the ulp of the binade of v; 2⁻¹⁰⁷⁴ for subnormals). */
function ulp(v: number): number {
  const a = Math.abs(v);
  if (a < 2 ** -1022) return 2 ** -1074;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  if (2 ** (e + 1) <= a) e++;
  return 2 ** (e - 52);
}
/** |actual − (hi + lo)| in ulps of hi, without rounding away the remainder. */
const ulps = (actual: number, hi: number, lo: number) => Math.abs(actual - hi - lo) / ulp(hi);

describe('fastExp against mpmath (200 bits)', () => {
  it(`is within 1 ulp at ${fixture.exp.length} points over −708 < x < 709`, () => {
    let worst = 0;
    for (const [x, hi, lo] of fixture.exp) {
      const e = ulps(fastExp(x), hi, lo);
      if (!(e <= 1)) expect.fail(`fastExp(${x}) = ${fastExp(x)}, exact ${hi} + ${lo}: ${e} ulp`);
      worst = Math.max(worst, e);
    }
    expect(worst).toBeGreaterThan(0.4); // the points do reach the rounding error (the check is not vacuous)
  });
});

describe('fastExp against Math.exp', () => {
  it('agrees to 2.5e-16 relative (each within about 1 ulp of the exact value)', () => {
    fc.assert(
      fc.property(fc.double({ min: -707.9, max: 708.9, noNaN: true }), (x) => {
        const m = Math.exp(x);
        expect(Math.abs(fastExp(x) - m)).toBeLessThanOrEqual(2.5e-16 * m);
      }),
      { numRuns: 2000 },
    );
  });

  it('is non-decreasing, and e^(x+y) = e^x·e^y to 4 ulp', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -700, max: 700, noNaN: true }),
        fc.double({ min: 0, max: 1e-3, noNaN: true }),
        (x, h) => {
          expect(fastExp(x + h)).toBeGreaterThanOrEqual(fastExp(x));
          const y = x / 2;
          expect(Math.abs(fastExp(y) * fastExp(x - y) - fastExp(x))).toBeLessThanOrEqual(4.5e-16 * fastExp(x));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('hands the edges to Math.exp: NaN, ±Infinity, overflow, underflow', () => {
    for (const x of [Number.NaN, Infinity, -Infinity, 709, 709.78, 710, -708, -745, -746, -1e308, 1e308]) {
      expect(fastExp(x)).toBe(Math.exp(x));
    }
    expect(fastExp(0)).toBe(1);
    expect(fastExp(-0)).toBe(1);
    expect(fastExp(5e-324)).toBe(1);
  });
});
