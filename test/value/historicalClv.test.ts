import { describe, expect, it } from 'vitest';
import { historicalClv } from '../../src/value/historicalClv.ts';
import { thrownKind } from '../helpers/expectClose.ts';

describe('historicalClv', () => {
  it('reproduces the worked example of the data README', () => {
    // ../shared/data/README.md, "Simple metrics": purchases of 100, 200 and 300 over three years → 600.
    expect(historicalClv([100, 200, 300])).toBe(600);
  });

  it('applies the margin to the total', () => {
    // By hand: 600 · 0.25 = 150; 600 · 0.3 = 180.
    expect(historicalClv([100, 200, 300], { margin: 0.25 })).toBe(150);
    expect(historicalClv([300, 100, 200], { margin: 0.3 })).toBe(180);
  });

  it('accepts typed arrays and frozen input', () => {
    expect(historicalClv(new Float64Array([19.5, 0.5, 30]))).toBe(50);
    const values = Object.freeze([100, 200, 300]);
    expect(historicalClv(values, Object.freeze({ margin: 0.5 }))).toBe(300);
    expect(values).toEqual([100, 200, 300]);
  });

  it('lets refunds (negative values) reduce the total', () => {
    expect(historicalClv([100, -40, 60])).toBe(120);
  });

  it('sums with compensation where naive addition drifts', () => {
    // The exact sum of ten copies of the double nearest 0.1 is 1.0000000000000000555…, which rounds to 1;
    // left-to-right addition gives 0.9999999999999999.
    expect(historicalClv(new Array<number>(10).fill(0.1))).toBe(1);
    // 2^53 + 1 + 1 − 2^53 = 2 exactly; naive addition loses both ones.
    expect(historicalClv([2 ** 53, 1, 1, -(2 ** 53)])).toBe(2);
    expect(historicalClv([1e16, 1, -1e16])).toBe(1);
  });

  describe('edge cases', () => {
    it('returns 0 for a customer without purchases (an empty sum, not NaN)', () => {
      expect(historicalClv([])).toBe(0);
      expect(historicalClv([], { margin: 0.4 })).toBe(0);
    });

    it('handles one purchase, zeros, ties and a zero margin', () => {
      expect(historicalClv([42])).toBe(42);
      expect(historicalClv([0, 0, 0])).toBe(0);
      expect(historicalClv([5, 5, 5, 5])).toBe(20);
      expect(historicalClv([100, 200], { margin: 0 })).toBe(0);
    });

    it('does not depend on the order of the purchases', () => {
      expect(historicalClv([300, 0.1, 200, 0.2, 100])).toBe(historicalClv([0.2, 100, 0.1, 300, 200]));
    });

    it('handles huge values', () => {
      expect(historicalClv([1e308, -1e308, 5])).toBe(5);
    });

    it('accepts an undefined margin as the default', () => {
      expect(historicalClv([1, 2], { margin: undefined } as never)).toBe(3);
    });
  });

  describe('error policy', () => {
    it('throws a TypeError when values is not an array', () => {
      expect(thrownKind(() => historicalClv('100,200' as never))).toStrictEqual(
        new TypeError('historicalClv: values must be an array, got "100,200"'),
      );
      expect(thrownKind(() => historicalClv(undefined as never))).toStrictEqual(
        new TypeError('historicalClv: values must be an array, got undefined'),
      );
    });

    it('throws with the index of a bad value', () => {
      expect(thrownKind(() => historicalClv([100, '200' as unknown as number]))).toStrictEqual(
        new TypeError('historicalClv: values[1] must be a number, got "200"'),
      );
      expect(thrownKind(() => historicalClv([100, 200, Number.NaN]))).toStrictEqual(
        new RangeError('historicalClv: values[2] (NaN) must be a finite number'),
      );
      expect(thrownKind(() => historicalClv([Infinity]))).toStrictEqual(
        new RangeError('historicalClv: values[0] (Infinity) must be a finite number'),
      );
      expect(thrownKind(() => historicalClv([1, null as unknown as number]))).toStrictEqual(
        new TypeError('historicalClv: values[1] must be a number, got null'),
      );
    });

    it('throws a RangeError for a margin outside [0, 1]', () => {
      expect(thrownKind(() => historicalClv([100], { margin: 1.5 }))).toStrictEqual(
        new RangeError('historicalClv: margin (1.5) must be between 0 and 1'),
      );
      expect(thrownKind(() => historicalClv([100], { margin: -0.2 }))).toStrictEqual(
        new RangeError('historicalClv: margin (-0.2) must be between 0 and 1'),
      );
    });

    it('throws a TypeError for a wrong-kind margin or options', () => {
      expect(thrownKind(() => historicalClv([100], { margin: '0.3' as unknown as number }))).toStrictEqual(
        new TypeError('historicalClv: margin must be a number, got "0.3"'),
      );
      expect(thrownKind(() => historicalClv([100], null as never))).toStrictEqual(
        new TypeError('historicalClv: options must be an object, got null'),
      );
    });
  });
});
