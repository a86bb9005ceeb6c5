import { betaVariate, createRng } from '../../../src/internal/random.ts';

/**
 * The 1995 cohort of first-time donors (11,104 people, six annual repeat-donation opportunities
 * 1996–2001) summarised as (x, tₓ, n = 6) with counts, as printed in Fader, Hardie & Shang (2010),
 * "Customer-Base Analysis in a Discrete-Time Noncontractual Setting", Marketing Science 29(6); copied
 * from `lifetimes/datasets/donations.csv` of the Python `lifetimes` package (MIT), which ships exactly
 * these 22 rows. Counts sum to 11,104. Kept inline (22 rows) rather than in test/fixtures/.
 */
export const donations = {
  frequency: [0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6],
  recency: [0, 1, 2, 3, 4, 5, 6, 2, 3, 4, 5, 6, 3, 4, 5, 6, 4, 5, 6, 5, 6, 6],
  opportunities: Array.from({ length: 22 }, () => 6),
  weights: [
    3464, 1091, 277, 129, 78, 119, 129, 613, 255, 155, 173, 234, 322, 181, 225, 357, 240, 284, 512, 335, 728, 1203,
  ],
};

/** The donations cohort as 11,104 unweighted rows (each summary repeated by its count). */
export function expandedDonations(): { frequency: number[]; recency: number[]; opportunities: number[] } {
  const expanded = { frequency: [] as number[], recency: [] as number[], opportunities: [] as number[] };
  donations.weights.forEach((w, i) => {
    for (let k = 0; k < w; k++) {
      expanded.frequency.push(donations.frequency[i] as number);
      expanded.recency.push(donations.recency[i] as number);
      expanded.opportunities.push(6);
    }
  });
  return expanded;
}

/**
 * Simulates BG/BB customers (FHS 2010, section 2): p ~ Beta(α, β), θ ~ Beta(γ, δ); before each of the n
 * opportunities an alive customer dies with probability θ, otherwise transacts with probability p.
 */
export function simulateBgBb(
  params: { alpha: number; beta: number; gamma: number; delta: number },
  n: number,
  opportunities: number,
  seed: number,
): { frequency: number[]; recency: number[]; opportunities: number[] } {
  const rng = createRng(seed);
  const frequency: number[] = [];
  const recency: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = betaVariate(rng, params.alpha, params.beta);
    const theta = betaVariate(rng, params.gamma, params.delta);
    let x = 0;
    let tx = 0;
    for (let t = 1; t <= opportunities; t++) {
      if (rng() < theta) break;
      if (rng() < p) {
        x++;
        tx = t;
      }
    }
    frequency.push(x);
    recency.push(tx);
  }
  return { frequency, recency, opportunities: frequency.map(() => opportunities) };
}
