/**
 * Validated time columns: one pass over a column of timestamps that converts only when needed.
 * @internal
 * @module
 */
import { MAX_EPOCH_MS } from './civil.ts';
import { toEpochMs } from './parse.ts';

/** A validated time column (epoch ms) with its range, from {@link readTimeColumn}. */
export interface TimeColumn {
  /** The input itself when every entry is already epoch ms, else a converted copy. */
  readonly times: ArrayLike<number>;
  /** Smallest and largest time (±Infinity when empty). */
  readonly minMs: number;
  readonly maxMs: number;
}

/**
 * Validates a column of timestamps in one pass, converting (into a new array, never in place) only when
 * an entry is not already epoch milliseconds, and finds its range. Errors name `time[i]`.
 * @example
 * ```ts
 * import { readTimeColumn } from './timeColumn.ts';
 *
 * readTimeColumn('retentionMatrix', [5, 1, 3], 'UTC'); // => { times: [5, 1, 3], minMs: 1, maxMs: 5 }
 * readTimeColumn('retentionMatrix', [0, '1970-01-02'], 'UTC'); // => { times: [0, 86400000], minMs: 0, maxMs: 86400000 }
 * readTimeColumn('retentionMatrix', [0, 'soon'], 'UTC'); // => throws TypeError: retentionMatrix: time[1] "soon" is not a valid date
 * ```
 */
export function readTimeColumn(fn: string, rawTimes: ArrayLike<unknown>, timeZone: string): TimeColumn {
  const range = new Float64Array(2);
  const from = scanEpochMs(rawTimes, range);
  const minMs = range[0] as number;
  const maxMs = range[1] as number;
  return from === rawTimes.length
    ? { times: rawTimes as ArrayLike<number>, minMs, maxMs }
    : convertTimeColumn(fn, rawTimes, timeZone, from, minMs, maxMs);
}

/**
 * The common case of {@link readTimeColumn}: finds the range (into `range`) of the leading entries that are
 * epoch ms, and returns how many there are. A loop of its own that returns a number: with the object
 * literal or the conversion path after it in the same function, V8 deoptimised at the end of every call
 * and the loop ran 2–3 times slower.
 */
function scanEpochMs(rawTimes: ArrayLike<unknown>, range: Float64Array): number {
  const n = rawTimes.length;
  let minMs = Number.POSITIVE_INFINITY;
  let maxMs = Number.NEGATIVE_INFINITY;
  let i = 0;
  for (; i < n; i++) {
    const t = rawTimes[i];
    if (typeof t !== 'number' || !(Math.abs(t) <= MAX_EPOCH_MS)) break;
    if (t < minMs) minMs = t;
    if (t > maxMs) maxMs = t;
  }
  range[0] = minMs;
  range[1] = maxMs;
  return i;
}

/** {@link readTimeColumn} from entry `from` on (the first that is not epoch ms), into a converted copy. */
function convertTimeColumn(
  fn: string,
  rawTimes: ArrayLike<unknown>,
  timeZone: string,
  from: number,
  minMs: number,
  maxMs: number,
): TimeColumn {
  const n = rawTimes.length;
  const converted = new Float64Array(n);
  for (let i = 0; i < from; i++) converted[i] = rawTimes[i] as number;
  for (let i = from; i < n; i++) {
    const raw = rawTimes[i];
    const t =
      typeof raw === 'number' && Math.abs(raw) <= MAX_EPOCH_MS ? raw : toEpochMs(fn, raw, `time[${i}]`, timeZone);
    converted[i] = t;
    if (t < minMs) minMs = t;
    if (t > maxMs) maxMs = t;
  }
  return { times: converted, minMs, maxMs };
}
