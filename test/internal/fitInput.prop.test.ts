// readFitInput's fused pass (validation, totals and pattern merge in one pass over Float64Array columns) against
// the two-pass path it shortcuts (readWeightedCustomers + fitRows), and the fits built on it against the same fits
// from plain number[] columns (which never take the fused pass): the same patterns, weights, totals, errors and
// maximum, bit for bit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressCustomers, fitBgNbd, fitMbgNbd } from '../../src/index.ts';
import { checkedPatterns, fitRows } from '../../src/internal/compressPatterns.ts';
import { readFitInput } from '../../src/internal/fitInput.ts';
import { readWeightedCustomers } from '../../src/internal/input/customerSummary.ts';

/** A pool of valid (x, tₓ, T) patterns (with −0 among the zeros) and rows drawn from it, maybe one bad row. */
const pattern = fc.oneof(
  fc.record({ x: fc.constant(0), tx: fc.constantFrom(0, -0), T: fc.integer({ min: 0, max: 80 }) }),
  fc
    .record({
      x: fc.integer({ min: 1, max: 30 }),
      T: fc.integer({ min: 1, max: 80 }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ x, T, share }) => ({ x, tx: Math.round(share * T * 4) / 4, T })),
);
const bad = fc.constantFrom(
  { x: 1.5, tx: 1, T: 2 },
  { x: -1, tx: 0, T: 2 },
  { x: 1, tx: 3, T: 2 },
  { x: 1, tx: Number.NaN, T: 2 },
  { x: 1, tx: 1, T: Number.POSITIVE_INFINITY },
);
const log = fc
  .record({
    pool: fc.array(pattern, { minLength: 1, maxLength: 12 }),
    picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3000 }),
    broken: fc.option(fc.record({ row: fc.nat(), value: bad }), { freq: 3 }),
  })
  .map(({ pool, picks, broken }) => {
    const rows = picks.map((k) => pool[k % pool.length] as { x: number; tx: number; T: number });
    if (broken !== null) rows[broken.row % rows.length] = broken.value;
    return {
      frequency: Float64Array.from(rows, (r) => r.x),
      recency: Float64Array.from(rows, (r) => r.tx),
      T: Float64Array.from(rows, (r) => r.T),
    };
  });

/** The outcome of `f`: its value, or the class and message of what it threw. */
function outcome<T>(f: () => T): T | { threw: string } {
  try {
    return f();
  } catch (error) {
    return { threw: `${(error as Error).name}: ${(error as Error).message}` };
  }
}
const plain = (c: { frequency: Float64Array; recency: Float64Array; T: Float64Array }) => ({
  frequency: Array.from(c.frequency),
  recency: Array.from(c.recency),
  T: Array.from(c.T),
});

describe('readFitInput', () => {
  it('gives what readWeightedCustomers + fitRows give: patterns, weights, totals, or the same error', () => {
    fc.assert(
      fc.property(log, (columns) => {
        const fused = outcome(() => {
          const input = readFitInput('fitBgNbd', columns, undefined);
          const r = input.rows;
          return {
            totals: [input.length, input.totalWeight, input.totalFrequency, input.totalT],
            maxT: Math.max(...input.T),
            rows: [r.frequency, r.recency, r.T, r.weights].map((v) => Array.from(v)),
            compressed: r.compressed,
          };
        });
        const twoPass = outcome(() => {
          const input = readWeightedCustomers('fitBgNbd', columns, undefined);
          const r = fitRows(input.data.frequency, input.data.recency, input.data.T, input.weights);
          return {
            totals: [input.data.length, input.totalWeight, input.totalFrequency, input.totalT],
            maxT: Math.max(...input.data.T),
            rows: [r.frequency, r.recency, r.T, r.weights].map((v) => Array.from(v)),
            compressed: r.compressed,
          };
        });
        expect(fused).toEqual(twoPass);
      }),
      { numRuns: 300 },
    );
  });

  it('checkedPatterns counts each distinct (x, tₓ, T) once, weights summing to the rows, as a Map does', () => {
    fc.assert(
      fc.property(log, (c) => {
        const got = checkedPatterns(c.frequency, c.recency, c.T);
        const ok = Array.from(c.frequency).every(
          (x, i) =>
            Number.isInteger(x) &&
            x >= 0 &&
            (c.recency[i] as number) >= 0 &&
            (c.T[i] as number) >= (c.recency[i] as number) &&
            (c.T[i] as number) < Infinity,
        );
        if (!ok) {
          expect(got).toBeUndefined();
          return;
        }
        const counts = new Map<string, number>();
        for (let i = 0; i < c.frequency.length; i++) {
          const key = `${c.frequency[i]},${Object.is(c.recency[i], -0) ? '-0' : c.recency[i]},${c.T[i]}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        const p = got?.patterns;
        expect(p).toBeDefined();
        const seen = new Map<string, number>();
        for (let k = 0; k < (p?.count ?? 0); k++) {
          const tx = p?.recency[k] as number;
          seen.set(`${p?.frequency[k]},${Object.is(tx, -0) ? '-0' : tx},${p?.T[k]}`, p?.weight[k] as number);
        }
        // −0 and 0 are the same pattern to the likelihood; the merge may keep them apart or together, not lose rows
        const total = [...seen.values()].reduce((s, w) => s + w, 0);
        expect(total).toBe(c.frequency.length);
        const folded = (m: Map<string, number>) => {
          const out = new Map<string, number>();
          for (const [k, w] of m) out.set(k.replace(',-0,', ',0,'), (out.get(k.replace(',-0,', ',0,')) ?? 0) + w);
          return out;
        };
        expect(folded(seen)).toEqual(folded(counts));
        let sx = 0;
        let sT = 0;
        for (let i = 0; i < c.frequency.length; i++) {
          sx += c.frequency[i] as number;
          sT += c.T[i] as number;
        }
        expect([got?.totalFrequency, got?.totalT]).toEqual([sx, sT]);
      }),
      { numRuns: 300 },
    );
  });

  it('BG/NBD and MBG/NBD fits of Float64Array columns (fused pass) equal the fits of the same rows as number[]', () => {
    fc.assert(
      fc.property(log, (columns) => {
        for (const fit of [fitBgNbd, fitMbgNbd]) {
          const fused = outcome(() => {
            const f = fit(columns);
            return [f.params, f.logLikelihood, f.converged];
          });
          const twoPass = outcome(() => {
            const f = fit(plain(columns));
            return [f.params, f.logLikelihood, f.converged];
          });
          expect(fused).toEqual(twoPass);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('compressCustomers of Float64Array columns (checked while hashed) equals that of the same rows as number[]', () => {
    fc.assert(
      fc.property(log, (columns) => {
        expect(outcome(() => compressCustomers(columns))).toEqual(outcome(() => compressCustomers(plain(columns))));
      }),
      { numRuns: 300 },
    );
  });
});
