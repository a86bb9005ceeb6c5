import { betaVariate, createRng, exponentialVariate, gammaVariate, type Rng } from '../../src/internal/random.ts';

/** Simulated customers as columns, ready for the fits. */
export interface SimulatedCustomers {
  frequency: number[];
  recency: number[];
  T: number[];
}

/** One customer's repeat purchases x and the time of the last one (0 when x = 0). */
interface History {
  x: number;
  last: number;
}

/**
 * Simulates n customers from one seeded stream: customer i is observed for `T(i)` time units after
 * their first purchase, and `history(rng, age)` draws their latent rates and purchases in that window.
 */
function simulateCustomers(
  n: number,
  T: (i: number) => number,
  seed: number,
  history: (rng: Rng, age: number) => History,
): SimulatedCustomers {
  const rng = createRng(seed);
  const frequency: number[] = [];
  const recency: number[] = [];
  const ages: number[] = [];
  for (let i = 0; i < n; i++) {
    const age = T(i);
    const { x, last } = history(rng, age);
    frequency.push(x);
    recency.push(last);
    ages.push(age);
  }
  return { frequency, recency, T: ages };
}

/**
 * Purchases of a Poisson(λ) process on (0, end]; with `dropout` p, the customer drops out after each
 * purchase with probability p (one uniform draw per purchase), without it they buy until `end`.
 */
function poissonPurchases(rng: Rng, lambda: number, end: number, dropout: number | null): History {
  let t = 0;
  let x = 0;
  let last = 0;
  for (;;) {
    t += exponentialVariate(rng, lambda);
    if (t > end) break;
    x++;
    last = t;
    if (dropout !== null && rng() < dropout) break;
  }
  return { x, last };
}

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
): SimulatedCustomers {
  return simulateCustomers(n, T, seed, (rng, age) => {
    const lambda = gammaVariate(rng, params.r, 1 / params.alpha);
    const p = betaVariate(rng, params.a, params.b);
    return poissonPurchases(rng, lambda, age, p);
  });
}

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
): SimulatedCustomers {
  return simulateCustomers(n, T, seed, (rng, age) => {
    const lambda = gammaVariate(rng, params.r, 1 / params.alpha);
    const p = betaVariate(rng, params.a, params.b);
    return rng() >= p ? poissonPurchases(rng, lambda, age, p) : { x: 0, last: 0 };
  });
}

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
): SimulatedCustomers {
  return simulateCustomers(n, T, seed, (rng, age) => {
    const lambda = gammaVariate(rng, params.r, 1 / params.alpha);
    const mu = gammaVariate(rng, params.s, 1 / params.beta);
    return poissonPurchases(rng, lambda, Math.min(age, exponentialVariate(rng, mu)), null);
  });
}

/** Simulates Gamma-Gamma spend: ν ~ Gamma(q, rate v); each of x transactions ~ Gamma(p, rate ν); returns mean spend. */
export function simulateGammaGamma(
  params: { p: number; q: number; v: number },
  frequency: number[],
  seed: number,
): number[] {
  const rng = createRng(seed);
  return frequency.map((x) => {
    const nu = gammaVariate(rng, params.q, 1 / params.v);
    let s = 0;
    for (let k = 0; k < x; k++) s += gammaVariate(rng, params.p, 1 / nu);
    return x > 0 ? s / x : 0;
  });
}
