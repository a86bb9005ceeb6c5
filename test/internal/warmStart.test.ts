import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitLogScale, WARM_START_ROWS, warmStartOn } from '../../src/internal/maximumLikelihood.ts';
import { bgNbdLogLikelihood } from '../../src/internal/models/bgNbdKernel.ts';
import { mbgNbdLogLikelihood } from '../../src/internal/models/mbgNbdKernel.ts';
import { createRng } from '../../src/internal/random.ts';

// CDNOW's 2,357 customer summaries tiled 60× (141,420 rows, above 4 · WARM_START_ROWS), each copy's tₓ and T
// stretched by its own factor within 1e-3 so that no two rows are equal and compression cannot merge them: the
// shape of a raw fit of many distinct customers, where fits start from the maximum on a sample.
const lines = readFileSync(new URL('../fixtures/cdnow_customers_summary.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(',').map(Number));
const copies = 60;
const n = lines.length * copies;
const frequency = new Float64Array(n);
const recency = new Float64Array(n);
const T = new Float64Array(n);
const rng = createRng(11);
for (let c = 0, i = 0; c < copies; c++) {
  for (const [, x, tx, t] of lines) {
    const stretch = 1 + 1e-3 * rng();
    frequency[i] = x as number;
    recency[i] = (tx as number) * stretch;
    T[i] = (t as number) * stretch;
    i++;
  }
}
const weights = new Float64Array(n).fill(1);
const rows = { frequency, recency, T, weights, compressed: false };
const bfgs = { maxIterations: 1000, gradientTolerance: 1e-9 };

describe('raw fits warm-started on a sample', () => {
  it('starts only for uncompressed fits of at least 4 · WARM_START_ROWS rows', () => {
    expect(n).toBeGreaterThanOrEqual(4 * WARM_START_ROWS);
    expect(warmStartOn(rows, bgNbdLogLikelihood)?.totalWeight).toBe(WARM_START_ROWS);
    expect(warmStartOn({ ...rows, compressed: true }, bgNbdLogLikelihood)).toBeUndefined();
    const short = (v: Float64Array) => v.subarray(0, 4 * WARM_START_ROWS - 1);
    const few = { frequency: short(frequency), recency: short(recency), T: short(T), weights: short(weights) };
    expect(warmStartOn({ ...few, compressed: false }, bgNbdLogLikelihood)).toBeUndefined();
  });

  it.each([
    ['BG/NBD', bgNbdLogLikelihood],
    ['MBG/NBD', mbgNbdLogLikelihood],
  ] as const)('%s: the same maximum as the plain fit, in fewer full-data iterations', (_, kernel) => {
    const ll = kernel(frequency, recency, T, weights);
    const start = [1, 1, 1, 1];
    const plain = fitLogScale(ll, start, n, 0, bfgs);
    const warm = fitLogScale(ll, start, n, 0, bfgs, undefined, warmStartOn(rows, kernel));
    expect(plain.converged).toBe(true);
    expect(warm.converged).toBe(true);
    // both stop where the gradient per unit weight is below 1e-9: the same ℓ to ~1e-12 relative
    expect(Math.abs(warm.logLikelihood - plain.logLikelihood)).toBeLessThan(1e-11 * Math.abs(plain.logLikelihood));
    // the reported ℓ is the log-likelihood at the reported parameters, not a by-product of the sample
    expect(warm.logLikelihood).toBeCloseTo(ll(Float64Array.from(warm.params, Math.log)), 6);
    for (let k = 0; k < 4; k++) {
      expect(Math.abs((warm.params[k] as number) / (plain.params[k] as number) - 1)).toBeLessThan(1e-5);
    }
    expect(warm.iterations).toBeLessThan(plain.iterations);
  });
});
