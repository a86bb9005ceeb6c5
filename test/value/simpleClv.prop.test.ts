import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { historicalClv } from '../../src/value/historicalClv.ts';
import { simpleClv } from '../../src/value/simpleClv.ts';
import { expectClose } from '../helpers/expectClose.ts';

/** 0 or a value in [1e-3, max]: keeps products clear of subnormal underflow, where rounding is coarser. */
const factor = (max: number) => fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max, noNaN: true }));
const input = fc.record({
  averageOrderValue: factor(1e6),
  purchaseFrequency: factor(1e3),
  lifespan: factor(1e3),
  margin: factor(1),
});

describe('simpleClv properties', () => {
  test.prop([input], { numRuns: 200 })('is non-negative and never exceeds the revenue CLV', (x) => {
    const clv = simpleClv(x);
    expect(clv).toBeGreaterThanOrEqual(0);
    expect(clv).toBeLessThanOrEqual(simpleClv({ ...x, margin: 1 }));
  });

  test.prop([input, fc.constantFrom('averageOrderValue', 'purchaseFrequency', 'lifespan')], { numRuns: 200 })(
    'doubles when any one factor doubles',
    (x, key) => {
      expect(simpleClv({ ...x, [key]: 2 * x[key] })).toBe(2 * simpleClv(x));
    },
  );

  test.prop([input, fc.double({ min: 0, max: 1e3, noNaN: true })], { numRuns: 200 })(
    'rises with the lifespan',
    (x, more) => {
      expect(simpleClv({ ...x, lifespan: x.lifespan + more })).toBeGreaterThanOrEqual(simpleClv(x));
    },
  );

  test.prop([input], { numRuns: 200 })('agrees with the plain product in any order', (x) => {
    expectClose(simpleClv(x), x.margin * x.lifespan * x.purchaseFrequency * x.averageOrderValue, {
      rel: 4 * Number.EPSILON,
    });
  });

  test.prop([fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })], {
    numRuns: 100,
  })('equals the historical CLV of the orders it assumes (integer amounts)', (aov, perPeriod, periods) => {
    const orders = new Array<number>(perPeriod * periods).fill(aov);
    expect(simpleClv({ averageOrderValue: aov, purchaseFrequency: perPeriod, lifespan: periods })).toBe(
      historicalClv(orders),
    );
  });

  test.prop(
    [
      fc.constantFrom('averageOrderValue', 'purchaseFrequency', 'lifespan'),
      fc.double().filter((v) => !(v >= 0 && Number.isFinite(v))),
    ],
    { numRuns: 200 },
  )('throws a RangeError for a negative or non-finite factor', (key, bad) => {
    expect(() => simpleClv({ averageOrderValue: 1, purchaseFrequency: 1, lifespan: 1, [key]: bad })).toThrow(
      RangeError,
    );
  });
});
