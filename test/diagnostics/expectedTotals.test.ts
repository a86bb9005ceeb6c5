import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bgNbdPurchaseProbability,
  expectedTotals,
  fitBgNbd,
  fitParetoNbd,
  bgBbPurchaseProbability,
  gammaGammaExpectedSpend,
  mbgNbdPurchaseProbability,
  modelClv,
  paretoNbdPurchaseProbability,
} from '../../src/index.ts';
import { createRng, gammaVariate } from '../../src/internal/random.ts';
import { compressPatterns, groupPairs } from '../../src/internal/compressPatterns.ts';
import { CONDITIONAL_FACTORS, CONDITIONAL_MOMENTS } from '../../src/internal/models/conditionalMoments.ts';
import { TRANSACTION_MODELS } from '../../src/internal/models/transactionModel.ts';
import { deepFreeze, expectClose, expectThrows } from '../helpers/expectClose.ts';
import { cdnowSplit } from './cdnow.ts';

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const PN = { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.658 };

/** Mean and variance from a distribution over n = 0 … N − 1. */
function pmfMoments(q: readonly number[]): [number, number] {
  const mean = q.reduce((s, v, n) => s + n * v, 0);
  return [mean, q.reduce((s, v, n) => s + n * n * v, 0) - mean * mean];
}

describe('conditional moments of future purchases', () => {
  it('give each model its own conditional expectation', () => {
    const out = { mean: 0, variance: 0 };
    for (const [name, p] of [
      ['bgNbd', BG],
      ['mbgNbd', BG],
      ['paretoNbd', PN],
      ['paretoNbd', { ...PN, s: 1 }],
    ] as const) {
      for (const [x, tx, T, t] of [
        [2, 30.43, 38.86, 39],
        [0, 0, 38.86, 39],
        [20, 30, 31, 52],
        [1, 1, 2, 0.5],
      ] as const) {
        CONDITIONAL_MOMENTS[name](p, t, x, tx, T, out);
        expectClose(out.mean, TRANSACTION_MODELS[name].conditionalExpectedPurchases(p, t, x, tx, T), { rel: 1e-7 });
        expect(out.variance).toBeGreaterThanOrEqual(out.mean * 0.999);
      }
    }
  });

  it('give the variance of the model distribution P(X(t) = n) for a new customer (x = tₓ = T = 0)', () => {
    // a second route: Σ n²·P(X(t) = n) − mean², with the pmfs FHL (2005) eq. 8, Batislam et al. (2007) eq. 8
    // and Fader & Hardie (2006) eq. 13
    const n = Array.from({ length: 600 }, (_, k) => k);
    const out = { mean: 0, variance: 0 };
    for (const t of [1, 13, 39]) {
      for (const [name, q] of [
        ['bgNbd', bgNbdPurchaseProbability(BG, t, n)],
        ['mbgNbd', mbgNbdPurchaseProbability(BG, t, n)],
        ['paretoNbd', paretoNbdPurchaseProbability(PN, t, n)],
      ] as const) {
        CONDITIONAL_MOMENTS[name](name === 'paretoNbd' ? PN : BG, t, 0, 0, 0, out);
        const [mean, variance] = pmfMoments(q);
        expectClose(out.mean, mean, { rel: 1e-9 });
        expectClose(out.variance, variance, { rel: 1e-8 });
      }
    }
  });
});

describe('conditional moments in two factors', () => {
  it('π·E[Y] and π·E[Y²] − (π·E[Y])² give the one-step moments; E[Y] does not depend on tₓ', () => {
    const BB = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 };
    const out = { mean: 0, variance: 0 };
    const given = { mean: 0, second: 0 };
    for (const [name, p, rows] of [
      [
        'bgNbd',
        BG,
        [
          [2, 30.43, 38.86],
          [0, 0, 38.86],
          [7, 3, 31],
        ],
      ],
      [
        'mbgNbd',
        BG,
        [
          [2, 30.43, 38.86],
          [0, 0, 38.86],
        ],
      ],
      [
        'paretoNbd',
        PN,
        [
          [2, 30.43, 38.86],
          [0, 0, 38.86],
          [7, 3, 31],
        ],
      ],
      [
        'bgBb',
        BB,
        [
          [3, 5, 6],
          [0, 0, 6],
          [1, 1, 6],
        ],
      ],
    ] as const) {
      for (const [x, tx, T] of rows)
        for (const t of [1, 5, 39]) {
          CONDITIONAL_MOMENTS[name](p, t, x, tx, T, out);
          const f = CONDITIONAL_FACTORS[name];
          f.given(p, t, x, T, given);
          const alive = f.alive(p, x, tx, T);
          expectClose(alive * given.mean, out.mean, { rel: 1e-14, abs: 1e-300 });
          expectClose(Math.max(0, alive * given.second - (alive * given.mean) ** 2), out.variance, {
            rel: 1e-12,
            abs: 1e-300,
          });
          expect(given.second).toBeGreaterThanOrEqual(given.mean ** 2);
        }
    }
  });
});

describe('compressPatterns', () => {
  it('grows past its first table: thousands of patterns, −0 merged with 0 (against a string-keyed map)', () => {
    const rng = createRng(11);
    const n = 6000;
    const x = new Float64Array(n);
    const tx = new Float64Array(n);
    const T = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = Math.floor(rng() * 12);
      T[i] = 20 + Math.floor(rng() * 30) / 7;
      tx[i] = x[i] === 0 ? (rng() < 0.5 ? -0 : 0) : Math.floor(rng() * 40) / 7;
    }
    const w = Float64Array.from({ length: n }, () => Math.floor(rng() * 3));
    const p = compressPatterns(x, tx, T, w);
    const key = (a: number, b: number, c: number) => `${a}|${b === 0 ? 0 : b}|${c}`;
    const map = new Map<string, number>();
    for (let i = 0; i < n; i++) map.set(key(x[i]!, tx[i]!, T[i]!), (map.get(key(x[i]!, tx[i]!, T[i]!)) ?? 0) + w[i]!);
    expect(p.count).toBe(map.size);
    expect(p.count).toBeGreaterThan(2048);
    let wrong = 0;
    for (let i = 0; i < p.count; i++)
      if (p.weight[i] !== map.get(key(p.frequency[i]!, p.recency[i]!, p.T[i]!))) wrong++;
    for (let i = 0; i < n; i++) {
      const k = p.index[i]!;
      if (key(p.frequency[k]!, p.recency[k]!, p.T[k]!) !== key(x[i]!, tx[i]!, T[i]!)) wrong++;
    }
    // and the (x, T) pairs of the patterns
    const pairs = groupPairs(p.frequency, p.T);
    expect(pairs.count).toBe(new Set(Array.from(p.frequency, (v, i) => `${v}|${p.T[i]}`)).size);
    for (let i = 0; i < p.count; i++)
      if (pairs.frequency[pairs.index[i]!] !== p.frequency[i] || pairs.T[pairs.index[i]!] !== p.T[i]) wrong++;
    expect(wrong).toBe(0);
  });

  it('merges equal rows and keeps weights (fast-check against a string-keyed map)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 3, max: 4 })),
          {
            maxLength: 60,
          },
        ),
        (rows) => {
          const p = compressPatterns(
            Float64Array.from(rows, (r) => r[0]),
            Float64Array.from(rows, (r) => r[1]),
            Float64Array.from(rows, (r) => r[2]),
            Float64Array.from(rows, () => 1),
          );
          const map = new Map<string, number>();
          for (const r of rows) map.set(r.join(), (map.get(r.join()) ?? 0) + 1);
          expect(p.count).toBe(map.size);
          for (let i = 0; i < p.count; i++)
            expect(p.weight[i]).toBe(map.get([p.frequency[i], p.recency[i], p.T[i]].join()));
          rows.forEach((r, i) => {
            expect([p.frequency[p.index[i]!], p.recency[p.index[i]!], p.T[p.index[i]!]]).toStrictEqual(r);
          });
        },
      ),
    );
  });
});

describe('expectedTotals', () => {
  it('sums the conditional expectations of the customers; intervals contain it and widen with the horizon', () => {
    const split = cdnowSplit();
    for (const fit of [fitBgNbd(split), fitParetoNbd(split)]) {
      const totals = expectedTotals(split, fit, { horizon: 6, periodLength: 6.5, draws: 400 });
      expect(totals.customers).toBe(2357);
      expect(totals.patterns).toBeLessThan(2357);
      const kernel = TRANSACTION_MODELS[fit.model];
      let previousWidth = 0;
      let previous = 0;
      for (const row of totals.rows) {
        const direct = split.reduce(
          (s, c) => s + kernel.conditionalExpectedPurchases(fit.params, row.t, c.frequency, c.recency, c.T),
          0,
        );
        expectClose(row.expected, direct, { rel: 1e-11 });
        expectClose(row.incremental, row.expected - previous, { rel: 1e-12 });
        previous = row.expected;
        expect(row.lower).toBeLessThan(row.expected);
        expect(row.upper).toBeGreaterThan(row.expected);
        expect(row.upper - row.lower).toBeGreaterThan(previousWidth);
        previousWidth = row.upper - row.lower;
      }
      // 39 weeks: the walkthrough's holdout total is 1,788 purchases by these customers; the model's expectation
      // and interval are of that size
      expect(totals.rows[5]!.t).toBe(39);
    }
  });

  it('linearized draws agree with exact draws to a few per cent', () => {
    const split = cdnowSplit();
    const fit = fitParetoNbd(split);
    const options = { horizon: 4, periodLength: 13, draws: 1000, seed: 3 } as const;
    const exact = expectedTotals(split, fit, { ...options, parameterDraws: 'exact' });
    const linear = expectedTotals(split, fit, options);
    exact.rows.forEach((row, h) => {
      const l = linear.rows[h]!;
      expect(l.expected).toBe(row.expected);
      expectClose(l.lower, row.lower, { rel: 0.03 });
      expectClose(l.upper, row.upper, { rel: 0.03 });
    });
  });

  it('scales with weights like copies, and gives NaN bounds without a covariance', () => {
    const one = { frequency: 2, recency: 30.43, T: 38.86 };
    const fit = { model: 'bgNbd', params: BG } as const;
    const a = expectedTotals(deepFreeze([one]), fit, { horizon: 1, periodLength: 39, weights: [1000] });
    const b = expectedTotals(
      Array.from({ length: 1000 }, () => one),
      fit,
      { horizon: 1, periodLength: 39 },
    );
    // FHL (2005): 1.226 per customer in 39 weeks
    expectClose(a.rows[0]!.expected, 1226.03, { abs: 0.01 });
    expectClose(a.rows[0]!.expected, b.rows[0]!.expected, { rel: 1e-12 });
    expect(a.rows[0]!.lower).toBeNaN();
    expect(a.draws).toBe(0);
    expectClose(a.rows[0]!.processStandardDeviation, b.rows[0]!.processStandardDeviation, { rel: 1e-12 });
  });

  describe('revenue and CLV', () => {
    const spend = { p: 6.25, q: 3.74, v: 15.44 };
    const customers = () =>
      cdnowSplit().map((c) => ({
        frequency: c.frequency,
        recency: c.recency,
        T: c.T,
        monetaryValue: c.frequency > 0 ? c.monetaryValue : 0,
      }));

    it('revenue sums E[X]·E[spend]; CLV equals the sum of modelClv over the customers', () => {
      const rows = customers();
      const fit = fitBgNbd(rows);
      const totals = expectedTotals(rows, fit, { horizon: 8, spend, margin: 0.3, discountRate: 0.01, draws: 300 });
      const kernel = TRANSACTION_MODELS.bgNbd;
      const means = gammaGammaExpectedSpend(spend, rows);
      let previousWidth = 0;
      for (const row of totals.rows) {
        const direct = rows.reduce(
          (s, c, i) =>
            s +
            (means[i] as number) * kernel.conditionalExpectedPurchases(fit.params, row.t, c.frequency, c.recency, c.T),
          0,
        );
        expectClose(row.revenue!.expected, direct, { rel: 1e-10 });
        const clv = modelClv(fit, spend, rows, {
          horizon: row.period,
          horizonUnit: 'week',
          modelUnit: 'week',
          discountRate: 0.01,
          margin: 0.3,
        }).reduce((s, v) => s + v, 0);
        expectClose(row.clv!.expected, clv, { rel: 1e-9 });
        for (const total of [row.revenue!, row.clv!]) {
          expect(total.lower).toBeLessThan(total.expected);
          expect(total.upper).toBeGreaterThan(total.expected);
        }
        expect(row.revenue!.upper - row.revenue!.lower).toBeGreaterThan(previousWidth);
        previousWidth = row.revenue!.upper - row.revenue!.lower;
        expect(row.clv!.expected).toBeLessThan(row.revenue!.expected * 0.3);
      }
    });

    it('gives the compound variance of revenue (a Monte Carlo check for one new BG/BB customer)', () => {
      // x = 0: ν ~ Gamma(q, v) (rate), X ~ BG/BB P(X(m) = k), revenue = Σ_{k ≤ X} Gamma(p, ν)
      const params = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 };
      const m = 5;
      const totals = expectedTotals(
        [{ frequency: 0, recency: 0, T: 0, monetaryValue: 0 }],
        { model: 'bgBb', params },
        {
          horizon: m,
          spend,
        },
      );
      const pmf = bgBbPurchaseProbability(params, m, [0, 1, 2, 3, 4, 5]);
      const rng = createRng(7);
      const n = 200_000;
      let sum = 0;
      let sum2 = 0;
      for (let s = 0; s < n; s++) {
        let u = rng();
        let x = 0;
        while (x < m && u > (pmf[x] as number)) u -= pmf[x++] as number;
        const nu = gammaVariate(rng, spend.q, 1 / spend.v);
        let r = 0;
        for (let k = 0; k < x; k++) r += gammaVariate(rng, spend.p, 1 / nu);
        sum += r;
        sum2 += r * r;
      }
      const mean = sum / n;
      const sd = Math.sqrt(sum2 / n - mean * mean);
      const row = totals.rows[m - 1]!;
      expectClose(row.revenue!.expected, mean, { rel: 0.02 });
      expectClose(row.revenue!.processStandardDeviation, sd, { rel: 0.03 });
    });

    it('per segment: totals add up to the base, with the base draws', () => {
      const rows = customers();
      const fit = fitParetoNbd(rows);
      const segments = rows.map((c) => (c.frequency === 0 ? 'one-off' : c.frequency < 3 ? 'light' : 'heavy'));
      const totals = expectedTotals(rows, fit, { horizon: 3, periodLength: 13, spend, segments, draws: 100 });
      expect(totals.segments!.map((s) => s.segment)).toStrictEqual(['light', 'one-off', 'heavy']);
      expect(totals.segments!.reduce((s, g) => s + g.customers, 0)).toBe(2357);
      totals.rows.forEach((row, h) => {
        const add = (f: (r: (typeof totals.rows)[number]) => number) =>
          totals.segments!.reduce((s, g) => s + f(g.rows[h]!), 0);
        expectClose(
          add((r) => r.expected),
          row.expected,
          { rel: 1e-10 },
        );
        expectClose(
          add((r) => r.revenue!.expected),
          row.revenue!.expected,
          { rel: 1e-10 },
        );
        for (const g of totals.segments!) {
          expect(g.rows[h]!.lower).toBeLessThan(g.rows[h]!.expected);
          expect(g.rows[h]!.upper).toBeGreaterThan(g.rows[h]!.expected);
        }
      });
    });

    it('properties: intervals contain the point estimate and widen with the horizon', () => {
      const fit = fitBgNbd(customers());
      fc.assert(
        fc.property(
          fc.array(
            fc.tuple(
              fc.integer({ min: 0, max: 8 }),
              fc.double({ min: 0, max: 1, noNaN: true }),
              fc.double({ min: 5, max: 200, noNaN: true }),
            ),
            { minLength: 20, maxLength: 60 },
          ),
          fc.integer({ min: 1, max: 1000 }),
          (spec, seed) => {
            const rows = spec.map(([x, share, money]) => ({
              frequency: x,
              recency: x === 0 ? 0 : 1 + share * 37,
              T: 38,
              monetaryValue: x === 0 ? 0 : money,
            }));
            const totals = expectedTotals(rows, fit, {
              horizon: 4,
              periodLength: 8,
              spend,
              seed,
              draws: 200,
              weights: rows.map(() => 50),
            });
            let width = 0;
            for (const row of totals.rows) {
              for (const t of [row, row.revenue!, row.clv!]) {
                expect(t.lower).toBeLessThanOrEqual(t.expected);
                expect(t.upper).toBeGreaterThanOrEqual(t.expected);
              }
              expect(row.upper - row.lower).toBeGreaterThanOrEqual(width);
              width = row.upper - row.lower;
            }
          },
        ),
        { numRuns: 25 },
      );
    });

    it('rejects margin without spend, bad segments, and missing monetaryValue', () => {
      const fit = { model: 'bgNbd', params: BG } as const;
      expectThrows(
        () => expectedTotals([], fit, { horizon: 1, margin: 0.5 }),
        TypeError,
        'expectedTotals',
        'margin and discountRate need spend',
      );
      expectThrows(
        () => expectedTotals([{ frequency: 0, recency: 0, T: 1 }], fit, { horizon: 1, segments: [] }),
        RangeError,
        'expectedTotals',
        'segments has length 0, expected 1',
      );
      expectThrows(
        () => expectedTotals([{ frequency: 0, recency: 0, T: 1 }], fit, { horizon: 1, segments: [null] as never }),
        TypeError,
        'expectedTotals',
        'segments[0] must be a string or a finite number, got null',
      );
      expectThrows(
        () => expectedTotals([{ frequency: 0, recency: 0, T: 1 }], fit, { horizon: 1, spend }),
        TypeError,
        'expectedTotals',
        'monetaryValue',
      );
    });
  });

  describe('edge cases', () => {
    it('handles no customers and rejects bad options', () => {
      const empty = expectedTotals([], { model: 'paretoNbd', params: PN }, { horizon: 2 });
      expect(empty.rows.map((r) => r.expected)).toStrictEqual([0, 0]);
      expectThrows(
        () => expectedTotals([], { model: 'bgNbd', params: BG }, {} as never),
        TypeError,
        'expectedTotals',
        'horizon',
      );
      expectThrows(
        () => expectedTotals([], { model: 'bgNbd', params: BG }, { horizon: 0 }),
        RangeError,
        'expectedTotals',
        'horizon',
      );
      expectThrows(
        () => expectedTotals([], { model: 'bgNbd', params: BG }, { horizon: 1, parameterDraws: 'some' } as never),
        RangeError,
        'expectedTotals',
        'parameterDraws',
      );
    });
  });
});
