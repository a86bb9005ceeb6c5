import { describe, expect, it } from 'vitest';
import { percentileRank } from '../../src/index.ts';
import { deepFreeze, expectClose, expectThrows } from '../helpers/expectClose.ts';

describe('percentileRank', () => {
  it('counts peers below plus half the ties (Crocker & Algina 1986; SciPy percentileofscore kind="mean")', () => {
    // Hand computation: below = 3 (0.7, 0.75, 0.8), equal = 1 → (3 + 0.5) / 5 = 0.7.
    expectClose(percentileRank(0.82, [0.7, 0.75, 0.8, 0.82, 0.9]), 0.7);
    // SciPy documentation example (scipy.stats.percentileofscore): [1, 2, 3, 3, 4] at 3 gives 40 with
    // kind 'strict', 80 with 'weak' and 60 with 'mean' (percent); here fractions.
    expectClose(percentileRank(3, [1, 2, 3, 3, 4]), 0.6);
  });

  it('supports the strict and weak tie conventions', () => {
    expectClose(percentileRank(3, [1, 2, 3, 3, 4], { ties: 'strict' }), 0.4);
    expectClose(percentileRank(3, [1, 2, 3, 3, 4], { ties: 'weak' }), 0.8);
  });

  it('accepts a value that is not among the peers and typed arrays', () => {
    expectClose(percentileRank(2.5, new Float64Array([4, 1, 3, 2])), 0.5);
  });

  it('does not mutate frozen peers', () => {
    const peers = deepFreeze([5, 1, 3]);
    expectClose(percentileRank(3, peers), 0.5);
    expect(peers).toEqual([5, 1, 3]);
  });

  describe('edge cases', () => {
    it('returns NaN with no peers', () => {
      expect(percentileRank(1, [])).toBeNaN();
    });

    it('handles one peer, all ties, extremes and huge values', () => {
      expect(percentileRank(1, [1])).toBe(0.5);
      expect(percentileRank(1, [1, 1, 1])).toBe(0.5);
      expect(percentileRank(-1e308, [0, 1e308])).toBe(0);
      expect(percentileRank(1e308, [0, -1e308])).toBe(1);
      expect(percentileRank(0, [-0, 0])).toBe(0.5);
    });

    it('does not depend on the order of the peers', () => {
      expect(percentileRank(3, [4, 3, 1, 3, 2])).toBe(percentileRank(3, [1, 2, 3, 3, 4]));
    });
  });

  describe('error policy', () => {
    it('throws a TypeError for a non-array peers argument or a non-number peer', () => {
      expectThrows(
        () => percentileRank(1, 'abc' as never),
        TypeError,
        'percentileRank',
        'peers must be an array, got "abc"',
      );
      expectThrows(
        () => percentileRank(1, [1, '2'] as never),
        TypeError,
        'percentileRank',
        'peers[1] must be a number, got "2"',
      );
      expectThrows(
        () => percentileRank('1' as never, [1]),
        TypeError,
        'percentileRank',
        'value must be a number, got "1"',
      );
    });

    it('throws a RangeError for NaN or infinite values and an unknown tie convention', () => {
      expectThrows(
        () => percentileRank(1, [1, Number.NaN]),
        RangeError,
        'percentileRank',
        'peers[1] (NaN) must be a finite number',
      );
      expectThrows(
        () => percentileRank(Infinity, [1]),
        RangeError,
        'percentileRank',
        'value (Infinity) must be a finite number',
      );
      expectThrows(
        () => percentileRank(1, [1], { ties: 'average' } as never),
        RangeError,
        'percentileRank',
        `ties ("average") must be one of 'mean', 'strict', 'weak'`,
      );
    });
  });
});
