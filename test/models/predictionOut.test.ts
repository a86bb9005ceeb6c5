// The `out` option of the per-customer predictions: the results land in the caller's Float64Array, bit for bit
// the values of the default `number[]`, from every input shape (row objects, plain columns, Float64Array
// columns) and on both sides of the columns' fast paths; bad buffers are refused before anything is written.
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
  type BgBbCustomers,
  type ModelCustomers,
  type SpendCustomers,
} from '../../src/index.ts';
import { bgNbdParams, modelCustomer } from './arbitraries.ts';
import { expandedDonations } from './bgBb/donations.ts';
import { cdnowSummary, cdnowWithSpend } from './cdnow.ts';

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const MBG = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
const PARETO = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const BGBB = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
const GG = { p: 6.25, q: 3.74, v: 15.44 };

type Input = Record<string, ArrayLike<number>> | readonly Record<string, number>[];
type Predict = (input: Input, options?: { out?: Float64Array }) => number[] | Float64Array;

// every prediction with an `out` option, as (input, options) → result; casts only to call them uniformly
const predictions: Record<string, { predict: Predict; columns: readonly string[] }> = {
  bgNbdProbabilityAlive: {
    predict: (c, o) => bgNbdProbabilityAlive(BG, c as unknown as ModelCustomers, o),
    columns: ['frequency', 'recency', 'T'],
  },
  mbgNbdProbabilityAlive: {
    predict: (c, o) => mbgNbdProbabilityAlive(MBG, c as unknown as ModelCustomers, o),
    columns: ['frequency', 'recency', 'T'],
  },
  paretoNbdProbabilityAlive: {
    predict: (c, o) => paretoNbdProbabilityAlive(PARETO, c as unknown as ModelCustomers, o),
    columns: ['frequency', 'recency', 'T'],
  },
  bgNbdConditionalExpectedPurchases: {
    predict: (c, o) => bgNbdConditionalExpectedPurchases(BG, 39, c as unknown as ModelCustomers, o),
    columns: ['frequency', 'recency', 'T'],
  },
  mbgNbdConditionalExpectedPurchases: {
    predict: (c, o) => mbgNbdConditionalExpectedPurchases(MBG, 39, c as unknown as ModelCustomers, o),
    columns: ['frequency', 'recency', 'T'],
  },
  paretoNbdConditionalExpectedPurchases: {
    predict: (c, o) => paretoNbdConditionalExpectedPurchases(PARETO, 39, c as unknown as ModelCustomers, o),
    columns: ['frequency', 'recency', 'T'],
  },
  bgBbProbabilityAlive: {
    predict: (c, o) => bgBbProbabilityAlive(BGBB, c as unknown as BgBbCustomers, { futurePeriods: 1, ...o }),
    columns: ['frequency', 'recency', 'opportunities'],
  },
  bgBbConditionalExpectedPurchases: {
    predict: (c, o) =>
      bgBbConditionalExpectedPurchases(BGBB, c as unknown as BgBbCustomers, { futurePeriods: 5, ...o }),
    columns: ['frequency', 'recency', 'opportunities'],
  },
  gammaGammaExpectedSpend: {
    predict: (c, o) => gammaGammaExpectedSpend(GG, c as unknown as SpendCustomers, o),
    columns: ['frequency', 'monetaryValue'],
  },
};

const cdnow = cdnowSummary();
const spend = cdnowWithSpend();
const donations = expandedDonations();
/** Each prediction's real-data columns (CDNOW; the donations cohort for BG/BB) as plain arrays. */
function dataFor(name: string): Record<string, number[]> {
  if (name.startsWith('bgBb')) return donations;
  if (name.startsWith('gammaGamma'))
    return { frequency: spend.map((c) => c.frequency), monetaryValue: spend.map((c) => c.monetaryValue) };
  return { frequency: cdnow.frequency, recency: cdnow.recency, T: cdnow.T };
}
const float64 = (c: Record<string, ArrayLike<number>>) =>
  Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Float64Array.from(v)]));
const rows = (c: Record<string, ArrayLike<number>>): Record<string, number>[] => {
  const keys = Object.keys(c);
  const n = (c[keys[0] as string] as ArrayLike<number>).length;
  return Array.from({ length: n }, (_, i) =>
    Object.fromEntries(keys.map((k) => [k, (c[k] as ArrayLike<number>)[i] as number])),
  );
};
/** Runs `f`, expecting it to throw an error of class `type` with exactly `message`; returns the error. */
function thrown(f: () => unknown, type: typeof TypeError | typeof RangeError, message: string): Error {
  let caught: unknown;
  try {
    f();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(type);
  expect((caught as Error).message).toBe(message);
  return caught as Error;
}
const lengthOf = (input: Input) =>
  Array.isArray(input) ? input.length : (Object.values(input)[0] as ArrayLike<number>).length;

describe.each(Object.keys(predictions))('%s with options.out', (name) => {
  const { predict, columns } = predictions[name] as { predict: Predict; columns: readonly string[] };
  const plain = dataFor(name);
  const shapes: [string, Input][] = [
    ['Float64Array columns', float64(plain)],
    ['plain columns', plain],
    ['row objects', rows(plain)],
  ];

  it.each(shapes)('fills the buffer with the default result, bit for bit (%s, real data)', (_, input) => {
    const expected = predict(input);
    expect(Array.isArray(expected)).toBe(true);
    const out = new Float64Array(lengthOf(input)).fill(-123.5);
    const got = predict(input, { out });
    expect(got).toBe(out);
    expect(Array.from(out)).toEqual(expected);
    // again into the same buffer: the same values (nothing carried over from the first call)
    expect(Array.from(predict(input, { out }))).toEqual(expected);
  });

  it('refuses what is not a Float64Array, a buffer of the wrong length and one customer object', () => {
    const input = float64(plain);
    const n = lengthOf(input);
    thrown(
      () => predict(input, { out: Array.from({ length: n }, () => 0) as never }),
      TypeError,
      `${name}: options.out must be a Float64Array, got an array of length ${n}`,
    );
    expect(() => predict(input, { out: new Float32Array(n) as never })).toThrow(TypeError);
    thrown(
      () => predict(input, { out: new Float64Array(n + 1) }),
      RangeError,
      `${name}: options.out has length ${n + 1}; it needs one element per customer (${n})`,
    );
    const one = Object.fromEntries(columns.map((k) => [k, (plain[k] as number[])[0] as number]));
    thrown(
      () => predict(one as never, { out: new Float64Array(1) }),
      TypeError,
      `${name}: options.out needs many customers (an array or columns), got one customer object`,
    );
    // the error carries the argument, like every other
    const error = thrown(
      () => predict(input, { out: new Float64Array(1) }),
      RangeError,
      `${name}: options.out has length 1; it needs one element per customer (${n})`,
    );
    expect(error).toMatchObject({ function: name, argument: 'options.out', value: '1' });
  });

  it('refuses a buffer that shares memory with an input column, and takes a disjoint view of the same memory', () => {
    const n = (plain[columns[0] as string] as number[]).length;
    for (const column of columns) {
      const memory = new Float64Array(n * (columns.length + 1));
      const input = Object.fromEntries(
        columns.map((k, j) => {
          const view = memory.subarray(j * n, (j + 1) * n);
          view.set(plain[k] as number[]);
          return [k, view];
        }),
      );
      const j = columns.indexOf(column);
      // overlapping the column by one element, from either side
      const overlapping = memory.subarray(j * n + 1, j * n + 1 + n);
      const before = Float64Array.from(memory);
      thrown(
        () => predict(input, { out: overlapping }),
        RangeError,
        `${name}: options.out must not share memory with customer.${column}`,
      );
      expect(memory).toEqual(before); // nothing written
      const disjoint = memory.subarray(columns.length * n);
      expect(Array.from(predict(input, { out: disjoint }))).toEqual(predict(float64(plain)));
    }
  });

  it('throws the same error for a bad row with or without out', () => {
    const input = float64(plain);
    const bad = Float64Array.from(input.frequency as Float64Array);
    bad[3] = 1.5; // not an integer
    const broken = { ...input, frequency: bad };
    let plainError: unknown;
    try {
      predict(broken);
    } catch (error) {
      plainError = error;
    }
    expect(plainError).toBeInstanceOf(RangeError);
    const withOut = thrown(
      () => predict(broken, { out: new Float64Array(bad.length) }),
      RangeError,
      (plainError as Error).message,
    );
    expect({ ...withOut }).toEqual({ ...(plainError as object) });
  });

  it('rejects an unknown option next to out', () => {
    const input = float64(plain);
    expect(() => predict(input, { out: new Float64Array(lengthOf(input)), outt: 1 } as never)).toThrow(TypeError);
  });
});

describe('options.out over random customers', () => {
  it('BG/NBD, MBG/NBD and Pareto/NBD predictions into a dirty buffer equal the default, for any parameters', () => {
    fc.assert(
      fc.property(
        bgNbdParams,
        fc.array(modelCustomer(10_000), { minLength: 1, maxLength: 40 }),
        fc.double({ noNaN: true }),
        (params, customers, dirt) => {
          const columns = {
            frequency: Float64Array.from(customers, (c) => c.frequency),
            recency: Float64Array.from(customers, (c) => c.recency),
            T: Float64Array.from(customers, (c) => c.T),
          };
          const pareto = { r: params.r, alpha: params.alpha, s: params.a, beta: params.b };
          const cases: [number[], (out: Float64Array) => Float64Array][] = [
            [bgNbdProbabilityAlive(params, columns), (out) => bgNbdProbabilityAlive(params, columns, { out })],
            [mbgNbdProbabilityAlive(params, columns), (out) => mbgNbdProbabilityAlive(params, columns, { out })],
            [paretoNbdProbabilityAlive(pareto, columns), (out) => paretoNbdProbabilityAlive(pareto, columns, { out })],
            [
              bgNbdConditionalExpectedPurchases(params, 52, customers),
              (out) => bgNbdConditionalExpectedPurchases(params, 52, customers, { out }),
            ],
            [
              mbgNbdConditionalExpectedPurchases(params, 52, columns),
              (out) => mbgNbdConditionalExpectedPurchases(params, 52, columns, { out }),
            ],
          ];
          for (const [expected, into] of cases) {
            const out = new Float64Array(customers.length).fill(dirt);
            expect(Array.from(into(out))).toEqual(expected);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
