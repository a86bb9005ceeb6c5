import { describe, expect, it } from 'vitest';
import { customerEffortScore } from '../../src/index.ts';
import { deepFreeze, expectThrows, thrownKind } from '../helpers/expectClose.ts';

describe('customerEffortScore', () => {
  it('returns the mean and the share of answers ≥ 5 on the default 1–7 scale', () => {
    // Sum 40 over 8 answers; 7, 6, 5, 6, 7 are easy: 5 of 8.
    expect(customerEffortScore([7, 6, 5, 4, 2, 6, 7, 3])).toEqual({ mean: 5, easyShare: 0.625, n: 8 });
  });

  it('defaults easyAt to the first answer above the midpoint of the scale', () => {
    expect(customerEffortScore([5, 4, 3, 2], { scale: [1, 5] }).easyShare).toBe(0.5); // 4 and 5
    expect(customerEffortScore([6, 5, 10, 1], { scale: [1, 10] }).easyShare).toBe(0.5); // 6..10
    expect(customerEffortScore([0, 1, -1], { scale: [-3, 3] }).easyShare).toBe(1 / 3); // 1..3
  });

  it('uses the easyAt option', () => {
    expect(customerEffortScore([7, 6, 5, 4], { easyAt: 6 })).toEqual({ mean: 5.5, easyShare: 0.5, n: 4 });
    expect(customerEffortScore([7, 6, 5, 4], { easyAt: 1 }).easyShare).toBe(1);
  });

  it('accepts typed arrays', () => {
    expect(customerEffortScore(new Uint8Array([7, 1]))).toEqual({ mean: 4, easyShare: 0.5, n: 2 });
  });

  it('does not mutate its inputs', () => {
    const scores = deepFreeze([7, 2, 5]);
    expect(customerEffortScore(scores, deepFreeze({ scale: [1, 7] as const, easyAt: 5 })).n).toBe(3);
  });

  describe('edge cases', () => {
    it('returns NaN mean and easy share with no answers', () => {
      const ces = customerEffortScore([]);
      expect(ces.n).toBe(0);
      expect(ces.mean).toBeNaN();
      expect(ces.easyShare).toBeNaN();
    });

    it('handles one answer and ties', () => {
      expect(customerEffortScore([4])).toEqual({ mean: 4, easyShare: 0, n: 1 });
      expect(customerEffortScore([7, 7, 7])).toEqual({ mean: 7, easyShare: 1, n: 3 });
      expect(customerEffortScore([1, 1])).toEqual({ mean: 1, easyShare: 0, n: 2 });
    });

    it('does not depend on the order of the answers', () => {
      expect(customerEffortScore([2, 7, 5, 5, 1])).toEqual(customerEffortScore([7, 5, 5, 2, 1]));
    });

    it('handles many answers', () => {
      const scores = new Uint8Array(300_000).fill(6);
      scores.fill(3, 0, 100_000);
      expect(customerEffortScore(scores)).toEqual({ mean: 5, easyShare: 2 / 3, n: 300_000 });
    });
  });

  describe('error policy', () => {
    const fn = 'customerEffortScore';

    it('throws a TypeError for non-array scores and non-number answers', () => {
      expectThrows(() => customerEffortScore({} as never), TypeError, fn, 'scores must be an array, got an object');
      expect(thrownKind(() => customerEffortScore([true] as never))).toStrictEqual(
        new TypeError(`${fn}: scores[0] must be a number, got true`),
      );
    });

    it('throws a RangeError for answers outside the scale or not integers', () => {
      expect(thrownKind(() => customerEffortScore([8]))).toStrictEqual(
        new RangeError(`${fn}: scores[0] (8) must be an integer from 1 to 7`),
      );
      expect(thrownKind(() => customerEffortScore([0]))).toStrictEqual(
        new RangeError(`${fn}: scores[0] (0) must be an integer from 1 to 7`),
      );
      expect(thrownKind(() => customerEffortScore([6], { scale: [1, 5] }))).toStrictEqual(
        new RangeError(`${fn}: scores[0] (6) must be an integer from 1 to 5`),
      );
      expect(thrownKind(() => customerEffortScore([2.5]))).toStrictEqual(
        new RangeError(`${fn}: scores[0] (2.5) must be an integer from 1 to 7`),
      );
      expect(thrownKind(() => customerEffortScore([-Infinity]))).toStrictEqual(
        new RangeError(`${fn}: scores[0] (-Infinity) must be an integer from 1 to 7`),
      );
    });

    it('throws for an invalid scale, easyAt or options', () => {
      expect(thrownKind(() => customerEffortScore([1], { scale: [7, 1] }))).toStrictEqual(
        new RangeError(`${fn}: scale ([7, 1]) must have min < max`),
      );
      expect(thrownKind(() => customerEffortScore([1], { scale: [1] as never }))).toStrictEqual(
        new TypeError(`${fn}: scale must be an array [min, max], got an array of length 1`),
      );
      expect(thrownKind(() => customerEffortScore([1], { scale: [1, 2 ** 53] }))).toStrictEqual(
        new RangeError(`${fn}: scale[1] (9007199254740992) must be a safe integer`),
      );
      expect(thrownKind(() => customerEffortScore([1], { easyAt: 8 }))).toStrictEqual(
        new RangeError(`${fn}: easyAt (8) must be an integer from 1 to 7`),
      );
      expect(thrownKind(() => customerEffortScore([1], { easyAt: null as never }))).toStrictEqual(
        new TypeError(`${fn}: easyAt must be a number, got null`),
      );
      expect(thrownKind(() => customerEffortScore([1], 'easy' as never))).toStrictEqual(
        new TypeError(`${fn}: options must be an object, got "easy"`),
      );
    });
  });
});
