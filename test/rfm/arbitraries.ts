import fc from 'fast-check';

// Arbitraries shared by the rfm property tests that drive every kernel path (whole-window bitsets,
// per-customer spans, sparse lists).

const DAY = 86_400_000;

/** One generated transaction: customer 0…5, epoch ms (01:00 UTC of a day), integer value 0…1000. */
export interface KernelPathRow {
  c: number;
  t: number;
  v: number;
}

/** Offset added to the ids by {@link kernelPathColumns} to force the two-pass per-customer-span kernel. */
export const SPAN_ID_OFFSET = 60_000;

/**
 * A log of up to 40 rows and the same rows shuffled. Times up to ±60 years around 1970 give long sparse
 * histories (kept as per-customer lists); with ids offset by {@link SPAN_ID_OFFSET} (still indexed directly)
 * one record per possible id is too large for the single whole-window pass, so the two-pass per-customer-span
 * kernel runs.
 */
export const kernelPathLogs: fc.Arbitrary<[KernelPathRow[], KernelPathRow[]]> = fc
  .array(
    fc.record({
      c: fc.nat(5),
      t: fc
        .oneof(fc.integer({ min: -5, max: 40 }), fc.integer({ min: -22_000, max: 22_000 }))
        .map((d) => d * DAY + 3_600_000),
      v: fc.integer({ min: 0, max: 1000 }),
    }),
    { maxLength: 40 },
  )
  .chain((rows) =>
    fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
  );

/** Columnar typed arrays of `rows`, every customer id shifted by `offset`. */
export function kernelPathColumns(
  rows: ReadonlyArray<KernelPathRow>,
  offset: number,
): { customer: Int32Array; time: Float64Array; value: Float64Array } {
  return {
    customer: Int32Array.from(rows, (r) => r.c + offset),
    time: Float64Array.from(rows, (r) => r.t),
    value: Float64Array.from(rows, (r) => r.v),
  };
}
