import { describe, expect, it } from 'vitest';
import { customerLifecycle, periodRetention } from '../../src/index.ts';
import { deepFreeze, expectThrows, thrown } from '../helpers/expectClose.ts';
import { cdnowTransactions } from '../rfm/cdnow.ts';

const D = 86_400_000;

describe('periodRetention: worked example', () => {
  // Hand-counted: a buys every month; b in January and April; c in January only; d from March.
  const events = deepFreeze([
    { user: 'a', at: '2024-01-02' },
    { user: 'b', at: '2024-01-05' },
    { user: 'c', at: '2024-01-31T23:00:00Z' },
    { user: 'a', at: '2024-02-10' },
    { user: 'a', at: '2024-03-10' },
    { user: 'd', at: '2024-03-15' },
    { user: 'a', at: '2024-04-01' },
    { user: 'b', at: '2024-04-20' },
  ]);
  it('counts S, E, N and the flows with a one-month window', () => {
    const r = periodRetention(events, { customer: 'user', time: 'at', period: 'month', observationEnd: '2024-05-01' });
    const pick = r.periods.map((p) => [
      p.label,
      p.customersAtStart,
      p.customersAtEnd,
      p.newCustomers,
      p.retained,
      p.reactivated,
      p.lost,
    ]);
    expect(pick).toEqual([
      ['2024-01-01', 0, 3, 3, 0, 0, 0],
      ['2024-02-01', 3, 1, 0, 1, 0, 2],
      ['2024-03-01', 1, 2, 1, 1, 0, 0],
      ['2024-04-01', 2, 2, 0, 1, 1, 1],
      ['2024-05-01', 2, 0, 0, 0, 0, 2],
    ]);
    const april = r.periods[3];
    expect(april?.retentionRate).toBe(1); // (E − N)/S = (2 − 0)/2: b's return hides d's loss
    expect(april?.retainedRate).toBe(0.5);
    expect(r.periods[0]?.retentionRate).toBeNaN();
    // May starts exactly at the observation end: observable, not complete
    expect(r.periods.map((p) => p.complete)).toEqual([true, true, true, true, false]);
  });
  it('a three-month window keeps b through its gap', () => {
    const r = periodRetention(events, { customer: 'user', time: 'at', period: 'month', activityWindow: 3 });
    // April: S = active Jan–Mar = {a, b, c, d}; E = active Feb–Apr = {a, b, d}; c is lost (last seen January)
    expect(r.periods[3]).toMatchObject({
      customersAtStart: 4,
      customersAtEnd: 3,
      retained: 3,
      lost: 1,
      reactivated: 0,
    });
    expect(r.activityWindow).toBe(3);
  });
  it('follows the time zone: 23:00 UTC on January 31 is February 1 in Bucharest', () => {
    const r = periodRetention(events, { customer: 'user', time: 'at', period: 'month', timeZone: 'Europe/Bucharest' });
    expect(r.periods[0]?.newCustomers).toBe(2);
    expect(r.periods[1]?.newCustomers).toBe(1);
  });
  it('gives the same result for rows and columns, and ignores events after observationEnd', () => {
    const columns = { customer: events.map((e) => e.user), time: events.map((e) => Date.parse(e.at)) };
    const opts = { period: 'month' as const, observationEnd: '2024-03-31' };
    const a = periodRetention(events, { customer: 'user', time: 'at', ...opts });
    expect(periodRetention(columns, opts)).toEqual(a);
    expect(a.periods.at(-1)).toMatchObject({ label: '2024-03-01', complete: false, customersAtEnd: 2 });
  });
});

describe('periodRetention: edge cases and errors', () => {
  it('an empty log has no periods', () => {
    expect(periodRetention([], { customer: 'u', time: 't' }).periods).toEqual([]);
    expect(periodRetention([], { customer: 'u', time: 't' }).observationEnd).toBeNull();
    expect(periodRetention({ customer: [], time: [] }, { observationEnd: 0 }).periods).toEqual([]);
  });
  it('an observation end before every event leaves nothing to report', () => {
    expect(periodRetention({ customer: [1], time: [10 * D] }, { observationEnd: 0 }).periods).toEqual([]);
  });
  it('a from after the observation end reports nothing; one before the log starts at the first event', () => {
    const cols = { customer: [1, 1], time: [0, 3 * D] };
    expect(periodRetention(cols, { from: 10 * D }).periods).toEqual([]);
    expect(periodRetention(cols, { from: -5 * D }).periods.map((p) => p.label)).toEqual([
      '1970-01-01',
      '1970-01-02',
      '1970-01-03',
      '1970-01-04',
    ]);
  });
  it('rejects a bad window, an unknown option and a bad row, naming them', () => {
    expectThrows(() => periodRetention([], { activityWindow: 0 }), RangeError, 'periodRetention', 'activityWindow');
    expect((thrown(() => periodRetention([], { activityWindow: 1.5 })) as { argument?: string }).argument).toBe(
      'options.activityWindow',
    );
    expectThrows(() => periodRetention([], { window: 2 } as never), TypeError, 'periodRetention', 'window');
    const bad = thrown(() =>
      periodRetention(
        [
          { u: 1, t: '2024-01-01' },
          { u: 2, t: 'soon' },
        ],
        { customer: 'u', time: 't' },
      ),
    );
    expect(bad).toBeInstanceOf(TypeError);
    expect((bad as { row?: number }).row).toBe(1);
    expectThrows(() => periodRetention([], { from: 'never' }), TypeError, 'periodRetention', 'from');
    expectThrows(() => periodRetention([], { period: 'fortnight' as never }), RangeError, 'periodRetention');
  });
});

describe('customerLifecycle', () => {
  it('classifies a hand-made log by the written rules', () => {
    const columns = {
      customer: ['a', 'a', 'a', 'b', 'b', 'c'],
      time: [0, D, 3 * D, D, 3 * D, 3 * D],
    };
    const days = customerLifecycle(columns, { period: 'day' }).periods;
    expect(days.map((d) => [d.active, d.new, d.returning, d.resurrecting, d.dormant])).toEqual([
      [1, 1, 0, 0, 0],
      [2, 1, 1, 0, 0],
      [0, 0, 0, 0, 2],
      [3, 1, 0, 2, 0],
    ]);
  });
  it('a first event inside the window is not new when the customer was seen before it', () => {
    const columns = { customer: [1, 1, 2], time: [0, 5 * D, 5 * D] };
    const from5 = customerLifecycle(columns, { period: 'day', from: 5 * D }).periods;
    expect(from5).toHaveLength(1);
    expect(from5[0]).toMatchObject({ active: 2, new: 1, resurrecting: 1, returning: 0, dormant: 0 });
  });
  it('an empty log has no periods; options are read by key list', () => {
    expect(customerLifecycle({ customer: [], time: [] }).periods).toEqual([]);
    expectThrows(() => customerLifecycle([], { activityWindow: 2 } as never), TypeError, 'customerLifecycle');
  });
});

// CDNOW sample (2,357 customers, January 1997 – June 1998; test/fixtures/README.md): the figures are computed a
// second way by DuckDB SQL straight from the definitions (a customer × month grid, no difference arrays).
describe('periodRetention on CDNOW against DuckDB', () => {
  it('gives the SQL counts for every month, windows of 1 and 3 months', async () => {
    const tx = cdnowTransactions();
    const columns = { customer: tx.map((t) => t.customer), time: tx.map((t) => Date.parse(t.date)) };
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create();
    const connection = await db.connect();
    const values = tx.map((t) => `(${t.customer}, DATE '${t.date}')`).join(',');
    await connection.run(`CREATE TABLE ev(customer INTEGER, d DATE); INSERT INTO ev VALUES ${values};`);
    for (const w of [1, 3]) {
      const sql = `
        WITH e AS (SELECT DISTINCT customer, date_diff('month', DATE '1997-01-01', d) AS m FROM ev),
        f AS (SELECT customer, min(m) AS f FROM e GROUP BY customer),
        months AS (SELECT unnest(range(0, 18)) AS p),
        g AS (
          SELECT p, customer, f,
            max(CASE WHEN m BETWEEN p - ${w} AND p - 1 THEN 1 ELSE 0 END) AS s,
            max(CASE WHEN m BETWEEN p - ${w} + 1 AND p THEN 1 ELSE 0 END) AS en
          FROM months CROSS JOIN f JOIN e USING (customer) GROUP BY p, customer, f)
        SELECT p, sum(s), sum(en), sum(CASE WHEN f = p THEN 1 ELSE 0 END),
          sum(s * en), sum(s * (1 - en)), sum(CASE WHEN en = 1 AND s = 0 AND f <> p THEN 1 ELSE 0 END)
        FROM g GROUP BY p ORDER BY p`;
      const expected = (await connection.runAndReadAll(sql)).getRows().map((r) => r.map(Number).slice(1));
      const ours = periodRetention(columns, { period: 'month', activityWindow: w }).periods;
      expect(ours).toHaveLength(18);
      expect(
        ours.map((p) => [p.customersAtStart, p.customersAtEnd, p.newCustomers, p.retained, p.lost, p.reactivated]),
      ).toEqual(expected);
      if (w === 3) {
        // The guide's example (docs/guides/choosing-a-retention-definition.md): November 1997, 3-month window.
        const nov = ours[10];
        expect(nov).toMatchObject({ label: '1997-11-01', customersAtStart: 388, customersAtEnd: 392, newCustomers: 0 });
        expect(nov).toMatchObject({ retained: 311, lost: 77, reactivated: 81 });
        expect(nov?.retentionRate).toBeCloseTo(392 / 388, 12); // (E − N)/S > 1
        expect(nov?.retainedRate).toBeCloseTo(311 / 388, 12);
      }
    }
    connection.closeSync();
  }, 60_000);
});
