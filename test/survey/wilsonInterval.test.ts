import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/index.ts';
import { deepFreeze, expectClose, expectThrows, thrownKind } from '../helpers/expectClose.ts';

/** The Wilson interval in closed form, evaluated independently with Python 3 (statistics.NormalDist for z). */
const PYTHON = {
  '81/263': [0.2552885198782742, 0.36620957698280004],
  '15/148': [0.06238639953073628, 0.16048724172330803],
  '0/20': [0, 0.16112515805281932],
  '1/29': [0.006113214292762653, 0.17175521879320285],
  '20/20': [0.8388748419471808, 1],
  '1/1': [0.20654931437723745, 1],
  '81/263 at 99 %': [0.24013690268760773, 0.38528250231822986],
} as const;

function expectInterval(
  actual: readonly [number, number],
  expected: readonly [number, number],
  tolerance: { rel?: number; abs?: number },
): void {
  expectClose(actual[0], expected[0], tolerance);
  expectClose(actual[1], expected[1], tolerance);
}

describe('wilsonInterval', () => {
  it('reproduces the score-method intervals of Newcombe (1998), Table I (95 %, 4 decimals)', () => {
    // Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven methods",
    // Statistics in Medicine 17 (1998) 857–872, Table I, method 3 (Wilson score, no continuity correction).
    expectInterval(wilsonInterval({ successes: 81, trials: 263 }), [0.2553, 0.3662], { abs: 5e-5 });
    expectInterval(wilsonInterval({ successes: 15, trials: 148 }), [0.0624, 0.1605], { abs: 5e-5 });
    expectInterval(wilsonInterval({ successes: 0, trials: 20 }), [0, 0.1611], { abs: 5e-5 });
    expectInterval(wilsonInterval({ successes: 1, trials: 29 }), [0.0061, 0.1718], { abs: 5e-5 });
  });

  it('matches the closed form to full precision (normal quantile accurate to ~1e-9)', () => {
    expectInterval(wilsonInterval({ successes: 81, trials: 263 }), PYTHON['81/263'], { rel: 1e-8 });
    expectInterval(wilsonInterval({ successes: 15, trials: 148 }), PYTHON['15/148'], { rel: 1e-8 });
    expectInterval(wilsonInterval({ successes: 1, trials: 29 }), PYTHON['1/29'], { rel: 1e-8 });
    expectInterval(
      wilsonInterval({ successes: 81, trials: 263 }, { confidenceLevel: 0.99 }),
      PYTHON['81/263 at 99 %'],
      { rel: 1e-8 },
    );
  });

  it('is exactly 0 at 0 successes and exactly 1 at all successes', () => {
    const none = wilsonInterval({ successes: 0, trials: 20 });
    const all = wilsonInterval({ successes: 20, trials: 20 });
    expect(none[0]).toBe(0);
    expect(all[1]).toBe(1);
    expectClose(none[1], PYTHON['0/20'][1], { rel: 1e-8 });
    expectClose(all[0], PYTHON['20/20'][0], { rel: 1e-8 });
    expectClose(all[0], 1 - none[1], { abs: 1e-15 });
  });

  it('does not mutate its inputs', () => {
    const input = deepFreeze({ successes: 3, trials: 4 });
    expect(wilsonInterval(input, deepFreeze({ confidenceLevel: 0.9 }))[0]).toBeGreaterThan(0);
  });

  describe('edge cases', () => {
    it('returns [NaN, NaN] for zero trials', () => {
      const [low, high] = wilsonInterval({ successes: 0, trials: 0 });
      expect(low).toBeNaN();
      expect(high).toBeNaN();
    });

    it('handles a single trial', () => {
      expectInterval(wilsonInterval({ successes: 1, trials: 1 }), PYTHON['1/1'], { rel: 1e-8 });
      const [low, high] = wilsonInterval({ successes: 0, trials: 1 });
      expect(low).toBe(0);
      expectClose(high, 1 - PYTHON['1/1'][0], { rel: 1e-8 });
    });

    it('is tight around p̂ for huge counts', () => {
      // p̂ = 0.5, n = 10¹⁶: half-width ≈ z·√(0.25/n) ≈ 9.8e-9.
      const [low, high] = wilsonInterval({ successes: 5e15, trials: 1e16 });
      expectClose(low, 0.5 - 1.959963984540054 * 0.5e-8, { abs: 1e-15 });
      expectClose(high, 0.5 + 1.959963984540054 * 0.5e-8, { abs: 1e-15 });
    });

    it('is symmetric: successes ↔ failures mirrors the interval', () => {
      const [low, high] = wilsonInterval({ successes: 7, trials: 10 });
      const [mLow, mHigh] = wilsonInterval({ successes: 3, trials: 10 });
      expectClose(low, 1 - mHigh, { abs: 1e-15 });
      expectClose(high, 1 - mLow, { abs: 1e-15 });
    });
  });

  describe('error policy', () => {
    it('throws a TypeError for a non-object input or a non-number count', () => {
      expectThrows(
        () => wilsonInterval(null as never),
        TypeError,
        'wilsonInterval',
        'input must be an object, got null',
      );
      expectThrows(
        () => wilsonInterval([3, 4] as never),
        TypeError,
        'wilsonInterval',
        'input must be an object, got an array of length 2',
      );
      expect(thrownKind(() => wilsonInterval({ successes: '3', trials: 4 } as never))).toStrictEqual(
        new TypeError('wilsonInterval: successes must be a number, got "3"'),
      );
      expect(thrownKind(() => wilsonInterval({ successes: 3 } as never))).toStrictEqual(
        new TypeError('wilsonInterval: trials must be a number, got undefined'),
      );
    });

    it('throws a RangeError for negative, fractional or non-finite counts', () => {
      expect(thrownKind(() => wilsonInterval({ successes: -1, trials: 4 }))).toStrictEqual(
        new RangeError('wilsonInterval: successes (-1) must be a non-negative integer'),
      );
      expect(thrownKind(() => wilsonInterval({ successes: 1, trials: 4.5 }))).toStrictEqual(
        new RangeError('wilsonInterval: trials (4.5) must be a non-negative integer'),
      );
      expect(thrownKind(() => wilsonInterval({ successes: 1, trials: Infinity }))).toStrictEqual(
        new RangeError('wilsonInterval: trials (Infinity) must be a finite number'),
      );
      expect(thrownKind(() => wilsonInterval({ successes: Number.NaN, trials: 4 }))).toStrictEqual(
        new RangeError('wilsonInterval: successes (NaN) must be a finite number'),
      );
    });

    it('throws a RangeError when successes exceed trials', () => {
      expect(thrownKind(() => wilsonInterval({ successes: 5, trials: 4 }))).toStrictEqual(
        new RangeError('wilsonInterval: successes (5) must not exceed trials (4)'),
      );
    });

    it('throws for an invalid confidence level or options', () => {
      expect(thrownKind(() => wilsonInterval({ successes: 1, trials: 4 }, { confidenceLevel: 0 }))).toStrictEqual(
        new RangeError('wilsonInterval: confidenceLevel (0) must be strictly between 0 and 1'),
      );
      expect(
        thrownKind(() => wilsonInterval({ successes: 1, trials: 4 }, { confidenceLevel: Number.NaN })),
      ).toStrictEqual(new RangeError('wilsonInterval: confidenceLevel (NaN) must be a finite number'));
      expectThrows(
        () => wilsonInterval({ successes: 1, trials: 4 }, [] as never),
        TypeError,
        'wilsonInterval',
        'options must be an object, got an array of length 0',
      );
    });
  });
});
