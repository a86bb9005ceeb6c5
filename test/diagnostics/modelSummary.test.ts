import { describe, expect, it } from 'vitest';
import { fitBgNbd, fitMbgNbd, modelSummary } from '../../src/index.ts';
import { chiSquareUpperTail } from '../../src/internal/chiSquare.ts';
import { expectClose, expectThrows } from '../helpers/expectClose.ts';
import { BTYD_BG_NBD, BTYD_PARETO_NBD, BTYD_PARETO_NBD_RECOVERED, cdnowSplit } from './cdnow.ts';

describe('modelSummary', () => {
  it('reproduces the BTYD walkthrough log-likelihoods and heterogeneity figures (CDNOW, weeks)', () => {
    const split = cdnowSplit();
    // §4.2: LL −9582.429 at r, α, a, b = 0.2425967, 4.413659, 0.7929869, 2.426164
    const bg = modelSummary(BTYD_BG_NBD, split);
    expectClose(bg.logLikelihood, -9582.429, { abs: 5e-4 });
    // Figures 8–9: transaction rate mean 0.055, var 0.0125; dropout probability mean 0.2463, var 0.044
    expectClose(bg.heterogeneity.purchaseRate.mean, 0.055, { abs: 5e-4 });
    expectClose(bg.heterogeneity.purchaseRate.variance, 0.0125, { abs: 5e-5 });
    expectClose(bg.heterogeneity.dropout.mean, 0.2463, { abs: 5e-5 });
    expectClose(bg.heterogeneity.dropout.variance, 0.044, { abs: 5e-4 });
    expect(bg.heterogeneity.dropout.kind).toBe('probabilityPerPurchase');
    // §3.2: LL −9594.976; figures 2–3: rate mean 0.0523, var 0.0049; dropout rate mean 0.052, var 0.0045
    const pn = modelSummary(BTYD_PARETO_NBD_RECOVERED, split);
    expectClose(pn.logLikelihood, -9594.976, { abs: 5e-4 });
    const printed = modelSummary(BTYD_PARETO_NBD, split).heterogeneity;
    expectClose(printed.purchaseRate.mean, 0.0523, { abs: 5e-5 });
    expectClose(printed.purchaseRate.variance, 0.0049, { abs: 5e-5 });
    expectClose(printed.dropout.mean, 0.052, { abs: 5e-4 });
    expectClose(printed.dropout.variance, 0.0045, { abs: 5e-5 });
    expect(printed.dropout.kind).toBe('rate');
  });

  it('gives the published BG/NBD standard errors and AIC/BIC from the fit', () => {
    const split = cdnowSplit();
    const fit = fitBgNbd(split);
    const s = modelSummary(fit, split);
    // shared/data README (FHL 2005 refit): standard errors 0.012557, 0.378221, 0.185719, 0.705345; the last
    // digits depend on where the optimiser stops and on the Hessian, hence 2e-4 relative.
    [0.012557, 0.378221, 0.185719, 0.705345].forEach((se, j) => {
      expectClose(s.parameters[j]!.standardError, se, { rel: 2e-4 });
    });
    expect(s.parameters.map((p) => p.name)).toStrictEqual(['r', 'alpha', 'a', 'b']);
    // the same log-likelihood by the fit and by the summary
    expectClose(s.logLikelihood, fit.logLikelihood, { rel: 1e-12 });
    expectClose(s.aic, 8 + 2 * 9582.429, { abs: 1e-3 });
    expectClose(s.bic, 4 * Math.log(2357) + 2 * 9582.429, { abs: 1e-3 });
    for (const p of s.parameters) {
      expect(p.lower).toBeLessThan(p.estimate);
      expect(p.upper).toBeGreaterThan(p.estimate);
      // log-scale interval: the estimate is the geometric mean of the bounds
      expectClose(Math.sqrt(p.lower * p.upper), p.estimate, { rel: 1e-12 });
    }
    const wider = modelSummary(fit, split, { confidenceLevel: 0.99 });
    expect(wider.parameters[0]!.upper).toBeGreaterThan(s.parameters[0]!.upper);
  });

  it('tests a nested model by the likelihood ratio', () => {
    const split = cdnowSplit();
    const mbg = fitMbgNbd(split);
    const s = modelSummary(mbg, split, {
      restricted: { logLikelihood: mbg.logLikelihood - 1.920729410347062, parameters: 3 },
    });
    // 2·1.9207294 = 3.8414588, the 95 % point of χ²(1)
    expectClose(s.likelihoodRatio!.statistic, 3.841458820694124, { rel: 1e-9 });
    expectClose(s.likelihoodRatio!.pValue, 0.05, { rel: 1e-8 });
    expect(s.likelihoodRatio!.degreesOfFreedom).toBe(1);
  });

  it('computes chi-square tails (scipy 1.17 chi2.isf values)', () => {
    expectClose(chiSquareUpperTail(3.841458820694124, 1), 0.05, { rel: 1e-12 });
    expectClose(chiSquareUpperTail(9.487729036781154, 4), 0.05, { rel: 1e-12 });
    expectClose(chiSquareUpperTail(0.10258658877510116, 2), 0.95, { rel: 1e-12 });
    expectClose(chiSquareUpperTail(23.20925115895436, 10), 0.01, { rel: 1e-12 });
  });

  describe('edge cases', () => {
    it('gives NaN intervals without a covariance', () => {
      const s = modelSummary(BTYD_BG_NBD, [{ frequency: 0, recency: 0, T: 10 }]);
      expect(s.parameters[0]!.standardError).toBeNaN();
      expect(s.parameters[0]!.lower).toBeNaN();
      expect(s.likelihoodRatio).toBeUndefined();
    });

    it('throws for a restricted model that is not smaller', () => {
      expectThrows(
        () => modelSummary(BTYD_BG_NBD, [], { restricted: { logLikelihood: -1, parameters: 4 } }),
        RangeError,
        'modelSummary',
        'restricted.parameters',
      );
      expectThrows(
        () => modelSummary(BTYD_BG_NBD, [], { restricted: { logLikelihood: '1', parameters: 2 } as never }),
        TypeError,
        'modelSummary',
        'restricted.logLikelihood',
      );
    });

    it('rejects unknown keys in restricted, listing the accepted ones', () => {
      expectThrows(
        () => modelSummary(BTYD_BG_NBD, [], { restricted: { logLikelihood: -1, params: 2 } as never }),
        TypeError,
        'modelSummary',
        'unknown option "params" in restricted; accepted options: logLikelihood, parameters',
      );
    });
  });
});
