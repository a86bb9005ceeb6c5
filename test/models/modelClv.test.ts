import { describe, expect, it } from 'vitest';
import { bgNbdConditionalExpectedPurchases, gammaGammaExpectedSpend, modelClv } from '../../src/index.ts';
import { deepFreeze, expectClose, expectThrows } from '../helpers/expectClose.ts';

const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const weekly = { model: 'bgNbd', params } as const;
const spend = { p: 6.25, q: 3.74, v: 15.44 };
const customer = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };

/** Independent oracle: the formula written out with the public prediction functions. */
function oracle(stepInModelUnits: number, H: number, d: number, margin: number): number {
  const m = gammaGammaExpectedSpend(spend, customer);
  let total = 0;
  for (let i = 1; i <= H; i++) {
    const e1 = bgNbdConditionalExpectedPurchases(params, i * stepInModelUnits, customer);
    const e0 = bgNbdConditionalExpectedPurchases(params, (i - 1) * stepInModelUnits, customer);
    total += ((e1 - e0) * m * margin) / (1 + d) ** i;
  }
  return total;
}

describe('modelClv', () => {
  it('sums discounted expected purchases per month times expected spend (issue formula), months of 365.25/12 days', () => {
    const u = 365.25 / 12 / 7; // weeks per month
    expectClose(
      modelClv(weekly, spend, customer, { horizon: 12, modelUnit: 'week', discountRate: 0.01 }),
      oracle(u, 12, 0.01, 1),
      { rel: 1e-12 },
    );
    expectClose(
      modelClv(weekly, spend, customer, { horizon: 12, modelUnit: 'week', discountRate: 0.01, margin: 0.3 }),
      oracle(u, 12, 0.01, 0.3),
      { rel: 1e-12 },
    );
  });

  it('reproduces the `lifetimes` convention of 4.345 weeks per month with daysPerMonth 30.415 (issue)', () => {
    expectClose(
      modelClv(weekly, spend, customer, { horizon: 6, modelUnit: 'week', discountRate: 0.01, daysPerMonth: 30.415 }),
      oracle(30.415 / 7, 6, 0.01, 1),
      {
        rel: 1e-12,
      },
    );
  });

  it('is invariant to the model time unit when the parameters are rescaled (α per day = 7·α per week)', () => {
    const daily = { model: 'bgNbd', params: { ...params, alpha: params.alpha * 7 } } as const;
    const dailyCustomer = { ...customer, recency: customer.recency * 7, T: customer.T * 7 };
    const a = modelClv(weekly, spend, customer, { horizon: 24, modelUnit: 'week', discountRate: 0.01 });
    const b = modelClv(daily, spend, dailyCustomer, { horizon: 24, modelUnit: 'day', discountRate: 0.01 });
    expectClose(b, a, { rel: 1e-10 });
    // Horizon of 2 years in yearly steps vs 24 months without discounting: same total.
    const y = modelClv(weekly, spend, customer, {
      horizon: 2,
      horizonUnit: 'year',
      modelUnit: 'week',
      discountRate: 0,
    });
    const m = modelClv(weekly, spend, customer, {
      horizon: 24,
      horizonUnit: 'month',
      modelUnit: 'week',
      discountRate: 0,
    });
    expectClose(y, m, { rel: 1e-12 });
  });

  it('reading a weekly model as monthly is wrong by a large factor: the unit matters', () => {
    const right = modelClv(weekly, spend, customer, { horizon: 12, modelUnit: 'week', discountRate: 0 });
    const wrong = modelClv(weekly, spend, customer, { horizon: 12, modelUnit: 'month', discountRate: 0 });
    expect(right / wrong).toBeGreaterThan(2);
  });

  it('is vectorised over rows and columns and does not mutate them', () => {
    const rows = deepFreeze([customer, { frequency: 0, recency: 0, T: 38.86, monetaryValue: 0 }]);
    const v = modelClv(weekly, spend, rows, { horizon: 12, modelUnit: 'week', discountRate: 0.01 });
    expect(v).toHaveLength(2);
    const cols = modelClv(
      weekly,
      spend,
      { frequency: [2, 0], recency: [30.43, 0], T: [38.86, 38.86], monetaryValue: [22.35, 0] },
      { horizon: 12, modelUnit: 'week', discountRate: 0.01 },
    );
    expect(cols).toEqual(v);
  });

  it('accepts a fit result as the transaction model', () => {
    const fit = {
      model: 'bgNbd' as const,
      params,
      logLikelihood: -1,
      converged: true,
      iterations: 1,
      standardErrors: params,
      logCovariance: null,
    };
    expect(modelClv(fit, spend, customer, { horizon: 1, modelUnit: 'week', discountRate: 0 })).toBeGreaterThan(0);
  });

  describe('edge cases', () => {
    it('is 0 for a customer who is certainly gone, even with infinite mean spend', () => {
      const gone = { frequency: 1000, recency: 10, T: 100, monetaryValue: 20 };
      expect(modelClv(weekly, spend, gone, { horizon: 12, modelUnit: 'week', discountRate: 0.01 })).toBe(0);
      expect(
        modelClv(
          weekly,
          { p: 0.1, q: 0.5, v: 1 },
          { ...gone, frequency: 0, recency: 0 },
          { horizon: 1, modelUnit: 'week', discountRate: 0 },
        ),
      ).toBe(Infinity);
    });

    it('handles huge frequency without NaN', () => {
      const v = modelClv(
        weekly,
        spend,
        { frequency: 10_000, recency: 40, T: 40, monetaryValue: 25 },
        { horizon: 12, modelUnit: 'week', discountRate: 0.01 },
      );
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThan(0);
    });
  });

  describe('errors', () => {
    it('requires modelUnit and discountRate (no defaults)', () => {
      expectThrows(
        () => modelClv(weekly, spend, customer, { horizon: 12, discountRate: 0.01 } as never),
        TypeError,
        'modelClv',
        'modelUnit is required',
      );
      expectThrows(
        () => modelClv(weekly, spend, customer, { horizon: 12, modelUnit: 'week' } as never),
        TypeError,
        'modelClv',
        'discountRate is required',
      );
      expectThrows(
        () => modelClv(weekly, spend, customer, undefined as never),
        TypeError,
        'modelClv',
        'options must be an object',
      );
    });

    it('bounds the horizon and validates units and the model name', () => {
      expectThrows(
        () => modelClv(weekly, spend, customer, { horizon: 1e9, modelUnit: 'week', discountRate: 0 }),
        RangeError,
        'modelClv',
        'horizon (1000000000) must not exceed 100000',
      );
      expectThrows(
        () => modelClv(weekly, spend, customer, { horizon: 1.5, modelUnit: 'week', discountRate: 0 }),
        RangeError,
        'modelClv',
        'horizon (1.5) must be a positive integer',
      );
      expectThrows(
        () => modelClv(weekly, spend, customer, { horizon: 1, modelUnit: 'fortnight' as never, discountRate: 0 }),
        RangeError,
        'modelClv',
        'modelUnit ("fortnight") must be one of \'day\'',
      );
      expectThrows(
        () =>
          modelClv({ model: 'paretoNBD', params } as never, spend, customer, {
            horizon: 1,
            modelUnit: 'week',
            discountRate: 0,
          }),
        RangeError,
        'modelClv',
        'transaction.model ("paretoNBD") must be one of \'bgNbd\'',
      );
      expectThrows(
        () => modelClv(weekly, { p: 1, q: 1 } as never, customer, { horizon: 1, modelUnit: 'week', discountRate: 0 }),
        TypeError,
        'modelClv',
        'spend.v must be a number',
      );
    });
  });
});

describe('modelClv at extreme parameters and horizons (issue #16 items 8 and 9)', () => {
  const spendParams = { p: 6.25, q: 3.74, v: 15.44 };
  it('is finite and non-negative where it was NaN or negative', () => {
    const params = {
      r: 0.0000535025738221835,
      alpha: 0.0006951668547570461,
      a: 1.0296527471530328,
      b: 10272.131628437517,
    };
    const customer = { frequency: 6, recency: 1.9087910099715304, T: 1.9087910099715304, monetaryValue: 20 };
    const options = { horizon: 12, modelUnit: 'week', discountRate: 0.01 } as const;
    const v = modelClv({ model: 'bgNbd', params }, spendParams, customer, options);
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThan(0);
    // without discounting the sum telescopes to E[X(H)]·E[spend]
    const undiscounted = modelClv({ model: 'bgNbd', params }, spendParams, customer, { ...options, discountRate: 0 });
    const purchases = bgNbdConditionalExpectedPurchases(params, 12 * (30.4375 / 7), customer);
    expectClose(undiscounted, purchases * gammaGammaExpectedSpend(spendParams, customer), { rel: 1e-12 });
    expect(v).toBeLessThanOrEqual(undiscounted);
  });

  it('a horizon of 100,000 months equals the sum cut where the discounted rest is negligible', () => {
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const customer = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 20 };
    const far = modelClv({ model: 'bgNbd', params }, spendParams, customer, {
      horizon: 100_000,
      modelUnit: 'week',
      discountRate: 0.01,
    });
    // (1.01)^−6000 ≈ 1e-26: months beyond 6,000 add nothing visible
    const near = modelClv({ model: 'bgNbd', params }, spendParams, customer, {
      horizon: 6000,
      modelUnit: 'week',
      discountRate: 0.01,
    });
    expectClose(far, near, { rel: 1e-13 });
  });

  it('a horizon of 100,000 at a discount rate of 1e-6 is the discounted sum of the model increments', () => {
    // Before: 28 s for one BG/NBD customer (100,000 evaluations of E[X(t)]); now ~500 evaluations. The
    // oracle is the formula itself, term by term with the public E[X(t) | history], on 3,000 weeks.
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const customer = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 20 };
    const spend = gammaGammaExpectedSpend(spendParams, customer);
    const d = 1e-6;
    const H = 3000;
    const E = Array.from({ length: H }, (_, i) => bgNbdConditionalExpectedPurchases(params, i + 1, customer));
    let oracle = 0;
    for (let i = 1; i <= H; i++) oracle += ((E[i - 1] as number) - (i > 1 ? (E[i - 2] as number) : 0)) / (1 + d) ** i;
    const options = { horizonUnit: 'week', modelUnit: 'week', discountRate: d } as const;
    expectClose(
      modelClv({ model: 'bgNbd', params }, spendParams, customer, { ...options, horizon: H }),
      oracle * spend,
      {
        rel: 1e-11,
      },
    );
    // the documented maximum: between the discounted and undiscounted totals
    const top = bgNbdConditionalExpectedPurchases(params, 100_000, customer) * spend;
    const far = modelClv({ model: 'bgNbd', params }, spendParams, customer, { ...options, horizon: 100_000 });
    expect(far).toBeLessThanOrEqual(top);
    expect(far).toBeGreaterThanOrEqual(top / (1 + d) ** 100_000);
    expect(far).toBeGreaterThan(oracle * spend);
  });
});
