import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgNbdExpectedPurchases, trackingTransactions } from '../../src/index.ts';
import { deepFreeze, expectClose, expectThrows } from '../helpers/expectClose.ts';
import { BTYD_BG_NBD, BTYD_PARETO_NBD_RECOVERED, cdnowLog } from './cdnow.ts';

// BTYD walkthrough (McCarthy & Wadsworth), CDNOW weekly tracking, weeks 20–25 (`inc.tracking[, 20:25]`,
// `cum.tracking[, 20:25]`). Actual weekly repeat transactions are data; expected ones depend on the parameters,
// which are known to about 7 significant digits, hence a relative tolerance of 1e-6 on the expectations.
const ACTUAL_INC = [73, 55, 70, 33, 56, 99];
const ACTUAL_CUM = [1359, 1414, 1484, 1517, 1573, 1672];
// §4.4 (BG/NBD)
const BG_INC = [76.86531, 74.88843, 73.04554, 71.32166, 69.70412, 68.18213];
const BG_CUM = [1312.458, 1387.346, 1460.392, 1531.713, 1601.418, 1669.6];
// §3.4 (Pareto/NBD), printed to 3 decimals
const PN_INC = [78.308, 76.419, 74.648, 72.983, 71.414, 69.933];
const PN_CUM = [1308.856, 1385.275, 1459.923, 1532.906, 1604.32, 1674.253];

const options = { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', modelUnit: 'week' } as const;

describe('trackingTransactions', () => {
  it('reproduces the BTYD walkthrough weekly tracking tables for BG/NBD and Pareto/NBD', () => {
    // Pareto/NBD: printed to 3 decimals (half a unit, 5e-4); the cumulative sums of ~1,500 also carry the
    // recovered parameters' ~1e-7 relative error, so 1.2e-3 there.
    for (const [model, inc, cum, incTol, cumTol] of [
      [BTYD_BG_NBD, BG_INC, BG_CUM, { rel: 1e-6 }, { rel: 1e-6 }],
      [BTYD_PARETO_NBD_RECOVERED, PN_INC, PN_CUM, { abs: 5e-4 }, { abs: 1.2e-3 }],
    ] as const) {
      const rows = trackingTransactions(cdnowLog(), model, options);
      expect(rows).toHaveLength(78);
      expect(rows[0]!.start).toBe('1997-01-01');
      expect(rows[38]!.holdout).toBe(false);
      expect(rows[39]!.holdout).toBe(true);
      const weeks = rows.slice(19, 25);
      expect(weeks.map((r) => r.actual)).toStrictEqual(ACTUAL_INC);
      expect(weeks.map((r) => r.cumulativeActual)).toStrictEqual(ACTUAL_CUM);
      weeks.forEach((r, j) => {
        expectClose(r.expected, inc[j] as number, incTol);
        expectClose(r.cumulativeExpected, cum[j] as number, cumTol);
      });
    }
  });

  it('keeps cumulative = running sum of incremental; daily rows add up to the weekly ones', () => {
    const log = cdnowLog();
    const weekly = trackingTransactions(log, BTYD_BG_NBD, options);
    const daily = trackingTransactions(log, BTYD_BG_NBD, { ...options, period: 'day' });
    expect(daily).toHaveLength(546);
    let a = 0;
    let e = 0;
    for (const r of daily) {
      a += r.actual;
      e += r.expected;
      expect(r.cumulativeActual).toBe(a);
      expectClose(r.cumulativeExpected, e, { rel: 1e-12 });
    }
    weekly.forEach((w, k) => {
      const d = daily[7 * k + 6]!;
      expect(d.cumulativeActual).toBe(w.cumulativeActual);
      expectClose(d.cumulativeExpected, w.cumulativeExpected, { rel: 1e-13 });
    });
  });

  it('equals Σ over customers of E[X(t)] from each first purchase (brute force, fast-check)', () => {
    const day = 86_400_000;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 30 })), {
          minLength: 1,
          maxLength: 12,
        }),
        (events) => {
          const log = { customer: events.map((e) => e[0]), time: events.map((e) => e[1] * day) };
          const rows = trackingTransactions(log, BTYD_BG_NBD, {
            calibrationEnd: 20 * day,
            observationEnd: 30 * day,
            modelUnit: 'week',
            period: 'day',
          });
          const first = new Map<number, number>();
          for (const [c, d] of events) if (d <= 20) first.set(c, Math.min(first.get(c) ?? d, d));
          const origin = Math.min(...first.values());
          for (const r of rows) {
            const boundary = origin + r.period; // end of day r.period − 1 after origin
            const brute = [...first.values()]
              .filter((d) => d < boundary)
              .reduce((s, d) => s + bgNbdExpectedPurchases(BTYD_BG_NBD.params, (boundary - d) / 7), 0);
            expectClose(r.cumulativeExpected, brute, { rel: 1e-12, abs: 1e-15 });
            expect(r.expected).toBeGreaterThanOrEqual(-1e-12);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  describe('edge cases', () => {
    it('returns [] without tracked customers and leaves frozen input alone', () => {
      expect(trackingTransactions({ customer: [], time: [] }, BTYD_BG_NBD, options)).toStrictEqual([]);
      const rows = deepFreeze([{ id: 'a', at: '1997-10-05' }]);
      expect(trackingTransactions(rows, BTYD_BG_NBD, { ...options, customer: 'id', time: 'at' })).toStrictEqual([]);
    });

    it('throws for missing options and a holdout end before the calibration end', () => {
      const log = { customer: ['a'], time: ['2024-01-01'] };
      expectThrows(() => trackingTransactions(log, BTYD_BG_NBD, undefined as never), TypeError, 'trackingTransactions');
      expectThrows(
        () => trackingTransactions(log, BTYD_BG_NBD, { calibrationEnd: '2024-01-01' } as never),
        TypeError,
        'trackingTransactions',
        'modelUnit',
      );
      expectThrows(
        () =>
          trackingTransactions(log, BTYD_BG_NBD, {
            ...options,
            calibrationEnd: '2024-02-01',
            observationEnd: '2024-01-15',
          }),
        RangeError,
        'trackingTransactions',
        'observationEnd',
      );
      expectThrows(
        () => trackingTransactions(log, BTYD_BG_NBD, { ...options, period: 'month' } as never),
        RangeError,
        'trackingTransactions',
        'period',
      );
    });
  });
});
