// A small order log whose cohort tables are worked out by hand in the metric tests (month cohorts, UTC,
// observation end 2024-04-01T00:00:00Z).
//   Jan cohort: ann (Jan 5 $10, Jan 20 $30, Mar 2 $20), bob (Jan 31 23:59:59 $50, Feb 1 00:00 $25)
//   Feb cohort: cy (Feb 10 $40 twice — two orders on one day are one purchase by default, purchasePeriod 'day';
//   Apr 1 00:00 $5 — exactly at the end)
//   dee buys only after the observation end and is in no cohort.
export const orders = [
  { who: 'ann', at: '2024-01-05T10:00:00Z', amount: 10 },
  { who: 'ann', at: '2024-01-20T10:00:00Z', amount: 30 },
  { who: 'ann', at: '2024-03-02T10:00:00Z', amount: 20 },
  { who: 'bob', at: '2024-01-31T23:59:59Z', amount: 50 },
  { who: 'bob', at: '2024-02-01T00:00:00Z', amount: 25 },
  { who: 'cy', at: '2024-02-10T12:00:00Z', amount: 40 },
  { who: 'cy', at: '2024-02-10T12:00:00Z', amount: 40 },
  { who: 'cy', at: '2024-04-01T00:00:00Z', amount: 5 },
  { who: 'dee', at: '2024-05-01T00:00:00Z', amount: 100 },
] as const;

export const orderOptions = {
  customer: 'who',
  time: 'at',
  value: 'amount',
  period: 'month',
  observationEnd: '2024-04-01T00:00:00Z',
} as const;
