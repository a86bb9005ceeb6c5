import { betaVariate, createRng, exponentialVariate, gammaVariate } from '../../../src/internal/random.ts';

/**
 * Simulates MBG/NBD customers (Batislam, Denizel & Filiztekin 2007): λ ~ Gamma(r, rate α),
 * p ~ Beta(a, b); right after the first purchase (time 0) and after each repeat purchase the customer
 * drops out with probability p; purchases form a Poisson(λ) process while alive.
 */
export function simulateMbgNbd(
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
    if (rng() >= p) {
      for (;;) {
        t += exponentialVariate(rng, lambda);
        if (t > age) break;
        x++;
        last = t;
        if (rng() < p) break;
      }
    }
    frequency.push(x);
    recency.push(last);
    ages.push(age);
  }
  return { frequency, recency, T: ages };
}
