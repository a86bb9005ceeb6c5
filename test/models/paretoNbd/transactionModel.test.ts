import { describe, expect, it } from 'vitest';
import {
  atRiskCustomers,
  fitMbgNbd,
  fitParetoNbd,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdProbabilityAlive,
  modelClv,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdProbabilityAlive,
  probabilityAliveInterval,
} from '../../../src/index.ts';
import { createRng } from '../../../src/internal/random.ts';
import { expectClose } from '../../helpers/expectClose.ts';
import { cdnowSummary } from '../cdnow.ts';

// Pareto/NBD and MBG/NBD plug into the issue-4 transaction-model interface: a fit result is passed to
// modelClv / atRiskCustomers / intervals as is, and their predictions are this folder's functions.
const customers = [
  { frequency: 2, recency: 30.43, T: 38.86 },
  { frequency: 6, recency: 5, T: 38.86 },
  { frequency: 0, recency: 0, T: 38.86 },
];

describe('Pareto/NBD and MBG/NBD as transaction models', () => {
  const pareto = fitParetoNbd(cdnowSummary());
  const mbg = fitMbgNbd(cdnowSummary());

  it('rank at-risk customers by their own P(alive)', () => {
    const cases: [typeof pareto | typeof mbg, number[]][] = [
      [pareto, paretoNbdProbabilityAlive(pareto.params, customers)],
      [mbg, mbgNbdProbabilityAlive(mbg.params, customers)],
    ];
    for (const [fit, alive] of cases) {
      const atRisk = atRiskCustomers(customers, fit, { threshold: 1 });
      expect(atRisk.length).toBe(3);
      for (const row of atRisk) expectClose(row.probabilityAlive, alive[row.index] as number, { rel: 1e-14 });
      expect(atRisk[0]?.index).toBe(1);
    }
  });

  it('feed modelClv through the conditional expectation of the model', () => {
    const spend = { p: 6.25, q: 3.74, v: 15.44 };
    const customer = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };
    const cases: [typeof pareto | typeof mbg, number][] = [
      [pareto, paretoNbdConditionalExpectedPurchases(pareto.params, 1, customer)],
      [mbg, mbgNbdConditionalExpectedPurchases(mbg.params, 1, customer)],
    ];
    for (const [fit, expected] of cases) {
      // One horizon unit, no discounting: CLV = E[X(u) | customer] · m̃ with m̃ the Gamma-Gamma mean spend.
      const clv = modelClv(fit, spend, customer, {
        horizon: 1,
        horizonUnit: 'week',
        modelUnit: 'week',
        discountRate: 0,
      });
      const w = (spend.p * 2) / (spend.p * 2 + spend.q - 1);
      const mTilde = ((1 - w) * spend.v * spend.p) / (spend.q - 1) + w * 22.35;
      expectClose(clv, expected * mTilde, { rel: 1e-9 });
    }
  });

  it('give resampling intervals around P(alive) from the fit covariance', () => {
    for (const fit of [pareto, mbg]) {
      const interval = probabilityAliveInterval(fit, customers[0] as (typeof customers)[number], {
        rng: createRng(1),
        draws: 200,
      });
      expect(interval.lower).toBeLessThanOrEqual(interval.estimate);
      expect(interval.upper).toBeGreaterThanOrEqual(interval.estimate);
      expect(interval.upper - interval.lower).toBeGreaterThan(0);
    }
  });
});
