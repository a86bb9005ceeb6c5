import { describe, expect, it } from 'vitest';
import { rfmScores, rfmSegment, rfmSummary } from '../../src/index.ts';
import { expectThrows } from '../helpers/expectClose.ts';
import { cdnowMasterLog } from '../helpers/cdnowMasterLog.ts';

// Issue 16 item 15: rfmSegment's default names assume recent data. On the full CDNOW log, observed to its last
// order (1998-06-30) in weeks, quantile recency scores put customers whose only purchase was 66–69 weeks ago in
// "Promising"; absolute recency cut-offs keep the names honest.
describe('rfmScores recency on the full CDNOW log', () => {
  const log = cdnowMasterLog();
  // The dates are read as they are in the file: ISO 8601 basic format (19970101).
  const summary = rfmSummary(log, { unit: 'week' });
  const since = summary.map((row) => row.T - row.recency);

  it('reads the 23,570 customers, 12,054 of them without a repeat purchase (data README)', () => {
    expect(summary.length).toBe(23_570);
    expect(summary.filter((row) => row.frequency === 0).length).toBe(12_054);
  });

  it('reproduces the trap: quantile "Promising" customers last bought 66–69 weeks before the end', () => {
    const segments = rfmSegment(rfmScores(summary));
    const promising = segments.flatMap((s, i) => (s.segment === 'Promising' ? [since[i] as number] : []));
    expect(promising.length).toBe(3375);
    // 66–69 weeks: well over a year without a purchase, for a segment named "Promising"
    expect(Math.min(...promising)).toBeGreaterThanOrEqual(66);
    expect(Math.max(...promising)).toBeLessThan(69.3);
    // and "Champions" can be over a year absent, too
    const champions = segments.flatMap((s, i) => (s.segment === 'Champions' ? [since[i] as number] : []));
    expect(Math.max(...champions)).toBeGreaterThan(52);
  });

  it('with absolute cut-offs (4, 13, 26, 52 weeks) every recency score means what it says', () => {
    const cutoffs = [4, 13, 26, 52];
    const scores = rfmScores(summary, { recencyCutoffs: cutoffs });
    scores.forEach((s, i) => {
      const t = since[i] as number;
      // score 5 within 4 weeks, 4 within 13, 3 within 26, 2 within 52, 1 beyond (counted independently here)
      const expected = t <= 4 ? 5 : t <= 13 ? 4 : t <= 26 ? 3 : t <= 52 ? 2 : 1;
      expect(s.recencyScore).toBe(expected);
    });
    const segments = rfmSegment(scores);
    for (const name of ['Promising', 'New Customers', 'Potential Loyalist', 'Champions']) {
      const members = segments.flatMap((s, i) => (s.segment === name ? [since[i] as number] : []));
      // none of the "recent" segments holds anyone absent for more than 26 weeks
      if (members.length > 0) expect(Math.max(...members), name).toBeLessThanOrEqual(26);
    }
    // the 3,375 quantile "Promising" customers are all scored 1 (absent over 52 weeks)
    const quantile = rfmSegment(rfmScores(summary));
    const moved = quantile.flatMap((s, i) => (s.segment === 'Promising' ? [scores[i]?.recencyScore] : []));
    expect(new Set(moved)).toEqual(new Set([1]));
    // frequency and monetary scores are unchanged quantiles
    const plain = rfmScores(summary);
    expect(scores.map((s) => [s.frequencyScore, s.monetaryScore])).toEqual(
      plain.map((s) => [s.frequencyScore, s.monetaryScore]),
    );
  });
});

describe('rfmScores recencyCutoffs', () => {
  const rows = [
    { customer: 'a', frequency: 1, recency: 10, T: 10, monetaryValue: 5 }, // 0 since the last purchase
    { customer: 'b', frequency: 1, recency: 5, T: 10, monetaryValue: 5 }, // 5
    { customer: 'c', frequency: 1, recency: 0, T: 10, monetaryValue: 5 }, // 10
    { customer: 'd', frequency: 0, recency: 0, T: 30, monetaryValue: 0 }, // 30
  ];

  it('scores on the cut-offs, inclusive: at most c_j ago is still the better score', () => {
    expect(rfmScores(rows, { bins: 3, recencyCutoffs: [5, 10] }).map((s) => s.recencyScore)).toEqual([3, 3, 2, 1]);
    expect(rfmScores(rows, { bins: 2, recencyCutoffs: [0] }).map((s) => s.recencyScore)).toEqual([2, 1, 1, 1]);
    expect(rfmScores(rows, { bins: 1, recencyCutoffs: [] }).map((s) => s.recencyScore)).toEqual([1, 1, 1, 1]);
  });

  it('does not depend on the rest of the log (quantiles do)', () => {
    const alone = rfmScores([rows[3] as (typeof rows)[number]], { bins: 3, recencyCutoffs: [5, 10] });
    expect(alone[0]?.recencyScore).toBe(1);
    expect(rfmScores([rows[3] as (typeof rows)[number]], { bins: 3 })[0]?.recencyScore).toBe(1);
  });

  it('rejects cut-offs that are not bins − 1 increasing non-negative numbers', () => {
    expectThrows(
      () => rfmScores(rows, { recencyCutoffs: [1, 2, 3] }),
      RangeError,
      'rfmScores',
      'bins − 1 = 4 cut-offs',
    );
    expectThrows(
      () => rfmScores(rows, { bins: 3, recencyCutoffs: [5, 5] }),
      RangeError,
      'rfmScores',
      'recencyCutoffs[1] (5) must be greater than the cut-off before it (5)',
    );
    expectThrows(
      () => rfmScores(rows, { bins: 3, recencyCutoffs: [-1, 5] }),
      RangeError,
      'rfmScores',
      'recencyCutoffs[0] (-1) must not be negative',
    );
    expectThrows(() => rfmScores(rows, { bins: 2, recencyCutoffs: [Number.NaN] }), RangeError, 'rfmScores');
    expectThrows(() => rfmScores(rows, { bins: 2, recencyCutoffs: 5 as never }), TypeError, 'rfmScores', 'array');
  });
});
