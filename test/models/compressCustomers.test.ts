import { describe, expect, it } from 'vitest';
import { compressCustomers } from '../../src/index.ts';
import { deepFreeze, expectThrows } from '../helpers/expectClose.ts';
import { cdnowSummary } from './cdnow.ts';

describe('compressCustomers', () => {
  it('merges identical histories in order of first appearance and counts them', () => {
    const c = compressCustomers(
      deepFreeze([
        { frequency: 0, recency: 0, T: 10 },
        { frequency: 2, recency: 5, T: 10 },
        { frequency: 0, recency: 0, T: 10 },
        { frequency: 2, recency: 5, T: 11 },
      ]),
    );
    expect(c).toEqual({ frequency: [0, 2, 2], recency: [0, 5, 5], T: [10, 10, 11], weights: [2, 1, 1] });
  });

  it('keeps the total weight equal to the number of customers (CDNOW)', () => {
    const cdnow = cdnowSummary();
    const c = compressCustomers(cdnow);
    expect(c.weights.reduce((a, b) => a + b, 0)).toBe(cdnow.frequency.length);
    expect(new Set(c.frequency.map((x, i) => `${x},${c.recency[i]},${c.T[i]}`)).size).toBe(c.frequency.length);
  });

  describe('edge cases', () => {
    it('returns empty columns for no customers', () => {
      expect(compressCustomers([])).toEqual({ frequency: [], recency: [], T: [], weights: [] });
    });
  });

  it('validates rows', () => {
    expectThrows(
      () => compressCustomers([{ frequency: 1, recency: 5, T: 4 }]),
      RangeError,
      'compressCustomers',
      'row 0: recency (5) must not exceed T (4)',
    );
  });
});
