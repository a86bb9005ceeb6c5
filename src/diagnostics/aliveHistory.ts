import { resolveDiagnosticModel } from '../internal/diagnostics.ts';
import type { TransactionModel } from '../internal/models/transactionModel.ts';
import { DAYS_PER_UNIT, type DurationUnit } from '../internal/time/periodKinds.ts';
import { createPeriodIndexer } from '../internal/time/indexer.ts';
import { requireTimeZone } from '../internal/time/zones.ts';
import { toEpochMs } from '../internal/time/parse.ts';
import { describeValue, rangeFail, readOptions, requireOneOf, typeFail, withDefault } from '../internal/validate.ts';
import type { Timestamp } from '../types.ts';

/** Options for {@link aliveHistory}. */
export interface AliveHistoryOptions {
  /** Time unit the model was fitted in (required). */
  readonly modelUnit: DurationUnit;
  /** Last day of the history (default: the last purchase). */
  readonly end?: Timestamp;
  /** Step between points: `'day'` (default) or `'week'` (every 7th day from the first purchase, and the end). */
  readonly step?: 'day' | 'week';
  /** IANA time zone of the calendar days (default `'UTC'`). */
  readonly timeZone?: string;
}

/** One point of {@link aliveHistory}: the customer as seen at the end of `date`. */
export interface AliveHistoryPoint {
  /** ISO date. */
  readonly date: string;
  /** Repeat purchase days so far (x). */
  readonly frequency: number;
  /** Time from the first to the last purchase day so far (tₓ), in model units. */
  readonly recency: number;
  /** Time since the first purchase (T), in model units. */
  readonly T: number;
  readonly probabilityAlive: number;
}

/** Longest history, in days (about 274 years), so no input can allocate without bound. */
const MAX_DAYS = 100_000;

/**
 * One customer's probability of being alive, day by day (or week by week) from their first purchase:
 * the "alive path" that shows how each purchase revives the customer and silence wears them down
 * (lifetimes' `calculate_alive_path` / `plot_history_alive`).
 *
 * Purchases are grouped per calendar day, as in the RFM summary. At the end of day d, with first
 * purchase day f and u = days per model unit:
 *
 * ```text
 * x(d)  = distinct purchase days ≤ d, minus 1
 * tₓ(d) = (last purchase day ≤ d − f)/u,   T(d) = (d − f)/u
 * P(alive)(d) = P(alive | x(d), tₓ(d), T(d))          (the model's own formula)
 * ```
 *
 * Under Pareto/NBD P(alive) is 1 on each purchase day; under BG/NBD it is below 1 after a repeat
 * purchase (a customer may drop out right after buying), and 1 before the first repeat.
 *
 * @param purchases - The customer's purchase times (`Date`, epoch ms or ISO strings; any order, duplicates allowed).
 * @param transaction - A fitted transaction model `{ model, params }`.
 * @param options - `modelUnit` (required), `end`, `step`, `timeZone`.
 * @returns One point per step from the first purchase day to `end` (the last point is `end` itself); empty without purchases.
 * @throws {TypeError} When an argument has the wrong type or a time is not a valid date.
 * @throws {RangeError} When `end` is before the first purchase, the history is longer than 100,000 days, a parameter is invalid, or the model is BG/BB (discrete opportunities).
 * @example
 * ```ts
 * import { aliveHistory } from 'loyalty-metrics';
 *
 * const transaction = { model: 'paretoNbd', params: { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.658 } } as const;
 * const path = aliveHistory(['2024-01-01', '2024-01-15', '2024-03-01'], transaction, { modelUnit: 'week', end: '2024-06-01', step: 'week' });
 * path[2]; // => { date: '2024-01-15', frequency: 1, recency: 2, T: 2, probabilityAlive: 1 }
 * // x = 2, tₓ = 60/7, T = 152/7 weeks: 0.5664 (an mpmath evaluation of the Pareto/NBD formula gives 0.566413469379)
 * path[path.length - 1]; // => { date: '2024-06-01', frequency: 2, recency: 8.571, T: 21.714, probabilityAlive: 0.5664 }
 * ```
 * @category Diagnostics
 */
export function aliveHistory(
  purchases: readonly Timestamp[],
  transaction: TransactionModel,
  options: AliveHistoryOptions,
): AliveHistoryPoint[] {
  const fn = 'aliveHistory';
  const model = resolveDiagnosticModel(fn, transaction);
  if (model.discrete)
    rangeFail(
      fn,
      "transaction.model ('bgBb') must be a continuous-time model: BG/BB counts whole opportunities, use bgBbProbabilityAlive on their summaries",
    );
  if (options === undefined) typeFail(fn, 'options must be an object with modelUnit, got undefined');
  const o = readOptions(fn, options, ['modelUnit', 'end', 'step', 'timeZone']);
  if (o.modelUnit === undefined) typeFail(fn, "modelUnit is required (the model's time unit, e.g. 'week')");
  const unit = requireOneOf<DurationUnit>(fn, 'modelUnit', o.modelUnit, Object.keys(DAYS_PER_UNIT) as DurationUnit[]);
  const stride =
    requireOneOf<'day' | 'week'>(fn, 'step', withDefault(o.step, 'day'), ['day', 'week']) === 'day' ? 1 : 7;
  const timeZone = requireTimeZone(fn, 'timeZone', withDefault(o.timeZone, 'UTC'));
  if (!Array.isArray(purchases))
    typeFail(fn, `purchases must be an array of timestamps, got ${describeValue(purchases)}`, {
      argument: 'purchases',
      value: purchases,
    });
  const days = createPeriodIndexer(fn, { period: 'day', timeZone, weekStartsOn: 1, yearStartsOn: 1 });
  const purchaseDays = [
    ...new Set(purchases.map((t, i) => days.index(toEpochMs(fn, t, `purchases[${i}]`, timeZone)))),
  ].sort((a, b) => a - b);
  const first = purchaseDays[0];
  if (first === undefined) return [];
  const endDay =
    o.end === undefined
      ? (purchaseDays[purchaseDays.length - 1] as number)
      : days.index(toEpochMs(fn, o.end, 'end', timeZone));
  if (endDay < first) rangeFail(fn, `end (${describeValue(o.end)}) must not be before the first purchase`);
  if (endDay - first > MAX_DAYS)
    rangeFail(fn, `end (${describeValue(o.end)}) is more than ${MAX_DAYS} days after the first purchase`);
  const u = DAYS_PER_UNIT[unit];
  const out: AliveHistoryPoint[] = [];
  let k = 0; // purchase days ≤ d
  for (let d = first; ; d = Math.min(d + stride, endDay)) {
    while (k < purchaseDays.length && (purchaseDays[k] as number) <= d) k++;
    const x = k - 1;
    const tx = ((purchaseDays[k - 1] as number) - first) / u;
    const T = (d - first) / u;
    out.push({
      date: days.label(d),
      frequency: x,
      recency: tx,
      T,
      probabilityAlive: model.kernel.probabilityAlive(model.params, x, tx, T),
    });
    if (d === endDay) break;
  }
  return out;
}
