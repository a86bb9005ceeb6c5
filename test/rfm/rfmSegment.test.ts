import { describe, expect, it } from 'vitest';
import { rfmScores, rfmSegment, rfmSegmentRules, rfmSummary, type RfmSegmentRule } from 'loyalty-metrics';
import { deepFreeze, expectThrows } from '../helpers/expectClose.ts';
import { cdnowTransactions } from './cdnow.ts';

const cell = (recencyScore: number, frequencyScore: number, monetaryScore: number) => ({
  recencyScore,
  frequencyScore,
  monetaryScore,
});

// SPEC §6: the eleven named segments.
const SPEC_SEGMENTS = [
  'Champions',
  'Loyal Customers',
  'Potential Loyalist',
  'New Customers',
  'Promising',
  'Need Attention',
  'About To Sleep',
  'At Risk',
  "Can't Lose Them",
  'Hibernating',
  'Lost',
];

describe('rfmSegment', () => {
  it('names the segments of representative score cells (read off the documented table)', () => {
    const cases: Array<[[number, number, number], string]> = [
      [[5, 5, 5], 'Champions'],
      [[4, 4, 4], 'Champions'],
      [[3, 3, 3], 'Loyal Customers'],
      [[5, 3, 4], 'Loyal Customers'],
      [[5, 1, 1], 'New Customers'],
      [[4, 1, 1], 'Promising'],
      [[3, 1, 5], 'Promising'],
      [[5, 2, 2], 'Potential Loyalist'],
      [[4, 5, 2], 'Potential Loyalist'],
      [[2, 2, 2], 'Need Attention'],
      [[3, 3, 2], 'Need Attention'],
      [[1, 5, 5], "Can't Lose Them"],
      [[1, 3, 3], 'At Risk'],
      [[2, 5, 5], 'At Risk'],
      [[2, 1, 1], 'About To Sleep'],
      [[3, 2, 1], 'About To Sleep'],
      [[1, 1, 1], 'Lost'],
      [[1, 1, 2], 'Lost'],
      [[1, 1, 4], 'Hibernating'],
      [[1, 2, 1], 'Hibernating'],
    ];
    const out = rfmSegment(cases.map(([[r, f, m]]) => cell(r, f, m)));
    expect(out.map((o) => o.segment)).toEqual(cases.map(([, segment]) => segment));
  });

  it('covers every one of the 125 cells of 1–5 scores and reaches all eleven SPEC segments', () => {
    const cells = [];
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) cells.push(cell(r, f, m));
    const segments = new Set(rfmSegment(cells).map((o) => o.segment));
    expect([...segments].sort()).toEqual([...SPEC_SEGMENTS].sort());
    expect(rfmSegmentRules.map((rule) => rule.segment).sort()).toEqual([...SPEC_SEGMENTS].sort());
  });

  it('uses the first matching rule of a custom table', () => {
    const rules: RfmSegmentRule[] = [
      { segment: 'Best', recency: { min: 3, max: 3 }, frequency: { min: 3, max: 3 }, monetary: { min: 1, max: 3 } },
      { segment: 'Recent', recency: { min: 2, max: 3 }, frequency: { min: 1, max: 3 }, monetary: { min: 1, max: 3 } },
      { segment: 'Rest', recency: { min: 1, max: 3 }, frequency: { min: 1, max: 3 }, monetary: { min: 1, max: 3 } },
    ];
    expect(rfmSegment([cell(3, 3, 1), cell(3, 2, 1), cell(1, 3, 3)], rules).map((o) => o.segment)).toEqual([
      'Best',
      'Recent',
      'Rest',
    ]);
  });

  it('copies customer and scores through', () => {
    expect(rfmSegment([{ customer: 'a', ...cell(5, 5, 5) }, cell(1, 1, 1)])).toEqual([
      { customer: 'a', recencyScore: 5, frequencyScore: 5, monetaryScore: 5, segment: 'Champions' },
      { recencyScore: 1, frequencyScore: 1, monetaryScore: 1, segment: 'Lost' },
    ]);
  });

  it('segments the CDNOW customers end to end', () => {
    const summary = rfmSummary(cdnowTransactions(), {
      customer: 'customer',
      time: 'date',
      value: 'value',
      observationEnd: '1997-09-30',
      unit: 'week',
    });
    const segments = rfmSegment(rfmScores(summary));
    expect(segments).toHaveLength(2357);
    // Non-repeat buyers score F = 1 and M = 1 (data README: 2,357 − 946 = 1,411 of them), so none is a Champion.
    const oneTimers = segments.filter((s) => s.frequencyScore === 1);
    expect(oneTimers).toHaveLength(1411);
    expect(oneTimers.every((s) => ['New Customers', 'Promising', 'About To Sleep', 'Lost'].includes(s.segment))).toBe(
      true,
    );
  });

  describe('edge cases', () => {
    it('returns an empty array for no customers', () => {
      expect(rfmSegment([])).toEqual([]);
      expect(rfmSegment([], [])).toEqual([]);
    });

    it('does not mutate frozen scores or rules', () => {
      const scores = deepFreeze([cell(5, 5, 5)]);
      const rules = deepFreeze(rfmSegmentRules.map((rule) => ({ ...rule })));
      expect(rfmSegment(scores, rules)[0]?.segment).toBe('Champions');
    });
  });

  describe('errors', () => {
    it('rejects scores that match no rule, naming the row and its scores', () => {
      expectThrows(
        () => rfmSegment([cell(5, 5, 5), cell(6, 1, 1)]),
        RangeError,
        'rfmSegment',
        'rfmSegment: row 1: scores (recency 6, frequency 1, monetary 1) match no rule',
      );
      expectThrows(
        () => rfmSegment([cell(1, 1, 1)], []),
        RangeError,
        'rfmSegment',
        'row 0: scores (recency 1, frequency 1, monetary 1) match no rule',
      );
    });

    it('rejects scores that are not positive integers', () => {
      expectThrows(
        () => rfmSegment([cell(0, 1, 1)]),
        RangeError,
        'rfmSegment',
        'row 0: recencyScore (0) must be a positive integer',
      );
      expectThrows(
        () => rfmSegment([cell(1, 2.5, 1)]),
        RangeError,
        'rfmSegment',
        'row 0: frequencyScore (2.5) must be a positive integer',
      );
      expectThrows(
        () => rfmSegment([{ recencyScore: 1, frequencyScore: 1, monetaryScore: '3' } as never]),
        TypeError,
        'rfmSegment',
        'row 0: monetaryScore must be a number, got "3"',
      );
    });

    it('rejects malformed rule tables', () => {
      const base = rfmSegmentRules[0] as RfmSegmentRule;
      expectThrows(
        () => rfmSegment([], [{ ...base, recency: { min: 3, max: 2 } }]),
        RangeError,
        'rfmSegment',
        'rules[0].recency.min (3) must not exceed max (2)',
      );
      expectThrows(
        () => rfmSegment([], [{ ...base, segment: 7 } as never]),
        TypeError,
        'rfmSegment',
        'rules[0].segment must be a string, got 7',
      );
      expectThrows(
        () => rfmSegment([], [{ ...base, monetary: null } as never]),
        TypeError,
        'rfmSegment',
        'rules[0].monetary must be an object, got null',
      );
      expectThrows(
        () => rfmSegment([], [{ ...base, frequency: { min: 1, max: Number.NaN } }]),
        RangeError,
        'rfmSegment',
        'rules[0].frequency.max (NaN) must be a finite number',
      );
      expectThrows(
        () => rfmSegment([], 'x' as never),
        TypeError,
        'rfmSegment',
        'rules must be an array or iterable of rows',
      );
    });
  });
});
