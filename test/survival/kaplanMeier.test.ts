import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../src/index.ts';
import { deepFreeze, expectClose, expectThrows } from '../helpers/expectClose.ts';

// Toy check of the issue "More models and statistics" (durations and events below): S(3) = 0.875,
// S(6) = 0.729167, S(7) = 0.583333, median 10. Standard errors and bands are computed by hand from
// Greenwood's formula and the log-log, log and plain transformations (z = 1.959964); the normal quantile
// is accurate to ~1e-9, hence the tolerances on the bands.
const toy = { durations: [3, 5, 6, 7, 8, 10, 12, 12], events: [1, 0, 1, 1, 0, 1, 1, 0] };

describe('kaplanMeier', () => {
  it('reproduces the toy check of the issue', () => {
    const km = kaplanMeier(toy);
    expect(km.curve.map((s) => s.time)).toEqual([3, 6, 7, 10, 12]);
    expectClose(km.curve[0]?.survival ?? Number.NaN, 0.875, { abs: 5e-7 });
    expectClose(km.curve[1]?.survival ?? Number.NaN, 0.729167, { abs: 5e-7 });
    expectClose(km.curve[2]?.survival ?? Number.NaN, 0.583333, { abs: 5e-7 });
    expect(km.median).toBe(10);
    expect(km.n).toBe(8);
    expect(km.confidenceLevel).toBe(0.95);
  });

  it('counts subjects at risk, events and censored at each event time (censored at t are at risk at t)', () => {
    const km = kaplanMeier(toy);
    expect(km.curve.map((s) => [s.atRisk, s.events, s.censored])).toEqual([
      [8, 1, 0],
      [6, 1, 0],
      [5, 1, 0],
      [3, 1, 0],
      [2, 1, 1],
    ]);
    // Hand computation: 0.583333·2/3 = 0.388889; ·1/2 = 0.194444.
    expectClose(km.curve[3]?.survival ?? Number.NaN, 7 / 18, { rel: 1e-12 });
    expectClose(km.curve[4]?.survival ?? Number.NaN, 7 / 36, { rel: 1e-12 });
  });

  it('gives Greenwood standard errors and log-log bands by default', () => {
    const km = kaplanMeier(toy);
    // Greenwood: SE(3) = 0.875·√(1/(8·7)) = 0.1169268; SE(10) = 0.3888889·√(1/56 + 1/30 + 1/20 + 1/6).
    const expected = [
      [0.11692679333668568, 0.387000014032, 0.981392965879],
      [0.1649762363639528, 0.276390220336, 0.925353181257],
      [0.1855609613317693, 0.180188891013, 0.844068691657],
      [0.20126912147485332, 0.063002811469, 0.724222755537],
      [0.17038672425535134, 0.009335431787, 0.563397783451],
    ];
    km.curve.forEach((step, i) => {
      const [se, lo, hi] = expected[i] as [number, number, number];
      expectClose(step.standardError, se, { rel: 1e-12 });
      expectClose(step.lower, lo, { abs: 1e-8 });
      expectClose(step.upper, hi, { abs: 1e-8 });
    });
    // Lower band first reaches 0.5 at t = 3; the upper band never does.
    expect(km.medianConfidenceInterval[0]).toBe(3);
    expect(km.medianConfidenceInterval[1]).toBeNaN();
  });

  it('offers log and plain bands', () => {
    const log = kaplanMeier(toy, { interval: 'log' });
    expectClose(log.curve[2]?.lower ?? Number.NaN, 0.312712864865, { abs: 1e-8 });
    expect(log.curve[2]?.upper).toBe(1);
    const plain = kaplanMeier(toy, { interval: 'plain' });
    expectClose(plain.curve[2]?.lower ?? Number.NaN, 0.219640532186, { abs: 1e-8 });
    expectClose(plain.curve[2]?.upper ?? Number.NaN, 0.94702613448, { abs: 1e-8 });
    expect(plain.curve[3]?.lower).toBe(0);
  });

  it('matches exact plain bands to double precision (issue 16: the normal quantile was good to ~1e-8)', () => {
    // Four deaths at 1…4: S(2) = ½, Greenwood SE = ½·√(1/12 + 1/6) = ¼, lower = ½ − z₀.₉₇₅/4;
    // z₀.₉₇₅ = 1.95996398454005386 (mpmath, 50 digits), so lower = 0.0100090038649865 (R survival prints 0.01000900386).
    const km = kaplanMeier({ durations: [1, 2, 3, 4], events: [1, 1, 1, 1] }, { interval: 'plain' });
    expectClose(km.curve[1]?.lower ?? Number.NaN, 0.010009003864986535, { rel: 1e-13 });
  });

  it('narrows the band at a lower confidence level', () => {
    const wide = kaplanMeier(toy, { confidenceLevel: 0.99 }).curve[2];
    const narrow = kaplanMeier(toy, { confidenceLevel: 0.8 }).curve[2];
    expect((narrow?.upper ?? 0) - (narrow?.lower ?? 0)).toBeLessThan((wide?.upper ?? 0) - (wide?.lower ?? 0));
  });

  it('accepts boolean events, typed arrays, and treats omitted events as all observed', () => {
    const booleans = kaplanMeier({
      durations: new Float64Array(toy.durations),
      events: toy.events.map((e) => e === 1),
    });
    expect(booleans.curve.map((s) => s.survival)).toEqual(kaplanMeier(toy).curve.map((s) => s.survival));
    const all = kaplanMeier({ durations: [1, 2, 3, 4] });
    expect(all.curve.map((s) => s.survival)).toEqual([0.75, 0.5, 0.25, 0]);
    expect(all.median).toBe(2);
  });

  it('does not mutate frozen input and does not depend on the order of subjects', () => {
    const frozen = deepFreeze({ durations: [12, 3, 10, 5, 12, 7, 8, 6], events: [0, 1, 1, 0, 1, 1, 0, 1] });
    expect(kaplanMeier(frozen).curve).toEqual(kaplanMeier(toy).curve);
  });

  describe('edge cases', () => {
    it('returns an empty curve and NaN median for no subjects or no events', () => {
      const empty = kaplanMeier({ durations: [], events: [] });
      expect(empty.curve).toEqual([]);
      expect(empty.median).toBeNaN();
      expect(empty.n).toBe(0);
      const censoredOnly = kaplanMeier({ durations: [1, 2], events: [0, 0] });
      expect(censoredOnly.curve).toEqual([]);
      expect(censoredOnly.median).toBeNaN();
    });

    it('handles one subject: survival drops to 0 with NaN standard error and band', () => {
      const km = kaplanMeier({ durations: [4], events: [1] });
      expect(km.curve).toHaveLength(1);
      expect(km.curve[0]?.survival).toBe(0);
      expect(km.curve[0]?.standardError).toBeNaN();
      expect(km.curve[0]?.lower).toBeNaN();
      expect(km.curve[0]?.upper).toBeNaN();
      expect(km.median).toBe(4);
      expect(km.medianConfidenceInterval).toEqual([4, 4]);
    });

    it('groups tied event times and keeps zero durations', () => {
      const km = kaplanMeier({ durations: [0, 0, 2, 2, 2, 5], events: [1, 0, 1, 1, 0, 0] });
      expect(km.curve.map((s) => [s.time, s.atRisk, s.events, s.censored])).toEqual([
        [0, 6, 1, 1],
        [2, 4, 2, 1],
      ]);
      // 5/6 · 2/4 = 0.416667.
      expectClose(km.curve[1]?.survival ?? Number.NaN, 5 / 12, { rel: 1e-12 });
      expect(km.median).toBe(2);
    });

    it('finds a median at exactly one half despite rounding in the running product', () => {
      // Ŝ(3) = (1 − 1/3)(1 − 1/4) = 0.5 on paper; in floating point the product is not exactly 0.5.
      const km = kaplanMeier({ durations: [1, 2, 3, 4, 5], events: [0, 1, 1, 0, 0] });
      expectClose(km.curve[1]?.survival ?? Number.NaN, 0.5, { rel: 1e-12 });
      expect(km.median).toBe(3);
    });

    it('never reaches the median when most subjects are censored', () => {
      expect(kaplanMeier({ durations: [1, 2, 3, 4], events: [1, 0, 0, 0] }).median).toBeNaN();
    });

    it('handles huge durations and many subjects', () => {
      const n = 10_000;
      const durations = Array.from({ length: n }, (_, i) => 1e300 * (1 + (i % 100)));
      const km = kaplanMeier({ durations });
      expect(km.curve).toHaveLength(100);
      expectClose(km.curve[0]?.survival ?? Number.NaN, 0.99, { rel: 1e-12 });
      expect(km.curve[99]?.survival).toBe(0);
    });
  });

  describe('error policy', () => {
    it('throws a TypeError for wrong kinds', () => {
      expectThrows(
        () => kaplanMeier([1, 2] as never),
        TypeError,
        'kaplanMeier',
        'lifetimes must be an object, got an array of length 2',
      );
      expectThrows(
        () => kaplanMeier({ durations: 5 } as never),
        TypeError,
        'kaplanMeier',
        'durations must be an array, got 5',
      );
      expectThrows(
        () => kaplanMeier({ durations: [1, '2'] } as never),
        TypeError,
        'kaplanMeier',
        'durations[1] must be a number, got "2"',
      );
      expectThrows(
        () => kaplanMeier({ durations: [1, 2], events: [1, 'yes'] } as never),
        TypeError,
        'kaplanMeier',
        'events[1] must be 0, 1 or a boolean, got "yes"',
      );
    });

    it('throws a RangeError for out-of-domain values', () => {
      expectThrows(
        () => kaplanMeier({ durations: [1, -2] }),
        RangeError,
        'kaplanMeier',
        'durations[1] (-2) must not be negative',
      );
      expectThrows(
        () => kaplanMeier({ durations: [Number.NaN] }),
        RangeError,
        'kaplanMeier',
        'durations[0] (NaN) must be a finite number',
      );
      expectThrows(
        () => kaplanMeier({ durations: [Infinity] }),
        RangeError,
        'kaplanMeier',
        'durations[0] (Infinity) must be a finite number',
      );
      expectThrows(
        () => kaplanMeier({ durations: [1, 2], events: [1, 2] }),
        RangeError,
        'kaplanMeier',
        'events[1] (2) must be 0 or 1',
      );
      expectThrows(
        () => kaplanMeier({ durations: [1, 2], events: [1] }),
        RangeError,
        'kaplanMeier',
        'events (length 1) must have the same length as durations (2)',
      );
      expectThrows(
        () => kaplanMeier(toy, { confidenceLevel: 1 }),
        RangeError,
        'kaplanMeier',
        'confidenceLevel (1) must be strictly between 0 and 1',
      );
      expectThrows(
        () => kaplanMeier(toy, { interval: 'linear' } as never),
        RangeError,
        'kaplanMeier',
        `interval ("linear") must be one of 'log-log', 'log', 'plain'`,
      );
    });
  });
});
