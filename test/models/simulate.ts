import { betaVariate, createRng, exponentialVariate, gammaVariate } from '../../src/internal/random.ts';

/**
 * Simulates BG/NBD customers (Fader, Hardie & Lee 2005, section 2): λ ~ Gamma(r, rate α), p ~ Beta(a, b);
 * purchases form a Poisson(λ) process; after each repeat purchase the customer drops out with
 * probability p. Each customer is observed for T time units after their first purchase.
 */
export function simulateBgNbd(
  params: { r: number; alpha: number; a: number; b: number },
  n: number,
  T: (i: number) => number,
  seed: number,
): { frequency: number[]; recency: number[]; T: number[] } {
  const rng = createRng(seed);
  const frequency: number[] = [];
  const recency: number[] = [];
  const ages: number[] = [];
  for (let i = 0; i < n; i++) {
    const lambda = gammaVariate(rng, params.r, 1 / params.alpha);
    const p = betaVariate(rng, params.a, params.b);
    const age = T(i);
    let t = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      t += exponentialVariate(rng, lambda);
      if (t > age) break;
      x++;
      last = t;
      if (rng() < p) break;
    }
    frequency.push(x);
    recency.push(last);
    ages.push(age);
  }
  return { frequency, recency, T: ages };
}

/** Simulates Gamma-Gamma spend: ν ~ Gamma(q, rate v); each of x transactions ~ Gamma(p, rate ν); returns mean spend. */
export function simulateGammaGamma(params: { p: number; q: number; v: number }, frequency: number[], seed: number): number[] {
  const rng = createRng(seed);
  return frequency.map((x) => {
    const nu = gammaVariate(rng, params.q, 1 / params.v);
    let s = 0;
    for (let k = 0; k < x; k++) s += gammaVariate(rng, params.p, 1 / nu);
    return x > 0 ? s / x : 0;
  });
}
