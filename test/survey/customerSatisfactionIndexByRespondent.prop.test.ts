import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerSatisfactionIndex, customerSatisfactionIndexByRespondent } from '../../src/index.ts';
import { expectClose } from '../helpers/expectClose.ts';
import { ratingScale } from './arbitraries.ts';

/** A scale and 1–5 weighted attributes answered by the same 1–25 respondents. */
const survey = fc.tuple(ratingScale, fc.integer({ min: 1, max: 25 })).chain(([scale, respondents]) =>
  fc.record({
    scale: fc.constant(scale),
    attributes: fc.array(
      fc.record({
        scores: fc.array(fc.integer({ min: scale[0], max: scale[1] }), {
          minLength: respondents,
          maxLength: respondents,
        }),
        weight: fc.double({ min: 0.01, max: 100, noNaN: true }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  }),
);

describe('customerSatisfactionIndexByRespondent properties', () => {
  it('gives one index in 0–100 per respondent', () => {
    fc.assert(
      fc.property(survey, ({ scale, attributes }) => {
        const indices = customerSatisfactionIndexByRespondent(attributes, { scale });
        expect(indices).toHaveLength(attributes[0]?.scores.length ?? 0);
        for (const x of indices) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('averages to customerSatisfactionIndex on the same data', () => {
    fc.assert(
      fc.property(survey, ({ scale, attributes }) => {
        const indices = customerSatisfactionIndexByRespondent(attributes, { scale });
        const mean = indices.reduce((a, b) => a + b, 0) / indices.length;
        expectClose(mean, customerSatisfactionIndex(attributes, { scale }).index, { rel: 1e-10, abs: 1e-10 });
      }),
      { numRuns: 200 },
    );
  });

  it('is invariant to scaling all weights', () => {
    fc.assert(
      fc.property(survey, fc.double({ min: 1e-6, max: 1e6, noNaN: true }), ({ scale, attributes }, k) => {
        const base = customerSatisfactionIndexByRespondent(attributes, { scale });
        const scaled = customerSatisfactionIndexByRespondent(
          attributes.map((a) => ({ ...a, weight: a.weight * k })),
          { scale },
        );
        scaled.forEach((x, j) => {
          expectClose(x, base[j] ?? Number.NaN, { rel: 1e-12, abs: 1e-12 });
        });
      }),
      { numRuns: 150 },
    );
  });

  it('throws a RangeError when one attribute misses an answer', () => {
    fc.assert(
      fc.property(survey, ({ scale, attributes }) => {
        const short = [...attributes, { scores: (attributes[0]?.scores ?? []).slice(1), weight: 1 }];
        expect(() => customerSatisfactionIndexByRespondent(short, { scale })).toThrow(
          new RegExp(
            `^customerSatisfactionIndexByRespondent: attributes\\[${attributes.length}\\]\\.scores has \\d+ answers but attributes\\[0\\]\\.scores has \\d+`,
          ),
        );
      }),
      { numRuns: 100 },
    );
  });
});
