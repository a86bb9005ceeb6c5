import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../src/index.ts';

const subjects = fc.array(fc.record({ duration: fc.integer({ min: 0, max: 30 }), event: fc.boolean() }), {
  maxLength: 60,
});
const lifetimesOf = (s: { duration: number; event: boolean }[]) => ({
  durations: s.map((x) => x.duration),
  events: s.map((x) => x.event),
});

describe('kaplanMeier properties', () => {
  it('is non-increasing in time, within [0, 1], with strictly increasing event times', () => {
    fc.assert(
      fc.property(subjects, (s) => {
        const { curve } = kaplanMeier(lifetimesOf(s));
        let previous = 1;
        let previousTime = -Infinity;
        for (const step of curve) {
          expect(step.survival).toBeLessThanOrEqual(previous);
          expect(step.survival).toBeGreaterThanOrEqual(0);
          expect(step.time).toBeGreaterThan(previousTime);
          expect(step.events).toBeGreaterThan(0);
          previous = step.survival;
          previousTime = step.time;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('has bands inside [0, 1] that contain the estimate, for every interval type', () => {
    fc.assert(
      fc.property(
        subjects,
        fc.constantFrom('log-log' as const, 'log' as const, 'plain' as const),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (s, interval, confidenceLevel) => {
          for (const step of kaplanMeier(lifetimesOf(s), { interval, confidenceLevel }).curve) {
            if (step.survival === 0) {
              expect(step.lower).toBeNaN();
              continue;
            }
            expect(step.lower).toBeGreaterThanOrEqual(0);
            expect(step.upper).toBeLessThanOrEqual(1);
            expect(step.lower).toBeLessThanOrEqual(step.survival * (1 + 1e-12));
            expect(step.upper).toBeGreaterThanOrEqual(step.survival * (1 - 1e-12));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('equals 1 − the empirical CDF when nothing is censored', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 60 }), (durations) => {
        for (const step of kaplanMeier({ durations }).curve) {
          const ecdf = durations.filter((d) => d <= step.time).length / durations.length;
          expect(Math.abs(step.survival - (1 - ecdf))).toBeLessThanOrEqual(1e-12);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with a brute-force product-limit computation and median', () => {
    fc.assert(
      fc.property(subjects, (s) => {
        const km = kaplanMeier(lifetimesOf(s));
        const times = [...new Set(s.filter((x) => x.event).map((x) => x.duration))].sort((a, b) => a - b);
        let surv = 1;
        let median = Number.NaN;
        times.forEach((t, i) => {
          const atRisk = s.filter((x) => x.duration >= t).length;
          const d = s.filter((x) => x.event && x.duration === t).length;
          surv *= 1 - d / atRisk;
          const step = km.curve[i];
          expect(step?.atRisk).toBe(atRisk);
          expect(step?.censored).toBe(s.filter((x) => !x.event && x.duration === t).length);
          expect(Math.abs((step?.survival ?? Number.NaN) - surv)).toBeLessThanOrEqual(1e-12);
          if (Number.isNaN(median) && surv <= 0.5 + 1e-12) median = t;
        });
        expect(km.curve).toHaveLength(times.length);
        expect(Object.is(km.median, median)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('puts the median inside its confidence interval when both ends exist', () => {
    fc.assert(
      fc.property(subjects, (s) => {
        const {
          median,
          medianConfidenceInterval: [lo, hi],
        } = kaplanMeier(lifetimesOf(s));
        if (!Number.isNaN(lo) && !Number.isNaN(median)) expect(lo).toBeLessThanOrEqual(median);
        if (!Number.isNaN(hi)) expect(hi).toBeGreaterThanOrEqual(median);
      }),
      { numRuns: 200 },
    );
  });

  it('throws for a negative duration', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 5 }), fc.double({ max: -1e-300, noNaN: true }), (ok, bad) => {
        expect(() => kaplanMeier({ durations: [...ok, bad] })).toThrow(RangeError);
      }),
      { numRuns: 30 },
    );
  });
});
