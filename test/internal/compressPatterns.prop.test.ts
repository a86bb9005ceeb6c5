import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressionPays, distinctValues, fitRows } from '../../src/internal/compressPatterns.ts';
import { distinctIndex } from '../../src/internal/input/customerSummary.ts';
import { bgNbdLogLikelihood } from '../../src/internal/models/bgNbdKernel.ts';
import { gammaGammaLogLikelihood } from '../../src/internal/models/gammaGammaKernel.ts';
import { mbgNbdLogLikelihood } from '../../src/internal/models/mbgNbdKernel.ts';
import { paretoNbdLogLikelihood } from '../../src/internal/models/paretoNbdKernel.ts';
import { expectClose } from '../helpers/expectClose.ts';

// Rows with many repeats (small integer ranges) and weights, some 0.
const rowsArb = fc.array(
  fc.record({
    x: fc.integer({ min: 0, max: 4 }),
    tx: fc.integer({ min: 0, max: 3 }),
    T: fc.integer({ min: 3, max: 5 }),
    w: fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 1, max: 5 })),
  }),
  { minLength: 1, maxLength: 80 },
);
const columns = (rows: { x: number; tx: number; T: number; w: number }[]) => ({
  frequency: Float64Array.from(rows, (r) => r.x),
  recency: Float64Array.from(rows, (r) => (r.x === 0 ? 0 : r.tx)),
  T: Float64Array.from(rows, (r) => r.T),
  weights: Float64Array.from(rows, (r) => r.w),
});
const key = (x: number, tx: number, T: number) => `${x}|${tx}|${T}`;

describe('fitRows', () => {
  it('keeps the weighted multiset of rows: per pattern, the summed weights of the input', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const c = columns(rows);
        const out = fitRows(c.frequency, c.recency, c.T, c.weights);
        const expected = new Map<string, number>();
        for (let i = 0; i < rows.length; i++) {
          const k = key(c.frequency[i] as number, c.recency[i] as number, c.T[i] as number);
          if ((c.weights[i] as number) > 0) expected.set(k, (expected.get(k) ?? 0) + (c.weights[i] as number));
        }
        const got = new Map<string, number>();
        for (let i = 0; i < out.frequency.length; i++) {
          const k = key(out.frequency[i] as number, out.recency[i] as number, out.T[i] as number);
          if ((out.weights[i] as number) > 0) got.set(k, (got.get(k) ?? 0) + (out.weights[i] as number));
        }
        expect(got).toEqual(expected);
        if (out.compressed) expect(out.frequency.length).toBeLessThanOrEqual(0.75 * rows.length);
      }),
      { numRuns: 200 },
    );
  });

  it('gives every model the same weighted log-likelihood as the rows as given', () => {
    const params = fc.tuple(
      fc.double({ min: -2, max: 2, noNaN: true }),
      fc.double({ min: -2, max: 3, noNaN: true }),
      fc.double({ min: -2, max: 2, noNaN: true }),
      fc.double({ min: -2, max: 2, noNaN: true }),
    );
    fc.assert(
      fc.property(rowsArb, params, (rows, p) => {
        const c = columns(rows);
        const out = fitRows(c.frequency, c.recency, c.T, c.weights);
        const x = Float64Array.from(p);
        for (const kernel of [bgNbdLogLikelihood, mbgNbdLogLikelihood, paretoNbdLogLikelihood]) {
          const raw = kernel(c.frequency, c.recency, c.T, c.weights);
          const merged = kernel(out.frequency, out.recency, out.T, out.weights);
          const g1 = new Float64Array(4);
          const g2 = new Float64Array(4);
          expectClose(merged(x, g2), raw(x, g1), { rel: 1e-11, abs: 1e-11 });
          for (let k = 0; k < 4; k++) expectClose(g2[k] as number, g1[k] as number, { rel: 1e-9, abs: 1e-9 });
        }
        // Gamma-Gamma: (x, m̄) pairs of the repeat buyers, m̄ from the tₓ column
        const buyers = rows.map((_, i) => i).filter((i) => (c.frequency[i] as number) > 0);
        const f = Float64Array.from(buyers, (i) => c.frequency[i] as number);
        const m = Float64Array.from(buyers, (i) => 1 + (c.recency[i] as number));
        const w = Float64Array.from(buyers, (i) => c.weights[i] as number);
        const g = fitRows(f, m, new Float64Array(f.length), w);
        const y = x.subarray(0, 3);
        expectClose(
          gammaGammaLogLikelihood(g.frequency, g.recency, g.weights)(y),
          gammaGammaLogLikelihood(f, m, w)(y),
          { rel: 1e-11, abs: 1e-11 },
        );
      }),
      { numRuns: 60 },
    );
  });

  it('merges large inputs with repeats and leaves large distinct inputs alone', () => {
    const n = 50_000;
    const rep = Float64Array.from({ length: n }, (_, i) => i % 97);
    const distinct = Float64Array.from({ length: n }, (_, i) => i);
    const ones = new Float64Array(n).fill(1);
    expect(compressionPays(rep, rep, rep)).toBe(true);
    expect(compressionPays(distinct, rep, rep)).toBe(false);
    const merged = fitRows(rep, rep, rep, ones);
    expect([merged.compressed, merged.frequency.length]).toEqual([true, 97]);
    const asGiven = fitRows(distinct, rep, rep, ones);
    expect([asGiven.compressed, asGiven.frequency === distinct, asGiven.weights === ones]).toEqual([false, true, true]);
    // half the rows in 5 patterns (even i: i mod 10 ∈ {0, 2, 4, 6, 8}), the other half distinct: at most ¾ of the rows remain, so it merges
    const half = Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? i % 10 : 1000 + i));
    expect(fitRows(half, half, half, ones).frequency.length).toBe(n / 2 + 5);
    // a fifth of the rows in one pattern: the sample sees repeats, but 40,001 patterns are over ¾ of the rows
    const fifth = Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 0 : i));
    expect(compressionPays(fifth, fifth, fifth)).toBe(true);
    expect(fitRows(fifth, fifth, fifth, ones).compressed).toBe(false);
  });
});

describe('distinctValues', () => {
  it('agrees with the Map-based distinctIndex', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 100, noNaN: true })), {
          maxLength: 60,
        }),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        (values, mask) => {
          const v = Float64Array.from(values);
          const use = Uint8Array.from(values, (_, i) => (mask[i] ? 1 : 0));
          const a = distinctValues(v, use);
          const b = distinctIndex(v, (i) => mask[i] === true);
          expect(Array.from(a.distinct)).toEqual(Array.from(b.distinct));
          for (let i = 0; i < v.length; i++) expect(a.index[i]).toBe(mask[i] ? b.index[i] : -1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
