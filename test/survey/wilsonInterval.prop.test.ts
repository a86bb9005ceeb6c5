import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/index.ts';
import { expectClose } from '../helpers/expectClose.ts';
import { confidenceLevel } from './arbitraries.ts';

const counts = (maxTrials = 100_000) =>
  fc
    .integer({ min: 1, max: maxTrials })
    .chain((trials) => fc.record({ successes: fc.integer({ min: 0, max: trials }), trials: fc.constant(trials) }));
const width = ([low, high]: readonly [number, number]) => high - low;

describe('wilsonInterval properties', () => {
  it('lies within [0, 1] and contains p̂', () => {
    fc.assert(
      fc.property(counts(), fc.double({ min: 1e-6, max: 0.999999, noNaN: true }), (c, level) => {
        const [low, high] = wilsonInterval(c, { confidenceLevel: level });
        const p = c.successes / c.trials;
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(p);
        expect(high).toBeGreaterThanOrEqual(p);
      }),
      { numRuns: 200 },
    );
  });

  it('mirrors under successes ↔ failures', () => {
    fc.assert(
      fc.property(counts(), (c) => {
        const [low, high] = wilsonInterval(c);
        const [mLow, mHigh] = wilsonInterval({ successes: c.trials - c.successes, trials: c.trials });
        expectClose(low, 1 - mHigh, { abs: 1e-12 });
        expectClose(high, 1 - mLow, { abs: 1e-12 });
      }),
      { numRuns: 200 },
    );
  });

  it('narrows as the number of trials grows at a fixed share', () => {
    fc.assert(
      fc.property(counts(1000), fc.integer({ min: 2, max: 1000 }), (c, k) => {
        const small = wilsonInterval(c);
        const large = wilsonInterval({ successes: c.successes * k, trials: c.trials * k });
        expect(width(large)).toBeLessThan(width(small));
      }),
      { numRuns: 200 },
    );
  });

  it('widens with the confidence level', () => {
    fc.assert(
      fc.property(counts(), confidenceLevel, confidenceLevel, (c, a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(width(wilsonInterval(c, { confidenceLevel: hi }))).toBeGreaterThanOrEqual(
          width(wilsonInterval(c, { confidenceLevel: lo })),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('moves both bounds up with the number of successes', () => {
    fc.assert(
      fc.property(counts(), (c) => {
        fc.pre(c.successes < c.trials);
        const [low, high] = wilsonInterval(c);
        const [nextLow, nextHigh] = wilsonInterval({ successes: c.successes + 1, trials: c.trials });
        expect(nextLow).toBeGreaterThanOrEqual(low);
        expect(nextHigh).toBeGreaterThanOrEqual(high);
      }),
      { numRuns: 200 },
    );
  });

  it('throws a RangeError when successes exceed trials', () => {
    fc.assert(
      fc.property(fc.nat(1e6), fc.integer({ min: 1, max: 1e6 }), (trials, extra) => {
        expect(() => wilsonInterval({ successes: trials + extra, trials })).toThrow(
          /^wilsonInterval: successes \(\d+\) must not exceed trials \(\d+\)$/,
        );
      }),
      { numRuns: 100 },
    );
  });
});
