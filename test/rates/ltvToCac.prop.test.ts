import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { ltvToCac } from '../../src/rates/ltvToCac.ts';
import { expectClose } from '../helpers/expectClose.ts';

const money = fc.double({ min: 0, max: 1e12, noNaN: true });
const positive = fc.double({ min: 1e-3, max: 1e12, noNaN: true });

describe('ltvToCac properties', () => {
  test.prop([money, positive], { numRuns: 200 })('is non-negative', (ltv, cac) => {
    expect(ltvToCac({ ltv, cac })).toBeGreaterThanOrEqual(0);
  });

  test.prop([money, positive, fc.double({ min: 1e-6, max: 1e6, noNaN: true })], { numRuns: 200 })(
    'does not depend on the currency',
    (ltv, cac, rate) => {
      expectClose(ltvToCac({ ltv: ltv * rate, cac: cac * rate }), ltvToCac({ ltv, cac }), {
        rel: 4 * Number.EPSILON,
        abs: 1e-300,
      });
    },
  );

  test.prop([positive, positive], { numRuns: 200 })('inverts when the amounts swap', (ltv, cac) => {
    expectClose(ltvToCac({ ltv, cac }) * ltvToCac({ ltv: cac, cac: ltv }), 1, { rel: 4 * Number.EPSILON });
  });

  test.prop([money, money, positive], { numRuns: 200 })('rises with LTV', (a, b, cac) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    expect(ltvToCac({ ltv: lo, cac })).toBeLessThanOrEqual(ltvToCac({ ltv: hi, cac }));
  });

  test.prop([fc.double().filter((x) => !(x >= 0 && Number.isFinite(x)))], { numRuns: 200 })(
    'throws a RangeError for negative or non-finite amounts',
    (bad) => {
      expect(() => ltvToCac({ ltv: bad, cac: 1 })).toThrow(RangeError);
      expect(() => ltvToCac({ ltv: 1, cac: bad })).toThrow(RangeError);
    },
  );
});
