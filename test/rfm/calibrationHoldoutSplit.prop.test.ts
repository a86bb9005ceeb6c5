import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrationHoldoutSplit, rfmSummary } from 'loyalty-metrics';
import { expectClose } from '../helpers/expectClose.ts';
import { kernelPathColumns, kernelPathLogs, SPAN_ID_OFFSET } from './arbitraries.ts';

const DAY = 86_400_000;

// Mixed ids take the Map path of the kernel; logs of small integer ids only take the direct-indexed path.
const txOf = (c: fc.Arbitrary<string | number>) =>
  fc.record({
    c,
    t: fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: DAY - 1 })).map(([d, m]) => d * DAY + m),
    v: fc.integer({ min: 1, max: 10_000 }).map((cents) => cents / 100),
  });
const log = fc.oneof(
  fc.array(txOf(fc.constantFrom<string | number>('a', 'b', 'c', 1, 2)), { maxLength: 40 }),
  fc.array(txOf(fc.nat(6)), { maxLength: 40 }),
);
const window = fc
  .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 20 }))
  .map(([cal, extra]) => ({ cal, end: cal + extra }));
const options = (cal: number, end: number) =>
  ({ customer: 'c', time: 't', value: 'v', calibrationEnd: cal * DAY, observationEnd: end * DAY }) as const;
const key = (c: unknown): string => `${typeof c}:${String(c)}`;

describe('calibrationHoldoutSplit properties', () => {
  it('has calibration fields equal to rfmSummary at calibrationEnd', () => {
    fc.assert(
      fc.property(log, window, (rows, { cal, end }) => {
        const split = calibrationHoldoutSplit(rows, options(cal, end));
        const summary = new Map(
          rfmSummary(rows, { customer: 'c', time: 't', value: 'v', observationEnd: cal * DAY }).map((r) => [
            key(r.customer),
            r,
          ]),
        );
        expect(split).toHaveLength(summary.size);
        for (const row of split) {
          const s = summary.get(key(row.customer));
          expect([row.frequency, row.recency, row.T]).toEqual([s?.frequency, s?.recency, s?.T]);
          expectClose(row.monetaryValue, s?.monetaryValue as number, { rel: 1e-12, abs: 1e-12 });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('counts distinct holdout days and averages their values, as a brute-force oracle does', () => {
    fc.assert(
      fc.property(log, window, (rows, { cal, end }) => {
        const days = new Map<string, Map<number, number>>();
        for (const r of rows) {
          const d = Math.floor(r.t / DAY);
          if (d <= cal || d > end) continue;
          const m = days.get(key(r.c)) ?? new Map<number, number>();
          m.set(d, (m.get(d) ?? 0) + r.v);
          days.set(key(r.c), m);
        }
        for (const row of calibrationHoldoutSplit(rows, options(cal, end))) {
          const m = days.get(key(row.customer));
          expect(row.holdoutFrequency).toBe(m?.size ?? 0);
          const total = m === undefined ? 0 : [...m.values()].reduce((a, b) => a + b, 0);
          expectClose(row.holdoutMonetaryValue, m === undefined ? 0 : total / m.size, { rel: 1e-12, abs: 1e-12 });
          expect(row.holdoutDuration).toBe(end - cal);
          expect(row.recency).toBeLessThanOrEqual(row.T);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives identical results for row and columnar input, in any order', () => {
    fc.assert(
      fc.property(
        log.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
        ),
        window,
        ([rows, shuffled], { cal, end }) => {
          const a = calibrationHoldoutSplit(rows, options(cal, end));
          const columns = { customer: rows.map((r) => r.c), time: rows.map((r) => r.t), value: rows.map((r) => r.v) };
          expect(calibrationHoldoutSplit(columns, { calibrationEnd: cal * DAY, observationEnd: end * DAY })).toEqual(a);
          const sort = (list: typeof a) =>
            list.map((r) => [key(r.customer), r.frequency, r.recency, r.T, r.holdoutFrequency]).sort();
          expect(sort(calibrationHoldoutSplit(shuffled, options(cal, end)))).toEqual(sort(a));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('throws RangeError whenever observationEnd is before calibrationEnd', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (cal, gap) => {
        expect(() =>
          calibrationHoldoutSplit(
            { customer: [1], time: [0] },
            { calibrationEnd: cal * 1000, observationEnd: (cal - gap) * 1000 },
          ),
        ).toThrow(RangeError);
      }),
      { numRuns: 100 },
    );
  });
  it('gives the same split on every kernel path (whole-window bitsets, per-customer spans, sparse lists)', () => {
    // See kernelPathLogs: both kernels must agree, in any order.
    fc.assert(
      fc.property(
        kernelPathLogs,
        fc.integer({ min: -22_000, max: 22_000 }),
        fc.nat(22_000),
        ([rows, shuffled], cal, holdout) => {
          const options = { calibrationEnd: cal * DAY, observationEnd: (cal + holdout) * DAY };
          const window = calibrationHoldoutSplit(kernelPathColumns(rows, 0), options);
          for (const log of [rows, shuffled]) {
            const spans = calibrationHoldoutSplit(kernelPathColumns(log, SPAN_ID_OFFSET), options);
            const byId = new Map(spans.map((r) => [(r.customer as number) - SPAN_ID_OFFSET, r]));
            expect(spans).toHaveLength(window.length);
            for (const a of window) {
              const b = byId.get(a.customer as number);
              expect(b && [b.frequency, b.recency, b.T, b.holdoutFrequency, b.holdoutDuration]).toEqual([
                a.frequency,
                a.recency,
                a.T,
                a.holdoutFrequency,
                a.holdoutDuration,
              ]);
              expectClose(b?.monetaryValue as number, a.monetaryValue, { rel: 1e-12, abs: 1e-9 });
              expectClose(b?.holdoutMonetaryValue as number, a.holdoutMonetaryValue, { rel: 1e-12, abs: 1e-9 });
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
