import { describe, expect, it } from 'vitest';
import { customerSatisfactionScore } from '../../src/index.ts';
import { deepFreeze, expectClose, expectThrows, thrownKind } from '../helpers/expectClose.ts';

// Wilson intervals in closed form, evaluated independently with Python 3 (statistics.NormalDist for z).
const WILSON_7_OF_10 = [0.39677814746114537, 0.8922087325936989] as const;
const WILSON_3_OF_4 = [0.300641842582402, 0.9544127391902995] as const;

describe('customerSatisfactionScore', () => {
  it('returns the share of 4s and 5s, the mean and a Wilson interval on the default 1–5 scale', () => {
    // 7 of 10 answers are 4 or 5; the answers sum to 37.
    const csat = customerSatisfactionScore([5, 4, 4, 3, 5, 2, 4, 5, 1, 4]);
    expect(csat.score).toBe(0.7);
    expect(csat.n).toBe(10);
    expect(csat.satisfied).toBe(7);
    expect(csat.mean).toBe(3.7);
    expectClose(csat.confidenceInterval[0], WILSON_7_OF_10[0], { rel: 1e-8 });
    expectClose(csat.confidenceInterval[1], WILSON_7_OF_10[1], { rel: 1e-8 });
  });

  it('defaults satisfiedAt to the top two answers of the scale', () => {
    expect(customerSatisfactionScore([7, 6, 5, 2], { scale: [1, 7] }).satisfied).toBe(2); // 6 and 7
    expect(customerSatisfactionScore([10, 9, 8, 0], { scale: [0, 10] }).satisfied).toBe(2); // 9 and 10
    expect(customerSatisfactionScore([3, 2, 1], { scale: [1, 3] }).satisfied).toBe(2); // 2 and 3
    expect(customerSatisfactionScore([1, 2, 2], { scale: [1, 2] }).satisfied).toBe(2); // only the top answer on a two-point scale
  });

  it('uses the satisfiedAt and confidenceLevel options', () => {
    const csat = customerSatisfactionScore([7, 6, 5, 2], { scale: [1, 7], satisfiedAt: 5 });
    expect(csat.satisfied).toBe(3);
    expect(csat.score).toBe(0.75);
    expect(csat.mean).toBe(5);
    expectClose(csat.confidenceInterval[0], WILSON_3_OF_4[0], { rel: 1e-8 });
    expectClose(csat.confidenceInterval[1], WILSON_3_OF_4[1], { rel: 1e-8 });
    const wide = customerSatisfactionScore([7, 6, 5, 2], { scale: [1, 7], satisfiedAt: 5, confidenceLevel: 0.99 });
    expect(wide.confidenceInterval[0]).toBeLessThan(csat.confidenceInterval[0]);
  });

  it('accepts typed arrays and negative scales', () => {
    expect(customerSatisfactionScore(new Int8Array([-2, 1, 2]), { scale: [-2, 2] }).satisfied).toBe(2);
  });

  it('does not mutate its inputs', () => {
    const scores = deepFreeze([5, 4, 1]);
    const options = deepFreeze({ scale: [1, 5] as const, satisfiedAt: 5 });
    expect(customerSatisfactionScore(scores, options).satisfied).toBe(1);
  });

  describe('edge cases', () => {
    it('returns NaN score, mean and interval with no answers', () => {
      const csat = customerSatisfactionScore([]);
      expect(csat.n).toBe(0);
      expect(csat.satisfied).toBe(0);
      expect(csat.score).toBeNaN();
      expect(csat.mean).toBeNaN();
      expect(csat.confidenceInterval[0]).toBeNaN();
      expect(csat.confidenceInterval[1]).toBeNaN();
    });

    it('handles one answer', () => {
      const csat = customerSatisfactionScore([5]);
      expect(csat).toMatchObject({ score: 1, n: 1, satisfied: 1, mean: 5 });
      expect(csat.confidenceInterval[1]).toBe(1);
    });

    it('handles ties: everyone satisfied or nobody', () => {
      expect(customerSatisfactionScore([4, 4, 4]).confidenceInterval[1]).toBe(1);
      expect(customerSatisfactionScore([1, 1, 1]).confidenceInterval[0]).toBe(0);
      expect(customerSatisfactionScore([1, 1, 1]).score).toBe(0);
    });

    it('counts every answer as satisfied when satisfiedAt is the scale minimum', () => {
      expect(customerSatisfactionScore([1, 3, 5], { satisfiedAt: 1 }).score).toBe(1);
    });

    it('does not depend on the order of the answers', () => {
      expect(customerSatisfactionScore([1, 5, 4, 4, 2])).toEqual(customerSatisfactionScore([5, 4, 4, 2, 1]));
    });

    it('handles many answers and extreme scales exactly', () => {
      const scores = new Float64Array(200_000).fill(5);
      scores.fill(1, 0, 50_000);
      const csat = customerSatisfactionScore(scores);
      expect(csat.score).toBe(0.75);
      expect(csat.mean).toBe(4);
      const big = 2 ** 53 - 1;
      expect(customerSatisfactionScore([big, big - 1, big], { scale: [big - 10, big] }).mean).toBeCloseTo(
        big - 1 / 3,
        0,
      );
    });
  });

  describe('error policy', () => {
    const fn = 'customerSatisfactionScore';

    it('throws a TypeError for non-array scores and non-number answers', () => {
      expectThrows(() => customerSatisfactionScore(5 as never), TypeError, fn, 'scores must be an array, got 5');
      expect(thrownKind(() => customerSatisfactionScore([5, '4'] as never))).toStrictEqual(
        new TypeError(`${fn}: scores[1] must be a number, got "4"`),
      );
      expect(thrownKind(() => customerSatisfactionScore([undefined] as never))).toStrictEqual(
        new TypeError(`${fn}: scores[0] must be a number, got undefined`),
      );
    });

    it('throws a RangeError for answers outside the scale or not integers', () => {
      expect(thrownKind(() => customerSatisfactionScore([6]))).toStrictEqual(
        new RangeError(`${fn}: scores[0] (6) must be an integer from 1 to 5`),
      );
      expect(thrownKind(() => customerSatisfactionScore([5, 0]))).toStrictEqual(
        new RangeError(`${fn}: scores[1] (0) must be an integer from 1 to 5`),
      );
      expect(thrownKind(() => customerSatisfactionScore([4.5]))).toStrictEqual(
        new RangeError(`${fn}: scores[0] (4.5) must be an integer from 1 to 5`),
      );
      expect(thrownKind(() => customerSatisfactionScore([Number.NaN]))).toStrictEqual(
        new RangeError(`${fn}: scores[0] (NaN) must be an integer from 1 to 5`),
      );
      expect(thrownKind(() => customerSatisfactionScore([8], { scale: [1, 7] }))).toStrictEqual(
        new RangeError(`${fn}: scores[0] (8) must be an integer from 1 to 7`),
      );
    });

    it('throws for an invalid scale', () => {
      expect(thrownKind(() => customerSatisfactionScore([1], { scale: 'x' as never }))).toStrictEqual(
        new TypeError(`${fn}: scale must be an array [min, max], got "x"`),
      );
      expect(thrownKind(() => customerSatisfactionScore([1], { scale: [1, 5, 7] as never }))).toStrictEqual(
        new TypeError(`${fn}: scale must be an array [min, max], got an array of length 3`),
      );
      expect(thrownKind(() => customerSatisfactionScore([1], { scale: [1, '5'] as never }))).toStrictEqual(
        new TypeError(`${fn}: scale[1] must be a number, got "5"`),
      );
      expect(thrownKind(() => customerSatisfactionScore([1], { scale: [0.5, 5] }))).toStrictEqual(
        new RangeError(`${fn}: scale[0] (0.5) must be a safe integer`),
      );
      expect(thrownKind(() => customerSatisfactionScore([1], { scale: [1, Infinity] }))).toStrictEqual(
        new RangeError(`${fn}: scale[1] (Infinity) must be a finite number`),
      );
      expect(thrownKind(() => customerSatisfactionScore([1], { scale: [5, 1] }))).toStrictEqual(
        new RangeError(`${fn}: scale ([5, 1]) must have min < max`),
      );
      expect(thrownKind(() => customerSatisfactionScore([1], { scale: [3, 3] }))).toStrictEqual(
        new RangeError(`${fn}: scale ([3, 3]) must have min < max`),
      );
    });

    it('throws for an invalid satisfiedAt, confidence level or options', () => {
      expect(thrownKind(() => customerSatisfactionScore([1], { satisfiedAt: 6 }))).toStrictEqual(
        new RangeError(`${fn}: satisfiedAt (6) must be an integer from 1 to 5`),
      );
      expect(thrownKind(() => customerSatisfactionScore([1], { satisfiedAt: 3.5 }))).toStrictEqual(
        new RangeError(`${fn}: satisfiedAt (3.5) must be an integer from 1 to 5`),
      );
      expect(thrownKind(() => customerSatisfactionScore([1], { satisfiedAt: '4' as never }))).toStrictEqual(
        new TypeError(`${fn}: satisfiedAt must be a number, got "4"`),
      );
      expect(thrownKind(() => customerSatisfactionScore([1], { confidenceLevel: 95 }))).toStrictEqual(
        new RangeError(`${fn}: confidenceLevel (95) must be strictly between 0 and 1`),
      );
      expect(thrownKind(() => customerSatisfactionScore([1], null as never))).toStrictEqual(
        new TypeError(`${fn}: options must be an object, got null`),
      );
    });
  });
});
