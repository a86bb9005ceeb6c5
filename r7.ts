import { compressCustomers, fitBgNbd } from './src/index.ts';
let seed = 1;
const rnd = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
let worst = 0;
for (let k = 0; k < 300; k++) {
  const n = 15 + Math.floor(rnd() * 45);
  const customers = Array.from({ length: n }, () => { const x = Math.floor(rnd() * 9); const tx = Math.floor(rnd() * 11); return { frequency: x, recency: x === 0 ? 0 : tx, T: 10 + Math.floor(rnd() * 5) }; });
  const start = { r: 1, alpha: 2, a: 1, b: 1 };
  const fit = fitBgNbd(customers, { initialParams: start, penalty: 0.01 });
  const c = compressCustomers(customers);
  const cf = fitBgNbd(c, { weights: c.weights, initialParams: start, penalty: 0.01 });
  const d = Math.abs(cf.logLikelihood - fit.logLikelihood) / Math.max(1, Math.abs(fit.logLikelihood));
  if (d > worst) { worst = d; console.log(k, d, fit.warnings, cf.warnings, fit.iterations, cf.iterations, fit.params); }
}
