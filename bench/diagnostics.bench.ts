// Benchmarks of the model diagnostics (issue 12): the tracking plot data (trackingTransactions) and the
// customer-base totals with intervals (expectedTotals) at 100k and 1M customers. Run with
// `npm run bench -- diagnostics` (BENCH_CUSTOMERS=100000,1000000 by default).
//
// References measured in the same run, on the same data:
// (1) a hand-written per-customer loop of the same quantities (one model evaluation per customer and
//     period: the tracking loop on the first REFERENCE_CUSTOMERS customers, the totals loop on the first
//     100,000, scaled linearly, as their cost is exactly linear in customers);
// (2) the Python `lifetimes` package: `expected_cumulative_transactions` on the same transaction log
//     (freq 'D', freq_multiplier 7: the same weekly boundaries) for tracking, and the sum over customers of
//     `conditional_expected_number_of_purchases_up_to_time` at each of the 12 horizons for the totals'
//     point estimate (lifetimes has no interval on a total). It runs in a child process, see
//     bench/reference/lifetimes_diagnostics.py; `import lifetimes` is tried in BENCH_PYTHON, /usr/bin/python3
//     and python3, in that order, with PYTHONPATH as given, e.g. public checkouts of lifetimes and autograd
//     over Debian's python3-numpy, python3-scipy and python3-pandas:
//       PYTHONPATH=/path/to/lifetimes:/path/to/autograd npm run bench -- diagnostics
//     When it cannot be imported the benchmark says so and reports the other columns.
// Library figures: median of 3 timed calls after a warm-up, wall and CPU time of this process (the machine
// may be shared: CPU time is the steadier of the two). lifetimes: one timed call per size.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bgNbdExpectedPurchases, expectedTotals, trackingTransactions } from '../src/index.ts';
import { readCustomers } from '../src/internal/input/customerSummary.ts';
import { CONDITIONAL_MOMENTS } from '../src/internal/models/conditionalMoments.ts';
import { DAY, gc, mulberry32 } from './helpers.ts';
import { startPythonReference } from './python.ts';

const sizes = (process.env.BENCH_CUSTOMERS ?? '100000,1000000').split(',').map(Number);
const REFERENCE_CUSTOMERS = 20_000;
const HORIZON = 12;
const fit = {
  model: 'bgNbd',
  params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  logCovariance: [
    [0.00268, 0.00346, -0.00046, 0.00011],
    [0.00346, 0.00734, -0.00082, 0.00098],
    [-0.00046, -0.00082, 0.0549, 0.0641],
    [0.00011, 0.00098, 0.0641, 0.0845],
  ],
} as const;
const spend = { p: 6.25, q: 3.74, v: 15.44 };
const START = Date.UTC(1997, 0, 1);
const CALIBRATION_END = Date.UTC(1997, 8, 30);
const END = Date.UTC(1998, 5, 30);
const SPAN_DAYS = Math.round((END - START) / DAY);
/** Whole weeks of the tracking window: the rows both sides compute. */
const WEEKS = Math.floor(SPAN_DAYS / 7);

/** A CDNOW-like log: births over the first 12 weeks, a few repeat purchases each over 78 weeks. */
function makeLog(customers: number): { customer: Int32Array; time: Float64Array; births: Int32Array } {
  const random = mulberry32(12);
  const ids: number[] = [];
  const times: number[] = [];
  const births = new Int32Array(customers);
  for (let c = 0; c < customers; c++) {
    const birth = Math.floor(random() * 84);
    births[c] = birth;
    ids.push(c);
    times.push(START + birth * DAY);
    const repeats = Math.floor(-Math.log(1 - random()) * 1.5);
    for (let k = 0; k < repeats; k++) {
      ids.push(c);
      times.push(START + (birth + 1 + Math.floor(random() * (SPAN_DAYS - birth))) * DAY);
    }
  }
  return { customer: Int32Array.from(ids), time: Float64Array.from(times), births };
}

/** RFM summaries in whole weeks, x ≤ 30, T of 27 … 38 weeks, with a mean spend per repeat buyer. */
function makeCustomers(n: number) {
  const random = mulberry32(5);
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const T = new Float64Array(n);
  const monetaryValue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = Math.min(30, Math.floor(-Math.log(1 - random()) * 1.5));
    T[i] = 27 + Math.floor(random() * 12); // whole weeks, as an RFM summary in weeks of dates gives
    frequency[i] = x;
    recency[i] = x === 0 ? 0 : Math.ceil(random() * (T[i] as number));
    monetaryValue[i] = x === 0 ? 0 : Math.round(5 + random() * 100);
  }
  return { frequency, recency, T, monetaryValue };
}

interface Timing {
  readonly wall: number;
  readonly cpu: number;
}
function time(fn: () => unknown, runs: number): Timing {
  fn();
  gc();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (v: number[]) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;
  return { wall: median(wall), cpu: median(cpu) };
}
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const both = (t: Timing) => `${fmt(t.wall)} (CPU ${fmt(t.cpu)})`;
/** Largest relative difference between two series over their common length. */
function agreement(a: ArrayLike<number>, b: ArrayLike<number>): string {
  let worst = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++)
    worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)) / Math.abs(b[i] as number));
  return worst.toExponential(1);
}

// --- the lifetimes side: a Python process answering one request per line (bench/python.ts) ---------
const script = fileURLToPath(new URL('./reference/lifetimes_diagnostics.py', import.meta.url));
const { reference, missing } = await startPythonReference(script, []);
console.log(
  reference
    ? `reference: ${reference.version}`
    : `reference: lifetimes MISSING — no lifetimes column in this run (${missing})`,
);
interface PyReply {
  readonly wall: number;
  readonly cpu: number;
  readonly error?: string;
}
const dir = mkdtempSync(join(tmpdir(), 'lm-diagnostics-'));
const write = (name: string, values: Float64Array | Int32Array) =>
  writeFileSync(join(dir, name), new Uint8Array(values.buffer, values.byteOffset, values.byteLength));

try {
  for (const n of sizes) {
    const log = makeLog(n);
    console.log(
      `\n${n.toLocaleString('en')} customers, ${log.customer.length.toLocaleString('en')} events (BG/NBD, weeks)`,
    );

    // --- tracking: weekly incremental/cumulative expected vs actual over 78 weeks -----------------
    let rows: ReturnType<typeof trackingTransactions> = [];
    const tracking = time(() => {
      rows = trackingTransactions(log, fit, {
        calibrationEnd: CALIBRATION_END,
        observationEnd: END,
        modelUnit: 'week',
        period: 'week',
      });
    }, 3);
    // hand loop: for each customer and each weekly boundary, E[X(boundary − birth)]
    const m = Math.min(n, REFERENCE_CUSTOMERS);
    const periods = Math.ceil(SPAN_DAYS / 7);
    const loop = time(() => {
      const cumulative = new Float64Array(periods);
      for (let c = 0; c < m; c++) {
        const birth = log.births[c] as number;
        for (let k = 0; k < periods; k++) {
          const lag = Math.min((k + 1) * 7, SPAN_DAYS + 1) - birth;
          if (lag > 0) cumulative[k] = (cumulative[k] as number) + bgNbdExpectedPurchases(fit.params, lag / 7);
        }
      }
      return cumulative;
    }, 1);
    const loopScaled = (loop.wall * n) / m;
    console.log(`  trackingTransactions (log → ${rows.length} weekly rows): ${both(tracking)}`);
    console.log(
      `    per-customer loop: ${fmt(loopScaled)}${m < n ? ` (measured on ${m.toLocaleString('en')}, scaled)` : ''}` +
        ` → library ${(loopScaled / tracking.wall).toFixed(0)}× faster`,
    );
    if (reference) {
      write('customer.i32', log.customer);
      write('time.f64', log.time);
      const py = await reference.request<PyReply & { predicted?: number[] }>(
        JSON.stringify({
          case: 'tracking',
          dir,
          days: 7 * WEEKS,
          params: fit.params,
        }),
      );
      if (py.predicted === undefined)
        console.log(`    lifetimes expected_cumulative_transactions: failed (${py.error})`);
      else
        console.log(
          `    lifetimes expected_cumulative_transactions (${py.predicted.length} weeks): ${fmt(py.wall)} (CPU ${fmt(py.cpu)})` +
            ` → library ${(py.wall / tracking.wall).toFixed(0)}× faster by wall, ${(py.cpu / tracking.cpu).toFixed(0)}× by CPU;` +
            ` cumulative expected agrees to ${agreement(
              rows.slice(0, WEEKS).map((r) => r.cumulativeExpected),
              py.predicted,
            )}`,
        );
    } else console.log('    lifetimes expected_cumulative_transactions: missing');

    // --- totals: 12 weekly periods, 200 linearized draws, with and without revenue + CLV ----------
    const customers = makeCustomers(n);
    let totals: ReturnType<typeof expectedTotals> | undefined;
    const plain = time(() => {
      totals = expectedTotals(customers, fit, { horizon: HORIZON });
    }, 3);
    const withSpend = time(() => expectedTotals(customers, fit, { horizon: HORIZON, spend, discountRate: 0.002 }), 3);
    const segments = Array.from({ length: n }, (_, i) => `region ${i % 10}`);
    const withSegments = time(
      () => expectedTotals(customers, fit, { horizon: HORIZON, spend, discountRate: 0.002, segments }),
      3,
    );
    const reader = time(
      () => readCustomers('expectedTotals', 'customers', customers, { allowSingle: false, monetary: true }),
      3,
    );
    const result = totals as NonNullable<typeof totals>;
    console.log(
      `  expectedTotals (${HORIZON} periods, ${result.draws} draws, ${result.patterns.toLocaleString('en')} patterns): ` +
        `${both(plain)}; with revenue + CLV: ${both(withSpend)}`,
    );
    console.log(
      `    with revenue + CLV and 10 segments (each with its own totals and intervals): ${both(withSegments)}`,
    );
    console.log(`    of which the shared customer reader (readCustomers, with monetaryValue): ${both(reader)}`);
    // hand loop: every customer's conditional mean at every horizon, summed (no compression, no draws)
    const mr = Math.min(n, 100_000);
    const naive = time(() => {
      const out = { mean: 0, variance: 0 };
      const sum = new Float64Array(HORIZON);
      for (let i = 0; i < mr; i++)
        for (let h = 0; h < HORIZON; h++) {
          CONDITIONAL_MOMENTS.bgNbd(
            fit.params,
            h + 1,
            customers.frequency[i] as number,
            customers.recency[i] as number,
            customers.T[i] as number,
            out,
          );
          sum[h] = (sum[h] as number) + out.mean;
        }
      return sum;
    }, 1);
    const naiveScaled = (naive.wall * n) / mr;
    console.log(
      `    per-customer loop (point estimate only): ${fmt(naiveScaled)}` +
        `${mr < n ? ` (measured on ${mr.toLocaleString('en')}, scaled)` : ''} → library ${(naiveScaled / plain.wall).toFixed(0)}× faster`,
    );
    if (reference) {
      write('frequency.f64', customers.frequency);
      write('recency.f64', customers.recency);
      write('T.f64', customers.T);
      const py = await reference.request<PyReply & { expected?: number[] }>(
        JSON.stringify({
          case: 'totals',
          dir,
          horizon: HORIZON,
          params: fit.params,
        }),
      );
      if (py.expected === undefined) console.log(`    lifetimes Σ conditional_expected_…: failed (${py.error})`);
      else
        console.log(
          `    lifetimes Σ conditional_expected_number_of_purchases_up_to_time (h = 1 … ${HORIZON}, point estimate only): ` +
            `${fmt(py.wall)} (CPU ${fmt(py.cpu)}) → library with intervals ${(py.wall / plain.wall).toFixed(0)}× faster by wall, ` +
            `${(py.cpu / plain.cpu).toFixed(0)}× by CPU; totals agree to ${agreement(
              result.rows.map((r) => r.expected),
              py.expected,
            )}`,
        );
    } else console.log('    lifetimes Σ conditional_expected_number_of_purchases_up_to_time: missing');
  }
} finally {
  reference?.close();
  rmSync(dir, { recursive: true, force: true });
}
