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

/** One of the logs of {@link compensationLogs}, and the pass the RFM functions take for it. */
export interface CompensationLog {
  readonly pass: 'inOrderPass' | 'windowPass' | 'spansPass';
  readonly columns: { customer: Int32Array; time: Float64Array; value: Float64Array };
}

/**
 * One customer with four orders on day 10 (1, 1e100, 1, −1e100) and the same four on day 20, whose values
 * sum to 2 on each day (a plain running sum gives 0), in three logs, one per pass: in time order (the in-order
 * pass); day 20 first (back in time: the window pass); day 20 first with the id offset by
 * {@link SPAN_ID_OFFSET} (one record per possible id is too large for the window: the spans pass).
 */
export function compensationLogs(): CompensationLog[] {
  const values = [1, 1e100, 1, -1e100];
  const log = (days: readonly number[], id: number) => ({
    customer: Int32Array.from(days.flatMap(() => values.map(() => id))),
    time: Float64Array.from(days.flatMap((d) => values.map(() => d * DAY))),
    value: Float64Array.from(days.flatMap(() => values)),
  });
  return [
    { pass: 'inOrderPass', columns: log([10, 20], 0) },
    { pass: 'windowPass', columns: log([20, 10], 0) },
    { pass: 'spansPass', columns: log([20, 10], SPAN_ID_OFFSET) },
  ];
}
