import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rfmSummary, type RfmSummaryRow } from 'loyalty-metrics';
import { expectClose } from '../helpers/expectClose.ts';

const DAY = 86_400_000;

interface Tx {
  readonly c: string | number;
  readonly t: number;
  readonly v: number;
}

const tx = fc.record({
  c: fc.constantFrom<string | number>('a', 'b', 'c', 1, 2, 3, '1'),
  t: fc.tuple(fc.integer({ min: -5, max: 40 }), fc.integer({ min: 0, max: DAY - 1 })).map(([d, m]) => d * DAY + m),
  v: fc.integer({ min: 0, max: 100_000 }).map((cents) => cents / 100),
});
const log = fc.array(tx, { maxLength: 40 });
// Small non-negative integer ids take the direct-indexed path of the kernel; the mixed ids above take the Map path.
const intLog = fc.array(
  fc.record({ c: fc.nat(30), t: fc.integer({ min: -5 * DAY, max: 40 * DAY }), v: fc.integer({ min: 0, max: 1000 }) }),
  {
    maxLength: 60,
  },
);
const endDay = fc.integer({ min: -5, max: 45 });

const options = (observationEnd: number) => ({ customer: 'c', time: 't', value: 'v', observationEnd }) as const;
const key = (c: unknown): string => `${typeof c}:${String(c)}`;
const byCustomer = (rows: RfmSummaryRow[]) => [...rows].sort((a, b) => (key(a.customer) < key(b.customer) ? -1 : 1));

/** Brute-force oracle: per customer, a map of UTC day → summed value, then the textbook definitions. */
function oracle(
  rows: readonly Tx[],
  end: number,
): Map<string, { frequency: number; recency: number; T: number; monetaryValue: number }> {
  const days = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const d = Math.floor(r.t / DAY);
    if (d > end) continue;
    const m = days.get(key(r.c)) ?? new Map<number, number>();
    m.set(d, (m.get(d) ?? 0) + r.v);
    days.set(key(r.c), m);
  }
  const out = new Map<string, { frequency: number; recency: number; T: number; monetaryValue: number }>();
  for (const [c, m] of days) {
    const sorted = [...m.keys()].sort((a, b) => a - b);
    const first = sorted[0] as number;
    const repeat = sorted.slice(1).reduce((s, d) => s + (m.get(d) as number), 0);
    out.set(c, {
      frequency: sorted.length - 1,
      recency: (sorted[sorted.length - 1] as number) - first,
      T: end - first,
      monetaryValue: sorted.length > 1 ? repeat / (sorted.length - 1) : 0,
    });
  }
  return out;
}

describe('rfmSummary properties', () => {
  it('agrees with a brute-force per-day oracle', () => {
    fc.assert(
      fc.property(log, endDay, (rows, end) => {
        const out = rfmSummary(rows, options(end * DAY + 3_600_000));
        const expected = oracle(rows, end);
        expect(out).toHaveLength(expected.size);
        for (const row of out) {
          const e = expected.get(key(row.customer));
          expect(e).toBeDefined();
          expect(row.frequency).toBe(e?.frequency);
          expect(row.recency).toBe(e?.recency);
          expect(row.T).toBe(e?.T);
          expectClose(row.monetaryValue, e?.monetaryValue as number, { rel: 1e-12, abs: 1e-9 });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with the oracle for small integer ids, and with string ids (direct and Map paths agree)', () => {
    fc.assert(
      fc.property(intLog, endDay, (rows, end) => {
        const out = rfmSummary(rows, options(end * DAY));
        const expected = oracle(rows, end);
        expect(out).toHaveLength(expected.size);
        for (const row of out) {
          const e = expected.get(key(row.customer));
          expect([row.frequency, row.recency, row.T]).toEqual([e?.frequency, e?.recency, e?.T]);
          expectClose(row.monetaryValue, e?.monetaryValue as number, { rel: 1e-12, abs: 1e-9 });
        }
        const named = rfmSummary(
          rows.map((r) => ({ ...r, c: `id${r.c}` })),
          options(end * DAY),
        );
        expect(named).toEqual(out.map((r) => ({ ...r, customer: `id${r.customer}` })));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps frequency below the number of transactions and 0 ≤ recency ≤ T', () => {
    fc.assert(
      fc.property(log, endDay, (rows, end) => {
        for (const row of rfmSummary(rows, options(end * DAY))) {
          const n = rows.filter((r) => key(r.c) === key(row.customer)).length;
          expect(Number.isInteger(row.frequency)).toBe(true);
          expect(row.frequency).toBeGreaterThanOrEqual(0);
          expect(row.frequency).toBeLessThanOrEqual(n - 1);
          expect(row.recency).toBeGreaterThanOrEqual(0);
          expect(row.recency).toBeLessThanOrEqual(row.T);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives identical results for row and columnar input', () => {
    fc.assert(
      fc.property(log, endDay, (rows, end) => {
        const columns = {
          customer: rows.map((r) => r.c),
          time: Float64Array.from(rows, (r) => r.t),
          value: Float64Array.from(rows, (r) => r.v),
        };
        expect(rfmSummary(columns, { observationEnd: end * DAY })).toEqual(rfmSummary(rows, options(end * DAY)));
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order of the transactions (up to the order of customers)', () => {
    fc.assert(
      fc.property(
        log.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
        ),
        endDay,
        ([rows, shuffled], end) => {
          const a = byCustomer(rfmSummary(rows, options(end * DAY)));
          const b = byCustomer(rfmSummary(shuffled, options(end * DAY)));
          expect(b.map((r) => [r.customer, r.frequency, r.recency, r.T])).toEqual(
            a.map((r) => [r.customer, r.frequency, r.recency, r.T]),
          );
          for (let i = 0; i < a.length; i++)
            expectClose(b[i]?.monetaryValue as number, a[i]?.monetaryValue as number, { rel: 1e-12, abs: 1e-12 });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('lists customers in the order of their first transaction up to observationEnd', () => {
    fc.assert(
      fc.property(log, endDay, (rows, end) => {
        const seen: string[] = [];
        for (const r of rows) if (Math.floor(r.t / DAY) <= end && !seen.includes(key(r.c))) seen.push(key(r.c));
        expect(rfmSummary(rows, options(end * DAY)).map((r) => key(r.customer))).toEqual(seen);
      }),
      { numRuns: 100 },
    );
  });

  it('scales recency and T by the unit length (weeks = days / 7)', () => {
    fc.assert(
      fc.property(log, endDay, (rows, end) => {
        const days = rfmSummary(rows, options(end * DAY));
        const weeks = rfmSummary(rows, { ...options(end * DAY), unit: 'week' });
        for (let i = 0; i < days.length; i++) {
          expectClose(weeks[i]?.recency as number, (days[i]?.recency as number) / 7);
          expectClose(weeks[i]?.T as number, (days[i]?.T as number) / 7);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('throws TypeError or RangeError naming the row for any invalid value or time', () => {
    const bad = fc.constantFrom<unknown>(Number.NaN, Infinity, '20', null, undefined, true, {});
    fc.assert(
      fc.property(log, bad, fc.nat(), fc.constantFrom('v', 't', 'c'), (rows, value, at, field) => {
        const all: Array<Record<string, unknown>> = [...rows, { c: 'z', t: 0, v: 1 }];
        const i = at % all.length;
        fc.pre(!(field === 'c' && typeof value === 'string')); // any string is a valid customer id
        all[i] = { ...all[i], [field]: value };
        let error: unknown;
        try {
          rfmSummary(all, { customer: 'c', time: 't', value: 'v' });
        } catch (e) {
          error = e;
        }
        expect(error instanceof TypeError || error instanceof RangeError).toBe(true);
        expect((error as Error).message).toMatch(/^rfmSummary: row \d+: /);
      }),
      { numRuns: 150 },
    );
  });
  it('agrees with the oracle on every kernel path (whole-window bitsets, per-customer spans, sparse lists), in any order', () => {
    // Times up to ±60 years around 1970 give long sparse histories (kept as per-customer lists); ids offset by
    // 60 000 (still indexed directly) make one record per possible id too large for the single whole-window
    // pass, so the two-pass per-customer-span kernel runs.
    const day = fc.oneof(fc.integer({ min: -5, max: 40 }), fc.integer({ min: -22_000, max: 22_000 }));
    const wide = fc.array(
      fc.record({
        c: fc.nat(5),
        t: day.map((d) => d * DAY + 3_600_000),
        v: fc.integer({ min: 0, max: 100_000 }).map((cents) => cents / 100),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(
        wide.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
        ),
        fc.integer({ min: -22_000, max: 22_000 }),
        fc.constantFrom(0, 60_000),
        ([rows, shuffled], end, offset) => {
          const expected = oracle(rows, end);
          for (const log of [rows, shuffled]) {
            const columns = {
              customer: Int32Array.from(log, (r) => (r.c as number) + offset),
              time: Float64Array.from(log, (r) => r.t),
              value: Float64Array.from(log, (r) => r.v),
            };
            const out = rfmSummary(columns, { observationEnd: end * DAY });
            expect(out).toHaveLength(expected.size);
            for (const row of out) {
              const e = expected.get(key((row.customer as number) - offset));
              expect([row.frequency, row.recency, row.T]).toEqual([e?.frequency, e?.recency, e?.T]);
              expectClose(row.monetaryValue, e?.monetaryValue as number, { rel: 1e-12, abs: 1e-9 });
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
