import { describe, expect, it } from 'vitest';
import { customerSatisfactionIndex } from '../../src/index.ts';
import { deepFreeze, expectClose, expectThrows, thrownKind } from '../helpers/expectClose.ts';

// Worked by hand from SPEC §3: CSI = 100·Σ wᵢ(s̄ᵢ − min)/(max − min)/Σwᵢ.
// quality mean 4.5 → (4.5 − 1)/4 = 0.875; service mean 3 → 0.5; price mean 3 → 0.5.
// Weighted: 0.5·87.5 + 0.3·50 + 0.2·50 = 68.75. Equal weights: (87.5 + 50 + 50)/3 = 62.5.
const survey = [
  { name: 'quality', scores: [5, 4, 4, 5], weight: 0.5 },
  { name: 'service', scores: [3, 4, 2, 3], weight: 0.3 },
  { name: 'price', scores: [2, 3, 3, 4], weight: 0.2 },
];

describe('customerSatisfactionIndex', () => {
  it('computes the importance-weighted index on 0–100', () => {
    const csi = customerSatisfactionIndex(survey);
    expectClose(csi.index, 68.75, { rel: 1e-12 });
    expect(csi.attributes).toHaveLength(3);
    expect(csi.attributes[0]).toEqual({ name: 'quality', mean: 4.5, normalized: 87.5, weight: 0.5 });
    expect(csi.attributes[1]).toMatchObject({ name: 'service', mean: 3, normalized: 50 });
    expectClose(csi.attributes[1]?.weight ?? Number.NaN, 0.3, { rel: 1e-12 });
    expectClose(csi.attributes[2]?.weight ?? Number.NaN, 0.2, { rel: 1e-12 });
  });

  it('weighs attributes equally by default and labels unnamed attributes by position', () => {
    const csi = customerSatisfactionIndex(survey.map(({ scores }) => ({ scores })));
    expectClose(csi.index, 62.5, { rel: 1e-12 });
    expect(csi.attributes.map((a) => a.name)).toEqual(['attribute 1', 'attribute 2', 'attribute 3']);
    for (const a of csi.attributes) expectClose(a.weight, 1 / 3, { rel: 1e-15 });
  });

  it('reports weights as shares of the total, so only their ratios matter', () => {
    const csi = customerSatisfactionIndex(survey.map((a) => ({ ...a, weight: a.weight * 40 })));
    expectClose(csi.index, 68.75, { rel: 1e-12 });
    expectClose(csi.attributes[0]?.weight ?? Number.NaN, 0.5, { rel: 1e-12 });
  });

  it('uses the scale option', () => {
    // 1–10 scale: mean 9 → 100·(9 − 1)/9 = 88.89; mean 1 → 0; equal weights → 44.44.
    const csi = customerSatisfactionIndex([{ scores: [10, 8] }, { scores: [1, 1] }], { scale: [1, 10] });
    expectClose(csi.attributes[0]?.normalized ?? Number.NaN, 800 / 9, { rel: 1e-12 });
    expectClose(csi.index, 400 / 9, { rel: 1e-12 });
  });

  it('does not mutate its inputs', () => {
    const input = deepFreeze(survey.map((a) => ({ ...a, scores: [...a.scores] })));
    expectClose(customerSatisfactionIndex(input, deepFreeze({ scale: [1, 5] as const })).index, 68.75, { rel: 1e-12 });
  });

  describe('edge cases', () => {
    it('returns NaN with no attributes', () => {
      const csi = customerSatisfactionIndex([]);
      expect(csi.index).toBeNaN();
      expect(csi.attributes).toEqual([]);
    });

    it('returns NaN when an attribute has no answers', () => {
      const csi = customerSatisfactionIndex([{ scores: [5] }, { name: 'empty', scores: [] }]);
      expect(csi.index).toBeNaN();
      expect(csi.attributes[1]?.mean).toBeNaN();
      expect(csi.attributes[1]?.normalized).toBeNaN();
    });

    it('returns NaN when every weight is 0, and ignores a zero-weight attribute otherwise', () => {
      expect(
        customerSatisfactionIndex([
          { scores: [5], weight: 0 },
          { scores: [1], weight: 0 },
        ]).index,
      ).toBeNaN();
      expect(
        customerSatisfactionIndex([
          { scores: [5], weight: 0 },
          { scores: [3], weight: 2 },
        ]).index,
      ).toBe(50);
    });

    it('is 100 when every answer is the top of the scale and 0 at the bottom', () => {
      expect(customerSatisfactionIndex([{ scores: [5, 5] }, { scores: [5] }]).index).toBe(100);
      expect(customerSatisfactionIndex([{ scores: [1, 1] }, { scores: [1] }]).index).toBe(0);
    });

    it('handles one attribute with one answer, and attributes with different numbers of answers', () => {
      expect(customerSatisfactionIndex([{ scores: [4] }]).index).toBe(75);
      expectClose(customerSatisfactionIndex([{ scores: [5, 5, 5, 1] }, { scores: [3] }]).index, (75 + 50) / 2, {
        rel: 1e-12,
      });
    });

    it('does not overflow with huge weights or underflow with tiny ones', () => {
      const huge = customerSatisfactionIndex(survey.map((a) => ({ ...a, weight: a.weight * 1e308 })));
      const tiny = customerSatisfactionIndex(survey.map((a) => ({ ...a, weight: a.weight * 1e-320 })));
      expectClose(huge.index, 68.75, { rel: 1e-12 });
      expectClose(tiny.index, 68.75, { rel: 1e-3 }); // subnormal weights keep only a few digits
    });
  });

  describe('error policy', () => {
    const fn = 'customerSatisfactionIndex';

    it('throws a TypeError for malformed attributes', () => {
      expectThrows(
        () => customerSatisfactionIndex('x' as never),
        TypeError,
        fn,
        'attributes must be an array, got "x"',
      );
      expect(thrownKind(() => customerSatisfactionIndex([null] as never))).toStrictEqual(
        new TypeError(`${fn}: attributes[0] must be an object, got null`),
      );
      expect(thrownKind(() => customerSatisfactionIndex([{ scores: [1] }, { name: 'x' }] as never))).toStrictEqual(
        new TypeError(`${fn}: attributes[1].scores must be an array, got undefined`),
      );
      expect(thrownKind(() => customerSatisfactionIndex([{ name: 5, scores: [1] }] as never))).toStrictEqual(
        new TypeError(`${fn}: attributes[0].name must be a string, got 5`),
      );
      expect(thrownKind(() => customerSatisfactionIndex([{ scores: ['5'] }] as never))).toStrictEqual(
        new TypeError(`${fn}: attributes[0].scores[0] must be a number, got "5"`),
      );
      expect(thrownKind(() => customerSatisfactionIndex([{ scores: [5], weight: '2' }] as never))).toStrictEqual(
        new TypeError(`${fn}: attributes[0].weight must be a number, got "2"`),
      );
    });

    it('throws a TypeError when only some attributes have weights', () => {
      expect(thrownKind(() => customerSatisfactionIndex([{ scores: [5], weight: 2 }, { scores: [4] }]))).toStrictEqual(
        new TypeError(
          `${fn}: attributes[1].weight (undefined) must be given for every attribute or for none (attributes[0] has one)`,
        ),
      );
      expect(thrownKind(() => customerSatisfactionIndex([{ scores: [5] }, { scores: [4], weight: 2 }]))).toStrictEqual(
        new TypeError(
          `${fn}: attributes[1].weight (2) must be given for every attribute or for none (attributes[0] has none)`,
        ),
      );
    });

    it('throws a RangeError for answers outside the scale and invalid weights', () => {
      expect(thrownKind(() => customerSatisfactionIndex([{ scores: [5] }, { scores: [1, 2, 6] }]))).toStrictEqual(
        new RangeError(`${fn}: attributes[1].scores[2] (6) must be an integer from 1 to 5`),
      );
      expect(thrownKind(() => customerSatisfactionIndex([{ scores: [5], weight: -1 }]))).toStrictEqual(
        new RangeError(`${fn}: attributes[0].weight (-1) must not be negative`),
      );
      expect(thrownKind(() => customerSatisfactionIndex([{ scores: [5], weight: Infinity }]))).toStrictEqual(
        new RangeError(`${fn}: attributes[0].weight (Infinity) must be a finite number`),
      );
    });

    it('throws for an invalid scale or options', () => {
      expect(thrownKind(() => customerSatisfactionIndex([{ scores: [1] }], { scale: [1, 1] }))).toStrictEqual(
        new RangeError(`${fn}: scale ([1, 1]) must have min < max`),
      );
      expect(thrownKind(() => customerSatisfactionIndex([{ scores: [1] }], [] as never))).toStrictEqual(
        new TypeError(`${fn}: options must be an object, got an array of length 0`),
      );
    });
  });
});
