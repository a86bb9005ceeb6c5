import { describe, expect, it } from 'vitest';
import { historicalClvByCustomer } from '../../src/value/historicalClvByCustomer.ts';
import { deepFreeze, expectThrows } from '../helpers/expectClose.ts';

interface Order {
  readonly id: string | number;
  readonly amount: number;
}

describe('historicalClvByCustomer', () => {
  it('reproduces the worked example of the data README per customer', () => {
    // ../shared/data/README.md, "Simple metrics": purchases of 100, 200 and 300 → 600.
    const log: Order[] = [
      { id: 'ann', amount: 100 },
      { id: 'bob', amount: 40 },
      { id: 'ann', amount: 200 },
      { id: 'ann', amount: 300 },
    ];
    expect(historicalClvByCustomer(log, { customer: 'id', value: 'amount' })).toStrictEqual([
      { customer: 'ann', clv: 600, orders: 3 },
      { customer: 'bob', clv: 40, orders: 1 },
    ]);
  });

  it('returns customers in first-seen order, not sorted', () => {
    const log: Order[] = [
      { id: 'zoe', amount: 1 },
      { id: 'amy', amount: 2 },
      { id: 'max', amount: 3 },
      { id: 'amy', amount: 4 },
      { id: 'zoe', amount: 5 },
    ];
    expect(historicalClvByCustomer(log, { customer: 'id', value: 'amount' }).map((r) => r.customer)).toEqual([
      'zoe',
      'amy',
      'max',
    ]);
  });

  it('applies the margin to each customer total', () => {
    // By hand: ann 600 · 0.25 = 150, bob 40 · 0.25 = 10.
    const log: Order[] = [
      { id: 'ann', amount: 100 },
      { id: 'ann', amount: 200 },
      { id: 'bob', amount: 40 },
      { id: 'ann', amount: 300 },
    ];
    expect(historicalClvByCustomer(log, { customer: 'id', value: 'amount', margin: 0.25 })).toStrictEqual([
      { customer: 'ann', clv: 150, orders: 3 },
      { customer: 'bob', clv: 10, orders: 1 },
    ]);
  });

  it('reads rows through accessor functions that receive the row index', () => {
    const rows: Array<readonly [string, number]> = [
      ['a', 10],
      ['b', 20],
      ['a', 30],
    ];
    const seen: number[] = [];
    const result = historicalClvByCustomer(rows, {
      customer: (row) => row[0],
      value: (row, index) => {
        seen.push(index);
        return row[1];
      },
    });
    expect(result).toStrictEqual([
      { customer: 'a', clv: 40, orders: 2 },
      { customer: 'b', clv: 20, orders: 1 },
    ]);
    expect(seen).toEqual([0, 1, 2]);
  });

  it('accepts any iterable of rows', () => {
    function* log(): Generator<Order> {
      yield { id: 1, amount: 5 };
      yield { id: 2, amount: 7 };
      yield { id: 1, amount: 5 };
    }
    expect(historicalClvByCustomer(log(), { customer: 'id', value: 'amount' })).toStrictEqual([
      { customer: 1, clv: 10, orders: 2 },
      { customer: 2, clv: 7, orders: 1 },
    ]);
  });

  it('never mutates deep-frozen input and returns fresh objects', () => {
    const log = deepFreeze([
      { id: 'ann', amount: 100 },
      { id: 'ann', amount: 200 },
    ]);
    const result = historicalClvByCustomer(log, deepFreeze({ customer: 'id', value: 'amount' }));
    expect(result).toStrictEqual([{ customer: 'ann', clv: 300, orders: 2 }]);
    expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
  });

  it('sums each customer with compensation', () => {
    // Ten payments of 0.1 add up to exactly 1 (the exact sum of the doubles rounds to 1); naive addition gives 0.9999999999999999.
    const log = Array.from({ length: 10 }, () => ({ id: 'c', amount: 0.1 }));
    expect(historicalClvByCustomer(log, { customer: 'id', value: 'amount' })).toStrictEqual([
      { customer: 'c', clv: 1, orders: 10 },
    ]);
  });

  describe('edge cases', () => {
    it('returns an empty array for an empty log', () => {
      expect(historicalClvByCustomer([], { customer: 'id', value: 'amount' })).toEqual([]);
      expect(historicalClvByCustomer(new Set<Order>(), { customer: 'id', value: 'amount' })).toEqual([]);
    });

    it('handles one customer with one order, zero values and refunds', () => {
      expect(historicalClvByCustomer([{ id: 'x', amount: 0 }], { customer: 'id', value: 'amount' })).toStrictEqual([
        { customer: 'x', clv: 0, orders: 1 },
      ]);
      const withRefund: Order[] = [
        { id: 'x', amount: 80 },
        { id: 'x', amount: -30 },
      ];
      expect(historicalClvByCustomer(withRefund, { customer: 'id', value: 'amount' })).toStrictEqual([
        { customer: 'x', clv: 50, orders: 2 },
      ]);
    });

    it('counts duplicate rows as separate orders', () => {
      const row = { id: 'dup', amount: 25 };
      expect(historicalClvByCustomer([row, row, row], { customer: 'id', value: 'amount' })).toStrictEqual([
        { customer: 'dup', clv: 75, orders: 3 },
      ]);
    });

    it('treats the number 1 and the string "1" as different customers (no coercion)', () => {
      const log: Order[] = [
        { id: 1, amount: 10 },
        { id: '1', amount: 20 },
      ];
      expect(historicalClvByCustomer(log, { customer: 'id', value: 'amount' })).toStrictEqual([
        { customer: 1, clv: 10, orders: 1 },
        { customer: '1', clv: 20, orders: 1 },
      ]);
    });

    it('handles huge values with cancellation', () => {
      const log: Order[] = [
        { id: 'h', amount: 1e308 },
        { id: 'h', amount: 1 },
        { id: 'h', amount: -1e308 },
      ];
      expect(historicalClvByCustomer(log, { customer: 'id', value: 'amount' })).toStrictEqual([
        { customer: 'h', clv: 1, orders: 3 },
      ]);
    });
  });

  describe('error policy', () => {
    it('names the row index of a bad value', () => {
      const log = [
        { id: 'a', amount: 10 },
        { id: 'b', amount: 20 },
        { id: 'a', amount: '20' },
      ];
      expectThrows(
        () => historicalClvByCustomer(log, { customer: 'id', value: 'amount' }),
        TypeError,
        'historicalClvByCustomer',
        'row 2: value must be a number, got "20"',
      );
      expectThrows(
        () =>
          historicalClvByCustomer(
            [
              { id: 'a', amount: 1 },
              { id: 'a', amount: Number.NaN },
            ],
            { customer: 'id', value: 'amount' },
          ),
        RangeError,
        'historicalClvByCustomer',
        'row 1: value (NaN) must be a finite number',
      );
      expectThrows(
        () => historicalClvByCustomer([{ id: 'a' }], { customer: 'id', value: 'amount' }),
        TypeError,
        'historicalClvByCustomer',
        'row 0: value must be a number, got undefined',
      );
    });

    it('names the row index of a bad customer id', () => {
      expectThrows(
        () => historicalClvByCustomer([{ id: null, amount: 1 }], { customer: 'id', value: 'amount' }),
        TypeError,
        'historicalClvByCustomer',
        'row 0: customer must be a non-empty string or a finite number, got null',
      );
      expectThrows(
        () =>
          historicalClvByCustomer(
            [
              { id: 'a', amount: 1 },
              { id: '', amount: 1 },
            ],
            { customer: 'id', value: 'amount' },
          ),
        TypeError,
        'historicalClvByCustomer',
        'row 1: customer must be a non-empty string or a finite number, got ""',
      );
      expectThrows(
        () => historicalClvByCustomer([{ id: Number.NaN, amount: 1 }], { customer: 'id', value: 'amount' }),
        RangeError,
        'historicalClvByCustomer',
        'row 0: customer (NaN) must be a finite number',
      );
    });

    it('names the row index of a row that is not an object', () => {
      expectThrows(
        () => historicalClvByCustomer([{ id: 'a', amount: 1 }, null], { customer: 'id', value: 'amount' }),
        TypeError,
        'historicalClvByCustomer',
        'row 1: expected an object, got null',
      );
    });

    it('throws a TypeError for a bad log, options or accessor', () => {
      expectThrows(
        () => historicalClvByCustomer(42 as never, { customer: 'id', value: 'amount' }),
        TypeError,
        'historicalClvByCustomer',
        'transactions must be an array or iterable of rows, got 42',
      );
      expectThrows(
        () => historicalClvByCustomer([], undefined as never),
        TypeError,
        'historicalClvByCustomer',
        'options must be an object, got undefined',
      );
      expectThrows(
        () => historicalClvByCustomer([], { customer: 3, value: 'amount' } as never),
        TypeError,
        'historicalClvByCustomer',
        'customer must be a property name or a function, got 3',
      );
      expectThrows(
        () => historicalClvByCustomer([], { customer: 'id' } as never),
        TypeError,
        'historicalClvByCustomer',
        'value must be a property name or a function, got undefined',
      );
    });

    it('throws a RangeError for a margin outside [0, 1]', () => {
      expectThrows(
        () => historicalClvByCustomer([], { customer: 'id', value: 'amount', margin: 2 }),
        RangeError,
        'historicalClvByCustomer',
        'margin (2) must be between 0 and 1',
      );
    });
  });
});
