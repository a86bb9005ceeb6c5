import fc from 'fast-check';

/** A random order log as columns: a few customers, times over ~14 months of 2024 (every half hour), values. */
export const orderLog = fc
  .array(
    fc.record({
      customer: fc.integer({ min: 0, max: 9 }),
      slot: fc.integer({ min: 0, max: 420 * 48 }),
      value: fc.integer({ min: -500, max: 5000 }).map((cents) => cents / 100),
    }),
    { maxLength: 40 },
  )
  .map((events) => ({
    customer: events.map((e) => e.customer),
    time: events.map((e) => Date.UTC(2024, 0, 1) + e.slot * 1_800_000),
    value: events.map((e) => e.value),
  }));

export const cohortSetup = fc.record({
  period: fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'quarter' as const, 'year' as const),
  windows: fc.constantFrom('calendar' as const, 'rolling' as const),
  timeZone: fc.constantFrom('UTC', 'Europe/Bucharest', 'America/New_York'),
});

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Purchases of a log by the library's default rule, counted by brute force: distinct (customer, local day in
 * `timeZone`) pairs, local days from Intl (no code shared with src/).
 */
export function purchaseDays(log: { customer: readonly number[]; time: readonly number[] }, timeZone: string): number {
  let f = dayFormats.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  const format = f;
  return new Set(log.time.map((t, i) => `${log.customer[i]} ${format.format(t)}`)).size;
}
