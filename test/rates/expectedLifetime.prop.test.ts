import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { expectedLifetime } from '../../src/rates/expectedLifetime.ts';
import { expectClose } from '../helpers/expectClose.ts';

const positiveChurn = fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true });

describe('expectedLifetime properties', () => {
  test.prop([positiveChurn], { numRuns: 200 })('is at least one period', (c) => {
    expect(expectedLifetime(c)).toBeGreaterThanOrEqual(1);
  });

  test.prop([positiveChurn, positiveChurn], { numRuns: 200 })('falls as churn rises', (a, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    expect(expectedLifetime(hi)).toBeLessThanOrEqual(expectedLifetime(lo));
  });

  test.prop([fc.double({ min: 0.05, max: 1, noNaN: true })], { numRuns: 100 })(
    'equals the mean of the geometric lifetime Σ t·c·(1 − c)^(t − 1)',
    (c) => {
      // A customer leaves in period t with probability c·(1 − c)^(t − 1); (1 − c)^2000 < 1e-44 for c ≥ 0.05.
      let mean = 0;
      let survival = 1;
      for (let t = 1; t <= 2000; t++) {
        mean += t * c * survival;
        survival *= 1 - c;
      }
      expectClose(expectedLifetime(c), mean, { rel: 1e-12 });
    },
  );

  test.prop([fc.double().filter((x) => !(x >= 0 && x <= 1))], { numRuns: 200 })(
    'throws a RangeError outside [0, 1]',
    (bad) => {
      expect(() => expectedLifetime(bad)).toThrow(RangeError);
    },
  );
});
