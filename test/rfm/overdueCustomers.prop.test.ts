import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overdueCustomers } from 'loyalty-metrics';
import { expectClose } from '../helpers/expectClose.ts';
import { kernelPathColumns, kernelPathLogs, SPAN_ID_OFFSET } from './arbitraries.ts';

const DAY = 86_400_000;
// Mixed ids take the Map path of the kernel; logs of small integer ids only take the direct-indexed path.
const txOf = (c: fc.Arbitrary<string | number>) =>
  fc.record({
    c,
    t: fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: DAY - 1 })).map(([d, m]) => d * DAY + m),
  });
const log = fc.oneof(
  fc.array(txOf(fc.constantFrom<string | number>('a', 'b', 'c', 'd', 1, 2)), { maxLength: 50 }),
  fc.array(txOf(fc.nat(6)), { maxLength: 50 }),
);
const end = fc.integer({ min: 0, max: 80 });
const multiple = fc.double({ min: 0.1, max: 5, noNaN: true });
const key = (c: unknown): string => `${typeof c}:${String(c)}`;

/** Brute force: distinct UTC days ≤ end per customer, gaps, median, absence. */
function oracle(
  rows: ReadonlyArray<{ c: string | number; t: number }>,
  endDay: number,
  k: number,
): Map<string, { since: number; median: number }> {
  const days = new Map<string, Set<number>>();
  for (const r of rows) {
    const d = Math.floor(r.t / DAY);
    if (d <= endDay) days.set(key(r.c), (days.get(key(r.c)) ?? new Set()).add(d));
  }
  const out = new Map<string, { since: number; median: number }>();
  for (const [c, set] of days) {
    const sorted = [...set].sort((a, b) => a - b);
    if (sorted.length < 2) continue;
    const gaps = sorted
      .slice(1)
      .map((d, i) => d - (sorted[i] as number))
      .sort((a, b) => a - b);
    const n = gaps.length;
    const median =
      n % 2 === 1 ? (gaps[(n - 1) / 2] as number) : ((gaps[n / 2 - 1] as number) + (gaps[n / 2] as number)) / 2;
    const since = endDay - (sorted[sorted.length - 1] as number);
    if (since > k * median) out.set(c, { since, median });
  }
  return out;
}

describe('overdueCustomers properties', () => {
  it('agrees with a brute-force oracle', () => {
    fc.assert(
      fc.property(log, end, multiple, (rows, e, k) => {
        const out = overdueCustomers(rows, { customer: 'c', time: 't', multiple: k, observationEnd: e * DAY });
        const expected = oracle(rows, e, k);
        expect(out.map((o) => key(o.customer)).sort()).toEqual([...expected.keys()].sort());
        for (const o of out) {
          const x = expected.get(key(o.customer));
          expect(o.timeSinceLastPurchase).toBe(x?.since);
          expect(o.medianGap).toBe(x?.median);
          expectClose(o.overdueRatio, (x?.since as number) / (x?.median as number));
          expect(o.overdueRatio).toBeGreaterThan(k);
          expect(o.purchases).toBeGreaterThanOrEqual(2);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('sorts by overdueRatio, highest first', () => {
    fc.assert(
      fc.property(log, end, multiple, (rows, e, k) => {
        const ratios = overdueCustomers(rows, { customer: 'c', time: 't', multiple: k, observationEnd: e * DAY }).map(
          (o) => o.overdueRatio,
        );
        for (let i = 1; i < ratios.length; i++) expect(ratios[i]).toBeLessThanOrEqual(ratios[i - 1] as number);
      }),
      { numRuns: 100 },
    );
  });

  it('lists fewer customers for a larger multiple (monotone)', () => {
    fc.assert(
      fc.property(log, end, multiple, multiple, (rows, e, k1, k2) => {
        const [lo, hi] = k1 <= k2 ? [k1, k2] : [k2, k1];
        const many = new Set(
          overdueCustomers(rows, { customer: 'c', time: 't', multiple: lo, observationEnd: e * DAY }).map((o) =>
            key(o.customer),
          ),
        );
        for (const o of overdueCustomers(rows, { customer: 'c', time: 't', multiple: hi, observationEnd: e * DAY }))
          expect(many.has(key(o.customer))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('gives identical results for rows and columns, and for any order of rows', () => {
    fc.assert(
      fc.property(
        log.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
        ),
        end,
        multiple,
        ([rows, shuffled], e, k) => {
          const a = overdueCustomers(rows, { customer: 'c', time: 't', multiple: k, observationEnd: e * DAY });
          expect(
            overdueCustomers(
              { customer: rows.map((r) => r.c), time: Float64Array.from(rows, (r) => r.t) },
              { multiple: k, observationEnd: e * DAY },
            ),
          ).toEqual(a);
          const b = overdueCustomers(shuffled, { customer: 'c', time: 't', multiple: k, observationEnd: e * DAY });
          const sort = (list: typeof a) => [...list].sort((x, y) => (key(x.customer) < key(y.customer) ? -1 : 1));
          expect(sort(b)).toEqual(sort(a));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('throws RangeError for any non-positive or non-finite multiple', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ max: 0 }), fc.constantFrom(Infinity, -Infinity, Number.NaN)), (k) => {
        expect(() => overdueCustomers({ customer: [], time: [] }, { multiple: k })).toThrow(RangeError);
      }),
      { numRuns: 100 },
    );
  });
  it('finds the same customers on every kernel path (whole-window bitsets, per-customer spans, sparse lists)', () => {
    // See kernelPathLogs: both kernels must agree, in any order.
    fc.assert(
      fc.property(
        kernelPathLogs,
        fc.integer({ min: -22_000, max: 22_000 }),
        fc.integer({ min: 1, max: 4 }),
        ([rows, shuffled], end, multiple) => {
          const window = overdueCustomers(kernelPathColumns(rows, 0), { multiple, observationEnd: end * DAY });
          // Same order for the same log; ties in overdueRatio follow first-seen order, so compare the shuffled log by customer.
          const spans = overdueCustomers(kernelPathColumns(rows, SPAN_ID_OFFSET), {
            multiple,
            observationEnd: end * DAY,
          });
          expect(spans.map((r) => ({ ...r, customer: (r.customer as number) - SPAN_ID_OFFSET }))).toEqual(window);
          const byCustomer = (out: typeof window) =>
            [...out].sort((a, b) => (a.customer as number) - (b.customer as number));
          const again = overdueCustomers(kernelPathColumns(shuffled, SPAN_ID_OFFSET), {
            multiple,
            observationEnd: end * DAY,
          });
          expect(byCustomer(again.map((r) => ({ ...r, customer: (r.customer as number) - SPAN_ID_OFFSET })))).toEqual(
            byCustomer(window),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
