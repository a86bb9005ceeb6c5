import { describe, expect, it } from 'vitest';
import { periodTransactions } from '../../src/index.ts';
import { deepFreeze, expectClose, expectThrows } from '../helpers/expectClose.ts';
import { BTYD_BG_NBD, BTYD_PARETO_NBD, cdnowSplit } from './cdnow.ts';

// Actual counts: the bin sizes the BTYD walkthrough prints for CDNOW (row "bin" of the conditional
// expectation table, §3.4 and §4.4): 1411, 439, 214, 100, 62, 38, 29, 64 customers with 0 … 7+ repeat
// transactions in the 39-week calibration period.
const BTYD_BINS = [1411, 439, 214, 100, 62, 38, 29, 64];

// Expected counts: an independent evaluation in Python with mpmath 1.3.0 at 30 digits, Σ over the 2,357
// customers of P(X(Tᵢ) = n), with FHL (2005) eq. 8 for BG/NBD (NB tail as 1 − Σ_{j<n}) and Fader & Hardie
// (2006) eq. 13 (the ₂F₁ closed form) for Pareto/NBD, at the walkthrough's parameters.
const MPMATH_BG = [
  1407.68171612244, 460.32245423578, 192.463652849449, 101.165667338473, 59.8478536417637, 38.1200597746508,
  25.5492271508736, 71.849368886573,
];
const MPMATH_PN = [
  1434.53538034523, 396.775518539643, 193.397538237383, 111.739634170855, 69.936295532549, 45.8155429871929,
  30.9021500540544, 73.8979401330971,
];

describe('periodTransactions', () => {
  it('reproduces the CDNOW calibration histogram (BTYD bin sizes) and independent expected counts', () => {
    for (const [model, reference] of [
      [BTYD_BG_NBD, MPMATH_BG],
      [BTYD_PARETO_NBD, MPMATH_PN],
    ] as const) {
      const bins = periodTransactions(cdnowSplit(), model);
      expect(bins.map((b) => b.actual)).toStrictEqual(BTYD_BINS);
      expect(bins.map((b) => b.orMore)).toStrictEqual([false, false, false, false, false, false, false, true]);
      bins.forEach((b, n) => {
        expectClose(b.expected, reference[n] as number, { rel: 1e-10 });
      });
    }
  });

  it('works for MBG/NBD, and expected counts add up to the customers for every model', () => {
    const split = cdnowSplit();
    const mbg = { model: 'mbgNbd', params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } } as const;
    for (const model of [BTYD_BG_NBD, BTYD_PARETO_NBD, mbg]) {
      const bins = periodTransactions(split, model, { maxFrequency: 3 });
      expect(bins).toHaveLength(4);
      expectClose(
        bins.reduce((s, b) => s + b.expected, 0),
        split.length,
        { rel: 1e-10 },
      );
    }
  });

  it('weights a row like that many copies of it', () => {
    const p = BTYD_BG_NBD;
    const rows = [
      { frequency: 0, recency: 0, T: 30 },
      { frequency: 3, recency: 20, T: 30 },
    ];
    const weighted = periodTransactions(rows, p, { weights: [3, 1], maxFrequency: 4 });
    const copies = periodTransactions([rows[0]!, rows[0]!, rows[0]!, rows[1]!], p, { maxFrequency: 4 });
    weighted.forEach((b, n) => {
      expect(b.actual).toBe(copies[n]!.actual);
      expectClose(b.expected, copies[n]!.expected, { rel: 1e-14 });
    });
  });

  describe('edge cases', () => {
    it('returns zero bins without customers and does not mutate its input', () => {
      expect(periodTransactions([], BTYD_BG_NBD, { maxFrequency: 1 })).toStrictEqual([
        { frequency: 0, orMore: false, actual: 0, expected: 0 },
        { frequency: 1, orMore: true, actual: 0, expected: 0 },
      ]);
      const rows = deepFreeze([{ frequency: 1, recency: 1, T: 2 }]);
      expect(() => periodTransactions(rows, BTYD_PARETO_NBD)).not.toThrow();
    });

    it('puts everything in bin 0 for customers observed for no time', () => {
      const bins = periodTransactions([{ frequency: 0, recency: 0, T: 0 }], BTYD_PARETO_NBD, { maxFrequency: 2 });
      expect(bins.map((b) => b.expected)).toStrictEqual([1, 0, 0]);
    });

    it('throws for bad options and models', () => {
      expectThrows(() => periodTransactions([], BTYD_BG_NBD, { maxFrequency: 0 }), RangeError, 'periodTransactions');
      expectThrows(
        () => periodTransactions([], { model: 'nbd', params: {} } as never),
        RangeError,
        'periodTransactions',
        'transaction.model',
      );
      expectThrows(
        () => periodTransactions([{ frequency: 1.5, recency: 0, T: 1 }], BTYD_BG_NBD),
        RangeError,
        'periodTransactions',
        'row 0',
      );
    });
  });
});
