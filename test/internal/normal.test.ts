import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { erfc, normalCdf, normalQuantile, twoSidedPValue, zForConfidence } from '../../src/internal/normal.ts';
import { expectClose } from '../helpers/expectClose.ts';

// Reference values: erfc and Φ from DLMF §7 / Abramowitz & Stegun Table 7.1 and 26.1, to the digits
// printed there (cross-checked with mpmath 1.3 at 30 digits: erfc(1) = 0.157299207050285130658...).
describe('erfc', () => {
  it('matches tabulated values across its three approximation ranges', () => {
    expectClose(erfc(0), 1, { rel: 1e-15 });
    expectClose(erfc(0.3), 0.671373240540872583, { rel: 1e-14 });
    expectClose(erfc(1), 0.157299207050285131, { rel: 1e-14 });
    expectClose(erfc(3), 2.20904969985854413e-5, { rel: 1e-13 });
    expectClose(erfc(5), 1.53745979442803485e-12, { rel: 1e-13 });
    expectClose(erfc(10), 2.08848758376254476e-45, { rel: 1e-13 });
    expectClose(erfc(-1), 1.842700792949714869, { rel: 1e-15 });
  });

  it('underflows to 0 (and 2) beyond |x| = 27 without NaN, including ±Infinity', () => {
    expect(erfc(30)).toBe(0);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erfc(Number.NaN)).toBeNaN();
  });
});

describe('normalCdf and twoSidedPValue', () => {
  it('matches Φ(1.96) and the familiar two-sided p-values', () => {
    expectClose(normalCdf(1.96), 0.97500210485178, { rel: 1e-13 });
    expectClose(normalCdf(-3), 1.34989803163009452e-3, { rel: 1e-13 });
    expectClose(twoSidedPValue(1.959963984540054), 0.05, { rel: 1e-12 });
    expectClose(twoSidedPValue(-2.5758293035489), 0.01, { rel: 1e-11 });
  });

  it('is 0 at infinite z and 1 at z = 0', () => {
    expect(twoSidedPValue(Infinity)).toBe(0);
    expect(twoSidedPValue(-Infinity)).toBe(0);
    expect(twoSidedPValue(0)).toBe(1);
  });
});

describe('normalQuantile and zForConfidence', () => {
  // Reference values: mpmath 1.3 at 50 digits at the exact binary value of each p, √2·erfinv(2p − 1) (and a root of ln Φ(x) = ln p in the tails).
  const MPMATH_QUANTILES: readonly (readonly [number, number])[] = [
    [0.975, 1.959963984540053855604],
    [0.95, 1.644853626951472284276],
    [0.995, 2.575829303548900453857],
    [0.3, -0.5244005127080408159695],
    [0.02425, -1.972961051311884837603],
    [0.0001, -3.719016485455680552288],
    [0.4999, -0.0002506628300880074923889],
    [1e-10, -6.3613409024040561991],
    [1e-300, -37.04709629936119923655],
  ];

  it('matches Φ⁻¹ to double precision (mpmath values, relative 4e-16)', () => {
    for (const [p, z] of MPMATH_QUANTILES) expectClose(normalQuantile(p), z, { rel: 4e-16 });
    expectClose(zForConfidence(0.95), 1.959963984540053855604, { rel: 4e-16 });
    expectClose(zForConfidence(0.9), 1.644853626951472822511, { rel: 4e-16 });
    expectClose(zForConfidence(0.99), 2.575829303548900453857, { rel: 4e-16 });
  });

  it('is antisymmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p) exactly', () => {
    for (const p of [0.3, 0.1, 0.02425, 0.001]) expect(normalQuantile(1 - p)).toBe(-normalQuantile(1 - (1 - p)));
  });

  it('stays finite for confidence levels within one ulp of 1', () => {
    expect(Number.isFinite(zForConfidence(0.9999999999999999))).toBe(true);
  });

  it('returns ±Infinity at 0 and 1 and NaN outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });

  test.prop([fc.double({ min: -7, max: 0, noNaN: true })])(
    'inverts normalCdf to a few ulps (lower half: 1 − Φ(z) is not representable near 1)',
    (z) => {
      expectClose(normalQuantile(normalCdf(z)), z, { rel: 2e-15, abs: 1e-15 });
    },
  );
});
