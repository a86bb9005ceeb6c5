import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  fitBgNbd,
  fitGammaGamma,
  gammaGammaExpectedSpend,
  modelClv,
  modelClvInterval,
  rfmSummary,
} from '../../../src/index.ts';
import { deepFreeze, expectClose, thrown } from '../../helpers/expectClose.ts';

// Issue 16, item 4: on the full CDNOW log one repeat buyer ("10244", row 10243) has $0 of repeat spend, and
// fitGammaGamma and modelClv over all 23,570 customers threw for that one row.
const orders = readFileSync(new URL('../../fixtures/CDNOW_master.txt', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [id, d, , value] = line.trim().split(/\s+/) as [string, string, string, string];
    return { id, at: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`, value: Number(value) };
  });
const summary = deepFreeze(rfmSummary(orders, { customer: 'id', time: 'at', value: 'value', unit: 'week' }));
const bgNbd = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const clvOptions = { horizon: 12, modelUnit: 'week', discountRate: 0.01 } as const;

describe('a repeat buyer with $0 of repeat spend (CDNOW master)', () => {
  it('is the one row 10243, customer "10244"', () => {
    expect(summary).toHaveLength(23_570);
    expect(summary.filter((c) => c.frequency > 0 && c.monetaryValue <= 0).map((c) => c.customer)).toEqual(['10244']);
    expect(summary[10243]).toMatchObject({ customer: '10244', frequency: 1, monetaryValue: 0 });
  });

  it('fitGammaGamma excludes and counts it by default, with the maximum likelihood of the others', () => {
    const fit = fitGammaGamma(summary);
    expect(fit.excluded).toBe(1);
    expect(fit.customers).toBe(11_515);
    expect(fit.converged).toBe(true);
    expect(fit.warnings).toEqual([
      '1 customer with repeat purchases and a monetaryValue ≤ 0 left out of the fit (first: row 10243 (customer "10244")); the model has positive spend only',
    ]);
    // SciPy (Nelder–Mead then BFGS on the same likelihood over the 11,515 positive repeat buyers, grouped per
    // day independently in Python): p 5.08604358, q 3.99512098, v 21.25224166, ℓ −49496.524203054
    expectClose(fit.params.p, 5.08604358, { rel: 1e-6 });
    expectClose(fit.params.q, 3.99512098, { rel: 1e-6 });
    expectClose(fit.params.v, 21.25224166, { rel: 1e-6 });
    expectClose(fit.logLikelihood, -49496.524203054, { rel: 1e-12 });
    // excluding is the same as leaving the row out first
    const others = summary.filter((c) => !(c.frequency > 0 && c.monetaryValue <= 0));
    const filtered = fitGammaGamma(others);
    expect(filtered.excluded).toBe(0);
    expect(filtered.warnings).toEqual([]);
    expect(filtered.params).toEqual(fit.params);
  });

  it("fitGammaGamma with nonPositiveSpend: 'throw' names the row and the customer id", () => {
    const error = thrown(() => fitGammaGamma(summary, { nonPositiveSpend: 'throw' }));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe(
      'fitGammaGamma: row 10243 (customer "10244"): monetaryValue (0) must be greater than 0 for a customer with repeat purchases',
    );
    expect({ ...error }).toEqual({
      function: 'fitGammaGamma',
      argument: 'customers[10243].monetaryValue',
      value: '0',
      row: 10243,
      customer: '10244',
    });
  });

  it('modelClv over all 23,570 customers gives NaN for that customer only', () => {
    const spend = fitGammaGamma(summary).params;
    const transaction = fitBgNbd(summary);
    const clv = modelClv(transaction, spend, summary, clvOptions);
    expect(clv).toHaveLength(23_570);
    expect(clv.map((v, i) => (Number.isNaN(v) ? i : -1)).filter((i) => i >= 0)).toEqual([10243]);
    expect(clv.every((v) => Number.isNaN(v) || v >= 0)).toBe(true);
    // each other value is the one of the customer alone
    for (const i of [0, 1, 10242, 10244, 23_569])
      expect(clv[i]).toBe(modelClv(transaction, spend, summary[i] as (typeof summary)[number], clvOptions));
    const error = thrown(() => modelClv(transaction, spend, summary, { ...clvOptions, nonPositiveSpend: 'throw' }));
    expect(error.message).toBe(
      'modelClv: row 10243 (customer "10244"): monetaryValue (0) must be greater than 0 for a customer with repeat purchases',
    );
    expect(error).toMatchObject({ row: 10243, customer: '10244', argument: 'customer[10243].monetaryValue' });
  });
});

describe('nonPositiveSpend in the predictions', () => {
  const spend = { p: 6.25, q: 3.74, v: 15.44 };
  const rows = deepFreeze([
    { customer: 'ann', frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 },
    { customer: 'bob', frequency: 1, recency: 4, T: 38, monetaryValue: -5 },
    { customer: 'cy', frequency: 0, recency: 0, T: 38, monetaryValue: 0 },
  ]);

  it('gammaGammaExpectedSpend: NaN for a repeat buyer with spend ≤ 0, the population mean at frequency 0', () => {
    // FHL (2005) eq. 5: p(v + x·m̄)/(px + q − 1) = 6.25·(15.44 + 2·22.35)/(12.5 + 2.74); p·v/(q − 1) for x = 0
    const out = gammaGammaExpectedSpend(spend, rows);
    expectClose(out[0] as number, (6.25 * (15.44 + 2 * 22.35)) / (12.5 + 2.74), { rel: 1e-14 });
    expect(out[1]).toBeNaN();
    expectClose(out[2] as number, (6.25 * 15.44) / 2.74, { rel: 1e-14 });
    expect(gammaGammaExpectedSpend(spend, { frequency: 3, monetaryValue: 0 })).toBeNaN();
    const error = thrown(() => gammaGammaExpectedSpend(spend, rows, { nonPositiveSpend: 'throw' }));
    expect(error.message).toBe(
      'gammaGammaExpectedSpend: row 1 (customer "bob"): monetaryValue (-5) must not be negative',
    );
    expect(error).toMatchObject({ row: 1, customer: 'bob' });
  });

  it('names the customer of a column input too', () => {
    const columns = { customer: ['a', 'b'], frequency: [1, 2], monetaryValue: [3, 0] };
    const error = thrown(() => gammaGammaExpectedSpend(spend, columns, { nonPositiveSpend: 'throw' }));
    expect(error).toMatchObject({ row: 1, customer: 'b', argument: 'customer.monetaryValue[1]' });
  });

  it('modelClvInterval: NaN estimate and bounds, or an error', () => {
    const transaction = {
      model: 'bgNbd',
      params: bgNbd,
      logCovariance: [
        [0.00268, 0.00346, -0.00046, 0.00011],
        [0.00346, 0.00734, -0.00082, 0.00098],
        [-0.00046, -0.00082, 0.0549, 0.0641],
        [0.00011, 0.00098, 0.0641, 0.0845],
      ],
    } as const;
    const out = modelClvInterval(transaction, spend, rows[1] as (typeof rows)[number], { ...clvOptions, draws: 20 });
    expect(out).toMatchObject({ estimate: Number.NaN, lower: Number.NaN, upper: Number.NaN, draws: 0 });
    expect(() =>
      modelClvInterval(transaction, spend, rows[1] as (typeof rows)[number], {
        ...clvOptions,
        draws: 20,
        nonPositiveSpend: 'throw',
      }),
    ).toThrow(RangeError);
  });

  it('rejects an unknown policy', () => {
    expect(() => gammaGammaExpectedSpend(spend, rows, { nonPositiveSpend: 'skip' as never })).toThrow(RangeError);
    expect(() => fitGammaGamma(rows, { nonPositiveSpend: 'nan' as never })).toThrow(RangeError);
  });
});
