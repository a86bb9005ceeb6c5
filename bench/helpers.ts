// Shared pieces of the benchmarks (bench/*.bench.ts): a seeded generator, the day length, a GC hook and the
// sizes to run. Not a benchmark itself (bench/run.ts runs only files ending in .bench.ts).

/** Milliseconds in a day. */
export const DAY = 86_400_000;

/** Full GC when node runs with --expose-gc (bench/run.ts passes it), otherwise a no-op. */
export const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** Event counts to run: BENCH_SIZES (comma separated) or 1M and 10M. */
export const sizes: number[] = (process.env.BENCH_SIZES ?? '1000000,10000000').split(',').map(Number);

/** mulberry32: a tiny seeded generator of uniform numbers in [0, 1), so every run sees the same data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `values` repeated `times` times end to end, as a Float64Array (bench/predictions.bench.ts tiles CDNOW). */
export function tileColumn(values: ArrayLike<number>, times: number): Float64Array {
  const out = new Float64Array(values.length * times);
  for (let k = 0; k < times; k++) out.set(Array.from(values), k * values.length);
  return out;
}

/**
 * Writes (once; reused while the file exists) a seeded CSV event log of `rows` rows to `path`: header
 * `customer_id,ordered_at,amount`, a skewed customer id out of `customers` (as text, `c12345`), an ISO 8601
 * date-time in 2024 with a `Z` (`2024-03-05T14:30:07Z`) and an amount with two decimals. About 36 bytes a row.
 */
export async function writeEventCsv(path: string, rows: number, customers: number, seed: number): Promise<number> {
  const { existsSync, openSync, writeSync, closeSync, renameSync, statSync } = await import('node:fs');
  if (existsSync(path)) return statSync(path).size;
  const random = mulberry32(seed);
  const start = Date.UTC(2024, 0, 1) / 1000;
  const tmp = `${path}.partial`;
  const fd = openSync(tmp, 'w');
  writeSync(fd, 'customer_id,ordered_at,amount\n');
  const block = 100_000;
  for (let from = 0; from < rows; from += block) {
    const lines: string[] = [];
    for (let i = from; i < Math.min(rows, from + block); i++) {
      const c = Math.floor(random() * random() * customers);
      const s = start + Math.floor(random() * 366 * 86_400);
      const iso = new Date(s * 1000).toISOString();
      const cents = 100 + Math.floor(random() * 20_000);
      lines.push(`c${c},${iso.slice(0, 19)}Z,${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}\n`);
    }
    writeSync(fd, lines.join(''));
  }
  closeSync(fd);
  renameSync(tmp, path);
  return statSync(path).size;
}

/** Order of a generated purchase log: by time, grouped by customer (stable, so by time within), or shuffled. */
export type Order = 'time-sorted' | 'by customer' | 'shuffled';

/**
 * A seeded purchase log of n transactions from `start` (epoch ms) over `days` days, evenly spread in time by
 * row, each a customer drawn by `customer(random)` (a non-negative integer) and a value of 5.00–105.00, in
 * the given order (the same transactions for every order; bench/rfm.bench.ts, bench/rows.bench.ts).
 */
export function purchaseLog(
  n: number,
  customer: (random: () => number) => number,
  start: number,
  days: number,
  order: Order,
  seed: number,
): { customer: Int32Array; time: Float64Array; value: Float64Array } {
  const random = mulberry32(seed);
  const ids = new Int32Array(n);
  const time = new Float64Array(n);
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    ids[i] = customer(random);
    time[i] = start + Math.floor((i / n) * days * DAY);
    value[i] = Math.round(500 + random() * 10_000) / 100;
  }
  if (order === 'by customer') {
    // A stable sort by customer of the time-sorted log: a counting sort on the ids.
    let maxId = 0;
    for (let i = 0; i < n; i++) maxId = Math.max(maxId, ids[i] as number);
    const at = new Int32Array(maxId + 2);
    for (let i = 0; i < n; i++) at[(ids[i] as number) + 1] = (at[(ids[i] as number) + 1] as number) + 1;
    for (let c = 1; c < at.length; c++) at[c] = (at[c] as number) + (at[c - 1] as number);
    const grouped = { customer: new Int32Array(n), time: new Float64Array(n), value: new Float64Array(n) };
    for (let i = 0; i < n; i++) {
      const j = at[ids[i] as number] as number;
      at[ids[i] as number] = j + 1;
      grouped.customer[j] = ids[i] as number;
      grouped.time[j] = time[i] as number;
      grouped.value[j] = value[i] as number;
    }
    return grouped;
  }
  if (order === 'shuffled') {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const c = ids[i] as number;
      ids[i] = ids[j] as number;
      ids[j] = c;
      const t = time[i] as number;
      time[i] = time[j] as number;
      time[j] = t;
      const v = value[i] as number;
      value[i] = value[j] as number;
      value[j] = v;
    }
  }
  return { customer: ids, time, value };
}
