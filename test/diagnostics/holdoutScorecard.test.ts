import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fitBgNbd,
  fitMbgNbd,
  fitParetoNbd,
  holdoutScorecard,
  paretoNbdConditionalExpectedPurchases,
} from '../../src/index.ts';
import { POPULATION_MODELS } from '../../src/internal/models/populationModels.ts';
import { scorePredictions } from '../../src/internal/scorecard.ts';
import { deepFreeze, expectClose, expectThrows } from '../helpers/expectClose.ts';
import { cdnowSplit } from './cdnow.ts';

const PN = { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.658 };
const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('P(no purchase in the holdout | history)', () => {
  it('matches 2-D numerical integration over the individual parameters (mpmath 1.3, 20 digits)', () => {
    // ∫∫ prior·L·P(0 | λ, μ or p) / ∫∫ prior·L, customer x = 2, tₓ = 30.43, T = 38.86, t = 39
    expectClose(POPULATION_MODELS.paretoNbd.probabilityNoPurchase(PN, 39, 2, 30.43, 38.86), 0.4081040913001309, {
      rel: 1e-12,
    });
    expectClose(POPULATION_MODELS.paretoNbd.probabilityNoPurchase(PN, 39, 0, 0, 38.86), 0.9307568675247899, {
      rel: 1e-12,
    });
    expectClose(POPULATION_MODELS.bgNbd.probabilityNoPurchase(BG, 39, 2, 30.43, 38.86), 0.4453728620829956, {
      rel: 1e-12,
    });
    // x = 0: P(alive) = 1, so ((α + T)/(α + T + t))^r = (43.274/82.274)^0.243 (mpmath: 0.85544945921668154949)
    expectClose(POPULATION_MODELS.bgNbd.probabilityNoPurchase(BG, 39, 0, 0, 38.86), 0.8554494592166815, {
      rel: 1e-14,
    });
  });
});

describe('scorePredictions', () => {
  it('gives 0 error, Gini 1 and Brier 0 for a perfect predictor (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 200 }), (a) => {
        const s = scorePredictions(
          a,
          a,
          a.map((v) => (v > 0 ? 1 : 0)),
        );
        expect([s.mae, s.rmse, s.brier]).toStrictEqual([0, 0, 0]);
        if (a.some((v) => v > 0)) expect(s.decileMape).toBe(0);
        if (new Set(a).size > 1) expectClose(s.gini, 1, { rel: 1e-12 });
      }),
    );
  });

  it('bounds the normalised Gini by 1 and scores hand-computed examples', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.double({ min: 0, max: 10, noNaN: true })), {
          minLength: 2,
          maxLength: 100,
        }),
        (rows) => {
          const s = scorePredictions(
            rows.map((r) => r[0]),
            rows.map((r) => r[1]),
            rows.map(() => 0.5),
          );
          if (Number.isFinite(s.gini)) expect(Math.abs(s.gini)).toBeLessThanOrEqual(1 + 1e-12);
          expect(s.rmse + 1e-12).toBeGreaterThanOrEqual(s.mae);
          expect(s.reliability.reduce((c, b) => c + b.customers, 0)).toBe(rows.length);
        },
      ),
    );
    // by prediction the order is 1, 0, 3 (cumulative shares ¼, ¼, 1: G = 1.5/3 − 4/6 = −1/6); by actual
    // 3, 1, 0 (¾, 1, 1: G = 2.75/3 − 4/6 = ¼): normalised −2/3
    const s = scorePredictions([1, 0, 3], [0.9, 0.5, 0.2], [0.2, 0.2, 0.2]);
    expectClose(s.gini, -2 / 3, { rel: 1e-14 });
    expectClose(s.mae, (0.1 + 0.5 + 2.8) / 3, { rel: 1e-14 });
    expectClose(s.brier, (0.64 + 0.04 + 0.64) / 3, { rel: 1e-14 });
    expect(s.reliability[2]).toMatchObject({ from: 0.2, to: 0.3, customers: 3, observed: 2 / 3 });
    expectClose(s.reliability[2]!.predicted, 0.2, { rel: 1e-14 });
  });
});

describe('holdoutScorecard', () => {
  it('scores BG/NBD, Pareto/NBD and MBG/NBD on CDNOW against the naive baselines', () => {
    const split = cdnowSplit();
    const rows = holdoutScorecard(split, [fitBgNbd(split), fitParetoNbd(split), fitMbgNbd(split)]);
    expect(rows.map((r) => [r.name, r.kind])).toStrictEqual([
      ['bgNbd', 'model'],
      ['paretoNbd', 'model'],
      ['mbgNbd', 'model'],
      ['calibrationRate', 'baseline'],
      ['rfmCellMean', 'baseline'],
    ]);
    const rate = rows[3]!;
    for (const model of rows.slice(0, 3)) {
      // every model beats carrying the calibration rate forward on this data set
      expect(model.mae).toBeLessThan(rate.mae);
      expect(model.rmse).toBeLessThan(rate.rmse);
      expect(model.brier).toBeLessThan(rate.brier);
      expect(model.gini).toBeGreaterThan(rate.gini);
      expect(model.reliability.reduce((c, b) => c + b.customers, 0)).toBe(split.length);
    }
  });

  it('agrees with the scoring kernel fed the model predictions by hand', () => {
    const split = cdnowSplit().slice(0, 300);
    const [row] = holdoutScorecard(split, { model: 'paretoNbd', params: PN });
    const kernel = scorePredictions(
      split.map((c) => c.holdoutFrequency),
      split.map((c) => paretoNbdConditionalExpectedPurchases(PN, c.holdoutDuration, c)),
      split.map(
        (c) =>
          1 - POPULATION_MODELS.paretoNbd.probabilityNoPurchase(PN, c.holdoutDuration, c.frequency, c.recency, c.T),
      ),
    );
    expectClose(row!.brier, kernel.brier, { rel: 1e-12 });
    expectClose(row!.mae, kernel.mae, { rel: 1e-12 });
    expectClose(row!.gini, kernel.gini, { rel: 1e-12 });
  });

  describe('edge cases', () => {
    it('names repeated models, takes labels, and leaves frozen input alone', () => {
      const split = deepFreeze([{ frequency: 1, recency: 2, T: 5, holdoutFrequency: 0, holdoutDuration: 5 }]);
      const bg = { model: 'bgNbd', params: BG } as const;
      expect(holdoutScorecard(split, [bg, bg]).map((r) => r.name)).toStrictEqual([
        'bgNbd 1',
        'bgNbd 2',
        'calibrationRate',
        'rfmCellMean',
      ]);
      expect(holdoutScorecard(split, [bg], { names: ['mine'] })[0]!.name).toBe('mine');
      // no holdout purchases: MAPE and Gini undefined
      const [row] = holdoutScorecard(split, bg);
      expect(row!.gini).toBeNaN();
      expect(row!.decileMape).toBeNaN();
    });

    it('returns NaN metrics without customers and throws for bad fits and names', () => {
      const [row] = holdoutScorecard([], { model: 'bgNbd', params: BG });
      expect(row!.mae).toBeNaN();
      expectThrows(() => holdoutScorecard([], []), RangeError, 'holdoutScorecard', 'fits');
      expectThrows(
        () => holdoutScorecard([], [{ model: 'bgNbd', params: BG }], { names: ['a', 'b'] }),
        RangeError,
        'holdoutScorecard',
        'names',
      );
      expectThrows(
        () => holdoutScorecard([], [{ model: 'x', params: BG } as never]),
        RangeError,
        'holdoutScorecard',
        'fits[0].model',
      );
    });
  });
});
