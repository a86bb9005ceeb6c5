import { describe, expect, it } from 'vitest';
import { customerSatisfactionIndex, customerSatisfactionIndexByRespondent } from '../../src/index.ts';
import { deepFreeze, expectClose, expectThrows, thrownKind } from '../helpers/expectClose.ts';

// Worked by hand: respondent j's index is 100·Σ wᵢ(sᵢⱼ − 1)/4 with weights 0.5, 0.3, 0.2.
// r1 (5, 3, 2): 0.5·1 + 0.3·0.5 + 0.2·0.25 = 0.70; r2 (4, 4, 3): 0.375 + 0.225 + 0.1 = 0.70;
// r3 (4, 2, 3): 0.375 + 0.075 + 0.1 = 0.55; r4 (5, 3, 4): 0.5 + 0.15 + 0.15 = 0.80. Mean 68.75 = CSI.
const survey = [
  { name: 'quality', scores: [5, 4, 4, 5], weight: 0.5 },
  { name: 'service', scores: [3, 4, 2, 3], weight: 0.3 },
  { name: 'price', scores: [2, 3, 3, 4], weight: 0.2 },
];

describe('customerSatisfactionIndexByRespondent', () => {
  it('computes one weighted index per respondent', () => {
    const indices = customerSatisfactionIndexByRespondent(survey);
    expect(indices).toHaveLength(4);
    [70, 70, 55, 80].forEach((expected, j) => {
      expectClose(indices[j] ?? Number.NaN, expected, { rel: 1e-12 });
    });
  });

  it('averages to the aggregate index', () => {
    const indices = customerSatisfactionIndexByRespondent(survey);
    expectClose(indices.reduce((a, b) => a + b, 0) / indices.length, customerSatisfactionIndex(survey).index, {
      rel: 1e-12,
    });
  });

  it('weighs attributes equally by default and uses the scale option', () => {
    // 0–10 scale, equal weights: respondent 1 (10, 0) → 50; respondent 2 (5, 5) → 50; respondent 3 (10, 10) → 100.
    expect(
      customerSatisfactionIndexByRespondent([{ scores: [10, 5, 10] }, { scores: [0, 5, 10] }], { scale: [0, 10] }),
    ).toEqual([50, 50, 100]);
  });

  it('does not mutate its inputs', () => {
    const input = deepFreeze(survey.map((a) => ({ ...a, scores: [...a.scores] })));
    expect(customerSatisfactionIndexByRespondent(input, deepFreeze({}))).toHaveLength(4);
  });

  describe('edge cases', () => {
    it('returns an empty array without attributes or without respondents', () => {
      expect(customerSatisfactionIndexByRespondent([])).toEqual([]);
      expect(customerSatisfactionIndexByRespondent([{ scores: [] }, { scores: [] }])).toEqual([]);
    });

    it('returns NaN for every respondent when every weight is 0', () => {
      const indices = customerSatisfactionIndexByRespondent([{ scores: [5, 1], weight: 0 }]);
      expect(indices).toHaveLength(2);
      for (const x of indices) expect(x).toBeNaN();
    });

    it('handles one attribute and one respondent, and the scale ends', () => {
      expect(customerSatisfactionIndexByRespondent([{ scores: [3] }])).toEqual([50]);
      expect(customerSatisfactionIndexByRespondent([{ scores: [5, 1] }, { scores: [5, 1] }])).toEqual([100, 0]);
    });
  });

  describe('error policy', () => {
    const fn = 'customerSatisfactionIndexByRespondent';

    it('throws a RangeError when attributes have different numbers of answers', () => {
      expect(
        thrownKind(() => customerSatisfactionIndexByRespondent([{ scores: [5, 4, 3, 2] }, { scores: [1, 2, 3] }])),
      ).toStrictEqual(
        new RangeError(
          `${fn}: attributes[1].scores has 3 answers but attributes[0].scores has 4; every respondent must rate every attribute`,
        ),
      );
    });

    it('throws for malformed attributes, answers, weights and scale, naming itself', () => {
      expectThrows(
        () => customerSatisfactionIndexByRespondent(undefined as never),
        TypeError,
        fn,
        'attributes must be an array, got undefined',
      );
      expect(thrownKind(() => customerSatisfactionIndexByRespondent([{ scores: [0] }]))).toStrictEqual(
        new RangeError(`${fn}: attributes[0].scores[0] (0) must be an integer from 1 to 5`),
      );
      expect(thrownKind(() => customerSatisfactionIndexByRespondent([{ scores: [1], weight: -2 }]))).toStrictEqual(
        new RangeError(`${fn}: attributes[0].weight (-2) must not be negative`),
      );
      expect(() => customerSatisfactionIndexByRespondent([{ scores: [1], weight: 1 }, { scores: [2] }])).toThrow(
        TypeError,
      );
      expect(
        thrownKind(() => customerSatisfactionIndexByRespondent([{ scores: [1] }], { scale: [2, 1] })),
      ).toStrictEqual(new RangeError(`${fn}: scale ([2, 1]) must have min < max`));
    });
  });
});
