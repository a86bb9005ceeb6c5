import fc from 'fast-check';

/** Finite doubles in [min, max] (no NaN, no infinities). */
export const positive = (min: number, max: number): fc.Arbitrary<number> =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** BG/NBD parameters over the range its property tests cover. */
export const bgNbdParams = fc.record({
  r: positive(0.01, 20),
  alpha: positive(0.01, 100),
  a: positive(0.05, 20),
  b: positive(0.05, 20),
});

/** MBG/NBD parameters (same four as BG/NBD) over the range its property tests cover. */
export const mbgNbdParams = fc.record({
  r: positive(0.05, 20),
  alpha: positive(0.05, 200),
  a: positive(0.05, 20),
  b: positive(0.05, 20),
});

/** Pareto/NBD parameters over the range its property tests cover. */
export const paretoNbdParams = fc.record({
  r: positive(0.05, 20),
  alpha: positive(0.05, 200),
  s: positive(0.05, 20),
  beta: positive(0.05, 200),
});

/** BG/BB parameters over the range its property tests cover. */
export const bgBbParams = fc.record({
  alpha: positive(0.05, 50),
  beta: positive(0.05, 50),
  gamma: positive(0.05, 50),
  delta: positive(0.05, 50),
});

/** A consistent `{ frequency, recency, T }` (recency 0 without repeat purchases) with frequency up to `maxFrequency`. */
export function modelCustomer(maxFrequency: number): fc.Arbitrary<{ frequency: number; recency: number; T: number }> {
  return fc
    .record({ frequency: fc.integer({ min: 0, max: maxFrequency }), T: positive(0, 200), share: positive(0, 1) })
    .map(({ frequency, T, share }) => ({ frequency, recency: frequency === 0 ? 0 : T * share, T }));
}

/** A consistent BG/BB customer: 1–60 opportunities, 0 ≤ frequency ≤ recency ≤ opportunities, recency 0 exactly when frequency is 0. */
export const bgBbCustomer = fc.integer({ min: 1, max: 60 }).chain((n) =>
  fc.integer({ min: 0, max: n }).chain((tx) =>
    fc.record({
      frequency: tx === 0 ? fc.constant(0) : fc.integer({ min: 1, max: tx }),
      recency: fc.constant(tx),
      opportunities: fc.constant(n),
    }),
  ),
);
