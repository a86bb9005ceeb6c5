import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerSatisfactionIndex } from '../../src/index.ts';
import { expectClose } from '../helpers/expectClose.ts';
import { ratingScale } from './arbitraries.ts';

/** A scale and 1–6 weighted attributes, each with at least one answer. */
const survey = ratingScale.chain((scale) =>
  fc.record({
    scale: fc.constant(scale),
    attributes: fc.array(
      fc.record({
        scores: fc.array(fc.integer({ min: scale[0], max: scale[1] }), { minLength: 1, maxLength: 30 }),
        weight: fc.double({ min: 0.01, max: 100, noNaN: true }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  }),
);

describe('customerSatisfactionIndex properties', () => {
  it('stays within 0–100, as does every normalized attribute, with weight shares summing to 1', () => {
    fc.assert(
      fc.property(survey, ({ scale, attributes }) => {
        const csi = customerSatisfactionIndex(attributes, { scale });
        expect(csi.index).toBeGreaterThanOrEqual(0);
        expect(csi.index).toBeLessThanOrEqual(100);
        for (const a of csi.attributes) {
          expect(a.normalized).toBeGreaterThanOrEqual(0);
          expect(a.normalized).toBeLessThanOrEqual(100);
        }
        expectClose(
          csi.attributes.reduce((s, a) => s + a.weight, 0),
          1,
          { abs: 1e-12 },
        );
      }),
      { numRuns: 200 },
    );
  });

  it('equals the formula 100·Σ wᵢ(s̄ᵢ − min)/(max − min)/Σwᵢ computed directly', () => {
    fc.assert(
      fc.property(survey, ({ scale, attributes }) => {
        const [min, max] = scale;
        let num = 0;
        let den = 0;
        for (const { scores, weight } of attributes) {
          const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
          num += (weight * (mean - min)) / (max - min);
          den += weight;
        }
        expectClose(customerSatisfactionIndex(attributes, { scale }).index, (100 * num) / den, {
          rel: 1e-10,
          abs: 1e-10,
        });
      }),
      { numRuns: 200 },
    );
  });

  it('is invariant to scaling all weights', () => {
    fc.assert(
      fc.property(survey, fc.double({ min: 1e-6, max: 1e6, noNaN: true }), ({ scale, attributes }, k) => {
        const base = customerSatisfactionIndex(attributes, { scale });
        const scaled = customerSatisfactionIndex(
          attributes.map((a) => ({ ...a, weight: a.weight * k })),
          { scale },
        );
        expectClose(scaled.index, base.index, { rel: 1e-12, abs: 1e-12 });
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of the attributes', () => {
    fc.assert(
      fc.property(survey, ({ scale, attributes }) => {
        expectClose(
          customerSatisfactionIndex([...attributes].reverse(), { scale }).index,
          customerSatisfactionIndex(attributes, { scale }).index,
          {
            rel: 1e-12,
            abs: 1e-12,
          },
        );
      }),
      { numRuns: 100 },
    );
  });

  it('never falls when one answer rises', () => {
    fc.assert(
      fc.property(survey, fc.nat(), fc.nat(), ({ scale, attributes }, i, j) => {
        const a = i % attributes.length;
        const target = attributes[a];
        if (target === undefined) return;
        const k = j % target.scores.length;
        const raised = attributes.map((attr, index) =>
          index === a
            ? { ...attr, scores: attr.scores.map((s, m) => (m === k ? Math.min(scale[1], s + 1) : s)) }
            : attr,
        );
        expect(customerSatisfactionIndex(raised, { scale }).index).toBeGreaterThanOrEqual(
          customerSatisfactionIndex(attributes, { scale }).index - 1e-12,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('throws a RangeError for a negative weight', () => {
    fc.assert(
      fc.property(survey, fc.double({ max: -Number.MIN_VALUE, min: -1e9, noNaN: true }), ({ scale, attributes }, w) => {
        const bad = attributes.map((a, i) => (i === attributes.length - 1 ? { ...a, weight: w } : a));
        expect(() => customerSatisfactionIndex(bad, { scale })).toThrow(
          new RegExp(
            `^customerSatisfactionIndex: attributes\\[${attributes.length - 1}\\]\\.weight \\(.+\\) must not be negative$`,
          ),
        );
      }),
      { numRuns: 100 },
    );
  });
});
