import { readFileSync } from 'node:fs';

// The donations cohort as the R package BTYD ships it (provenance in test/fixtures/README.md), used by the
// BG/BB section of the BTYD walkthrough (McCarthy & Wadsworth, "Buy 'Til You Die - A Walkthrough", BTYD
// 2.4.3 vignette, §5). Time unit: one annual opportunity; T = n = 6 calibration opportunities (1996–2001),
// a holdout of n* = 5 (2002–2006).

interface Fixture {
  frequency: number[];
  recency: number[];
  opportunities: number[];
  customers: number[];
  holdoutTotal: number[];
  holdoutOpportunities: number;
  annualRepeatTransactions: number[];
  firstYear: number;
}

export const DONATIONS: Fixture = JSON.parse(
  readFileSync(new URL('../fixtures/btyd_donations.json', import.meta.url), 'utf8'),
) as Fixture;

/** The walkthrough's parameters: `p.matrix` row 3 (7 significant digits), log-likelihood −33225.58. */
export const BTYD_BG_BB = {
  model: 'bgBb',
  params: { alpha: 1.203528, beta: 0.749726, gamma: 0.6567808, delta: 2.783796 },
} as const;

/** The 22 recency–frequency rows as weighted customers (T = n). */
export function donationRows(): { frequency: number[]; recency: number[]; T: number[]; weights: number[] } {
  return {
    frequency: DONATIONS.frequency,
    recency: DONATIONS.recency,
    T: DONATIONS.opportunities,
    weights: DONATIONS.customers,
  };
}

/**
 * The 11,104 donors one row each, with the holdout: each row's total holdout donations spread over its
 * customers as evenly as whole numbers allow (only the totals are published; every mean is exact).
 */
export function donationSplit(): {
  frequency: number[];
  recency: number[];
  T: number[];
  holdoutFrequency: number[];
  holdoutDuration: number[];
} {
  const out = {
    frequency: [] as number[],
    recency: [] as number[],
    T: [] as number[],
    holdoutFrequency: [] as number[],
    holdoutDuration: [] as number[],
  };
  DONATIONS.customers.forEach((count, row) => {
    const total = DONATIONS.holdoutTotal[row] as number;
    const base = Math.floor(total / count);
    const extra = total - base * count;
    for (let k = 0; k < count; k++) {
      out.frequency.push(DONATIONS.frequency[row] as number);
      out.recency.push(DONATIONS.recency[row] as number);
      out.T.push(DONATIONS.opportunities[row] as number);
      out.holdoutFrequency.push(base + (k < extra ? 1 : 0));
      out.holdoutDuration.push(DONATIONS.holdoutOpportunities);
    }
  });
  return out;
}
