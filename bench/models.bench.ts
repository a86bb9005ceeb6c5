// Model-fitting benchmarks: BG/NBD, Gamma-Gamma and sBG on the CDNOW fixtures and on 1M simulated
// customers. Run with `npm run bench -- models.bench` (or `node --expose-gc --import tsx bench/models.bench.ts`).
// Wall times are medians; CPU time is this process's user + system time per call (it also counts
// V8's helper threads). On a shared two-core machine compare CPU times, and re-run when it is idle.
//
// Ratios are against baselines measured in the same run (the same fit on uncompressed rows); a side-by-side
// run of the Python `lifetimes` package is the work of the performance issue (#14), not a constant here.
import { compressCustomers, fitBgNbd, fitGammaGamma, fitShiftedBetaGeometric } from '../src/index.ts';
import { bgNbdLogLikelihood } from '../src/internal/models/bgNbdKernel.ts';
import { cdnowSummary, cdnowWithSpend, sbgSurvivors } from '../test/models/cdnow.ts';
import { simulateBgNbd, simulateGammaGamma } from '../test/models/simulate.ts';

const PUBLISHED_BG_NBD_LOG_LIKELIHOOD = -9582.4; // data README (FHL 2005), printed to 0.1
const REFIT = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 }; // data README refit

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/**
 * Median wall time in ms of `runs` calls after `warmup` calls, plus the mean CPU time of this process
 * per call (less sensitive to other processes sharing the machine's two cores).
 */
function time(fn: () => unknown, runs: number, warmup = Math.min(5, runs)): number {
  gc(); // once per batch: a forced full GC before every run would also be paid for inside the runs
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  let cpu = 0;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu += (c.user + c.system) / 1000;
  }
  times.sort((a, b) => a - b);
  lastCpu = cpu / runs;
  return times[Math.floor(times.length / 2)] as number;
}
let lastCpu = 0;

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;

// --- CDNOW -------------------------------------------------------------------------------------
const cdnow = cdnowSummary();
const compressed = compressCustomers(cdnow);
const fit = fitBgNbd(compressed, { weights: compressed.weights });
const bgRaw = time(() => fitBgNbd(cdnow), 60, 20);
const bgRawCpu = lastCpu;
const bgCompressed = time(
  () => {
    const c = compressCustomers(cdnow);
    return fitBgNbd(c, { weights: c.weights });
  },
  60,
  20,
);
const bgCompressedCpu = lastCpu;
const llAtRefit = bgNbdLogLikelihood(
  Float64Array.from(cdnow.frequency),
  Float64Array.from(cdnow.recency),
  Float64Array.from(cdnow.T),
  new Float64Array(cdnow.T.length).fill(1),
)(Float64Array.from([REFIT.r, REFIT.alpha, REFIT.a, REFIT.b], Math.log));

console.log(`BG/NBD on CDNOW (${cdnow.frequency.length} customers, ${compressed.weights.length} distinct rows)`);
console.log(`  fit, uncompressed:            ${fmt(bgRaw)} wall (median), ${fmt(bgRawCpu)} CPU`);
console.log(
  `  compress + fit:               ${fmt(bgCompressed)} wall, ${fmt(bgCompressedCpu)} CPU  (${(bgRaw / bgCompressed).toFixed(2)}× vs the in-run uncompressed fit)`,
);
console.log(`  params: ${JSON.stringify(fit.params)}, iterations ${fit.iterations}, converged ${fit.converged}`);
console.log(`  log-likelihood ${fit.logLikelihood.toFixed(6)}`);
console.log(
  `    vs published ${PUBLISHED_BG_NBD_LOG_LIKELIHOOD} (printed to 0.1): relative difference ${(Math.abs(fit.logLikelihood - PUBLISHED_BG_NBD_LOG_LIKELIHOOD) / 9582.4).toExponential(2)} (rounding bound 5.2e-6)`,
);
console.log(
  `    vs ℓ at the README refit parameters (${llAtRefit.toFixed(6)}): relative difference ${(Math.abs(fit.logLikelihood - llAtRefit) / Math.abs(llAtRefit)).toExponential(2)}`,
);

const spendRows = cdnowWithSpend();
const gg = fitGammaGamma(spendRows);
const ggTime = time(() => fitGammaGamma(spendRows), 60, 20);
const ggCpu = lastCpu;
console.log(`Gamma-Gamma on CDNOW (${gg.customers} repeat buyers)`);
console.log(`  fit:                          ${fmt(ggTime)} wall, ${fmt(ggCpu)} CPU`);
console.log(`  params: ${JSON.stringify(gg.params)}, log-likelihood ${gg.logLikelihood.toFixed(4)}`);

const sbg = sbgSurvivors();
const sbgTime = time(() => fitShiftedBetaGeometric(sbg.highEnd.slice(0, 8)), 200);
console.log(`sBG (Fader & Hardie 2007 High End, 8 periods): fit ${fmt(sbgTime)}`);
const longCohort = Array.from({ length: 121 }, (_, t) => Math.round(1e6 * Math.exp(-0.03 * t - 0.5 * Math.log1p(t))));
const sbgLong = time(() => fitShiftedBetaGeometric(longCohort), 50);
console.log(`sBG (cohort of 1,000,000 over 120 periods): fit ${fmt(sbgLong)}`);

// --- 1M simulated customers ----------------------------------------------------------------------
const N = 1_000_000;
const truth = { r: 0.25, alpha: 30, a: 0.8, b: 2.5 }; // a daily model: α = 4.4 weeks ≈ 30 days
let t0 = performance.now();
const sim = simulateBgNbd(truth, N, (i) => 1 + (i % 365), 2024);
// Summaries in whole days, as rfmSummary with period 'day' produces them.
sim.recency = sim.recency.map(Math.floor);
const simMs = performance.now() - t0;
const simColumns = {
  frequency: Float64Array.from(sim.frequency),
  recency: Float64Array.from(sim.recency),
  T: Float64Array.from(sim.T),
};
gc();
t0 = performance.now();
const simCompressed = compressCustomers(simColumns);
const compressMs = performance.now() - t0;
t0 = performance.now();
const simFit = fitBgNbd(simCompressed, { weights: simCompressed.weights });
const simFitMs = performance.now() - t0;
gc();
t0 = performance.now();
const simRawFit = fitBgNbd(simColumns);
const simRawMs = performance.now() - t0;
console.log(
  `BG/NBD on ${N.toLocaleString('en')} simulated customers (daily, simulation ${(simMs / 1000).toFixed(1)} s, ${simCompressed.weights.length.toLocaleString('en')} distinct rows)`,
);
console.log(`  compress:                     ${fmt(compressMs)}`);
console.log(`  fit on compressed rows:       ${fmt(simFitMs)}  (total ${fmt(compressMs + simFitMs)})`);
console.log(
  `  fit on raw columns (baseline): ${fmt(simRawMs)}  (${(simRawMs / (compressMs + simFitMs)).toFixed(1)}× slower than compress + fit)`,
);
console.log(`  params ${JSON.stringify(simFit.params)} (truth ${JSON.stringify(truth)})`);
console.log(
  `  ℓ compressed ${simFit.logLikelihood.toFixed(4)} vs raw ${simRawFit.logLikelihood.toFixed(4)} (relative difference ${(Math.abs(simFit.logLikelihood - simRawFit.logLikelihood) / Math.abs(simRawFit.logLikelihood)).toExponential(1)})`,
);

const repeat = sim.frequency.flatMap((x, i) => (x > 0 ? [i] : []));
const spendTruth = { p: 6, q: 4, v: 15 };
const monetary = simulateGammaGamma(
  spendTruth,
  repeat.map((i) => sim.frequency[i] as number),
  7,
);
const ggColumns = {
  frequency: Float64Array.from(repeat, (i) => sim.frequency[i] as number),
  monetaryValue: Float64Array.from(monetary),
};
gc();
t0 = performance.now();
const ggSim = fitGammaGamma(ggColumns);
const ggSimMs = performance.now() - t0;
console.log(
  `Gamma-Gamma on the ${repeat.length.toLocaleString('en')} simulated repeat buyers: fit ${fmt(ggSimMs)}, params ${JSON.stringify(ggSim.params)} (truth ${JSON.stringify(spendTruth)})`,
);
