/**
 * The log reading of the period-flow functions (`periodRetention`, `customerLifecycle`): options by key list,
 * the one event-log reader, the activity bitset of the cohort build (calendar periods, every event starts and
 * counts), then the flows of `periodFlows.ts` and the periods to report (from `from`, else the first event's,
 * to the observation end's).
 * @internal
 * @module
 */
import { cohortActivity, usesDirectSlots } from './activityBits.ts';
import { type PeriodFlows, periodFlows } from './periodFlows.ts';
import { denseCustomers } from '../input/denseIds.ts';
import { readEventLog } from '../input/eventLog.ts';
import { type CohortSettings, readCohortSettings } from '../input/settings.ts';
import { toEpochMs } from '../time/parse.ts';

/** Option keys every period-flow function reads (plus its own). */
export const FLOW_KEYS = [
  'customer',
  'time',
  'period',
  'timeZone',
  'weekStartsOn',
  'yearStartsOn',
  'observationEnd',
  'from',
] as const;

/** One reported period. */
export interface FlowPeriod {
  readonly label: string;
  /** First instant (epoch ms). */
  readonly start: number;
  /** First instant of the next period (epoch ms, exclusive). */
  readonly end: number;
  /** Whether the period had ended by the observation end. */
  readonly complete: boolean;
  /** Index into the flow arrays. */
  readonly at: number;
}

/** What the public functions assemble their rows from. */
export interface FlowTable {
  readonly settings: CohortSettings;
  /** Observation end (epoch ms), `null` for an empty log without an explicit end. */
  readonly observationEnd: number | null;
  readonly periods: FlowPeriod[];
  readonly flows: PeriodFlows;
}

/**
 * Reads the log and computes the flows for an activity window of `w` periods.
 * @throws {TypeError} For invalid accessors, times, customer ids or `from`.
 * @throws {RangeError} For invalid period settings or a span too long for the period.
 * @example
 * ```ts
 * import { readFlowTable } from './flowInput.ts';
 *
 * const t = readFlowTable('customerLifecycle', { customer: [1, 1], time: ['2024-01-05', '2024-03-01'] }, { period: 'month' }, 1);
 * t.periods.map((p) => p.label); // => ['2024-01-01', '2024-02-01', '2024-03-01']
 * t.periods.map((p) => p.complete); // => [true, true, false]
 * readFlowTable('customerLifecycle', { customer: [1, 1], time: ['2024-01-05', '2024-03-01'] }, { period: 'month', from: '2024-02-10' }, 1).periods.length; // => 2
 * ```
 */
export function readFlowTable(
  fn: string,
  events: unknown,
  opts: { readonly [K in (typeof FLOW_KEYS)[number]]?: unknown },
  w: number,
): FlowTable {
  const settings = readCohortSettings(fn, {
    period: opts.period,
    timeZone: opts.timeZone,
    weekStartsOn: opts.weekStartsOn,
    yearStartsOn: opts.yearStartsOn,
    observationEnd: opts.observationEnd,
  });
  const from = opts.from === undefined ? undefined : toEpochMs(fn, opts.from, 'options.from', settings.timeZone);
  const log = readEventLog(
    fn,
    events,
    { customer: opts.customer, time: opts.time },
    {
      name: 'events',
      timeZone: settings.timeZone,
      value: false,
    },
  );
  const dense = usesDirectSlots(log, settings, false) ? null : denseCustomers(fn, log, log.smallIdMax);
  const act = cohortActivity(fn, log, settings, null, dense);
  const end = act.observationEnd;
  const { indexer } = settings;
  if (act.words === 0) {
    return {
      settings,
      observationEnd: Number.isNaN(end) ? null : end,
      periods: [],
      flows: periodFlows(act, 0, w),
    };
  }
  const span = indexer.index(end) - act.base + 1;
  const flows = periodFlows(act, span, w);
  const periods: FlowPeriod[] = [];
  const first = from === undefined ? 0 : Math.max(0, indexer.index(from) - act.base);
  for (let at = first; at < span; at++) {
    const p = at + act.base;
    const periodEnd = indexer.end(p);
    periods.push({ label: indexer.label(p), start: indexer.start(p), end: periodEnd, complete: periodEnd <= end, at });
  }
  return { settings, observationEnd: end, periods, flows };
}
