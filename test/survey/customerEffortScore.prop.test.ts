import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerEffortScore } from '../../src/index.ts';
import { expectClose } from '../helpers/expectClose.ts';
import { replicate, scaleAndScores } from './arbitraries.ts';

const nonEmpty = scaleAndScores(1);

describe('customerEffortScore properties', () => {
  it('keeps the mean within the scale and the easy share in [0, 1]', () => {
    fc.assert(
      fc.property(nonEmpty, ({ scale, scores }) => {
        const ces = customerEffortScore(scores, { scale });
        expect(ces.mean).toBeGreaterThanOrEqual(scale[0]);
        expect(ces.mean).toBeLessThanOrEqual(scale[1]);
        expect(ces.easyShare).toBeGreaterThanOrEqual(0);
        expect(ces.easyShare).toBeLessThanOrEqual(1);
        expect(ces.n).toBe(scores.length);
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with a direct computation of the mean and share', () => {
    fc.assert(
      fc.property(nonEmpty, fc.nat(10), ({ scale, scores }, offset) => {
        const easyAt = Math.min(scale[1], scale[0] + offset);
        const ces = customerEffortScore(scores, { scale, easyAt });
        expectClose(ces.mean, scores.reduce((a, b) => a + b, 0) / scores.length, { rel: 1e-12, abs: 1e-12 });
        expect(ces.easyShare).toBe(scores.filter((s) => s >= easyAt).length / scores.length);
      }),
      { numRuns: 200 },
    );
  });

  it('reflects reversed answers: mean → min + max − mean, and the share of easy answers becomes the share of hard ones', () => {
    fc.assert(
      fc.property(nonEmpty, ({ scale, scores }) => {
        const [min, max] = scale;
        const ces = customerEffortScore(scores, { scale, easyAt: max });
        const reversed = customerEffortScore(
          scores.map((s) => min + max - s),
          { scale, easyAt: min + 1 },
        );
        expectClose(reversed.mean, min + max - ces.mean, { abs: 1e-12 });
        // answers equal to max become min: the only ones below min + 1.
        expectClose(reversed.easyShare, 1 - ces.easyShare, { abs: 1e-15 });
      }),
      { numRuns: 150 },
    );
  });

  it('never rises when easyAt rises, and does not change when every answer is repeated', () => {
    fc.assert(
      fc.property(nonEmpty, fc.integer({ min: 2, max: 5 }), ({ scale, scores }, k) => {
        let previous = Infinity;
        for (let t = scale[0]; t <= scale[1]; t++) {
          const { easyShare } = customerEffortScore(scores, { scale, easyAt: t });
          expect(easyShare).toBeLessThanOrEqual(previous);
          previous = easyShare;
        }
        const once = customerEffortScore(scores, { scale });
        const many = customerEffortScore(replicate(scores, k), { scale });
        expectClose(many.mean, once.mean, { rel: 1e-12, abs: 1e-12 });
        expectClose(many.easyShare, once.easyShare, { rel: 1e-12, abs: 1e-12 });
      }),
      { numRuns: 100 },
    );
  });

  it('throws a RangeError for a non-integer answer', () => {
    fc.assert(
      fc.property(
        scaleAndScores(0, 10),
        fc.double({ noInteger: true, noNaN: true, min: -20, max: 20 }),
        ({ scale, scores }, bad) => {
          expect(() => customerEffortScore([bad, ...scores], { scale })).toThrow(RangeError);
          expect(() => customerEffortScore([bad, ...scores], { scale })).toThrow(
            /^customerEffortScore: scores\[0\] \(/,
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
