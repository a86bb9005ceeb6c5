import { createRng, exponentialVariate, gammaVariate } from '../../../src/internal/random.ts';

/**
 * Simulates Pareto/NBD customers (Schmittlein, Morrison & Colombo 1987): λ ~ Gamma(r, rate α),
 * μ ~ Gamma(s, rate β); the customer is alive for an Exponential(μ) lifetime and buys as a Poisson(λ)
 * process while alive; observed for T time units after the first purchase.
 */
export function simulateParetoNbd(
  params: { r: number; alpha: number; s: number; beta: number },
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
    const mu = gammaVariate(rng, params.s, 1 / params.beta);
    const age = T(i);
    const end = Math.min(age, exponentialVariate(rng, mu));
    let t = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      t += exponentialVariate(rng, lambda);
      if (t > end) break;
      x++;
      last = t;
    }
    frequency.push(x);
    recency.push(last);
    ages.push(age);
  }
  return { frequency, recency, T: ages };
}
