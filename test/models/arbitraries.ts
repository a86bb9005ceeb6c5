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

/** Log-uniform doubles in [min, max]: every decade equally likely (the whole documented parameter domain). */
export const logUniform = (min: number, max: number): fc.Arbitrary<number> =>
  fc
    .double({ min: Math.log(min), max: Math.log(max), noNaN: true, noDefaultInfinity: true })
    .map((v) => Math.min(max, Math.max(min, Math.exp(v))));

/** BG/NBD (and MBG/NBD) parameters over the documented domain, 1e-6 to 1e6 each. */
export const bgNbdParamsWide = fc.record({
  r: logUniform(1e-6, 1e6),
  alpha: logUniform(1e-6, 1e6),
  a: logUniform(1e-6, 1e6),
  b: logUniform(1e-6, 1e6),
});

/** BG/BB parameters over the documented domain, 1e-6 to 1e6 each. */
export const bgBbParamsWide = fc.record({
  alpha: logUniform(1e-6, 1e6),
  beta: logUniform(1e-6, 1e6),
  gamma: logUniform(1e-6, 1e6),
  delta: logUniform(1e-6, 1e6),
});

/** A `{ frequency, recency, T }` with frequency up to 10,000 and T from 0 to 10,000 (recency 0 without repeats). */
export const modelCustomerWide = fc
  .record({ frequency: fc.integer({ min: 0, max: 10_000 }), T: logUniform(1e-3, 1e4), share: positive(0, 1) })
  .map(({ frequency, T, share }) => ({ frequency, recency: frequency === 0 ? 0 : T * share, T }));
