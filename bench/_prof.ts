import { compressCustomers, fitBgNbd, fitMbgNbd, fitParetoNbd } from '../src/index.ts';
import { cdnowSummary } from '../test/models/cdnow.ts';
import * as ll from '../src/internal/models/bgNbdKernel.ts';
const c = cdnowSummary();
const cols = {
  frequency: Float64Array.from(c.frequency),
  recency: Float64Array.from(c.recency),
  T: Float64Array.from(c.T),
};
const k = compressCustomers(cols);
console.log('distinct', k.weights.length);
for (const [name, fit] of [
  ['bg', fitBgNbd],
  ['mbg', fitMbgNbd],
  ['pnbd', fitParetoNbd],
] as const) {
  for (let i = 0; i < 5; i++) fit(k, { weights: k.weights });
  let t0 = performance.now();
  let r;
  for (let i = 0; i < 10; i++) r = fit(k, { weights: k.weights });
  const t = (performance.now() - t0) / 10;
  t0 = performance.now();
  for (let i = 0; i < 10; i++) fit(cols);
  const traw = (performance.now() - t0) / 10;
  console.log(name, 'weighted', t.toFixed(2), 'raw', traw.toFixed(2), 'iters', r!.iterations);
}
// evaluation cost
const f = ll.bgNbdLogLikelihood(
  k.frequency as Float64Array,
  k.recency as Float64Array,
  k.T as Float64Array,
  Float64Array.from(k.weights),
);
const x = Float64Array.from([0.24, 4.4, 0.79, 2.4], Math.log);
const g = new Float64Array(4);
for (let i = 0; i < 1000; i++) f(x, g);
const t0 = performance.now();
for (let i = 0; i < 1000; i++) f(x, g);
console.log('bg eval µs', (performance.now() - t0).toFixed(1));
