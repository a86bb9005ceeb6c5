import { describe, expect, it } from 'vitest';
import { cholesky } from '../../src/internal/hessian.ts';
import {
  betaVariate,
  createRng,
  exponentialVariate,
  gammaVariate,
  multivariateNormal,
  poissonVariate,
  standardNormal,
} from '../../src/internal/random.ts';

function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let m = 0;
  let s = 0;
  for (let i = 1; i <= n; i++) {
    const x = draw();
    const d = x - m;
    m += d / i;
    s += d * (x - m);
  }
  return { mean: m, variance: s / (n - 1) };
}

// Sample moments are compared with the exact moments at ~5 standard errors, so a correct generator
// fails with probability far below 1e-5 (and the seeds are fixed, so the test is deterministic).
const N = 40_000;

describe('createRng', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
  });

  it('draws uniforms in [0, 1) with mean ½ and variance 1/12', () => {
    const rng = createRng(1);
    let min = 1;
    let max = 0;
    const m = moments(() => {
      const u = rng();
      min = Math.min(min, u);
      max = Math.max(max, u);
      return u;
    }, N);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    expect(Math.abs(m.variance - 1 / 12)).toBeLessThan(0.003);
  });
});

describe('variates', () => {
  it('normal: mean 0, variance 1', () => {
    const rng = createRng(2);
    const m = moments(() => standardNormal(rng), N);
    expect(Math.abs(m.mean)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(m.variance - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
  });

  it('gamma: mean kθ and variance kθ² for shapes below and above 1', () => {
    for (const [k, theta] of [
      [0.3, 2],
      [4.5, 0.5],
    ] as const) {
      const rng = createRng(3);
      const m = moments(() => gammaVariate(rng, k, theta), N);
      expect(Math.abs(m.mean - k * theta)).toBeLessThan(5 * Math.sqrt((k * theta * theta) / N));
      expect(Math.abs(m.variance / (k * theta * theta) - 1)).toBeLessThan(0.1);
    }
  });

  it('beta: mean a/(a + b); exponential: mean 1/rate; poisson: mean = variance = λ', () => {
    const rng = createRng(4);
    const [a, b] = [0.8, 2.4];
    const beta = moments(() => betaVariate(rng, a, b), N);
    expect(Math.abs(beta.mean - a / (a + b))).toBeLessThan(5 * Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)) / N));
    const exp = moments(() => exponentialVariate(rng, 4), N);
    expect(Math.abs(exp.mean - 0.25)).toBeLessThan((5 * 0.25) / Math.sqrt(N));
    for (const lambda of [0.7, 75]) {
      const p = moments(() => poissonVariate(rng, lambda), N);
      expect(Math.abs(p.mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / N));
      expect(Math.abs(p.variance / lambda - 1)).toBeLessThan(0.05);
    }
  });

  it('multivariate normal: reproduces the covariance through the Cholesky factor', () => {
    const cov = [1, 0.6, 0.6, 2];
    const L = cholesky(cov, 2) as Float64Array;
    const rng = createRng(5);
    let sxy = 0;
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < N; i++) {
      const d = multivariateNormal(rng, [1, -1], L);
      sx += (d[0] as number) - 1;
      sy += (d[1] as number) + 1;
      sxy += ((d[0] as number) - 1) * ((d[1] as number) + 1);
    }
    expect(Math.abs(sx / N)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(sy / N)).toBeLessThan(5 * Math.sqrt(2 / N));
    expect(Math.abs(sxy / N - 0.6)).toBeLessThan(0.05);
  });
});
