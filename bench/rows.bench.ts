// Issue 14 item 5, side by side in one run: rfmSummary over row objects and over columns against the Python
// `lifetimes` package's summary_data_from_transaction_data on the same transactions, and rolling-window
// retention (retentionMatrix, windows 'rolling') against a hand-written typed-array loop computing the same
// counts. Every case runs its sides interleaved (the order rotating), BENCH_ROUNDS rounds (default 3); the
// report gives the median wall time, [min–max] and the median process CPU time, and each side's answer is
// checked against the others (customers, Σ frequency, Σ recency, Σ T exactly, Σ monetary value to 1e-9).
//
// RFM: period day, unit day (lifetimes freq "D"), values; shapes: many customers (n/10, integer ids) in time
// order and shuffled, few customers (10,000, text ids `c123`) grouped by customer, and many shuffled in
// America/New_York (lifetimes gets the wall-clock times of that zone). Sizes: 1M and 10M (BENCH_SIZES);
// row objects `{ customer, time, value }` with epoch-ms times and columns (Int32Array or text ids,
// Float64Array times and values).
// Rolling retention: daily 24-hour windows from each customer's first event, 1M events (BENCH_ROLLING_SIZES),
// 200k customers (skewed ids) shuffled and in time order, 10,000 customers, and the zone Europe/Bucharest
// (the rows then group by local day: checked by column totals, which do not depend on the zone).
//
// lifetimes is looked for as in bench/python.ts (BENCH_PYTHON, /usr/bin/python3, python3; PYTHONPATH as given):
//   PYTHONPATH=/path/to/lifetimes:/path/to/autograd npm run bench -- rows
// When it cannot be imported the benchmark says so and reports the other columns.
// Optional: BENCH_ONLY=rfm or BENCH_ONLY=rolling to run one half.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { retentionMatrix, rfmSummary, type RfmSummaryRow } from '../src/index.ts';
import { DAY, gc, type Order, purchaseLog, sizes } from './helpers.ts';
import { median, startPythonReference } from './python.ts';

const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
const ONLY = process.env.BENCH_ONLY ?? '';
const ROLLING_SIZES = (process.env.BENCH_ROLLING_SIZES ?? '1000000').split(',').map(Number);

interface Timing {
  readonly wall: number;
  readonly cpu: number;
}
interface Totals {
  readonly customers: number;
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly monetary: number;
}

function timed<T>(fn: () => T): [Timing, T] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [{ wall, cpu: (c.user + c.system) / 1000 }, out];
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 1000 ? v.toFixed(1) : v.toFixed(0));
function describe(t: readonly Timing[]): string {
  const w = t.map((x) => x.wall);
  return `${ms(median(w)).padStart(8)} ms [${ms(Math.min(...w))}–${ms(Math.max(...w))}], CPU ${ms(median(t.map((x) => x.cpu)))} ms`;
}
const ratio = (reference: readonly Timing[], library: readonly Timing[]) =>
  `${(median(reference.map((x) => x.wall)) / median(library.map((x) => x.wall))).toFixed(2)}× by wall, ${(
    median(reference.map((x) => x.cpu)) / median(library.map((x) => x.cpu))
  ).toFixed(2)}× by CPU`;

/** Runs the sides `ROUNDS` times, interleaved with the order rotating each round. */
async function interleave(sides: readonly (() => Timing | Promise<Timing>)[]): Promise<Timing[][]> {
  const out: Timing[][] = sides.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    for (let j = 0; j < sides.length; j++) {
      const k = (j + r) % sides.length;
      gc();
      (out[k] as Timing[]).push(await (sides[k] as () => Timing | Promise<Timing>)());
    }
  }
  return out;
}

// --- RFM summary against lifetimes -----------------------------------------------------------------------

interface RfmShape {
  readonly name: string;
  readonly customers: (n: number) => number;
  readonly order: Order;
  readonly textIds: boolean;
  readonly timeZone: string;
}
const RFM_SHAPES: readonly RfmShape[] = [
  {
    name: 'n/10 customers, time order',
    customers: (n) => n / 10,
    order: 'time-sorted',
    textIds: false,
    timeZone: 'UTC',
  },
  { name: 'n/10 customers, shuffled', customers: (n) => n / 10, order: 'shuffled', textIds: false, timeZone: 'UTC' },
  {
    name: '10k customers (text ids), by customer',
    customers: () => 10_000,
    order: 'by customer',
    textIds: true,
    timeZone: 'UTC',
  },
  {
    name: 'n/10 customers, shuffled, America/New_York',
    customers: (n) => n / 10,
    order: 'shuffled',
    textIds: false,
    timeZone: 'America/New_York',
  },
];
const RFM_START = Date.UTC(2022, 0, 1);
const RFM_DAYS = 730;

function totals(rows: readonly RfmSummaryRow[]): Totals {
  let frequency = 0;
  let recency = 0;
  let T = 0;
  let monetary = 0;
  for (const r of rows) {
    frequency += r.frequency;
    recency += r.recency;
    T += r.T;
    monetary += r.monetaryValue;
  }
  return { customers: rows.length, frequency, recency, T, monetary };
}
function sameTotals(a: Totals, b: Totals): boolean {
  return (
    a.customers === b.customers &&
    a.frequency === b.frequency &&
    a.recency === b.recency &&
    a.T === b.T &&
    Math.abs(a.monetary - b.monetary) <= 1e-9 * Math.abs(b.monetary)
  );
}

async function benchRfm(): Promise<void> {
  const script = fileURLToPath(new URL('./reference/lifetimes_summary.py', import.meta.url));
  const { reference, missing } = await startPythonReference(script, []);
  console.log(
    reference
      ? `RFM summary (period day, unit day, values) — reference: ${reference.version}`
      : `RFM summary — reference: lifetimes MISSING, no ratio against it in this run (${missing})`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'lm-rows-'));
  const textId = Array.from({ length: 10_000 }, (_, i) => `c${i}`);
  // Warm-up: JIT of every path on a small log.
  for (const shape of RFM_SHAPES) {
    const log = purchaseLog(100_000, (r) => Math.floor(r() * 5000), RFM_START, RFM_DAYS, shape.order, 1);
    const options = { period: 'day', unit: 'day', timeZone: shape.timeZone } as const;
    rfmSummary(log, options);
    const rows = Array.from(log.customer, (c, i) => ({
      customer: c,
      time: log.time[i] as number,
      value: log.value[i] as number,
    }));
    rfmSummary(rows, { ...options, customer: 'customer', time: 'time', value: 'value' });
  }
  try {
    for (const n of sizes) {
      for (const [k, shape] of RFM_SHAPES.entries()) {
        const count = Math.floor(shape.customers(n));
        const log = purchaseLog(n, (r) => Math.floor(r() * count), RFM_START, RFM_DAYS, shape.order, n + k);
        const end = RFM_START + RFM_DAYS * DAY - 1;
        const ids: ArrayLike<string | number> = shape.textIds
          ? Array.from(log.customer, (c) => textId[c] as string)
          : log.customer;
        const columns = { customer: ids, time: log.time, value: log.value };
        let rows: { customer: string | number; time: number; value: number }[] | null = Array.from(
          { length: n },
          (_, i) => ({
            customer: ids[i] as string | number,
            time: log.time[i] as number,
            value: log.value[i] as number,
          }),
        );
        const options = { period: 'day', unit: 'day', timeZone: shape.timeZone, observationEnd: end } as const;
        const rowOptions = { ...options, customer: 'customer', time: 'time', value: 'value' } as const;
        const rowsRef = rows;
        let expected: Totals | null = null;
        const check = (t: Totals, side: string) => {
          if (expected === null) expected = t;
          else if (!sameTotals(t, expected))
            throw new Error(`${side} disagrees: ${JSON.stringify(t)} vs ${JSON.stringify(expected)}`);
        };
        const jsSide = (label: string, run: () => RfmSummaryRow[]) => () => {
          const [t, out] = timed(run);
          check(totals(out), label);
          return t;
        };
        const sides: (() => Timing | Promise<Timing>)[] = [
          jsSide('rfmSummary columns', () => rfmSummary(columns, options)),
          jsSide('rfmSummary rows', () => rfmSummary(rowsRef, rowOptions)),
        ];
        if (reference) {
          writeFileSync(join(dir, 'customer.i32'), new Uint8Array(log.customer.buffer));
          writeFileSync(join(dir, 'time.f64'), new Uint8Array(log.time.buffer));
          writeFileSync(join(dir, 'value.f64'), new Uint8Array(log.value.buffer));
          writeFileSync(join(dir, 'end.txt'), String(end));
          await reference.request(`load ${dir} ${shape.timeZone}`);
          sides.push(async () => {
            const r = await reference.request<Timing & Totals>('run');
            check(r, 'lifetimes');
            return { wall: r.wall, cpu: r.cpu };
          });
        }
        const [cols, rowT, py] = await interleave(sides);
        rows = null;
        console.log(
          `\n${n.toLocaleString('en')} transactions, ${shape.name} (${(expected as Totals | null)?.customers} customers)`,
        );
        console.log(`  rfmSummary columns:     ${describe(cols as Timing[])}`);
        console.log(`  rfmSummary row objects: ${describe(rowT as Timing[])}`);
        if (py) {
          console.log(`  lifetimes:              ${describe(py)}`);
          console.log(
            `  → columns ${ratio(py, cols as Timing[])} lifetimes; row objects ${ratio(py, rowT as Timing[])} lifetimes`,
          );
        }
      }
    }
  } finally {
    reference?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// --- rolling-window retention against a hand-written loop --------------------------------------------------

/**
 * Hand-written rolling-window retention: dense ids 0…C−1; per customer its first event; window k of an event
 * = ⌊(t − first) / 24 h⌋; counts[cohort UTC day of first][k] = customers with an event in window k, by a bit
 * test-and-set per (customer, window). Rows of cohort days that start no cohort are skipped; each row ends at
 * its last non-zero count.
 */
function handRolling(customer: Int32Array, time: Float64Array): number[][] {
  const n = customer.length;
  let customers = 0;
  let maxT = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const c = customer[i] as number;
    if (c >= customers) customers = c + 1;
  }
  const first = new Float64Array(customers).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < n; i++) {
    const c = customer[i] as number;
    const t = time[i] as number;
    if (t < (first[c] as number)) first[c] = t;
    if (t > maxT) maxT = t;
  }
  let minFirst = Number.POSITIVE_INFINITY;
  let maxFirst = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < customers; c++) {
    const f = first[c] as number;
    if (f === Number.POSITIVE_INFINITY) continue;
    if (f < minFirst) minFirst = f;
    if (f > maxFirst) maxFirst = f;
  }
  const minDay = Math.floor(minFirst / DAY);
  const days = Math.floor(maxFirst / DAY) - minDay + 1;
  const windows = Math.floor((maxT - minFirst) / DAY) + 1;
  const rowOf = new Int32Array(customers);
  for (let c = 0; c < customers; c++) {
    const f = first[c] as number;
    if (f !== Number.POSITIVE_INFINITY) rowOf[c] = (Math.floor(f / DAY) - minDay) * windows;
  }
  const words = (windows + 31) >>> 5;
  const seen = new Int32Array(customers * words);
  const counts = new Int32Array(days * windows);
  for (let i = 0; i < n; i++) {
    const c = customer[i] as number;
    const k = Math.floor(((time[i] as number) - (first[c] as number)) / DAY);
    const w = c * words + (k >>> 5);
    const bit = 1 << (k & 31);
    const x = seen[w] as number;
    if ((x & bit) === 0) {
      seen[w] = x | bit;
      counts[(rowOf[c] as number) + k]!++;
    }
  }
  const out: number[][] = [];
  for (let d = 0; d < days; d++) {
    if (counts[d * windows] === 0) continue;
    out.push(trimZeros(Array.from(counts.subarray(d * windows, (d + 1) * windows))));
  }
  return out;
}

function trimZeros(row: number[]): number[] {
  let end = row.length;
  while (end > 0 && row[end - 1] === 0) end--;
  return row.slice(0, end);
}

/** Σ over cohorts of column k (does not depend on the zone that groups customers into cohort rows). */
function columnTotals(rows: readonly number[][]): number[] {
  const out: number[] = [];
  for (const row of rows) for (let k = 0; k < row.length; k++) out[k] = (out[k] ?? 0) + (row[k] as number);
  return out;
}

interface RollingShape {
  readonly name: string;
  readonly customer: (random: () => number) => number;
  readonly order: Order;
  readonly timeZone: string;
}
const ROLLING_SHAPES: readonly RollingShape[] = [
  {
    name: '200k customers (skewed), shuffled',
    customer: (r) => Math.floor(r() * r() * 200_000),
    order: 'shuffled',
    timeZone: 'UTC',
  },
  {
    name: '200k customers (skewed), time order',
    customer: (r) => Math.floor(r() * r() * 200_000),
    order: 'time-sorted',
    timeZone: 'UTC',
  },
  { name: '10k customers, shuffled', customer: (r) => Math.floor(r() * 10_000), order: 'shuffled', timeZone: 'UTC' },
  {
    name: '200k customers (skewed), shuffled, Europe/Bucharest',
    customer: (r) => Math.floor(r() * r() * 200_000),
    order: 'shuffled',
    timeZone: 'Europe/Bucharest',
  },
];
const ROLLING_START = Date.UTC(2024, 0, 1);

async function benchRolling(): Promise<void> {
  console.log('\nRolling-window retention (daily 24-hour windows from each first event, mode on), columnar');
  for (const shape of ROLLING_SHAPES) {
    const warm = purchaseLog(100_000, shape.customer, ROLLING_START, 366, shape.order, 7);
    handRolling(warm.customer, warm.time);
    retentionMatrix(warm, { period: 'day', windows: 'rolling', timeZone: shape.timeZone });
  }
  for (const n of ROLLING_SIZES) {
    for (const [k, shape] of ROLLING_SHAPES.entries()) {
      const log = purchaseLog(n, shape.customer, ROLLING_START, 366, shape.order, 2024 + n + k);
      const input = { customer: log.customer, time: log.time };
      const options = { period: 'day', windows: 'rolling', timeZone: shape.timeZone } as const;
      let expected: string | null = null;
      const check = (rows: number[][]) => {
        const key = JSON.stringify(shape.timeZone === 'UTC' ? rows : columnTotals(rows));
        if (expected === null) expected = key;
        else if (key !== expected)
          throw new Error(`rolling retention disagrees with the hand-written loop (${shape.name})`);
      };
      const [lib, hand] = await interleave([
        () => {
          const [t, m] = timed(() => retentionMatrix(input, options));
          check(m.cohorts.map((c) => trimZeros(c.counts)));
          return t;
        },
        () => {
          const [t, rows] = timed(() => handRolling(log.customer, log.time));
          check(rows);
          return t;
        },
      ]);
      console.log(`\n${n.toLocaleString('en')} events, ${shape.name}`);
      console.log(`  retentionMatrix rolling: ${describe(lib as Timing[])}`);
      console.log(`  hand-written loop:       ${describe(hand as Timing[])}`);
      console.log(`  → ${ratio(hand as Timing[], lib as Timing[])} the hand-written loop (target ≥ 1×)`);
    }
  }
}

console.log(`node ${process.version}; ${ROUNDS} interleaved rounds per case; medians [min–max]`);
if (ONLY !== 'rolling') await benchRfm();
if (ONLY !== 'rfm') await benchRolling();
