import { describe, expect, it } from 'vitest';
import { fitBgNbd, fitGammaGamma, modelClv, modelClvInterval } from '../../src/index.ts';
import { expectClose, expectThrows } from '../helpers/expectClose.ts';
import { cdnowSummary, cdnowWithSpend } from './cdnow.ts';

const fit = fitBgNbd(cdnowSummary());
const spendFit = fitGammaGamma(cdnowWithSpend());
const customer = { frequency: 2, recency: 30.43, T: 38.86 };

describe('modelClvInterval', () => {
  const c = { ...customer, monetaryValue: 22.35 };
  const clvOptions = { horizon: 12, modelUnit: 'week', discountRate: 0.01 } as const;
  const options = { ...clvOptions, draws: 200 } as const;

  it('centres on modelClv, and widens when spend parameters are resampled too', () => {
    const r = modelClvInterval(fit, spendFit.params, c, options);
    expectClose(r.estimate, modelClv(fit, spendFit.params, c, clvOptions), { rel: 1e-15 });
    expect(r.lower).toBeLessThan(r.estimate);
    expect(r.upper).toBeGreaterThan(r.estimate);
    const both = modelClvInterval(fit, spendFit.params, c, { ...options, spendLogCovariance: spendFit.logCovariance });
    expect(both.upper - both.lower).toBeGreaterThan(r.upper - r.lower);
  });

  it('requires the CLV units like modelClv', () => {
    expectThrows(
      () => modelClvInterval(fit, spendFit.params, c, { horizon: 12, discountRate: 0 } as never),
      TypeError,
      'modelClvInterval',
      'modelUnit is required',
    );
  });
});
