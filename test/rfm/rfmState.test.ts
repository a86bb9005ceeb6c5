import { describe, expect, it } from 'vitest';
import { finishRfmState, mergeRfmStates, rfmState, type RfmState, rfmSummary } from '../../src/index.ts';
import { deepFreeze, expectClose, thrown } from '../helpers/expectClose.ts';
import { cdnowTransactions, numericCsv } from './cdnow.ts';

describe('rfmState', () => {
  describe('CDNOW (Fader, Hardie & Lee 2005; lifetimes datasets), one state per day merged like a daily job', () => {
    const transactions = deepFreeze(cdnowTransactions());
    const options = { customer: 'customer', time: 'date', value: 'value', period: 'day' } as const;
    const days = new Map<string, typeof transactions>();
    for (const t of transactions) days.set(t.date, [...(days.get(t.date) ?? []), t]);
    let state: RfmState = rfmState([], options);
    for (const [, today] of [...days].sort(([a], [b]) => (a < b ? -1 : 1)))
      state = mergeRfmStates([JSON.parse(JSON.stringify(state)), rfmState(today, options)]);
    const finished = finishRfmState(state, { observationEnd: '1997-09-30', unit: 'week' });

    it('reproduces the lifetimes summaries (x, t_x, T, zbar) to their two decimals', () => {
      // cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T (weeks), zbar (mean repeat value), 2 decimals.
      const expected = numericCsv('cdnow_customers_summary_with_transactions.csv');
      expect(finished).toHaveLength(2357);
      for (let i = 0; i < expected.length; i++) {
        const [id, x, tx, T, zbar] = expected[i] as [number, number, number, number, number];
        const row = finished[i];
        expect(row?.customer).toBe(id);
        expect(row?.frequency).toBe(x);
        expectClose(row?.recency as number, tx, { abs: 0.005 + 1e-9 });
        expectClose(row?.T as number, T, { abs: 0.005 + 1e-9 });
        expectClose(row?.monetaryValue as number, zbar, { abs: 0.005 + 1e-9 });
      }
    });

    it('equals rfmSummary on the whole log to the bit', () => {
      const oneShot = rfmSummary(transactions, { ...options, observationEnd: '1997-09-30', unit: 'week' });
      expect(finished).toEqual([...oneShot].sort((a, b) => (a.customer as number) - (b.customer as number)));
      expect(state).toEqual(rfmState(transactions, options));
    });
  });

  describe('edge cases', () => {
    it('keeps an empty log as an empty state that merges as the identity', () => {
      const empty = rfmState({ customer: [], time: [], value: [] });
      expect(empty).toMatchObject({ latestEvent: null, customers: [], valueSums: [], valueErrors: [] });
      expect(finishRfmState(empty)).toEqual([]);
      const s = rfmState({ customer: ['a'], time: ['2024-01-01'], value: [3] });
      expect(mergeRfmStates([empty, s])).toEqual(s);
    });

    it('keeps the exact sum of a period split across parts', () => {
      const a = rfmState({ customer: [1, 1], time: ['2024-01-01', '2024-01-02'], value: [1, 0.1] });
      const b = rfmState({ customer: [1, 1], time: ['2024-01-02', '2024-01-02'], value: [0.2, 0.3] });
      // exact 0.1 + 0.2 + 0.3 of the doubles, rounded once, is 0.6 (a running sum gives 0.6000000000000001)
      expect(finishRfmState(mergeRfmStates([a, b]))[0]?.monetaryValue).toBe(0.6);
      expect(
        rfmSummary({
          customer: [1, 1, 1, 1],
          time: ['2024-01-01', '2024-01-02', '2024-01-02', '2024-01-02'],
          value: [1, 0.1, 0.2, 0.3],
        })[0]?.monetaryValue,
      ).toBe(0.6);
    });

    it('gives NaN monetary values without values, and leaves out customers after the end', () => {
      const s = rfmState({ customer: ['a', 'b', 'a'], time: ['2024-01-01', '2024-02-01', '2024-01-03'] });
      expect(finishRfmState(s, { observationEnd: '2024-01-10' })).toEqual([
        { customer: 'a', frequency: 1, recency: 2, T: 9, monetaryValue: Number.NaN },
      ]);
    });

    it('never mutates its inputs', () => {
      const s = deepFreeze(rfmState(deepFreeze({ customer: [1, 2], time: [0, 86_400_000], value: [1, 2] })));
      expect(() => finishRfmState(s, deepFreeze({ unit: 'week' }))).not.toThrow();
      expect(() => mergeRfmStates(deepFreeze([s, s]))).not.toThrow();
    });
  });

  describe('errors', () => {
    const s = rfmState({ customer: ['a'], time: ['2024-01-01'], value: [3] });

    it('rejects states with and without values together, and other options', () => {
      expect(thrown(() => mergeRfmStates([s, rfmState({ customer: ['a'], time: ['2024-01-01'] })]))).toMatchObject({
        function: 'mergeRfmStates',
        argument: 'states[1].values',
      });
      expect(
        thrown(() => mergeRfmStates([s, rfmState({ customer: ['a'], time: [0] }, { timeZone: 'Asia/Tokyo' })])),
      ).toBeInstanceOf(RangeError);
    });

    it('rejects value sums that overflow, and tampered value fields', () => {
      expect(thrown(() => rfmState({ customer: [1, 1], time: [0, 1], value: [1e308, 1e308] }))).toBeInstanceOf(
        RangeError,
      );
      for (const bad of [
        { ...s, valueSums: [] },
        { ...s, valueErrors: [0, 1] },
        { ...s, valueErrors: [0] },
      ]) {
        expect(thrown(() => finishRfmState(bad as never))).toBeInstanceOf(RangeError);
      }
      expect(thrown(() => finishRfmState({ ...s, values: 'yes' } as never))).toBeInstanceOf(TypeError);
      expect(thrown(() => finishRfmState(s, { period: 'week' } as never))).toBeInstanceOf(TypeError);
    });
  });
});
