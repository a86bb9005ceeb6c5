import { describe, expect, it } from 'vitest';
import { retentionMatrix, segmentBy } from '../../src/index.ts';
import { deepFreeze, expectThrows } from '../helpers/expectClose.ts';

describe('segmentBy', () => {
  const rows = deepFreeze([
    { user: 1, day: '2024-01-01', plan: 'pro', age: 30 },
    { user: 1, day: '2024-01-02', plan: 'pro', age: 30 },
    { user: 2, day: '2024-01-01', plan: 'free', age: 20 },
    { user: 2, day: '2024-01-02', plan: 'free', age: 20 },
    { user: 3, day: '2024-01-01', plan: 'free', age: 40 },
  ]);

  it('runs the metric on each segment’s rows, segments sorted', () => {
    const result = segmentBy(
      rows,
      'plan',
      (part) => retentionMatrix(part, { customer: 'user', time: 'day' }).cohorts[0]!.rates,
    );
    expect(result).toEqual([
      { segment: 'free', result: [1, 0.5] },
      { segment: 'pro', result: [1, 1] },
    ]);
  });

  it('accepts a key function and passes the segment value', () => {
    const result = segmentBy(
      rows,
      (r) => (r.age >= 30 ? 30 : 0),
      (part, segment) => `${segment}:${part.length}`,
    );
    expect(result).toEqual([
      { segment: 0, result: '0:2' },
      { segment: 30, result: '30:3' },
    ]);
  });

  describe('edge cases', () => {
    it('returns no segments for no rows and keeps row order within a segment', () => {
      expect(segmentBy([], 'plan', (part) => part.length)).toEqual([]);
      expect(segmentBy(rows, 'plan', (part) => part.map((r) => r.user))[0]).toEqual({
        segment: 'free',
        result: [2, 2, 3],
      });
    });

    it('sorts booleans before numbers before strings and merges 0 with -0', () => {
      const mixed = [{ k: 'b' }, { k: 2 }, { k: true }, { k: -0 }, { k: 0 }, { k: 'a' }, { k: false }];
      expect(segmentBy(mixed, 'k', (part) => part.length).map((s) => [s.segment, s.result])).toEqual([
        [false, 1],
        [true, 1],
        [0, 2],
        [2, 1],
        ['a', 1],
        ['b', 1],
      ]);
    });

    it('throws for invalid keys and metrics', () => {
      expectThrows(
        () => segmentBy([{ k: null }], 'k', () => 0),
        TypeError,
        'segmentBy',
        'row 0: key must be a string, finite number or boolean, got null',
      );
      expectThrows(
        () => segmentBy(rows, 'plan', 'count' as never),
        TypeError,
        'segmentBy',
        'metric must be a function',
      );
      expectThrows(
        () => segmentBy(rows, 3 as never, () => 0),
        TypeError,
        'segmentBy',
        'key must be a property name or a function',
      );
      expectThrows(
        () => segmentBy(5 as never, 'k', () => 0),
        TypeError,
        'segmentBy',
        'rows must be an array or iterable',
      );
    });
  });
});
