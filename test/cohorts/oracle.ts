// A brute-force, obviously-correct cohort oracle for the property tests. It shares no code with src/: local
// dates come straight from Intl.DateTimeFormat (one call per instant), calendar keys from Date.UTC, and the
// matrix is computed cell by cell from per-customer sets of active columns, exactly as the contract words it.

export type OraclePeriod = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface OracleEvent {
  readonly customer: string | number;
  readonly time: number; // epoch ms
  readonly start: boolean; // may start a cohort
  readonly active: boolean; // counts as activity
  readonly cohort?: number; // cohort date (epoch ms), when cohort dates are used
}

export interface OracleOptions {
  readonly period: OraclePeriod;
  readonly windows: 'calendar' | 'rolling';
  readonly timeZone: string;
  readonly weekStartsOn: number;
  readonly observationEnd?: number;
  readonly mode: 'on' | 'onOrAfter' | 'brackets';
  readonly brackets?: readonly (readonly [number, number])[];
  readonly useCohortDates?: boolean;
}

export interface OracleCohort {
  label: string;
  size: number;
  counts: number[];
  complete: boolean[];
  final: boolean[];
}

const DAY = 86_400_000;
const WINDOW: Record<OraclePeriod, number> = {
  day: DAY,
  week: 7 * DAY,
  month: 30 * DAY,
  quarter: 91 * DAY,
  year: 365 * DAY,
};

const formats = new Map<string, Intl.DateTimeFormat>();
function localYmd(ms: number, timeZone: string): [number, number, number] {
  let f = formats.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    formats.set(timeZone, f);
  }
  const parts = f.formatToParts(ms);
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value);
  return [get('year'), get('month'), get('day')];
}

const iso = (dayNumber: number): string => new Date(dayNumber * DAY).toISOString().slice(0, 10);

/** Consecutive integer key of the calendar period containing `ms`, and the ISO date of its first day. */
export function oraclePeriod(
  ms: number,
  period: OraclePeriod,
  timeZone: string,
  weekStartsOn: number,
): { key: number; label: string } {
  const [y, m, d] = localYmd(ms, timeZone);
  const dayNumber = Date.UTC(y, m - 1, d) / DAY;
  switch (period) {
    case 'day':
      return { key: dayNumber, label: iso(dayNumber) };
    case 'week': {
      const weekday = new Date(dayNumber * DAY).getUTCDay();
      const first = dayNumber - ((weekday - weekStartsOn + 7) % 7);
      return { key: Math.floor(first / 7), label: iso(first) };
    }
    case 'month':
      return { key: y * 12 + m - 1, label: iso(Date.UTC(y, m - 1, 1) / DAY) };
    case 'quarter': {
      const q = Math.floor((m - 1) / 3);
      return { key: y * 4 + q, label: iso(Date.UTC(y, 3 * q, 1) / DAY) };
    }
    default:
      return { key: y, label: iso(Date.UTC(y, 0, 1) / DAY) };
  }
}

export function oracleRetention(
  events: readonly OracleEvent[],
  o: OracleOptions,
): { cohorts: OracleCohort[]; average: (number | null)[] } {
  if (events.length === 0 && o.observationEnd === undefined) return { cohorts: [], average: [] };
  const end = o.observationEnd ?? Math.max(...events.map((e) => e.time));
  const key = (ms: number) => oraclePeriod(ms, o.period, o.timeZone, o.weekStartsOn);
  const endKey = key(end).key;
  // Observed until: the next local midnight when the end is a day's last millisecond (a date-only end).
  const dayOf = (ms: number) => oraclePeriod(ms, 'day', o.timeZone, o.weekStartsOn).key;
  const until = dayOf(end + 1) !== dayOf(end) ? end + 1 : end;
  const untilKey = key(until).key;
  const w = WINDOW[o.period];

  // Each customer's start instant.
  const starts = new Map<string | number, number>();
  for (const e of events) {
    const s = o.useCohortDates ? (e.cohort as number) : e.start && e.time <= end ? e.time : Number.POSITIVE_INFINITY;
    if (s < (starts.get(e.customer) ?? Number.POSITIVE_INFINITY)) starts.set(e.customer, s);
  }
  for (const [c, s] of starts) if (!(s <= end)) starts.delete(c);

  // Each customer's set of active columns.
  const active = new Map<string | number, Set<number>>();
  for (const c of starts.keys()) active.set(c, new Set());
  for (const e of events) {
    const s = starts.get(e.customer);
    if (s === undefined || !e.active || e.time > end) continue;
    const col = o.windows === 'rolling' ? Math.floor((e.time - s) / w) : key(e.time).key - key(s).key;
    if (col >= 0) active.get(e.customer)?.add(col);
  }

  // Group customers by cohort period.
  const groups = new Map<number, { label: string; members: (string | number)[] }>();
  for (const [c, s] of starts) {
    const p = key(s);
    const g = groups.get(p.key) ?? { label: p.label, members: [] };
    g.members.push(c);
    groups.set(p.key, g);
  }
  const cohorts: OracleCohort[] = [];
  for (const cohortKey of [...groups.keys()].sort((a, b) => a - b)) {
    const g = groups.get(cohortKey)!;
    const memberStarts = g.members.map((c) => starts.get(c)!);
    const minStart = Math.min(...memberStarts);
    const maxStart = Math.max(...memberStarts);
    const observable = (k: number): boolean =>
      o.windows === 'rolling' ? minStart + k * w <= end : cohortKey + k <= endKey;
    const complete = (k: number): boolean =>
      o.windows === 'rolling' ? maxStart + (k + 1) * w <= until : cohortKey + k + 1 <= untilKey;
    const counts: number[] = [];
    const completeFlags: boolean[] = [];
    if (o.mode === 'brackets') {
      for (const [from, to] of o.brackets ?? []) {
        if (!observable(from)) break;
        counts.push(g.members.filter((c) => [...active.get(c)!].some((j) => j >= from && j <= to)).length);
        completeFlags.push(complete(to));
      }
    } else {
      for (let k = 0; observable(k); k++) {
        counts.push(
          g.members.filter((c) => [...active.get(c)!].some((j) => (o.mode === 'on' ? j === k : j >= k))).length,
        );
        completeFlags.push(complete(k));
      }
    }
    cohorts.push({ label: g.label, size: g.members.length, counts, complete: completeFlags, final: [] });
  }
  const width = Math.max(0, ...cohorts.map((c) => c.counts.length));
  // A cell is final when complete; on or after, only once its cohort is observed through the last column.
  for (const c of cohorts) {
    const whole = c.counts.length === width && c.complete[width - 1] === true;
    c.final = c.complete.map((x) => x && (o.mode !== 'onOrAfter' || whole));
  }
  const average: (number | null)[] = [];
  for (let k = 0; k < width; k++) {
    const qualifying = cohorts.filter((c) => c.final[k] === true);
    const size = qualifying.reduce((s, c) => s + c.size, 0);
    average.push(size === 0 ? null : qualifying.reduce((s, c) => s + c.counts[k]!, 0) / size);
  }
  return { cohorts, average };
}
