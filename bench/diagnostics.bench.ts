// Benchmarks of the model diagnostics (issue 12): the tracking plot data (trackingTransactions) and the
// customer-base totals with intervals (expectedTotals) at 100k and 1M customers. Run with
// `npm run bench -- diagnostics` (BENCH_CUSTOMERS=100000,1000000 by default).
//
// References measured in the same run: a hand-written per-customer loop of the same quantities (what the
// Python `lifetimes` package's expected_cumulative_transactions and a summed per-customer prediction do:
// one model evaluation per customer and period). lifetimes itself cannot be installed here (no PyPI), so
// the side-by-side run against it is left to a machine that has it. The tracking reference runs on the
// first REFERENCE_CUSTOMERS customers and is scaled linearly (its cost is exactly linear in customers).
import { bgNbdExpectedPurchases, expectedTotals, trackingTransactions } from '../src/index.ts';
import { CONDITIONAL_MOMENTS } from '../src/internal/models/conditionalMoments.ts';
import { DAY, gc, mulberry32 } from './helpers.ts';

const sizes = (process.env.BENCH_CUSTOMERS ?? '100000,1000000').split(',').map(Number);
const REFERENCE_CUSTOMERS = 20_000;
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
const START = Date.UTC(1997, 0, 1);
const CALIBRATION_END = Date.UTC(1997, 8, 30);
const END = Date.UTC(1998, 5, 30);
const SPAN_DAYS = Math.round((END - START) / DAY);

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

function time(fn: () => unknown, runs: number): number {
  fn();
  gc();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)] as number;
}
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

for (const n of sizes) {
  const log = makeLog(n);
  console.log(
    `\n${n.toLocaleString('en')} customers, ${log.customer.length.toLocaleString('en')} events (BG/NBD, weeks)`,
  );

  // --- tracking: weekly incremental/cumulative expected vs actual over 78 weeks -------------------
  const tracking = time(
    () =>
      trackingTransactions(log, fit, {
        calibrationEnd: CALIBRATION_END,
        observationEnd: END,
        modelUnit: 'week',
        period: 'week',
      }),
    3,
  );
  // reference: for each customer and each weekly boundary, E[X(boundary − birth)] (lifetimes' loop)
  const m = Math.min(n, REFERENCE_CUSTOMERS);
  const periods = Math.ceil(SPAN_DAYS / 7);
  const reference = time(() => {
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
  const scaled = (reference * n) / m;
  console.log(
    `  trackingTransactions (log → 78 weekly rows): ${fmt(tracking)}; per-customer loop ${fmt(scaled)}` +
      `${m < n ? ` (measured on ${m.toLocaleString('en')}, scaled)` : ''} → ${(scaled / tracking).toFixed(0)}× faster`,
  );

  // --- totals: 12 weekly periods, 200 linearized draws, with and without revenue ------------------
  const random = mulberry32(5);
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const T = new Float64Array(n);
  const monetaryValue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = Math.min(30, Math.floor(-Math.log(1 - random()) * 1.5));
    T[i] = 27 + Math.floor(random() * 12); // whole weeks, as an RFM summary in weeks of dates gives
    frequency[i] = x;
    recency[i] = x === 0 ? 0 : Math.ceil(random() * T[i]!);
    monetaryValue[i] = x === 0 ? 0 : Math.round(5 + random() * 100);
  }
  const customers = { frequency, recency, T, monetaryValue };
  let patterns = 0;
  const totals = time(() => {
    patterns = expectedTotals(customers, fit, { horizon: 12 }).patterns;
  }, 3);
  const totalsSpend = time(
    () => expectedTotals(customers, fit, { horizon: 12, spend: { p: 6.25, q: 3.74, v: 15.44 }, discountRate: 0.002 }),
    3,
  );
  // reference: every customer's conditional mean and variance at every horizon, summed (no compression)
  const mr = Math.min(n, 100_000);
  const naive = time(() => {
    const out = { mean: 0, variance: 0 };
    const sum = new Float64Array(12);
    for (let i = 0; i < mr; i++)
      for (let h = 0; h < 12; h++) {
        CONDITIONAL_MOMENTS.bgNbd(fit.params, h + 1, frequency[i]!, recency[i]!, T[i]!, out);
        sum[h] = (sum[h] as number) + out.mean;
      }
    return sum;
  }, 1);
  const naiveScaled = (naive * n) / mr;
  console.log(
    `  expectedTotals (12 periods, 200 draws, ${patterns.toLocaleString('en')} patterns): ${fmt(totals)}; ` +
      `with revenue + CLV: ${fmt(totalsSpend)}; per-customer loop ${fmt(naiveScaled)}` +
      `${mr < n ? ` (measured on ${mr.toLocaleString('en')}, scaled)` : ''} → ${(naiveScaled / totals).toFixed(0)}× faster`,
  );
}
