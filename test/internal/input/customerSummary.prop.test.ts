import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bgNbdConditionalExpectedPurchases,
  gammaGammaExpectedSpend,
  mbgNbdConditionalExpectedPurchases,
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
          (c: never) => gammaGammaExpectedSpend(gg, c),
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
});
