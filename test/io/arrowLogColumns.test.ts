import {
  Dictionary,
  Float64,
  Int32,
  makeVector,
  Table,
  tableFromArrays,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  Utf8,
  vectorFromArray,
  DateDay,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrowLogColumns, parseCsvLog, retentionMatrix, rfmSummary } from 'loyalty-metrics';
import { thrown } from '../helpers/expectClose.ts';

const DAY = 86_400_000;
const options = { customer: 'user', time: 'at', value: 'amount' } as const;

describe('arrowLogColumns', () => {
  const users = ['ann', 'bob', 'ann', 'cy', 'bob'];
  const ms = [0, DAY, 10 * DAY, 3 * DAY, 12 * DAY];
  const amounts = [10, 4, 30, 7, 1];

  it('keeps the indices of a dictionary-encoded id column and a Float64Array of ms as they are', () => {
    const user = vectorFromArray(users, new Dictionary(new Utf8(), new Int32()));
    const at = makeVector(new Float64Array(ms));
    const amount = makeVector(new Float64Array(amounts));
    const table = new Table({ user, at, amount });
    const log = arrowLogColumns(table, options);
    expect(log.customerIds).toEqual(['ann', 'bob', 'cy']);
    expect(Array.from(log.customer)).toEqual([0, 1, 0, 2, 1]);
    // no copies: the table's own buffers
    expect(log.customer.buffer).toBe(user.data[0]?.values.buffer);
    expect(log.time.buffer).toBe(at.data[0]?.values.buffer);
    expect(log.value?.buffer).toBe(amount.data[0]?.values.buffer);
  });

  it('converts BigInt64Array timestamps of every unit', () => {
    const dates = ms.map((t) => new Date(t));
    for (const type of [new TimestampSecond(), new TimestampMillisecond(), new TimestampMicrosecond()]) {
      const table = new Table({
        user: vectorFromArray(users),
        at: vectorFromArray(dates, type),
        amount: vectorFromArray(amounts, new Float64()),
      });
      expect(table.getChild('at')?.toArray()).toBeInstanceOf(BigInt64Array);
      expect(Array.from(arrowLogColumns(table, options).time)).toEqual(ms);
    }
    // apache-arrow's builder does not take Dates for nanoseconds: build the column from its BigInt64Array
    const nanos = makeVector({
      type: new TimestampNanosecond(),
      data: BigInt64Array.from(ms, (t) => BigInt(t) * 1_000_000n),
    } as never);
    const table = new Table({ user: vectorFromArray(users), at: nanos });
    expect(Array.from(arrowLogColumns(table, { customer: 'user', time: 'at' }).time)).toEqual(ms);
  });

  it('reads Date32 days, integer epochs with timeUnit, and ISO strings', () => {
    const days = new Table({
      user: vectorFromArray(users),
      at: vectorFromArray(
        ms.map((t) => new Date(t)),
        new DateDay(),
      ),
    });
    expect(Array.from(arrowLogColumns(days, { customer: 'user', time: 'at' }).time)).toEqual(ms);
    const seconds = tableFromArrays({ user: users, at: Int32Array.from(ms, (t) => t / 1000) });
    expect(Array.from(arrowLogColumns(seconds, { customer: 'user', time: 'at', timeUnit: 'second' }).time)).toEqual(ms);
    const iso = tableFromArrays({ user: users, at: ms.map((t) => new Date(t).toISOString().slice(0, 10)) });
    expect(Array.from(arrowLogColumns(iso, { customer: 'user', time: 'at', timeZone: 'UTC' }).time)).toEqual(ms);
  });

  it('merges the dictionaries of several record batches', () => {
    const a = tableFromArrays({ user: ['x', 'y'], at: new Float64Array([0, DAY]) });
    const b = tableFromArrays({ user: ['y', 'z', 'x'], at: new Float64Array([2 * DAY, 3 * DAY, 4 * DAY]) });
    const table = a.concat(b);
    const log = arrowLogColumns(table, { customer: 'user', time: 'at' });
    expect(Array.from(log.customer, (c) => log.customerIds[c])).toEqual(['x', 'y', 'y', 'z', 'x']);
    expect(log.customerIds).toEqual(['x', 'y', 'z']);
  });

  it('gives retentionMatrix and rfmSummary the answers of the same log read from CSV', () => {
    const table = tableFromArrays({ user: users, at: new Float64Array(ms), amount: new Float64Array(amounts) });
    const csv = `user,at,amount\n${users.map((u, i) => `${u},${new Date(ms[i] as number).toISOString()},${amounts[i]}`).join('\n')}\n`;
    const fromArrow = arrowLogColumns(table, options);
    const fromCsv = parseCsvLog(csv, options);
    expect(rfmSummary(fromArrow)).toEqual(rfmSummary(fromCsv));
    expect(retentionMatrix(fromArrow)).toEqual(retentionMatrix(fromCsv));
  });

  describe('edge cases', () => {
    it('throws for a missing column, a null, different lengths or a bad unit', () => {
      const table = tableFromArrays({ user: users, at: new Float64Array(ms) });
      expect(thrown(() => arrowLogColumns(table, { customer: 'user', time: 'when' })).message).toBe(
        'arrowLogColumns: table has no column "when" (options.time)',
      );
      const nulls = new Table({
        user: vectorFromArray(['a', null, 'b']),
        at: vectorFromArray([0, 1, 2], new Float64()),
      });
      expect(thrown(() => arrowLogColumns(nulls, { customer: 'user', time: 'at' }))).toMatchObject({
        message: 'arrowLogColumns: customer[1] is null',
        row: 1,
      });
      const short = {
        getChild: (n: string) => (n === 'user' ? { toArray: () => ['a', 'b'] } : { toArray: () => [0] }),
      };
      expect(thrown(() => arrowLogColumns(short, { customer: 'user', time: 'at' }))).toBeInstanceOf(RangeError);
      expect(
        thrown(() => arrowLogColumns(table, { customer: 'user', time: 'at', timeUnit: 'day' as never })),
      ).toBeInstanceOf(RangeError);
      expect(thrown(() => arrowLogColumns({} as never, { customer: 'user', time: 'at' }))).toBeInstanceOf(TypeError);
    });

    it('reads an empty table', () => {
      const table = tableFromArrays({ user: [] as string[], at: new Float64Array(0) });
      expect(arrowLogColumns(table, { customer: 'user', time: 'at' }).customer).toHaveLength(0);
    });
  });
});
