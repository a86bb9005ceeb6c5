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
