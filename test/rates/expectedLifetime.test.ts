import { describe, expect, it } from 'vitest';
import { expectedLifetime } from '../../src/rates/expectedLifetime.ts';
import { expectClose, thrownKind } from '../helpers/expectClose.ts';

describe('expectedLifetime', () => {
  it('returns 1 / churn periods', () => {
    // By hand: 1/0.05 = 20 months for 5 % monthly churn; 1/0.25 = 4; 1/0.1 = 10 (the README example's churn).
    expect(expectedLifetime(0.05)).toBe(20);
    expect(expectedLifetime(0.25)).toBe(4);
    expect(expectedLifetime(0.1)).toBe(10);
  });

  describe('edge cases', () => {
    it('returns Infinity for zero churn (nobody ever leaves), as documented', () => {
      expect(expectedLifetime(0)).toBe(Infinity);
      expect(expectedLifetime(-0)).toBe(Infinity);
    });

    it('returns one period when everyone churns', () => {
      expect(expectedLifetime(1)).toBe(1);
    });

    it('handles tiny churn, overflowing to Infinity only below 1/Number.MAX_VALUE', () => {
      expectClose(expectedLifetime(1e-300), 1e300, { rel: 1e-15 });
      expect(expectedLifetime(Number.MIN_VALUE)).toBe(Infinity);
    });
  });

  describe('error policy', () => {
    it('throws a RangeError for churn outside [0, 1] or not finite', () => {
      expect(thrownKind(() => expectedLifetime(1.5))).toStrictEqual(
        new RangeError('expectedLifetime: churn (1.5) must be between 0 and 1'),
      );
      expect(thrownKind(() => expectedLifetime(-0.01))).toStrictEqual(
        new RangeError('expectedLifetime: churn (-0.01) must be between 0 and 1'),
      );
      expect(thrownKind(() => expectedLifetime(Number.NaN))).toStrictEqual(
        new RangeError('expectedLifetime: churn (NaN) must be a finite number'),
      );
    });

    it('throws a TypeError for a non-number', () => {
      expect(thrownKind(() => expectedLifetime('0.05' as unknown as number))).toStrictEqual(
        new TypeError('expectedLifetime: churn must be a number, got "0.05"'),
      );
      expect(thrownKind(() => (expectedLifetime as () => number)())).toStrictEqual(
        new TypeError('expectedLifetime: churn must be a number, got undefined'),
      );
    });
  });
});
