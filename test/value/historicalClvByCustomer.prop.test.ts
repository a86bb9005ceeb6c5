import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { historicalClv } from '../../src/value/historicalClv.ts';
import { historicalClvByCustomer } from '../../src/value/historicalClvByCustomer.ts';

interface Row {
  readonly who: string | number;
  readonly cents: number;
}

/** Transaction logs over a few customers (string and numeric ids), amounts as whole cents. */
const log = fc.array(
  fc.record({
    who: fc.oneof(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 0, max: 3 })),
    cents: fc.integer({ min: -1e9, max: 1e9 }),
  }),
  { maxLength: 60 },
);
const options = { customer: 'who', value: 'cents' } as const;

describe('historicalClvByCustomer properties', () => {
  test.prop([log], { numRuns: 200 })('has one entry per distinct customer, in first-seen order', (rows: Row[]) => {
    const firstSeen: Array<string | number> = [];
    for (const r of rows) if (!firstSeen.includes(r.who)) firstSeen.push(r.who);
    expect(historicalClvByCustomer(rows, options).map((e) => e.customer)).toEqual(firstSeen);
  });

  test.prop([log], { numRuns: 200 })(
    'agrees with historicalClv on each customer’s values and with a BigInt total',
    (rows: Row[]) => {
      for (const entry of historicalClvByCustomer(rows, options)) {
        const mine = rows.filter((r) => r.who === entry.customer).map((r) => r.cents);
        expect(entry.orders).toBe(mine.length);
        expect(entry.clv).toBe(historicalClv(mine));
        expect(entry.clv).toBe(Number(mine.reduce((acc, v) => acc + BigInt(v), 0n)));
      }
    },
  );

  test.prop([log], { numRuns: 200 })('accounts for every row and every cent', (rows: Row[]) => {
    const result = historicalClvByCustomer(rows, options);
    expect(result.reduce((n, e) => n + e.orders, 0)).toBe(rows.length);
    expect(result.reduce((s, e) => s + e.clv, 0)).toBe(historicalClv(rows.map((r) => r.cents)));
  });

  test.prop(
    [
      log.chain((rows) =>
        fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
      ),
    ],
    {
      numRuns: 200,
    },
  )('gives every customer the same value whatever the row order', ([rows, shuffled]) => {
    const byId = (entries: ReturnType<typeof historicalClvByCustomer>) =>
      new Map(entries.map((e) => [`${typeof e.customer}:${e.customer}`, [e.clv, e.orders]]));
    expect(byId(historicalClvByCustomer(shuffled, options))).toEqual(byId(historicalClvByCustomer(rows, options)));
  });

  test.prop([log, fc.double({ min: 0, max: 1, noNaN: true })], { numRuns: 200 })(
    'scales every customer by the margin',
    (rows: Row[], margin) => {
      const plain = historicalClvByCustomer(rows, options);
      const withMargin = historicalClvByCustomer(rows, { ...options, margin });
      expect(withMargin.map((e) => e.clv)).toEqual(plain.map((e) => margin * e.clv));
    },
  );

  test.prop(
    [
      log,
      fc.integer({ min: 0, max: 59 }),
      fc.oneof(fc.constant(Number.NaN), fc.constant('12'), fc.constant(null), fc.constant(Infinity)),
    ],
    { numRuns: 200 },
  )('rejects a bad value with its row index', (rows: Row[], at, bad) => {
    fc.pre(rows.length > 0);
    const index = at % rows.length;
    const broken = rows.map((r, i) => (i === index ? { ...r, cents: bad } : r));
    expect(() => historicalClvByCustomer(broken, options)).toThrow(`historicalClvByCustomer: row ${index}: value`);
  });
});
