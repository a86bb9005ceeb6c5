// Prediction functions over columnar customers (Float64Array frequency/recency/T), side by side in one
// run with (1) a bare typed-array loop over the same arrays and (2) the Python `lifetimes` package (numpy),
// interleaved call by call and repeated. Run with `npm run bench -- predictions`.
//
// lifetimes is looked for as `import lifetimes` in BENCH_PYTHON, /usr/bin/python3 and python3, in that order,
// with PYTHONPATH as given: e.g. its public source and autograd's checked out under /tmp, over Debian's
// python3-numpy, python3-scipy, python3-pandas and python3-dill:
//   PYTHONPATH=/tmp/lifetimes:/tmp/autograd npm run bench -- predictions
// When it cannot be imported the benchmark says so and reports the other columns.
//
// Data: the CDNOW summary (2,357 customers, weeks) tiled 100× = 235,700 customers, and its 946 repeat buyers
// tiled 100× = 94,600 for Gamma-Gamma (the sizes of issue 14's table).
// Sides: `library` is the call as most users write it (a new number[] result); `library, options.out` is the
// same call writing into a caller-owned Float64Array allocated once before timing and reused (the `out` option,
// like numpy's out=: the result array's fresh memory is not paid per call); the same values, checked by Σ.
// The bare loop is the closed form written straight over the typed arrays into a Float64Array (Math.pow,
// no validation); where the prediction has no closed form without a ₂F₁ or a series (conditional expected
// purchases, Pareto/NBD P(alive)), it is the library's own per-customer kernel in a bare loop, without the
// per-(x, t) memo the library's loops use (see src/internal/models/pairMemo.ts), so it shows what the memo
// saves; the `/distinct` cases move every T and tₓ a little so that no pair repeats (the memo's worst case). Figures: medians of BENCH_ROUNDS rounds (default 5) × 3
// timed calls, [min–max] across them, wall and CPU time of the calling process. BG/BB: the donations
// cohort of Fader, Hardie & Shang (2010) tiled to 235,700 rows, and a seeded many-pattern set (n up to 104).
// Gamma-Gamma: also over all 235,700 customers (`/all`; x = 0 rows get the population mean).
// On the many-pattern set lifetimes' BG/BB sums differ from the library's by 20–30%: lifetimes is off for
// long histories, e.g. (x, tₓ, n) = (10, 50, 60): P(alive) 0.633739 against 0.662791 from the library and from
// FHS (2010) eq. 5 summed term by term in mpmath at 40 digits (and (5, 80, 104): 0.668944 against 0.669065).
// The cause: lifetimes starts the likelihood's sum at 1e-15 (BetaGeoBetaBinomFitter._loglikelihood,
// `B = 1e-15 * np.ones_like(T)`, in linear space), and there the sum of beta terms is 7.4e-15; without that
// start its formula gives 0.662790924440, the mpmath value. The bench prints this, and the agreement on the rows
// where that floor is below 1e-9 of the sum; on the donors they agree to 1e-13.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bgBbConditionalExpectedPurchases,
  bgBbProbabilityAlive,
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  gammaGammaExpectedSpend,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdProbabilityAlive,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdProbabilityAlive,
} from '../src/index.ts';
import { bgBbConditionalExpectedOne, bgBbProbabilityAliveOne } from '../src/internal/models/bgBbKernel.ts';
import { bgNbdConditionalExpectedOne } from '../src/internal/models/bgNbdKernel.ts';
import { mbgNbdConditionalExpectedOne } from '../src/internal/models/mbgNbdKernel.ts';
import {
  paretoNbdConditionalExpectedOne,
  paretoNbdProbabilityAliveOne,
} from '../src/internal/models/paretoNbdKernel.ts';
import { createRng } from '../src/internal/random.ts';
import { expandedDonations } from '../test/models/bgBb/donations.ts';
import { cdnowSummary, cdnowWithSpend } from '../test/models/cdnow.ts';
import { gc, tileColumn } from './helpers.ts';
import { median, type PythonReference, startPythonReference } from './python.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CALLS = 3;
const TILES = 100;
const HORIZON = 39; // weeks, as in FHL (2005)
// CDNOW fits: FHL (2005) for BG/NBD and Pareto/NBD, this library's MBG/NBD fit, Fader & Hardie's Gamma-Gamma
const PARAMS = {
  t: HORIZON,
  bgNbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  mbgNbd: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 },
  paretoNbd: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 },
  gammaGamma: { p: 6.25, q: 3.74, v: 15.44 },
  // Fader, Hardie & Shang (2010) on the donations cohort; m = futurePeriods
  bgBb: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 },
  bgBbFuture: 5,
};

const cdnow = cdnowSummary();
const customers = {
  frequency: tileColumn(cdnow.frequency, TILES),
  recency: tileColumn(cdnow.recency, TILES),
  T: tileColumn(cdnow.T, TILES),
};
const repeat = cdnowWithSpend().filter((c) => c.frequency > 0);
const spenders = {
  frequency: tileColumn(
    repeat.map((c) => c.frequency),
    TILES,
  ),
  monetaryValue: tileColumn(
    repeat.map((c) => c.monetaryValue),
    TILES,
  ),
};
const n = customers.T.length;
// Gamma-Gamma over every customer (235,700; x = 0 rows get the population mean, their spend ignored)
const everyone = cdnowWithSpend();
const allSpenders = {
  frequency: tileColumn(
    everyone.map((c) => c.frequency),
    TILES,
  ),
  monetaryValue: tileColumn(
    everyone.map((c) => c.monetaryValue),
    TILES,
  ),
};
// BG/BB: the 11,104 donors (22 patterns, n = 6) tiled to the same 235,700 rows, and a many-pattern variant:
// n from 1 to 104 opportunities, tₓ ≤ n and x ≤ tₓ drawn per row (seeded), thousands of distinct (x, tₓ, n).
const donors = expandedDonations();
const tileTo = (values: ArrayLike<number>) =>
  Float64Array.from({ length: n }, (_, i) => values[i % values.length] as number);
const donations = {
  frequency: tileTo(donors.frequency),
  recency: tileTo(donors.recency),
  opportunities: tileTo(donors.opportunities),
};
const rng = createRng(14);
const manyPatterns = {
  frequency: new Float64Array(n),
  recency: new Float64Array(n),
  opportunities: new Float64Array(n),
};
for (let i = 0; i < n; i++) {
  const periods = 1 + Math.floor(rng() * 104);
  const last = Math.floor(rng() * (periods + 1));
  manyPatterns.opportunities[i] = periods;
  manyPatterns.recency[i] = last;
  manyPatterns.frequency[i] = last === 0 ? 0 : 1 + Math.floor(rng() * last);
}
// The same customers with every T and tₓ moved by its own tiny amount (a few parts in 10¹⁰): no (x, T) or
// (x, tₓ) pair repeats, so the per-pair memo of the conditional expectations and of Pareto/NBD's A(x, t)
// finds nothing and switches itself off. The worst case for the library; the same work for lifetimes.
const distinct = {
  frequency: customers.frequency,
  recency: customers.recency.map((v, i) => (v === 0 ? 0 : v + i * 1e-9)),
  T: customers.T.map((v, i) => v + i * 1e-9 + 1e-9),
};

// --- bare loops over the typed arrays ---------------------------------------------------------------
type Columns = { frequency: Float64Array; recency: Float64Array; T: Float64Array };
function bareBgAlive(data: Columns = customers): Float64Array {
  const { frequency: X, recency: TX, T: TT } = data;
  const { r, alpha, a, b } = PARAMS.bgNbd;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = X[i] as number;
    out[i] =
      x === 0
        ? 1
        : 1 / (1 + (a / (b + x - 1)) * ((alpha + (TT[i] as number)) / (alpha + (TX[i] as number))) ** (r + x));
  }
  return out;
}
function bareMbgAlive(data: Columns = customers): Float64Array {
  const { frequency: X, recency: TX, T: TT } = data;
  const { r, alpha, a, b } = PARAMS.mbgNbd;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = X[i] as number;
    out[i] = 1 / (1 + (a / (b + x)) * ((alpha + (TT[i] as number)) / (alpha + (TX[i] as number))) ** (r + x));
  }
  return out;
}
function bareSpend(data: { frequency: Float64Array; monetaryValue: Float64Array } = spenders): Float64Array {
  const { p, q, v } = PARAMS.gammaGamma;
  const { frequency: sx, monetaryValue: sm } = data;
  const out = new Float64Array(sx.length);
  for (let i = 0; i < sx.length; i++) {
    const x = sx[i] as number;
    out[i] = (p * (v + x * (sm[i] as number))) / (p * x + q - 1);
  }
  return out;
}
/** The library's per-customer kernel in a bare loop (no validation, Float64Array out). */
function kernelLoop(
  kernel: (x: number, tx: number, T: number) => number,
  data: { frequency: Float64Array; recency: Float64Array; T: Float64Array } = customers,
): () => Float64Array {
  const { frequency: x, recency: tx, T } = data;
  return () => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = kernel(x[i] as number, tx[i] as number, T[i] as number);
    return out;
  };
}

/** The BG/BB kernel in a bare loop over (x, tₓ, n) columns. */
function bgBbLoop(
  kernel: (x: number, tx: number, opportunities: number) => number,
  data: { frequency: Float64Array; recency: Float64Array; opportunities: Float64Array },
): () => Float64Array {
  const { frequency: x, recency: tx, opportunities: k } = data;
  return () => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = kernel(x[i] as number, tx[i] as number, k[i] as number);
    return out;
  };
}

/** The `out` option for a buffer, none without one. */
const into = (out: Float64Array | undefined) => (out === undefined ? undefined : { out });
interface Case {
  readonly name: string;
  readonly size: number;
  /** The library call; with `out`, the same call writing into that caller-owned buffer (options.out). */
  readonly library: (out?: Float64Array) => ArrayLike<number>;
  readonly bare: () => ArrayLike<number>;
  readonly bareKind: 'closed form' | 'kernel loop';
}
// BENCH_CASES=alive,Spend runs only the cases whose name contains one of the (comma-separated) strings
const allCases: Case[] = [
  {
    name: 'bgNbdProbabilityAlive',
    size: n,
    library: (out) => bgNbdProbabilityAlive(PARAMS.bgNbd, customers, into(out)),
    bare: () => bareBgAlive(),
    bareKind: 'closed form',
  },
  {
    name: 'bgNbdConditionalExpectedPurchases',
    size: n,
    library: (out) => bgNbdConditionalExpectedPurchases(PARAMS.bgNbd, HORIZON, customers, into(out)),
    bare: kernelLoop((x, tx, T) => bgNbdConditionalExpectedOne(PARAMS.bgNbd, HORIZON, x, tx, T)),
    bareKind: 'kernel loop',
  },
  {
    name: 'mbgNbdProbabilityAlive',
    size: n,
    library: (out) => mbgNbdProbabilityAlive(PARAMS.mbgNbd, customers, into(out)),
    bare: () => bareMbgAlive(),
    bareKind: 'closed form',
  },
  {
    name: 'mbgNbdConditionalExpectedPurchases',
    size: n,
    library: (out) => mbgNbdConditionalExpectedPurchases(PARAMS.mbgNbd, HORIZON, customers, into(out)),
    bare: kernelLoop((x, tx, T) => Math.max(0, mbgNbdConditionalExpectedOne(PARAMS.mbgNbd, HORIZON, x, tx, T))),
    bareKind: 'kernel loop',
  },
  {
    name: 'paretoNbdProbabilityAlive',
    size: n,
    library: (out) => paretoNbdProbabilityAlive(PARAMS.paretoNbd, customers, into(out)),
    bare: kernelLoop((x, tx, T) => paretoNbdProbabilityAliveOne(PARAMS.paretoNbd, x, tx, T)),
    bareKind: 'kernel loop',
  },
  {
    name: 'paretoNbdConditionalExpectedPurchases',
    size: n,
    library: (out) => paretoNbdConditionalExpectedPurchases(PARAMS.paretoNbd, HORIZON, customers, into(out)),
    bare: kernelLoop((x, tx, T) => paretoNbdConditionalExpectedOne(PARAMS.paretoNbd, HORIZON, x, tx, T)),
    bareKind: 'kernel loop',
  },
  {
    name: 'bgNbdConditionalExpectedPurchases/distinct',
    size: n,
    library: (out) => bgNbdConditionalExpectedPurchases(PARAMS.bgNbd, HORIZON, distinct, into(out)),
    bare: kernelLoop((x, tx, T) => bgNbdConditionalExpectedOne(PARAMS.bgNbd, HORIZON, x, tx, T), distinct),
    bareKind: 'kernel loop',
  },
  {
    name: 'paretoNbdProbabilityAlive/distinct',
    size: n,
    library: (out) => paretoNbdProbabilityAlive(PARAMS.paretoNbd, distinct, into(out)),
    bare: kernelLoop((x, tx, T) => paretoNbdProbabilityAliveOne(PARAMS.paretoNbd, x, tx, T), distinct),
    bareKind: 'kernel loop',
  },
  {
    name: 'bgNbdProbabilityAlive/distinct',
    size: n,
    library: (out) => bgNbdProbabilityAlive(PARAMS.bgNbd, distinct, into(out)),
    bare: () => bareBgAlive(distinct),
    bareKind: 'closed form',
  },
  {
    name: 'mbgNbdProbabilityAlive/distinct',
    size: n,
    library: (out) => mbgNbdProbabilityAlive(PARAMS.mbgNbd, distinct, into(out)),
    bare: () => bareMbgAlive(distinct),
    bareKind: 'closed form',
  },
  {
    name: 'mbgNbdConditionalExpectedPurchases/distinct',
    size: n,
    library: (out) => mbgNbdConditionalExpectedPurchases(PARAMS.mbgNbd, HORIZON, distinct, into(out)),
    bare: kernelLoop(
      (x, tx, T) => Math.max(0, mbgNbdConditionalExpectedOne(PARAMS.mbgNbd, HORIZON, x, tx, T)),
      distinct,
    ),
    bareKind: 'kernel loop',
  },
  {
    name: 'paretoNbdConditionalExpectedPurchases/distinct',
    size: n,
    library: (out) => paretoNbdConditionalExpectedPurchases(PARAMS.paretoNbd, HORIZON, distinct, into(out)),
    bare: kernelLoop((x, tx, T) => paretoNbdConditionalExpectedOne(PARAMS.paretoNbd, HORIZON, x, tx, T), distinct),
    bareKind: 'kernel loop',
  },
  {
    name: 'bgBbProbabilityAlive',
    size: n,
    library: (out) => bgBbProbabilityAlive(PARAMS.bgBb, donations, into(out)),
    bare: bgBbLoop((x, tx, k) => bgBbProbabilityAliveOne(PARAMS.bgBb, x, tx, k, 0), donations),
    bareKind: 'kernel loop',
  },
  {
    name: 'bgBbConditionalExpectedPurchases',
    size: n,
    library: (out) =>
      bgBbConditionalExpectedPurchases(PARAMS.bgBb, donations, { futurePeriods: PARAMS.bgBbFuture, ...into(out) }),
    bare: bgBbLoop(
      (x, tx, k) => Math.max(0, bgBbConditionalExpectedOne(PARAMS.bgBb, x, tx, k, PARAMS.bgBbFuture)),
      donations,
    ),
    bareKind: 'kernel loop',
  },
  {
    name: 'bgBbProbabilityAlive/many-patterns',
    size: n,
    library: (out) => bgBbProbabilityAlive(PARAMS.bgBb, manyPatterns, into(out)),
    bare: bgBbLoop((x, tx, k) => bgBbProbabilityAliveOne(PARAMS.bgBb, x, tx, k, 0), manyPatterns),
    bareKind: 'kernel loop',
  },
  {
    name: 'bgBbConditionalExpectedPurchases/many-patterns',
    size: n,
    library: (out) =>
      bgBbConditionalExpectedPurchases(PARAMS.bgBb, manyPatterns, { futurePeriods: PARAMS.bgBbFuture, ...into(out) }),
    bare: bgBbLoop(
      (x, tx, k) => Math.max(0, bgBbConditionalExpectedOne(PARAMS.bgBb, x, tx, k, PARAMS.bgBbFuture)),
      manyPatterns,
    ),
    bareKind: 'kernel loop',
  },
  {
    name: 'gammaGammaExpectedSpend',
    size: spenders.frequency.length,
    library: (out) => gammaGammaExpectedSpend(PARAMS.gammaGamma, spenders, into(out)),
    bare: () => bareSpend(),
    bareKind: 'closed form',
  },
  {
    name: 'gammaGammaExpectedSpend/all',
    size: n,
    library: (out) => gammaGammaExpectedSpend(PARAMS.gammaGamma, allSpenders, into(out)),
    bare: () => bareSpend(allSpenders),
    bareKind: 'closed form',
  },
];
const cases = allCases.filter((c) => (process.env.BENCH_CASES ?? '').split(',').some((f) => c.name.includes(f)));

// --- the lifetimes side: a Python process that runs one case per request ----------------------------
interface Timing {
  readonly wall: number;
  readonly cpu: number;
  readonly sum: number;
  /** BG/BB many-pattern cases only: rows where lifetimes' 1e-15 floor is below 1e-9 of its sum, and their Σ. */
  readonly accurate_rows?: number;
  readonly sum_accurate?: number;
}
interface Reference {
  readonly version: string;
  run(name: string): Promise<Timing>;
  close(): void;
}

const script = fileURLToPath(new URL('./reference/lifetimes_predictions.py', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'lm-predictions-'));
const f64 = (name: string, values: Float64Array) =>
  writeFileSync(join(dir, `${name}.f64`), new Uint8Array(values.buffer));
f64('frequency', customers.frequency);
f64('recency', customers.recency);
f64('T', customers.T);
f64('recency_distinct', distinct.recency);
f64('T_distinct', distinct.T);
f64('bgbb_frequency', donations.frequency);
f64('bgbb_recency', donations.recency);
f64('bgbb_n', donations.opportunities);
f64('many_frequency', manyPatterns.frequency);
f64('many_recency', manyPatterns.recency);
f64('many_n', manyPatterns.opportunities);
f64('spend_frequency', spenders.frequency);
f64('all_frequency', allSpenders.frequency);
f64('all_monetary', allSpenders.monetaryValue);
f64('spend_monetary', spenders.monetaryValue);
writeFileSync(join(dir, 'params.json'), JSON.stringify(PARAMS));

const started = await startPythonReference(script, [dir]);
const tried = [started.missing];
const reference: Reference | undefined =
  started.reference === undefined
    ? undefined
    : {
        version: started.reference.version,
        run: (name) => (started.reference as PythonReference).request<Timing>(name),
        close: () => started.reference?.close(),
      };

// --- interleaved runs -----------------------------------------------------------------------------
function timeJs(fn: () => ArrayLike<number>): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  let sum = 0;
  for (let i = 0; i < out.length; i++) sum += out[i] as number;
  return { wall, cpu: (c.user + c.system) / 1000, sum };
}
type Side = 'library' | 'out' | 'bare' | 'lifetimes';
const SIDES: readonly Side[] = ['library', 'out', 'bare', 'lifetimes'];
const samples = new Map<string, Record<Side, Timing[]>>(
  cases.map((c) => [c.name, { library: [], out: [], bare: [], lifetimes: [] }]),
);
// one caller-owned result buffer per case, allocated (and touched) before any timing, reused by every call
const buffers = new Map(cases.map((c) => [c.name, new Float64Array(c.size)]));
for (const c of cases) {
  // warm-up: JIT for the loops, the first numpy/scipy call for lifetimes
  for (let k = 0; k < 3; k++) {
    c.library();
    c.library(buffers.get(c.name));
    c.bare();
  }
  await reference?.run(c.name);
}
for (let round = 0; round < ROUNDS; round++) {
  for (const c of cases) {
    const s = samples.get(c.name) as Record<Side, Timing[]>;
    gc();
    for (let k = 0; k < CALLS; k++) {
      // the order rotates so that no side always runs right after another's garbage
      const order = SIDES.map((_, j) => SIDES[(j + round + k) % SIDES.length] as Side);
      const buffer = buffers.get(c.name);
      for (const side of order) {
        if (side === 'lifetimes') {
          if (reference) s.lifetimes.push(await reference.run(c.name));
        } else
          s[side].push(
            timeJs(side === 'library' ? () => c.library() : side === 'out' ? () => c.library(buffer) : c.bare),
          );
      }
    }
  }
}
reference?.close();
// the rows where lifetimes' BG/BB is accurate (written by the reference on the many-pattern cases)
let accurateMask: Uint8Array | undefined;
try {
  accurateMask = new Uint8Array(readFileSync(join(dir, 'mask_many.u8')));
} catch {
  accurateMask = undefined;
}
rmSync(dir, { recursive: true, force: true });

// --- report -----------------------------------------------------------------------------------------
const ms = (v: number) => (v < 1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v.toFixed(1));
const describe = (t: Timing[]) => {
  const w = t.map((x) => x.wall);
  return `${ms(median(w)).padStart(7)} ms [${ms(Math.min(...w))}–${ms(Math.max(...w))}], CPU ${ms(median(t.map((x) => x.cpu)))} ms`;
};
console.log(
  `Predictions over columnar customers: ${n.toLocaleString('en')} (CDNOW × ${TILES}), Gamma-Gamma ${spenders.frequency.length.toLocaleString('en')}; ${ROUNDS} rounds × ${CALLS} interleaved calls`,
);
console.log(
  reference
    ? `reference: ${reference.version}`
    : `reference: lifetimes MISSING — no ratio against it in this run (${tried.join('; ')})`,
);
for (const c of cases) {
  const s = samples.get(c.name) as Record<Side, Timing[]>;
  const lib = median(s.library.map((x) => x.wall));
  const bare = median(s.bare.map((x) => x.wall));
  console.log(`${c.name} (${c.size.toLocaleString('en')} customers)`);
  const libOut = median(s.out.map((x) => x.wall));
  const py = s.lifetimes.length > 0 ? median(s.lifetimes.map((x) => x.wall)) : Number.NaN;
  const pyCpu = s.lifetimes.length > 0 ? median(s.lifetimes.map((x) => x.cpu)) : Number.NaN;
  const versus = (wall: number, cpu: number) =>
    s.lifetimes.length > 0
      ? `  → ${(py / wall).toFixed(2)}× lifetimes by wall, ${(pyCpu / cpu).toFixed(2)}× by CPU`
      : '';
  console.log(`  library:             ${describe(s.library)}`);
  // the same call into a caller-owned buffer (options.out): no result array to allocate; same values
  const sameSum =
    s.out[0]?.sum === s.library[0]?.sum ? 'same Σ' : `Σ DIFFERS (${s.out[0]?.sum} vs ${s.library[0]?.sum})`;
  console.log(
    `  library, options.out ${describe(s.out)}${versus(libOut, median(s.out.map((x) => x.cpu)))}; library/bare ${(libOut / bare).toFixed(2)}×; ${sameSum}`,
  );
  console.log(
    `  bare ${c.bareKind.padEnd(14)} ${describe(s.bare)}  → library/bare ${(lib / bare).toFixed(2)}× by wall, ${(median(s.library.map((x) => x.cpu)) / median(s.bare.map((x) => x.cpu))).toFixed(2)}× by CPU`,
  );
  if (s.lifetimes.length > 0) {
    const sumLib = s.library[0]?.sum as number;
    const sumPy = s.lifetimes[0]?.sum as number;
    console.log(
      `  lifetimes:           ${describe(s.lifetimes)}${versus(lib, median(s.library.map((x) => x.cpu)))} (library's default number[]; Σ agrees to ${(Math.abs(sumLib - sumPy) / Math.abs(sumPy)).toExponential(1)})`,
    );
    const lifetimesRun = s.lifetimes[0] as Timing;
    if (lifetimesRun.sum_accurate !== undefined && accurateMask && accurateMask.length === c.size) {
      const run = c.library();
      let sumAccurate = 0;
      for (let i = 0; i < run.length; i++) if (accurateMask[i] === 1) sumAccurate += run[i] as number;
      console.log(
        `  (lifetimes is biased here, not the library: it starts the likelihood's sum at 1e-15 (BetaGeoBetaBinomFitter._loglikelihood), which matters where the sum of beta terms is not far above 1e-15 — at (x, tₓ, n) = (10, 50, 60) P(alive) 0.633739 against 0.662791 from the library and mpmath; on the ${lifetimesRun.accurate_rows?.toLocaleString('en')} rows where that floor is below 1e-9 of the sum, Σ agrees to ${(Math.abs(sumAccurate - lifetimesRun.sum_accurate) / Math.abs(lifetimesRun.sum_accurate)).toExponential(1)})`,
      );
    }
  } else console.log('  lifetimes:           missing');
}
