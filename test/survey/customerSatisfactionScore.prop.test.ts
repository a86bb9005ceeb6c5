import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerSatisfactionScore, wilsonInterval } from '../../src/index.ts';
import { confidenceLevel, replicate, scaleAndScores } from './arbitraries.ts';
import { thrownKind } from '../helpers/expectClose.ts';

const nonEmpty = scaleAndScores(1);

describe('customerSatisfactionScore properties', () => {
  it('keeps the score in [0, 1] inside its interval, and the mean within the scale', () => {
    fc.assert(
      fc.property(nonEmpty, confidenceLevel, ({ scale, scores }, level) => {
        const csat = customerSatisfactionScore(scores, { scale, confidenceLevel: level });
        const [low, high] = csat.confidenceInterval;
        expect(csat.score).toBeGreaterThanOrEqual(0);
        expect(csat.score).toBeLessThanOrEqual(1);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(csat.score);
        expect(high).toBeGreaterThanOrEqual(csat.score);
        expect(csat.mean).toBeGreaterThanOrEqual(scale[0]);
        expect(csat.mean).toBeLessThanOrEqual(scale[1]);
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with a direct count and with wilsonInterval', () => {
    fc.assert(
      fc.property(scaleAndScores(), fc.nat(10), confidenceLevel, ({ scale, scores }, offset, level) => {
        const satisfiedAt = Math.min(scale[1], scale[0] + offset);
        const csat = customerSatisfactionScore(scores, { scale, satisfiedAt, confidenceLevel: level });
        const satisfied = scores.filter((s) => s >= satisfiedAt).length;
        expect(csat.satisfied).toBe(satisfied);
        expect(csat.n).toBe(scores.length);
        expect(csat.confidenceInterval).toEqual(
          wilsonInterval({ successes: satisfied, trials: scores.length }, { confidenceLevel: level }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('never rises when the satisfaction threshold rises', () => {
    fc.assert(
      fc.property(nonEmpty, ({ scale, scores }) => {
        let previous = Infinity;
        for (let t = scale[0]; t <= scale[1]; t++) {
          const { score } = customerSatisfactionScore(scores, { scale, satisfiedAt: t });
          expect(score).toBeLessThanOrEqual(previous);
          previous = score;
        }
      }),
      { numRuns: 100 },
    );
  });

  it('narrows the interval as n grows at fixed shares, keeping score and mean', () => {
    fc.assert(
      fc.property(nonEmpty, fc.integer({ min: 2, max: 8 }), ({ scale, scores }, k) => {
        const small = customerSatisfactionScore(scores, { scale });
        const large = customerSatisfactionScore(replicate(scores, k), { scale });
        expect(large.score).toBeCloseTo(small.score, 12);
        expect(large.mean).toBeCloseTo(small.mean, 12);
        expect(large.confidenceInterval[1] - large.confidenceInterval[0]).toBeLessThan(
          small.confidenceInterval[1] - small.confidenceInterval[0],
        );
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order of the answers', () => {
    fc.assert(
      fc.property(scaleAndScores(), ({ scale, scores }) => {
        expect(customerSatisfactionScore([...scores].reverse(), { scale })).toEqual(
          customerSatisfactionScore(scores, { scale }),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('throws a RangeError for an answer outside the scale', () => {
    fc.assert(
      fc.property(
        scaleAndScores(0, 20),
        fc.integer({ min: 1, max: 1000 }),
        fc.boolean(),
        ({ scale, scores }, by, above) => {
          const bad = above ? scale[1] + by : scale[0] - by;
          expect(thrownKind(() => customerSatisfactionScore([...scores, bad], { scale }))).toStrictEqual(
            new RangeError(
              `customerSatisfactionScore: scores[${scores.length}] (${bad}) must be an integer from ${scale[0]} to ${scale[1]}`,
            ),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
