import { describe, expect, it } from 'vitest';
import { fitParetoNbd, holdoutComparison } from '../../src/index.ts';
import { deepFreeze, expectClose, expectThrows } from '../helpers/expectClose.ts';
import { BTYD_BG_NBD, BTYD_PARETO_NBD, BTYD_PARETO_NBD_RECOVERED, cdnowSplit } from './cdnow.ts';

// BTYD walkthrough (McCarthy & Wadsworth), CDNOW, T* = 39 weeks, censor 7. Printed tables:
// §4.4 BG/NBD `bgnbd.PlotFreqVsConditionalExpectedFrequency` (7 significant digits, params 0.2425967,
// 4.413659, 0.7929869, 2.426164):
const BG_ACTUAL = [0.2367116, 0.6970387, 1.392523, 1.56, 2.532258, 2.947368, 3.862069, 6.359375];
const BG_EXPECTED = [0.2250893, 0.5231364, 1.044126, 1.520256, 2.163824, 2.653789, 3.503957, 6.157036];
// §3.4 Pareto/NBD `pnbd.PlotFreqVsConditionalExpectedFrequency`, rounded to 3 decimals:
const PN_ACTUAL = [0.237, 0.697, 1.393, 1.56, 2.532, 2.947, 3.862, 6.359];
const PN_EXPECTED = [0.138, 0.6, 1.196, 1.714, 2.399, 2.907, 3.819, 6.403];
const BINS = [1411, 439, 214, 100, 62, 38, 29, 64];

describe('holdoutComparison', () => {
  it('reproduces the BTYD walkthrough BG/NBD table to its printed 7 digits', () => {
    const { byFrequency } = holdoutComparison(cdnowSplit(), BTYD_BG_NBD);
    expect(byFrequency.map((r) => r.customers)).toStrictEqual(BINS);
    byFrequency.forEach((r, n) => {
      expectClose(r.actual, BG_ACTUAL[n] as number, { rel: 5e-7 });
      // the parameters are printed to 7 digits too, so the last printed digit may differ by one
      expectClose(r.expected, BG_EXPECTED[n] as number, { rel: 5e-7 });
    });
  });

  it('reproduces the BTYD walkthrough Pareto/NBD table to 1e-3', () => {
    // The walkthrough's parameters are printed to 3 decimals and its β had not converged (11.656 … 11.658 over
    // three runs), so the third decimal of `exp` can differ by one: absolute tolerance 1.5e-3. Our own MLE
    // (log-likelihood −9594.976, as printed) gives the same table.
    const fit = fitParetoNbd(cdnowSplit());
    expectClose(fit.logLikelihood, -9594.976, { abs: 5e-4 });
    for (const model of [BTYD_PARETO_NBD, fit]) {
      const { byFrequency } = holdoutComparison(cdnowSplit(), model);
      byFrequency.forEach((r, n) => {
        expectClose(r.actual, PN_ACTUAL[n] as number, { abs: 5e-4 });
        expectClose(r.expected, PN_EXPECTED[n] as number, { abs: 1.5e-3 });
      });
    }
  });

  it('reproduces the Pareto/NBD table to its printed 3 decimals with the recovered parameters', () => {
    const { byFrequency } = holdoutComparison(cdnowSplit(), BTYD_PARETO_NBD_RECOVERED);
    byFrequency.forEach((r, n) => {
      expectClose(r.expected, PN_EXPECTED[n] as number, { abs: 5e-4 });
    });
  });

  it('bins by recency with sizes that add up, and means that pool to the overall mean', () => {
    const split = cdnowSplit();
    const { byFrequency, byRecency } = holdoutComparison(split, BTYD_BG_NBD, { recencyBins: 5 });
    expect(byRecency).toHaveLength(5);
    expect(byRecency.reduce((s, r) => s + r.customers, 0)).toBe(split.length);
    const pooled = (
      rows: readonly { customers: number; expected: number; actual: number }[],
      key: 'expected' | 'actual',
    ) => rows.reduce((s, r) => s + (r.customers > 0 ? r.customers * r[key] : 0), 0);
    expectClose(pooled(byRecency, 'expected'), pooled(byFrequency, 'expected'), { rel: 1e-12 });
    expectClose(pooled(byRecency, 'actual'), pooled(byFrequency, 'actual'), { rel: 1e-12 });
    expect(byRecency[0]!.from).toBe(0);
    expect(byRecency[4]!.to).toBeCloseTo(38.857, 3);
  });

  describe('edge cases', () => {
    it('gives NaN means for empty bins, takes columns and does not mutate input', () => {
      const split = deepFreeze({
        frequency: [0],
        recency: [0],
        T: [10],
        holdoutFrequency: [1],
        holdoutDuration: [5],
      });
      const { byFrequency, byRecency } = holdoutComparison(split, BTYD_PARETO_NBD, {
        maxFrequency: 1,
        recencyBins: [0, 1, 2],
      });
      expect(byFrequency[0]!.actual).toBe(1);
      expect(byFrequency[1]!.customers).toBe(0);
      expect(byFrequency[1]!.expected).toBeNaN();
      expect(byRecency[1]!.actual).toBeNaN();
    });

    it('throws for bad holdout fields and bins', () => {
      const row = { frequency: 0, recency: 0, T: 10, holdoutFrequency: -1, holdoutDuration: 5 };
      expectThrows(() => holdoutComparison([row], BTYD_BG_NBD), RangeError, 'holdoutComparison', 'holdoutFrequency');
      expectThrows(
        () => holdoutComparison([{ ...row, holdoutFrequency: 0 }], BTYD_BG_NBD, { recencyBins: [0, 0] }),
        RangeError,
        'holdoutComparison',
        'recencyBins[1]',
      );
      expectThrows(
        () => holdoutComparison([{ frequency: 0, recency: 0, T: 1 }] as never, BTYD_BG_NBD),
        TypeError,
        'holdoutComparison',
        'holdoutFrequency',
      );
    });
  });
});
