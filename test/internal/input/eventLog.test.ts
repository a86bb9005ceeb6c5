// The one event-log reader (src/internal/input/eventLog.ts): every input format reads to the same log, and every
// public function that takes an event or transaction log reports the same failure with the same class, message
// tail and error fields.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { readCohortExtras } from '../../../src/internal/input/cohortExtras.ts';
import { readEventLog } from '../../../src/internal/input/eventLog.ts';
import { LOG_VALUES } from '../../../src/internal/input/values.ts';
import {
  buildCohorts,
  calibrationHoldoutSplit,
  customerLifetimes,
  overdueCustomers,
  retentionMatrix,
  rfmSummary,
} from '../../../src/index.ts';
import { thrown } from '../../helpers/expectClose.ts';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);

const spec = { name: 'events', timeZone: 'UTC', value: LOG_VALUES, extras: readCohortExtras } as const;
const accessors = { customer: 'id', time: 'at', value: 'v' } as const;

/** The parts of a log that must not depend on the input format. */
function essence(log: ReturnType<typeof readEventLog>) {
  return {
    length: log.length,
    customers: Array.from(log.customers as ArrayLike<unknown>),
    times: Array.from(log.times),
    values: log.values === null ? null : Array.from(log.values),
    minMs: log.minMs,
    maxMs: log.maxMs,
    idMax: log.idMax,
    smallIdMax: log.smallIdMax,
    idRange: log.idRange,
  };
}

const rowArb = (ids: fc.Arbitrary<number | string>) =>
  fc.record({
    id: ids,
    at: fc.integer({ min: 0, max: 400 }).map((d) => START + d * DAY + 3_600_000),
    v: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  });

describe('readEventLog: one log whatever the input format', () => {
  test.prop([fc.array(rowArb(fc.integer({ min: 0, max: 5000 })), { maxLength: 60 })])(
    'integer ids: rows, an iterable of rows, plain columns and typed columns read alike',
    (rows) => {
      const fromRows = essence(readEventLog('retentionMatrix', rows, accessors, spec));
      const fromSet = essence(readEventLog('retentionMatrix', new Set(rows), accessors, spec));
      const plain = { customer: rows.map((r) => r.id), time: rows.map((r) => r.at), value: rows.map((r) => r.v) };
      const fromColumns = essence(readEventLog('retentionMatrix', plain, {}, spec));
      const typed = {
        customer: Int32Array.from(rows, (r) => r.id as number),
        time: Float64Array.from(rows, (r) => r.at as number),
        value: Float64Array.from(rows, (r) => r.v),
      };
      const fromTyped = essence(readEventLog('retentionMatrix', typed, {}, spec));
      expect(fromSet).toEqual(fromRows);
      expect(fromColumns).toEqual(fromRows);
      expect(fromTyped).toEqual(fromRows);
      // Dense ids index tables directly; the largest id is what the kernels size them by.
      if (rows.length > 0) expect(fromRows.idMax).toBe(Math.max(...rows.map((r) => r.id as number)));
    },
  );

  test.prop([fc.array(rowArb(fc.constantFrom('a', 'b', 'c', 7, 1.5, -3)), { maxLength: 40 })])(
    'mixed ids: rows and columns read alike, and no id indexes a table',
    (rows) => {
      const fromRows = essence(readEventLog('rfmSummary', rows, accessors, { ...spec, name: 'transactions' }));
      const columns = { customer: rows.map((r) => r.id), time: rows.map((r) => r.at), value: rows.map((r) => r.v) };
      expect(essence(readEventLog('rfmSummary', columns, {}, { ...spec, name: 'transactions' }))).toEqual(fromRows);
      if (rows.some((r) => typeof r.id !== 'number' || !Number.isInteger(r.id) || r.id < 0))
        expect(fromRows.idMax).toBe(-1);
    },
  );

  it('ISO strings and Date objects read to the same epoch ms as numbers', () => {
    const iso = readEventLog('buildCohorts', [{ id: 1, at: '2024-03-10T12:00:00Z', v: 1 }], accessors, spec);
    const date = readEventLog('buildCohorts', [{ id: 1, at: new Date('2024-03-10T12:00:00Z'), v: 1 }], accessors, spec);
    expect(Array.from(iso.times)).toEqual([Date.UTC(2024, 2, 10, 12)]);
    expect(Array.from(date.times)).toEqual([Date.UTC(2024, 2, 10, 12)]);
  });

  it('does not copy typed columns that are already what the kernels read', () => {
    const columns = { customer: new Int32Array([1, 2]), time: new Float64Array([0, DAY]), value: new Float64Array(2) };
    const log = readEventLog('retentionMatrix', columns, {}, spec);
    expect(log.times).toBe(columns.time);
    expect(log.customers).toBe(columns.customer);
  });

  it('reads cohort dates and filters only through the extras plug-in', () => {
    const rows = [
      { id: 1, at: START, v: 1, joined: '2023-12-01' },
      { id: 2, at: START, v: 2, joined: '2023-11-01' },
    ];
    const withExtras = readEventLog('buildCohorts', rows, { ...accessors, cohort: 'joined' }, spec);
    expect(Array.from(withExtras.cohorts ?? [])).toEqual([Date.UTC(2023, 11, 1), Date.UTC(2023, 10, 1)]);
    const without = readEventLog('rfmSummary', rows, accessors, {
      name: 'transactions',
      timeZone: 'UTC',
      value: LOG_VALUES,
    });
    expect(without.cohorts).toBeNull();
    expect(without.flags).toBeNull();
  });
});

// Every public function that reads a log, with the options it needs besides the log's own.
const LOG_FUNCTIONS: readonly [string, (log: unknown, accessorOptions: object) => unknown][] = [
  ['retentionMatrix', (log, o) => retentionMatrix(log as never, { ...o })],
  ['buildCohorts', (log, o) => buildCohorts(log as never, { ...o })],
  ['rfmSummary', (log, o) => rfmSummary(log as never, { ...o })],
  [
    'calibrationHoldoutSplit',
    (log, o) =>
      calibrationHoldoutSplit(
        log as never,
        { ...o, calibrationEnd: START + 100 * DAY, observationEnd: START + 200 * DAY } as never,
      ),
  ],
  ['overdueCustomers', (log, o) => overdueCustomers(log as never, { ...o, multiple: 2 } as never)],
  ['customerLifetimes', (log, o) => customerLifetimes(log as never, { ...o, churnAfter: 30 } as never)],
];

/** A bad log, as rows and as columns; `row` is the index of the bad row. */
const BAD_LOGS: readonly {
  readonly what: string;
  readonly rows: readonly Record<string, unknown>[];
  readonly kind: typeof TypeError | typeof RangeError;
  readonly field: string;
  readonly message: RegExp;
}[] = [
  {
    what: 'an empty-string customer id',
    rows: [
      { id: 'a', at: START },
      { id: '', at: START },
    ],
    kind: TypeError,
    field: 'customer',
    message: /customer must be a non-empty string or a finite number, got ""$/,
  },
  {
    what: 'a NaN customer id',
    rows: [
      { id: 'a', at: START },
      { id: Number.NaN, at: START },
    ],
    kind: RangeError,
    field: 'customer',
    message: /customer.*\(NaN\) must be a finite number$/,
  },
  {
    what: 'an invalid date',
    rows: [
      { id: 'a', at: START },
      { id: 'b', at: '2024-02-30' },
    ],
    kind: TypeError,
    field: 'time',
    message: /time "2024-02-30" is not a valid date$/,
  },
  {
    what: 'an object as time',
    rows: [
      { id: 'a', at: START },
      { id: 'b', at: { when: 'now' } },
    ],
    kind: TypeError,
    field: 'time',
    message: /time .* is not a valid date$/,
  },
];

describe('every log function reports a bad log the same way', () => {
  for (const bad of BAD_LOGS) {
    for (const [name, call] of LOG_FUNCTIONS) {
      it(`${name}: ${bad.what} in rows`, () => {
        const error = thrown(() => call(bad.rows, { customer: 'id', time: 'at' }));
        expect(error).toBeInstanceOf(bad.kind);
        expect(error.message.startsWith(`${name}: row 1: ${bad.field}`), error.message).toBe(true);
        expect(error.message).toMatch(bad.message);
        expect(error).toMatchObject({ function: name, row: 1 });
        expect((error as { argument?: string }).argument).toMatch(new RegExp(`\\[1\\]\\.${bad.field}$`));
      });
      it(`${name}: ${bad.what} in columns`, () => {
        const columns = { customer: bad.rows.map((r) => r.id), time: bad.rows.map((r) => r.at) };
        const error = thrown(() => call(columns, {}));
        expect(error).toBeInstanceOf(bad.kind);
        expect(error.message.startsWith(`${name}: ${bad.field}[1]`), error.message).toBe(true);
        expect(error).toMatchObject({ function: name, row: 1 });
        expect((error as { argument?: string }).argument).toMatch(new RegExp(`\\.${bad.field}\\[1\\]$`));
      });
    }
  }

  for (const [name, call] of LOG_FUNCTIONS) {
    it(`${name}: columns of unequal length are one RangeError naming both columns`, () => {
      const error = thrown(() => call({ customer: [1, 2], time: [START] }, {}));
      expect(error).toBeInstanceOf(RangeError);
      expect(error.message).toMatch(
        /^\w+: (events|transactions)\.time length \(1\) must equal \1\.customer length \(2\)$/,
      );
    });
    it(`${name}: neither rows nor columns is a TypeError`, () => {
      const error = thrown(() => call(42, {}));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(/must be an array or iterable of rows, or columns \{ customer, time \}, got 42$/);
    });
  }
});
