import { describe, expect, it } from 'vitest';
import { atRiskCustomers, bgNbdProbabilityAlive } from '../../src/index.ts';
import { deepFreeze, expectThrows } from '../helpers/expectClose.ts';

const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const transaction = { model: 'bgNbd', params } as const;
const rows = deepFreeze([
  { id: 'a', frequency: 2, recency: 30.43, T: 38.86 },
  { id: 'b', frequency: 6, recency: 5, T: 38.86 },
  { id: 'c', frequency: 0, recency: 0, T: 38.86 },
  { id: 'd', frequency: 3, recency: 10, T: 38.86 },
  { id: 'e', frequency: 6, recency: 5, T: 38.86 },
]);

describe('atRiskCustomers', () => {
  it('returns customers below the threshold, lowest P(alive) first, ties in input order, with their rows', () => {
    const out = atRiskCustomers(rows, transaction, { threshold: 0.5 });
    expect(out.map((o) => o.index)).toEqual([1, 4, 3]);
    expect(out[0]?.customer?.id).toBe('b');
    const pa = bgNbdProbabilityAlive(params, rows);
    for (const o of out) expect(o.probabilityAlive).toBe(pa[o.index]);
    for (let i = 1; i < out.length; i++)
      expect(out[i]!.probabilityAlive).toBeGreaterThanOrEqual(out[i - 1]!.probabilityAlive);
  });

  it('omits the customer field for columnar input', () => {
    const out = atRiskCustomers({ frequency: [6, 0], recency: [5, 0], T: [38.86, 38.86] }, transaction, {
      threshold: 0.5,
    });
    expect(out).toEqual([
      { index: 0, probabilityAlive: bgNbdProbabilityAlive(params, { frequency: 6, recency: 5, T: 38.86 }) },
    ]);
  });

  describe('edge cases', () => {
    it('returns nobody at threshold 0 and everyone below 1 at threshold 1; empty input gives []', () => {
      expect(atRiskCustomers(rows, transaction, { threshold: 0 })).toEqual([]);
      expect(atRiskCustomers(rows, transaction, { threshold: 1 })).toHaveLength(4);
      expect(atRiskCustomers([], transaction, { threshold: 0.5 })).toEqual([]);
    });
  });

  it('requires a threshold in [0, 1]', () => {
    expectThrows(
      () => atRiskCustomers(rows, transaction, {} as never),
      TypeError,
      'atRiskCustomers',
      'threshold is required',
    );
    expectThrows(
      () => atRiskCustomers(rows, transaction, { threshold: 1.5 }),
      RangeError,
      'atRiskCustomers',
      'threshold (1.5) must be between 0 and 1',
    );
  });
});
