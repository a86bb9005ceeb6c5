import { describe, expect, it } from 'vitest';
import { buildCohorts, cohortRevenue, cohortRevenueSpec, probabilityAliveMatrixSpec } from '../../src/index.ts';
import { expectClose } from '../helpers/expectClose.ts';
import { expectError } from './helpers.ts';

// CDNOW BG/NBD parameters, weekly units: Fader, Hardie & Lee (2005), via /work/shared/data/README.md.
const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** P(alive | x, tₓ, T) written out from Fader, Hardie & Lee (2005), eq. (11), independently of the library. */
function pAlive(x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  return 1 / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x));
}

describe('probabilityAliveMatrixSpec', () => {
  it('evaluates P(alive) on the frequency × recency grid', () => {
    const spec = probabilityAliveMatrixSpec(params, { maxFrequency: 5, maxRecency: 30, T: 38.86 });
    expect(spec.data.values.length).toBe(6 * 31);
    for (const v of spec.data.values)
      expectClose(v.probabilityAlive as number, pAlive(v.frequency as number, v.recency as number, 38.86), {
        rel: 1e-10,
      });
  });

  it('accepts a non-integer maxRecency (grid up to its floor) and maxRecency = T', () => {
    const spec = probabilityAliveMatrixSpec(params, { maxFrequency: 0, maxRecency: 2.5, T: 2.5 });
    expect(spec.data.values.map((v) => v.recency)).toEqual([0, 1, 2]);
  });

  it('validates parameters and options with its own name', () => {
    expectError(
      () => probabilityAliveMatrixSpec({ ...params, r: -1 }, { maxFrequency: 1, maxRecency: 1, T: 1 }),
      RangeError,
      'probabilityAliveMatrixSpec: params.r (-1) must be greater than 0',
    );
    expectError(
      () => probabilityAliveMatrixSpec(params, { maxFrequency: 1, maxRecency: 5, T: 4 }),
      RangeError,
      'probabilityAliveMatrixSpec: maxRecency (5) must not exceed T (4)',
    );
    expectError(
      () => probabilityAliveMatrixSpec(params, { maxFrequency: 1000, maxRecency: 1000, T: 1000 }),
      RangeError,
      'probabilityAliveMatrixSpec: the grid (1001 × 1001) must have at most 250000 cells',
    );
  });
});

describe('cohortRevenueSpec', () => {
  const day = 86_400_000;
  // Customer 1 spends 10 on day 0 and 30 on day 1; customer 2 spends 20 on day 0; customer 3 starts on day 1 with 7.
  const index = buildCohorts(
    { customer: [1, 1, 2, 3], time: [0, day, 0, day], value: [10, 30, 20, 7] },
    { period: 'day', observationEnd: 2 * day },
  );
  const revenue = cohortRevenue(index);

  it('plots cumulative revenue per customer of complete periods, per cohort and on average', () => {
    const spec = cohortRevenueSpec(revenue, { currency: 'USD' });
    // Cohort day 0 (2 customers): (10 + 20)/2 = 15, then (10 + 20 + 30)/2 = 30. Cohort day 1 (1 customer): 7.
    expect(spec.data.values.filter((v) => !v.average).map((v) => [v.series, v.period, v.revenuePerCustomer])).toEqual([
      ['1970-01-01', 0, 15],
      ['1970-01-01', 1, 30],
      ['1970-01-02', 0, 7],
    ]);
    // Average column 0 = (30 + 7)/3 over both cohorts; column 1 only the first cohort's is complete → 60/2.
    const average = spec.data.values.filter((v) => v.average).map((v) => v.revenuePerCustomer as number);
    expectClose(average[0] as number, 37 / 3);
    expectClose(average[1] as number, 30);
    expect((spec.encoding as { y: { title: string } }).y.title).toBe('cumulative revenue per customer (USD)');
  });

  it('rejects a retention matrix (no revenuePerCustomer)', () => {
    expectError(
      () => cohortRevenueSpec({ cohorts: [{ label: 'a', size: 1, rates: [1], complete: [true] }] } as never),
      TypeError,
      'cohortRevenueSpec: revenue.cohorts[0].revenuePerCustomer must be an array, got undefined',
    );
  });
});
