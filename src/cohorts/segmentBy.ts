import { resolveAccessor, rowsOf } from '../internal/rows.ts';
import type { Accessor } from '../types.ts';
import { requireFunction, rowArgument, wrongType } from '../internal/validate.ts';

/** A segment value: what the key accessor returns. */
export type SegmentValue = string | number | boolean;

/** One segment of {@link segmentBy}. */
export interface SegmentResult<Result> {
  /** The segment's key value (location, age band, channel, plan…). */
  readonly segment: SegmentValue;
  /** What the metric returned for the segment's rows. */
  readonly result: Result;
}

function kindRank(v: SegmentValue): number {
  return typeof v === 'boolean' ? 0 : typeof v === 'number' ? 1 : 2;
}

/**
 * Runs any metric per segment: splits rows by a key (location, age band, channel, plan) and calls the metric
 * on each segment's rows.
 *
 * Rows keep their original order within a segment. Segments are returned sorted: booleans (false, true), then
 * numbers ascending, then strings in code-unit order. The metric's own errors pass through unchanged.
 *
 * ```text
 * segmentBy(rows, key, metric) = [ { segment: s, result: metric(rows with key = s, s) } for each distinct s ]
 * ```
 *
 * @param rows - Rows (array or iterable).
 * @param key - Segment of a row: property name or `(row, index) => value`; must give a string, finite number or
 *   boolean.
 * @param metric - Called once per segment with the segment's rows and its key value.
 * @returns `{ segment, result }` per segment; an empty array for no rows.
 * @throws {TypeError} When rows are not iterable, the key is not an accessor, the metric is not a function, or a
 *   key value is not a string, finite number or boolean (naming the row).
 * @example
 * ```ts
 * import { retentionMatrix, segmentBy } from 'loyalty-metrics';
 *
 * const events = [
 *   { user: 1, day: '2024-01-01', plan: 'pro' }, { user: 1, day: '2024-01-02', plan: 'pro' },
 *   { user: 2, day: '2024-01-01', plan: 'free' }, { user: 2, day: '2024-01-02', plan: 'free' },
 *   { user: 3, day: '2024-01-01', plan: 'free' },
 * ];
 * const bySegment = segmentBy(events, 'plan', (rows) => retentionMatrix(rows, { customer: 'user', time: 'day' }).cohorts[0].rates);
 * bySegment; // => [{ segment: 'free', result: [1, 0.5] }, { segment: 'pro', result: [1, 1] }]
 * ```
 * @category Cohorts
 */
export function segmentBy<Row, Result>(
  rows: Iterable<Row>,
  key: Accessor<Row>,
  metric: (rows: Row[], segment: SegmentValue) => Result,
): SegmentResult<Result>[] {
  const fn = 'segmentBy';
  const list = rowsOf(fn, 'rows', rows) as readonly Row[];
  const getKey = resolveAccessor<Row>(fn, 'key', key);
  const run = requireFunction(fn, 'metric', metric) as unknown as (rows: Row[], segment: SegmentValue) => Result;
  const groups = new Map<SegmentValue, Row[]>();
  for (let i = 0; i < list.length; i++) {
    const row = list[i] as Row;
    const k = getKey(row, i);
    if (!(typeof k === 'string' || typeof k === 'boolean' || (typeof k === 'number' && Number.isFinite(k)))) {
      wrongType(fn, rowArgument('rows', i, 'key'), k, 'a string, finite number or boolean');
    }
    const segment = k === 0 ? 0 : k; // -0 and 0 are one segment
    const group = groups.get(segment);
    if (group === undefined) groups.set(segment, [row]);
    else group.push(row);
  }
  const segments = [...groups.keys()].sort((a, b) => {
    const ka = kindRank(a);
    const kb = kindRank(b);
    if (ka !== kb) return ka - kb;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return segments.map((segment) => ({ segment, result: run(groups.get(segment) as Row[], segment) }));
}
