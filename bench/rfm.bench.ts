// rfmSummary on 1M and 10M seeded synthetic transactions (columnar typed arrays), against a naive
// Map-based implementation measured in the same run, and against the Python `lifetimes` reference.
// Usage: npm run bench -- rfm
import { rfmSummary } from '../src/index.ts';

/**
 * Reference point from issue 4 (measured on these machines with the Python `lifetimes` package,
 * `summary_data_from_transaction_data` on 10M transactions): NOT measured in this run.
 */
const LIFETIMES_10M_SECONDS = 12.35;
/** Target from issue 4: at least 20× faster than the reference. */
const TARGET_SPEEDUP = 20;

const DAY = 86_400_000;
const START = Date.UTC(2022, 0, 1);
const SPAN_DAYS = 730;

/** mulberry32: a tiny seeded generator, so every run sees the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Columns {
  customer: Int32Array;
  time: Float64Array;
  value: Float64Array;
}

/** n transactions of n/10 customers over two years; `sorted` = a time-ordered event log, else random order. */
function synthetic(n: number, sorted: boolean, seed: number): Columns {
  const random = rng(seed);
  const customers = Math.max(1, Math.floor(n / 10));
  const customer = new Int32Array(n);
  const time = new Float64Array(n);
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    customer[i] = Math.floor(random() * customers);
    time[i] = sorted ? START + Math.floor((i / n) * SPAN_DAYS * DAY) : START + Math.floor(random() * SPAN_DAYS * DAY);
    value[i] = Math.round(500 + random() * 10_000) / 100;
  }
  return { customer, time, value };
}

/** The straightforward implementation: Map of customer → Map of day → summed value, then the definitions. */
function naiveSummary(c: Columns, endMs: number): Array<{ customer: number; frequency: number; recency: number; T: number; monetaryValue: number }> {
  const endDay = Math.floor(endMs / DAY);
  const byCustomer = new Map<number, Map<number, number>>();
  for (let i = 0; i < c.customer.length; i++) {
    const day = Math.floor((c.time[i] as number) / DAY);
    if (day > endDay) continue;
    const id = c.customer[i] as number;
    let days = byCustomer.get(id);
    if (days === undefined) {
      days = new Map();
      byCustomer.set(id, days);
    }
    days.set(day, (days.get(day) ?? 0) + (c.value[i] as number));
  }
  const out = [];
  for (const [customer, days] of byCustomer) {
    const sorted = [...days.keys()].sort((a, b) => a - b);
    const first = sorted[0] as number;
    let repeat = 0;
    for (let j = 1; j < sorted.length; j++) repeat += days.get(sorted[j] as number) as number;
    const frequency = sorted.length - 1;
    out.push({
      customer,
      frequency,
      recency: ((sorted[frequency] as number) - first) / 7,
      T: (endDay - first) / 7,
      monetaryValue: frequency === 0 ? 0 : repeat / frequency,
    });
  }
  return out;
}

function time<T>(fn: () => T): { seconds: number; result: T } {
  globalThis.gc?.();
  const t0 = performance.now();
  const result = fn();
  return { seconds: (performance.now() - t0) / 1000, result };
}

function best<T>(runs: number, fn: () => T): { seconds: number; result: T } {
  let out = time(fn);
  for (let r = 1; r < runs; r++) {
    const next = time(fn);
    if (next.seconds < out.seconds) out = next;
  }
  return out;
}

const fmt = (s: number) => (s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(2)} s`);
const mtx = (n: number, s: number) => `${(n / s / 1e6).toFixed(1)} M tx/s`;

console.log(
  `node ${process.version}; data: n transactions of n/10 customers over ${SPAN_DAYS} days, Int32Array ids, Float64Array epoch ms and values`
);
console.log('rfmSummary: best of 3 runs (after one warm-up run at 1M); naive Map baseline: one run; period day, unit week.\n');
// Warm-up so that the first timed run is not the one that compiles the code.
rfmSummary(synthetic(1_000_000, true, 99), { unit: 'week' });

for (const n of [1_000_000, 10_000_000]) {
  for (const sorted of [true, false]) {
    const data = synthetic(n, sorted, n + (sorted ? 1 : 2));
    const endMs = START + SPAN_DAYS * DAY;
    const fast = best(3, () => rfmSummary(data, { observationEnd: endMs, unit: 'week' }));
    const naive = time(() => naiveSummary(data, endMs));
    // Same answer, or the comparison means nothing.
    let fx = 0;
    let nx = 0;
    for (const r of fast.result) fx += r.frequency;
    for (const r of naive.result) nx += r.frequency;
    if (fast.result.length !== naive.result.length || fx !== nx) throw new Error('rfmSummary and the naive baseline disagree');
    const label = `${(n / 1e6).toFixed(0)}M ${sorted ? 'time-sorted' : 'random-order'}`;
    console.log(
      `${label.padEnd(18)} rfmSummary ${fmt(fast.seconds).padStart(8)} (${mtx(n, fast.seconds)}) | naive Map ${fmt(naive.seconds).padStart(8)} (${mtx(
        n,
        naive.seconds
      )}) | ${(naive.seconds / fast.seconds).toFixed(1)}× faster than naive | ${fast.result.length} customers`
    );
    if (n === 10_000_000) {
      const speedup = LIFETIMES_10M_SECONDS / fast.seconds;
      console.log(
        `${''.padEnd(18)} vs lifetimes reference ${LIFETIMES_10M_SECONDS} s for 10M (issue 4 constant, not measured here): ${speedup.toFixed(
          1
        )}× (target ≥ ${TARGET_SPEEDUP}×: ${speedup >= TARGET_SPEEDUP ? 'met' : 'NOT met'})`
      );
    }
  }
}
