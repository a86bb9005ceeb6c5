import fc from 'fast-check';

/** Integer NPS answers 0–10. */
export const npsScores = (maxLength = 200): fc.Arbitrary<number[]> =>
  fc.array(fc.integer({ min: 0, max: 10 }), { maxLength });

/** Promoter, passive and detractor counts. */
export const npsCounts = (max = 10_000): fc.Arbitrary<{ promoters: number; passives: number; detractors: number }> =>
  fc.record({ promoters: fc.nat(max), passives: fc.nat(max), detractors: fc.nat(max) });

/** Counts with at least one answer. */
export const nonEmptyNpsCounts = (
  max = 10_000,
): fc.Arbitrary<{ promoters: number; passives: number; detractors: number }> =>
  npsCounts(max).filter((c) => c.promoters + c.passives + c.detractors > 0);

/** A rating scale [min, max] of small integers. */
export const ratingScale: fc.Arbitrary<[number, number]> = fc
  .tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 10 }))
  .map(([min, width]) => [min, min + width]);

/** A scale and answers on it. */
export const scaleAndScores = (
  minLength = 0,
  maxLength = 100,
): fc.Arbitrary<{ scale: [number, number]; scores: number[] }> =>
  ratingScale.chain((scale) =>
    fc.record({
      scale: fc.constant(scale),
      scores: fc.array(fc.integer({ min: scale[0], max: scale[1] }), { minLength, maxLength }),
    }),
  );

/** A confidence level in a realistic range. */
export const confidenceLevel: fc.Arbitrary<number> = fc.double({ min: 0.5, max: 0.999, noNaN: true });

/** Repeats every element of `values` `times` times (same shares, n multiplied). */
export function replicate<T>(values: readonly T[], times: number): T[] {
  const out: T[] = [];
  for (let k = 0; k < times; k++) out.push(...values);
  return out;
}
