import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bgBbConditionalExpectedPurchases,
  bgBbProbabilityAlive,
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  gammaGammaExpectedSpend,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdProbabilityAlive,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdProbabilityAlive,
} from '../../../src/index.ts';
import { readCustomers } from '../../../src/internal/input/customerSummary.ts';
import { thrown } from '../../helpers/expectClose.ts';

// The customer reader has fast paths (Float64Array columns checked in place, other columns copied in
// tight loops, rows in one pass) and the row-by-row path that words the errors. These properties hold
// the fast paths to the row-by-row one: same values in every shape, and for a bad value the same error
// (class, message, row, argument path) as the row-by-row reading of that row alone.

interface Row {
  frequency: unknown;
  recency: unknown;
  T: unknown;
  monetaryValue: unknown;
}

const validRow = fc
  .record({
    x: fc.integer({ min: 0, max: 50 }),
    tx: fc.double({ min: 0, max: 100, noNaN: true }),
    extra: fc.double({ min: 0, max: 100, noNaN: true }),
    m: fc.double({ min: 0.01, max: 500, noNaN: true }),
  })
  .map(({ x, tx, extra, m }): Row => ({ frequency: x, recency: x === 0 ? 0 : tx, T: tx + extra, monetaryValue: m }));

const badValue: Record<keyof Row, fc.Arbitrary<unknown>> = {
  frequency: fc.constantFrom(-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '2', null, undefined),
  recency: fc.constantFrom(-1, Number.NaN, 1e9, '3', undefined),
  T: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -5, '5', null),
  monetaryValue: fc.constantFrom(-1, 0, Number.NaN, '9', undefined),
};

const columns = (rows: Row[], field: keyof Row) => rows.map((r) => r[field]);
type Shape = 'rows' | 'arrays' | 'float64';
const FIELDS = ['frequency', 'recency', 'T', 'monetaryValue'] as const;
function shaped(rows: Row[], shape: Shape): unknown {
  if (shape === 'rows') return rows;
  const cols = Object.fromEntries(FIELDS.map((f) => [f, columns(rows, f)]));
  if (shape === 'arrays') return cols;
  // Float64Array columns hold numbers only: a string becomes NaN (still a bad value, now a RangeError)
  return Object.fromEntries(FIELDS.map((f) => [f, Float64Array.from(cols[f] as unknown[], (v) => Number(v))]));
}
const SHAPES: Shape[] = ['rows', 'arrays', 'float64'];

describe('readCustomers fast paths', () => {
  it('reads the same values from rows, plain columns and Float64Array columns', () => {
    fc.assert(
      fc.property(fc.array(validRow, { minLength: 1, maxLength: 40 }), fc.boolean(), (rows, monetary) => {
        const opts = { monetary };
        const read = SHAPES.map((s) => readCustomers('f', 'customers', shaped(rows, s), opts));
        for (const r of read) {
          expect(Array.from(r.frequency)).toEqual(rows.map((c) => c.frequency));
          expect(Array.from(r.recency)).toEqual(rows.map((c) => c.recency));
          expect(Array.from(r.T)).toEqual(rows.map((c) => c.T));
          if (monetary) expect(Array.from(r.monetaryValue as Float64Array)).toEqual(rows.map((c) => c.monetaryValue));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('throws for the first bad row what the row-by-row reading of that row alone throws', () => {
    fc.assert(
      fc.property(
        fc.array(validRow, { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.constantFrom(...FIELDS),
        fc.constantFrom(...SHAPES),
        fc.boolean(),
        (rows, at, field, shape, monetary) => {
          const k = at % rows.length;
          return fc.assert(
            fc.property(badValue[field], (bad) => {
              const broken = rows.map((r, i) => (i === k ? { ...r, [field]: bad } : r));
              const opts = { monetary };
              const input = shaped(broken, shape);
              const row =
                shape === 'float64' ? (shaped([broken[k] as Row], 'float64') as Record<string, Float64Array>) : null;
              const one = row
                ? Object.fromEntries(FIELDS.map((f) => [f, (row[f] as Float64Array)[0]]))
                : (broken[k] as Row);
              let expected: Error | undefined;
              try {
                readCustomers('f', 'customers', [one], opts); // that row alone
              } catch (e) {
                expected = e as Error;
              }
              if (!expected) {
                // not bad for this function (a monetary value when monetary is off)
                expect(() => readCustomers('f', 'customers', input, opts)).not.toThrow();
                return;
              }
              const error = thrown(() => readCustomers('f', 'customers', input, opts)) as Error & {
                row?: number;
                argument?: string;
              };
              expect(error.constructor).toBe(expected.constructor);
              expect(error.message).toBe(expected.message.replace('row 0:', `row ${k}:`));
              expect(error.row).toBe(k);
              const name = (expected as { argument?: string }).argument?.split('.').pop() as string; // customers[0].name
              expect(error.argument).toBe(shape === 'rows' ? `customers[${k}].${name}` : `customers.${name}[${k}]`);
            }),
            { numRuns: 3 },
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('predictions are the same in every shape, equal the one-customer calls bit for bit, and leave the input alone', () => {
    fc.assert(
      fc.property(fc.array(validRow, { minLength: 1, maxLength: 30 }), (rows) => {
        const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
        const pn = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
        const gg = { p: 6.25, q: 3.74, v: 15.44 };
        const f64 = shaped(rows, 'float64') as Record<string, Float64Array>;
        const before = FIELDS.map((f) => Array.from(f64[f] as Float64Array));
        const preds = [
          (c: never) => bgNbdConditionalExpectedPurchases(bg, 39, c),
          (c: never) => mbgNbdConditionalExpectedPurchases(bg, 39, c),
          (c: never) => paretoNbdProbabilityAlive(pn, c),
          (c: never) => paretoNbdConditionalExpectedPurchases(pn, 39, c),
          (c: never) => bgNbdProbabilityAlive(bg, c),
          (c: never) => mbgNbdProbabilityAlive(bg, c),
          (c: never) => gammaGammaExpectedSpend(gg, c),
          (c: never) => gammaGammaExpectedSpend(gg, c, { nonPositiveSpend: 'throw' }),
        ];
        for (const predict of preds) {
          const single = rows.map((r) => predict(r as never) as unknown as number);
          for (const s of SHAPES) expect(predict(shaped(rows, s) as never)).toEqual(single);
        }
        expect(FIELDS.map((f) => Array.from(f64[f] as Float64Array))).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  it('memoised terms: many repeated and many distinct (x, T) give the one-customer values bit for bit', () => {
    const n = 6000;
    const bg = { r: 0.8, alpha: 3, a: 1.3, b: 2.1 };
    for (const distinct of [true, false]) {
      const frequency = new Float64Array(n);
      const recency = new Float64Array(n);
      const T = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        frequency[i] = i % 4;
        T[i] = distinct ? 10 + i / 7 : 10 + (i % 9);
        recency[i] = frequency[i] === 0 ? 0 : (T[i] as number) / 2;
      }
      const all = bgNbdConditionalExpectedPurchases(bg, 13, { frequency, recency, T });
      for (let i = 0; i < n; i += 97) {
        const one = bgNbdConditionalExpectedPurchases(bg, 13, {
          frequency: frequency[i] as number,
          recency: recency[i] as number,
          T: T[i] as number,
        });
        expect(all[i]).toBe(one);
      }
    }
  });

  it('predictions that check Float64Array columns inside their loop throw what the row-by-row reading throws', () => {
    const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const gg = { p: 6.25, q: 3.74, v: 15.44 };
    const preds = [
      (c: never) => bgNbdProbabilityAlive(bg, c),
      (c: never) => mbgNbdProbabilityAlive(bg, c),
      (c: never) => gammaGammaExpectedSpend(gg, c),
      (c: never) => gammaGammaExpectedSpend(gg, c, { nonPositiveSpend: 'throw' }),
    ];
    fc.assert(
      fc.property(
        fc.array(validRow, { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.constantFrom(...FIELDS),
        fc.constantFrom(-1, 1.5, 0, Number.NaN, Number.POSITIVE_INFINITY, 1e9),
        fc.nat({ max: preds.length - 1 }),
        (rows, at, field, bad, which) => {
          const predict = preds[which] as (c: never) => unknown;
          const k = at % rows.length;
          const broken = rows.map((r, i) => (i === k ? { ...r, [field]: bad } : r));
          let expected: Error | undefined;
          try {
            predict(broken as never);
          } catch (e) {
            expected = e as Error;
          }
          const input = shaped(broken, 'float64');
          if (!expected) {
            expect(predict(input as never)).toEqual(predict(broken as never));
            return;
          }
          const error = thrown(() => predict(input as never)) as Error & { row?: number; argument?: string };
          expect(error.constructor).toBe(expected.constructor);
          expect(error.message).toBe(expected.message);
          expect(error.row).toBe(k);
          const path = (expected as { argument?: string }).argument?.replace(`[${k}].`, '.');
          expect(error.argument).toBe(`${path}[${k}]`); // customers[k].T → customers.T[k]
        },
      ),
      { numRuns: 300 },
    );
  });

  it('BG/BB over Float64Array columns: the row values bit for bit, per-pattern memo on or off, the same errors', () => {
    const p = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
    for (const patterns of [22, 100_000]) {
      const n = 5000;
      const frequency = new Float64Array(n);
      const recency = new Float64Array(n);
      const opportunities = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const j = i % patterns;
        const periods = 1 + (j % 400); // 22 patterns, or 4,747 of 5,000 rows new (the memo switches off)
        const last = (j * 7) % (periods + 1);
        opportunities[i] = periods;
        recency[i] = last;
        frequency[i] = last === 0 ? 0 : 1 + ((j * 13) % last);
      }
      const columns = { frequency, recency, opportunities };
      const alive = bgBbProbabilityAlive(p, columns);
      const expected = bgBbConditionalExpectedPurchases(p, columns, { futurePeriods: 5 });
      for (let i = 0; i < n; i += 47) {
        const one = {
          frequency: frequency[i] as number,
          recency: recency[i] as number,
          opportunities: opportunities[i] as number,
        };
        expect(alive[i]).toBe(bgBbProbabilityAlive(p, one));
        expect(expected[i]).toBe(bgBbConditionalExpectedPurchases(p, one, { futurePeriods: 5 }));
      }
    }
    const rows = [
      { frequency: 2, recency: 4, opportunities: 6 },
      { frequency: 3, recency: 2, opportunities: 6 },
    ];
    const f64 = {
      frequency: Float64Array.of(2, 3),
      recency: Float64Array.of(4, 2),
      opportunities: Float64Array.of(6, 6),
    };
    expect(thrown(() => bgBbProbabilityAlive(p, f64)).message).toBe(
      thrown(() => bgBbProbabilityAlive(p, rows)).message,
    );
  });
});
