// Incremental states benchmark (issue 15, item 4): 1M customers over two years (2023–2024), a seeded columnar
// log of EVENTS events (default 10M: about 10 per customer, each customer active from a random first day on,
// events uniform over the rest of the two years), Int32Array ids, Float64Array epoch ms and cents values.
// The daily job: the state of the history (every day but the last) is merged with the state of the last day,
// then finished. Measured in the same run: building the states, merging (history + today, and two halves
// split by customer parity), JSON stringify/parse, finishing, and the one-shot retentionMatrix / rfmSummary on
// the whole log as the reference (ratios to it). Sizes: the JSON text of each state. Best wall time of REPEATS.
// Checks (every run): finishing the merged state equals the one-shot result.
// Run: npm run bench -- states   Optional: BENCH_EVENTS=2000000 BENCH_REPEATS=2.
import {
  cohortState,
  finishCohortState,
  finishRfmState,
  mergeCohortStates,
  mergeRfmStates,
  retentionMatrix,
  rfmState,
  rfmSummary,
} from '../src/index.ts';
import { DAY, gc, mulberry32 } from './helpers.ts';

const CUSTOMERS = 1_000_000;
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const START = Date.UTC(2023, 0, 1);
const DAYS = 731;

interface Log {
  customer: Int32Array;
  time: Float64Array;
  value: Float64Array;
}

function generate(): Log {
  const random = mulberry32(15);
  const firstDay = new Float64Array(CUSTOMERS);
  for (let c = 0; c < CUSTOMERS; c++) firstDay[c] = Math.floor(random() * DAYS);
  const customer = new Int32Array(EVENTS);
  const time = new Float64Array(EVENTS);
  const value = new Float64Array(EVENTS);
  for (let i = 0; i < EVENTS; i++) {
    // Every customer has its first event; the rest go to random customers after their first day.
    const c = i < CUSTOMERS ? i : Math.floor(random() * CUSTOMERS);
    const f = firstDay[c] as number;
    const d = i < CUSTOMERS ? f : f + Math.floor(random() * (DAYS - f));
    customer[i] = c;
    time[i] = START + d * DAY + Math.floor(random() * DAY);
    value[i] = (100 + Math.floor(random() * 20_000)) / 100;
  }
  return { customer, time, value };
}

function select(log: Log, keep: (i: number) => boolean): Log {
  const idx: number[] = [];
  for (let i = 0; i < log.customer.length; i++) if (keep(i)) idx.push(i);
  return {
    customer: Int32Array.from(idx, (i) => log.customer[i] as number),
    time: Float64Array.from(idx, (i) => log.time[i] as number),
    value: Float64Array.from(idx, (i) => log.value[i] as number),
  };
}

function best<T>(label: string, f: () => T, times: number[]): T {
  let result: T | undefined;
  let min = Number.POSITIVE_INFINITY;
  for (let r = 0; r < REPEATS; r++) {
    gc();
    const t0 = performance.now();
    result = f();
    min = Math.min(min, performance.now() - t0);
  }
  times.push(min);
  console.log(`  ${label.padEnd(46)} ${min.toFixed(0).padStart(7)} ms`);
  return result as T;
}

const mb = (text: string): string => `${(text.length / 1e6).toFixed(1)} MB`;

function same(a: unknown, b: unknown, what: string): void {
  if (JSON.stringify(a) !== JSON.stringify(b))
    throw new Error(`${what}: finishing the merged state differs from the one-shot result`);
}

const log = generate();
const lastDay = START + (DAYS - 1) * DAY;
const history = select(log, (i) => (log.time[i] as number) < lastDay);
const today = select(log, (i) => (log.time[i] as number) >= lastDay);
const even = select(log, (i) => ((log.customer[i] as number) & 1) === 0);
const odd = select(log, (i) => ((log.customer[i] as number) & 1) === 1);
console.log(
  `${CUSTOMERS} customers, ${EVENTS} events over ${DAYS} days (history ${history.customer.length}, last day ${today.customer.length}); best of ${REPEATS}`,
);

for (const period of ['week', 'day'] as const) {
  console.log(`\ncohort state, period ${period}`);
  const t: number[] = [];
  const whole = best(`retentionMatrix (whole log, reference)`, () => retentionMatrix(log, { period }), t);
  const h = best('cohortState(history)', () => cohortState(history, { period }), t);
  const d = best('cohortState(last day)', () => cohortState(today, { period }), t);
  const merged = best('mergeCohortStates([history, last day])', () => mergeCohortStates([h, d]), t);
  const e = cohortState(even, { period });
  const o = cohortState(odd, { period });
  best('mergeCohortStates([even ids, odd ids])', () => mergeCohortStates([e, o]), t);
  const text = best('JSON.stringify(state)', () => JSON.stringify(merged), t);
  best('JSON.parse(text)', () => JSON.parse(text), t);
  const finished = best('finishCohortState(state)', () => finishCohortState(merged), t);
  same(finished, whole, 'cohorts');
  console.log(
    `  state: ${mb(text)} JSON (${(text.length / CUSTOMERS).toFixed(1)} B a customer; periods ${mb(merged.periods)}, ids ${mb(JSON.stringify(merged.customers))})`,
  );
  console.log(
    `  daily job (merge + finish) / retentionMatrix on the whole log: ${((t[3]! + t[6]!) / t[0]!).toFixed(2)}`,
  );
}

{
  console.log('\nRFM state, period day');
  const t: number[] = [];
  const opts = { period: 'day' as const };
  const whole = best('rfmSummary (whole log, reference)', () => rfmSummary(log, { ...opts, unit: 'week' }), t);
  const h = best('rfmState(history)', () => rfmState(history, opts), t);
  const d = best('rfmState(last day)', () => rfmState(today, opts), t);
  const merged = best('mergeRfmStates([history, last day])', () => mergeRfmStates([h, d]), t);
  const e = rfmState(even, opts);
  const o = rfmState(odd, opts);
  best('mergeRfmStates([even ids, odd ids])', () => mergeRfmStates([e, o]), t);
  const text = best('JSON.stringify(state)', () => JSON.stringify(merged), t);
  best('JSON.parse(text)', () => JSON.parse(text), t);
  const finished = best('finishRfmState(state)', () => finishRfmState(merged, { unit: 'week' }), t);
  same(finished, whole, 'rfm');
  console.log(
    `  state: ${mb(text)} JSON (${(text.length / CUSTOMERS).toFixed(1)} B a customer; periods ${mb(merged.periods)}, value sums ${mb(JSON.stringify(merged.valueSums))}, errors ${mb(JSON.stringify(merged.valueErrors))})`,
  );
  console.log(`  daily job (merge + finish) / rfmSummary on the whole log: ${((t[3]! + t[6]!) / t[0]!).toFixed(2)}`);
}
