import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rfmScores, rfmSegment, rfmSegmentRules, type RfmSegmentRule } from 'loyalty-metrics';

const score = fc.integer({ min: 1, max: 5 });
const cells = fc.array(fc.record({ recencyScore: score, frequencyScore: score, monetaryScore: score }), {
  maxLength: 40,
});
const inRange = (x: number, r: { min: number; max: number }) => r.min <= x && x <= r.max;

describe('rfmSegment properties', () => {
  it('gives every 1–5 score cell the segment of the first matching default rule', () => {
    fc.assert(
      fc.property(cells, (rows) => {
        const out = rfmSegment(rows);
        rows.forEach((row, i) => {
          const rule = rfmSegmentRules.find(
            (r) =>
              inRange(row.recencyScore, r.recency) &&
              inRange(row.frequencyScore, r.frequency) &&
              inRange(row.monetaryScore, r.monetary),
          );
          expect(out[i]?.segment).toBe(rule?.segment);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('segments each row independently of the others', () => {
    fc.assert(
      fc.property(cells, fc.nat(), (rows, k) => {
        fc.pre(rows.length > 0);
        const i = k % rows.length;
        expect(rfmSegment(rows)[i]?.segment).toBe(rfmSegment([rows[i] as (typeof rows)[number]])[0]?.segment);
      }),
      { numRuns: 150 },
    );
  });

  it('never fails on the scores of any summary with bins = 5', () => {
    const row = fc
      .record({
        frequency: fc.nat(5),
        recency: fc.nat(9),
        extra: fc.nat(9),
        monetaryValue: fc.integer({ min: 0, max: 50 }),
      })
      .map(({ extra, ...r }) => ({ ...r, T: r.recency + extra }));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 50 }), (summary) => {
        expect(rfmSegment(rfmScores(summary))).toHaveLength(summary.length);
      }),
      { numRuns: 150 },
    );
  });

  it('throws RangeError for scores outside the default table', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 6, max: 1000 }),
        score,
        score,
        fc.integer({ min: 0, max: 2 }),
        (big, a, b, where) => {
          const s = [big, a, b];
          [s[0], s[where]] = [s[where] as number, s[0] as number];
          expect(() =>
            rfmSegment([
              { recencyScore: s[0] as number, frequencyScore: s[1] as number, monetaryScore: s[2] as number },
            ]),
          ).toThrow(RangeError);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('throws RangeError for a rule with min > max', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 1, max: 100 }), (min, gap) => {
        const rule: RfmSegmentRule = {
          segment: 'x',
          recency: { min, max: min - gap },
          frequency: { min: 1, max: 5 },
          monetary: { min: 1, max: 5 },
        };
        expect(() => rfmSegment([], [rule])).toThrow(RangeError);
      }),
      { numRuns: 100 },
    );
  });
});
