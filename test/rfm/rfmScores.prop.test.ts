import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rfmScores } from 'loyalty-metrics';

// Small integer ranges so that ties are frequent.
const row = fc
  .record({
    frequency: fc.integer({ min: 0, max: 6 }),
    recency: fc.integer({ min: 0, max: 8 }),
    extra: fc.integer({ min: 0, max: 8 }),
    monetaryValue: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
  })
  .map(({ frequency, recency, extra, monetaryValue }) => ({ frequency, recency, T: recency + extra, monetaryValue }));
const summary = fc.array(row, { maxLength: 60 });
const bins = fc.integer({ min: 1, max: 12 });

/** Oracle: score = ⌊(number of strictly smaller values) · bins / n⌋ + 1. */
const minRankScore = (values: number[], i: number, b: number): number =>
  Math.floor((values.filter((v) => v < (values[i] as number)).length * b) / values.length) + 1;

describe('rfmScores properties', () => {
  it('keeps every score an integer within 1…bins', () => {
    fc.assert(
      fc.property(summary, bins, (rows, b) => {
        for (const s of rfmScores(rows, { bins: b })) {
          for (const v of [s.recencyScore, s.frequencyScore, s.monetaryScore]) {
            expect(Number.isInteger(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(1);
            expect(v).toBeLessThanOrEqual(b);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with a brute-force min-rank oracle (recency on −(T − recency))', () => {
    fc.assert(
      fc.property(summary, bins, (rows, b) => {
        const scores = rfmScores(rows, { bins: b });
        const f = rows.map((r) => r.frequency);
        const m = rows.map((r) => r.monetaryValue);
        const r = rows.map((x) => -(x.T - x.recency));
        scores.forEach((s, i) => {
          expect(s.frequencyScore).toBe(minRankScore(f, i, b));
          expect(s.monetaryScore).toBe(minRankScore(m, i, b));
          expect(s.recencyScore).toBe(minRankScore(r, i, b));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('is monotone: a larger value never scores lower, equal values score equally, more recent never scores lower', () => {
    fc.assert(
      fc.property(summary, bins, (rows, b) => {
        const s = rfmScores(rows, { bins: b });
        for (let i = 0; i < rows.length; i++) {
          for (let j = 0; j < rows.length; j++) {
            const a = rows[i] as (typeof rows)[number];
            const c = rows[j] as (typeof rows)[number];
            if (a.frequency <= c.frequency)
              expect(s[i]?.frequencyScore).toBeLessThanOrEqual(s[j]?.frequencyScore as number);
            if (a.T - a.recency >= c.T - c.recency)
              expect(s[i]?.recencyScore).toBeLessThanOrEqual(s[j]?.recencyScore as number);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('balances bins: exactly for distinct values, up to the largest tie group otherwise', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { maxLength: 80 }), bins, (values, b) => {
        const n = values.length;
        const scores = rfmScores(
          values.map((frequency) => ({ frequency: Math.abs(frequency), recency: 0, T: 0, monetaryValue: frequency })),
          { bins: b },
        );
        const counts = new Array<number>(b).fill(0);
        for (const s of scores) counts[s.monetaryScore - 1] = (counts[s.monetaryScore - 1] as number) + 1;
        for (const c of counts) expect([Math.floor(n / b), Math.ceil(n / b)]).toContain(c);
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(summary, bins, (rows, b) => {
        const n = rows.length;
        const scores = rfmScores(rows, { bins: b });
        const ties = new Map<number, number>();
        for (const r of rows) ties.set(r.frequency, (ties.get(r.frequency) ?? 0) + 1);
        const largestTie = Math.max(1, ...ties.values());
        const counts = new Array<number>(b).fill(0);
        for (const s of scores) counts[s.frequencyScore - 1] = (counts[s.frequencyScore - 1] as number) + 1;
        for (const c of counts) expect(c).toBeLessThanOrEqual(Math.ceil(n / b) + largestTie - 1);
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(
        summary.chain((rows) =>
          fc.tuple(
            fc.constant(rows.map((r, i) => ({ ...r, customer: i }))),
            fc.shuffledSubarray(
              rows.map((r, i) => ({ ...r, customer: i })),
              { minLength: rows.length, maxLength: rows.length },
            ),
          ),
        ),
        bins,
        ([rows, shuffled], b) => {
          const byCustomer = (list: ReturnType<typeof rfmScores>) =>
            [...list].sort((x, y) => (x.customer as number) - (y.customer as number));
          expect(byCustomer(rfmScores(shuffled, { bins: b }))).toEqual(byCustomer(rfmScores(rows, { bins: b })));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('throws RangeError when recency exceeds T or bins is out of range', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        (T, excess) => {
          expect(() => rfmScores([{ frequency: 0, recency: T + excess, T, monetaryValue: 0 }])).toThrow(RangeError);
        },
      ),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 1001 }), fc.double({ noInteger: true })), (b) => {
        expect(() => rfmScores([], { bins: b })).toThrow(RangeError);
      }),
      { numRuns: 100 },
    );
  });

  it('with recencyCutoffs, scores each row alone, never higher for a longer absence (issue 16 item 15)', () => {
    const cutoffs = fc
      .uniqueArray(fc.integer({ min: 0, max: 10 }), { minLength: 0, maxLength: 6 })
      .map((list) => [...list].sort((a, b) => a - b));
    fc.assert(
      fc.property(summary, cutoffs, (rows, cut) => {
        const b = cut.length + 1;
        const scores = rfmScores(rows, { bins: b, recencyCutoffs: cut });
        rows.forEach((r, i) => {
          const since = r.T - r.recency;
          // oracle: bins minus the number of cut-offs the absence exceeds
          expect(scores[i]?.recencyScore).toBe(b - cut.filter((c) => since > c).length);
          // the same row alone gets the same recency score (absolute, unlike quantiles)
          expect(rfmScores([r], { bins: b, recencyCutoffs: cut })[0]?.recencyScore).toBe(scores[i]?.recencyScore);
        });
        for (let i = 0; i < rows.length; i++)
          for (let j = 0; j < rows.length; j++) {
            const a = rows[i] as (typeof rows)[number];
            const c = rows[j] as (typeof rows)[number];
            if (a.T - a.recency < c.T - c.recency)
              expect(scores[i]?.recencyScore as number).toBeGreaterThanOrEqual(scores[j]?.recencyScore as number);
          }
      }),
      { numRuns: 200 },
    );
  });
});
