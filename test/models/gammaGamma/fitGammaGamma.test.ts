import { describe, expect, it } from 'vitest';
import { fitGammaGamma, gammaGammaExpectedSpend } from '../../../src/index.ts';
import { deepFreeze, expectClose, expectThrows } from '../../helpers/expectClose.ts';
import { cdnowWithSpend } from '../cdnow.ts';
import { simulateGammaGamma } from '../simulate.ts';

const rows = cdnowWithSpend();

describe('fitGammaGamma', () => {
  const fit = fitGammaGamma(deepFreeze(rows));

  it('reproduces p = 6.25, q = 3.74, v = 15.44 and log-likelihood ≈ −4055.9 on the 946 CDNOW repeat buyers (data README)', () => {
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(946);
    expectClose(fit.params.p, 6.25, { abs: 0.005 });
    expectClose(fit.params.q, 3.74, { abs: 0.005 });
    // v printed as 15.44; the maximum is flat in v (se ≈ 4.2), refits land within ±0.01
    expectClose(fit.params.v, 15.44, { abs: 0.01 });
    expectClose(fit.logLikelihood, -4055.9, { abs: 0.05 });
    expect(fit.warnings).toEqual([]);
    expect(Object.values(fit.standardErrors).every((s) => s > 0)).toBe(true);
  });

  it('reproduces the ten published conditional expected spends (data README)', () => {
    // 24.65, 18.91, 35.17 … were computed from unrounded mean spends; the fixture's zbar is rounded
    // to cents, which moves the result by up to w·0.005 ≈ 0.004, so the tolerance is 0.01.
    const expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    const got = gammaGammaExpectedSpend(fit.params, rows.slice(0, 10));
    got.forEach((v, i) => {
      expectClose(v, expected[i] as number, { abs: 0.01 });
    });
  });

  it('recovers known parameters from seeded simulated data within 3 standard errors', () => {
    const truth = { p: 6, q: 4, v: 15 };
    const frequency = Array.from({ length: 3000 }, (_, i) => 1 + (i % 6));
    const monetaryValue = simulateGammaGamma(truth, frequency, 12);
    const f = fitGammaGamma({ frequency, monetaryValue });
    for (const k of ['p', 'q', 'v'] as const)
      expect(Math.abs(f.params[k] - truth[k])).toBeLessThan(3 * f.standardErrors[k]);
  });

  it('warns in the result (not the console) when q ≤ 1 and the population mean spend is infinite', () => {
    const frequency = Array.from({ length: 3000 }, (_, i) => 1 + (i % 6));
    const monetaryValue = simulateGammaGamma({ p: 3, q: 0.6, v: 10 }, frequency, 11);
    const f = fitGammaGamma({ frequency, monetaryValue });
    expect(f.params.q).toBeLessThan(1);
    expect(f.warnings).toHaveLength(1);
    expect(f.warnings[0]).toContain('q (');
    expect(gammaGammaExpectedSpend(f.params, { frequency: 0, monetaryValue: 0 })).toBe(Infinity);
  });

  it('gives the same fit with weights as with repeated rows', () => {
    const some = rows.filter((r) => r.frequency > 0).slice(0, 200);
    const doubled = fitGammaGamma([...some, ...some]);
    const weighted = fitGammaGamma(some, { weights: some.map(() => 2) });
    expectClose(weighted.logLikelihood, doubled.logLikelihood, { rel: 1e-10 });
    expectClose(weighted.params.p, doubled.params.p, { rel: 1e-5 });
  });

  describe('edge cases', () => {
    it('ignores customers without repeat purchases and reports converged: false when none are left', () => {
      const f = fitGammaGamma([{ frequency: 0, monetaryValue: 0 }]);
      expect(f.customers).toBe(0);
      expect(f.converged).toBe(false);
    });

    it('stays finite for huge frequencies', () => {
      const f = fitGammaGamma([...rows, { frequency: 10_000, monetaryValue: 30 }]);
      expect(Number.isFinite(f.logLikelihood)).toBe(true);
    });
  });

  describe('errors', () => {
    it("rejects zero spend for a repeat buyer and negative spend with nonPositiveSpend: 'throw', naming the row", () => {
      // by default such customers are excluded and counted (nonPositiveSpend.test.ts)
      expect(fitGammaGamma([{ frequency: 2, monetaryValue: 0 }]).excluded).toBe(1);
      expectThrows(
        () => fitGammaGamma([{ frequency: 2, monetaryValue: 0 }], { nonPositiveSpend: 'throw' }),
        RangeError,
        'fitGammaGamma',
        'row 0: monetaryValue (0) must be greater than 0',
      );
      expectThrows(
        () => fitGammaGamma([{ frequency: 0, monetaryValue: -1 }], { nonPositiveSpend: 'throw' }),
        RangeError,
        'fitGammaGamma',
        'row 0: monetaryValue (-1) must not be negative',
      );
      expectThrows(
        () => fitGammaGamma([{ frequency: 1 }] as never),
        TypeError,
        'fitGammaGamma',
        'row 0: monetaryValue must be a number, got undefined',
      );
    });
  });
});

describe('gammaGammaExpectedSpend', () => {
  const params = { p: 6.25, q: 3.74, v: 15.44 };

  it('equals the credibility form (1 − w)·v·p/(q − 1) + w·m̄ (data README formula)', () => {
    const w = (6.25 * 3) / (6.25 * 3 + 3.74 - 1);
    expectClose(
      gammaGammaExpectedSpend(params, { frequency: 3, monetaryValue: 40 }),
      (1 - w) * ((15.44 * 6.25) / 2.74) + w * 40,
      { rel: 1e-14 },
    );
  });

  it('gives frequency-0 customers the population mean p·v/(q − 1), whatever their monetary value', () => {
    expectClose(gammaGammaExpectedSpend(params, { frequency: 0, monetaryValue: 123 }), (6.25 * 15.44) / 2.74, {
      rel: 1e-14,
    });
  });

  it('moves towards the customer mean as frequency grows', () => {
    const v = gammaGammaExpectedSpend(params, { frequency: [1, 10, 1000], monetaryValue: [100, 100, 100] });
    expect(v[0] as number).toBeLessThan(v[1] as number);
    expectClose(v[2] as number, 100, { rel: 0.01 });
  });

  it('throws for invalid params', () => {
    expectThrows(
      () => gammaGammaExpectedSpend({ p: 1, q: -1, v: 1 }, { frequency: 1, monetaryValue: 1 }),
      RangeError,
      'gammaGammaExpectedSpend',
      'params.q (-1)',
    );
  });
});
