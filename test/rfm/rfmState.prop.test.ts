import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  finishRfmState,
  mergeRfmStates,
  rfmState,
  type RfmState,
  type RfmSummaryRow,
  rfmSummary,
} from '../../src/index.ts';
import { deepFreeze } from '../helpers/expectClose.ts';

// Incremental RFM states (issue 15, item 4). Money amounts (cents) make every value sum exact in a pair, so
// merges are associative to the bit and finishing equals rfmSummary to the bit; arbitrary doubles agree to the
// compensated sum's error bound.

const HOUR = 3_600_000;
const FROM = Date.UTC(2023, 8, 1);
const SPAN = 580 * 24;

interface Tx {
  readonly customer: string | number;
  readonly time: number;
  readonly value: number;
  readonly part: number;
}

const cents = fc.integer({ min: -2_000_000, max: 90_000_000 }).map((c) => c / 100);
const tx = (value: fc.Arbitrary<number>): fc.Arbitrary<Tx> =>
  fc.record({
    customer: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constantFrom('a', 'b', 'c', 'é', '3')),
    time: fc.integer({ min: 0, max: SPAN }).map((h) => FROM + h * HOUR),
    value,
    part: fc.integer({ min: 0, max: 3 }),
  });

const calendar = fc.record({
  period: fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'quarter' as const),
  timeZone: fc.constantFrom('UTC', 'Europe/Bucharest', 'America/New_York'),
  weekStartsOn: fc.integer({ min: 0, max: 6 }),
  yearStartsOn: fc.constantFrom(1, 4),
});
type Calendar = {
  period: 'day' | 'week' | 'month' | 'quarter';
  timeZone: string;
  weekStartsOn: number;
  yearStartsOn: number;
};

const finish = fc.record({
  unit: fc.option(fc.constantFrom('day' as const, 'week' as const, 'month' as const), { nil: undefined }),
  end: fc.option(
    fc.integer({ min: -48, max: SPAN + 48 }).map((h) => FROM + h * HOUR),
    { nil: undefined },
  ),
});

const columns = (log: readonly Tx[], values = true) => ({
  customer: log.map((t) => t.customer),
  time: log.map((t) => t.time),
  ...(values ? { value: log.map((t) => t.value) } : {}),
});
const parts = (log: readonly Tx[], cal: Calendar, values = true): RfmState[] =>
  [0, 1, 2, 3].map((p) =>
    rfmState(
      columns(
        log.filter((t) => t.part === p),
        values,
      ),
      cal,
    ),
  );

const byId = (a: RfmSummaryRow, b: RfmSummaryRow): number =>
  typeof a.customer === typeof b.customer
    ? a.customer < b.customer
      ? -1
      : a.customer > b.customer
        ? 1
        : 0
    : typeof a.customer === 'number'
      ? -1
      : 1;

describe('rfmState', () => {
  it('merges the parts of any split into the state of the whole log', () => {
    fc.assert(
      fc.property(fc.array(tx(cents), { maxLength: 60 }), calendar, fc.boolean(), (log, cal, values) => {
        expect(mergeRfmStates(parts(log, cal, values))).toEqual(rfmState(columns(log, values), cal));
      }),
      { numRuns: 150 },
    );
  });

  it('merges commutatively and associatively, to the bit', () => {
    fc.assert(
      fc.property(fc.array(tx(cents), { maxLength: 60 }), calendar, (log, cal) => {
        const [a, b, c] = parts(log, cal) as [RfmState, RfmState, RfmState];
        expect(mergeRfmStates([a, b])).toEqual(mergeRfmStates([b, a]));
        expect(mergeRfmStates([mergeRfmStates([a, b]), c])).toEqual(mergeRfmStates([a, mergeRfmStates([b, c])]));
        expect(mergeRfmStates([a, b, c])).toEqual(mergeRfmStates([c, b, a]));
      }),
      { numRuns: 120 },
    );
  });

  it('survives a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(fc.array(tx(cents), { maxLength: 60 }), calendar, (log, cal) => {
        const state = rfmState(columns(log), cal);
        const copy = JSON.parse(JSON.stringify(state)) as RfmState;
        expect(copy).toEqual(state);
        expect(finishRfmState(copy)).toEqual(finishRfmState(state));
      }),
      { numRuns: 100 },
    );
  });

  it("finishes to rfmSummary's rows on the whole log, to the bit (money amounts)", () => {
    fc.assert(
      fc.property(fc.array(tx(cents), { maxLength: 60 }), calendar, finish, fc.boolean(), (log, cal, f, values) => {
        const at = {
          ...(f.unit === undefined ? {} : { unit: f.unit }),
          ...(f.end === undefined ? {} : { observationEnd: f.end }),
        };
        const merged = deepFreeze(mergeRfmStates(parts(log, cal, values)));
        const oneShot = rfmSummary(deepFreeze(columns(log, values)), { ...cal, ...at });
        expect(finishRfmState(merged, at)).toEqual([...oneShot].sort(byId));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with rfmSummary within the compensated-sum bound for arbitrary doubles', () => {
    const anyValue = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.array(tx(anyValue), { maxLength: 40 }), calendar, (log, cal) => {
        const finished = finishRfmState(mergeRfmStates(parts(log, cal)));
        const oneShot = [...rfmSummary(columns(log), cal)].sort(byId);
        expect(finished.length).toBe(oneShot.length);
        finished.forEach((row, i) => {
          const other = oneShot[i] as RfmSummaryRow;
          expect({ ...row, monetaryValue: 0 }).toEqual({ ...other, monetaryValue: 0 });
          const scale = log.filter((t) => t.customer === row.customer).reduce((s, t) => s + Math.abs(t.value), 0);
          expect(Math.abs(row.monetaryValue - other.monetaryValue)).toBeLessThanOrEqual(1e-14 * scale + 1e-300);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('reads rows and columns alike', () => {
    fc.assert(
      fc.property(fc.array(tx(cents), { maxLength: 40 }), calendar, (log, cal) => {
        const rows = log.map((t) => ({ id: t.customer, at: new Date(t.time).toISOString(), v: t.value }));
        expect(rfmState(rows, { ...cal, customer: 'id', time: 'at', value: 'v' })).toEqual(rfmState(columns(log), cal));
      }),
      { numRuns: 60 },
    );
  });
});
