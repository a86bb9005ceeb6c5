import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { conversionRate } from '../../src/rates/conversionRate.ts';

const counts = fc
  .tuple(fc.integer({ min: 1, max: 1e12 }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([opportunities, share]) => ({ opportunities, conversions: Math.floor(share * opportunities) }));

describe('conversionRate properties', () => {
  test.prop([counts], { numRuns: 200 })('stays within [0, 1]', (input) => {
    const r = conversionRate(input);
    expect(r).toBeGreaterThanOrEqual(0);
    expect(r).toBeLessThanOrEqual(1);
  });

  test.prop([counts, fc.integer({ min: 1, max: 1000 })], { numRuns: 200 })(
    'is scale invariant',
    ({ conversions, opportunities }, k) => {
      expect(conversionRate({ conversions: k * conversions, opportunities: k * opportunities })).toBe(
        conversionRate({ conversions, opportunities }),
      );
    },
  );

  test.prop([counts], { numRuns: 200 })(
    'rises with conversions and falls with opportunities',
    ({ conversions, opportunities }) => {
      fc.pre(conversions < opportunities);
      const base = conversionRate({ conversions, opportunities });
      expect(conversionRate({ conversions: conversions + 1, opportunities })).toBeGreaterThan(base);
      expect(conversionRate({ conversions, opportunities: opportunities + 1 })).toBeLessThanOrEqual(base);
    },
  );

  test.prop([counts, counts], { numRuns: 200 })('pooling two samples gives a rate between their rates', (a, b) => {
    const pooled = conversionRate({
      conversions: a.conversions + b.conversions,
      opportunities: a.opportunities + b.opportunities,
    });
    const [lo, hi] = [conversionRate(a), conversionRate(b)].sort((x, y) => x - y) as [number, number];
    expect(pooled).toBeGreaterThanOrEqual(lo * (1 - 1e-15));
    expect(pooled).toBeLessThanOrEqual(hi * (1 + 1e-15));
  });

  test.prop([fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 1e6 })], { numRuns: 200 })(
    'throws a RangeError when conversions exceed opportunities',
    (opportunities, excess) => {
      expect(() => conversionRate({ conversions: opportunities + excess, opportunities })).toThrow(RangeError);
    },
  );
});
