/**
 * Streams a transaction or event log into parallel typed arrays (customer number, epoch ms, value), the
 * columnar input of the library's cohort and RFM functions. Customer ids are interned, so memory is
 * 12–20 bytes per row plus one string per customer: no object per row.
 * @module
 */
import { toEpochMs } from '../internal/time/parse.ts';
import type { CommandContext } from './command.ts';
import { idCell, numberCell } from './command.ts';
import { InputError } from './input.ts';

/** Column names of a transaction log. */
export interface TransactionColumnNames {
  readonly customer: string;
  readonly time: string;
  readonly value?: string | undefined;
}

/** The log as columns; `customer[i]` indexes `names`. */
export interface TransactionColumns {
  readonly customer: Int32Array;
  readonly time: Float64Array;
  readonly value: Float64Array | undefined;
  /** Customer ids in order of first appearance. */
  readonly names: readonly string[];
  readonly length: number;
  /** The latest time cell as written (the first of them), e.g. `'1998-06-30'`; `undefined` for no rows. */
  readonly latest: unknown;
}

class Growable<T extends Int32Array | Float64Array> {
  data: T;
  length = 0;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024);
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

/**
 * Reads the whole input into columns. Times are parsed as the library parses them (epoch ms, ISO 8601
 * dates, date-times with or without offset in `timeZone`); bad cells are reported with their line.
 * @example
 * ```ts
 * import { readTransactionColumns } from './columns.ts';
 *
 * const log = [
 *   { id: 'a', at: '2024-01-01T12:00', amount: '10' },
 *   { id: 'b', at: '2024-01-05', amount: '4' },
 *   { id: 'a', at: 1704967200000, amount: 30 },
 * ];
 * const read = async (columns: readonly string[], onRow: (values: readonly unknown[], line: number) => void) => {
 *   log.forEach((row, i) => onRow(columns.map((c) => row[c as keyof typeof row]), i + 2));
 *   return log.length;
 * };
 * const cols = await readTransactionColumns({ flags: {}, read }, { customer: 'id', time: 'at', value: 'amount' }, 'Europe/Bucharest');
 * cols.names; // => ['a', 'b']
 * cols.customer; // => [0, 1, 0]
 * // 12:00 in Bucharest (UTC+2 in winter) is 10:00Z: Date.UTC(2024, 0, 1, 10)
 * cols.time[0]; // => 1704103200000
 * // epoch ms are taken as they are: 1704967200000 is 2024-01-11T10:00Z, ten days later
 * (cols.time[2] - cols.time[0]) / 86_400_000; // => 10
 * cols.value; // => [10, 4, 30]
 * ```
 */
export async function readTransactionColumns(
  context: CommandContext,
  names: TransactionColumnNames,
  timeZone: string,
): Promise<TransactionColumns> {
  const ids = new Map<string, number>();
  const dates = new Map<string, number>();
  const order: string[] = [];
  const customer = new Growable((n) => new Int32Array(n));
  const time = new Growable((n) => new Float64Array(n));
  const value = names.value === undefined ? undefined : new Growable((n) => new Float64Array(n));
  const columns = names.value === undefined ? [names.customer, names.time] : [names.customer, names.time, names.value];
  let latestMs = Number.NEGATIVE_INFINITY;
  let latest: unknown;
  await context.read(columns, (values, line) => {
    const id = idCell(values[0], names.customer, line);
    let k = ids.get(id);
    if (k === undefined) {
      k = order.length;
      ids.set(id, k);
      order.push(id);
    }
    const raw = values[1];
    let ms: number | undefined = typeof raw === 'string' && raw.length === 10 ? dates.get(raw) : undefined;
    if (ms === undefined) {
      try {
        ms = toEpochMs('time', raw, names.time, timeZone);
      } catch {
        throw new InputError(
          `line ${line}: ${names.time} ${JSON.stringify(raw) ?? String(raw)} is not a valid date or time (ISO 8601, e.g. 2024-03-05 or 2024-03-05T14:30:00Z, or epoch milliseconds)`,
        );
      }
      // Date-only values repeat (a few hundred distinct days a year): parse each once.
      if (typeof raw === 'string' && raw.length === 10 && dates.size < 100_000) dates.set(raw, ms);
    }
    if (ms > latestMs) {
      latestMs = ms;
      latest = raw;
    }
    customer.push(k);
    time.push(ms);
    if (value !== undefined) value.push(numberCell(values[2], names.value as string, line));
  });
  return {
    customer: customer.view(),
    time: time.view(),
    value: value?.view(),
    names: order,
    length: customer.length,
    latest,
  };
}
