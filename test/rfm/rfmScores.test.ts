import { describe, expect, it } from 'vitest';
import { rfmScores, rfmSummary } from 'loyalty-metrics';
import { deepFreeze, expectThrows } from '../helpers/expectClose.ts';
import { cdnowTransactions } from './cdnow.ts';

/** Summary rows whose only varying measure is frequency. */
const byFrequency = (frequencies: number[]) =>
  frequencies.map((frequency) => ({ frequency, recency: 0, T: 10, monetaryValue: 1 }));

describe('rfmScores', () => {
  it('scores distinct values into equal-count bins, 1 for the lowest and bins for the highest', () => {
    // n = 10, bins = 5: ascending positions k = 0…9 get ⌊k·5/10⌋ + 1 = 1,1,2,2,3,3,4,4,5,5.
    const scores = rfmScores(byFrequency([9, 0, 8, 1, 7, 2, 6, 3, 5, 4]));
    expect(scores.map((s) => s.frequencyScore)).toEqual([5, 1, 5, 1, 4, 2, 4, 2, 3, 3]);
  });

  it('gives tied values the score of the first position they occupy', () => {
    // Sorted: six 0s (positions 0–5), two 1s (6–7), 2 (8), 3 (9). Scores ⌊k·5/10⌋ + 1 at the group start:
    // 0s → ⌊0⌋ + 1 = 1, 1s → ⌊3⌋ + 1 = 4, 2 → ⌊4⌋ + 1 = 5, 3 → ⌊4.5⌋ + 1 = 5. Bins 2 and 3 stay empty.
    const scores = rfmScores(byFrequency([0, 0, 0, 0, 0, 0, 1, 1, 2, 3]));
    expect(scores.map((s) => s.frequencyScore)).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
  });

  it('scores recency on the time since the last purchase, most recent highest', () => {
    // Time since last purchase T − recency: a 1, b 10, c 5. c has the largest recency but a bought last.
    const scores = rfmScores(
      [
        { customer: 'a', frequency: 1, recency: 9, T: 10, monetaryValue: 5 },
        { customer: 'b', frequency: 1, recency: 0, T: 10, monetaryValue: 5 },
        { customer: 'c', frequency: 1, recency: 15, T: 20, monetaryValue: 5 },
      ],
      { bins: 3 },
    );
    expect(scores.map((s) => [s.customer, s.recencyScore])).toEqual([
      ['a', 3],
      ['b', 1],
      ['c', 2],
    ]);
  });

  it('scores monetary value, with non-repeat buyers (monetary value 0) lowest', () => {
    const scores = rfmScores(
      [0, 10, 0, 30, 20].map((monetaryValue, i) => ({
        frequency: monetaryValue === 0 ? 0 : 1,
        recency: i,
        T: 10,
        monetaryValue,
      })),
      { bins: 5 },
    );
    // Sorted: 0, 0 (positions 0–1), 10 (2), 20 (3), 30 (4) → 1, 1, ⌊2⌋ + 1 = 3, ⌊3⌋ + 1 = 4, ⌊4⌋ + 1 = 5.
    expect(scores.map((s) => s.monetaryScore)).toEqual([1, 3, 1, 5, 4]);
  });

  it('copies the customer only when the row has one', () => {
    const scores = rfmScores([
      { frequency: 1, recency: 1, T: 1, monetaryValue: 1 },
      { customer: 42, frequency: 0, recency: 0, T: 2, monetaryValue: 0 },
    ]);
    expect('customer' in (scores[0] as object)).toBe(false);
    expect(scores[1]?.customer).toBe(42);
  });

  it('scores the CDNOW summary with balanced bins up to the tie of non-repeat buyers', () => {
    const summary = rfmSummary(cdnowTransactions(), {
      customer: 'customer',
      time: 'date',
      value: 'value',
      observationEnd: '1997-09-30',
      unit: 'week',
    });
    const scores = rfmScores(summary);
    const count = (field: 'frequencyScore' | 'recencyScore', score: number) =>
      scores.filter((s) => s[field] === score).length;
    // 1,411 of 2,357 customers have frequency 0 (2,357 − 946, data README): all score 1; the next value starts at
    // position 1,411, ⌊1411·5/2357⌋ + 1 = 3, so frequency score 2 is empty.
    expect(count('frequencyScore', 1)).toBe(1411);
    expect(count('frequencyScore', 2)).toBe(0);
    for (let score = 1; score <= 5; score++) expect(count('recencyScore', score)).toBeGreaterThan(0);
  });

  describe('edge cases', () => {
    it('returns an empty array for an empty summary', () => {
      expect(rfmScores([])).toEqual([]);
    });

    it('gives a single customer, or all-equal customers, the lowest score', () => {
      expect(rfmScores([{ frequency: 3, recency: 2, T: 5, monetaryValue: 9 }])).toEqual([
        { recencyScore: 1, frequencyScore: 1, monetaryScore: 1 },
      ]);
      expect(rfmScores(byFrequency([2, 2, 2])).map((s) => s.frequencyScore)).toEqual([1, 1, 1]);
    });

    it('leaves bins empty when there are fewer customers than bins', () => {
      // n = 2, bins = 5: positions 0 and 1 → 1 and ⌊5/2⌋ + 1 = 3.
      expect(rfmScores(byFrequency([4, 1])).map((s) => s.frequencyScore)).toEqual([3, 1]);
    });

    it('handles zeros, huge values and bins = 1', () => {
      const rows = [
        { frequency: 0, recency: 0, T: 0, monetaryValue: 0 },
        { frequency: 1e9, recency: 1e300, T: 1e300, monetaryValue: -1e300 },
      ];
      expect(rfmScores(rows)).toEqual([
        { recencyScore: 1, frequencyScore: 1, monetaryScore: 3 },
        { recencyScore: 1, frequencyScore: 3, monetaryScore: 1 },
      ]);
      expect(
        rfmScores(rows, { bins: 1 }).every(
          (s) => s.recencyScore === 1 && s.frequencyScore === 1 && s.monetaryScore === 1,
        ),
      ).toBe(true);
    });

    it('accepts any iterable and does not mutate frozen input', () => {
      const rows = deepFreeze(byFrequency([3, 1, 2]));
      expect(rfmScores(new Set(rows), { bins: 3 }).map((s) => s.frequencyScore)).toEqual([3, 1, 2]);
    });
  });

  describe('errors', () => {
    it('rejects invalid rows', () => {
      expectThrows(
        () => rfmScores([{ frequency: 1, recency: 5, T: 3, monetaryValue: 1 }]),
        RangeError,
        'rfmScores',
        'rfmScores: row 0: recency (5) must not exceed T (3)',
      );
      expectThrows(
        () => rfmScores([{ frequency: '2', recency: 0, T: 0, monetaryValue: 0 } as never]),
        TypeError,
        'rfmScores',
        'row 0: frequency must be a number, got "2"',
      );
      expectThrows(
        () => rfmScores([{ frequency: -1, recency: 0, T: 0, monetaryValue: 0 }]),
        RangeError,
        'rfmScores',
        'row 0: frequency (-1) must not be negative',
      );
      expectThrows(
        () => rfmScores([{ frequency: 0, recency: -1, T: 0, monetaryValue: 0 }]),
        RangeError,
        'rfmScores',
        'row 0: recency (-1) must not be negative',
      );
      expectThrows(
        () => rfmScores([{ frequency: 0, recency: 0, T: 0, monetaryValue: Number.NaN }]),
        RangeError,
        'rfmScores',
        'row 0: monetaryValue (NaN) must be a finite number',
      );
      expectThrows(() => rfmScores([null as never]), TypeError, 'rfmScores', 'row 0 must be an object, got null');
      expectThrows(() => rfmScores(5 as never), TypeError, 'rfmScores', 'summary must be an array or iterable of rows');
    });

    it('rejects invalid bins', () => {
      expectThrows(() => rfmScores([], { bins: 0 }), RangeError, 'rfmScores', 'bins (0) must be a positive integer');
      expectThrows(
        () => rfmScores([], { bins: 2.5 }),
        RangeError,
        'rfmScores',
        'bins (2.5) must be a positive integer',
      );
      expectThrows(() => rfmScores([], { bins: 1001 }), RangeError, 'rfmScores', 'bins (1001) must not exceed 1000');
      expectThrows(
        () => rfmScores([], { bins: '5' } as never),
        TypeError,
        'rfmScores',
        'bins must be a number, got "5"',
      );
      expectThrows(() => rfmScores([], 5 as never), TypeError, 'rfmScores', 'options must be an object, got 5');
    });
  });
});
