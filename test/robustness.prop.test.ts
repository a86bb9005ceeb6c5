import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.ts';
import { deepCopy } from './helpers/snapshot.ts';

// Every export of src/index.ts, called with arbitrary and near-valid arguments, must either return
// or throw a TypeError/RangeError whose message starts with its own name and whose fields (ErrorFields) name
// the function and the argument, and must not mutate its arguments. Functions added later are covered automatically.

const nastyNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    2,
    3,
    10,
    -1,
    0.5,
    1.5,
    1e308,
    -1e308,
    1e-300,
    Number.NaN,
    Infinity,
    -Infinity,
    Number.MAX_SAFE_INTEGER,
  ),
  fc.double(),
  fc.integer({ min: -5, max: 100 }),
);
const nastyValue = fc.oneof(
  nastyNumber,
  fc.constantFrom('20', '', 'x', '2024-13-01', '2024-03-05', null, undefined, true, [], {}),
);

// Field names the public API uses; generated records mix them with bad values.
const keys = [
  'start',
  'end',
  'acquired',
  'lost',
  'customers',
  'repeatCustomers',
  'orders',
  'revenue',
  'conversions',
  'opportunities',
  'spend',
  'newCustomers',
  'ltv',
  'cac',
  'acquisitionCost',
  'retentionCost',
  'contraction',
  'churned',
  'expansion',
  'promoters',
  'passives',
  'detractors',
  'score',
  'standardError',
  'n',
  'successes',
  'trials',
  'confidenceLevel',
  'scale',
  'satisfiedAt',
  'easyAt',
  'scores',
  'weight',
  'name',
  'margin',
  'averageOrderValue',
  'purchaseFrequency',
  'lifespan',
  'retention',
  'discountRate',
  'periods',
  'fromPeriods',
  'toPeriods',
  'customer',
  'time',
  'value',
  'period',
  'mode',
  'observationEnd',
  'timeZone',
  'frequency',
  'recency',
  'T',
  'monetaryValue',
  'params',
  'alpha',
  'beta',
  'r',
  'a',
  'b',
  'p',
  'q',
  'v',
  'horizon',
  'modelUnit',
  'threshold',
  'durations',
  'events',
  'weights',
  'bins',
  'unit',
  'model',
  'cohorts',
  'cohort',
  'column',
  'counts',
  'complete',
  'size',
  'label',
  'activityWindow',
  'from',
  'activeIn',
  'minEvents',
  'membership',
  'reference',
  'averageLower',
  'averageUpper',
] as const;
const nearValidRecord = fc.dictionary(
  fc.constantFrom(...keys),
  fc.oneof(nastyValue, fc.array(nastyValue, { maxLength: 4 })),
  { maxKeys: 6 },
);
const argument = fc.oneof(
  fc.anything({ withTypedArray: true, withSparseArray: true, maxDepth: 2 }),
  nastyValue,
  nearValidRecord,
  fc.array(nastyNumber, { maxLength: 6 }),
  fc.array(nearValidRecord, { maxLength: 4 }),
);

type AnyFunction = (...args: unknown[]) => unknown;
const functions: Array<[string, AnyFunction]> = Object.entries(lib as Record<string, unknown>).flatMap(
  ([name, value]) => (typeof value === 'function' ? [[name, value as AnyFunction] as [string, AnyFunction]] : []),
);

/**
 * Why the structured fields of an error (`ErrorFields`, issue #11 item 6) are wrong, or `undefined`: `function`
 * is the export called, `argument` a non-empty path, `value` a string, `row` a non-negative integer, `customer`
 * a string or number, and the fields serialise with `JSON.stringify`.
 */
function fieldProblem(name: string, error: Error): string | undefined {
  const fields = error as Error & Partial<Record<'function' | 'argument' | 'value' | 'row' | 'customer', unknown>>;
  if (fields.function !== name) return `function field ${String(fields.function)}`;
  if (typeof fields.argument !== 'string' || fields.argument === '') return 'empty argument field';
  if ('value' in fields && typeof fields.value !== 'string') return 'value field not a string';
  if ('row' in fields && !(Number.isInteger(fields.row) && (fields.row as number) >= 0))
    return 'row field not a non-negative integer';
  if ('customer' in fields && typeof fields.customer !== 'string' && typeof fields.customer !== 'number')
    return 'customer field not an id';
  try {
    JSON.stringify({ ...error });
  } catch {
    return 'fields do not serialise';
  }
  return undefined;
}

describe('robustness of every export', () => {
  it('exports functions', () => {
    expect(functions.length).toBeGreaterThan(0);
  });

  for (const [name, fn] of functions) {
    it(`${name} returns or throws its own TypeError/RangeError, never mutating arguments`, () => {
      // The streaming readers return a promise: its rejection must follow the same rules as a throw.
      return fc.assert(
        fc.asyncProperty(fc.array(argument, { maxLength: 4 }), async (args) => {
          const before = deepCopy(args);
          try {
            const result = fn(...args);
            if (result instanceof Promise) await result;
          } catch (error) {
            const ok =
              (error instanceof TypeError || error instanceof RangeError) && error.message.startsWith(`${name}: `);
            if (!ok) throw new Error(`${name} threw ${String(error)}`);
            const problem = fieldProblem(name, error);
            if (problem !== undefined)
              throw new Error(`${name}: ${problem} in ${JSON.stringify({ ...error })} of ${error.message}`);
          }
          expect(args).toStrictEqual(before);
        }),
        { numRuns: 150 },
      );
    });
  }
});
