import { expect } from 'vitest';

/**
 * Checks the analytic gradient of a log-likelihood in log parameters at `x` against central
 * differences (step 1e-5, tolerance 1e-5 relative to max(1, |ℓ|, |difference|)); returns ℓ(x).
 */
export function expectGradientMatchesDifferences(
  ll: (logParams: Float64Array, gradient?: Float64Array) => number,
  x: Float64Array,
): number {
  const g = new Float64Array(x.length);
  const value = ll(x, g);
  for (let k = 0; k < x.length; k++) {
    const h = 1e-5;
    const up = Float64Array.from(x);
    const down = Float64Array.from(x);
    up[k] = (up[k] as number) + h;
    down[k] = (down[k] as number) - h;
    const numeric = (ll(up) - ll(down)) / (2 * h);
    expect(Math.abs((g[k] as number) - numeric)).toBeLessThanOrEqual(
      1e-5 * Math.max(1, Math.abs(value), Math.abs(numeric)),
    );
  }
  return value;
}
