import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { historicalClv } from '../../src/value/historicalClv.ts';
import { expectClose } from '../helpers/expectClose.ts';

const amounts = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 40 });
const margin = fc.double({ min: 0, max: 1, noNaN: true });

/**
 * Binary fractions n / 2^20 with |n| ≤ 2^52 (amounts up to about 4.3e9 with 2^-20 resolution): their exact
 * sum is (Σ n) / 2^20, so BigInt gives an independent, exactly rounded reference.
 */
const SCALE = 2 ** 20;
const gridAmounts = fc.array(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), { maxLength: 50 });
const exactGridSum = (numerators: readonly number[]): number =>
  Number(numerators.reduce((acc, n) => acc + BigInt(n), 0n)) / SCALE;

describe('historicalClv properties', () => {
  test.prop([fc.array(fc.maxSafeInteger(), { maxLength: 50 })], { numRuns: 200 })(
    'is exact on integers: equals the BigInt sum rounded once',
    (values) => {
      const exact = values.reduce((acc, v) => acc + BigInt(v), 0n);
      expect(historicalClv(values)).toBe(Number(exact));
    },
  );

  test.prop([gridAmounts], { numRuns: 200 })(
    'is exactly rounded on binary fractions with cancellation (BigInt reference)',
    (numerators) => {
      expect(historicalClv(numerators.map((n) => n / SCALE))).toBe(exactGridSum(numerators));
    },
  );

  test.prop(
    [
      gridAmounts.chain((ns) =>
        fc.tuple(fc.constant(ns), fc.shuffledSubarray(ns, { minLength: ns.length, maxLength: ns.length })),
      ),
    ],
    { numRuns: 200 },
  )('does not depend on the order of the values', ([numerators, permuted]) => {
    expect(historicalClv(permuted.map((n) => n / SCALE))).toBe(historicalClv(numerators.map((n) => n / SCALE)));
  });

  test.prop([amounts], { numRuns: 200 })(
    'stays within a few ulps of the total magnitude of any naive sum',
    (values) => {
      // Not exact in general, but never worse than ordinary summation's bound n·ε·Σ|v|.
      const naive = values.reduce((a, b) => a + b, 0);
      const magnitude = values.reduce((a, b) => a + Math.abs(b), 0);
      expectClose(historicalClv(values), naive, { abs: values.length * Number.EPSILON * magnitude });
    },
  );

  test.prop([amounts, margin], { numRuns: 200 })('is the margin times the revenue CLV', (values, m) => {
    expect(historicalClv(values, { margin: m })).toBe(m * historicalClv(values));
  });

  test.prop(
    [
      fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 40 }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
    ],
    { numRuns: 200 },
  )('grows when a non-negative purchase is added', (values, extra) => {
    expect(historicalClv([...values, extra])).toBeGreaterThanOrEqual(historicalClv(values));
  });

  const smallGrid = fc.array(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), { maxLength: 25 });
  test.prop([smallGrid, smallGrid], { numRuns: 200 })('is additive over split histories', (a, b) => {
    // Partial sums of at most 50 values stay below 2^46 / 2^20, so every total here is exact.
    const toAmounts = (ns: readonly number[]) => ns.map((n) => n / SCALE);
    expect(historicalClv(toAmounts([...a, ...b]))).toBe(historicalClv(toAmounts(a)) + historicalClv(toAmounts(b)));
    expect(historicalClv(toAmounts([...a, ...b]))).toBe(exactGridSum([...a, ...b]));
  });

  test.prop([fc.double().filter((x) => !(x >= 0 && x <= 1))], { numRuns: 200 })(
    'throws a RangeError for a margin outside [0, 1]',
    (bad) => {
      expect(() => historicalClv([1], { margin: bad })).toThrow(RangeError);
    },
  );
});
