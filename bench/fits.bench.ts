// Model fits side by side in one run with the Python `lifetimes` package's fitters: BG/NBD, MBG/NBD,
// Pareto/NBD, Gamma-Gamma and BG/BB, at CDNOW size and at about 1M customers, raw rows and compressed,
// interleaved fit by fit and repeated. Run with `npm run bench -- fits`.
//
// lifetimes is looked for as `import lifetimes` in BENCH_PYTHON, /usr/bin/python3 and python3, in that order,
// with PYTHONPATH as given: e.g. its public source and autograd's checked out, over Debian's python3-numpy,
// python3-scipy, python3-pandas and python3-dill:
//   PYTHONPATH=/path/to/lifetimes:/path/to/autograd npm run bench -- fits
// When it cannot be imported the benchmark says so and reports the library's columns alone.
//
// Data (all derived from the repository's fixtures, so both sides fit the same numbers):
//   cdnow            the CDNOW summary, 2,357 customers in weeks (FHL 2005)
//   1M tiled         CDNOW tiled 424× = 999,368 customers: 2,357 patterns at most, compression pays
//   1M distinct      the same with every T and tₓ moved by its own few parts in 10⁹: no pattern repeats,
//                    compression cannot pay (the raw fit's worst case)
//   Gamma-Gamma: CDNOW's 946 repeat buyers with their mean spend, tiled 1,057× (and a distinct variant
//   with the spends moved likewise); BG/BB: the donations cohort expanded to 11,104 donors, tiled 90×.
// Sides: `library` is fitX(rows) as a user calls it (the fit compresses by itself when that pays);
// `library weighted` is compressCustomers (or the same hash pass for spends and BG/BB) + fitX with weights;
// `lifetimes` fits the raw rows; `lifetimes weighted` is a pandas groupby of the rows to distinct patterns +
// fit with `weights`, timed together, as lifetimes users compress. Penalizer 0 on both sides. Figures:
// medians of BENCH_ROUNDS rounds (default 3) with [min–max], wall and CPU time of the fitting process (CPU:
// user + system of that process, the steadier figure on a loaded machine; V8's helper threads count), and the
// log-likelihood each side reports (lifetimes': its own likelihood at its own parameters, as a total).
// BENCH_FIT_MODELS (e.g. `bgNbd,mbgNbd`) and BENCH_FIT_SETS (`cdnow,1m`) select cases.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressCustomers, fitBgBb, fitBgNbd, fitGammaGamma, fitMbgNbd, fitParetoNbd } from '../src/index.ts';
import { compressPatterns } from '../src/internal/compressPatterns.ts';
import { expandedDonations } from '../test/models/bgBb/donations.ts';
import { cdnowSummary, cdnowWithSpend } from '../test/models/cdnow.ts';
import { gc, tileColumn } from './helpers.ts';
import { median, startPythonReference } from './python.ts';

/** Milliseconds with 2–3 significant digits. */
function ms(v: number): string {
  return v < 1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v < 10_000 ? v.toFixed(1) : v.toFixed(0);
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MODELS = (process.env.BENCH_FIT_MODELS ?? 'bgNbd,mbgNbd,paretoNbd,gammaGamma,bgBb').split(',');
const SETS = (process.env.BENCH_FIT_SETS ?? 'cdnow,1m').split(',');
// lifetimes' raw fits of 1M rows run for these models only (Pareto/NBD's takes about 0.4 ms a customer and
// BG/BB's 0.3 ms on this machine: minutes per fit; their per-customer cost shows at CDNOW size)
const PY_RAW_1M = (process.env.BENCH_FIT_PY_RAW_1M ?? 'bgNbd,mbgNbd,gammaGamma').split(',');

// --- data -------------------------------------------------------------------------------------------
type Columns = Record<string, Float64Array>;
/** A column that must exist. */
const col = (c: Columns, name: string): Float64Array => c[name] ?? new Float64Array(0);
const jitter = (v: Float64Array, keepZero: boolean) =>
  v.map((x, i) => (keepZero && x === 0 ? 0 : x + (i + 1) * 1e-9 * Math.max(1, Math.abs(x)) * 1e-1));
const cdnowRaw = cdnowSummary();
const cdnow: Columns = {
  frequency: Float64Array.from(cdnowRaw.frequency),
  recency: Float64Array.from(cdnowRaw.recency),
  T: Float64Array.from(cdnowRaw.T),
};
const tile = (c: Columns, times: number): Columns =>
  Object.fromEntries(Object.entries(c).map(([k, v]) => [k, tileColumn(v, times)]));
const cdnow1m = tile(cdnow, 424);
const cdnow1mDistinct: Columns = {
  frequency: cdnow1m.frequency as Float64Array,
  recency: jitter(cdnow1m.recency as Float64Array, true),
  T: jitter(cdnow1m.T as Float64Array, false),
};
// tₓ ≤ T after the moves: T moves by at least as much as tₓ of the same row (both by (i + 1)·1e-10·max(1, v))
const repeat = cdnowWithSpend().filter((c) => c.frequency > 0);
const spend: Columns = {
  frequency: Float64Array.from(repeat, (c) => c.frequency),
  monetary: Float64Array.from(repeat, (c) => c.monetaryValue),
};
const spend1m = tile(spend, 1057);
const spend1mDistinct: Columns = {
  frequency: spend1m.frequency as Float64Array,
  monetary: jitter(spend1m.monetary as Float64Array, false),
};
const donors = expandedDonations();
const donations: Columns = {
  frequency: Float64Array.from(donors.frequency),
  recency: Float64Array.from(donors.recency),
  n: Float64Array.from(donors.opportunities),
};
const donations1m = tile(donations, 90);
const datasets: Record<string, Columns> = {
  cdnow,
  cdnow1m,
  cdnow1mDistinct,
  spend,
  spend1m,
  spend1mDistinct,
  donations,
  donations1m,
};

// --- the library's fits -----------------------------------------------------------------------------
interface Fit {
  readonly logLikelihood: number;
  readonly params: object;
}
type Model = 'bgNbd' | 'mbgNbd' | 'paretoNbd' | 'gammaGamma' | 'bgBb';
const transactionFits = { bgNbd: fitBgNbd, mbgNbd: fitMbgNbd, paretoNbd: fitParetoNbd };
function libraryRaw(model: Model, c: Columns): () => Fit {
  if (model === 'gammaGamma')
    return () => fitGammaGamma({ frequency: col(c, 'frequency'), monetaryValue: col(c, 'monetary') });
  if (model === 'bgBb')
    return () => fitBgBb({ frequency: col(c, 'frequency'), recency: col(c, 'recency'), opportunities: col(c, 'n') });
  const fit = transactionFits[model];
  return () => fit({ frequency: col(c, 'frequency'), recency: col(c, 'recency'), T: col(c, 'T') });
}
function libraryWeighted(model: Model, c: Columns): () => Fit {
  if (model === 'gammaGamma' || model === 'bgBb') {
    // the same one-pass hash the fits use (compressCustomers takes { frequency, recency, T } only)
    return () => {
      const f = col(c, 'frequency');
      const second = (model === 'bgBb' ? col(c, 'recency') : col(c, 'monetary')) as Float64Array;
      const third = model === 'bgBb' ? col(c, 'n') : new Float64Array(f.length);
      const p = compressPatterns(f, second, third, new Float64Array(f.length).fill(1));
      return model === 'bgBb'
        ? fitBgBb({ frequency: p.frequency, recency: p.recency, opportunities: p.T }, { weights: p.weight })
        : fitGammaGamma({ frequency: p.frequency, monetaryValue: p.recency }, { weights: p.weight });
    };
  }
  const fit = transactionFits[model];
  return () => {
    const k = compressCustomers({ frequency: col(c, 'frequency'), recency: col(c, 'recency'), T: col(c, 'T') });
    return fit(k, { weights: k.weights });
  };
}

// --- cases --------------------------------------------------------------------------------------------
interface PyCase {
  readonly model: Model;
  readonly dataset: string;
  readonly weighted: boolean;
}
interface Case {
  readonly name: string;
  readonly size: number;
  readonly library: Record<string, () => Fit>;
  readonly lifetimes: Record<string, PyCase>;
}
const cases: Case[] = [];
for (const model of MODELS as Model[]) {
  const [small, big, bigDistinct] =
    model === 'gammaGamma'
      ? ['spend', 'spend1m', 'spend1mDistinct']
      : model === 'bgBb'
        ? ['donations', 'donations1m', undefined]
        : ['cdnow', 'cdnow1m', 'cdnow1mDistinct'];
  const size = (d: string) => ((datasets[d] as Columns).frequency as Float64Array).length;
  const ds = (d: string) => datasets[d] as Columns;
  if (SETS.includes('cdnow'))
    cases.push({
      name: `${model} / ${small}`,
      size: size(small as string),
      library: {
        library: libraryRaw(model, ds(small as string)),
        'library weighted': libraryWeighted(model, ds(small as string)),
      },
      lifetimes: {
        lifetimes: { model, dataset: small as string, weighted: false },
        'lifetimes weighted': { model, dataset: small as string, weighted: true },
      },
    });
  if (!SETS.includes('1m')) continue;
  if (bigDistinct !== undefined)
    cases.push({
      name: `${model} / 1M distinct (raw)`,
      size: size(bigDistinct),
      library: { library: libraryRaw(model, ds(bigDistinct)) },
      lifetimes: PY_RAW_1M.includes(model) ? { lifetimes: { model, dataset: bigDistinct, weighted: false } } : {},
    });
  cases.push({
    name: `${model} / 1M tiled (compressible)`,
    size: size(big as string),
    library: {
      library: libraryRaw(model, ds(big as string)),
      'library weighted': libraryWeighted(model, ds(big as string)),
    },
    // lifetimes' raw fit of 1M rows costs the same whether they repeat or not: timed on the distinct set
    lifetimes:
      bigDistinct === undefined && PY_RAW_1M.includes(model)
        ? {
            lifetimes: { model, dataset: big as string, weighted: false },
            'lifetimes weighted': { model, dataset: big as string, weighted: true },
          }
        : { 'lifetimes weighted': { model, dataset: big as string, weighted: true } },
  });
}

// --- the lifetimes side -----------------------------------------------------------------------------
interface Reply {
  readonly wall: number;
  readonly cpu: number;
  readonly ll: number;
  readonly params: Record<string, number>;
  readonly error?: string;
}
const dir = mkdtempSync(join(tmpdir(), 'lm-fits-'));
for (const [name, columns] of Object.entries(datasets))
  for (const [column, values] of Object.entries(columns))
    writeFileSync(
      join(dir, `${name}.${column}.f64`),
      new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
    );
const pyCases: Record<string, PyCase> = {};
for (const c of cases) for (const [side, p] of Object.entries(c.lifetimes)) pyCases[`${c.name} | ${side}`] = p;
writeFileSync(join(dir, 'cases.json'), JSON.stringify(pyCases));
const script = fileURLToPath(new URL('./reference/lifetimes_fits.py', import.meta.url));
const { reference, missing } = await startPythonReference(script, [dir]);

// --- interleaved runs -----------------------------------------------------------------------------
interface Sample {
  readonly wall: number;
  readonly cpu: number;
  readonly ll: number;
  readonly params: object;
}
function timeJs(fn: () => Fit): Sample {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const fit = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000, ll: fit.logLikelihood, params: fit.params };
}
const samples = new Map<string, Sample[]>();
const push = (key: string, s: Sample) => samples.set(key, [...(samples.get(key) ?? []), s]);
console.log(
  reference
    ? `reference: ${reference.version}`
    : `reference: lifetimes MISSING — no ratio against it in this run (${missing})`,
);
// warm-up: the JIT on the small cases (the 1M cases run the same code), the first numpy/scipy calls
for (const c of cases)
  if (c.size < 20_000) {
    for (const f of Object.values(c.library)) for (let k = 0; k < 3; k++) f();
    if (reference) for (const side of Object.keys(c.lifetimes)) await reference.request(`${c.name} | ${side}`);
  }
for (let round = 0; round < ROUNDS; round++) {
  for (const c of cases) {
    const sides = [...Object.keys(c.library), ...(reference ? Object.keys(c.lifetimes) : [])];
    // the order rotates so that no side always runs right after another's garbage
    const order = sides.map((_, j) => sides[(j + round) % sides.length] as string);
    for (const side of order) {
      gc();
      const key = `${c.name} | ${side}`;
      const lib = c.library[side];
      if (lib) push(key, timeJs(lib));
      else {
        const r = (await reference?.request<Reply>(key)) as Reply;
        if (r.error !== undefined) console.log(`  ${key}: lifetimes failed: ${r.error}`);
        else push(key, { wall: r.wall, cpu: r.cpu, ll: r.ll, params: r.params });
      }
    }
  }
  console.log(`round ${round + 1}/${ROUNDS} done`);
}
reference?.close();
rmSync(dir, { recursive: true, force: true });

// --- report -----------------------------------------------------------------------------------------
const fmtParams = (p: object) =>
  Object.entries(p)
    .map(([k, v]) => `${k} ${(v as number).toPrecision(5)}`)
    .join(', ');
console.log(`\nFits, ${ROUNDS} interleaved rounds: median wall [min–max]; ℓ = reported total log-likelihood`);
for (const c of cases) {
  console.log(`${c.name} (${c.size.toLocaleString('en')} customers)`);
  const medians: Record<string, number> = {};
  const cpus: Record<string, number> = {};
  for (const side of [...Object.keys(c.library), ...Object.keys(c.lifetimes)]) {
    const s = samples.get(`${c.name} | ${side}`);
    if (!s || s.length === 0) {
      console.log(`  ${side.padEnd(19)} missing`);
      continue;
    }
    const w = s.map((x) => x.wall);
    medians[side] = median(w);
    cpus[side] = median(s.map((x) => x.cpu));
    const perCustomer = ((median(w) * 1000) / c.size).toFixed(3);
    const first = s[0] as Sample;
    console.log(
      `  ${side.padEnd(19)} ${ms(median(w)).padStart(8)} ms [${ms(Math.min(...w))}–${ms(Math.max(...w))}] CPU ${ms(cpus[side] as number)} ms, ${perCustomer} µs/customer  ℓ ${first.ll.toFixed(4)}  (${fmtParams(first.params)})`,
    );
  }
  if (c.size > 100_000 && !('lifetimes' in c.lifetimes))
    console.log(
      `  lifetimes (raw)     not run at this size (BENCH_FIT_PY_RAW_1M=${PY_RAW_1M.join(',')}; see its per-customer cost at CDNOW size)`,
    );
  const lib = medians.library;
  const libLl = samples.get(`${c.name} | library`)?.[0]?.ll;
  for (const ref of Object.keys(c.lifetimes)) {
    const py = medians[ref];
    const pyLl = samples.get(`${c.name} | ${ref}`)?.[0]?.ll;
    if (py === undefined || lib === undefined) continue;
    const pyCpu = cpus[ref] as number;
    const parts = Object.keys(c.library).map(
      (side) =>
        `${side} ${(py / (medians[side] as number)).toFixed(2)}× by wall, ${(pyCpu / (cpus[side] as number)).toFixed(2)}× by CPU`,
    );
    const agree =
      pyLl !== undefined && libLl !== undefined
        ? `; ℓ differs by ${(Math.abs(libLl - pyLl) / Math.abs(pyLl)).toExponential(1)} relative (${libLl > pyLl ? 'library higher' : 'lifetimes higher'})`
        : '';
    console.log(`  vs ${ref}: ${parts.join(', ')}${agree}`);
  }
}
