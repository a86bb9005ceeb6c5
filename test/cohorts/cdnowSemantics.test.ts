import { describe, expect, it } from 'vitest';
import {
  buildCohorts,
  cohortAverageOrderValue,
  cohortPurchaseFrequency,
  cohortRepeatPurchaseRate,
  customerLifetimes,
  retentionMatrix,
  rfmSummary,
} from '../../src/index.ts';
import { expectClose } from '../helpers/expectClose.ts';
import { cdnowMasterTransactions } from '../rfm/cdnow.ts';

// Issue #16, "Definitions that differ between functions", on the full CDNOW log (test/fixtures/CDNOW_master.txt:
// 69,659 orders of 23,570 customers, 1997-01-01 … 1998-06-30, dates only). Every expected figure is either the
// issue's (measured there by hand) or counted by brute force from the raw rows right here, by string
// comparison of the ISO dates, sharing no code with src/.

const orders = cdnowMasterTransactions();
const log = {
  customer: orders.map((o) => o.customer),
  time: orders.map((o) => o.date),
  value: orders.map((o) => o.value),
};

/** First order date of each customer. */
const first = new Map<number, string>();
for (const o of orders) if (!(o.date >= (first.get(o.customer) ?? '9999'))) first.set(o.customer, o.date);
const january = [...first].filter(([, d]) => d.startsWith('1997-01')).map(([c]) => c);

describe('CDNOW: observationEnd has one meaning (issue #16, item 1)', () => {
  // 1997-03-25 is a Tuesday with orders, among them first orders: a cut at midnight would drop them.
  const end = '1997-03-25';
  const buyers = new Set(orders.filter((o) => o.date <= end).map((o) => o.customer));
  const firstOnEndDay = [...first.values()].filter((d) => d === end).length;

  it('counts the whole end day in every function taking observationEnd', () => {
    expect(firstOnEndDay).toBeGreaterThan(0);
    expect(rfmSummary(log, { observationEnd: end }).length).toBe(buyers.size);
    const index = buildCohorts(log, { period: 'month', observationEnd: end });
    expect(index.customers.length).toBe(buyers.size);
    const matrix = retentionMatrix(log, { period: 'day', observationEnd: end });
    expect(matrix.cohorts.reduce((s, c) => s + c.size, 0)).toBe(buyers.size);
    // the day's own cohort is there and its column 0 is complete: the day was observed whole
    const last = matrix.cohorts.at(-1);
    expect([last?.label, last?.size, last?.complete]).toEqual([end, firstOnEndDay, [true]]);
    expect(customerLifetimes(log, { churnAfter: 90, observationEnd: end }).customers.length).toBe(buyers.size);
    // the same as the last millisecond of the day, written as an instant
    expect(retentionMatrix(log, { period: 'day', observationEnd: '1997-03-25T23:59:59.999Z' })).toEqual(matrix);
  });

  it('observes the latest date of a log of dates whole by default: June 1998 is complete', () => {
    const m = retentionMatrix(log, { period: 'month' });
    expect(m.observationEnd).toBe(Date.UTC(1998, 6, 1) - 1);
    const jan = m.cohorts[0];
    expect(jan?.label).toBe('1997-01-01');
    expect(jan?.complete.length).toBe(18);
    expect(jan?.complete.every((x) => x)).toBe(true);
    expect(m).toEqual(retentionMatrix(log, { period: 'month', observationEnd: '1998-06-30' }));
    // the same dates as epoch ms are instants: June has only started at its last midnight
    const instants = { customer: log.customer, time: Float64Array.from(log.time, (d) => Date.parse(d)) };
    expect(retentionMatrix(instants, { period: 'month' }).cohorts[0]?.complete.at(-1)).toBe(false);
  });
});

describe('CDNOW: on-or-after cells are lower bounds until observed to the end (issue #16, item 2)', () => {
  /** Share of the January 1997 cohort with an order in 1998-01 or later, up to `end` (inclusive). */
  const onOrAfterMonth12 = (end: string): number =>
    new Set(
      orders
        .filter((o) => o.date >= '1998-01-01' && o.date <= end && january.includes(o.customer))
        .map((o) => o.customer),
    ).size / january.length;

  it('flags month 12 of January 1997 as a lower bound with data to 1998-02-01 and to 1998-07-01', () => {
    for (const [end, published] of [
      ['1998-02-01', 0.068],
      ['1998-07-01', 0.222],
    ] as const) {
      const m = retentionMatrix(log, { period: 'month', mode: 'onOrAfter', observationEnd: end });
      const jan = m.cohorts[0];
      expect(jan?.label).toBe('1997-01-01');
      // the figures to their 3 decimals, and the brute-force share exactly
      expectClose(jan?.rates[12] as number, published, { abs: 5e-4 });
      expectClose(jan?.rates[12] as number, onOrAfterMonth12(end));
      // month 12 (January 1998) has ended, but later months can still add to it
      expect([jan?.complete[12], jan?.final[12]]).toEqual([true, false]);
      // the last month of the matrix is in progress: no cohort is observed to the end, no final cell
      expect(m.cohorts.every((c) => c.final.every((x) => !x))).toBe(true);
      expect(m.average.every((x) => x === null)).toBe(true);
    }
  });

  it('makes the oldest cohort final once its last column has ended, and averages final cells only', () => {
    const m = retentionMatrix(log, { period: 'month', mode: 'onOrAfter', observationEnd: '1998-06-30' });
    const [jan, feb] = m.cohorts;
    expectClose(jan?.rates[12] as number, onOrAfterMonth12('1998-06-30'));
    expect(jan?.final.every((x) => x)).toBe(true);
    // February 1997 is observed to its column 16, one short of the matrix's column 17: lower bounds
    expect(feb?.complete.every((x) => x)).toBe(true);
    expect(feb?.final.some((x) => x)).toBe(false);
    m.average.forEach((x, k) => {
      expect(x).toBe(jan?.rates[k]);
    });
    // mode 'on' counts one column: complete cells are final
    const on = retentionMatrix(log, { period: 'month', observationEnd: '1998-02-01' });
    for (const c of on.cohorts) expect(c.final).toEqual(c.complete);
  });
});

describe('CDNOW: a purchase is a customer-day, everywhere (issue #16, item 3)', () => {
  const index = buildCohorts(log, { period: 'month' });
  const purchaseDays = new Set(orders.map((o) => `${o.customer} ${o.date}`)).size;
  const revenue = orders.reduce((s, o) => s + o.value, 0);

  it('gives the January 1997 repeat-purchase rate of month 0 as 9.60 % (10.76 % counting rows)', () => {
    // brute force: January customers with orders on two or more days of January 1997
    const days = new Map<number, Set<string>>();
    for (const o of orders)
      if (o.date.startsWith('1997-01') && january.includes(o.customer))
        days.set(o.customer, (days.get(o.customer) ?? new Set()).add(o.date));
    const twoDays = [...days.values()].filter((d) => d.size >= 2).length;
    const rate = cohortRepeatPurchaseRate(index).cohorts[0]?.rates[0] as number;
    expectClose(rate, twoDays / january.length);
    expectClose(rate, 0.096, { abs: 5e-5 });
    const rows = cohortRepeatPurchaseRate(buildCohorts(log, { period: 'month', purchasePeriod: 'event' }));
    expectClose(rows.cohorts[0]?.rates[0] as number, 0.1076, { abs: 5e-5 });
  });

  it('gives an average order value of $36.99 per purchase day ($35.89 per row), as rfmSummary counts them', () => {
    expect(purchaseDays).toBe(67_591);
    const withValues = buildCohorts(log, { period: 'month' });
    const aov = cohortAverageOrderValue(withValues);
    const sum = (xs: readonly number[][]): number => xs.reduce((s, x) => s + x.reduce((a, b) => a + b, 0), 0);
    const allOrders = sum(aov.cohorts.map((c) => c.orders));
    expect(allOrders).toBe(purchaseDays);
    expectClose(sum(aov.cohorts.map((c) => c.revenue)) / allOrders, revenue / purchaseDays, { rel: 1e-12 });
    expectClose(revenue / purchaseDays, 36.99, { abs: 0.005 });
    expectClose(revenue / orders.length, 35.89, { abs: 0.005 });
    // rfmSummary: frequency + 1 purchase days per customer
    const rfm = rfmSummary(log, {});
    expect(rfm.reduce((s, r) => s + r.frequency + 1, 0)).toBe(purchaseDays);
    expect(sum(cohortPurchaseFrequency(withValues).cohorts.map((c) => c.orders))).toBe(purchaseDays);
  });
});
